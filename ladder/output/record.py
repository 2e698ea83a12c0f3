"""Results as plain data: the JSON contract of a Recommendation, the questions and the steps,
dumped as JSON or YAML.

No rich here: `--format json` must not pay for it.
"""

from __future__ import annotations

import json
from typing import Any

from ladder.model import Rules
from ladder.result import Recommendation, StepOut

SCHEMA = "ladder.recommendation/1"


def to_dict(rec: Recommendation) -> dict[str, Any]:
    """The versioned JSON contract, in a stable key order."""
    return {
        "schema": SCHEMA,
        "rules": {
            "path": rec.rules.path,
            "sha256": rec.rules.sha256,
            "version": rec.rules.version,
            "region": rec.rules.region,
        },
        "lang": rec.lang,
        "answers": {a.id: a.value for a in rec.answers},
        "level": {
            "id": rec.level.id,
            "rank": rec.level.rank,
            "name": rec.level.name,
            "promise": rec.level.promise,
            "description": rec.level.description,
        },
        "recruitment": [
            {
                "id": s.id,
                "name": s.name,
                "mandate": s.mandate,
                "description": s.description,
                "how": s.how,
            }
            for s in rec.recruitment
        ],
        "methods": [
            {"id": m.id, "name": m.name, "description": m.description, "how": m.how, "time": m.time}
            for m in rec.methods
        ],
        "expectations": rec.expectations,
        "warnings": [{"id": w.id, "text": w.text} for w in rec.warnings],
        "trace": [{"rule": x.rule, "effect": x.effect, "because": x.because} for x in rec.trace],
    }


def __getattr__(name: str) -> object:
    """code_span and escape_markdown, the record's escaping, for their callers: loaded with
    ladder.output.markdown only when asked for (`--format json` needs no document)."""
    if name in ("code_span", "escape_markdown"):
        from ladder.output import markdown

        return getattr(markdown, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def to_markdown(rec: Recommendation) -> str:
    """The Markdown decision record (ladder.output.markdown renders it)."""
    from ladder.output.formats import render

    return render(rec, "markdown")


def questions_to_dict(rules: Rules, lang: str) -> dict[str, Any]:
    """The interview as data: ids, texts, options and conditions (`ladder questions`)."""

    from ladder.wording import texts

    text = texts(rules, lang)

    return {
        "schema": "ladder.questions/1",
        "lang": lang,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "required": q.required,
                "text": text(q.text),
                "help": text(q.help),
                "when": q.when,
                "options": [
                    {"id": o.id, "text": text(o.text), "help": text(o.help)} for o in q.options
                ],
            }
            for q in rules.questions
        ],
    }


def steps_to_dict(steps: tuple[StepOut, ...], lang: str) -> dict[str, Any]:
    return {
        "schema": "ladder.steps/1",
        "lang": lang,
        "steps": [
            {
                "id": s.id,
                "rank": s.rank,
                "name": s.name,
                "description": s.description,
                "promise": s.promise,
            }
            for s in steps
        ],
    }


def dump(data: dict[str, Any], fmt: str) -> str:
    """JSON or YAML text of plain data."""
    if fmt == "yaml":
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return str(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=88))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
