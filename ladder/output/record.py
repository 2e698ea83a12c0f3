"""Results as plain data: the JSON contract of a Recommendation, the questions and the steps,
dumped as JSON or YAML.

No rich here: `--format json` must not pay for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ladder.conditions import CHOSEN
from ladder.model import Rules
from ladder.result import AnswerOut, PlanOut, Recommendation, RulesInfo, StepOut

SCHEMA = "ladder.recommendation/1"
PLAN_SCHEMA = "ladder.plan/1"


def to_dict(rec: Recommendation) -> dict[str, Any]:
    """The versioned JSON contract, in a stable key order."""
    return {
        "schema": SCHEMA,
        "rules": to_dict_rules(rec.rules),
        "lang": rec.lang,
        "answers": {a.id: _answer_value(a) for a in rec.answers},
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
                **_serves(s.serves),
            }
            for s in rec.recruitment
        ],
        "methods": [
            {
                "id": m.id,
                "name": m.name,
                "description": m.description,
                "how": m.how,
                "time": m.time,
                **_serves(m.serves),
            }
            for m in rec.methods
        ],
        "expectations": rec.expectations,
        "warnings": [{"id": w.id, "text": w.text} for w in rec.warnings],
        "trace": [{"rule": x.rule, "effect": x.effect, "because": x.because} for x in rec.trace],
        # Added in 1.x, after the keys scripts already read: the two audiences' texts.
        "invitation": {"title": rec.expectations_title, "text": rec.invitation},
        "staff_notes": list(rec.staff_notes),
        "gaps": list(rec.gaps),
        **_readers(rec),
    }


def _readers(rec: Recommendation) -> dict[str, Any]:
    """With --reader only (so the contract stays as it was without): the reader asked for,
    whose text `invitation` and `expectations` hold, and every invitation worded."""
    if rec.reader is None:
        return {}
    return {
        "reader": rec.reader,
        "invitations": {i.reader: {"title": i.title, "text": i.text} for i in rec.invitations},
    }


def _answer_value(answer: AnswerOut) -> str | list[str]:
    """An answer as the contract writes it: one option id as a string, as always; several
    chosen options of a multiple question as a list of ids, in the rules' option order."""
    return answer.value.split(CHOSEN) if answer.multiple else answer.value


def _serves(serves: tuple[str, ...]) -> dict[str, list[str]]:
    """`serves` only when several groups were chosen (additive to the contract)."""
    return {"serves": list(serves)} if serves else {}


def plan_to_dict(
    plan: PlanOut, as_dict: Callable[[Recommendation], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The plan's versioned JSON contract: the shared answers and the plan's own fields, each
    track as a recommendation (without the schema, rules and lang the plan gives once), the
    milestones and the plan-level warnings. `as_dict` is to_dict, or a batch's memo of it."""
    single = SINGLE_ONLY
    as_dict = as_dict or to_dict
    return {
        "schema": PLAN_SCHEMA,
        "rules": to_dict_rules(plan.rules),
        "lang": plan.lang,
        "id": plan.id,
        "answers": {a.id: _answer_value(a) for a in plan.answers},
        "decision_date": plan.decision_date,
        "start_date": plan.start_date,
        "feedback_owner": plan.feedback_owner,
        "contact": plan.contact,
        "tracks": [
            {
                "id": tr.id,
                "name": tr.name,
                "kind": tr.kind,
                **{k: v for k, v in as_dict(tr.recommendation).items() if k not in single},
            }
            for tr in plan.tracks
        ],
        "milestones": [
            {
                "id": m.id,
                "kind": m.kind,
                "track": m.track,
                "date": m.date,
                "days_from_decision": m.days,
                "when": m.when,
                "owner": m.owner,
            }
            for m in plan.milestones
        ],
        "warnings": [{"id": w.id, "text": w.text} for w in plan.warnings],
    }


SINGLE_ONLY = ("schema", "rules", "lang")


def to_dict_rules(rules: RulesInfo) -> dict[str, Any]:
    return {
        "path": rules.path,
        "sha256": rules.sha256,
        "version": rules.version,
        "region": rules.region,
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
                **({"multiple": True} if q.multiple else {}),
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
