"""`ladder batch`: every input and output format, bad rows mixed in, stdin, and memoisation."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
import yaml

from ladder.answers import resolve
from ladder.app import recommendation_for as recommend
from ladder.batch import run as batch
from ladder.check.answer_space import answer_space
from ladder.output.record import to_dict

from .conftest import DIABETES, KRONOBERG_RULES, ROOT, answer_flags

CARE = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}
# (id, answers or raw record, whether it fails)
GOOD_AND_BAD = [
    ("p1", DIABETES, False),
    ("p2", {"arena": "nowhere"}, True),  # unknown option
    ("p3", CARE, False),
    ("p4", {"arena": "care_meeting"}, True),  # required answers missing
    ("p5", {**CARE, "colour": "blue"}, True),  # unknown question
    ("p6", DIABETES, False),  # a repeat: evaluated once
]


def expected_result(cli, answers: dict[str, str], *extra: str) -> dict:
    """What `recommend -f json` says for the same answers: batch must agree with it."""
    done = cli("recommend", "-f", "json", *answer_flags(answers), *extra)
    assert done.exit_code == 0, done.stderr
    return json.loads(done.stdout)


def jsonl_input() -> str:
    lines = [json.dumps({"id": row_id, **answers}) for row_id, answers, _ in GOOD_AND_BAD]
    lines.insert(3, "this is not json")  # row 4
    lines.insert(5, "[1, 2]")  # row 6: not an object
    lines.insert(1, "")  # blank lines are skipped
    return "\n".join(lines) + "\n"


def csv_input() -> str:
    questions = [
        "arena",
        "purpose",
        "mandate",
        "acceptance",
        "timeframe",
        "resources",
        "participants",
        "patient_wish",
        "relatives",
        "colour",
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *questions])
    for row_id, answers, _ in GOOD_AND_BAD:
        writer.writerow([row_id, *(answers.get(q, "") for q in questions)])
    out.write("short,row\n")  # row 7: wrong number of fields
    return out.getvalue()


def yaml_input() -> str:
    records: list[object] = [{"id": row_id, **answers} for row_id, answers, _ in GOOD_AND_BAD]
    records.append("just a string")  # row 7
    text = yaml.safe_dump(records, sort_keys=False, allow_unicode=True)
    return text + "- {arena: care_meeting, patient_wish: no, relatives: no}\n"  # 8


def check_jsonl_results(cli, records: list[dict], failing: set[int]) -> None:
    assert [r["row"] for r in records] == list(range(1, len(records) + 1))
    for record in records:
        assert list(record)[:2] == ["row", "id"]
        if record["row"] in failing:
            assert set(record) == {"row", "id", "error"}
            assert record["error"]["code"] == 4 and record["error"]["message"]
        else:
            assert "error" not in record
            answers = record["answers"]
            rest = {k: v for k, v in record.items() if k not in ("row", "id")}
            assert rest == expected_result(cli, answers)


def run_file(cli, tmp_path, name: str, text: str, *args: str):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return cli("batch", str(source), *args)


def test_jsonl_in_jsonl_out_with_bad_rows(cli, tmp_path):
    done = run_file(cli, tmp_path, "rows.jsonl", jsonl_input())
    assert done.exit_code == 4
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 8
    # rows: p1, p2(bad), p3, not-json(bad), p4(bad), [1,2](bad), p5(bad), p6
    check_jsonl_results(cli, records, failing={2, 4, 5, 6, 7})
    assert [r["id"] for r in records] == ["p1", "p2", "p3", None, "p4", None, "p5", "p6"]
    assert "line 5" in records[3]["error"]["message"]  # the physical line, blank one counted
    assert "unknown question 'colour'" in records[6]["error"]["message"]
    assert "8 rows; recommended: 3, failed: 5" in done.stderr
    assert "2, 4, 5, 6, 7" in done.stderr


def test_csv_in_csv_out(cli, tmp_path):
    done = run_file(cli, tmp_path, "rows.csv", csv_input(), "--format", "csv")
    assert done.exit_code == 4
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(table[0]) == list(batch.CSV_COLUMNS)
    assert [r["id"] for r in table] == ["p1", "p2", "p3", "p4", "p5", "p6", ""]
    failed = [r["row"] for r in table if r["error"]]
    assert failed == ["2", "4", "5", "7"]
    assert "has 2 fields" in table[6]["error"]
    want = expected_result(cli, DIABETES)
    first = table[0]
    assert first["level"] == want["level"]["id"]
    assert first["structures"].split() == [s["id"] for s in want["recruitment"]]
    assert first["methods"].split() == [m["id"] for m in want["methods"]]
    assert int(first["warnings"]) == len(want["warnings"])
    assert table[5] | {"row": "1", "id": "p1"} == first  # the repeat has the same result


def test_yaml_in_json_out(cli, tmp_path):
    done = run_file(cli, tmp_path, "rows.yaml", yaml_input(), "--format", "json")
    assert done.exit_code == 4
    records = json.loads(done.stdout)
    assert len(records) == 8
    check_jsonl_results(cli, records, failing={2, 4, 5, 7, 8})
    # an unquoted `no` is a YAML boolean, which answers only a yes/no question: the row says so
    assert "patient_wish must be text, not a true/false value" in records[7]["error"]["message"]
    assert "relatives" not in records[7]["error"]["message"]
    assert "must be an object" in records[6]["error"]["message"]


@pytest.mark.parametrize("out_format", ["jsonl", "json", "csv"])
def test_stdin_in_every_output_format(cli, out_format):
    done = cli("batch", "-", "--format", out_format, input=jsonl_input())
    assert done.exit_code == 4
    if out_format == "jsonl":
        rows = [json.loads(line) for line in done.stdout.splitlines()]
    elif out_format == "json":
        rows = json.loads(done.stdout)
    else:
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 8
    assert "8 rows" in done.stderr


@pytest.mark.parametrize("in_format, text", [("csv", csv_input()), ("yaml", yaml_input())])
def test_stdin_with_an_input_format(cli, in_format, text):
    done = cli("batch", "-", "--input-format", in_format, input=text)
    assert done.exit_code == 4
    assert len(done.stdout.splitlines()) == (7 if in_format == "csv" else 8)


def test_all_good_rows_exit_zero_and_write_a_file(cli, tmp_path):
    source = tmp_path / "rows.jsonl"
    source.write_text(json.dumps(CARE) + "\n" + json.dumps(DIABETES) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    done = cli("batch", str(source), "--output", str(target))
    assert done.exit_code == 0, done.stderr
    assert done.stdout == ""
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [None, None]
    assert records[1]["level"] == expected_result(cli, DIABETES)["level"]
    assert "2 rows; recommended: 2, failed: 0" in done.stderr
    again = cli("batch", str(source), "--output", str(target))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert cli("batch", str(source), "--output", str(target), "--force").exit_code == 0


def test_swedish_and_other_rules(cli, tmp_path):
    source = tmp_path / "rows.jsonl"
    source.write_text(json.dumps(CARE) + "\n", encoding="utf-8")
    done = cli("batch", str(source), "--lang", "sv", "--rules", str(KRONOBERG_RULES))
    assert done.exit_code == 0
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["lang"] == "sv"
    assert record["rules"]["path"] == str(KRONOBERG_RULES)
    rest = {k: v for k, v in record.items() if k not in ("row", "id")}
    assert rest == expected_result(cli, CARE, "--lang", "sv", "--rules", str(KRONOBERG_RULES))
    assert done.stderr.startswith("Batch: 1 rad; rekommenderade: 1, fel: 0")


@pytest.mark.parametrize(
    "name, text, where",
    [
        ("rows.txt", "{}\n", "--input-format"),
        ("rows.yaml", "arena: care_meeting\n", "must be a list"),
        ("rows.yaml", "- [unclosed\n", "rows.yaml:2"),
        ("rows.csv", "", "header row"),
        ("rows.csv", "arena,arena\ncare_meeting,care_meeting\n", "repeated column 'arena'"),
    ],
)
def test_unusable_input_is_one_located_error(cli, tmp_path, name, text, where):
    done = run_file(cli, tmp_path, name, text)
    assert done.exit_code == 4
    assert done.stdout == ""
    assert where in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_and_non_utf8_input(cli, tmp_path):
    done = cli("batch", str(tmp_path / "absent.jsonl"))
    assert done.exit_code == 4 and "does not exist" in done.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"arena": "care_meeting"}\n{"arena": "\xff"}\n')
    done = cli("batch", str(bad))
    assert done.exit_code == 4 and "bad.jsonl:2" in done.stderr


def test_empty_input_gives_empty_output(cli):
    done = cli("batch", "-", "--format", "json", input="")
    assert done.exit_code == 0
    assert json.loads(done.stdout) == []
    assert "0 rows" in done.stderr


def test_each_distinct_answer_set_is_evaluated_once(default_rules, monkeypatch):
    calls = []
    real = batch.Evaluator._evaluate

    def counted(self, answers):
        calls.append(dict(answers))
        return real(self, answers)

    monkeypatch.setattr(batch.Evaluator, "_evaluate", counted)
    space = list(answer_space(default_rules.rules))[:50]
    text = "".join(json.dumps({"id": i, **space[i % 50]}) + "\n" for i in range(1000))
    rows = list(batch.parse_rows(text, "jsonl", "-", "en"))
    evaluator = batch.Evaluator(default_rules, "en")
    outcomes = [evaluator.evaluate(row.answers) for row in rows]
    assert len(calls) == 50
    # Memoised outcomes are exactly what the engine says for each row's answers.
    for row, outcome in zip(rows[::97], outcomes[::97], strict=False):
        values = resolve(default_rules.rules, [row.answers], "en").values
        assert outcome.result == to_dict(recommend(default_rules, values, "en"))


def test_the_installed_command_reads_stdin_and_reports_on_stderr(tmp_path):
    rows = json.dumps(CARE) + "\n" + json.dumps({"arena": "x"}) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "ladder", "batch", "-", "--format", "csv"],
        input=rows,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
        env={
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "LADDER_CACHE_DIR": str(tmp_path),
            "XDG_STATE_HOME": str(tmp_path / "state"),
        },
    )
    assert done.returncode == 4
    assert done.stdout.splitlines()[0] == ",".join(batch.CSV_COLUMNS)
    # a pipe gets no progress bar: only the summary
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("Batch: 2 rows")


def test_repeated_json_lines_are_read_as_json_would_read_them(monkeypatch):
    """Lines whose text after a plain id was seen before are not parsed again; what they give
    must be what parsing would give, for every shape that looks alike but is not."""
    care = json.dumps(CARE)[1:-1]
    lines = []
    for row_id in ["p1", "p2", 'a\\"b', "tab\\tx", "é", "x\\u0041", "", " sp ", "p1", "c\x01"]:
        tails = [care, f'{care}, "id": "over"', f'{care}, "arena": "x"', '"arena": ["x"]']
        for tail in [*tails, f'{care}, "project": "x\\u2028y"']:
            lines += [
                '{"id": "' + row_id + '", ' + tail + "}",
                '{"id": "' + row_id + '",' + tail + "}",
            ]
        lines += ['{"id": "' + row_id + '",}', '{"id": "' + row_id + '", ' + care + "} x"]
        lines += ['{"id": "' + row_id + '" , ' + care + "}", '{"id": "' + row_id + '"}']
    lines += ["[1]", "", '{"id": 5, ' + care + "}", '  {"id": "k", ' + care + "}", '{"id": "p\\']
    text = "\n".join(lines + lines) + "\n"

    def read(text: str) -> list[tuple[object, ...]]:
        return [
            (r.number, r.id, r.answers, r.problem)
            for r in batch.parse_rows(text, "jsonl", "-", "en")
        ]

    fast = list(batch.parse_rows(text, "jsonl", "-", "en"))
    assert sum(row.key is not None for row in fast) >= 50  # the fast path was taken
    monkeypatch.setattr("ladder.batch.rows.ID_PREFIX", "\0")  # never matches: json.loads only
    assert [(r.number, r.id, r.answers, r.problem) for r in fast] == read(text)
