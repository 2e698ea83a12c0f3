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
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .batch_rows import Row, input_format, parse_rows, read_input
from .errors import EXIT_ANSWER, AnswerError
from .messages import t
from .rules import LoadedRules

OUTPUT_FORMATS = ("jsonl", "json", "csv")
CSV_COLUMNS = ("row", "id", "level", "structures", "methods", "warnings", "error")
CHUNK_PIECES = 6000  # pieces per write (about 2,000 rows) and per progress update

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass
class Summary:
    rows: int = 0
    failed: list[int] = field(default_factory=list)
    distinct: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_ANSWER if self.failed else 0


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
        self.by_key: dict[str, Outcome] = {}  # Row.key -> outcome: no set to build per row

    def evaluate(self, answers: dict[str, Any], key: str | None = None) -> Outcome:
        if key is not None:
            found = self.by_key.get(key)
            if found is None:
                found = self.by_key[key] = self.evaluate(answers)
            return found
        try:
            answer_set = frozenset(answers.items())
        except TypeError:  # a list or mapping as an answer: invalid, and not worth keeping
            return self._evaluate(answers)
        found = self.memo.get(answer_set)
        if found is None:
            found = self.memo[answer_set] = self._evaluate(answers)
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
    with _destination(output, force, lang) as write:
        chunk = [writer.start()]
        for row in rows:
            if row.answers is None:
                outcome = Outcome(None, {"code": EXIT_ANSWER, "message": row.problem})
            else:
                outcome = evaluator.evaluate(row.answers, row.key)
            if outcome.error is not None:
                summary.failed.append(row.number)
            writer.row(row, outcome, chunk)
            summary.rows += 1
            if len(chunk) >= CHUNK_PIECES:
                write(b"".join(chunk))
                chunk.clear()
                if progress is not None:
                    progress(summary.rows)
        chunk.append(writer.end())
        write(b"".join(chunk))
    summary.distinct = len(evaluator.memo)
    if progress is not None:
        progress(summary.rows)
    return summary


@contextlib.contextmanager
def _destination(output: Path | None, force: bool, lang: str) -> Iterator[Callable[[bytes], None]]:
    """How to write the output: to stdout, or to a file written atomically (files.open_atomic)."""
    if output is None:
        with _spooled(sys.stdout.buffer, settle=False) as write:
            yield write
        sys.stdout.buffer.flush()
        return
    from .files import open_atomic

    with open_atomic(output, force=force, lang=lang) as handle, _spooled(handle, True) as write:
        yield write


class _Spool:
    """Writes chunks on a thread of its own, in order: the kernel copies a large output while
    the next rows are evaluated (write() lets go of the GIL). A file of our own is also sent
    to disk as it grows (files.settle), so no long fsync waits at the end."""

    def __init__(self, out: IO[bytes], settle: bool) -> None:
        self.out = out
        self.settle = settle
        self.written = self.settled = 0
        self.chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._drain, name="ladder-batch-output", daemon=True)
        self.thread.start()

    def _drain(self) -> None:
        from .files import SETTLE_BYTES, settle

        while (data := self.chunks.get()) is not None:
            if self.error is None:  # after a failure, only keep the queue moving
                try:
                    self.out.write(data)
                    self.written += len(data)
                    if self.settle and self.written - self.settled >= SETTLE_BYTES:
                        settle(self.out, self.settled, self.written)
                        self.settled = self.written
                except BaseException as error:  # noqa: BLE001 - raised again in the caller
                    self.error = error

    def write(self, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.chunks.put(data)

    def close(self) -> None:
        self.chunks.put(None)
        self.thread.join()


@contextlib.contextmanager
def _spooled(out: IO[bytes], settle: bool) -> Iterator[Callable[[bytes], None]]:
    spool = _Spool(out, settle)
    try:
        yield spool.write
    finally:
        spool.close()
    if spool.error is not None:
        raise spool.error


def summary_text(summary: Summary, lang: str) -> str:
    """One line for stderr; the first failed rows are named so they can be found."""
    done = summary.rows - len(summary.failed)
    line = t(
        "batch.summary",
        lang,
        count=summary.rows,
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
