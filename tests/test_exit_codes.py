"""Every documented exit code, each with its simplest trigger. The table is in the README."""

from __future__ import annotations

import pytest

from ladder.errors import (
    EXIT_ANSWER,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_NOT_INTERACTIVE,
    EXIT_OK,
    EXIT_RULES,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Terminated,
)
from ladder.load import loader as rules_module

from .conftest import ROOT

CARE = ["-a", "arena=care_meeting", "-a", "patient_wish=be_informed", "-a", "relatives=no"]


def raising(error: BaseException):
    def fail(*args, **kwargs):
        raise error

    return fail


def test_the_codes_are_the_documented_ones():
    assert (
        EXIT_OK,
        EXIT_INTERNAL,
        EXIT_USAGE,
        EXIT_RULES,
        EXIT_ANSWER,
        EXIT_NOT_INTERACTIVE,
        EXIT_INTERRUPTED,
        EXIT_TERMINATED,
    ) == (0, 1, 2, 3, 4, 5, 130, 143)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in (0, 1, 2, 3, 4, 5, 130, 143):
        assert f"| {code} |" in readme, code


def test_0(cli):
    assert cli("recommend", *CARE, "-f", "json").exit_code == 0


def test_1_a_bug(cli, monkeypatch):
    monkeypatch.setattr(rules_module, "load_rules", raising(RuntimeError("boom")))
    result = cli("steps")
    assert result.exit_code == 1 and "bug" in result.stderr and "Traceback" not in result.stderr


def test_2_usage(cli):
    assert cli("recommend", "--format", "pdf").exit_code == 2


def test_3_rules(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nversion: 1\n", encoding="utf-8")
    result = cli("steps", "--rules", str(bad))
    assert result.exit_code == 3 and f"{bad}:2:1:" in result.stderr


def test_4_answer(cli):
    result = cli("recommend", "-a", "arena=nowhere")
    assert result.exit_code == 4 and "arena" in result.stderr


def test_5_no_terminal(cli):
    pytest.importorskip("ladder.interview.wizard")
    result = cli("wizard", input="")
    assert result.exit_code == 5 and result.stdout == ""


def test_130_interrupted(cli, monkeypatch):
    monkeypatch.setattr(rules_module, "load_rules", raising(KeyboardInterrupt()))
    result = cli("steps")
    assert (result.exit_code, result.stdout) == (130, "") and "Interrupted." in result.stderr


def test_143_terminated(cli, monkeypatch):
    monkeypatch.setattr(rules_module, "load_rules", raising(Terminated()))
    result = cli("steps", "--lang", "sv")
    assert (result.exit_code, result.stdout) == (143, "") and "Avslutat" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["recommend", "--answers", "-"], 4),
        (["wizard", "--answers", "-"], 4),
        (["recommend", "--rules", "-"], 3),
        (["check", "-"], 3),
    ],
)
def test_standard_input_is_not_taken_for_a_file_named_dash(cli, args, code):
    result = cli(*args)
    assert result.exit_code == code
    said = result.stdout + result.stderr  # check reports in its report, the others on stderr
    assert "standard input" in said and "does not exist" not in said
