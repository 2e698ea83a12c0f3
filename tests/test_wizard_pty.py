"""The installed `ladder` in a real pseudo-terminal (pexpect): 24x100, NO_COLOR=1, TERM=xterm."""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import APP_HELP, DEFAULT_RULES, answer_flags
from .test_wizard import CARE_LENGTH, FREE_TEXT, SYSTEM, UNIT_LENGTH
from .wizard_driver import path_length

CHOICES = UNIT_LENGTH - FREE_TEXT  # the unit path: its choice questions, then the free text
# Spawned without --rules: the default rules' interview, which also asks two optional questions
# (`support`, a checkbox, and `standing_group`, a free text) before the free texts of both arenas.
DEFAULT_CARE = path_length(DEFAULT_RULES, arena="care_meeting")
DEFAULT_UNIT = path_length(DEFAULT_RULES, arena="unit_development")
DEFAULT_CHOICES = DEFAULT_UNIT - FREE_TEXT - 2

pexpect = pytest.importorskip("pexpect")  # part of the `test` extra, so present in CI

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 30  # seconds per expected screen; generous for a loaded machine, still bounded
ENTER = "\r"


def ladder_command() -> list[str]:
    """The `ladder` script installed next to this Python, else `python -m ladder`."""
    script = Path(sys.executable).with_name("ladder")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ladder"]


