"""A plan in the interview: tracks, each an `Interview` over the shared answers and its own,
and the steps of the whole interview in order, so that back and edit work across tracks.

The first track's interview asks every question; the shared ones (`plan_file.shared_questions`)
are copied from it into the other tracks, which ask only the rest. No prompt here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ladder.answers import resolve
from ladder.interview.flow import Interview, answers_mapping, pass_seen
from ladder.model import Question, Rules
from ladder.plan_file import (
    MAX_TRACKS,
    TRACK_KINDS,
    TRACKS,
    PlanFields,
    PlanSource,
    shared_questions,
    track_id,
)

NAME, KIND, DATE = "name", "kind", "decision_date"
PLAN = -1  # the track number of the plan's own steps (the decision date)


@dataclass(frozen=True)
class Step:
    """One prompt of the interview: a question of a track, a track's name or kind, or the
    plan's decision date."""

    track: int
    field: str
    question: Question | None = None

    @property
    def key(self) -> str:
        return f"{self.track}:{self.field}"


@dataclass
class Track:
    """A track being built: its answers (shared ones included) and its own fields. An id read
    from a plan file is kept; otherwise it follows the name."""

    interview: Interview
    name: str = ""
    kind: str = TRACK_KINDS[0]
    id: str = ""
    reason: str | None = None
    contact: str | None = None
    id_fixed: bool = False


@dataclass
class PlanInterview:
    """The tracks (one until a second is added), the plan's fields, and which of the
    non-question steps were seen or are hidden (--skip-answered)."""

    rules: Rules
    lang: str
    tracks: list[Track]
    fields: PlanFields = field(default_factory=PlanFields)
    visited: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    kept: dict[str, str] = field(default_factory=dict)  # a plan file's other shared answers
    from_file: bool = False  # a plan file stays a plan, even with one track

    def __post_init__(self) -> None:
        self.shared = shared_questions(self.rules)

    @property
    def primary(self) -> Interview:
        return self.tracks[0].interview

    @property
    def is_plan(self) -> bool:
        return self.from_file or len(self.tracks) > 1

    def can_add(self) -> bool:
        return len(self.tracks) < MAX_TRACKS

    def steps(self) -> list[Step]:
        """Every step shown, in the order asked: the first track's questions (the shared ones
        among them); in a plan each track's name and kind and the other tracks' own
        questions; then the decision date."""
        found = [Step(0, q.id, q) for q in self.primary.shown()]
        if not self.is_plan:
            return found
        for number, track in enumerate(self.tracks):
            found += [Step(number, NAME), Step(number, KIND)]
            if number:
                found += [Step(number, q.id, q) for q in track.interview.shown()]
        found.append(Step(PLAN, DATE))
        return [s for s in found if s.question is not None or s.key not in self.hidden]

    def seen(self, step: Step) -> bool:
        if step.question is not None:
            return step.field in self.tracks[step.track].interview.visited
        return step.key in self.visited

    def next_position(self, after: Step, filling: bool) -> int:
        """As flow.next_position, over the steps of every track."""
        steps = self.steps()
        index = [s.key for s in steps].index(after.key) + 1
        return pass_seen(index, len(steps), lambda i: self.seen(steps[i]), filling)

    def first_unseen(self) -> int:
        steps = self.steps()
        return pass_seen(0, len(steps), lambda i: self.seen(steps[i]), filling=True)

    def answer(self, step: Step, value: Any) -> None:
        """Record a step's answer: validated by the prompt that asked it."""
        if step.question is not None:
            self.tracks[step.track].interview.answer(step.field, value)
            self.sync()
            return
        self.visited.add(step.key)
        if step.field == DATE:
            self.fields = dataclasses.replace(self.fields, decision_date=value)
            return
        track = self.tracks[step.track]
        if step.field == KIND:
            track.kind = value
            return
        track.name = value
        if not track.id_fixed:
            taken = {t.id for t in self.tracks if t is not track}
            track.id = track_id(value, taken)

    def reveal(self, key: str) -> None:
        """The user chose a hidden step from the summary."""
        self.hidden.discard(key)
        number, _, name = key.partition(":")
        if int(number) >= 0:
            self.tracks[int(number)].interview.reveal(name)

    def sync(self) -> None:
        """Copy the shared answers of the first track into the others, dropping what no
        longer applies there."""
        shared = self.shared_answers()
        for track in self.tracks[1:]:
            interview = track.interview
            own = {k: v for k, v in interview.answers.items() if k not in self.shared}
            interview.answers = {**shared, **own}
            interview.prune()

    def shared_answers(self) -> dict[str, str]:
        return {k: v for k, v in self.primary.answers.items() if k in self.shared}

    def own_answers(self, number: int) -> dict[str, str]:
        answers = self.tracks[number].interview.answers
        return {k: v for k, v in answers.items() if k not in self.shared}

    def add_track(self) -> None:
        """A further track, starting from the last one's answers: Enter keeps what does not
        differ. Its shared questions stay off the screen."""
        last = self.tracks[-1].interview
        interview = Interview(self.rules, self.lang, dict(last.answers), hidden=set(self.shared))
        self.tracks.append(Track(interview))

    def remove_track(self, number: int) -> None:
        """Remove a track; when it was the first, the next one asks the shared questions."""
        removed = self.tracks.pop(number)
        if number == 0:
            first = self.primary
            first.hidden = removed.interview.hidden
            first.visited |= removed.interview.visited & self.shared
        for key in [k for k in self.visited | self.hidden if k.split(":")[0].isdigit()]:
            self.visited.discard(key)  # step keys name tracks by number: they moved
            self.hidden.discard(key)
        self.visited |= {Step(n, f).key for n in range(len(self.tracks)) for f in (NAME, KIND)}

    def values(self, number: int) -> dict[str, str]:
        """A track's answers, validated (as the flags'), for its level."""
        return resolve(self.rules, [self.tracks[number].interview.answers], self.lang).values

    def plan_data(self) -> dict[str, Any]:
        """The plan as a plan file holds it (plan_file.split_plan reads it back): the shared
        answers, and those a plan file shared beside them, then the plan's fields and the
        tracks, each with the answers that differ."""
        mapping = answers_mapping(self.rules, self.primary.answers)
        top = {**self.kept, **{k: v for k, v in mapping.items() if k in self.shared}}
        order = [q.id for q in self.rules.questions]
        data: dict[str, Any] = {k: top[k] for k in order if k in top}
        plan_fields = dataclasses.asdict(self.fields)
        data.update({k: v for k, v in plan_fields.items() if v is not None})
        data[TRACKS] = [self._track_data(n) for n in range(len(self.tracks))]
        return data

    def _track_data(self, number: int) -> dict[str, Any]:
        track = self.tracks[number]
        own = {"id": track.id, "name": track.name, "kind": track.kind}
        extra = {"reason": track.reason, "contact": track.contact}
        answers = answers_mapping(self.rules, track.interview.answers)
        own.update({k: v for k, v in extra.items() if v is not None})
        differ = {
            k: v
            for k, v in answers.items()
            if k not in self.shared and (k not in self.kept or self.kept[k] != v)
        }
        return {**own, **differ}


