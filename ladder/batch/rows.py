"""Reading the rows of a batch: JSON Lines, CSV or a YAML list, one `Row` per record.

JSON Lines and CSV are read a line at a time (split at `\\n` only, as JSON Lines and CSV
define lines), so memory does not grow with the input; a YAML list is read whole, since PyYAML
builds it whole. Each row is read on its own: a record that cannot be read becomes a row with
a problem, and the rest are still read.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import math
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from ladder.errors import AnswerError, UsageError
from ladder.i18n.messages import os_problem, t, yaml_problem
from ladder.io.files import open_input
from ladder.io.locations import at, undecodable_at, yaml_error_at
from ladder.io.untrusted import first_invisible, shown

INPUT_FORMATS = ("jsonl", "csv", "yaml")
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".yaml": "yaml", ".yml": "yaml"}
MAX_YAML_BYTES = 64 * 1024 * 1024  # PyYAML's node limit (rules.MAX_YAML_NODES) comes first
MAX_LINE_BYTES = 1024 * 1024  # as an answers file: one row is one set of answers
DELIMITERS = (",", ";", "\t")  # Excel writes ";" where the decimal separator is ","
MEMO_SIZE = 32768  # answer sets kept; the default rules have 27,906 reachable ones

K = TypeVar("K")
V = TypeVar("V")


class Recent(Generic[K, V]):
    """A mapping that keeps the `size` entries used last (least recently used go first), so
    that memory stays flat however many distinct rows a batch has."""

    def __init__(self, size: int = MEMO_SIZE) -> None:
        self.size = size
        self.entries: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        found = self.entries.get(key)
        if found is not None:
            self.entries.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        if len(self.entries) >= self.size:
            self.entries.popitem(last=False)
        self.entries[key] = value

    def __len__(self) -> int:
        return len(self.entries)


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


def input_encoding(given: str | None, lang: str) -> str:
    """--encoding, checked: lines are split at the byte `\\n`, so the encoding must write
    ASCII as ASCII (UTF-8, cp1252, latin-1; not UTF-16)."""
    if not given:
        return "utf-8"
    try:
        info = codecs.lookup(given)
        # a codec that is no text encoding (rot13, base64, zlib) cannot decode a file's text
        text = getattr(info, "_is_text_encoding", True)
        sample = "\n,;\t\"'".encode(info.name, "replace").removeprefix(codecs.BOM_UTF8)
        ascii_safe = text and sample == b"\n,;\t\"'"
    except (LookupError, UnicodeError):  # unknown, or a name that is not text itself
        raise UsageError(t("batch.unknown_encoding", lang, encoding=shown(given))) from None
    if not text:
        raise UsageError(t("batch.unknown_encoding", lang, encoding=shown(given)))
    if not ascii_safe:
        raise UsageError(t("batch.encoding_not_ascii", lang, encoding=shown(given)))
    return info.name


@contextlib.contextmanager
def opened(name: str, lang: str) -> Iterator[IO[bytes]]:
    """The input as a binary stream: `-` is stdin."""
    if name == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = open_input(name)  # closed below, after the rows are read
    except FileNotFoundError:
        raise AnswerError(t("batch.not_found", lang, file=name)) from None
    except OSError as error:
        raise _unreadable(name, os_problem(error, lang), lang) from None
    with handle:
        yield handle


def read_rows(handle: IO[bytes], fmt: str, name: str, encoding: str, lang: str) -> Iterator[Row]:
    """The rows of the input, read as they are needed."""
    if fmt == "yaml":
        return _yaml_rows(_whole(handle, name, encoding, lang), name, lang)
    return parse_rows(read_lines(handle, name, encoding, lang), fmt, name, lang)


def parse_rows(source: str | Iterable[str], fmt: str, name: str, lang: str) -> Iterator[Row]:
    """The rows of a text, or of its lines (each with its line end)."""
    if fmt == "yaml":
        return _yaml_rows(source if isinstance(source, str) else "".join(source), name, lang)
    lines = _split(source) if isinstance(source, str) else source
    if fmt == "jsonl":
        return _jsonl_rows(lines, lang)
    return _csv_rows(lines, name, lang)


def _split(text: str) -> Iterator[str]:
    """Lines ending at `\\n` only (str.splitlines also ends them at U+2028, U+0085 and more,
    which JSON allows inside strings)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield text[start:end]
        start = end


