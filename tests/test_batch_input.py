"""`ladder batch` reading hostile and foreign input: line breaks inside JSON strings, keys given
twice, NaN, lone surrogates, odd ids, and CSV as Excel writes it (semicolons, BOM, CRLF,
Windows-1252)."""

from __future__ import annotations

import codecs
import json
import math
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.batch import rows as batch_rows
from ladder.batch import run as batch
from ladder.load.loader import load_rules

from .conftest import ROOT

CARE = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}


def strict(text: str) -> object:
    """JSON as the standard defines it: no NaN or Infinity."""
    return json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in the output"))


def jsonl(cli, tmp_path, lines: list[str], *args: str):
    source = tmp_path / "rows.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = cli("batch", str(source), *args)
    return done, [strict(line) for line in done.stdout.split("\n") if line]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_json_lines_are_split_at_newline_only(cli, tmp_path, separator):
    # ladder itself writes these unescaped (ensure_ascii=False): they must read back as one row
    names = [f"Del ett{separator}del två", "Andra", f"{separator}Tredje"]
    lines = [json.dumps({**CARE, "project": name}, ensure_ascii=False) for name in names]
    done, records = jsonl(cli, tmp_path, lines)
    assert len(records) == 3 and "3 rows" in done.stderr
    assert "cannot be read" not in done.stdout  # each line is whole JSON
    # as free text each is refused (a line or paragraph separator breaks the text output's
    # lines; U+0085 is a control character): row by row; the others are still recommended, and
    # a separator at the start is white space that is trimmed
    assert done.exit_code == 4
    assert ["error" in r for r in records] == [True, False, False]
    assert records[2]["answers"]["project"] == "Tredje"
    assert f"U+{ord(separator):04X}" in records[0]["error"]["message"] or separator == "\u0085"


def test_json_lines_with_crlf_line_ends(cli, tmp_path):
    source = tmp_path / "rows.jsonl"
    source.write_bytes(b"".join(json.dumps(CARE).encode() + b"\r\n" for _ in range(3)))
    done = cli("batch", str(source))
    assert done.exit_code == 0, done.stdout
    assert len(done.stdout.splitlines()) == 3


def test_a_key_twice_in_a_row_is_that_rows_located_error(cli, tmp_path):
    twice = '{"id": "p2", "arena": "care_meeting", "arena": "unit_development"}'
    done, records = jsonl(cli, tmp_path, [json.dumps(CARE), twice, json.dumps(CARE)])
    assert done.exit_code == 4
    assert [r["row"] for r in records if "error" in r] == [2]
    message = records[1]["error"]["message"]
    assert "line 2" in message and "'arena'" in message
    done, records = jsonl(cli, tmp_path, [twice], "--lang", "sv")
    assert "rad 1" in records[0]["error"]["message"]
    assert "två gånger" in records[0]["error"]["message"]


def test_a_repeated_row_with_a_key_twice_is_refused_every_time(cli, tmp_path):
    # the fast path for repeated rows must not accept what parsing refuses
    twice = '{"id": "p%d", "arena": "care_meeting", "patient_wish": "share_decisions", '
    twice += '"relatives": "no", "relatives": "yes"}'
    done, records = jsonl(cli, tmp_path, [twice % n for n in range(5)])
    assert done.exit_code == 4
    assert all("error" in r for r in records)


@pytest.mark.parametrize(
    "suffix, text, where",
    [
        (".json", '{\n  "arena": "care_meeting",\n  "arena": "unit_development"\n}\n', ":3:3"),
        (".yaml", "arena: care_meeting\narena: unit_development\n", ":2:1"),
    ],
)
def test_a_key_twice_in_an_answers_file_is_refused_alike(cli, tmp_path, suffix, text, where):
    answers = tmp_path / f"answers{suffix}"
    answers.write_text(text, encoding="utf-8")
    done = cli("recommend", "--answers", str(answers))
    assert done.exit_code == 4
    assert f"answers{suffix}{where}" in done.stderr and "'arena'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_key_twice_in_a_json_answers_file_in_swedish(cli, tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text('{"arena": "care_meeting", "arena": "care_meeting"}', encoding="utf-8")
    done = cli("recommend", "--answers", str(answers), "--lang", "sv")
    assert done.exit_code == 4 and "två gånger" in done.stderr


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_in_json(cli, tmp_path, constant):
    lines = [f'{{"id": {constant}, "arena": "care_meeting"}}', json.dumps(CARE)]
    done, records = jsonl(cli, tmp_path, lines)  # every output line is strict JSON
    assert done.exit_code == 4
    assert constant.lstrip("-") in records[0]["error"]["message"]
    assert "error" not in records[1]
    answers = tmp_path / "answers.json"
    answers.write_text(f'{{"arena": {constant}}}', encoding="utf-8")
    done = cli("recommend", "--answers", str(answers))
    assert done.exit_code == 4 and "answers.json:1:" in done.stderr


