"""Reading the rows of a batch: JSON Lines, CSV or a YAML list, one `Row` per record.

Each row is read on its own: a record that cannot be read becomes a row with a problem, and
the rest are still read.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import AnswerError
from .files import open_input
from .messages import os_problem, t, yaml_problem

INPUT_FORMATS = ("jsonl", "csv", "yaml")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}
MAX_INPUT_BYTES = 1024 * 1024 * 1024


class Row:
    """One input record: its 1-based number, its id, and its answers or why it cannot be read.

    `key`, when set, is the record's text without its id: rows with the same key have the same
    answers (JSON Lines rows of the usual shape; see `_jsonl_rows`).
    A slotted class, not a frozen dataclass: one is made per input row.
    """

    __slots__ = ("answers", "id", "key", "number", "problem")

    def __init__(
        self,
        number: int,
        id: Any,
        answers: dict[str, Any] | None,
        problem: str | None = None,
        key: str | None = None,
    ) -> None:
        self.number = number
        self.id = id
        self.answers = answers
        self.problem = problem
        self.key = key


def input_format(name: str, given: str | None, lang: str) -> str:
    """--input-format, else the file's extension; stdin without --input-format is JSON Lines."""
    if given:
        return given
    if name == "-":
        return "jsonl"
    found = SUFFIXES.get(Path(name).suffix.lower())
    if found is None:
        known = ", ".join(sorted(SUFFIXES))
        raise AnswerError(t("batch.unknown_suffix", lang, file=name, suffixes=known))
    return found


def read_input(name: str, lang: str) -> str:
    """The whole input as text: `-` is stdin."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open_input(name) as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise AnswerError(t("batch.not_found", lang, file=name)) from None
    except OSError as error:
        reason = os_problem(error, lang)
        raise AnswerError(t("batch.unreadable", lang, file=name, reason=reason)) from None
    if len(data) > MAX_INPUT_BYTES:
        reason = t("batch.too_large", lang, limit=MAX_INPUT_BYTES)
        raise AnswerError(t("batch.unreadable", lang, file=name, reason=reason))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        reason = t("rules.not_utf8", lang, reason=error.reason)
        raise AnswerError(
            t("batch.unreadable", lang, file=f"{name}:{line}", reason=reason)
        ) from None


def parse_rows(text: str, fmt: str, name: str, lang: str) -> Iterator[Row]:
    if fmt == "jsonl":
        return _jsonl_rows(text, lang)
    if fmt == "csv":
        return _csv_rows(text, name, lang)
    return _yaml_rows(text, name, lang)


def _record(number: int, record: Any, lang: str) -> Row:
    if not isinstance(record, dict):
        kind = "null" if record is None else type(record).__name__
        return Row(number, None, None, t("batch.not_object", lang, kind=kind))
    row_id = record.pop("id", None)  # JSON keys are text; YAML ones are made text by the reader
    return Row(number, row_id, record)


ID_PREFIX = '{"id": "'  # how json.dumps writes a record whose first key is a text id


def _jsonl_rows(text: str, lang: str) -> Iterator[Row]:
    """Rows of JSON Lines. A portfolio repeats a few thousand answer sets under many ids, so a
    line of the form {"id": "<plain text>", ...} whose remainder was seen before is not parsed
    again: it has the answers of that remainder (a remainder with an "id" of its own, or one
    first seen on a line that did not parse, is never kept)."""
    loads = json.loads
    known: dict[str, dict[str, Any]] = {}  # remainder after the id -> its answers
    start = len(ID_PREFIX)
    number = 0
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line or line.isspace():  # isspace() stops early; strip() would copy the line
            continue
        number += 1
        rest = None
        if line.startswith(ID_PREFIX):
            end = line.find('"', start)
            row_id = line[start:end]
            # No escapes and no control characters: the id is its text, as JSON would read it.
            if (
                end > 0
                and line[end + 1 : end + 2] == ","
                and "\\" not in row_id
                and row_id.isprintable()
            ):
                rest = line[end + 1 :]
                answers = known.get(rest)
                if answers is not None:
                    yield Row(number, row_id, answers, key=rest)
                    continue
        try:
            record = loads(line)
        except (ValueError, RecursionError) as error:
            reason = t(
                "json.invalid", lang, reason=getattr(error, "msg", None) or type(error).__name__
            )
            yield Row(
                number, None, None, t("batch.bad_line", lang, line=line_number, reason=reason)
            )
            continue
        row = _record(number, record, lang)
        if rest is not None and row.answers is not None:
            answers = loads("{" + rest[1:])  # valid: the whole line was
            if "id" not in answers:
                known[rest] = answers
                row.key = rest
        yield row


def _csv_rows(text: str, name: str, lang: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader, [])]
    except csv.Error as error:
        raise AnswerError(
            t("batch.unreadable", lang, file=f"{name}:1", reason=str(error))
        ) from None
    if not header or not any(header):
        raise AnswerError(t("batch.csv_no_header", lang, file=name))
    seen = [h for i, h in enumerate(header) if h in header[:i]]
    if seen or "" in header:
        column = seen[0] if seen else ""
        raise AnswerError(t("batch.csv_bad_header", lang, file=name, column=column))
    id_at = header.index("id") if "id" in header else -1
    width = len(header)
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            yield Row(
                number, None, None, t("batch.bad_line", lang, line=reader.line_num, reason=error)
            )
            continue
        if not cells:
            continue
        number += 1
        if len(cells) != width:
            problem = t(
                "batch.csv_width", lang, line=reader.line_num, found=len(cells), width=width
            )
            yield Row(number, None, None, problem)
            continue
        row_id = cells[id_at] if id_at >= 0 and cells[id_at] != "" else None
        answers = {
            h: v
            for i, (h, v) in enumerate(zip(header, cells, strict=False))
            if i != id_at and v.strip()
        }
        yield Row(number, row_id, answers)


def _yaml_rows(text: str, name: str, lang: str) -> Iterator[Row]:
    import yaml

    from .rules import Loader, check_yaml_limits

    try:
        check_yaml_limits(text, lang)
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        reason = yaml_problem(error.problem or str(error), lang)
        raise AnswerError(t("batch.unreadable", lang, file=where, reason=reason)) from None
    except (yaml.YAMLError, ValueError) as error:
        raise AnswerError(t("batch.unreadable", lang, file=name, reason=str(error))) from None
    if data is None:
        return iter(())
    if not isinstance(data, list):
        raise AnswerError(t("batch.yaml_not_list", lang, file=name))
    return (_record(number, _text_keys(record), lang) for number, record in enumerate(data, 1))


def _text_keys(record: Any) -> Any:
    if isinstance(record, dict):
        return {str(key): value for key, value in record.items()}
    return record