def read_lines(
    handle: IO[bytes],
    name: str,
    encoding: str,
    lang: str,
    skipped: Callable[[AnswerError], None] | None = None,
) -> Iterator[str]:
    """The lines of the input, decoded one at a time (so a bad byte is found on its line),
    with a UTF-8 byte order mark (as Excel writes) dropped. An over-long line stops the input,
    or, when `skipped` is given, is reported to it and read as an empty line."""
    number = 0
    while True:
        try:
            raw = handle.readline(MAX_LINE_BYTES + 1)
        except OSError as error:
            raise _unreadable(name, os_problem(error, lang), lang) from None
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            reason = t("batch.line_too_long", lang, limit=MAX_LINE_BYTES)
            if skipped is None:
                raise _unreadable(f"{name}:{number}", reason, lang)
            while raw and not raw.endswith(b"\n"):  # the rest of the line, a bounded read at a time
                raw = handle.readline(MAX_LINE_BYTES)
            skipped(_unreadable(f"{name}:{number}", reason, lang))
            yield ""
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield raw.decode(encoding)
        except UnicodeDecodeError as error:
            where = at(name, number + undecodable_at(raw, error)[0] - 1)
            raise _not_decodable(where, error, encoding, lang) from None


def _whole(handle: IO[bytes], name: str, encoding: str, lang: str) -> str:
    try:
        data = handle.read(MAX_YAML_BYTES + 1)
    except OSError as error:
        raise _unreadable(name, os_problem(error, lang), lang) from None
    if len(data) > MAX_YAML_BYTES:
        reason = t("batch.too_large", lang, limit=MAX_YAML_BYTES)
        raise _unreadable(name, reason, lang)
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode(encoding)
    except UnicodeDecodeError as error:
        where = at(name, undecodable_at(data, error)[0])
        raise _not_decodable(where, error, encoding, lang) from None


def _unreadable(where: str, reason: str, lang: str) -> AnswerError:
    return AnswerError(t("batch.unreadable", lang, file=where, reason=reason))


def _not_decodable(where: str, error: UnicodeDecodeError, encoding: str, lang: str) -> AnswerError:
    """Bytes that are not text in the encoding: say how to save the file so that they are."""
    if encoding == "utf-8":
        reason = t("rules.not_utf8", lang, reason=error.reason) + ". " + t("batch.save_utf8", lang)
    else:
        reason = t("batch.not_in_encoding", lang, encoding=encoding, reason=error.reason)
    return _unreadable(where, reason, lang)


def _record(number: int, record: Any, lang: str) -> Row:
    if not isinstance(record, dict):
        kind = "null" if record is None else type(record).__name__
        return Row(number, None, None, t("batch.not_object", lang, kind=kind))
    if _has_surrogate(record):  # JSON's "\ud800": not text, and not writable as UTF-8
        return Row(number, None, None, t("batch.surrogate", lang))
    row_id = record.pop("id", None)  # JSON keys are text; YAML ones are made text by the reader
    if isinstance(row_id, dt.date):  # a YAML date: its ISO text
        row_id = row_id.isoformat()
    elif not _plain_id(row_id):
        kind = str(row_id) if isinstance(row_id, float) else type(row_id).__name__  # nan, inf
        return Row(number, None, None, t("batch.bad_id", lang, kind=kind))
    if isinstance(row_id, str) and (code := _unprintable(row_id)):
        return Row(number, None, None, t("batch.unprintable_id", lang, code=code))
    return Row(number, row_id, record)


def _unprintable(text: str) -> str | None:
    """The first control or invisible character of an id, as U+XXXX: an id is echoed in
    every output, to terminals and spreadsheets alike. Tabs and line ends are left to the
    writers, which quote them (CSV) or escape them (JSON)."""
    if text.isprintable():
        return None
    return first_invisible(text) or next(
        (f"U+{ord(c):04X}" for c in text if not c.isprintable() and c not in " \t\r\n"), None
    )