def spawn(*args: str, cwd: Path, rows: int = 24, **extra: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT),  # the code under test, whatever is installed
        # pexpect does not answer cursor-position requests as a terminal does; without this
        # prompt_toolkit waits for each answer on every prompt
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    names = ("LADDER_RULES", "LADDER_LANG", "LC_ALL", "LC_MESSAGES", "COLUMNS", "LINES", "PAGER")
    for name in (*names, "MANPAGER"):
        env.pop(name, None)
    env.update(extra)
    command = ladder_command()
    return pexpect.spawn(
        command[0],
        [*command[1:], *args],
        dimensions=(rows, 100),
        env=env,
        cwd=str(cwd),
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def finish(child: pexpect.spawn) -> tuple[int, str]:
    rest = child.read()  # to end of file
    child.close()
    return child.exitstatus, rest


def answer(child: pexpect.spawn, screen: str, keys: str) -> None:
    child.expect_exact(screen)
    child.expect_exact("Enter")  # the hint line is drawn before the prompt: the prompt is next
    # Keys typed before the prompt owns the terminal are the line discipline's: Ctrl-C would be
    # a signal at a random point of start-up, not the key the prompt handles. The prompt turns
    # echo off when it takes the terminal over.
    child.waitnoecho(timeout=TIMEOUT)
    child.send(keys)


def test_full_interview_to_the_result_and_saved_files(tmp_path):
    child = spawn("wizard", "--lang", "en", cwd=tmp_path)
    child.expect_exact("questions. Esc or ← goes back")
    answer(child, f"Question 1 of {DEFAULT_CARE}–{DEFAULT_UNIT}", "2" + ENTER)  # unit development
    for number, option in zip(range(2, 8), ["4", "2", "2", "2", "2", "2"], strict=True):
        answer(child, f"Question {number} of {DEFAULT_UNIT}", option + ENTER)
    answer(child, f"Question {DEFAULT_CHOICES + 1} of {DEFAULT_UNIT}", ENTER)  # support: none
    answer(
        child, f"Question {DEFAULT_CHOICES + 2} of {DEFAULT_UNIT}", ENTER
    )  # standing group: none
    answer(child, f"Question {DEFAULT_CHOICES + 3} of {DEFAULT_UNIT}", "Foot clinic" + ENTER)
    for number in range(DEFAULT_CHOICES + 4, DEFAULT_UNIT + 1):
        answer(child, f"Question {number} of {DEFAULT_UNIT}", ENTER)
    child.expect_exact("Are these answers right?")
    child.send(ENTER)
    child.expect_exact("Recommended level: Consultation (2/5)")  # capped by the mandate
    child.expect_exact("Save the result?")
    child.send("1" + ENTER)
    child.expect_exact("File for the decision record:")
    child.send(ENTER)
    child.expect_exact("File for the answers:")
    child.send(ENTER)
    child.expect_exact("ladder wizard --answers answers.yaml")
    status, _ = finish(child)
    assert status == 0
    assert (
        (tmp_path / "decision-record.md")
        .read_text(encoding="utf-8")
        .startswith("# Decision record")
    )
    saved = yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    assert saved["purpose"] == "co_develop" and saved["project"] == "Foot clinic"


def test_bare_ladder_starts_the_interview_and_back_works(tmp_path):
    child = spawn(cwd=tmp_path)  # no command: a terminal gets the interview
    answer(child, f"Question 1 of {DEFAULT_CARE}–{DEFAULT_UNIT}", "1" + ENTER)  # care meeting
    answer(child, "Question 2 of 7", "3" + ENTER)
    answer(child, "Question 3 of 7", "\x1b")  # Esc: back to question 2
    answer(child, "Question 2 of 7", "\x1b[D")  # ←: back to question 1
    answer(child, "Question 1 of 7 ", ENTER)  # the arena is known now; Enter keeps it
    answer(child, "Question 2 of 7", ENTER)  # keeps share_decisions
    answer(child, "Question 3 of 7", "2" + ENTER)
    for number in (4, 5, 6, 7):
        answer(child, f"Question {number} of 7", ENTER)
    child.expect_exact("Are these answers right?")
    child.send(ENTER)
    child.expect_exact("Recommended level: Influence (4/5)")
    child.expect_exact("Save the result?")
    child.send("4" + ENTER)
    status, _ = finish(child)
    assert status == 0
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_mid_interview_exits_130_without_a_traceback(tmp_path):
    child = spawn("wizard", "--lang", "en", cwd=tmp_path)
    answer(child, f"Question 1 of {DEFAULT_CARE}–{DEFAULT_UNIT}", "2" + ENTER)
    answer(child, f"Question 2 of {DEFAULT_UNIT}", "\x03")
    status, rest = finish(child)
    assert status == 130
    assert "Interrupted." in rest
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest


def test_ctrl_c_in_a_free_text_question(tmp_path):
    child = spawn(
        "wizard", "--lang", "sv", "-a", "arena=care_meeting", "--skip-answered", cwd=tmp_path
    )
    answer(child, "Fråga 1 av 6", "1" + ENTER)
    answer(child, "Fråga 2 av 6", "2" + ENTER)
    answer(child, "Fråga 3 av 6", "halv text\x03")
    status, rest = finish(child)
    assert status == 130
    assert "Avbrutet." in rest and "Traceback" not in rest


@pytest.mark.parametrize("args", [["wizard"], []], ids=["wizard", "bare"])
def test_stdin_not_a_terminal_exits_5(tmp_path, args):
    command = shlex.join([*ladder_command(), *args])  # bare `ladder`: help, off a terminal
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", f"{command} < /dev/null"],
        dimensions=(24, 100),
        env={
            **os.environ,
            "NO_COLOR": "1",
            "TERM": "xterm",
            "PYTHONPATH": str(ROOT),
            "PROMPT_TOOLKIT_NO_CPR": "1",
        },
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    status, rest = finish(child)
    if args:
        assert status == 5
        assert "ladder recommend" in rest
        assert re.search(r"arena: .*Options: care_meeting, unit_development, system_wide", rest)
    else:
        assert status == 0
        assert APP_HELP in " ".join(rest.split())
    assert "Traceback" not in rest


def test_free_text_edges_and_summary_keys_in_a_real_terminal(tmp_path):
    child = spawn(
        "wizard",
        "--lang",
        "en",
        *("-a", "arena=care_meeting", "-a", "patient_wish=share_decisions"),
        *("-a", "relatives=no", "--skip-answered"),
        cwd=tmp_path,
    )
    answer(child, "Question 1 of 4", "Foot clinic" + ENTER)
    answer(child, "Question 2 of 4", "Half typed\x1b")  # Esc: back, keeping the text
    answer(child, "Question 1 of 4", ENTER)
    child.expect_exact("Question 2 of 4")
    child.expect_exact("Half typed")  # the kept text is the default
    child.send(ENTER)
    answer(child, "Question 3 of 4", "\x04")  # Ctrl-D on an empty line skips
    answer(child, "Question 4 of 4", "\x04")
    child.expect_exact("Are these answers right?")
    child.send("3" + ENTER)  # the third answer: relatives, hidden until now
    answer(child, "Question 1 of 5", "1" + ENTER)
    child.expect_exact("Are these answers right?")
    child.send("0" + ENTER)
    child.expect_exact("Recommended level: Influence (4/5)")
    child.expect_exact("Save the result?")
    child.send("4" + ENTER)
    status, rest = finish(child)
    assert status == 0
    assert "interactive terminal" not in child.before + rest
    assert "Traceback" not in rest


def test_a_result_taller_than_the_screen_shows_its_essentials_and_pages_the_rest(tmp_path):
    flags = answer_flags(SYSTEM)  # the longest result: system-wide co-determination
    pager = "sed 's/^/PAGED /'"  # shows what reaches the pager, line by line
    child = spawn(
        "wizard", "--lang", "en", *flags, "--skip-answered", cwd=tmp_path, rows=40, PAGER=pager
    )
    # support (Enter with nothing ticked skips it), the standing group, the free texts
    for number in (1, 2, 3, 4, 5, 6):
        answer(child, f"Question {number} of 6", ENTER)
    child.expect_exact("Are these answers right?")
    child.send(ENTER)
    child.expect_exact("Recommended level: Co-determination (5/5)")
    child.expect_exact("What we promise:")
    child.expect_exact("What you can expect")
    child.expect_exact("Watch out")  # the warnings are never left to the pager
    child.expect_exact("Save the result?")
    assert "Who takes part" not in child.before and "Why" not in child.before
    child.send("5" + ENTER)  # the whole result, through $PAGER
    child.expect_exact("PAGED Recommended level: Co-determination (5/5)")
    child.expect_exact("PAGED Who takes part")
    child.expect_exact("PAGED Why")
    child.expect_exact("Save the result?")  # asked again after the pager
    child.send("4" + ENTER)
    status, rest = finish(child)
    assert status == 0 and "Traceback" not in rest


def test_bare_ladder_with_lang_before_the_command_interviews_in_that_language(tmp_path):
    child = spawn("--lang", "sv", cwd=tmp_path)
    answer(child, f"Fråga 1 av {DEFAULT_CARE}–{DEFAULT_UNIT}", "\x03")
    status, rest = finish(child)
    assert status == 130 and "Avbrutet." in rest


def test_a_two_track_plan_edited_walked_back_saved_and_read_back(tmp_path):
    """A plan in a real terminal: a second track after the first answer set, a track's
    answer edited from the summary, back across tracks, the plan file saved and read back."""
    import json
    import subprocess

    from .conftest import WIZARD_RULES

    rules = str(WIZARD_RULES)
    child = spawn("wizard", "--rules", rules, "--lang", "en", cwd=tmp_path, rows=40)
    answer(child, f"Question 1 of {CARE_LENGTH}–{UNIT_LENGTH}", "2" + ENTER)
    for number, option in zip(range(2, 8), "221221", strict=True):
        answer(child, f"Question {number} of {UNIT_LENGTH}", option + ENTER)
    answer(child, f"Question {CHOICES + 1} of {UNIT_LENGTH}", "Foot clinic" + ENTER)
    for number in range(CHOICES + 2, UNIT_LENGTH + 1):
        answer(child, f"Question {number} of {UNIT_LENGTH}", ENTER)
    child.expect_exact("Are these answers right?")
    child.send("p" + ENTER)  # other groups or phases need a different level
    answer(child, "Track 1", "Everyone" + ENTER)
    answer(child, "Is Everyone a group", ENTER)
    answer(child, "Track 2", "Co-design team" + ENTER)
    answer(child, "Is Co-design team a group", ENTER)
    for number, keys in zip(range(1, 5), ["4", "4", "", ""], strict=True):
        answer(child, f"Question {number} of 4", keys + ENTER)  # only what may differ
    answer(child, "Decision date", "2027-03-01" + ENTER)
    child.expect_exact("Is the plan right?")
    child.expect_exact("level: Influence")  # track 2 in the summary
    child.send("j" + ENTER)  # track 2's mandate
    answer(child, "Question 2 of 4", "3" + ENTER)  # choose between proposals: Dialogue
    child.expect_exact("Is the plan right?")
    child.expect_exact("level: Dialogue")
    child.send("\x1b")  # back: the date, track 2's answers, its kind and name, track 1's kind
    for screen in ["Decision date", *[f"Question {n} of 4" for n in (4, 3, 2, 1)]]:
        answer(child, screen, "\x1b")
    answer(child, "Is Co-design team a group", "\x1b")
    answer(child, "Track 2", "\x1b")
    answer(child, "Is Everyone a group", "2" + ENTER)  # a phase
    answer(child, "Track 2", ENTER)
    answer(child, "Is Co-design team a group", ENTER)
    for number in range(1, 5):
        answer(child, f"Question {number} of 4", ENTER)
    answer(child, "Decision date", ENTER)
    child.expect_exact("Is the plan right?")
    child.send(ENTER)
    child.expect_exact("Involvement plan, 2 tracks: Foot clinic")
    child.expect_exact("Save the result?")
    child.send("3" + ENTER)  # only the plan file
    child.expect_exact("File for the plan's answers")
    child.send(ENTER)
    child.expect_exact("ladder wizard --answers plan.yaml")
    status, _ = finish(child)
    assert status == 0
    saved = yaml.safe_load((tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    assert [(t["id"], t["kind"]) for t in saved["tracks"]] == [
        ("everyone", "phase"),
        ("co_design_team", "group"),
    ]
    command = [*ladder_command(), "recommend", "--rules", rules, "--answers", "plan.yaml"]
    done = subprocess.run(
        [*command, "-f", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    levels = [(t["id"], t["level"]["id"]) for t in plan["tracks"]]
    assert levels == [("everyone", "consultation"), ("co_design_team", "dialogue")]
    assert plan["decision_date"] == "2027-03-01"
    again = spawn(
        "wizard",
        "--rules",
        rules,
        "--answers",
        "plan.yaml",
        "--skip-answered",
        "--lang",
        "en",
        cwd=tmp_path,
        rows=40,
    )
    again.expect_exact("Is the plan right?")  # nothing left to ask
    again.send(ENTER)
    again.expect_exact("Save the result?")
    again.send("4" + ENTER)
    status, _ = finish(again)
    assert status == 0


def test_the_checkbox_answer_reads_as_the_chosen_groups_in_a_real_terminal(tmp_path):
    answers = [
        "arena=unit_development",
        "purpose=discuss",
        "mandate=alternatives",
        "acceptance=low",
        "timeframe=months",
        "resources=some",
        "support=psychiatric_conditions",
        "standing_group=Patientrådet",
    ]
    pairs = [part for answer in answers for part in ("-a", answer)]
    child = spawn("wizard", "--lang", "sv", "--skip-answered", *pairs, cwd=tmp_path)
    child.expect_exact("Vems erfarenheter behövs?")
    child.expect_exact("just er vård")  # the pointed option's help, drawn last
    child.send("1")
    child.send("4")
    child.send("\r")
    child.expect_exact("Vad heter arbetet")
    shown = child.before
    assert "Verksamhetens egna patienter och närstående, Grupper som sällan hörs" in shown
    assert "selections" not in shown  # questionary's own English summary
    child.sendcontrol("c")
    finish(child)
