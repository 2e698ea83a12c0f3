"""Typed model of a rules file and of a recommendation. No I/O here.

The rules model is a set of frozen pydantic models: pydantic is already loaded by
typer at start-up, validates the untrusted YAML, and gives us the JSON Schema.
"""

# No `from __future__ import annotations`: pydantic would compile every field's annotation
# at import; defined in order, they need no forward references.

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

TEXT = "ladder:text"
Text = Annotated[dict[str, str], TEXT]
"""A user-facing text: language code -> text. Every declared language must be present."""

MandateType = Literal["personal", "organisational"]

READERS = "ladder:readers"
Readers = Annotated[dict[str, dict[str, str]], READERS]
"""Reader variants of a participant text: reader id (declared under expectations.readers) ->
the text for that reader, in every declared language; a reader without one falls back."""


def _readers(what: str) -> Readers:
    return Field(
        default_factory=dict,
        description=f"Reader id -> {what} for that reader (easy read, young); a reader "
        "without one gets its fallback's, in the end the standard text.",
    )


ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN)]


class Strict(BaseModel):
    # Deferred: one schema for Rules is built on first validation (cheaper than one per class
    # at import), and a cached load never builds it.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


Answers = dict[str, list[str]]


class Conditions(Strict):
    """When a piece of output applies. Every condition that is set must hold."""

    when: Answers = Field(
        default_factory=dict,
        description="Question id -> the option ids that match. The question must have been "
        "asked and answered with one of them.",
    )
    levels: list[str] = Field(
        default_factory=list, description="Step ids: the recommended level must be one of them."
    )
    capped_by: list[str] = Field(
        default_factory=list,
        description="Cap ids: at least one of these caps must have lowered the level.",
    )
    given: list[str] = Field(
        default_factory=list, description="Free-text question ids that must have an answer."
    )
    missing: list[str] = Field(
        default_factory=list, description="Free-text question ids that must have no answer."
    )
    # Composite conditions, each a full condition block; they combine with the keys above by
    # AND. Keys of the item rather than of `when`, so no question id can collide with them.
    any_: "list[Conditions]" = Field(
        default_factory=list,
        alias="any",
        description="Condition blocks of which at least one must hold.",
    )
    all_: "list[Conditions]" = Field(
        default_factory=list, alias="all", description="Condition blocks that must all hold."
    )
    not_: "Conditions | None" = Field(
        default=None, alias="not", description="A condition block that must not hold."
    )

    @property
    def composite(self) -> bool:
        """Whether the item has any/all/not conditions (the engine's slow path)."""
        return bool(self.any_ or self.all_) or self.not_ is not None

    def blocks(self) -> "Iterator[Conditions]":
        """This block and every block nested in its any/all/not, depth first."""
        yield self
        for block in (*self.any_, *self.all_, *([self.not_] if self.not_ is not None else [])):
            yield from block.blocks()


class Region(Strict):
    id: Id = Field(description="Short id of the region the rules are written for.")
    name: Text = Field(description="The region's name.")
    source: Text = Field(description="Where the region's structures and rates come from.")


class StepVariant(Strict):
    when: Answers = Field(description="The answers this wording is for, e.g. the care meeting.")
    description: Text = Field(description="What participants do at this step, in this case.")
    promise: Text = Field(description="The promise to participants, in this case.")
    readers: Readers = _readers("the promise, in this case,")


class Step(Strict):
    id: Id = Field(description="Stable id of the step, used in rules, output and scripts.")
    name: Text = Field(description="The step's name on the ladder.")
    description: Text = Field(description="What participants do at this step.")
    promise: Text = Field(description="What participants may expect: the promise to them.")
    readers: Readers = _readers("the promise")
    variants: list[StepVariant] = Field(
        default_factory=list,
        description="Other wordings of the description and promise for some answers; the "
        "first whose `when` holds is used.",
    )


class Option(Strict):
    id: Id = Field(description="Stable option id, the value scripts pass with --answer.")
    text: Text = Field(description="The option as shown to the user.")
    help: Text = Field(description="One line that explains the option.")


