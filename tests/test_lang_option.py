"""`--lang` works before the command as well as after it; the command's own wins."""

from __future__ import annotations

import pytest

from .conftest import answer_flags

CARE = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}


def test_lang_before_the_command(cli):
    result = cli("--lang", "sv", "steps")
    assert result.exit_code == 0
    assert result.stdout.startswith("Delaktighetstrappan")


def test_the_commands_own_lang_wins(cli):
    result = cli("--lang", "sv", "steps", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith("The participation ladder")


def test_lang_before_the_command_reaches_errors_and_every_command(cli):
    result = cli("--lang", "sv", "recommend", "-a", "arena=kitchen")
    assert result.exit_code == 4
    assert "alternativen är" in result.stderr
    result = cli("--lang", "sv", "wizard", *answer_flags(CARE))
    assert result.exit_code == 5
    assert "ladder recommend --lang sv -a arena=care_meeting" in result.stderr


@pytest.mark.parametrize("args", [["--lang", "de", "steps"], ["--lang", "de"]])
def test_an_unknown_language_before_the_command_is_a_usage_error(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert "'de'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["--lang", "sv", "--help"], ["recommend", "--lang", "sv", "--help"], ["--lang=sv", "--help"]],
)
def test_help_follows_lang_on_the_command_line(args):
    """Help texts are built before the options are parsed, so `--lang` is read from the
    command line for them; the environment says English here."""
    import subprocess
    import sys

    from ladder.i18n.messages import t

    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LADDER_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "ladder", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    flat = " ".join(done.stdout.split())
    wanted = t("help.app" if args[0].startswith("--lang") else "help.recommend", "sv")
    assert done.returncode == 0 and " ".join(wanted.split())[:40] in flat
