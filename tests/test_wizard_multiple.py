"""The wizard asks a multiple question with a checkbox: Space ticks, Enter accepts (at least
one), the summary shows every chosen option, and Esc goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ladder.answers import resolve
from ladder.interview.flow import Interview, answers_mapping
from ladder.interview.wizard import answers_yaml
from ladder.load.loader import load_rules

from .conftest import DEFAULT_RULES
from .wizard_driver import ACCEPT, DOWN, ENTER, ESC, SAVE_NOTHING, Drive, pairs, same_as_flags

FILLED = {
    "arena": "unit_development",
    "purpose": "discuss",
    "mandate": "alternatives",
    "acceptance": "low",
    "timeframe": "months",
    "resources": "some",
    "support": "psychiatric_conditions",
    "standing_group": "Patientrådet",
    "project": "Astma",
    "decision_owner": "Verksamhetschefen",
    "fixed": "Budgeten",
    "feedback": "Inom fyra veckor",
}
TICK = " "


@pytest.fixture()
def drive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Drive:
    monkeypatch.chdir(tmp_path)
    return Drive(monkeypatch, rules=DEFAULT_RULES)


def test_two_groups_ticked(drive):
    keys = [TICK + DOWN * 3 + TICK + ENTER, ACCEPT, SAVE_NOTHING]
    rec, out = drive(keys, *pairs(FILLED), skip_answered=True)
    same_as_flags(rec, {**FILLED, "participants": "own_patients,seldom_heard"})
    assert "Space, or a number, ticks" in out
    assert "The unit's own patients and relatives, Groups that are seldom heard" in out


def test_an_optional_checkbox_may_be_left_empty(drive):
    filled = {k: v for k, v in FILLED.items() if k != "support"}
    keys = [TICK + ENTER, ENTER, ACCEPT, SAVE_NOTHING]  # participants, then support: none
    rec, out = drive(keys, *pairs(filled), skip_answered=True)
    same_as_flags(rec, {**filled, "participants": "own_patients"})
    assert "support" not in {a.id for a in rec.answers}
    assert "also with none ticked" in out


def test_enter_with_nothing_ticked_is_refused(drive):
    keys = [ENTER + DOWN + TICK + ENTER, ACCEPT, SAVE_NOTHING]
    rec, _ = drive(keys, *pairs(FILLED), skip_answered=True)
    assert {a.id: a.value for a in rec.answers}["participants"] == "condition_group"


def test_edit_from_the_summary_keeps_the_ticks(drive):
    filled = {k: v for k, v in FILLED.items() if k != "resources"}
    keys = [
        "2" + ENTER,  # resources: some
        TICK + DOWN * 3 + TICK + ENTER,  # participants: own_patients, seldom_heard
        "7" + ENTER,  # summary: change participants, the seventh answer
        DOWN + TICK + ENTER,  # tick condition_group too; the earlier ticks stay
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, _ = drive(keys, *pairs(filled), skip_answered=True)
    got = {a.id: a.value for a in rec.answers}["participants"]
    assert got == "own_patients,condition_group,seldom_heard"


def test_escape_goes_back_from_the_checkbox(drive):
    filled = {k: v for k, v in FILLED.items() if k != "resources"}
    keys = ["2" + ENTER, ESC, "3" + ENTER, TICK + ENTER, ACCEPT, SAVE_NOTHING]
    rec, _ = drive(keys, *pairs(filled), skip_answered=True)
    answers = {a.id: a.value for a in rec.answers}
    assert (answers["resources"], answers["participants"]) == ("ample", "own_patients")


def test_saved_answers_list_the_groups_and_read_back(default_rules):
    values = {**FILLED, "participants": "own_patients,seldom_heard"}
    text = answers_yaml(answers_mapping(default_rules.rules, values), default_rules, "en")
    data = yaml.safe_load(text)
    assert data["participants"] == ["own_patients", "seldom_heard"]
    assert resolve(default_rules.rules, [data], "en").values == values


def test_the_count_of_questions_follows_every_set_of_a_multiple_branch(tmp_path):
    """A follow-up for each of two groups: choosing both asks both, and the count says so."""
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    follow_ups = "".join(
        f"  - id: {key}\n"
        f"    when: {{participants: [{group}]}}\n"
        "    text: {sv: Fråga?, en: Question?}\n"
        "    help: {sv: Hjälp., en: Help.}\n"
        "    options:\n"
        '      - {id: "yes", text: {sv: Ja, en: "Yes"}, help: {sv: Ja., en: "Yes."}}\n'
        '      - {id: "no", text: {sv: Nej, en: "No"}, help: {sv: Nej., en: "No."}}\n'
        for key, group in (("interpreter", "seldom_heard"), ("panel", "general_public"))
    )
    text = text.replace("  - id: project\n", follow_ups + "  - id: project\n", 1)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    rules = load_rules(path, "en").rules
    interview = Interview(rules, "en")
    for key in ("arena", "purpose", "mandate", "acceptance", "timeframe", "resources"):
        interview.answer(key, FILLED[key])
    low, high = interview.count_range()
    assert high == low + 2
    interview.answer("participants", "general_public,seldom_heard")
    assert interview.count_range() == (high, high)


def test_numbers_tick_and_untick(drive):
    keys = ["1" + "4" + "2" + "2" + ENTER, ACCEPT, SAVE_NOTHING]
    rec, _ = drive(keys, *pairs(FILLED), skip_answered=True)
    assert {a.id: a.value for a in rec.answers}["participants"] == "own_patients,seldom_heard"
