"""Many answer sets at once: JSON Lines, CSV or a YAML list in; JSON Lines, JSON or CSV out.

Each row is evaluated on its own: a bad row becomes an error record and the run goes on.
Rows with the same answers are evaluated once (a portfolio repeats a few thousand
combinations), and each result is serialised once, so a large batch costs little more
than reading and writing it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import EXIT_ANSWER, AnswerError, OutputError
from .messages import t
from .rules import LoadedRules

INPUT_FORMATS = ("jsonl", "csv", "yaml")
OUTPUT_FORMATS = ("jsonl", "json", "csv")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}
CSV_COLUMNS = ("row", "id", "level", "structures", "methods", "warnings", "error")
MAX_INPUT_BYTES = 1024 * 1024 * 1024
CHUNK_PIECES = 6000  # pieces per write (about 2,000 rows) and per progress update

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class Row:
    """One input record: its 1-based number, its id, and its answers or why it cannot be read.

    A slotted class, not a frozen dataclass: one is made per input row.
    """

    __slots__ = ("answers", "id", "number", "problem")

    def __init__(
        self, number: int, id: Any, answers: dict[str, Any] | None, problem: str | None = None
    ) -> None:
        self.number = number
        self.id = id
        self.answers = answers
        self.problem = problem


@dataclass
class Summary:
    rows: int = 0
    failed: list[int] = field(default_factory=list)
    distinct: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_ANSWER if self.failed else 0


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
            with open(name, "rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise AnswerError(t("batch.not_found", lang, file=name)) from None
    except OSError as error:
        reason = error.strerror or str(error)
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


def _jsonl_rows(text: str, lang: str) -> Iterator[Row]:
    loads = json.loads
    number = 0
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line or line.isspace():  # isspace() stops early; strip() would copy the line
            continue
        number += 1
        try:
            record = loads(line)
        except (ValueError, RecursionError) as error:
            reason = getattr(error, "msg", None) or type(error).__name__
            yield Row(
                number, None, None, t("batch.bad_line", lang, line=line_number, reason=reason)
            )
            continue
        yield _record(number, record, lang)


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
        reason = error.problem or str(error)
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


class Outcome:
    """The result of one distinct answer set, and its JSON text once it has been written."""

    __slots__ = ("error", "json", "result")

    def __init__(self, result: dict[str, Any] | None, error: dict[str, Any] | None) -> None:
        self.result = result
        self.error = error
        self.json: bytes | None = None


class Evaluator:
    """Outcomes for rows of answers, each distinct answer set evaluated once per rules file."""

    def __init__(self, loaded: LoadedRules, lang: str) -> None:
        self.loaded = loaded
        self.lang = lang
        self.memo: dict[frozenset[tuple[str, Any]], Outcome] = {}

    def evaluate(self, answers: dict[str, Any]) -> Outcome:
        try:
            key = frozenset(answers.items())
        except TypeError:  # a list or mapping as an answer: invalid, and not worth keeping
            return self._evaluate(answers)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._evaluate(answers)
        return found

    def _evaluate(self, answers: dict[str, Any]) -> Outcome:
        from .report import to_dict
        from .service import recommend_answers

        try:
            rec, _notes = recommend_answers(self.loaded, [answers], self.lang)
        except AnswerError as error:
            message = " ".join([error.message, *error.details])
            return Outcome(None, {"code": error.exit_code, "message": message})
        return Outcome(to_dict(rec), None)


class Writer:
    """Serialises outcomes; each distinct outcome is turned into JSON once and reused."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.count = 0
        self.buffer = io.StringIO()
        self.csv = csv.writer(self.buffer, lineterminator="\n")

    def start(self) -> bytes:
        if self.fmt == "csv":
            return self._csv_line(CSV_COLUMNS)
        return b"[\n" if self.fmt == "json" else b""

    def end(self) -> bytes:
        if self.fmt == "json":
            return b"\n]\n" if self.count else b"]\n"
        return b""

    def row(self, row: Row, outcome: Outcome, out: list[bytes]) -> None:
        """Append the row's bytes to `out` (in pieces: a result is not copied per row)."""
        self.count += 1
        if self.fmt == "csv":
            out.append(self._csv_row(row, outcome))
            return
        if outcome.json is None:
            body = outcome.result if outcome.result is not None else {"error": outcome.error}
            outcome.json = _dumps(body)[1:].encode("utf-8")  # no "{": row and id go first
        separator = b",\n" if self.fmt == "json" and self.count > 1 else b""
        head = b'%s{"row":%d,"id":%s,' % (separator, row.number, _json_id(row.id))
        out.append(head)
        out.append(outcome.json)
        if self.fmt == "jsonl":
            out.append(b"\n")

    def _csv_row(self, row: Row, outcome: Outcome) -> bytes:
        row_id = "" if row.id is None else row.id if isinstance(row.id, str) else _dumps(row.id)
        result = outcome.result
        if result is None:
            message = outcome.error["message"] if outcome.error else ""
            return self._csv_line((row.number, row_id, "", "", "", "", message))
        return self._csv_line(
            (
                row.number,
                row_id,
                result["level"]["id"],
                " ".join(s["id"] for s in result["recruitment"]),
                " ".join(m["id"] for m in result["methods"]),
                len(result["warnings"]),
                "",
            )
        )

    def _csv_line(self, cells: tuple[Any, ...]) -> bytes:
        self.csv.writerow(cells)
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text.encode("utf-8")


