"""Which language the user asked for: --lang, else LADDER_LANG, else the locale."""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "en"


def choose_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang, else LADDER_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    env = os.environ if environ is None else environ
    if option:
        return _language_code(option)
    if env.get("LADDER_LANG"):
        return _language_code(env["LADDER_LANG"])
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "sv" if value.lower().startswith("sv") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def known_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """As choose_language, but English where the choice is not a supported language."""
    lang = choose_language(option, environ)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _language_code(value: str) -> str:
    """`sv`, `SV`, `sv_SE`, `sv-SE.UTF-8` all mean Swedish; an unknown value is kept as given."""
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else value
