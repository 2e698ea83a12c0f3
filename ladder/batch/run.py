"""Many answer sets at once: JSON Lines, CSV or a YAML list in; JSON Lines, JSON or CSV out.
A row with `tracks` is a plan (ladder.plan_file), and its result a ladder.plan/1 record.

Each row is evaluated on its own: a bad row becomes an error record and the run goes on.
Input and output are streamed, and what is kept between rows is bounded (`Recent`), so memory
stays flat however long the batch. Rows with the same deciding answers (the choices, and which
free texts are given) are evaluated once, as long as they recur within the last MEMO_SIZE
answer sets: a portfolio repeats a few thousand combinations. A row without free text then
costs little more than reading and writing it; free text only fills the wording, so a row with
its own project name is worded from the decision already made for its choices.
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
from typing import IO, TYPE_CHECKING, Any

from ladder.batch.rows import (
    Recent,
    Row,
    input_encoding,
    input_format,
    opened,
    parse_rows,
    read_rows,
    row_details,
)
from ladder.errors import EXIT_ANSWER, AnswerError
from ladder.i18n.messages import t
from ladder.load.loader import LoadedRules
from ladder.output.formats import BATCH, names

if TYPE_CHECKING:
    from ladder.result import Decision

__all__ = ["CSV_COLUMNS", "Evaluator", "Outcome", "Row", "Writer", "parse_rows", "run"]

OUTPUT_FORMATS = names(BATCH)  # jsonl, json, csv
CSV_COLUMNS = ("row", "id", "level", "structures", "methods", "warnings", "error")
CHUNK_PIECES = 1500  # pieces per write (about 500 rows, 2 MB) and per progress update
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may evaluate (OWASP)
SHOWN_FAILURES = 10

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass
class Summary:
    rows: int = 0
    failures: int = 0
    failed: list[int] = field(default_factory=list)  # the first SHOWN_FAILURES rows that failed
    distinct: int = 0  # answer sets evaluated

    @property
    def exit_code(self) -> int:
        return EXIT_ANSWER if self.failures else 0

    def fail(self, number: int) -> None:
        self.failures += 1
        if len(self.failed) < SHOWN_FAILURES:
            self.failed.append(number)


class Outcome:
    """The result of one row, and its JSON text once it has been written; `shared` when it
    holds for every row with the same answers (no free text in it)."""

    __slots__ = ("error", "json", "result", "shared")

    def __init__(self, result: dict[str, Any] | None, error: dict[str, Any] | None) -> None:
        self.result = result
        self.error = error
        self.shared = True
        self.json: bytes | None = None


GIVEN = object()  # stands for a free-text answer in the memo's keys
Decided = tuple[dict[str, str], "Decision"]  # the answers used, and their decision


class Evaluator:
    """Outcomes for rows of answers, each set of deciding answers evaluated once while it is
    among the MEMO_SIZE used last."""

    def __init__(self, loaded: LoadedRules, lang: str, input_format: str = "jsonl") -> None:
        self.loaded = loaded
        self.lang = lang
        self.input_format = input_format  # a missing answer is a CSV column or a record's key
        self.free_text = {q.id for q in loaded.rules.questions if q.kind == "text"}
        # deciding answers -> the outcome, or for rows with free text the answers used and
        # their decision (free text is never read by a decision, only whether it is given)
        self.memo: Recent[frozenset[tuple[str, Any]], Outcome | Decided] = Recent()
        self.by_key: Recent[str, Outcome] = Recent()  # Row.key -> outcome: no set built per row
        self.plans: Recent[str, Outcome] = Recent()  # a plan row's answers as JSON -> outcome
        self.tracks: Any = None  # app.TrackMemo, made for the first plan row
        self.evaluated = 0

    def evaluate(self, answers: dict[str, Any], key: str | None = None) -> Outcome:
        if key is not None:
            found = self.by_key.get(key)
            if found is None:
                found = self.evaluate(answers)
                if found.shared:
                    self.by_key.put(key, found)
            return found
        if "tracks" in answers:
            return self._plan(answers)
        texts = {k: v for k, v in answers.items() if k in self.free_text and isinstance(v, str)}
        if texts and not self._valid_texts(texts):
            return self._evaluate(answers)[0]  # its own message; not kept
        try:
            deciding = frozenset((k, GIVEN if k in texts else v) for k, v in answers.items())
        except TypeError:  # a list or mapping as an answer: invalid, and not worth keeping
            return self._evaluate(answers)[0]
        kept = self.memo.get(deciding)
        if kept is None:
            outcome, decided = self._evaluate(answers)
            outcome.shared = not texts or decided is None
            self.memo.put(deciding, outcome if outcome.shared or decided is None else decided)
            return outcome
        if isinstance(kept, Outcome):  # the same answers, or the same error
            return kept
        return self._reworded(kept, texts)

    def _valid_texts(self, texts: dict[str, str]) -> bool:
        from ladder.answers import validate_answer

        try:
            for key, value in texts.items():
                texts[key] = validate_answer(self.loaded.rules, key, value, self.lang)
        except AnswerError:
            return False
        return True

    def _evaluate(self, answers: dict[str, Any]) -> tuple[Outcome, Decided | None]:
        """The outcome, and for a recommendation the answers used and their decision."""
        from ladder.app import decide_answers
        from ladder.output.record import to_dict
        from ladder.wording import word

        self.evaluated += 1
        try:
            used, decision, _notes = decide_answers(self.loaded, [answers], self.lang)
        except AnswerError as error:
            message = " ".join([error.message, *row_details(error, self.input_format, self.lang)])
            return Outcome(None, {"code": error.exit_code, "message": message}), None
        rec = word(self.loaded.rules, self.loaded.info, used, decision, self.lang, variants=False)
        return Outcome(to_dict(rec), None), (used, decision)

    def _plan(self, answers: dict[str, Any]) -> Outcome:
        """The outcome of a plan row (one with tracks), evaluated once while its answers, as
        canonical JSON, are among those used last."""
        from ladder.app import TrackMemo
        from ladder.batch.plans import canonical, evaluate_plan

        key = canonical(answers)
        found = self.plans.get(key)
        if found is None:
            self.evaluated += 1
            self.tracks = self.tracks or TrackMemo()
            args = (self.loaded, answers, self.lang, self.input_format, self.tracks)
            found = Outcome(*evaluate_plan(*args))
            self.plans.put(key, found)
        return found

    def _reworded(self, decided: Decided, texts: dict[str, str]) -> Outcome:
        """The recommendation for the answers used by a row with the same deciding answers
        (validated), with this row's validated free text: what `resolve` would give, worded
        from the decision already made, without validating the choices again."""
        from ladder.output.record import to_dict
        from ladder.wording import word

        self.evaluated += 1
        used, decision = decided
        own = {k: texts[k] if k in self.free_text else v for k, v in used.items()}
        rec = word(self.loaded.rules, self.loaded.info, own, decision, self.lang, variants=False)
        outcome = Outcome(to_dict(rec), None)
        outcome.shared = False
        return outcome


class Writer:
    """Serialises outcomes; each distinct outcome is turned into JSON once and reused. CSV
    cells that a spreadsheet would evaluate as a formula get a leading `'` unless `raw`."""

    def __init__(self, fmt: str, raw: bool = False) -> None:
        self.fmt = fmt
        self.raw = raw
        self.count = 0
        self.buffer = io.StringIO()
        # "\r\n" ends a record so that the writer quotes a field holding either; see _csv_line
        self.csv = csv.writer(self.buffer, lineterminator="\r\n")

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
        body = outcome.json
        if body is None:
            result = outcome.result if outcome.result is not None else {"error": outcome.error}
            body = _dumps(result)[1:].encode("utf-8")  # no "{": row and id go first
            if outcome.shared:
                outcome.json = body
        separator = b",\n" if self.fmt == "json" and self.count > 1 else b""
        head = b'%s{"row":%d,"id":%s,' % (separator, row.number, _json_id(row.id))
        out.append(head)
        out.append(body)
        if self.fmt == "jsonl":
            out.append(b"\n")

    def _csv_row(self, row: Row, outcome: Outcome) -> bytes:
        row_id = _csv_id(row.id)
        result = outcome.result
        if result is None:
            message = outcome.error["message"] if outcome.error else ""
            return self._csv_line((row.number, row_id, "", "", "", "", message))
        if "tracks" in result:
            from ladder.batch.plans import csv_cells

            return self._csv_line((row.number, row_id, *csv_cells(result), ""))
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
        if not self.raw:
            cells = tuple(_inert(cell) for cell in cells)
        self.csv.writerow(cells)
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text[:-2].encode("utf-8") + b"\n"


def _inert(cell: Any) -> Any:
    """A text cell as a spreadsheet shows it without evaluating it (OWASP's CSV injection
    rule); numbers and empty cells stay as they are."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _csv_id(value: Any) -> Any:
    """Text as it is and a number as a number (not neutralised: -2 is no formula)."""
    if value is None:
        return ""
    if isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return _dumps(value)  # true or false, as in JSON


