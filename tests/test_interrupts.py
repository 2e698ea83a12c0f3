"""Ctrl-C (SIGINT) exits 130 and SIGTERM exits 143: one line on stderr, no traceback, nothing
on stdout and no partial or temporary output file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import DIABETES, ROOT, answer_flags

# The child runs the real CLI. READY is touched when the work under test starts; the work is
# then repeated so that the signal lands inside it, not before it.
CHILD = """
import os, sys, time
from pathlib import Path
target, name = os.environ["HOOK"].rsplit(".", 1)
module = __import__(target, fromlist=[name])
original = getattr(module, name)
def hooked(*args, **kwargs):
    Path(os.environ["READY"]).touch()
    for _ in range(10_000):
        result = original(*args, **kwargs)
        if os.environ.get("ONCE"):
            time.sleep(30)
    return result
setattr(module, name, hooked)
sys.argv = ["ladder", *sys.argv[1:]]
from ladder.cli import main
main()
"""

SIGNALS = [(signal.SIGINT, 130, b"Interrupted."), (signal.SIGTERM, 143, b"Terminated")]


def interrupted(tmp_path: Path, hook: str, args: list[str], signum: int, **env: str):
    ready = tmp_path / "ready"
    environ = {**os.environ, "NO_COLOR": "1", "HOOK": hook, "READY": str(ready), **env}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.01)
    time.sleep(0.05)
    child.send_signal(signum)
    stdout, stderr = child.communicate(timeout=60)
    ready.unlink()
    return child.returncode, stdout, stderr


@pytest.mark.parametrize(("signum", "code", "message"), SIGNALS, ids=["sigint", "sigterm"])
def test_recommend_writing_output(tmp_path, signum, code, message):
    out = tmp_path / "out" / "record.json"
    out.parent.mkdir()
    args = ["recommend", *answer_flags(DIABETES), "-f", "json", "-o", str(out)]
    returncode, stdout, stderr = interrupted(tmp_path, "os.fsync", args, signum, ONCE="1")
    assert (returncode, stdout) == (code, b""), stderr
    assert message in stderr and b"Traceback" not in stderr
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize(("signum", "code", "message"), SIGNALS, ids=["sigint", "sigterm"])
def test_check(tmp_path, signum, code, message):
    pytest.importorskip("ladder.check.checker")
    returncode, stdout, stderr = interrupted(
        tmp_path, "ladder.check.checker.check_files", ["check"], signum
    )
    assert (returncode, stdout) == (code, b""), stderr
    assert message in stderr and b"Traceback" not in stderr


# DEC private modes a prompt may switch (cursor hidden, no autowrap, mouse, bracketed paste,
# the alternate screen): whatever it switches off on the way in is switched back at the end.
MODES = (b"25", b"7", b"1000", b"2004", b"1049")


def assert_terminal_restored(output: bytes) -> None:
    for mode in MODES:
        set_, reset = b"\x1b[?" + mode + b"h", b"\x1b[?" + mode + b"l"
        away, back = (reset, set_) if mode in (b"25", b"7") else (set_, reset)
        if away in output:
            assert output.rfind(back) > output.rfind(away), mode


@pytest.mark.slow
@pytest.mark.parametrize(("how", "code"), [("ctrl-c", 130), ("sigterm", 143)])
def test_wizard_in_a_terminal(tmp_path, how, code):
    pexpect = pytest.importorskip("pexpect")
    pytest.importorskip("ladder.interview.wizard")
    env = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8", "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ladder", "wizard", "--lang", "en"],
        cwd=str(tmp_path),
        env=env,
        dimensions=(40, 100),
        timeout=60,
    )
    child.expect("Where does the involvement take place")
    time.sleep(0.3)
    if how == "ctrl-c":
        child.sendcontrol("c")
    else:
        child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code, child.before
    assert b"Traceback" not in child.before
    assert (b"Interrupted." if code == 130 else b"Terminated (SIGTERM).") in child.before
    assert_terminal_restored(child.before)
    assert list(tmp_path.iterdir()) == []
