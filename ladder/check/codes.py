"""Every code `ladder check` reports, its severity, and what to do about it (one catalogue text
per code, `fix.<code>`): the report shows the fix under each finding, docs/rules.md lists them."""

from __future__ import annotations

from ladder.i18n.messages import t

ERROR = "error"
WARNING = "warning"

CODES = {
    "schema": ERROR,
    "coverage.level": ERROR,
    "coverage.structure": ERROR,
    "coverage.method": ERROR,
    "overlap.rule": WARNING,
    "shadowed.rule": WARNING,
    "duplicate.rule": WARNING,
    "unreachable.rule": WARNING,
    "unexplained.cap": ERROR,
    "unreachable.question": WARNING,
    "unused.question": WARNING,
    "undistinguished.option": WARNING,
    "unreachable.step": WARNING,
    "unreachable.structure": WARNING,
    "unreachable.method": WARNING,
    "shadowed.structure": WARNING,
    "shadowed.method": WARNING,
    "unreachable.warning": WARNING,
    "unreachable.part": WARNING,
    "unused.mandate_type": WARNING,
    "property.refuted": ERROR,
    "example.invalid": ERROR,
    "example.unused_answer": WARNING,
    "example.failed": ERROR,
    "budget.exceeded": ERROR,
}


def fix_text(code: str, lang: str) -> str:
    """What to do about a finding with this code, in `lang`."""
    return t(f"fix.{code}", lang)
