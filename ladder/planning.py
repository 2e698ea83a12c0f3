"""A plan's milestones and plan-level warnings, from the tracks' decisions, the rules' lead
times (`planning`) and the plan's dates. Pure: no I/O, no text, and "today" is passed in.

Every milestone counts in days from the decision. With a decision date (or a start date, from
which the decision is counted forward) each also has a date; without, it stays relative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import combinations

from ladder.model import Rules
from ladder.result import Decision, Milestone, PlanIssue

WEEK = 7


@dataclass(frozen=True)
class TrackPlan:
    """What the milestones read of one track: its decision and its answers."""

    id: str
    kind: str
    reason: str | None
    contact: str | None
    answers: dict[str, str]
    decision: Decision


@dataclass(frozen=True)
class Dates:
    """The plan's dates and owners."""

    decision_date: dt.date | None = None
    start_date: dt.date | None = None
    decision_owner: str | None = None
    feedback_owner: str | None = None
    contact: str | None = None


def lead_weeks(rules: Rules, decision: Decision) -> int:
    """Weeks of recruitment before the first meeting: the longest of the track's structures."""
    planning = rules.planning
    leads = {s.id: s.lead_weeks for s in rules.structures}
    weeks = [leads.get(i) for i in decision.structures]
    return max(
        (planning.lead_weeks if w is None else w for w in weeks), default=planning.lead_weeks
    )


def meeting_weeks(rules: Rules, answers: dict[str, str]) -> int:
    """Weeks between the first meeting and the decision, by the timeframe answer."""
    planning = rules.planning
    answer = answers.get(planning.timeframe_question)
    return planning.meeting_weeks.get(answer or "", planning.meeting_weeks_default)


def feedback_promised(rules: Rules, level: str) -> bool:
    """Whether participants at this level are promised feedback on what their input changed."""
    ranks = {s.id: i for i, s in enumerate(rules.steps, 1)}
    return ranks[level] >= ranks.get(rules.planning.feedback_from, 2)


def milestones(rules: Rules, tracks: list[TrackPlan], dates: Dates) -> tuple[Milestone, ...]:
    """Every milestone of the plan, in time order (the decision before the tracks' steps on
    the same day, tracks in their order)."""
    planning = rules.planning
    decision_date = anchor(rules, tracks, dates)
    contact_for = {tr.id: tr.contact or dates.contact for tr in tracks}
    found: list[tuple[int, int, Milestone]] = []

    def add(kind: str, track: str | None, days: int, owner: str | None, order: int) -> None:
        date = decision_date + dt.timedelta(days=days) if decision_date else None
        milestone_id = f"{track}.{kind}" if track else kind
        found.append((days, order, Milestone(milestone_id, kind, track, days, date, owner)))  # type: ignore[arg-type]

    add("decision", None, 0, dates.decision_owner, -1)
    feedback_owner = dates.feedback_owner or dates.contact
    for order, tr in enumerate(tracks):
        first, recruit = _meeting_days(rules, tr, dates, decision_date)
        add("recruitment_start", tr.id, recruit, contact_for[tr.id], order)
        add("first_meeting", tr.id, first, contact_for[tr.id], order)
        if feedback_promised(rules, tr.decision.level):
            add("feedback_due", tr.id, planning.feedback_weeks * WEEK, feedback_owner, order)
            add("follow_up", tr.id, planning.follow_up_weeks * WEEK, feedback_owner, order)
    return tuple(m for _, _, m in sorted(found, key=lambda x: (x[0], x[1])))


def anchor(rules: Rules, tracks: list[TrackPlan], dates: Dates) -> dt.date | None:
    """The decision's date: given, or counted from the start date through the slowest track."""
    if dates.decision_date is not None or dates.start_date is None:
        return dates.decision_date
    weeks = max(lead_weeks(rules, tr.decision) + meeting_weeks(rules, tr.answers) for tr in tracks)
    return dates.start_date + dt.timedelta(weeks=weeks)


