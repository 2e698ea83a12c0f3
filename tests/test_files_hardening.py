"""Files that are not files, links planted by others, and what a killed write leaves behind."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys

import pytest

from ladder.answers import MAX_ANSWERS_FILE_BYTES
from ladder.files import open_input, read_limited

from .conftest import DIABETES, ROOT, answer_flags

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX files, links and owners")
LADDER = [sys.executable, "-m", "ladder"]


def run(*args: str, timeout: float = 30, **kwargs) -> subprocess.CompletedProcess[str]:
    """A real `ladder`: a hang shows as a timeout, not as a stuck test run."""
    return subprocess.run(
        [*LADDER, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT, **kwargs
    )


# Reading: at most limit + 1 bytes from anything; never a hang in open().


def test_a_named_pipe_nobody_writes_to_is_refused_at_once(tmp_path):
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    done = run("check", str(fifo), timeout=10)
    assert done.returncode == 3
    assert str(fifo) in done.stdout + done.stderr and "pipe" in done.stdout + done.stderr
    done = run("recommend", "--answers", str(fifo), *answer_flags(DIABETES), timeout=10)
    assert done.returncode == 4 and str(fifo) in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_not_read(device):
    done = run("recommend", "--answers", device, *answer_flags(DIABETES), timeout=10)
    assert done.returncode == 4 and device in done.stderr and "regular file" in done.stderr
    done = run("check", device, timeout=10)
    assert done.returncode == 3 and "regular file" in done.stdout
    done = run("batch", device, "--input-format", "jsonl", timeout=10)
    assert done.returncode == 4 and "regular file" in done.stderr


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "answers.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        done = run("recommend", "--answers", str(path), *answer_flags(DIABETES), timeout=10)
    assert done.returncode == 4 and "regular file" in done.stderr


def test_a_pipe_is_read_with_the_same_bound_as_a_file():
    """`--answers <(...)`: a pipe has no size to check first, so the read itself is bounded."""
    read_end, write_end = os.pipe()
    child = subprocess.Popen(
        [*LADDER, "recommend", "--answers", f"/dev/fd/{read_end}", *answer_flags(DIABETES)],
        pass_fds=(read_end,),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    os.close(read_end)
    with open(write_end, "wb") as writer, contextlib.suppress(BrokenPipeError):
        writer.write(b"arena: care_meeting\n" + b"#" * (64 * MAX_ANSWERS_FILE_BYTES))
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 4 and "larger than" in stderr


def test_a_pipe_with_a_writer_is_read_and_its_first_bytes_kept():
    read_end, write_end = os.pipe()
    os.write(write_end, b"first\n")  # taken while learning that someone writes
    with open_input(f"/dev/fd/{read_end}") as handle:
        os.write(write_end, b"second\n")
        os.close(write_end)
        assert handle.read() == b"first\nsecond\n"
    os.close(read_end)


def test_a_pipe_read_stops_one_byte_past_the_limit():
    read_end, write_end = os.pipe()
    os.write(write_end, b"z" * 5000)
    assert read_limited(f"/dev/fd/{read_end}", 100) == b"z" * 101
    os.close(write_end)
    os.close(read_end)


def test_a_regular_file_reads_at_most_one_byte_past_the_limit(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"y" * 5000)
    assert read_limited(path, 100) == b"y" * 101
    assert read_limited(path, 10_000) == b"y" * 5000
