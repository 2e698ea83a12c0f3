"""The placeholders a rules file's templates may name: the built-in ones, and one per free-text
question of the file (filled from its answer)."""

from __future__ import annotations

from dataclasses import dataclass

from ladder.i18n.messages import t
from ladder.model import Rules

# Where a placeholder may be used: in a level rule's `because`, or in the texts of warnings and
# statement parts ("output").
BECAUSE = "because"
OUTPUT = "output"

BECAUSE_PLACEHOLDERS = ("step", "answer")
BUILT_IN_OUTPUT = (
    "region",
    "level",
    "promise",
    "level_description",
    "target",
    "structures",
    "methods",
    "method_times",
    "time_asked",
    "mandate",
)
BUILT_IN = (*BECAUSE_PLACEHOLDERS, *BUILT_IN_OUTPUT)


@dataclass(frozen=True)
class Placeholder:
    name: str
    source: str  # "built-in" or "file"
    used_in: str  # BECAUSE or OUTPUT
    description: str


def text_questions(rules: Rules) -> list[str]:
    """The ids of the file's free-text questions: each is a placeholder of the output texts."""
    return [q.id for q in rules.questions if q.kind == "text"]


def output_placeholders(rules: Rules) -> tuple[str, ...]:
    """What a warning or a statement part may name."""
    return (*BUILT_IN_OUTPUT, *text_questions(rules))


def placeholders(rules: Rules, lang: str) -> list[Placeholder]:
    """Every placeholder of this file, built-in ones first, each described in `lang`."""
    out = [
        Placeholder(n, "built-in", BECAUSE, t(f"placeholder.{n}", lang))
        for n in BECAUSE_PLACEHOLDERS
    ]
    out += [
        Placeholder(n, "built-in", OUTPUT, t(f"placeholder.{n}", lang)) for n in BUILT_IN_OUTPUT
    ]
    for q in rules.questions:
        if q.kind == "text":
            described = t("placeholder.from_file", lang, question=rules.text(q.text, lang))
            out.append(Placeholder(q.id, "file", OUTPUT, described))
    return out


def placeholders_to_dict(files: list[tuple[str, list[Placeholder]]]) -> dict[str, object]:
    return {
        "schema": "ladder.placeholders/1",
        "files": [
            {
                "path": path,
                "placeholders": [
                    {
                        "name": p.name,
                        "source": p.source,
                        "used_in": p.used_in,
                        "description": p.description,
                    }
                    for p in found
                ],
            }
            for path, found in files
        ],
    }


def placeholders_to_text(files: list[tuple[str, list[Placeholder]]], lang: str) -> str:
    lines = []
    for path, found in files:
        lines.append(f"{path}:")
        for used_in in (BECAUSE, OUTPUT):
            lines.append(f"  {t(f'placeholder.heading.{used_in}', lang)}")
            for p in found:
                if p.used_in == used_in:
                    mark = f" ({t('placeholder.marked_file', lang)})" if p.source == "file" else ""
                    lines.append(f"    {{{p.name}}}{mark}: {p.description}")
    return "\n".join(lines) + "\n"
