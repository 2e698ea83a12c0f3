"""Reading saved results (`ladder.recommendation/1`, `ladder.plan/1`, a batch's JSON Lines) as
the promises they wrote down: one `TrackPromise` per track, read from the record's own data and
never by deciding again, so that an old record is read as it was promised."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder.errors import AnswerError
from ladder.i18n.messages import t, yaml_problem
from ladder.io import strict_json
from ladder.io.files import read_limited
from ladder.io.locations import at, undecodable_at, yaml_error_at

RECOMMENDATION = "ladder.recommendation/1"
PLAN = "ladder.plan/1"
SCHEMAS = (RECOMMENDATION, PLAN)
MAX_RECORD_BYTES = 16 * 1024 * 1024  # a batch's JSON Lines of many results
SINGLE = "single"  # the kind of the one track a recommendation is


@dataclass(frozen=True)
class TrackPromise:
    """What one track promised: its level (id, rank, name, promise), the methods with the time
    each asks, its arena, and its dated milestones (None when the record gives no date)."""

    record: str
    plan: str | None
    id: str
    name: str
    kind: str
    arena: str
    level: str
    rank: int
    level_name: str
    promise: str
    methods: tuple[tuple[str, str], ...]  # (name, time)
    method_ids: tuple[str, ...]
    feedback: str
    feedback_due: dt.date | None
    follow_up: dt.date | None
    rules_version: int


@dataclass(frozen=True)
class Record:
    """A saved result read back: where it came from and its tracks' promises."""

    path: str
    schema: str
    plan: str | None
    lang: str
    tracks: tuple[TrackPromise, ...]


def read_record(path: str | Path, version: int | None, lang: str) -> Record:
    """The record in the JSON or YAML file at `path`; AnswerError, located, when it cannot be
    read, is no saved result, or was written under rules of another `version`."""
    name = str(path)
    text = _text(path, lang)
    data, where = _parse(text, name, Path(name).suffix.lower(), lang)
    return record_from(data, name, where, version, lang)


def records_in_lines(path: str | Path, version: int | None, lang: str) -> Iterator[Record | str]:
    """Each result of a batch's JSON Lines output, or the located problem of a line; read a
    line at a time (as batch reads), so a large output is never held whole."""
    from ladder.batch.rows import opened, read_lines

    name = str(path)
    with opened(name, lang) as handle:
        long_lines: list[AnswerError] = []
        lines = read_lines(handle, name, "utf-8", lang, skipped=long_lines.append)
        for number, line in enumerate(lines, 1):
            if long_lines:  # reported in its place, the rest of the file still read
                yield long_lines.pop().message
            if not line.strip():
                continue
            try:
                data = strict_json.loads(line)
                if isinstance(data, dict) and "error" in data and "schema" not in data:
                    continue  # a row the batch could not decide: no promise was made
                yield record_from(data, f"{name}:{number}", at(name, number), version, lang)
            except ValueError as error:
                yield f"{at(name, number)}: {strict_json.problem(error, lang)}"
            except AnswerError as error:
                yield error.message


def _text(path: str | Path, lang: str) -> str:
    name = str(path)
    try:
        data = read_limited(path, MAX_RECORD_BYTES)
    except FileNotFoundError:
        raise AnswerError(t("followup.record_missing", lang, file=name)) from None
    except OSError as error:
        from ladder.i18n.messages import os_problem

        raise AnswerError(
            t("followup.record_unreadable", lang, file=name, reason=os_problem(error, lang))
        ) from None
    if len(data) > MAX_RECORD_BYTES:
        raise AnswerError(t("followup.record_too_large", lang, file=name, limit=MAX_RECORD_BYTES))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = undecodable_at(data, error)
        raise AnswerError(
            t("followup.record_not_utf8", lang, where=at(name, line, column))
        ) from None


def _parse(text: str, name: str, suffix: str, lang: str) -> tuple[Any, str]:
    """The record's data, and where it starts (for messages)."""
    if suffix == ".json" or text.lstrip().startswith("{"):
        try:
            return strict_json.loads(text), name
        except (ValueError, RecursionError) as error:
            found = strict_json.position(text, error)
            where = at(name, *found) if found else name
            raise AnswerError(f"{where}: {strict_json.problem(error, lang)}") from None
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader), name
    except yaml.YAMLError as error:
        line, column = yaml_error_at(text, error)
        reason = yaml_problem(str(getattr(error, "problem", "") or error), lang)
        raise AnswerError(f"{at(name, line, column)}: {reason}") from None


def record_from(data: Any, name: str, where: str, version: int | None, lang: str) -> Record:
    """A record from its parsed data; `where` locates it in messages."""
    if not isinstance(data, dict):
        raise AnswerError(t("followup.not_a_record", lang, where=where, schemas=", ".join(SCHEMAS)))
    schema = data.get("schema")
    if schema not in SCHEMAS:
        raise AnswerError(
            t(
                "followup.unknown_schema",
                lang,
                where=where,
                schema=schema,
                schemas=", ".join(SCHEMAS),
            )
        )
    try:
        written = int(data["rules"]["version"])
        if version is not None and written != version:
            raise AnswerError(
                t("followup.other_version", lang, where=where, written=written, version=version)
            )
        if schema == RECOMMENDATION:
            one = _track(data, name, None, SINGLE, "", data, written, {})
            return Record(name, schema, None, str(data.get("lang", "")), (one,))
        dates = _milestones(data.get("milestones") or [])
        plan = data.get("id")
        tracks = tuple(
            _track(tr, name, plan, str(tr["kind"]), str(tr["name"]), tr, written, dates)
            for tr in data["tracks"]
        )
    except (KeyError, TypeError, ValueError) as error:
        raise AnswerError(t("followup.bad_record", lang, where=where, key=str(error))) from None
    return Record(name, schema, None if plan is None else str(plan), str(data["lang"]), tracks)


def _track(
    data: dict[str, Any],
    record: str,
    plan: Any,
    kind: str,
    name: str,
    rec: dict[str, Any],
    version: int,
    dates: dict[tuple[str | None, str], dt.date | None],
) -> TrackPromise:
    level = rec["level"]
    track = str(data.get("id") or "") if kind != SINGLE else ""
    answers = rec.get("answers") or {}
    return TrackPromise(
        record=record,
        plan=None if plan is None else str(plan),
        id=track or "-",
        name=name or str(level["name"]),
        kind=kind,
        arena=str(answers.get("arena", "")),
        level=str(level["id"]),
        rank=int(level["rank"]),
        level_name=str(level["name"]),
        promise=str(level.get("promise") or ""),
        methods=tuple((str(m["name"]), str(m.get("time") or "")) for m in rec.get("methods", [])),
        method_ids=tuple(str(m.get("id", "")) for m in rec.get("methods", [])),
        feedback=str(answers.get("feedback") or ""),
        feedback_due=dates.get((track, "feedback_due")),
        follow_up=dates.get((track, "follow_up")),
        rules_version=version,
    )


def _milestones(items: list[Any]) -> dict[tuple[str | None, str], dt.date | None]:
    found: dict[tuple[str | None, str], dt.date | None] = {}
    for m in items:
        date = m.get("date")
        found[(m.get("track"), str(m["kind"]))] = dt.date.fromisoformat(str(date)) if date else None
    return found