class Question(Strict):
    id: Id = Field(description="Stable question id, the key scripts pass with --answer.")
    kind: Literal["choice", "text"] = Field(
        default="choice", description="choice: one of the options; text: free text."
    )
    text: Text = Field(description="The question as asked.")
    help: Text = Field(description="One line that explains the question.")
    options: list[Option] = Field(
        default_factory=list, description="The options of a choice question, low to high."
    )
    required: bool = Field(
        default=True, description="Whether a recommendation needs an answer (choice only)."
    )
    multiple: bool = Field(
        default=False,
        description="Whether several options may be chosen (choice only): a `when` on the "
        "question then holds when any chosen option is listed.",
    )
    when: Answers = Field(
        default_factory=dict,
        description="Ask only when these earlier questions have one of these answers.",
    )
    max_length: int = Field(
        default=1000, ge=1, le=100_000, description="Longest accepted free-text answer."
    )


class LevelRule(Strict):
    """Sets a level: a fixed step (`step`), or by the answer to a question (`from` + `map`)."""

    id: Id = Field(description="Stable id of the rule, shown in the trace.")
    when: Answers = Field(
        default_factory=dict, description="The rule applies only to these answers."
    )
    step: str | None = Field(default=None, description="The step this rule sets.")
    from_: str | None = Field(
        default=None, alias="from", description="The question whose answer picks the step."
    )
    map: dict[str, str] = Field(
        default_factory=dict, description="Option id of the `from` question -> step id."
    )
    because: Text = Field(
        description="The explanation line; {step} is the step's name, {answer} the answer's text."
    )


class LevelLogic(Strict):
    """level = min(max(target, highest floor), lowest cap)."""

    target: list[LevelRule] = Field(
        description="What the project needs; the first rule that applies sets the target."
    )
    floors: list[LevelRule] = Field(
        default_factory=list, description="Raise the level to at least this step."
    )
    caps: list[LevelRule] = Field(
        default_factory=list, description="Never recommend above this step."
    )


class Selection(Strict):
    structures: int = Field(default=3, ge=1, le=20, description="Most structures to recommend.")
    methods: int = Field(default=3, ge=1, le=20, description="Most methods to recommend.")


class Structure(Conditions):
    id: Id = Field(description="Stable id of the recruitment structure.")
    name: Text = Field(description="The structure's name.")
    description: Text = Field(description="What the structure is.")
    mandate: MandateType = Field(
        description="personal: participants speak from their own experience; organisational: "
        "for an association."
    )
    how: Text = Field(description="How to start recruiting from it.")
    lead_weeks: int | None = Field(
        default=None,
        ge=0,
        le=104,
        description="Weeks from the start of recruitment to the first meeting; when not set, "
        "`planning.lead_weeks`.",
    )


class Method(Conditions):
    id: Id = Field(description="Stable id of the method.")
    name: Text = Field(description="The method's name.")
    description: Text = Field(description="What the method is.")
    how: Text = Field(description="How to do it: size, duration, first step.")
    time: Text = Field(description="The time the method asks of each participant.")
    readers: Readers = _readers(
        "the time asked, as a whole sentence that names the method (it replaces "
        "'name: time' in {time_asked})"
    )


class WarningRule(Conditions):
    # "Warning" in the schema, as the file format has always called it; not the builtin here.
    model_config = ConfigDict(title="Warning")

    id: Id = Field(description="Stable id of the warning.")
    text: Text = Field(description="The warning and what to do about it; placeholders allowed.")


Audience = Literal["participants", "staff"]


class StatementPart(Conditions):
    id: Id = Field(description="Stable id of the part.")
    text: Text = Field(description="One paragraph of the statement; placeholders allowed.")
    audience: Audience = Field(
        default="participants",
        description="Who reads the paragraph: `participants` (the invitation, the default, as "
        "every part of a version-1 file was written for them) or `staff` (the staff notes: "
        "checks, fee amounts to verify, why the level is lower; never sent to participants).",
    )
    readers: Readers = _readers("the paragraph")


class Reader(Conditions):
    """A kind of reader the invitation is also written for; `standard` is implicit."""

    id: Id = Field(description="Stable id of the reader, the value of --reader.")
    name: Text = Field(description="The reader's name, the heading of its invitation.")
    fallback: str | None = Field(
        default=None,
        description="The reader whose text is used where this one has none (then that "
        "reader's fallback, in the end the standard text); none: the standard text.",
    )