@pytest.mark.parametrize("out_format", ["jsonl", "json", "csv"])
def test_odd_yaml_ids_give_a_row_error_or_text_never_an_internal_error(cli, tmp_path, out_format):
    rows = [
        "- {id: 2026-03-01, arena: care_meeting, patient_wish: share_decisions, relatives: 'no'}",
        "- {id: !!binary aGVq, arena: care_meeting, patient_wish: share_decisions}",
        "- {id: .nan, arena: care_meeting}",
        "- {id: -.inf, arena: care_meeting}",
        "- {id: [1, 2], arena: care_meeting}",
        "- {id: 7, arena: care_meeting, patient_wish: share_decisions, relatives: 'no'}",
    ]
    source = tmp_path / "rows.yaml"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = cli("batch", str(source), "--format", out_format)
    assert done.exit_code == 4, done.stderr
    assert "Traceback" not in done.stderr and "Internal error" not in done.stderr
    if out_format == "jsonl":
        records = [strict(line) for line in done.stdout.splitlines()]
    elif out_format == "json":
        records = strict(done.stdout)
    else:
        import csv
        import io

        records = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [str(r["id"]) for r in records][:1] == ["2026-03-01"]
    failed = [int(r["row"]) for r in records if r.get("error")]
    assert failed == [2, 3, 4, 5]
    assert str(records[5]["id"]) == "7"


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "p1", "project": "\\ud800", "arena": "care_meeting"}',
        '{"id": "\\udfff", "arena": "care_meeting"}',
        '{"\\ud83d": "x", "arena": "care_meeting"}',
    ],
)
def test_a_lone_surrogate_fails_its_row_not_the_batch(cli, tmp_path, line):
    done, records = jsonl(cli, tmp_path, [json.dumps(CARE), line, json.dumps(CARE)])
    assert done.exit_code == 4, done.stderr
    assert [r["row"] for r in records if "error" in r] == [2]
    assert "surrogate" in records[1]["error"]["message"]
    done = cli("batch", str(tmp_path / "rows.jsonl"), "--format", "csv")
    assert done.exit_code == 4 and len(done.stdout.splitlines()) == 4


def test_a_paired_surrogate_escape_is_text(cli, tmp_path):
    line = json.dumps({**CARE, "project": "Vård \U0001f3e5"})  # written as "\ud83c\udfe5"
    done, records = jsonl(cli, tmp_path, [line])
    assert done.exit_code == 0 and records[0]["answers"]["project"] == "Vård \U0001f3e5"


def test_an_overlong_line_is_refused_at_once_with_its_line(tmp_path):
    """No line holds more than MAX_LINE_BYTES: endless bytes on standard input stop at the
    limit (a device named as the input is refused before it is read)."""
    start = time.perf_counter()
    with open("/dev/zero", "rb") as endless:
        done = subprocess.run(
            [sys.executable, "-m", "ladder", "batch", "-", "--input-format", "jsonl"],
            stdin=endless,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LADDER_CACHE_DIR": str(tmp_path)},
        )
    assert done.returncode == 4
    assert "-:1" in done.stderr and str(batch_rows.MAX_LINE_BYTES) in done.stderr
    assert time.perf_counter() - start < 30