def from_plan_file(
    rules: Rules,
    lang: str,
    flags: dict[str, Any],
    plan: PlanSource,
    skip_answered: bool,
) -> tuple[PlanInterview, list[str]]:
    """The interview of a plan read from a file (flags win, as for `recommend`); notes on
    answers not used. A question the rules share but a track of the file answers itself is
    asked per track in this plan, so that saving keeps what the file said."""
    tracks, notes = [], []
    own = {key for source in plan.tracks for key in source.answers}
    shared = shared_questions(rules) - own
    for number, source in enumerate(plan.tracks):
        resolved = resolve(rules, [flags, source.answers, plan.shared], lang)
        notes += [f"{source.id}: {note}" for note in resolved.notes]
        given = {*resolved.values, *resolved.skipped} if skip_answered else set()
        hidden = given if number == 0 else given | shared
        interview = Interview(rules, lang, dict(resolved.values), hidden=hidden)
        track = Track(interview, source.name, source.kind, source.id, source.reason)
        track.contact, track.id_fixed = source.contact, True
        tracks.append(track)
    found = PlanInterview(rules, lang, tracks, plan.fields)
    found.shared, found.from_file = shared, True
    top = resolve(rules, [flags, plan.shared], lang).values
    found.kept = {k: v for k, v in top.items() if k not in shared}
    keys = set(_step_keys(len(tracks)))
    found.visited |= keys
    if skip_answered:
        found.hidden |= keys
    return found, list(dict.fromkeys(notes))


def _step_keys(count: int) -> Iterable[str]:
    yield Step(PLAN, DATE).key
    for number in range(count):
        yield Step(number, NAME).key
        yield Step(number, KIND).key


def date_value(text: str, lang: str) -> dt.date | None:
    """A typed decision date, checked as a plan file's is; None for an empty one."""
    from ladder.plan_file import check_date

    return check_date(text.strip(), lang) if text.strip() else None