class Expectations(Strict):
    title: Text = Field(description="Heading of the expectations statement.")
    parts: list[StatementPart] = Field(
        description="Paragraphs in order; each one that applies is included."
    )
    readers: list[Reader] = Field(
        default_factory=list,
        description="Readers the invitation is also worded for (easy read, children and young "
        "people); records show each whose conditions hold, and --reader picks one.",
    )


class MandateVariant(Strict):
    personal: Text = Field(description="What a personal mandate means for participants.")
    organisational: Text = Field(description="What an organisational mandate means.")


class MandateTexts(MandateVariant):
    readers: dict[str, MandateVariant] = Field(
        default_factory=dict,
        description="Reader id -> both texts for that reader; a reader without them gets its "
        "fallback's, in the end the standard texts.",
    )


class ExampleExpect(Strict):
    level: str = Field(description="The expected step id.")
    structures: list[str] = Field(
        default_factory=list, description="Structure ids that must be among those recommended."
    )
    methods: list[str] = Field(
        default_factory=list, description="Method ids that must be among those recommended."
    )
    warnings: list[str] = Field(
        default_factory=list, description="Warning ids that must be raised."
    )


class Example(Strict):
    name: str = Field(description="A short name for the worked example.")
    answers: dict[str, str | list[str]] = Field(
        description="Question id -> option id or free text; a list of option ids for a "
        "question with `multiple`."
    )
    expect: ExampleExpect = Field(description="What the rules must recommend for these answers.")


class Property(Strict):
    """A claim about the level that `ladder check` proves or refutes over every reachable answer
    combination: at_most and at_least bound the level (by a fixed `step`, or by the answer to a
    question through `from` + `map`); monotone says that choosing a later option of `question`
    never lowers (increasing) or never raises (decreasing) the level, all other answers equal."""

    id: Id = Field(description="Stable id of the property, shown in the report.")
    description: Text = Field(description="The property in words, as a rule editor reads it.")
    kind: Literal["at_most", "at_least", "monotone"] = Field(
        description="at_most: the level never exceeds the bound; at_least: never below it; "
        "monotone: the level moves one way with `question`."
    )
    when: Answers = Field(
        default_factory=dict, description="The claim is made only for these answers."
    )
    step: str | None = Field(default=None, description="A fixed bound (at_most, at_least).")
    from_: str | None = Field(
        default=None, alias="from", description="The question whose answer sets the bound."
    )
    map: dict[str, str] = Field(
        default_factory=dict,
        description="Option id of the `from` question -> the bounding step; options left out "
        "make no claim.",
    )
    question: str | None = Field(
        default=None, description="The choice question the level is monotone in (monotone)."
    )
    direction: Literal["increasing", "decreasing"] = Field(
        default="increasing",
        description="increasing: a later option never lowers the level; decreasing: never "
        "raises it.",
    )


class Planning(Strict):
    """Lead times and periods for involvement plans: when recruitment starts, when the first
    meeting is, when participants hear what their input changed, and when they are asked
    whether that promise held. All in weeks; every field has a default, so rules files
    written before plans keep working."""

    lead_weeks: int = Field(
        default=3,
        ge=0,
        le=104,
        description="Weeks from the start of recruitment to the first meeting, for a structure "
        "that gives no `lead_weeks` of its own.",
    )
    timeframe_question: str = Field(
        default="timeframe",
        description="The question whose answer says how much time there is until the decision.",
    )
    meeting_weeks: dict[str, int] = Field(
        default_factory=lambda: {"weeks": 1, "months": 6, "longer": 12},
        description="Option id of `timeframe_question` -> weeks between the first meeting and "
        "the decision.",
    )
    meeting_weeks_default: int = Field(
        default=2,
        ge=0,
        le=520,
        description="Weeks between the first meeting and the decision when the timeframe is "
        "not asked.",
    )
    horizon_weeks: dict[str, int] = Field(
        default_factory=lambda: {"weeks": 4, "months": 26, "longer": 104},
        description="Option id of `timeframe_question` -> the most weeks that answer allows "
        "before the decision; a recruitment that needs more is warned about.",
    )
    shared_questions: list[str] = Field(
        default_factory=lambda: ["arena", "timeframe", "resources"],
        description="Questions a plan answers once for all its tracks (with every free-text "
        "question); the wizard asks a further track only the others.",
    )
    feedback_from: str = Field(
        default="consultation",
        description="The lowest step at which participants are promised feedback on what "
        "their input changed.",
    )
    feedback_weeks: int = Field(
        default=4,
        ge=0,
        le=104,
        description="Weeks after the decision by which participants hear what their input changed.",
    )
    follow_up_weeks: int = Field(
        default=12,
        ge=0,
        le=520,
        description="Weeks after the decision to ask participants whether the promise held.",
    )


