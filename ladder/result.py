"""What ladder decides and shows, as plain frozen dataclasses already in one language."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    """One line of the explanation: the rule, what it did, and why."""

    rule: str
    effect: str
    because: str


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
