"""The wizard in-process: real questionary prompts fed through prompt_toolkit's pipe input
(tests/wizard_driver.py), on the fixture rules tests/fixtures/wizard.yaml, so that the keys and
counts below are the fixture's and no edit of data/ladder.yaml moves them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ladder.app import format_recommendation, recommend_from
from ladder.errors import AnswerError, NotInteractiveError
from ladder.interview import wizard as wizard_module
from ladder.interview.flow import Interview, next_position, recommend_command
from ladder.interview.wizard import free_name
from ladder.load.loader import load_rules

from .conftest import (
    APP_HELP,
    KRONOBERG_RULES,
    SMALL_RULES,
    WIZARD_RULES,
    answer_flags,
)
from .wizard_driver import (
    ACCEPT,
    CLOSE,
    CTRL_C,
    CTRL_D,
    CTRL_U,
    DOWN,
    ENTER,
    ESC,
    LEFT,
    SAVE_NOTHING,
    Drive,
    free_text_count,
    pairs,
    path_length,
    same_as_flags,
)

# Counts come from the fixture rules, whatever data/ladder.yaml asks.
CARE_LENGTH = path_length(WIZARD_RULES, arena="care_meeting")
UNIT_LENGTH = path_length(WIZARD_RULES, arena="unit_development")
FREE_TEXT = free_text_count(WIZARD_RULES)
SKIP_FREE_TEXT = [ENTER] * FREE_TEXT
WIZARD = str(WIZARD_RULES)

CARE = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}
# A unit redesigning a care pathway; the commissioner only allows views.
UNIT = {
    "arena": "unit_development",
    "purpose": "co_develop",
    "mandate": "views",
    "acceptance": "high",
    "timeframe": "months",
    "resources": "some",
    "participants": "condition_group",
}
SYSTEM = {
    "arena": "system_wide",
    "purpose": "co_decide",
    "mandate": "decide",
    "acceptance": "low",
    "timeframe": "longer",
    "resources": "ample",
    "participants": "seldom_heard",
}


def test_the_fixture_has_the_shape_these_tests_need(wizard_rules):
    """Two paths, and a long one with more answers than the summary's digit keys."""
    assert (CARE_LENGTH, UNIT_LENGTH, FREE_TEXT) == (7, 11, 4)
    assert path_length(WIZARD_RULES, arena="system_wide") == UNIT_LENGTH


@pytest.fixture()
def drive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Drive:
    monkeypatch.chdir(tmp_path)
    return Drive(monkeypatch, rules=WIZARD_RULES)


def same(rec, answers: dict[str, str], lang: str = "en") -> None:
    """The wizard's result equals `ladder recommend --rules <fixture>` with the same answers."""
    same_as_flags(rec, answers, lang=lang, rules=WIZARD_RULES)


def test_care_meeting_path_and_the_count_adjusts(drive):
    keys = ["1" + ENTER, "3" + ENTER, "2" + ENTER, *SKIP_FREE_TEXT, ACCEPT, SAVE_NOTHING]
    rec, out = drive(keys)
    same(rec, CARE)
    assert f"Question 1 of {CARE_LENGTH}–{UNIT_LENGTH}" in out  # the arena decides how many follow
    assert f"Question 2 of {CARE_LENGTH} " in out
    assert f"Question {CARE_LENGTH} of {CARE_LENGTH} " in out
    assert f"Question 2 of {UNIT_LENGTH}" not in out
    assert "Recommended level: Influence" in out  # the text renderer of `recommend`
    assert not list(Path(".").iterdir())  # nothing saved


