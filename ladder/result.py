"""What ladder decides (ids and ranks, a typed trace) and shows (already in one language), as
plain frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

TraceKind = Literal["target", "floor", "cap"]
Effect = Literal["sets", "raises", "lowers", "none"]


class TraceEntry(NamedTuple):
    """One level rule that applied: which, the step it names, what it did to the level, and the
    answer it read the step from (`from`), if any. A named tuple: the engine makes several per
    decision, and the checker's brute force millions."""

    kind: TraceKind
    rule: str
    step: str
    effect: Effect
    question: str | None
    answer: str | None


@dataclass(frozen=True)
class LevelDecision:
    """The level and why: level = min(max(target, highest floor), lowest cap)."""

    target: str
    raised: str  # the target after floors
    lowest_cap: str | None
    level: str
    rank: int  # the level's place on the ladder, from 1
    binding_caps: frozenset[str]  # the caps that lowered the level to where it is
    trace: tuple[TraceEntry, ...]


@dataclass(frozen=True)
class Decision(LevelDecision):
    """The level, and the ids of what is chosen at it, in order, before any text is chosen."""

    variant: int | None  # which of the level's step variants applies, if any
    structures: tuple[str, ...]
    methods: tuple[str, ...]
    warnings: tuple[str, ...]
    parts: tuple[str, ...]  # the expectations statement's parts
    # With several options chosen for a multiple question: per structure and per method, in
    # the same order, the chosen options (groups) it serves; empty otherwise.
    structure_serves: tuple[tuple[str, ...], ...] = ()
    method_serves: tuple[tuple[str, ...], ...] = ()
    readers: tuple[str, ...] = ()  # the declared readers whose conditions hold, in file order


# The recommendation: plain frozen dataclasses, already in one language. Each has a docstring,
# which also spares dataclass from deriving one from the signature at import.


@dataclass(frozen=True)
class RulesInfo:
    """Which rules file a recommendation came from."""

    path: str
    sha256: str
    version: int
    region: str


@dataclass(frozen=True)
class StepOut:
    """A step of the ladder in one language."""

    id: str
    rank: int
    name: str
    promise: str
    description: str


@dataclass(frozen=True)
class StructureOut:
    """A recommended recruitment structure in one language."""

    id: str
    name: str
    mandate: str
    description: str
    how: str
    serves: tuple[str, ...] = ()  # option ids, when several were chosen
    serves_text: str = ""  # their texts


@dataclass(frozen=True)
class MethodOut:
    """A recommended method in one language."""

    id: str
    name: str
    description: str
    how: str
    time: str
    serves: tuple[str, ...] = ()
    serves_text: str = ""


@dataclass(frozen=True)
class WarningOut:
    """A warning raised for these answers, in one language."""

    id: str
    text: str


@dataclass(frozen=True)
class TraceLine:
    """One line of the explanation: the rule and what it did as the contract writes them
    ("cap.weeks", "cap:consultation:lowers"), why, and the same typed."""

    rule: str
    effect: str
    because: str
    kind: TraceKind | Literal["level"]
    step: str
    change: Effect

    @property
    def decisive(self) -> bool:
        """Whether this line made the level what it is (the others applied, but changed nothing)."""
        return self.kind in ("target", "level") or self.change in ("raises", "lowers")


@dataclass(frozen=True)
class AnswerOut:
    """An answer with its question and option texts."""

    id: str
    value: str
    question: str
    answer: str
    multiple: bool = False  # several options chosen: `value` joins their ids


STANDARD = "standard"  # the reader every invitation is worded for; implicit in every file


@dataclass(frozen=True)
class InvitationOut:
    """The invitation worded for one reader: `standard`, or a reader the rules declare."""

    reader: str
    name: str  # the reader's name ("" for standard)
    title: str
    text: str


@dataclass(frozen=True)
class Recommendation:
    """Everything recommended for one set of answers, in one language. Two audiences: the
    invitation (`expectations`, paragraphs parted by blank lines) is written to participants;
    `staff_notes` (paragraphs) only to those who run the involvement."""

    rules: RulesInfo
    lang: str
    answers: tuple[AnswerOut, ...]
    level: StepOut
    recruitment: tuple[StructureOut, ...]
    methods: tuple[MethodOut, ...]
    expectations_title: str
    expectations: str
    warnings: tuple[WarningOut, ...]
    trace: tuple[TraceLine, ...]
    steps: tuple[StepOut, ...] = field(default=())
    staff_notes: tuple[str, ...] = field(default=())
    gaps: tuple[str, ...] = field(default=())  # marked gaps left in the invitation: "[vem]"
    # The reader asked for (--reader); None: not asked, the standard text, and the JSON
    # contract without `reader` and `invitations`, as before readers.
    reader: str | None = None
    # The standard invitation first, then each reader whose conditions hold (and the one asked).
    invitations: tuple[InvitationOut, ...] = field(default=())

    @property
    def invitation(self) -> str:
        """The text for participants: the expectations statement by its newer name."""
        return self.expectations


# Plans: several tracks (groups or phases) decided on shared answers, with dated milestones.

MilestoneKind = Literal[
    "recruitment_start", "first_meeting", "decision", "feedback_due", "follow_up"
]


@dataclass(frozen=True)
class Milestone:
    """A point in a plan: `id` is stable ("decision", "survey.first_meeting"); `days` counts
    from the decision (negative before it); `date` is None when the plan gives no date."""

    id: str
    kind: MilestoneKind
    track: str | None
    days: int
    date: dt.date | None
    owner: str | None


@dataclass(frozen=True)
class PlanIssue:
    """A plan-level warning as ids and values, before any text: which, the tracks it is
    about, and what it names (structure ids, weeks)."""

    id: str
    tracks: tuple[str, ...]
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MilestoneOut:
    """A milestone in one language: its name, and when (a date, or weeks from the decision)."""

    id: str
    kind: MilestoneKind
    track: str | None
    name: str
    days: int
    date: str | None
    when: str
    owner: str | None


@dataclass(frozen=True)
class TrackOut:
    """One track of a plan: its id, name and kind (group or phase), and its recommendation."""

    id: str
    name: str
    kind: str
    recommendation: Recommendation


@dataclass(frozen=True)
class PlanOut:
    """An involvement plan in one language: shared answers, tracks, milestones, warnings."""

    rules: RulesInfo
    lang: str
    id: str | None
    answers: tuple[AnswerOut, ...]
    decision_date: str | None
    start_date: str | None
    feedback_owner: str | None
    contact: str | None
    tracks: tuple[TrackOut, ...]
    milestones: tuple[MilestoneOut, ...]
    warnings: tuple[WarningOut, ...]
    steps: tuple[StepOut, ...] = field(default=())
