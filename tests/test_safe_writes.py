"""Safe writes: a process killed while writing --output leaves the old file or the new one,
whole; SIGTERM leaves no temporary file; nothing is overwritten without --force."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ladder.errors import OutputError
from ladder.io import files
from ladder.io.files import write_atomic

from .conftest import DIABETES, ROOT, answer_flags

OLD = "the old record, whole\n" * 1000
# The child runs the real CLI; SLOW_FSYNC widens the window between writing and renaming.
CHILD = """
import os, sys, time
if os.environ.get("SLOW_FSYNC"):
    real = os.fsync
    def slow(fd):
        real(fd)
        time.sleep(float(os.environ["SLOW_FSYNC"]))
    os.fsync = slow
sys.argv = ["ladder", *sys.argv[1:]]
from ladder.cli import main
main()
"""


def spawn(out: Path, *extra: str, slow: float | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    if slow:
        env["SLOW_FSYNC"] = str(slow)
    args = [
        "recommend",
        *answer_flags(DIABETES),
        "-a",
        "project=" + "P" * 150,
        "-f",
        "markdown",
        "-o",
        str(out),
        *extra,
    ]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def wait_for_temporary(folder: Path, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while not temporaries(folder):
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.005)


def new_record(tmp_path: Path) -> str:
    fresh = tmp_path / "fresh" / "record.md"
    fresh.parent.mkdir()
    child = spawn(fresh)
    assert child.wait(timeout=60) == 0, child.communicate()
    return fresh.read_text(encoding="utf-8")


def test_sigkill_mid_write_leaves_the_old_file_whole(tmp_path):
    out = tmp_path / "record.md"
    out.write_text(OLD, encoding="utf-8")
    child = spawn(out, "--force", slow=30)
    wait_for_temporary(tmp_path, child)
    child.kill()
    child.wait(timeout=30)
    assert out.read_text(encoding="utf-8") == OLD


def test_sigterm_mid_write_exits_143_and_cleans_up(tmp_path):
    out = tmp_path / "record.md"
    out.write_text(OLD, encoding="utf-8")
    child = spawn(out, "--force", slow=30)
    wait_for_temporary(tmp_path, child)
    child.send_signal(signal.SIGTERM)
    stdout, stderr = child.communicate(timeout=30)
    assert child.returncode == 143, stderr
    assert b"Terminated" in stderr and b"Traceback" not in stderr and stdout == b""
    assert out.read_text(encoding="utf-8") == OLD
    assert temporaries(tmp_path) == []


def test_sigterm_mid_write_of_a_new_file_leaves_nothing(tmp_path):
    out = tmp_path / "record.md"
    child = spawn(out, slow=30)
    wait_for_temporary(tmp_path, child)
    child.send_signal(signal.SIGTERM)
    child.communicate(timeout=30)
    assert child.returncode == 143
    assert list(tmp_path.iterdir()) == []


def test_sigkill_at_random_moments_finds_old_or_new_whole(tmp_path):
    new = new_record(tmp_path)
    out = tmp_path / "record.md"
    rng = random.Random(5)
    outcomes = set()
    for _ in range(8):
        out.write_text(OLD, encoding="utf-8")
        child = spawn(out, "--force")
        time.sleep(rng.uniform(0.05, 0.8))
        child.kill()
        child.wait(timeout=30)
        content = out.read_text(encoding="utf-8")
        assert content in (OLD, new)
        outcomes.add("new" if content == new else "old")
        for name in temporaries(tmp_path):  # SIGKILL cannot clean up; the target is still whole
            (tmp_path / name).unlink()
    assert outcomes  # which ones occur depends on the machine's speed


def test_no_overwrite_without_force_even_if_the_file_appears_meanwhile(tmp_path, monkeypatch):
    out = tmp_path / "record.md"
    real_fsync = os.fsync

    def racing_fsync(fd: int) -> None:
        real_fsync(fd)
        if not out.exists():
            out.write_text("someone else's file", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", racing_fsync)
    with pytest.raises(OutputError, match="--force"):
        write_atomic(out, "mine", force=False, lang="en")
    assert out.read_text(encoding="utf-8") == "someone else's file"
    assert temporaries(tmp_path) == []


def test_permissions_of_an_existing_file_are_kept(tmp_path):
    out = tmp_path / "record.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    write_atomic(out, "new", force=True, lang="en")
    assert out.read_text(encoding="utf-8") == "new" and (out.stat().st_mode & 0o777) == 0o640


@pytest.mark.parametrize("target", ["missing-folder/record.md", "."])
def test_unwritable_targets_are_usage_errors(cli, tmp_path, target):
    result = cli("recommend", *answer_flags(DIABETES), "-f", "json", "-o", str(tmp_path / target))
    assert result.exit_code == 2 and "could not be written" in result.stderr
    assert "Traceback" not in result.stderr


def test_force_writes_through_a_symbolic_link_and_keeps_it(tmp_path):
    from ladder.io.files import write_atomic

    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real.name)
    write_atomic(link, "new", force=True, lang="en")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("force", [True, False])
def test_pipes_devices_and_folders_are_refused_not_replaced(tmp_path, force):
    from ladder.errors import OutputError
    from ladder.io.files import write_atomic

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path, Path(os.devnull)):
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic(target, "x", force=force, lang="en")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]


def test_an_interrupt_just_after_the_temporary_is_created_leaves_nothing(tmp_path, monkeypatch):
    """A signal can arrive between the creation of the temporary and the code that would
    remove it; the name is known before the file exists, so the clean-up still finds it."""
    real_open = os.open

    def open_then_interrupt(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if str(path).endswith(".tmp"):
            os.close(fd)
            raise KeyboardInterrupt
        return fd

    monkeypatch.setattr(os, "open", open_then_interrupt)
    with (
        pytest.raises(KeyboardInterrupt),
        files.open_atomic(tmp_path / "record.md", force=False, lang="en"),
    ):
        pass
    assert list(tmp_path.iterdir()) == []
