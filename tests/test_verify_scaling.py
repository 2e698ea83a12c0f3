"""`check` and `diff` on chains of follow-up questions: exact, fast, and bounded by a work budget.

A chain is N yes/no questions, each with a follow-up asked on one answer (bench/gen_chain.py):
as disjoint boxes its answer space needs 2^N paths. The box reasoning must agree with the engine
on every combination, and a long chain must be checked in seconds, not minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from ladder.check.answer_space import answer_space
from ladder.check.boxes import Box, Space, make_space, path_boxes
from ladder.check.budget import BUDGET_VARIABLE, MAX_PIECES
from ladder.check.checker import check_file
from ladder.check.logic import Logic
from ladder.engine import decide
from ladder.load.loader import load_rules

from .conftest import DEFAULT_RULES, KRONOBERG_RULES
from .test_verify_diff import assert_diff_is_brute_force, change_keys, outcome

BENCH = Path(__file__).resolve().parent.parent / "bench"


def chain(*args: Any, **kwargs: Any) -> str:
    sys.path.insert(0, str(BENCH))
    try:
        from gen_chain import generate
    finally:
        sys.path.remove(str(BENCH))
    return str(generate(*args, **kwargs))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(text: str, edit: Any) -> str:
    data = yaml.safe_load(text)
    edit(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def point(space: Space, answers: dict[str, str]) -> Box:
    """The box of one answer set: each dimension's one value that stands for it."""
    out = []
    for dim in range(len(space.dims)):
        for value in space.order[dim]:
            held = space.answer(dim, value)
            if all(answers.get(k) == held.get(k) for k in space.parts.get(dim, space).dims):
                out.append(frozenset({value}))
                break
    return tuple(out)


def test_the_levels_over_a_chain_agree_with_the_engine_everywhere(tmp_path):
    rules = load_rules(write(tmp_path, "chain.yaml", chain(4))).rules
    space = make_space(rules, text_questions=())
    assert space.parts, "the gates and their follow-ups are joined"
    boxes, asked = path_boxes(rules, space)
    assert len(boxes) == 1 and asked == {q.id for q in rules.questions}
    cells = Logic(rules, space).cells(boxes)
    count = 0
    for answers in answer_space(rules):
        here = point(space, answers)
        (cell,) = [c for box, c in cells if all(p <= b for p, b in zip(here, box, strict=True))]
        assert cell.level == decide(rules, answers).level, answers
        count += 1
    assert count == sum(space.size(b) for b in boxes) == 5 * 3**4


def test_diff_of_two_chains_matches_brute_force(tmp_path):
    old = load_rules(write(tmp_path, "old.yaml", chain(4)))
    new = load_rules(write(tmp_path, "new.yaml", chain(4, variant=True)))
    assert_diff_is_brute_force(old, new, 5 * 3**4)


def test_a_refuted_monotone_follow_up_has_a_counterexample_the_engine_confirms(tmp_path):
    def decreasing(data: dict[str, Any]) -> None:
        for prop in data["properties"]:
            prop["direction"] = "decreasing"

    path = write(tmp_path, "chain.yaml", edited(chain(3, monotone=3), decreasing))
    report = check_file(path, "en")
    results = {p.id: p for p in report.properties}
    # A longer follow-up lifts the cap, and a later purpose raises the target: both refuted.
    # Answering the gate "no" drops the follow-up too, so no pair differs in the gate alone.
    assert not results["follow_up_monotone"].proved and not results["purpose_monotone"].proved
    assert results["gate_monotone"].proved
    rules = load_rules(path).rules
    low = results["follow_up_monotone"].counterexample
    assert low is not None and low["f01"] == "short"
    rank = {s.id: i for i, s in enumerate(rules.steps)}
    high = {**low, "f01": "long"}
    assert rank[decide(rules, high).level] > rank[decide(rules, low).level]