def _meeting_days(
    rules: Rules, tr: TrackPlan, dates: Dates, decision_date: dt.date | None
) -> tuple[int, int]:
    """Days from the decision to the first meeting and to the start of recruitment."""
    lead = lead_weeks(rules, tr.decision) * WEEK
    if dates.start_date is not None and decision_date is not None:
        recruit = (dates.start_date - decision_date).days
        return recruit + lead, recruit
    first = -meeting_weeks(rules, tr.answers) * WEEK
    return first, first - lead


def issues(rules: Rules, tracks: list[TrackPlan], dates: Dates, today: dt.date) -> list[PlanIssue]:
    """The plan-level warnings, as ids and values."""
    found: list[PlanIssue] = []
    if dates.decision_date is not None and dates.decision_date < today:
        found.append(PlanIssue("decision_past", (), (("date", dates.decision_date.isoformat()),)))
    found += _too_little_time(rules, tracks, dates, today)
    found += _same_people(tracks)
    found += _level_drops(rules, tracks)
    promised = [tr.id for tr in tracks if feedback_promised(rules, tr.decision.level)]
    if promised and not (dates.feedback_owner or dates.contact):
        found.append(PlanIssue("no_feedback_owner", tuple(promised)))
    return found


def available_weeks(
    rules: Rules, tr: TrackPlan, dates: Dates, today: dt.date
) -> tuple[int, bool] | None:
    """The weeks there are before the decision, and whether dates (not the timeframe answer)
    say so; None when neither does."""
    if dates.decision_date is not None:
        since = dates.start_date or today
        return max(0, (dates.decision_date - since).days // WEEK), True
    answer = tr.answers.get(rules.planning.timeframe_question)
    horizon = rules.planning.horizon_weeks.get(answer or "")
    return None if horizon is None else (horizon, False)


def _too_little_time(
    rules: Rules, tracks: list[TrackPlan], dates: Dates, today: dt.date
) -> list[PlanIssue]:
    """A track whose recruitment and first meeting do not fit the time before the decision:
    which structures need too long, and which of those recommended would fit."""
    found = []
    leads = {s.id: s.lead_weeks for s in rules.structures}
    for tr in tracks:
        available = available_weeks(rules, tr, dates, today)
        if available is None or (dates.decision_date is not None and dates.decision_date < today):
            continue
        weeks, dated = available
        meeting = 0 if dated and dates.start_date else meeting_weeks(rules, tr.answers)
        default = rules.planning.lead_weeks
        need = {s: _or(leads.get(s), default) for s in tr.decision.structures}
        slow = [s for s, lead in need.items() if lead + meeting > weeks]
        if slow:
            values = (
                ("weeks", str(weeks)),
                ("needed", str(max(need[s] for s in slow) + meeting)),
                ("slow", ",".join(slow)),
                ("fits", ",".join(s for s in need if s not in slow)),
                ("dated", "yes" if dated else "no"),
            )
            found.append(PlanIssue("lead_time", (tr.id,), values))
    return found


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _same_people(tracks: list[TrackPlan]) -> list[PlanIssue]:
    """Two tracks that recruit through the same structure with different promises."""
    found = []
    for a, b in combinations(tracks, 2):
        if a.decision.level == b.decision.level:
            continue
        shared = [s for s in a.decision.structures if s in b.decision.structures]
        if shared:
            found.append(
                PlanIssue("same_people", (a.id, b.id), (("structures", ",".join(shared)),))
            )
    return found


def _level_drops(rules: Rules, tracks: list[TrackPlan]) -> list[PlanIssue]:
    """A phase at a lower level than an earlier phase, with no reason given."""
    found = []
    highest: TrackPlan | None = None
    for tr in (tr for tr in tracks if tr.kind == "phase"):
        if highest is not None and tr.decision.rank < highest.decision.rank and not tr.reason:
            found.append(PlanIssue("level_drops", (highest.id, tr.id)))
        if highest is None or tr.decision.rank > highest.decision.rank:
            highest = tr
    return found