def test_a_yaml_batch_above_its_limit_is_refused(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(batch_rows, "MAX_YAML_BYTES", 100)
    source = tmp_path / "rows.yaml"
    source.write_text("- {arena: care_meeting}\n" * 10, encoding="utf-8")
    done = cli("batch", str(source))
    assert done.exit_code == 4 and "100 bytes" in done.stderr


# CSV as Excel writes it with Swedish settings: ";" between fields (the decimal separator is
# ","), CRLF line ends, a BOM for "CSV UTF-8", Windows-1252 for plain "CSV".
EXCEL_ROWS = [
    ["id", "arena", "patient_wish", "relatives", "project"],
    ["p1", "care_meeting", "share_decisions", "no", "Vårdcentral Åby; Öster"],
    ["p2", "care_meeting", "be_informed", "yes", "Närhälsan"],
]


def excel_csv(delimiter: str = ";") -> str:
    def cell(value: str) -> str:
        return f'"{value}"' if delimiter in value else value

    return "".join(delimiter.join(cell(v) for v in row) + "\r\n" for row in EXCEL_ROWS)


def check_excel_result(done) -> None:
    assert done.exit_code == 0, done.stderr + done.stdout
    records = [strict(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == ["p1", "p2"]
    assert records[0]["answers"]["project"] == "Vårdcentral Åby; Öster"
    assert records[1]["answers"]["patient_wish"] == "be_informed"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["utf8", "utf8-bom"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"], ids=["semicolon", "comma", "tab"])
def test_csv_from_excel_in_utf8(cli, tmp_path, bom, delimiter):
    source = tmp_path / "projekt.csv"
    source.write_bytes(bom + excel_csv(delimiter).encode("utf-8"))
    check_excel_result(cli("batch", str(source)))


def test_csv_from_excel_in_windows_1252(cli, tmp_path):
    source = tmp_path / "projekt.csv"
    source.write_bytes(excel_csv().encode("cp1252"))
    assert b"V\xe5rdcentral \xc5by" in source.read_bytes()
    done = cli("batch", str(source))
    assert done.exit_code == 4 and done.stdout == ""
    assert "projekt.csv:2" in done.stderr  # the line of the first å
    assert "UTF-8" in done.stderr and "--encoding cp1252" in done.stderr
    assert "did you mean" not in done.stderr
    assert "). Save the file as UTF-8" in done.stderr  # two sentences, not one run-on
    swedish = cli("batch", str(source), "--lang", "sv")
    assert "kommaavgränsad" in swedish.stderr and "--encoding cp1252" in swedish.stderr
    check_excel_result(cli("batch", str(source), "--encoding", "cp1252"))


# codecs that are no text encoding, or whose names cannot even be encoded, are unknown too
@pytest.mark.parametrize(
    "encoding", ["no-such-codec", "utf-16", "rot13", "base64", "zlib", "undefined", "idna"]
)
def test_an_unusable_encoding_is_a_usage_error(cli, tmp_path, encoding):
    source = tmp_path / "projekt.csv"
    source.write_text(excel_csv(), encoding="utf-8")
    done = cli("batch", str(source), "--encoding", encoding)
    assert done.exit_code == 2 and encoding in done.stderr and done.stdout == ""


def test_a_utf8_file_with_a_signature_can_be_named_so(cli, tmp_path):
    source = tmp_path / "projekt.csv"
    source.write_bytes(codecs.BOM_UTF8 + excel_csv().encode("utf-8"))
    check_excel_result(cli("batch", str(source), "--encoding", "utf-8-sig"))


# Fuzzing: random rows with Unicode line breaks, surrogates, NaN and keys given twice. Every
# line is one row, and every output line is strict JSON in UTF-8.
FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
BREAKS = "\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e\r"
texts = st.text(alphabet=st.characters() | st.sampled_from(BREAKS), max_size=12)
keys = st.sampled_from(["id", "arena", "patient_wish", "relatives", "project"]) | texts
values = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats()
    | texts
    | st.sampled_from(list(CARE.values()))
    | st.lists(texts, max_size=2)
)


RULES = load_rules()


@FUZZ
@given(st.lists(st.lists(st.tuples(keys, values), max_size=6), min_size=1, max_size=5))
def test_fuzzed_rows_read_one_per_line_and_write_strict_json(objects):
    lines = [
        "{" + ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in o) + "}"
        for o in objects
    ]
    rows = list(batch_rows.parse_rows("\n".join(lines) + "\n", "jsonl", "-", "en"))
    assert len(rows) == len(lines)
    for row, pairs in zip(rows, objects, strict=True):
        expected = dict(pairs)
        expected_id = expected.pop("id", None)
        names = [k for k, _ in pairs]
        twice = len(set(names)) < len(names)
        not_json = any(isinstance(v, float) and not math.isfinite(v) for _, v in pairs)
        if twice or not_json:
            assert row.problem and ("twice" in row.problem or "not a JSON value" in row.problem)
        elif row.answers is not None:
            assert (row.id, row.answers) == (expected_id, expected)
    evaluator = batch.Evaluator(RULES, "en")
    writer = batch.Writer("jsonl")
    out: list[bytes] = []
    for row in rows:
        outcome = (
            evaluator.evaluate(row.answers, row.key)
            if row.answers is not None
            else batch.Outcome(None, {"code": 4, "message": row.problem})
        )
        writer.row(row, outcome, out)
    written = b"".join(out).decode("utf-8").split("\n")
    assert [strict(line)["row"] for line in written if line] == [r.number for r in rows]


@pytest.mark.parametrize("rows", [14, 1200])  # within the first chunk, and past it
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_rows_before_a_line_that_stops_the_batch_are_all_written(cli, tmp_path, rows, fmt):
    source = tmp_path / "rows.jsonl"
    source.write_bytes((json.dumps(CARE) + "\n").encode() * rows + b"\xff\n")
    done = cli("batch", str(source), "-f", fmt)
    assert done.exit_code == 4 and f"rows.jsonl:{rows + 1}" in done.stderr
    header = 1 if fmt == "csv" else 0
    assert len(done.stdout.splitlines()) == rows + header
