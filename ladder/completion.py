"""Shell completion of `-a/--answer`: question ids, then option ids after `KEY=`."""

from __future__ import annotations

from typing import Any


def complete_answer(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Candidates from the active rules file (`--rules`, $LADDER_RULES or the built-in)."""
    from .errors import LadderError
    from .messages import LANGUAGES, choose_language
    from .rules import load_rules

    params = getattr(ctx, "params", None) or {}
    lang = choose_language(params.get("lang"))
    lang = lang if lang in LANGUAGES else "en"
    try:
        rules = load_rules(params.get("rules"), lang).rules
    except LadderError:
        return []

    key, sep, partial = incomplete.partition("=")
    if not sep:
        return [
            (f"{q.id}=", rules.text(q.text, lang)) for q in rules.questions if q.id.startswith(key)
        ]
    question = next((q for q in rules.questions if q.id == key), None)
    if question is None:
        return []
    return [
        (f"{key}={o.id}", rules.text(o.text, lang))
        for o in question.options
        if o.id.startswith(partial)
    ]