def test_unit_development_path_with_arrows_and_saving_both(drive, cli):
    keys = [
        DOWN + ENTER,  # arena: unit_development
        DOWN * 3 + ENTER,  # purpose: co_develop
        "2" + ENTER,  # mandate: views
        "2" + ENTER,  # acceptance: high
        "2" + ENTER,  # timeframe: months
        "2" + ENTER,  # resources: some
        "2" + ENTER,  # participants: condition_group
        "New diabetic foot clinic" + ENTER,
        "the head of department, in June" + ENTER,
        ENTER,
        ENTER,
        ACCEPT,
        "1" + ENTER,  # save both
        ENTER,  # decision-record.md
        ENTER,  # answers.yaml
    ]
    rec, out = drive(keys)
    same(
        rec,
        {
            **UNIT,
            "project": "New diabetic foot clinic",
            "decision_owner": "the head of department, in June",
        },
    )
    assert f"Question {UNIT_LENGTH} of {UNIT_LENGTH}" in out
    assert "New diabetic foot clinic" in rec.expectations
    record = Path("decision-record.md").read_text(encoding="utf-8")
    assert record == format_recommendation(rec, "markdown")
    saved = yaml.safe_load(Path("answers.yaml").read_text(encoding="utf-8"))
    assert saved == {
        **UNIT,
        "project": "New diabetic foot clinic",
        "decision_owner": "the head of department, in June",
        "fixed": None,  # skipped: written as null, so --skip-answered does not ask again
        "feedback": None,
    }
    assert "ladder wizard --answers answers.yaml" in out
    # `ladder recommend --answers` reads the file back to the same result
    again = cli("recommend", "--rules", WIZARD, "--answers", "answers.yaml", "-f", "json")
    assert again.exit_code == 0
    assert (
        json.loads(again.stdout)["level"] == json.loads(format_recommendation(rec, "json"))["level"]
    )


