"""A plan in one language: each track's recommendation (ladder.wording), the milestones with
their names and when they fall, and the plan-level warnings."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ladder.i18n.messages import t, tn
from ladder.model import Rules
from ladder.plan_file import PlanFields
from ladder.planning import WEEK, TrackPlan
from ladder.result import (
    AnswerOut,
    Milestone,
    MilestoneOut,
    PlanIssue,
    PlanOut,
    Recommendation,
    RulesInfo,
    TrackOut,
    WarningOut,
)
from ladder.wording import steps_out, texts


@dataclass(frozen=True)
class TrackWorded:
    """A decided track with what its wording needs besides the decision."""

    plan: TrackPlan
    name: str
    recommendation: Recommendation


def word_plan(
    rules: Rules,
    info: RulesInfo,
    fields: PlanFields,
    shared: tuple[AnswerOut, ...],
    tracks: list[TrackWorded],
    milestones: tuple[Milestone, ...],
    issues: list[PlanIssue],
    lang: str,
) -> PlanOut:
    """The plan in `lang`."""
    outs = tuple(TrackOut(tr.plan.id, tr.name, tr.plan.kind, tr.recommendation) for tr in tracks)
    names = {tr.plan.id: tr.name for tr in tracks}
    return PlanOut(
        rules=info,
        lang=lang,
        id=fields.id,
        answers=shared,
        decision_date=_iso(fields.decision_date),
        start_date=_iso(fields.start_date),
        feedback_owner=fields.feedback_owner,
        contact=fields.contact,
        tracks=outs,
        milestones=tuple(milestone_out(m, lang) for m in milestones),
        warnings=tuple(issue_out(rules, i, names, lang) for i in issues),
        steps=steps_out(rules, lang),
    )


def _iso(date: object) -> str | None:
    return None if date is None else str(date)


def milestone_out(m: Milestone, lang: str) -> MilestoneOut:
    date = m.date.isoformat() if m.date else None
    name, when = _milestone_words(m.kind, m.days, lang)
    return MilestoneOut(m.id, m.kind, m.track, name, m.days, date, date or when, m.owner)


@functools.lru_cache(maxsize=1024)
def _milestone_words(kind: str, days: int, lang: str) -> tuple[str, str]:
    """A milestone's name, and when it falls relative to the decision (a batch asks often)."""
    return t(f"plan.milestone.{kind}", lang), relative(days, lang)


def relative(days: int, lang: str) -> str:
    """'4 weeks after the decision', '10 days before the decision', 'at the decision'."""
    if days == 0:
        return t("plan.when.at", lang)
    side = "after" if days > 0 else "before"
    count, unit = (abs(days) // WEEK, "weeks") if days % WEEK == 0 else (abs(days), "days")
    return tn(f"plan.when.{unit}_{side}", count, lang, count=count)


def issue_out(rules: Rules, issue: PlanIssue, names: dict[str, str], lang: str) -> WarningOut:
    """A plan-level warning in `lang`; its id in the contract is `plan.<id>`."""
    text = texts(rules, lang)
    values = dict(issue.values)
    structures = {s.id: text(s.name) for s in rules.structures}
    for key in ("structures", "slow", "fits"):
        if key in values:
            values[key] = ", ".join(structures.get(s, s) for s in values[key].split(",") if s)
    tracks = [names.get(i, i) for i in issue.tracks]
    key = f"plan.warning.{issue.id}"
    if issue.id == "lead_time":
        key += "_dated" if values.pop("dated") == "yes" else ""
        if not values["fits"]:
            key += "_none_fits"
    first, second = (tracks[0], tracks[-1]) if tracks else ("", "")
    message = t(key, lang, tracks=", ".join(tracks), first=first, second=second, **values)
    return WarningOut(f"plan.{issue.id}", message)