def test_a_target_gap_behind_a_follow_up_is_found_with_reachable_answers(tmp_path):
    def gap(data: dict[str, Any]) -> None:
        data["level"]["target"][0]["when"] = {"f02": ["long"]}

    path = write(tmp_path, "chain.yaml", edited(chain(3), gap))
    report = check_file(path, "en")
    (finding,) = [f for f in report.findings if f.code == "coverage.level"]
    # Every combination without f02=long: 5 purposes x 3 x (yes,short | no) x 3.
    assert f"{5 * 3 * 2 * 3} reachable answer combinations" in finding.message


def run(*args: str, timeout: float = 20, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != BUDGET_VARIABLE}
    environment.update(LADDER_NO_CACHE="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "ladder", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        check=False,
    )


def test_a_chain_of_twenty_with_monotone_properties_is_checked_in_seconds(tmp_path):
    path = write(tmp_path, "chain20.yaml", chain(20, monotone=3))
    done = run("check", str(path), "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)["files"][0]
    assert data["combinations"] == 5 * 3**20
    assert [p["proved"] for p in data["properties"]] == [True, True, True]


def test_diff_of_two_chains_of_twelve_is_done_in_seconds(tmp_path):
    old = write(tmp_path, "old.yaml", chain(12))
    new = write(tmp_path, "new.yaml", chain(12, variant=True))
    done = run("diff", str(old), str(new), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["combinations"] == 5 * 3**12 and data["changed"] > 0


def test_check_past_its_work_budget_says_what_it_did_not_finish(tmp_path):
    rules = write(tmp_path, "chain.yaml", chain(12, monotone=1))
    done = run("check", str(rules), "--format", "json", **{BUDGET_VARIABLE: "20"})
    assert done.returncode == 3, done.stdout + done.stderr
    (finding,) = json.loads(done.stdout)["files"][0]["findings"]
    assert finding["code"] == "budget.exceeded" and finding["severity"] == "error"
    assert finding["path"] == "questions" and finding["line"] > 0
    assert "20" in finding["message"] and BUDGET_VARIABLE in finding["message"]
    swedish = run("check", str(rules), "--lang", "sv", **{BUDGET_VARIABLE: "20"})
    assert swedish.returncode == 3 and "arbetsbudgeten" in swedish.stdout
    assert "Traceback" not in swedish.stderr + done.stderr


def optional_follow_ups(text: str) -> str:
    """The chain with its follow-ups optional: they are then not joined with their gates."""

    def unrequire(rules: Any) -> None:
        for question in rules["questions"]:
            if question.get("when"):
                question["required"] = False

    return edited(text, unrequire)


def test_past_the_piece_limit_check_says_so_and_suggests_no_setting(tmp_path):
    """The piece limit bounds memory; no setting raises it, so the message names it and not
    LADDER_CHECK_BUDGET, however large the budget."""
    rules = write(tmp_path, "optional.yaml", optional_follow_ups(chain(12, monotone=3)))
    huge = {BUDGET_VARIABLE: "100000000"}
    done = run("check", str(rules), "--format", "json", **huge)
    assert done.returncode == 3, done.stdout + done.stderr
    messages = [f["message"] for f in json.loads(done.stdout)["files"][0]["findings"]]
    assert messages and all(str(MAX_PIECES) in m and BUDGET_VARIABLE not in m for m in messages)
    swedish = run("check", str(rules), "--lang", "sv", **huge)
    assert swedish.returncode == 3 and str(MAX_PIECES) in swedish.stdout
    assert BUDGET_VARIABLE not in swedish.stdout and "Traceback" not in swedish.stderr


def test_a_property_the_budget_cuts_short_is_not_proved_and_says_so(tmp_path, monkeypatch):
    rules = write(tmp_path, "chain.yaml", chain(12, monotone=1))

    def checked(budget: int) -> Any:
        monkeypatch.setenv(BUDGET_VARIABLE, str(budget))
        return check_file(rules, "en")

    # The least budget that finishes; one step less runs out in the last check, the property.
    low, high = 1, 100_000
    assert not checked(high).findings
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if not checked(middle).findings else (middle + 1, high)
    report = checked(low - 1)
    assert [(f.code, f.path) for f in report.findings] == [("budget.exceeded", "properties[0]")]
    assert [p.proved for p in report.properties] == [False]
    assert report.findings[0].severity == "error"


def test_diff_past_its_work_budget_exits_3_with_a_message(tmp_path):
    old = write(tmp_path, "old.yaml", chain(6))
    new = write(tmp_path, "new.yaml", chain(6, variant=True))
    done = run("diff", str(old), str(new), **{BUDGET_VARIABLE: "30"})
    assert done.returncode == 3 and done.stdout == ""
    assert "30" in done.stderr and BUDGET_VARIABLE in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("value", ["none", "0", "-5", "1e6"])
def test_a_bad_budget_setting_is_a_usage_error(tmp_path, value):
    rules = write(tmp_path, "chain.yaml", chain(2))
    done = run("check", str(rules), **{BUDGET_VARIABLE: value})
    assert done.returncode == 2 and BUDGET_VARIABLE in done.stderr
    assert "Traceback" not in done.stderr


def test_the_default_budget_leaves_the_shipped_rules_alone():
    done = run("check", "--strict", str(DEFAULT_RULES), str(KRONOBERG_RULES))
    assert done.returncode == 0, done.stdout


def generated(*args: Any, **kwargs: Any) -> str:
    sys.path.insert(0, str(BENCH))
    try:
        from gen_rules import generate
    finally:
        sys.path.remove(str(BENCH))
    return str(generate(*args, **kwargs))


def sample(rules: Any, rng: Any, fixed: dict[str, str]) -> dict[str, str]:
    """Random reachable answers: each question asked on the answers so far gets an option."""
    answers: dict[str, str] = {}
    for q in rules.questions:
        if all(answers.get(k) in v for k, v in q.when.items()):
            answers[q.id] = fixed.get(q.id) or rng.choice([o.id for o in q.options])
    return answers


def holds(condition: dict[str, list[str]], answers: dict[str, str]) -> bool:
    return all(answers[k] in v for k, v in condition.items() if k in answers)


def test_diff_of_two_generated_files_with_one_cap_moved_finishes(tmp_path):
    import random

    def lower_cap(data: dict[str, Any]) -> None:
        (cap,) = [c for c in data["level"]["caps"] if c["id"] == "cap_q06"]
        cap["step"] = "information"

    text = generated(20)
    old, new = (
        write(tmp_path, "old.yaml", text),
        write(tmp_path, "new.yaml", edited(text, lower_cap)),
    )
    done = run("diff", str(old), str(new), "--format", "json")
    assert done.returncode == 0, done.stderr  # it ran out of its work budget before
    data = json.loads(done.stdout)
    # q01 = o1..o4 asks all 20 questions; q01 = o5 leaves out the 5 it gates.
    assert data["combinations"] == 4 * 5**19 + 5**14 and data["changed"] > 0
    changes = {(c["kind"], tuple(c["old"]), tuple(c["new"])): c for c in data["changes"]}
    before, after = load_rules(old).rules, load_rules(new).rules
    rng, hits = random.Random(11), 0
    for n in range(300):
        answers = sample(before, rng, {"q06": "o1"} if n % 2 else {})
        was, now = outcome(before, answers), outcome(after, answers)
        for kind in was:
            if was[kind] != now[kind]:
                for key in change_keys(kind, was[kind], now[kind]):
                    change = changes[key]
                    assert any(holds(c, answers) for c in change["conditions"]), answers
                hits += 1
    assert hits > 30  # half the answers have the cap's option, where levels above it fall
    for change in data["changes"]:
        key = change["kind"], tuple(change["old"]), tuple(change["new"])
        for example in change["examples"]:
            was, now = outcome(before, example), outcome(after, example)
            assert key in change_keys(key[0], was[key[0]], now[key[0]])
