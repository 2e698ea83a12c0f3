"""A plan file: shared answers, plan fields (dates, owners) and tracks, each track with the
answers that differ. Split and validated here; each track's answers then go through the same
answer resolution as a single recommendation (answers.resolve).

A file without `tracks` is an ordinary answers file, read as before: the plan fields are not
answers there, and stay unknown to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from ladder.answers import _validate_text
from ladder.errors import AnswerError
from ladder.i18n.messages import t
from ladder.io.locations import at, key_at
from ladder.io.untrusted import shown
from ladder.model import ID_PATTERN, Question, Rules

TRACKS = "tracks"
PLAN_FIELDS = ("id", "decision_date", "start_date", "feedback_owner", "contact")
TRACK_FIELDS = ("id", "name", "kind", "reason", "contact")
TRACK_KINDS = ("group", "phase")
MAX_TRACKS = 50
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(ID_PATTERN)

TrackKind = Literal["group", "phase"]
T = TypeVar("T")


@dataclass(frozen=True)
class PlanFields:
    """What a plan says beside the answers: its id, dates and owners."""

    id: str | None = None
    decision_date: dt.date | None = None
    start_date: dt.date | None = None
    feedback_owner: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class TrackSource:
    """One track as written: its own fields and the answers that differ from the shared."""

    id: str
    name: str
    kind: TrackKind
    reason: str | None
    contact: str | None
    answers: dict[str, Any]


@dataclass(frozen=True)
class PlanSource:
    """A plan file split: its fields, the shared answers and the tracks, in order."""

    fields: PlanFields
    shared: dict[str, Any]
    tracks: tuple[TrackSource, ...]


def shared_questions(rules: Rules) -> set[str]:
    """The questions a plan answers once for all its tracks: the free texts and the rules'
    `planning.shared_questions`; a track may answer the others differently."""
    named = set(rules.planning.shared_questions)
    return {q.id for q in rules.questions if q.kind == "text" or q.id in named}


def track_id(name: str, taken: set[str]) -> str:
    """An id for a track from its name (å, ä, ö as a, a, o), not among `taken`."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = "_".join(re.findall(r"[a-z0-9]+", plain))[:40].strip("_") or "track"
    base = base if _ID.match(base) else f"track_{base}"
    found, number = base, 2
    while found in taken:
        found, number = f"{base}_{number}", number + 1
    return found


def is_plan(data: dict[str, Any]) -> bool:
    """Whether an answers mapping is a plan (it has tracks)."""
    return TRACKS in data


def split_plan(data: dict[str, Any], name: str, lang: str) -> PlanSource:
    """The plan in `data` (read from the file `name`), or AnswerError with every problem
    located in the file."""
    problems: list[str] = []

    def problem(path: tuple[str | int, ...], message: str) -> None:
        problems.append(f"{_where(name, path)}: {message}")

    fields = PlanFields(
        id=_plan_id(data.get("id"), ("id",), lang, problem),
        decision_date=_date(data.get("decision_date"), ("decision_date",), lang, problem),
        start_date=_date(data.get("start_date"), ("start_date",), lang, problem),
        feedback_owner=_text(data.get("feedback_owner"), ("feedback_owner",), lang, problem),
        contact=_text(data.get("contact"), ("contact",), lang, problem),
    )
    shared = {k: v for k, v in data.items() if k not in PLAN_FIELDS and k != TRACKS}
    tracks = _tracks(data[TRACKS], lang, problem)
    if problems:
        raise AnswerError(t("plan.invalid", lang), problems)
    return PlanSource(fields, shared, tracks)


def _where(name: str, path: tuple[str | int, ...]) -> str:
    """`file:line:column: tracks[1].id`, the line and column found again in the file; the
    path alone without a file (a row of a batch)."""
    dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    if not name:
        return dotted
    try:
        text = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    return f"{at(name, *key_at(text, path))}: {dotted}" if text else f"{name}: {dotted}"


Report = Any  # problem(path, message)


def _tracks(value: Any, lang: str, problem: Report) -> tuple[TrackSource, ...]:
    if not isinstance(value, list) or not value:
        problem((TRACKS,), t("plan.tracks_not_list", lang))
        return ()
    if len(value) > MAX_TRACKS:
        problem((TRACKS,), t("plan.too_many_tracks", lang, limit=MAX_TRACKS))
        return ()
    out = []
    seen: set[str] = set()
    for i, track in enumerate(value):
        here: tuple[str | int, ...] = (TRACKS, i)
        if not isinstance(track, dict):
            problem(here, t("plan.track_not_mapping", lang))
            continue
        track = {str(k): v for k, v in track.items()}
        track_id = _track_id(track.get("id"), (*here, "id"), lang, problem)
        if track_id in seen:
            problem((*here, "id"), t("plan.duplicate_track", lang, id=track_id))
        seen.add(track_id)
        kind = track.get("kind", "group")
        if kind not in TRACK_KINDS:
            kinds = ", ".join(TRACK_KINDS)
            problem((*here, "kind"), t("plan.bad_kind", lang, value=shown(str(kind)), kinds=kinds))
            kind = "group"
        name = _text(track.get("name"), (*here, "name"), lang, problem) or track_id
        reason = _text(track.get("reason"), (*here, "reason"), lang, problem)
        contact = _text(track.get("contact"), (*here, "contact"), lang, problem)
        answers = {k: v for k, v in track.items() if k not in TRACK_FIELDS}
        out.append(TrackSource(track_id, name, kind, reason, contact, answers))
    return tuple(out)


def _track_id(value: Any, path: tuple[str | int, ...], lang: str, problem: Report) -> str:
    if isinstance(value, str) and _ID.match(value):
        return value
    problem(path, t("plan.bad_id", lang, value=shown(str(value))))
    return str(value)


def _plan_id(value: Any, path: tuple[str | int, ...], lang: str, problem: Report) -> str | None:
    return None if value is None else _track_id(value, path, lang, problem)


def _date(value: Any, path: tuple[str | int, ...], lang: str, problem: Report) -> dt.date | None:
    """A date as YAML reads it (2027-03-01) or as JSON writes it ("2027-03-01")."""
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    problem(path, t("plan.bad_date", lang, value=shown(str(value)[:40])))
    return None


def check_date(value: Any, lang: str) -> dt.date | None:
    """A plan's date as a plan file's is checked; AnswerError when it is not one."""
    return _one(_date, value, "decision_date", lang)


def check_text(value: Any, name: str, lang: str) -> str | None:
    """A plan's or a track's free text (a name, an owner) as a plan file's is checked."""
    return _one(_text, value, name, lang)


def _one(
    check: Callable[[Any, tuple[str | int, ...], str, Report], T], value: Any, name: str, lang: str
) -> T:
    problems: list[str] = []
    result = check(value, (name,), lang, lambda path, message: problems.append(message))
    if problems:
        raise AnswerError(problems[0])
    return result


_FREE_TEXT = Question.model_construct(id="plan", kind="text", text={}, help={}, max_length=1000)


def _text(value: Any, path: tuple[str | int, ...], lang: str, problem: Report) -> str | None:
    """A plan's own free text (a name, an owner): checked as a free-text answer is."""
    if value is None:
        return None
    if not isinstance(value, str):
        problem(path, t("plan.not_text", lang))
        return None
    try:
        return _validate_text(_FREE_TEXT.model_copy(update={"id": str(path[-1])}), value, lang)
    except AnswerError as error:
        problem(path, error.message)
        return None