def _json_id(value: Any) -> bytes:
    if value is None:
        return b"null"
    if isinstance(value, str) and value.isascii():
        return json.encoder.encode_basestring(value).encode("ascii")
    return _dumps(value).encode("utf-8")  # text, a number or true/false (batch_rows._record)


def run(
    name: str,
    loaded: LoadedRules,
    lang: str,
    in_format: str | None,
    out_format: str,
    output: Path | None,
    force: bool,
    progress: Callable[[int], None] | None = None,
    encoding: str | None = None,
    csv_raw: bool = False,
) -> Summary:
    """Read each row, evaluate it and write its result, as the rows come; return what happened."""
    fmt = input_format(name, in_format, lang)
    codec = input_encoding(encoding, lang)
    evaluator = Evaluator(loaded, lang, fmt)
    writer = Writer(out_format, raw=csv_raw)
    summary = Summary()
    with opened(name, lang) as handle, _destination(output, force, lang) as write:
        rows = read_rows(handle, fmt, name, codec, lang)
        chunk = [writer.start()]
        try:
            for row in rows:
                if row.answers is None:
                    outcome = Outcome(None, {"code": EXIT_ANSWER, "message": row.problem})
                else:
                    outcome = evaluator.evaluate(row.answers, row.key)
                if outcome.error is not None:
                    summary.fail(row.number)
                writer.row(row, outcome, chunk)
                summary.rows += 1
                if len(chunk) >= CHUNK_PIECES:
                    write(b"".join(chunk))
                    chunk.clear()
                    if progress is not None:
                        progress(summary.rows)
        except AnswerError:  # a line that stops the batch: what came before it is given
            if output is None:
                write(b"".join(chunk))
            raise
        chunk.append(writer.end())
        write(b"".join(chunk))
    summary.distinct = evaluator.evaluated
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
    from ladder.io.files import open_atomic

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
        from ladder.io.files import SETTLE_BYTES, settle

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
    done = summary.rows - summary.failures
    line = t(
        "batch.summary",
        lang,
        count=summary.rows,
        rows=summary.rows,
        done=done,
        failed=summary.failures,
        distinct=summary.distinct,
    )
    if summary.failed:
        shown = ", ".join(str(n) for n in summary.failed)
        more = "…" if summary.failures > len(summary.failed) else ""
        line += " " + t("batch.failed_rows", lang, rows=shown + more)
    return line
