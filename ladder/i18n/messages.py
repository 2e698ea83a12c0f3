"""The tool's own user-facing strings: English from the table in english.py, Swedish from the
compiled catalogue locale/sv/LC_MESSAGES/ladder.mo (msgctxt = the key), read when first asked."""

from __future__ import annotations

import errno
import functools
import gettext
from pathlib import Path

from ladder.errors import NotAFileError
from ladder.i18n.english import ENGLISH
from ladder.i18n.language import DEFAULT_LANGUAGE, LANGUAGES, choose_language, known_language

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "MESSAGES",
    "choose_language",
    "known_language",
    "os_problem",
    "t",
    "tn",
    "translations",
    "yaml_problem",
]

LOCALE = Path(__file__).with_name("locale")
DOMAIN = "ladder"
# Every key there is; a text that depends on a count is a (singular, plural) pair.
MESSAGES = ENGLISH


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang`; English (the msgids themselves) needs none."""
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)


def t(key: str, lang: str, /, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in; the singular form when count is 1."""
    english = ENGLISH[key]
    if isinstance(english, tuple):
        return tn(key, 1 if values.get("count") == 1 else 2, lang, **values)
    text = translations(lang).pgettext(key, english)
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: str, /, **values: object) -> str:
    """The form of the message `key` that goes with the number `n`, with `values` filled in."""
    english = ENGLISH[key]
    singular, plural = english if isinstance(english, tuple) else (english, english)
    return translations(lang).npgettext(key, singular, plural, n).format(**values)


# Problems reported by libraries and the OS, in the user's language; unknown ones keep their
# own words.
YAML_PROBLEMS = (
    ("found a tab character", "yaml.tab"),
    ("that cannot start any token", "yaml.token"),
    ("could not find expected ':'", "yaml.colon"),
    ("did not find expected key", "yaml.key"),
    ("did not find expected node content", "yaml.node"),
    ("found unexpected end of stream", "yaml.end"),
    ("did not find expected ',' or ']'", "yaml.list"),
    ("did not find expected ',' or '}'", "yaml.mapping"),
    ("mapping values are not allowed here", "yaml.colon_inside"),
    ("expected <block end>", "yaml.indent"),
)
OS_PROBLEMS = {
    errno.ENOENT: "os.no_such",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.ENOSPC: "os.full",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.EROFS: "os.read_only",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.ELOOP: "os.link_loop",
}


def yaml_problem(problem: str, lang: str) -> str:
    """PyYAML's description of a syntax error, explained in `lang`."""
    for found, key in YAML_PROBLEMS:
        if found in problem:
            return f"{t(key, lang)} ({problem})"
    return problem


def os_problem(error: OSError, lang: str) -> str:
    """The reason an OS call failed, in `lang`."""
    key = error.key if isinstance(error, NotAFileError) else OS_PROBLEMS.get(error.errno or 0)
    return t(key, lang) if key else str(error.strerror or error)
