"""The follow-up of one saved result: each track's questionnaire, and with responses, its score;
as the `ladder.followup/1` contract, an answers template (CSV) and a sidecar state file."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.followup.questionnaire import Question, Step, questions, template_columns, track_key
from ladder.followup.records import Record, TrackPromise, read_record
from ladder.followup.responses import TrackScore, read_responses, score

if TYPE_CHECKING:
    from ladder.model import Compensation

SCHEMA = "ladder.followup/1"
STATE_SUFFIX = ".followup.json"  # the sidecar next to a record: RECORD.followup.json


@dataclass(frozen=True)
class TrackFollowUp:
    """One track: what it promised, its questions, and its score when responses were given."""

    promise: TrackPromise
    questions: tuple[Question, ...]
    score: TrackScore | None


@dataclass(frozen=True)
class FollowUp:
    """A saved result's follow-up in one language."""

    record: Record
    lang: str
    easy: bool
    responses: str | None
    steps: tuple[Step, ...]
    tracks: tuple[TrackFollowUp, ...]


def follow_up(
    record_path: str | os.PathLike[str],
    rules_path: str | os.PathLike[str] | None,
    responses: str | os.PathLike[str] | None,
    lang: str,
    easy: bool = False,
) -> FollowUp:
    """The questionnaire of each track of the record, scored when `responses` are given."""
    steps, version, _ = active_ladder(rules_path, lang)
    record = read_record(Path(record_path), version, lang)
    answers = None
    if responses is not None:
        answers = read_responses(Path(responses), record.tracks, steps, lang)
    tracks = tuple(
        TrackFollowUp(
            tr,
            questions(tr, steps, lang, easy),
            None if answers is None else score(tr, answers),
        )
        for tr in record.tracks
    )
    return FollowUp(
        record, lang, easy, None if responses is None else str(responses), steps, tracks
    )


def active_ladder(
    rules_path: str | os.PathLike[str] | None, lang: str
) -> tuple[tuple[Step, ...], int, Compensation | None]:
    """The ladder of the active rules, their format version and their compensation section."""
    from ladder.load.loader import load_rules
    from ladder.wording import steps_out

    loaded = load_rules(rules_path, lang)
    steps = tuple(Step(s.id, s.rank, s.name) for s in steps_out(loaded.rules, lang))
    return steps, loaded.info.version, loaded.rules.compensation


def to_dict(fu: FollowUp) -> dict[str, Any]:
    """The versioned JSON contract `ladder.followup/1`."""
    return {
        "schema": SCHEMA,
        "record": {"path": fu.record.path, "schema": fu.record.schema, "plan": fu.record.plan},
        "lang": fu.lang,
        "easy_read": fu.easy,
        "responses": fu.responses,
        "columns": list(template_columns(fu.record.tracks)),
        "tracks": [_track_dict(tr) for tr in fu.tracks],
    }


def _track_dict(tr: TrackFollowUp) -> dict[str, Any]:
    p = tr.promise
    return {
        "track": track_key(p),
        "name": p.name,
        "kind": p.kind,
        "level": {"id": p.level, "rank": p.rank, "name": p.level_name, "promise": p.promise},
        "feedback_due": p.feedback_due.isoformat() if p.feedback_due else None,
        "follow_up": p.follow_up.isoformat() if p.follow_up else None,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "text": q.text,
                "options": [{"id": o, "text": label} for o, label in q.options],
            }
            for q in tr.questions
        ],
        "result": None if tr.score is None else score_dict(tr.score),
    }


def score_dict(s: TrackScore) -> dict[str, Any]:
    return {
        "answered": s.answered,
        "promise_held": s.held,
        "choices": s.choices,
        "influence": {
            "experienced": {str(rank): n for rank, n in s.influence.items()},
            "median": s.influence_median,
            "below_promise": s.below_promise,
        },
        "feedback": {
            "on_time": s.feedback_on_time,
            "late": s.feedback_late,
            "undated": s.feedback_undated,
        },
        "comments": list(s.comments),
    }


def template_csv(fu: FollowUp) -> str:
    """The answers template: the columns, and one row per track with only its key filled in
    (a row with no answers is not counted as a respondent)."""
    buffer = io.StringIO()
    columns = template_columns(fu.record.tracks)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for tr in fu.record.tracks:
        writer.writerow([track_key(tr), *([""] * (len(columns) - 1))])
    return buffer.getvalue()


def state_path(record: str | os.PathLike[str]) -> Path:
    """Where a record's follow-up state lives: RECORD.followup.json beside it."""
    path = Path(record)
    return path.with_name(path.name + STATE_SUFFIX)


def save_state(fu: FollowUp, lang: str) -> Path:
    """Write the scored follow-up beside its record, atomically, replacing an older one."""
    import json

    from ladder.io.files import write_atomic

    text = json.dumps(to_dict(fu), ensure_ascii=False, indent=2) + "\n"
    return write_atomic(state_path(fu.record.path), text, force=True, lang=lang)