def _plain_id(value: Any) -> bool:
    """Text, a whole number or a finite one (not NaN: JSON has no such value), or none."""
    if isinstance(value, bool):  # true is no id, though Python counts it a number
        return False
    if value is None or isinstance(value, str | int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        if value.isascii():
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


ID_PREFIX = '{"id": "'  # how json.dumps writes a record whose first key is a text id


def _jsonl_rows(lines: Iterable[str], lang: str) -> Iterator[Row]:
    """Rows of JSON Lines. A portfolio repeats a few thousand answer sets under many ids, so a
    line of the form {"id": "<plain text>", ...} whose remainder was seen lately is not parsed
    again: it has the answers of that remainder (a remainder with an "id" of its own, or one
    first seen on a line that did not parse, is never kept)."""
    from ladder.io.strict_json import loads, problem

    known: Recent[str, dict[str, Any]] = Recent()  # remainder after the id -> its answers
    start = len(ID_PREFIX)
    number = 0
    for line_number, line in enumerate(lines, 1):
        line = line.removesuffix("\n").removesuffix("\r")
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
            reason = problem(error, lang)
            yield Row(
                number, None, None, t("batch.bad_line", lang, line=line_number, reason=reason)
            )
            continue
        row = _record(number, record, lang)
        if rest is not None and row.answers is not None:
            answers = loads("{" + rest[1:])  # valid: the whole line was
            if "id" not in answers:
                known.put(rest, answers)
                row.key = rest
        yield row


def delimiter(header: str) -> str:
    """The delimiter the header line uses most: `,`, `;` (Excel in Swedish) or a tab."""
    return max(DELIMITERS, key=header.count)  # ties go to the first: a comma


def _csv_rows(lines: Iterable[str], name: str, lang: str) -> Iterator[Row]:
    lines = iter(lines)
    first = next(lines, "")
    reader = csv.reader(chain([first], lines), delimiter=delimiter(first))
    try:
        header = [cell.strip() for cell in next(reader, [])]
    except csv.Error as error:
        raise _unreadable(f"{name}:1", str(error), lang) from None
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
        if row_id is not None and (code := _unprintable(row_id)):
            yield Row(number, None, None, t("batch.unprintable_id", lang, code=code))
            continue
        answers = {
            h: v
            for i, (h, v) in enumerate(zip(header, cells, strict=False))
            if i != id_at and v.strip()
        }
        yield Row(number, row_id, answers)


def _yaml_rows(text: str, name: str, lang: str) -> Iterator[Row]:
    import yaml

    from ladder.load.loader import Loader, check_yaml_limits

    try:
        check_yaml_limits(text, lang)
        data = yaml.load(text, Loader=Loader)
    except (yaml.YAMLError, ValueError) as error:
        where = at(name, *yaml_error_at(text, error))
        if isinstance(error, yaml.MarkedYAMLError):
            reason = yaml_problem(error.problem or str(error), lang)
        else:
            reason = str(error)
        raise _unreadable(where, reason, lang) from None
    if data is None:
        return iter(())
    if not isinstance(data, list):
        raise AnswerError(t("batch.yaml_not_list", lang, file=name))
    return (_record(number, _text_keys(record), lang) for number, record in enumerate(data, 1))


def _text_keys(record: Any) -> Any:
    if isinstance(record, dict):
        return {str(key): value for key, value in record.items()}
    return record


def row_details(error: AnswerError, fmt: str, lang: str) -> list[str]:
    """An answer error's detail lines for a row of `fmt`: a missing answer is given in a CSV
    column or under a record's key, never with a flag."""
    key = "batch.give_column" if fmt == "csv" else "batch.give_key"
    hints = {question: t(key, lang, id=question) for question in error.missing}
    if not hints:
        return error.details
    return [line + hints[q] for line, q in zip(error.details, error.missing, strict=True)]