class MethodTime(Strict):
    hours: float = Field(
        gt=0, le=10000, description="Hours the method asks of each participant, in all."
    )
    sessions: int = Field(
        default=1,
        ge=1,
        le=1000,
        description="The meetings or sessions those hours are spread over.",
    )
    participants: int = Field(
        ge=1, le=1000000, description="How many participants the method usually involves."
    )
    paid: bool = Field(
        default=True,
        description="Whether participants are paid a fee for this method (a survey or a "
        "leaflet usually is not).",
    )


class Compensation(Strict):
    """Machine-readable rates for the portfolio's estimate of fees. Absent by default: a
    region fills in the amounts its own guidelines give, with their source and date."""

    currency: str = Field(default="SEK", description="The currency of the amounts.")
    half_day: float | None = Field(
        default=None, ge=0, description="The fee for taking part up to four hours."
    )
    full_day: float | None = Field(
        default=None, ge=0, description="The fee for taking part up to eight hours."
    )
    hourly: float | None = Field(
        default=None, ge=0, description="The fee per hour, where the region pays by the hour."
    )
    source: str | None = Field(
        default=None, description="Where the amounts come from (guideline, year, base amount)."
    )
    date: str | None = Field(default=None, description="When the amounts were last checked.")
    methods: dict[str, MethodTime] = Field(
        default_factory=dict,
        description="Per method id: the time it asks of each participant and how many it "
        "usually involves, for the estimate of participant-hours. Estimates, not promises.",
    )


class Rules(Strict):
    version: Literal[1] = Field(description="Format version of the rules file.")
    region: Region = Field(description="The region the rules are written for.")
    languages: list[str] = Field(
        min_length=1, description="Language codes every text must have, e.g. [sv, en]."
    )
    credits: Text = Field(description="Sources and attributions shown with the ladder.")
    steps: list[Step] = Field(min_length=1, description="The ladder, lowest step first.")
    questions: list[Question] = Field(min_length=1, description="The interview, in order.")
    level: LevelLogic = Field(description="How the level is chosen from the answers.")
    selection: Selection = Field(
        default_factory=Selection, description="How many structures and methods to recommend."
    )
    mandate_types: MandateTexts = Field(
        description="What each kind of participant mandate means, for the statement."
    )
    structures: list[Structure] = Field(min_length=1, description="Recruitment structures.")
    methods: list[Method] = Field(min_length=1, description="Methods of involvement.")
    warnings: list[WarningRule] = Field(
        default_factory=list, description="Decision-support warnings."
    )
    expectations: Expectations = Field(description="The expectations statement.")
    examples: list[Example] = Field(
        default_factory=list, description="Worked examples that `ladder check` runs as tests."
    )
    properties: list[Property] = Field(
        default_factory=list,
        description="Claims about the level that `ladder check` proves over every reachable "
        "answer combination.",
    )
    planning: Planning = Field(
        default_factory=Planning,
        description="Lead times and periods for involvement plans (milestones and calendars).",
    )
    compensation: Compensation | None = Field(
        default=None,
        description="Rates and method times for the portfolio's estimate of participant-hours "
        "and fees; without it the portfolio makes no estimate.",
    )

    # Loops rather than next(genexpr): the engine calls these many times per recommendation.
    # An unknown id raises StopIteration, as next() did.

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise StopIteration(step_id)

    def rank(self, step_id: str) -> int:
        for i, s in enumerate(self.steps, 1):
            if s.id == step_id:
                return i
        raise StopIteration(step_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise StopIteration(question_id)

    def text(self, value: dict[str, str], lang: str) -> str:
        """A text of this file in `lang`, else in the file's first language."""
        return value.get(lang) or value[self.languages[0]]
