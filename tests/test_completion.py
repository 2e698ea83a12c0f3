"""Shell completion of subcommands, answer keys and option ids, from the active rules file."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import MINI_RULES, ROOT


def complete(words: str, **env: str) -> list[str]:
    environ = {
        **os.environ,
        "_LADDER_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        **env,
    }
    script = "from ladder.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_subcommands_complete():
    assert "recommend" in complete("ladder rec")
    assert set(complete("ladder ")) >= {"recommend", "questions", "steps"}


def test_answer_keys_complete_from_the_rules():
    assert complete("ladder recommend -a pa") == ["participants=", "patient_wish="]


def test_option_ids_complete_after_the_key():
    assert complete("ladder recommend -a mandate=") == [
        "mandate=none",
        "mandate=views",
        "mandate=alternatives",
        "mandate=co_develop",
        "mandate=decide",
    ]
    assert complete("ladder recommend -a relatives=y") == ["relatives=yes"]


def test_completion_follows_the_rules_option_and_environment():
    assert complete(f"ladder recommend --rules {MINI_RULES} -a ") == [
        "purpose=",
        "weeks=",
        "project=",
    ]
    assert complete("ladder recommend -a w", LADDER_RULES=str(MINI_RULES)) == ["weeks="]


def test_broken_rules_complete_nothing_instead_of_failing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: [", encoding="utf-8")
    assert complete(f"ladder recommend --rules {bad} -a ") == []


def test_follow_up_and_portfolio_complete_with_their_options():
    assert complete("ladder fol") == ["follow-up"]
    assert complete("ladder port") == ["portfolio"]
    assert {"--responses", "--easy-read", "--save-state"} <= set(complete("ladder follow-up x --"))
    assert "--as-of" in complete("ladder portfolio x --")
    assert complete("ladder portfolio x --format j") == ["json"]
