"""Completion in a real bash and zsh (pexpect): what a person gets from Tab.

bash splits a word at `=` (COMP_WORDBREAKS) before the completion function sees it, which a
completion call with hand-made COMP_WORDS does not show; so these type into the shell itself.
"""

from __future__ import annotations

import os
import re
import shutil
import sys

import pytest

from .conftest import ROOT

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

TIMEOUT = 30
# Ctrl-A, print each word of the line as [word]; Ctrl-E, then a marker (quoted so that its echo
# as typed differs from its output)
SHOW_WORDS = "\x01printf '[%s]\\n' \x05; echo DO''NE\r"
SHELLS = {
    "bash": (["--norc", "--noprofile", "-i"], ""),
    "zsh": (["-f", "-i"], "autoload -Uz compinit && compinit -u; "),
}


def shell_or_skip(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if name == "bash":
            pytest.fail("bash is required for the completion tests")
        pytest.skip(f"{name} is not installed (apt-get install {name})")
    return path


@pytest.fixture(params=sorted(SHELLS))
def shell(request, tmp_path):
    """An interactive shell with `ladder` (the code under test) and its completion loaded."""
    name = request.param
    path = shell_or_skip(name)
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    wrapper = bin_folder / "ladder"
    wrapper.write_text(f'#!/bin/sh\nexec {sys.executable} -m ladder "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    (tmp_path / "somefile.txt").touch()  # must never be offered for an answer
    env = {
        **os.environ,
        "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm",
        "PS1": "$ ",
        "PROMPT": "$ ",
        "HOME": str(tmp_path),
    }
    args, setup = SHELLS[name]
    child = pexpect.spawn(path, args, env=env, cwd=str(tmp_path), encoding="utf-8", timeout=TIMEOUT)
    child.sendline(f'{setup}eval "$(ladder --show-completion {name})"; echo READY')
    child.expect_exact("READY\r\n")
    child.name = name
    yield child
    child.close(force=True)


def words_after(child, keys: str) -> list[str]:
    """Type `keys` (with tabs) and return the words of the resulting command line."""
    child.send(keys + SHOW_WORDS)
    child.expect(r"\[ladder\]\r\n")
    child.expect_exact("DONE")
    return ["ladder", *re.findall(r"^\[(.*)\]\r?$", child.before, re.M)]


def test_a_key_completes_without_a_space_and_its_value_after_the_equals(shell):
    words = words_after(shell, "ladder recommend -a are\tc\t")
    assert words == ["ladder", "recommend", "-a", "arena=care_meeting"]


def test_a_value_completes_after_the_equals(shell):
    words = words_after(shell, "ladder recommend -a mandate=d\t")
    assert words == ["ladder", "recommend", "-a", "mandate=decide"]


def test_file_names_still_complete_where_a_file_is_asked(shell):
    words = words_after(shell, "ladder check some\t")
    assert words == ["ladder", "check", "somefile.txt"]


def test_the_language_before_the_command_is_followed(shell):
    if shell.name != "zsh":
        pytest.skip("only zsh shows the options' labels")
    shell.send("ladder --lang sv recommend -a arena=\t\t")
    shell.expect_exact("vårdmötet")
    shell.sendcontrol("c")


def test_the_values_are_listed_not_file_names(shell):
    shell.send("ladder recommend -a arena=\t\t")
    shell.expect_exact("unit_development")  # listed last: both shells sort the list
    listing = shell.before
    assert "care_meeting" in listing and "system_wide" in listing
    assert "somefile" not in listing
    shell.sendcontrol("c")


def test_show_completion_gives_the_script_that_is_sourced(cli):
    shown = cli("--show-completion", "bash").stdout
    assert "COMP_LINE" in shown and "nospace" in shown


def test_the_language_completes_to_a_language_not_a_file(shell):
    words = words_after(shell, "ladder recommend --lang s\t")
    assert words == ["ladder", "recommend", "--lang", "sv"]
