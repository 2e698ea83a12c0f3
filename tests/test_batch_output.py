"""`ladder batch` output: CSV that a spreadsheet cannot be made to evaluate, and a memo that
stays bounded and exact however many distinct rows come."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

from ladder.batch import run as batch
from ladder.batch.rows import MEMO_SIZE, Recent
from ladder.check.answer_space import answer_space

from .conftest import ROOT

CARE = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}
HOSTILE_IDS = [
    '=HYPERLINK("http://example.com","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\t=1",
    "\r=1",
    "a\rb",  # a lone carriage return inside a field: shifted the columns
    "a\nb",
    "plain",
]


def csv_batch(cli, tmp_path, *args: str):
    lines = [json.dumps({"id": row_id, **CARE}) for row_id in HOSTILE_IDS]
    lines.append(json.dumps({"id": -2, **CARE}))  # a number, not text
    lines.append(json.dumps({"id": "=bad", "arena": "=1+1"}))  # echoed in the error cell
    source = tmp_path / "rows.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = cli("batch", str(source), "--format", "csv", *args)
    assert done.exit_code == 4, done.stderr
    table = list(csv.reader(io.StringIO(done.stdout, newline="")))
    assert all(len(cells) == len(batch.CSV_COLUMNS) for cells in table), table
    return done.stdout, [cells[1] for cells in table[1:]], table


def test_csv_cells_a_spreadsheet_would_evaluate_are_made_inert(cli, tmp_path):
    text, ids, table = csv_batch(cli, tmp_path)
    assert ids[: len(HOSTILE_IDS)] == ["'" + i if i[0] in "=+-@\t\r" else i for i in HOSTILE_IDS]
    assert ids[-2] == "-2"  # a number is no formula
    assert ids[-1] == "'=bad"
    cells = [cell for row in table if row[1] != "-2" for cell in row[1:]]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    # every field holding CR or LF is quoted, so no reader splits the record
    for raw in ('"a\rb"', '"a\nb"', '"\'\r=1"'):
        assert raw in text
    assert text.count("\n") == len(table) + 1  # one inside "a\nb"


def test_csv_raw_writes_cells_as_they_are_but_still_quoted(cli, tmp_path):
    text, ids, _ = csv_batch(cli, tmp_path, "--csv-raw")
    assert ids[: len(HOSTILE_IDS)] == HOSTILE_IDS
    assert '"a\rb"' in text


def test_the_option_is_in_the_help_in_both_languages(cli, monkeypatch):
    from ladder.i18n.messages import t

    for lang in ("sv", "en"):
        assert "'" in t("help.csv_raw", lang) and "=" in t("help.csv_raw", lang)
    assert "--csv-raw" in cli("batch", "--help").stdout


def test_recent_keeps_the_entries_used_last():
    recent: Recent[str, int] = Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # now the newest
    recent.put("c", 3)
    assert (recent.get("b"), recent.get("a"), recent.get("c"), len(recent)) == (None, 1, 3, 2)


TEXT_VARIANTS = [
    {},
    {"project": "Ny mottagning"},
    {"project": "  «Ny mottagning»!  "},
    {"project": "Ny mottagning", "decision_owner": "verksamhetschefen, i juni."},
    {"project": ""},  # empty: an error of its own
    {"project": "x" * 5000},  # too long
    {"project": "bad\x07bell"},
    {"project": 5},
    {"decision_owner": "regionstyrelsen", "fixed": "budgeten", "feedback": "i maj?"},
]


def test_the_memo_gives_what_evaluating_each_row_alone_gives(default_rules):
    """Rows that share their choices but differ in free text reuse the validated choices;
    each row's outcome must be exactly what a fresh evaluation of that row gives."""
    space = list(answer_space(default_rules.rules))[::40]
    rows = [{**a, **v} for v in TEXT_VARIANTS for a in space]
    rows += [{**rows[5], "colour": "blue"}, {"arena": "care_meeting", "project": "x"}]
    shared = batch.Evaluator(default_rules, "en")
    for answers in rows + rows:  # the second time round, from the memo
        got = shared.evaluate(dict(answers))
        want = batch.Evaluator(default_rules, "en").evaluate(dict(answers))
        assert (got.result, got.error) == (want.result, want.error), answers
    assert len(shared.memo) <= len(space) * 5 + 2


def test_the_memo_stays_exact_when_it_forgets(default_rules):
    evaluator = batch.Evaluator(default_rules, "en")
    evaluator.memo = Recent(3)
    evaluator.by_key = Recent(3)
    space = list(answer_space(default_rules.rules))[:7]
    text = "".join(
        json.dumps({"id": f"p{n}", **space[n % 7], "project": f"P{n % 3}"}) + "\n"
        for n in range(60)
    )
    for row in batch.parse_rows(text, "jsonl", "-", "en"):
        assert row.answers is not None
        got = evaluator.evaluate(row.answers, row.key)
        want = batch.Evaluator(default_rules, "en").evaluate(dict(row.answers))
        assert got.result == want.result
    assert len(evaluator.memo) <= 3 and len(evaluator.by_key) <= 3


def peak_rss_mb(default_rules, tmp_path, count: int) -> float:
    """Peak resident memory of `ladder batch` on `count` rows, each with a project name of its
    own (so that no two rows are alike), written to a file."""
    space = list(answer_space(default_rules.rules))
    source = tmp_path / f"rows{count}.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for n in range(count):
            row = {"id": f"p{n}", **space[n % len(space)], "project": f"Ny mottagning {n}"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    command = [sys.executable, "-m", "ladder", "batch", str(source), "-o", str(source) + ".out"]
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LADDER_CACHE_DIR": str(tmp_path)}
    child = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return usage.ru_maxrss / 1024


def test_memory_does_not_grow_with_distinct_rows(default_rules, tmp_path):
    small = peak_rss_mb(default_rules, tmp_path, 1000)
    large = peak_rss_mb(default_rules, tmp_path, 8000)
    assert large < small + 40, (small, large)  # before: about 20 KB more per row
    # every reachable answer set of the default rules fits
    assert len(list(answer_space(default_rules.rules))) <= MEMO_SIZE
