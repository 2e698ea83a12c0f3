"""What ladder decides (ids and ranks, a typed trace) and shows (already in one language), as
plain frozen dataclasses."""

from __future__ import annotations

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


@dataclass(frozen=True)
class MethodOut:
    """A recommended method in one language."""

    id: str
    name: str
    description: str
    how: str
    time: str


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


@dataclass(frozen=True)
class Recommendation:
    """Everything recommended for one set of answers, in one language."""

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
