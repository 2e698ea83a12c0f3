"""Every code `ladder check` reports: its severity, what it means (for docs/rules.md), and what
to do about it (a catalogue text per code, `fix.<code>`, shown under each finding)."""

from __future__ import annotations

from ladder.i18n.messages import t

ERROR = "error"
WARNING = "warning"

# code -> (severity, what it means), in the order docs/rules.md lists them
CODES = {
    "schema": (
        ERROR,
        "the file does not load: YAML syntax, unknown keys, wrong types, unknown ids, missing "
        "languages, malformed properties",
    ),
    "coverage.level": (
        ERROR,
        "some answers get no level: no target rule applies (one combination named)",
    ),
    "coverage.structure": (ERROR, "some answers get no structure"),
    "coverage.method": (ERROR, "some answers get no method"),
    "overlap.rule": (
        WARNING,
        "two target rules apply to the same answers and set different steps; the first wins. A "
        "last target rule without `when` is a deliberate default and is not reported",
    ),
    "shadowed.rule": (
        WARNING,
        "a target rule never fires because earlier ones always apply first; a floor that never "
        "raises, a cap that never lowers",
    ),
    "duplicate.rule": (WARNING, "a level rule repeats another exactly"),
    "unreachable.rule": (WARNING, "a level rule whose conditions no answers meet"),
    "unexplained.cap": (
        ERROR,
        "a cap that no warning or statement part names in `capped_by`: nobody would be told why "
        "the level is limited",
    ),
    "unreachable.question": (WARNING, "a question whose `when` can never hold"),
    "unused.question": (WARNING, "a question no rule reads"),
    "undistinguished.option": (
        WARNING,
        "two options every rule treats alike: the choice changes nothing",
    ),
    "unreachable.step": (WARNING, "a step no answers lead to"),
    "unreachable.structure": (
        WARNING,
        "a structure never recommended: its conditions never hold together",
    ),
    "unreachable.method": (
        WARNING,
        "a method never recommended: its conditions never hold together",
    ),
    "shadowed.structure": (
        WARNING,
        "a structure that fits sometimes, but earlier ones always fill the selection",
    ),
    "shadowed.method": (
        WARNING,
        "a method that fits sometimes, but earlier ones always fill the selection",
    ),
    "unreachable.warning": (WARNING, "a warning that is never raised"),
    "unreachable.part": (WARNING, "a statement part that is never used"),
    "unused.mandate_type": (WARNING, "no recommendable structure has this mandate"),
    "missing.reader_text": (
        WARNING,
        "a participant text (a part of the invitation, or a promise, mandate or time asked that "
        "one names) has no text for a declared reader, nor for its fallback: that reader would "
        "get the standard text",
    ),
    "simplify.conditions": (
        WARNING,
        "an `any` or `all` with one block only: write its conditions directly",
    ),
    "dead.branch": (
        WARNING,
        "an `any` alternative that never holds where the rest of the item's conditions do",
    ),
    "excluding.not": (
        WARNING,
        "a `not` that excludes every answer where the rest of the item's conditions hold: the "
        "item never applies",
    ),
    "redundant.not": (
        WARNING,
        "a `not` whose block never holds where the rest of the item's conditions do: it excludes "
        "nothing",
    ),
    "property.refuted": (
        ERROR,
        "a property does not hold; the counterexample and the level rule that decided it are named",
    ),
    "example.invalid": (ERROR, "an example's answers are incomplete or invalid"),
    "example.unused_answer": (
        WARNING,
        "an example answers a question that is not asked for its answers",
    ),
    "example.failed": (ERROR, "the rules recommend something other than the example expects"),
    "budget.exceeded": (ERROR, "a check ran out of its work budget before it finished"),
}


def fix_text(code: str, lang: str) -> str:
    """What to do about a finding with this code, in `lang`."""
    return t(f"fix.{code}", lang)
