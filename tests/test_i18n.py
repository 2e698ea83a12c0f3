"""Two complete languages: every string in the code and in the shipped rules, in sv and en."""

from __future__ import annotations

import string
import subprocess
import sys

import pytest

from ladder.i18n.english import ENGLISH
from ladder.i18n.messages import LANGUAGES, choose_language, translations

from .conftest import DIABETES, ROOT, SHIPPED_RULES, answer_flags


def _texts(key: str) -> dict[str, str]:
    """Every text of `key`, as the catalogues give them: sv, en, and sv_one, en_one for plurals."""
    english, swedish = ENGLISH[key], translations("sv")
    if isinstance(english, tuple):
        return {
            "en_one": english[0],
            "en": english[1],
            "sv_one": swedish.npgettext(key, *english, 1),
            "sv": swedish.npgettext(key, *english, 2),
        }
    return {"en": english, "sv": swedish.pgettext(key, english)}


MESSAGES = {key: _texts(key) for key in ENGLISH}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_every_language_with_the_same_placeholders(key):
    texts = MESSAGES[key]
    singular = {f"{lang}_one" for lang in LANGUAGES}
    assert set(texts) in (set(LANGUAGES), set(LANGUAGES) | singular), key
    assert all(text.strip() for text in texts.values()), key
    assert _fields(texts["sv"]) == _fields(texts["en"]), key
    if "sv_one" in texts:
        assert _fields(texts["sv_one"]) == _fields(texts["en_one"]) == _fields(texts["en"]), key


def test_singular_forms_are_used_for_one():
    from ladder.i18n.messages import t

    assert t("answers.missing", "en", count=1) == "1 required question is not answered:"
    assert t("answers.missing", "sv", count=2) == "Svar saknas på 2 frågor:"


def test_swedish_and_english_messages_are_translations_not_copies():
    same = [k for k, v in MESSAGES.items() if v["sv"] == v["en"] and len(v["en"]) > 12]
    assert same == []


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=lambda p: p.stem)
def test_every_text_in_the_shipped_rules_has_both_languages(path):
    def walk(node, where):
        if isinstance(node, dict):
            keys = set(node)
            if keys & {"sv", "en"} and all(isinstance(v, str) for v in node.values()):
                assert keys == {"sv", "en"}, where
                assert node["sv"].strip() and node["en"].strip(), where
                return 1
            return sum(walk(v, f"{where}.{k}") for k, v in node.items())
        if isinstance(node, list):
            return sum(walk(v, f"{where}[{i}]") for i, v in enumerate(node))
        return 0

    from ladder.load.overlay import resolve

    # an overlay (Kronoberg) may change one language of a text: its merged rules are checked
    count = walk(resolve(path).raw(), path.name)
    assert count > 200


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ("sv", {"LADDER_LANG": "en", "LANG": "en_US.UTF-8"}, "sv"),
        (None, {"LADDER_LANG": "sv", "LANG": "en_US.UTF-8"}, "sv"),
        (None, {"LC_ALL": "sv_SE.UTF-8", "LANG": "en_US.UTF-8"}, "sv"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "sv_FI.UTF-8"}, "sv"),
        (None, {"LANG": "sv_SE.UTF-8"}, "sv"),
        (None, {"LANG": "C"}, "en"),
        (None, {}, "en"),
        # a language written as a locale or in capitals means that language
        (None, {"LADDER_LANG": "sv_SE"}, "sv"),
        (None, {"LADDER_LANG": "sv-SE.UTF-8", "LANG": "en_US.UTF-8"}, "sv"),
        ("SV", {}, "sv"),
        ("en_GB", {"LANG": "sv_SE.UTF-8"}, "en"),
        ("fi", {}, "fi"),  # unknown: kept, so --lang can refuse it by name
    ],
)
def test_language_selection_order(option, env, expected):
    assert choose_language(option, env) == expected


@pytest.mark.parametrize("locale", ["C.UTF-8", "C"])
def test_swedish_characters_survive_utf8_and_c_locales(locale):
    env = {"PATH": "", "LANG": locale, "LC_ALL": locale, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "ladder", "recommend", "--lang", "sv", *answer_flags(DIABETES)],
        capture_output=True,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "Rekommenderad nivå: Konsultation" in out
    assert ("Medbestämmande" in out and "Mål" not in out) or "å" in out
