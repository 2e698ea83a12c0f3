"""`ladder diff`: the counts per change agree with the engine run on every combination."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from ladder.check.diff import diff_rules
from ladder.engine import decide, matches
from ladder.load.loader import load_rules

from .conftest import DEFAULT_RULES, KRONOBERG_RULES
from .space import diff_space


def outcome(rules, answers):
    """The engine's own choice (with several groups chosen, one more item per unserved group)."""
    decision = decide(rules, answers)
    return {
        "level": (decision.level,),
        "structures": decision.structures,
        "methods": decision.methods,
        "warnings": tuple(w.id for w in rules.warnings if matches(w, answers, decision)),
    }


def change_keys(kind: str, before: tuple[str, ...], after: tuple[str, ...]):
    """The changes one combination makes in a kind: the lists, or each warning gained or lost."""
    if kind != "warnings":
        return [(kind, before, after)]
    lost = [(kind, (x,), ()) for x in before if x not in after]
    return lost + [(kind, (), (x,)) for x in after if x not in before]


def assert_diff_is_brute_force(old, new, combinations: int) -> None:
    """diff's counts equal the engine run on every combination, and its examples hold."""
    expected: Counter[tuple[str, tuple[str, ...], tuple[str, ...]]] = Counter()
    changed = 0
    for answers in diff_space(new.rules):
        before, after = outcome(old.rules, answers), outcome(new.rules, answers)
        changed += before != after
        for kind in before:
            if before[kind] != after[kind]:
                expected.update(change_keys(kind, before[kind], after[kind]))
    report = diff_rules(old, new)
    got = Counter({(c.kind, c.old, c.new): c.count for c in report.changes})
    assert got == expected
    assert report.changed == changed > 0 and report.combinations == combinations
    for change in report.changes:
        for example in change.examples:
            before, after = outcome(old.rules, example), outcome(new.rules, example)
            assert (change.kind, change.old, change.new) in change_keys(
                change.kind, before[change.kind], after[change.kind]
            )


@pytest.mark.exhaustive
def test_counts_match_brute_force():
    old, new = load_rules(DEFAULT_RULES), load_rules(KRONOBERG_RULES)
    assert_diff_is_brute_force(old, new, len(list(diff_space(old.rules))))
    report = diff_rules(old, new)
    assert report.only_old == report.only_new == 0


@pytest.mark.exhaustive
def test_a_smaller_selection_with_several_groups_matches_brute_force(tmp_path):
    """One structure and one method, so that a second chosen group adds one for itself."""
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    old = "selection:\n  structures: 3\n  methods: 3\n"
    assert old in text
    path = tmp_path / "one.yaml"
    path.write_text(text.replace(old, "selection:\n  structures: 1\n  methods: 1\n"), "utf-8")
    before, after = load_rules(DEFAULT_RULES), load_rules(path)
    assert_diff_is_brute_force(before, after, len(list(diff_space(before.rules))))


@pytest.mark.exhaustive
def test_a_level_edit_is_summarised_as_conditions(tmp_path):
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    edited = text.replace(
        '    - id: resources_none\n      when:\n        resources: ["none"]\n      step: consultation',
        '    - id: resources_none\n      when:\n        resources: ["none"]\n      step: information',
    )
    assert edited != text
    path = tmp_path / "edited.yaml"
    path.write_text(edited, encoding="utf-8")
    old, new = load_rules(DEFAULT_RULES), load_rules(path)
    report = diff_rules(old, new)
    levels = [c for c in report.changes if c.kind == "level"]
    assert [(c.old, c.new) for c in levels] == [(("consultation",), ("information",))]
    assert all(cond.get("resources") == ["none"] for cond in levels[0].conditions)
    brute = sum(
        decide(old.rules, a).level != decide(new.rules, a).level for a in diff_space(new.rules)
    )
    assert levels[0].count == brute


def test_a_new_option_is_reachable_only_in_the_new_file(tmp_path):
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    anchor = '      - id: "seldom_heard"\n'
    new_option = (
        '      - id: "staff"\n        text: {sv: "Personal", en: "Staff"}\n'
        '        help: {sv: "Medarbetare.", en: "Employees."}\n'
    )
    edited = text.replace(anchor, new_option + anchor, 1)
    edited = edited.replace(
        '      participants: ["general_public"]\n    mandate: personal',
        '      participants: ["general_public", "staff"]\n    mandate: personal',
    )
    path = tmp_path / "staff.yaml"
    path.write_text(edited, encoding="utf-8")
    new = load_rules(path)
    report = diff_rules(load_rules(DEFAULT_RULES), new)
    assert report.only_old == 0
    # participants is multiple: every set of groups that holds the new option is new
    assert report.only_new == sum(
        1 for a in diff_space(new.rules) if "staff" in a.get("participants", "").split(",")
    )
    assert report.changed == 0


def test_cli_diff_text_and_json(cli):
    text = cli("diff", str(DEFAULT_RULES), str(KRONOBERG_RULES))
    assert text.exit_code == 0 and "structures" in text.stdout and "e.g." in text.stdout
    data = json.loads(cli("diff", str(DEFAULT_RULES), str(KRONOBERG_RULES), "-f", "json").stdout)
    assert data["schema"] == "ladder.diff/1" and data["changed"] > 0
    same = json.loads(cli("diff", str(DEFAULT_RULES), str(DEFAULT_RULES), "-f", "json").stdout)
    assert same["changed"] == 0 and same["changes"] == []
    bad = cli("diff", str(DEFAULT_RULES), "/nonexistent.yaml")
    assert bad.exit_code == 3


def test_diff_and_check_are_identical_across_hash_seeds():
    import os
    import subprocess
    import sys

    def run(seed: str, *args: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "LADDER_NO_CACHE": "1"}
        return subprocess.run(
            [sys.executable, "-m", "ladder", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        ).stdout

    for args in (
        ("diff", str(DEFAULT_RULES), str(KRONOBERG_RULES), "--examples", "2"),
        ("check", str(DEFAULT_RULES), str(KRONOBERG_RULES)),
    ):
        outputs = {run(seed, *args) for seed in ("1", "2", "3")}
        assert len(outputs) == 1 and outputs.pop(), args


def pairwise_merge(boxes):
    """The plain scan: join the first pair that differs in one question, then start again."""
    out = list(boxes)
    merged = True
    while merged:
        merged = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                differ = [d for d, (x, y) in enumerate(zip(out[i], out[j], strict=True)) if x != y]
                if len(differ) == 1:
                    d = differ[0]
                    out[i] = (*out[i][:d], out[i][d] | out[j][d], *out[i][d + 1 :])
                    del out[j]
                    merged = True
                    break
            if merged:
                break
    return out


def test_conditions_merge_as_the_pairwise_scan_does():
    import random

    from ladder.check.merge import merge_boxes as _merge

    rng = random.Random(3)
    values = [frozenset(s) for s in ("a", "b", "c", "ab", "bc")]
    for _ in range(300):
        dims = rng.randint(1, 4)
        boxes = [tuple(rng.choice(values) for _ in range(dims)) for _ in range(rng.randint(0, 25))]
        assert _merge(boxes) == pairwise_merge(boxes), boxes
