"""A region's saved results at a glance: levels per arena and per track kind (does involvement
pile up at the lowest steps? Ocloo & Matthews 2016), milestones overdue, and follow-up results
where a record has its state file beside it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.errors import AnswerError
from ladder.followup.fees import NO_ESTIMATE, Estimate, estimate
from ladder.followup.questionnaire import Step, track_key
from ladder.followup.records import Record, TrackPromise, read_record, records_in_lines
from ladder.followup.report import STATE_SUFFIX, state_path
from ladder.i18n.messages import t

if TYPE_CHECKING:
    from ladder.model import Compensation

SCHEMA = "ladder.portfolio/1"
RECORD_SUFFIXES = (".json", ".yaml", ".yml", ".jsonl")


@dataclass(frozen=True)
class Overdue:
    """A dated milestone passed without being done: feedback not reported, follow-up not done."""

    record: str
    plan: str | None
    track: str
    kind: str  # feedback_due or follow_up
    date: dt.date
    days: int


@dataclass(frozen=True)
class Portfolio:
    """The aggregate of many saved results as of one date."""

    lang: str
    as_of: dt.date
    steps: tuple[Step, ...]
    records: int
    tracks: int
    by_arena: dict[str, dict[int, int]]
    by_kind: dict[str, dict[int, int]]
    overdue: tuple[Overdue, ...]
    followed_up: int  # tracks with a follow-up state
    held: int  # of those, tracks where most who judged say the promise held
    problems: tuple[str, ...]
    rows: tuple[tuple[TrackPromise, float | None, tuple[str, ...]], ...]  # track, held, overdue
    estimate: Estimate = NO_ESTIMATE


def record_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, bool]]:
    """The files given, and the saved results in the folders given (state files left out),
    each with whether a state file lies beside it (found in the same walk: no stat each)."""
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path, state_path(path).is_file()
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            present = set(names)
            for name in sorted(names):
                if name.lower().endswith(RECORD_SUFFIXES) and not name.endswith(STATE_SUFFIX):
                    yield Path(folder, name), name + STATE_SUFFIX in present


def portfolio(
    paths: Iterable[str | os.PathLike[str]],
    steps: tuple[Step, ...],
    version: int,
    as_of: dt.date,
    lang: str,
    compensation: Compensation | None = None,
) -> Portfolio:
    """The portfolio of the records under `paths`; a record that cannot be read is reported
    among the problems and the rest are counted."""
    records: list[Record] = []
    problems: list[str] = []
    stated: set[str] = set()
    for path, has_state in record_files(paths):
        if has_state:
            stated.add(str(path))
        try:
            if path.suffix.lower() == ".jsonl":
                for found in records_in_lines(path, version, lang):
                    if isinstance(found, Record):
                        records.append(found)
                    else:
                        problems.append(found)
            else:
                records.append(read_record(path, version, lang))
        except AnswerError as error:
            problems.append(error.message)
    result = _aggregate(records, tuple(problems), stated, steps, as_of, lang)
    costs = estimate((tr for tr, _, _ in result.rows), compensation)
    return dataclasses.replace(result, estimate=costs)


def _aggregate(
    records: list[Record],
    problems: tuple[str, ...],
    stated: set[str],
    steps: tuple[Step, ...],
    as_of: dt.date,
    lang: str,
) -> Portfolio:
    by_arena: dict[str, Counter[int]] = {}
    by_kind: dict[str, Counter[int]] = {}
    overdue: list[Overdue] = []
    rows = []
    followed = held = 0
    for record in records:
        state = _state(record.path) if record.path in stated else {}
        for tr in record.tracks:
            by_arena.setdefault(tr.arena or "-", Counter())[tr.rank] += 1
            by_kind.setdefault(tr.kind, Counter())[tr.rank] += 1
            result = state.get(track_key(tr))
            share = None if result is None else result.get("promise_held")
            if result is not None:
                followed += 1
                held += share is not None and share >= 0.5
            late = _overdue(tr, result, as_of)
            overdue += late
            rows.append((tr, share, tuple(o.kind for o in late)))
    return Portfolio(
        lang=lang,
        as_of=as_of,
        steps=steps,
        records=len(records),
        tracks=len(rows),
        by_arena={k: dict(sorted(v.items())) for k, v in sorted(by_arena.items())},
        by_kind={k: dict(sorted(v.items())) for k, v in sorted(by_kind.items())},
        overdue=tuple(sorted(overdue, key=lambda o: (o.date, o.record, o.track))),
        followed_up=followed,
        held=held,
        problems=problems,
        rows=tuple(rows),
    )


def _overdue(tr: TrackPromise, result: dict[str, Any] | None, as_of: dt.date) -> list[Overdue]:
    """Feedback is reported when some respondent says they got it; a follow-up is done when
    its state exists."""
    found = []
    feedback = (result or {}).get("feedback") or {}
    reported = sum(int(feedback.get(k, 0)) for k in ("on_time", "late", "undated")) > 0
    for kind, date, done in (
        ("feedback_due", tr.feedback_due, reported),
        ("follow_up", tr.follow_up, result is not None),
    ):
        if date is not None and date < as_of and not done:
            found.append(Overdue(tr.record, tr.plan, tr.id, kind, date, (as_of - date).days))
    return found


def _state(record: str) -> dict[str, dict[str, Any]]:
    """The follow-up state beside a record: track key -> its result; none when absent or
    unreadable (the portfolio then counts the follow-up as not done)."""
    path = state_path(record)
    from ladder.io import strict_json
    from ladder.io.files import read_limited

    try:
        data = strict_json.loads(read_limited(path, 16 * 1024 * 1024).decode("utf-8"))
        return {str(tr["track"]): tr["result"] for tr in data["tracks"] if tr.get("result")}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def to_dict(p: Portfolio) -> dict[str, Any]:
    """The versioned JSON contract `ladder.portfolio/1`."""
    return {
        "schema": SCHEMA,
        "lang": p.lang,
        "as_of": p.as_of.isoformat(),
        "steps": [{"id": s.id, "rank": s.rank, "name": s.name} for s in p.steps],
        "records": p.records,
        "tracks": p.tracks,
        "levels": {
            "by_arena": {a: {str(r): n for r, n in c.items()} for a, c in p.by_arena.items()},
            "by_kind": {k: {str(r): n for r, n in c.items()} for k, c in p.by_kind.items()},
        },
        "overdue": [
            {
                "record": o.record,
                "plan": o.plan,
                "track": o.track,
                "kind": o.kind,
                "date": o.date.isoformat(),
                "days": o.days,
            }
            for o in p.overdue
        ],
        "follow_up": {
            "tracks": p.followed_up,
            "promise_held": p.held,
            "share_held": p.held / p.followed_up if p.followed_up else None,
        },
        "estimate": {
            "participant_hours": p.estimate.hours,
            "fees": p.estimate.fees,
            "currency": p.estimate.currency or None,
            "source": p.estimate.source,
            "methods_without_time": p.estimate.untimed,
        },
        "problems": list(p.problems),
    }


def to_csv(p: Portfolio) -> str:
    """One row per track."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "record",
            "plan",
            "track",
            "kind",
            "arena",
            "level",
            "rank",
            "feedback_due",
            "follow_up",
            "overdue",
            "promise_held",
        ]
    )
    for tr, share, late in p.rows:
        writer.writerow(
            [
                tr.record,
                tr.plan or "",
                tr.id,
                tr.kind,
                tr.arena,
                tr.level,
                tr.rank,
                tr.feedback_due or "",
                tr.follow_up or "",
                " ".join(late),
                "" if share is None else f"{share:.2f}",
            ]
        )
    return buffer.getvalue()


def no_records(lang: str) -> AnswerError:
    return AnswerError(t("portfolio.none", lang))