def test_system_wide_path_in_swedish(drive):
    keys = [
        "3" + ENTER,
        "5" + ENTER,
        "5" + ENTER,
        "1" + ENTER,
        "3" + ENTER,
        "3" + ENTER,
        "4" + ENTER,
        *SKIP_FREE_TEXT,
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, out = drive(keys, lang="sv")
    same(rec, SYSTEM, lang="sv")
    assert f"Fråga 2 av {UNIT_LENGTH}" in out


def test_back_keeps_later_answers_that_still_apply(drive):
    keys = [
        "2" + ENTER,  # unit_development
        "4" + ENTER,  # purpose co_develop
        "1" + ENTER,  # mandate none
        "2" + ENTER,  # acceptance high
        ESC,  # at timeframe: back to acceptance
        ESC,  # back to mandate
        "4" + ENTER,  # mandate co_develop (changed)
        ENTER,  # acceptance: the kept answer (high) is the default
        "2" + ENTER,
        "3" + ENTER,
        "1" + ENTER,
        *SKIP_FREE_TEXT,
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, out = drive(keys)
    answers = {a.id: a.value for a in rec.answers}
    assert answers["mandate"] == "co_develop"
    assert answers["acceptance"] == "high"
    assert out.count(f"Question 4 of {UNIT_LENGTH}") == 3
    assert out.count(f"Question 3 of {UNIT_LENGTH}") == 2


def test_back_choice_and_left_arrow_drop_answers_that_no_longer_apply(drive):
    keys = [
        "2" + ENTER,  # unit_development
        "3" + ENTER,  # purpose discuss
        "6" + ENTER,  # mandate: the '← Back' choice, to purpose
        LEFT,  # purpose: ← to arena
        "1" + ENTER,  # arena: care_meeting, so purpose no longer applies
        "1" + ENTER,
        "1" + ENTER,
        *SKIP_FREE_TEXT,
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, out = drive(keys)
    answers = {a.id: a.value for a in rec.answers}
    assert answers == {"arena": "care_meeting", "patient_wish": "be_informed", "relatives": "yes"}
    assert f"Question 2 of {CARE_LENGTH} " in out


def test_edit_from_the_summary_asks_only_what_the_change_opens(drive):
    keys = [
        "1" + ENTER,  # care_meeting
        "1" + ENTER,
        "1" + ENTER,
        "My project" + ENTER,
        *[ENTER] * 3,
        DOWN + ENTER,  # summary: from Accept, ↓ passes the "Change:" line to the arena
        "2" + ENTER,  # arena: unit_development
        *["1" + ENTER] * 6,  # the six questions the new arena opens, and nothing else
        DOWN * 8 + ENTER,  # summary again: change 'project' (8th answer)
        CTRL_U + "Renamed" + ENTER,
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, out = drive(keys)
    answers = {a.id: a.value for a in rec.answers}
    assert answers["arena"] == "unit_development"
    assert "patient_wish" not in answers and "relatives" not in answers
    assert answers["project"] == "Renamed"
    assert out.count("Summary") == 3


def test_prefilled_answers_are_defaults_and_flags_win(drive, tmp_path):
    file = tmp_path / "answers.yaml"
    file.write_text(yaml.safe_dump({**UNIT, "project": "From the file"}), encoding="utf-8")
    keys = [ENTER] * len(UNIT) + SKIP_FREE_TEXT + [ACCEPT, SAVE_NOTHING]
    rec, _ = drive(keys, "timeframe=weeks", answers_file=file)
    answers = {a.id: a.value for a in rec.answers}
    assert answers == {**UNIT, "timeframe": "weeks", "project": "From the file"}


def test_skip_answered_asks_only_the_rest(drive):
    keys = ["Clinic" + ENTER, *[ENTER] * 3, ACCEPT, SAVE_NOTHING]
    rec, out = drive(keys, *pairs(UNIT), skip_answered=True)
    assert f"Question 1 of {FREE_TEXT}" in out
    assert f"Question {FREE_TEXT} of {FREE_TEXT}" in out
    assert {a.id: a.value for a in rec.answers} == {**UNIT, "project": "Clinic"}


def test_skip_answered_question_edited_from_the_summary(drive):
    keys = [
        *SKIP_FREE_TEXT,
        DOWN * 2 + ENTER,  # summary: change purpose (hidden until now)
        "5" + ENTER,
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, _ = drive(keys, *pairs(UNIT), skip_answered=True)
    assert {a.id: a.value for a in rec.answers}["purpose"] == "co_decide"


def test_free_text_is_checked_by_the_flag_validator(drive, wizard_rules):
    too_long = "x" * (wizard_rules.rules.question("project").max_length + 1)
    keys = [
        "1" + ENTER,
        ENTER,
        ENTER,
        too_long + ENTER + CTRL_U + "  Short  " + ENTER,
        *[ENTER] * 3,
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, _ = drive(keys)
    assert {a.id: a.value for a in rec.answers}["project"] == "Short"
    with pytest.raises(AnswerError):
        recommend_from(WIZARD_RULES, ["arena=care_meeting", f"project={too_long}"], None, "en")


def test_saving_never_overwrites_without_asking(drive):
    Path("decision-record.md").write_text("keep me", encoding="utf-8")
    keys = [
        "1" + ENTER,
        ENTER,
        ENTER,
        *SKIP_FREE_TEXT,
        ACCEPT,
        "2" + ENTER,  # save only the record
        CTRL_U + "decision-record.md" + ENTER,  # the default was decision-record-2.md
        ENTER,  # 'Choose another name' is the default
        CTRL_U + "plan.md" + ENTER,
    ]
    rec, out = drive(keys)
    assert Path("decision-record.md").read_text(encoding="utf-8") == "keep me"
    assert Path("plan.md").read_text(encoding="utf-8") == format_recommendation(rec, "markdown")
    assert "decision-record.md already exists" not in out  # asked in the prompt, not printed


def test_overwrite_when_the_user_says_so(drive):
    Path("answers.yaml").write_text("old", encoding="utf-8")
    keys = [
        "1" + ENTER,
        ENTER,
        ENTER,
        *SKIP_FREE_TEXT,
        ACCEPT,
        "3" + ENTER,
        CTRL_U + "answers.yaml" + ENTER,
        "2" + ENTER,
    ]
    drive(keys)
    assert (
        yaml.safe_load(Path("answers.yaml").read_text(encoding="utf-8"))["arena"] == "care_meeting"
    )


def test_answers_file_quotes_yes_and_no(drive):
    keys = ["1" + ENTER, ENTER, "1" + ENTER, *SKIP_FREE_TEXT, ACCEPT, "3" + ENTER, ENTER]
    drive(keys)
    text = Path("answers.yaml").read_text(encoding="utf-8")
    assert "relatives: 'yes'" in text
    assert text.startswith("# ")


def test_ctrl_c_raises_keyboard_interrupt(drive):
    with pytest.raises(KeyboardInterrupt):
        drive(["2" + ENTER, CTRL_C])


def test_end_of_input_names_the_command_and_what_is_missing(drive):
    with pytest.raises(NotInteractiveError) as caught:
        drive(["2" + ENTER, "3" + ENTER, CLOSE])
    error = caught.value
    assert error.exit_code == 5
    command = f"ladder recommend --rules {WIZARD} -a arena=unit_development -a purpose=discuss"
    assert error.details[0] == command
    assert any(d.strip().startswith("mandate:") for d in error.details)
    assert not any(d.strip().startswith("purpose:") for d in error.details)


def test_kronoberg_rules(drive):
    keys = ["1" + ENTER, "3" + ENTER, "1" + ENTER, *SKIP_FREE_TEXT, ACCEPT, SAVE_NOTHING]
    rec, out = drive(keys, rules=KRONOBERG_RULES, lang="sv")
    same_as_flags(
        rec,
        {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "yes"},
        lang="sv",
        rules=KRONOBERG_RULES,
    )
    assert "Kronoberg" in out


# Without a terminal, through the command line


def test_wizard_without_a_terminal_exits_5(cli):
    result = cli("wizard", "-a", "arena=care_meeting", "--rules", WIZARD)
    assert result.exit_code == 5
    assert result.stdout == ""
    assert f"ladder recommend --rules {WIZARD} -a arena=care_meeting" in result.stderr
    assert "patient_wish:" in result.stderr and "relatives:" in result.stderr


def test_wizard_without_a_terminal_when_complete(cli):
    result = cli("wizard", *answer_flags(CARE), "--lang", "sv", "--rules", WIZARD)
    assert result.exit_code == 5
    assert f"ladder recommend --rules {WIZARD} --lang sv -a arena=care_meeting" in result.stderr
    assert "Alla frågor som krävs är besvarade" in result.stderr


def test_bad_prefilled_answer_exits_4_before_any_prompt(cli):
    result = cli("wizard", "-a", "arena=kitchen", "--rules", WIZARD)
    assert result.exit_code == 4
    assert "did you mean" in result.stderr or "not an option" in result.stderr


def test_bare_ladder_without_a_terminal_prints_help(cli):
    result = cli()
    assert result.exit_code == 0
    assert "wizard" in result.stdout and APP_HELP in result.stdout


# The navigation itself, without prompts


def test_count_range_and_pruning(small_rules):
    interview = Interview(small_rules.rules, "en")
    assert interview.count_range() == (3, 5)  # place, wish, project; or place and four more
    interview.answer("place", "unit")
    interview.answer("purpose", "views")
    interview.answer("project", "P")
    assert interview.count_range() == (5, 5)
    interview.answer("place", "visit")
    assert interview.answers == {"place": "visit", "project": "P"}
    assert "purpose" not in interview.visited


def test_count_range_of_the_default_rules_follows_its_paths(default_rules):
    rules = default_rules.rules
    paths = [
        len(Interview(rules, "en", {"arena": o.id}).shown())
        for o in rules.question("arena").options
    ]
    assert Interview(rules, "en").count_range() == (min(paths), max(paths))
    assert min(paths) < max(paths)


def test_filling_passes_over_questions_already_seen(wizard_rules):
    interview = Interview(wizard_rules.rules, "en", visited={"project", "decision_owner"})
    interview.answer("arena", "care_meeting")
    shown = [q.id for q in interview.shown()]
    arena = wizard_rules.rules.question("arena")
    assert next_position(interview, arena, filling=False) == 1
    interview.answer("patient_wish", "be_informed")
    interview.answer("relatives", "no")
    relatives = wizard_rules.rules.question("relatives")
    assert shown[next_position(interview, relatives, filling=True)] == "fixed"


def test_hidden_question_reappears_when_its_answer_is_dropped(small_rules):
    interview = Interview(
        small_rules.rules,
        "en",
        {"place": "visit", "wish": "told"},
        hidden={"wish"},
    )
    assert "wish" not in [q.id for q in interview.shown()]
    interview.answer("place", "unit")
    interview.answer("place", "visit")
    assert "wish" in [q.id for q in interview.shown()]


def test_recommend_command_is_shell_quoted():
    command = recommend_command({"project": "It's new"}, "my rules.yaml", None)
    assert command == "ladder recommend --rules 'my rules.yaml' -a 'project=It'\"'\"'s new'"


def test_free_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert free_name("a.md") == "a.md"
    Path("a.md").touch()
    Path("a-2.md").touch()
    assert free_name("a.md") == "a-3.md"


def test_not_interactive_path_does_not_import_questionary():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from ladder.cli import app\n"
        "try:\n"
        f"    app(['wizard', '--rules', {WIZARD!r}, '-a', 'arena=care_meeting'], prog_name='ladder')\n"
        "except SystemExit as e:\n"
        "    print(e.code, 'questionary' in sys.modules, 'prompt_toolkit' in sys.modules)\n"
    )
    root = Path(wizard_module.__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=root,
        timeout=60,
        check=False,
    )
    assert done.stdout.split() == ["5", "False", "False"]


@pytest.mark.parametrize(
    ("first", "questions", "keystrokes"),
    [
        # one key per question and one for the summary; the second arena costs one key more
        (ENTER, CARE_LENGTH, CARE_LENGTH + 1),  # care meeting, the shortest path
        ("2" + ENTER, UNIT_LENGTH, UNIT_LENGTH + 2),  # unit development, the longest
    ],
    ids=["shortest", "longest"],
)
def test_keystrokes_to_the_result(drive, first, questions, keystrokes):
    """Keys to reach the result, taking the first option and skipping the free text."""
    keys = [first, *[ENTER] * (questions - 1), ACCEPT, SAVE_NOTHING]
    rec, out = drive(keys)
    rules = load_rules(WIZARD_RULES).rules  # after the arena, every answer is the first option
    answered = {a.id: a.value for a in rec.answers}
    arena = answered.pop("arena")
    assert arena == rules.question("arena").options[0 if first == ENTER else 1].id
    assert all(rules.question(key).options[0].id == value for key, value in answered.items())
    assert drive.prompts == questions + 2  # the questions, the summary, the save choice
    assert sum(len(group) for group in keys[:-1]) == keystrokes  # one character, one key
    assert f"Question {questions} of {questions}" in out


# Where a real keyboard meets the prompts


def test_ctrl_d_on_an_empty_free_text_line_skips_the_question(drive):
    keys = ["1" + ENTER, ENTER, ENTER, CTRL_D, "Who" + ENTER, CTRL_D, CTRL_D, ACCEPT]
    keys += ["3" + ENTER, CTRL_U + CTRL_D]  # save the answers? Ctrl-D on a cleared name: no
    rec, _ = drive(keys)
    assert {a.id: a.value for a in rec.answers}["decision_owner"] == "Who"
    assert "project" not in {a.id for a in rec.answers}
    assert not list(Path(".").iterdir())


def test_esc_from_a_free_text_keeps_what_the_screen_shows(drive):
    keys = [
        "1" + ENTER,
        ENTER,
        ENTER,
        "Typed" + ENTER,  # project
        "Half typed" + ESC,  # decision_owner: back to project, the text is kept
        ENTER,  # project: Enter keeps 'Typed'
        ENTER,  # decision_owner: the kept text is the default now
        "x" * 2000 + ESC,  # fixed: too long, so not kept (the screen shows the old text)
        ENTER,
        ENTER,
        ENTER,
        ACCEPT,
        SAVE_NOTHING,
    ]
    rec, _ = drive(keys)
    answers = {a.id: a.value for a in rec.answers}
    assert answers["project"] == "Typed"
    assert answers["decision_owner"] == "Half typed"
    assert "fixed" not in answers


def test_esc_reacts_without_prompt_toolkits_half_second_wait(drive, monkeypatch):
    waits = []
    real = wizard_module.add_keys

    def spy(app, bindings):
        real(app, bindings)
        waits.append(app.ttimeoutlen)

    monkeypatch.setattr(wizard_module, "add_keys", spy)
    drive(["1" + ENTER, ENTER, ENTER, *SKIP_FREE_TEXT, ACCEPT, SAVE_NOTHING])
    assert len(waits) == CARE_LENGTH + 2 and max(waits) <= 0.1  # questions, summary, save


def test_summary_number_keys_change_one_answer(drive):
    keys = [
        "2" + ENTER,  # unit_development: 11 questions
        *["1" + ENTER] * 6,
        *SKIP_FREE_TEXT,
        "b" + ENTER,  # summary: the 11th answer (feedback) by its key
        "Within a month" + ENTER,
        "3" + ENTER,  # the 3rd answer: mandate
        "5" + ENTER,
        "0" + ENTER,  # accept from wherever the pointer is
        SAVE_NOTHING,
    ]
    rec, out = drive(keys)
    answers = {a.id: a.value for a in rec.answers}
    assert answers["feedback"] == "Within a month"
    assert answers["mandate"] == "decide"
    assert out.count("Summary") == 3


def test_skip_answered_does_not_ask_a_saved_skipped_free_text_again(drive, cli):
    keys = ["1" + ENTER, "3" + ENTER, "2" + ENTER, "Clinic" + ENTER, *[ENTER] * 3, ACCEPT]
    drive([*keys, "3" + ENTER, ENTER])  # save only the answers, as answers.yaml
    assert "fixed: null" in Path("answers.yaml").read_text(encoding="utf-8")
    rec, out = drive([ACCEPT, SAVE_NOTHING], answers_file="answers.yaml", skip_answered=True)
    assert "Question 1 of" not in out  # nothing left to ask: straight to the summary
    assert {a.id: a.value for a in rec.answers} == {**CARE, "project": "Clinic"}
    again = cli("recommend", "--rules", WIZARD, "--answers", "answers.yaml", "-f", "json")
    assert again.exit_code == 0, again.stderr


def test_keystrokes_to_change_the_last_answer_from_the_summary(drive):
    """Its key and Enter: 2 keys for any of the 11 answers (↓ eleven times and Enter before)."""
    questions = ["2" + ENTER, *[ENTER] * 10]
    change = "b" + ENTER  # the 11th answer, feedback
    rec, _ = drive([*questions, change, "Soon" + ENTER, ACCEPT, SAVE_NOTHING])
    assert {a.id: a.value for a in rec.answers}["feedback"] == "Soon"
    assert len(change) == 2


# The same prompts on the small fixture rules: counts and outcomes that no edit of
# data/ladder.yaml can move


def test_small_rules_short_path_counts_and_variant(drive):
    keys = ["1" + ENTER, "1" + ENTER, ENTER, ACCEPT, SAVE_NOTHING]
    rec, out = drive(keys, rules=SMALL_RULES)
    assert "Question 1 of 3–5" in out and "Question 3 of 3 " in out
    assert rec.level.id == "information"
    assert rec.level.promise == "We explain your care."  # the step's variant for a visit
    same_as_flags(rec, {"place": "visit", "wish": "told"}, rules=SMALL_RULES)


def test_small_rules_long_path_floor_and_free_text(drive):
    keys = ["2" + ENTER, "2" + ENTER, "2" + ENTER, "2" + ENTER, "Clinic" + ENTER]
    rec, out = drive([*keys, ACCEPT, SAVE_NOTHING], rules=SMALL_RULES)
    assert "Question 5 of 5 " in out
    assert rec.level.id == "dialogue"  # the floor raised the target, Consultation
    answers = {"place": "unit", "purpose": "views", "acceptance": "high", "time": "months"}
    same_as_flags(rec, {**answers, "project": "Clinic"}, rules=SMALL_RULES)
    assert "Projekt" not in rec.expectations and "Project: Clinic." in rec.expectations