def _json_id(value: Any) -> bytes:
    if value is None:
        return b"null"
    if isinstance(value, str) and value.isascii():
        return json.encoder.encode_basestring(value).encode("ascii")
    try:
        return _dumps(value).encode("utf-8")
    except (TypeError, ValueError):  # a YAML date or the like: keep it as text
        return _dumps(str(value)).encode("utf-8")


def run(
    name: str,
    loaded: LoadedRules,
    lang: str,
    in_format: str | None,
    out_format: str,
    output: Path | None,
    force: bool,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Read every row, evaluate it and write its result; return what happened."""
    fmt = input_format(name, in_format, lang)
    text = read_input(name, lang)
    rows = parse_rows(text, fmt, name, lang)
    del text
    evaluator = Evaluator(loaded, lang)
    writer = Writer(out_format)
    summary = Summary()
    with _destination(output, force, lang) as out:
        chunk = [writer.start()]
        for row in rows:
            if row.answers is None:
                outcome = Outcome(None, {"code": EXIT_ANSWER, "message": row.problem})
            else:
                outcome = evaluator.evaluate(row.answers)
            if outcome.error is not None:
                summary.failed.append(row.number)
            writer.row(row, outcome, chunk)
            summary.rows += 1
            if len(chunk) >= CHUNK_PIECES:
                out.write(b"".join(chunk))
                chunk.clear()
                if progress is not None:
                    progress(summary.rows)
        chunk.append(writer.end())
        out.write(b"".join(chunk))
    summary.distinct = len(evaluator.memo)
    if progress is not None:
        progress(summary.rows)
    return summary


@contextlib.contextmanager
def _destination(output: Path | None, force: bool, lang: str) -> Iterator[IO[bytes]]:
    """stdout, or a file written atomically (the same guarantees as files.write_atomic)."""
    if output is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    from .files import _link_no_clobber, _mode_for

    target = Path(output)
    if target.is_dir():
        raise OutputError(t("output.failed", lang, file=target, reason="is a directory"))
    if target.exists() and not force:
        raise OutputError(t("output.exists", lang, file=target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(t("output.failed", lang, file=target, reason=error.strerror)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        if force:
            os.replace(tmp, target)
        else:
            _link_no_clobber(tmp, target, lang)
    except OSError as error:
        raise OutputError(t("output.failed", lang, file=target, reason=error.strerror)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def summary_text(summary: Summary, lang: str) -> str:
    """One line for stderr; the first failed rows are named so they can be found."""
    done = summary.rows - len(summary.failed)
    line = t(
        "batch.summary",
        lang,
        rows=summary.rows,
        done=done,
        failed=len(summary.failed),
        distinct=summary.distinct,
    )
    if summary.failed:
        shown = ", ".join(str(n) for n in summary.failed[:10])
        more = "…" if len(summary.failed) > 10 else ""
        line += " " + t("batch.failed_rows", lang, rows=shown + more)
    return line


@contextlib.contextmanager
def progress_bar(lang: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr (only called when stderr is a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn(t("batch.progress", lang)),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("rows", total=None)
    with bar:
        yield lambda done: bar.update(task, completed=done)
