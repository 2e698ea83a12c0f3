"""`ladder check`: one planted defect per finding kind, each found at the right place; the box
reasoning agrees with the engine on every combination of the shipped rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ladder.check.answer_space import answer_space
from ladder.check.boxes import make_space, path_boxes, search
from ladder.check.checker import check_file
from ladder.check.logic import Logic
from ladder.engine import decide, matches

from .conftest import DEFAULT_RULES, KRONOBERG_RULES, SHIPPED_RULES

BENCH = Path(__file__).resolve().parent.parent / "bench"
TEXT = DEFAULT_RULES.read_text(encoding="utf-8")

NEW_TARGET_RULE = """    - id: patient_wish
      when:
        arena: ["care_meeting"]
      from: patient_wish
"""
BEFORE_LEVEL = "\nlevel:\n"

# (finding code, text to replace, replacement, text whose line the finding must point at)
PLANTED = [
    (
        "coverage.level",
        '    - id: purpose\n      when:\n        arena: ["unit_development", "system_wide"]\n',
        '    - id: purpose\n      when:\n        arena: ["unit_development"]\n',
        "  target:",
    ),
    (
        "coverage.structure",
        '      participants: ["general_public"]\n    mandate: personal',
        '      participants: ["own_patients"]\n    mandate: personal',
        "\nstructures:",
    ),
    (
        "coverage.method",
        '  - id: patient_information\n    when:\n      arena: ["care_meeting"]\n',
        '  - id: patient_information\n    when:\n      arena: ["care_meeting"]\n    levels: [consultation]\n',
        "\nmethods:",
    ),
    (
        "unreachable.question",
        '  - id: relatives\n    when:\n      arena: ["care_meeting"]\n',
        '  - id: relatives\n    when:\n      arena: ["care_meeting"]\n      purpose: ["inform"]\n',
        '    when:\n      arena: ["care_meeting"]\n      purpose',
    ),
    (
        "unused.question",
        BEFORE_LEVEL,
        '\n  - id: urgent\n    text: {sv: "Bråttom?", en: "Urgent?"}\n    help: {sv: "Tid.", en: "Time."}\n'
        '    options:\n      - {id: "yes", text: {sv: "Ja", en: "Yes"}, help: {sv: "Ja.", en: "Yes."}}\n'
        '      - {id: "no", text: {sv: "Nej", en: "No"}, help: {sv: "Nej.", en: "No."}}\n'
        + BEFORE_LEVEL,
        "  - id: urgent",
    ),
    (
        "undistinguished.option",
        '*      timeframe: ["longer"]\n',
        '      timeframe: ["months", "longer"]\n',
        '      - id: "longer"',
    ),
    (
        "unreachable.step",
        '        "co_decide": co_determination\n      because:',
        '        "co_decide": influence\n      because:',
        "  - id: co_determination",
    ),
    (
        "shadowed.structure",
        "selection:\n  structures: 3",
        "selection:\n  structures: 1",
        "  - id: interest_bank",
    ),
    (
        "unreachable.structure",
        '      participants: ["general_public"]\n    mandate: personal',
        (
            '      participants: ["general_public"]\n    levels: [co_determination]\n'
            "    capped_by: [timeframe_weeks]\n    mandate: personal"
        ),
        "  - id: random_sample",
    ),
    (
        "unreachable.warning",
        "  - id: system_codetermination\n",
        "  - id: system_codetermination\n    capped_by: [resources_some]\n",
        "  - id: system_codetermination",
    ),
    (
        "unreachable.part",
        '    - id: compensation_none\n      when:\n        arena: ["unit_development", "system_wide"]\n'
        '        resources: ["none"]\n      levels: [consultation]\n',
        '    - id: compensation_none\n      when:\n        arena: ["unit_development", "system_wide"]\n'
        '        resources: ["none"]\n      levels: [dialogue]\n',
        "    - id: compensation_none",
    ),
    (
        "unused.mandate_type",
        "*    mandate: organisational\n",
        "    mandate: personal\n",
        "  organisational:",
    ),
    (
        "unreachable.rule",
        NEW_TARGET_RULE,
        '    - id: never\n      when:\n        arena: ["care_meeting"]\n        purpose: ["inform"]\n'
        '      step: information\n      because: {sv: "Aldrig.", en: "Never."}\n' + NEW_TARGET_RULE,
        "    - id: never",
    ),
    (
        "shadowed.rule",
        "  floors:\n",
        (
            '    - id: late\n      when:\n        arena: ["care_meeting"]\n      step: information\n'
            '      because: {sv: "Sent.", en: "Late."}\n  floors:\n'
        ),
        "    - id: late",
    ),
    (
        "overlap.rule",
        "  target:\n",
        (
            '  target:\n    - id: quick\n      when:\n        timeframe: ["weeks"]\n      step: consultation\n'
            '      because: {sv: "Snabbt.", en: "Quick."}\n'
        ),
        "    - id: purpose\n      when:\n        arena",
    ),
    (
        "duplicate.rule",
        "  caps:\n",
        (
            '  caps:\n    - id: no_money\n      when:\n        resources: ["none"]\n      step: consultation\n'
            '      because: {sv: "Ingen budget.", en: "No budget."}\n'
        ),
        "    - id: resources_none",
    ),
    (
        "property.refuted",
        (
            '      from: mandate\n      map:\n        "none": information\n        "views": consultation\n'
            '        "alternatives": dialogue\n        "co_develop": influence\n        "decide": co_determination\n'
            "      because:"
        ),
        (
            '      from: mandate\n      map:\n        "none": consultation\n        "views": consultation\n'
            '        "alternatives": dialogue\n        "co_develop": influence\n        "decide": co_determination\n'
            "      because:"
        ),
        "  - id: within_mandate",
    ),
    (
        "schema",  # a malformed property is refused by the loader itself
        "properties:\n",
        (
            "properties:\n  - id: broken\n    kind: monotone\n    step: dialogue\n"
            '    description: {sv: "Trasig.", en: "Broken."}\n'
        ),
        "  - id: broken",
    ),
    (
        "example.failed",
        "    expect:\n      level: consultation\n      structures: [patient_associations]\n",
        "    expect:\n      level: dialogue\n      structures: [patient_associations]\n",
        "      level: dialogue",
    ),
    (
        "example.invalid",
        '      participants: "condition_group"\n    expect:\n      level: consultation\n',
        "    expect:\n      level: consultation\n",
        "    answers:",
    ),
    ("schema", "\nselection:\n", "\nselections:\n", "selections:"),
]


def plant(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """Replace the first occurrence of `old` (every occurrence when it starts with '*')."""
    every = old.startswith("*")
    old = old.removeprefix("*")
    assert old in TEXT, old
    text = TEXT.replace(old, new, -1 if every else 1)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, needle: str) -> int:
    start = text.index(needle) + (1 if needle.startswith("\n") else 0)
    return text.count("\n", 0, start) + 1


@pytest.mark.parametrize(("code", "old", "new", "at"), PLANTED, ids=[p[0] for p in PLANTED])
def test_planted_defect_is_found_at_its_place(tmp_path, code, old, new, at):
    path, text = plant(tmp_path, old, new)
    report = check_file(path, "en")
    found = [f for f in report.findings if f.code == code]
    assert found, [str(f) for f in report.findings]
    assert found[0].file == str(path)
    assert found[0].line == line_of(text, at), str(found[0])
    assert found[0].severity in ("error", "warning")


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=lambda p: p.stem)
def test_shipped_rules_are_clean_with_proved_properties_and_examples(path):
    report = check_file(path, "en")
    assert report.findings == []
    assert len(report.properties) >= 5 and all(p.proved for p in report.properties)
    passed, total = report.examples
    assert total >= 10 and passed == total


def test_refuted_monotonicity_names_both_answers(tmp_path):
    old = '        "co_develop": influence\n        "decide": co_determination\n      because:'
    new = '        "co_develop": consultation\n        "decide": co_determination\n      because:'
    assert TEXT.count(old) == 1
    path, _ = plant(tmp_path, old, new)
    report = check_file(path, "en")
    refuted = {p.id: p for p in report.properties if not p.proved}
    assert "mandate_monotone" in refuted and "within_mandate" not in refuted
    message = next(f.message for f in report.findings if "mandate_monotone" in f.message)
    assert "changing mandate from" in message and "lowers the level" in message
    answers = refuted["mandate_monotone"].counterexample
    assert answers is not None and answers["arena"] in ("unit_development", "system_wide")


def test_findings_follow_the_language(tmp_path):
    path, _ = plant(tmp_path, *PLANTED[0][1:3])
    report = check_file(path, "sv")
    assert any("får ingen nivå" in f.message for f in report.findings)


@pytest.mark.exhaustive
def test_box_reasoning_agrees_with_the_engine_everywhere(shipped):
    rules = shipped.rules
    space = make_space(rules, text_questions=())
    boxes, _ = path_boxes(rules, space)
    logic = Logic(rules, space)
    cells = logic.cells(boxes)
    items = [logic.item(s) for s in rules.structures]
    count = 0
    for answers in answer_space(rules, optional=True):
        point = tuple(frozenset({answers.get(d, "")}) for d in space.dims)
        (cell,) = [c for box, c in cells if all(p <= b for p, b in zip(point, box, strict=False))]
        decision = decide(rules, answers)
        assert (cell.target, cell.raised, cell.level) == (
            decision.target,
            decision.raised,
            decision.level,
        )
        for structure, item in zip(rules.structures, items, strict=False):
            inside = search(point, logic.item_boxes(item, cell), [], 1) is not None
            assert inside == matches(structure, answers, decision), (structure.id, answers)
        count += 1
    assert count == sum(space.size(b) for b in boxes)


def test_cli_exit_codes_and_json(cli, tmp_path):
    ok = cli("check", "--strict", str(DEFAULT_RULES), str(KRONOBERG_RULES))
    assert ok.exit_code == 0, ok.stdout
    path, _ = plant(tmp_path, *PLANTED[0][1:3])
    bad = cli("check", str(path), "--format", "json")
    assert bad.exit_code == 3
    data = json.loads(bad.stdout)
    assert data["schema"] == "ladder.check/1" and data["ok"] is False
    finding = next(f for f in data["files"][0]["findings"] if f["code"] == "coverage.level")
    assert (
        finding["severity"] == "error" and finding["line"] > 0 and finding["path"] == "level.target"
    )
    warn_path, _ = plant(tmp_path, *PLANTED[5][1:3])
    assert cli("check", str(warn_path)).exit_code == 0
    assert cli("check", "--strict", str(warn_path)).exit_code == 3
    missing = cli("check", str(tmp_path / "absent.yaml"))
    assert missing.exit_code == 3 and "absent.yaml" in missing.stdout


def test_check_json_does_not_import_rich():
    code = (
        "import sys\nfrom ladder.cli import app\n"
        "try:\n    app(['check', '--format', 'json'], prog_name='ladder')\n"
        "except SystemExit as e:\n    assert e.code in (0, None), e.code\n"
        "assert 'rich' not in sys.modules, 'rich imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "plant_kind,code", [("gap", "coverage.level"), ("overlap", "overlap.rule")]
)
def test_generated_file_with_a_planted_defect(tmp_path, plant_kind, code):
    sys.path.insert(0, str(BENCH))
    try:
        from gen_rules import generate
    finally:
        sys.path.remove(str(BENCH))
    clean = tmp_path / "clean.yaml"
    clean.write_text(generate(12), encoding="utf-8")
    planted = tmp_path / "planted.yaml"
    planted.write_text(generate(12, plant=plant_kind), encoding="utf-8")
    assert not [f for f in check_file(clean, "en").findings if f.code == code]
    report = check_file(planted, "en")
    # q04, q08 and q12 are asked only when q01 is not its last option: paths, not the product.
    assert report.combinations == 4 * 5**11 + 5 ** (11 - 3)
    assert [f for f in report.findings if f.code == code]
