"""Files that are not files, links planted by others, and what a killed write leaves behind."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ladder.answers import MAX_ANSWERS_FILE_BYTES, read_answers_file
from ladder.errors import LadderError, OutputError
from ladder.io.files import open_input, read_limited, write_atomic
from ladder.load.loader import MAX_RULES_BYTES, load_rules

from .conftest import DIABETES, MINI_RULES, ROOT, answer_flags
from .test_safe_writes import spawn, temporaries, wait_for_temporary
from .test_startup import spy_validation

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
    done = through_a_pipe(
        ["recommend", "--answers", "{pipe}", *answer_flags(DIABETES)],
        b"arena: care_meeting\n" + b"#" * (64 * MAX_ANSWERS_FILE_BYTES),
    )
    assert done.returncode == 4 and "larger than" in done.stderr


def test_rules_from_a_pipe_are_bounded_too():
    done = through_a_pipe(["check", "{pipe}", "--lang", "sv"], b"# " + b"x" * (4 * MAX_RULES_BYTES))
    assert done.returncode == 3 and "större än" in done.stdout + done.stderr


def through_a_pipe(args: list[str], payload: bytes) -> subprocess.CompletedProcess[str]:
    """Run ladder with `{pipe}` in `args` naming a pipe (/dev/fd/N) that `payload` is written
    to, as `<(...)` does; the writer stops when ladder closes its end."""
    read_end, write_end = os.pipe()
    named = [arg.replace("{pipe}", f"/dev/fd/{read_end}") for arg in args]
    child = subprocess.Popen(
        [*LADDER, *named],
        pass_fds=(read_end,),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    os.close(read_end)
    with open(write_end, "wb") as writer, contextlib.suppress(BrokenPipeError):
        writer.write(payload)
    stdout, stderr = child.communicate(timeout=30)
    return subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr)


def test_a_pipe_with_a_writer_is_read_and_its_first_bytes_kept():
    read_end, write_end = os.pipe()
    os.write(write_end, b"first\n")  # taken while learning that someone writes
    with open_input(f"/dev/fd/{read_end}") as handle:
        os.write(write_end, b"second\n")
        os.close(write_end)
        assert handle.read() == b"first\nsecond\n"
    os.close(read_end)


def test_a_slow_writer_is_read_to_the_end():
    read_end, write_end = os.pipe()

    def write() -> None:
        for _ in range(5):
            os.write(write_end, b"a" * 1000)
            time.sleep(0.05)
        os.close(write_end)

    writer = threading.Thread(target=write)
    writer.start()
    assert read_limited(f"/dev/fd/{read_end}", 10**6) == b"a" * 5000
    writer.join()
    os.close(read_end)


def test_answers_from_a_pipe_are_used(tmp_path):
    read_end, write_end = os.pipe()
    os.write(write_end, "".join(f"{k}: {v}\n" for k, v in DIABETES.items()).encode())
    os.close(write_end)
    done = run("recommend", "--answers", f"/dev/fd/{read_end}", "-f", "json", pass_fds=(read_end,))
    os.close(read_end)
    assert done.returncode == 0, done.stderr


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


def special_files(folder: Path) -> dict[str, Path]:
    """One of each kind of path that is not a plain file (the fuzz run uses them too)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "named pipe": folder / "fifo",
        "device": Path("/dev/zero"),
        "null device": Path(os.devnull),
        "folder": folder,
        "link loop": folder / "loop",
        "dangling link": folder / "dangling",
        "link to a device": folder / "zero",
    }
    os.mkfifo(paths["named pipe"])
    paths["link loop"].symlink_to("loop")
    paths["dangling link"].symlink_to("nowhere")
    paths["link to a device"].symlink_to("/dev/zero")
    return paths


class Hang(BaseException):
    """Not an OSError (as TimeoutError is), so that no `except OSError` swallows it."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """A hang becomes a failure, not a stuck run."""

    def expire(signum: int, frame: object) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0.5)  # and again, should something catch it
        raise Hang(f"still reading after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_as_rules(path: Path) -> None:
    load_rules(path)


def read_as_answers(path: Path) -> None:
    read_answers_file(path, "sv")


@pytest.mark.parametrize("reader", [read_as_rules, read_as_answers], ids=["rules", "answers"])
def test_every_kind_of_file_is_refused_at_once_and_located(tmp_path, reader):
    for kind, path in special_files(tmp_path / "files").items():
        with deadline(5), pytest.raises(LadderError) as refused:
            reader(path)
        shown = refused.value.message + "\n".join(refused.value.details)
        assert str(path) in shown, kind


# Writing through links: what the kernel's protected_symlinks allows, and nothing more.

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="planting another user's link: root")
OTHER_USER = 12345


def shared_folder(tmp_path: Path) -> Path:
    """A folder like /tmp: sticky and writable by everyone."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o1777)
    return folder


def plant(link: Path, target: Path, owner: int = OTHER_USER) -> Path:
    link.symlink_to(target)
    os.lchown(link, owner, owner)
    return link


@needs_root
@pytest.mark.parametrize("force", [True, False])
def test_another_users_link_in_a_shared_folder_is_not_followed(tmp_path, force):
    victim = tmp_path / "victim.md"
    victim.write_text("the victim's own file\n", encoding="utf-8")
    link = plant(shared_folder(tmp_path) / "record.md", victim)
    with pytest.raises(OutputError, match="symbolic link") as refused:
        write_atomic(link, "overwritten", force=force, lang="en")
    assert str(OTHER_USER) in refused.value.message
    assert victim.read_text(encoding="utf-8") == "the victim's own file\n"


@needs_root
def test_another_users_dangling_link_creates_nothing(cli, tmp_path):
    target = tmp_path / "elsewhere" / "created.md"
    target.parent.mkdir()
    link = plant(shared_folder(tmp_path) / "record.md", target)
    result = cli("recommend", *answer_flags(DIABETES), "-f", "markdown", "-o", str(link))
    assert result.exit_code == 2 and "does not follow" in result.stderr
    assert not target.exists()
    swedish = cli(
        "recommend", *answer_flags(DIABETES), "-f", "json", "-o", str(link), "--lang", "sv"
    )
    assert swedish.exit_code == 2 and "följer den inte" in swedish.stderr


@needs_root
def test_a_planted_link_to_a_folder_is_not_followed_either(tmp_path):
    victims = tmp_path / "victims"
    victims.mkdir()
    link = plant(shared_folder(tmp_path) / "reports", victims)
    with pytest.raises(OutputError, match="symbolic link"):
        write_atomic(link / "record.md", "x", force=True, lang="en")
    assert list(victims.iterdir()) == []


@needs_root
def test_links_of_this_user_or_the_folders_owner_are_followed(tmp_path):
    shared = shared_folder(tmp_path)
    mine = plant(shared / "mine.md", tmp_path / "mine-real.md", owner=os.geteuid())
    write_atomic(mine, "mine", force=False, lang="en")
    assert (tmp_path / "mine-real.md").read_text(encoding="utf-8") == "mine"
    os.chown(shared, OTHER_USER, OTHER_USER)
    theirs = plant(shared / "theirs.md", tmp_path / "theirs-real.md")
    write_atomic(theirs, "theirs", force=False, lang="en")
    assert (tmp_path / "theirs-real.md").read_text(encoding="utf-8") == "theirs"


def test_where_the_file_really_went_is_said(cli, tmp_path):
    real = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to(real.name)
    result = cli("recommend", *answer_flags(DIABETES), "-f", "markdown", "-o", str(link))
    assert result.exit_code == 0 and real.exists()
    assert str(real) in result.stderr and "symbolic link" in result.stderr
    plain = cli("recommend", *answer_flags(DIABETES), "-o", str(tmp_path / "plain.md"))
    assert plain.exit_code == 0 and "symbolic link" not in plain.stderr
    swedish = cli("recommend", *answer_flags(DIABETES), "-o", str(link), "--force", "--lang", "sv")
    assert swedish.exit_code == 0 and "symbolisk länk" in swedish.stderr


def test_a_link_loop_is_a_translated_usage_error(cli, tmp_path):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop.name)
    result = cli("recommend", *answer_flags(DIABETES), "-o", str(loop), "--lang", "sv")
    assert result.exit_code == 2 and "symboliska länkar" in result.stderr


# Temporary files: short names, and what a killed write left is removed by the next one.


def test_a_long_output_name_fits_and_a_too_long_one_is_translated(cli, tmp_path):
    longest = tmp_path / ("r" * 252 + ".md")  # 255 bytes: the longest name most systems allow
    result = cli("recommend", *answer_flags(DIABETES), "-f", "json", "-o", str(longest))
    assert result.exit_code == 0 and longest.exists()
    too_long = tmp_path / ("r" * 253 + ".md")
    result = cli("recommend", *answer_flags(DIABETES), "-o", str(too_long), "--lang", "sv")
    assert result.exit_code == 2 and "filnamnet är för långt" in result.stderr


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporaries_of_a_killed_write_are_removed_by_the_next(tmp_path):
    old = time.time() - 3600
    gone = dead_pid()

    def temporary(name: str, age: float = old) -> Path:
        path = tmp_path / name
        path.write_bytes(b"half a record")
        os.utime(path, (age, age))
        return path

    stale = temporary(f".ladder-{gone}-abcd1234.tmp")
    young = temporary(f".ladder-{gone}-young123.tmp", age=time.time())
    running = temporary(f".ladder-{os.getpid()}-live1234.tmp")
    foreign = temporary(".record.md.x1y2z3.tmp")
    write_atomic(tmp_path / "record.md", "new", force=False, lang="en")
    assert not stale.exists()
    assert young.exists() and running.exists() and foreign.exists()


def test_a_sigkilled_write_leaves_a_temporary_that_the_next_write_removes(tmp_path):
    out = tmp_path / "record.md"
    out.write_text("old", encoding="utf-8")
    child = spawn(out, "--force", slow=30)
    wait_for_temporary(tmp_path, child)
    child.kill()
    child.wait()
    (left,) = temporaries(tmp_path)
    assert left.startswith(".ladder-") and len(left) < 40
    os.utime(tmp_path / left, (time.time() - 3600,) * 2)  # as if it were killed long ago
    write_atomic(out, "new", force=True, lang="en")
    assert temporaries(tmp_path) == [] and out.read_text(encoding="utf-8") == "new"


# The cache: optional, its key kept apart from its entries, a damaged key replaced.


@pytest.fixture()
def cached(tmp_path, monkeypatch):
    monkeypatch.setenv("LADDER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("LADDER_NO_CACHE", raising=False)
    return tmp_path / "cache"


def test_the_key_is_not_kept_beside_the_entries(cached):
    from ladder.load import cache

    load_rules(MINI_RULES)
    key = cache.key_path()
    assert key is not None and key.stat().st_size == 32
    assert cached not in key.parents and list(cached.glob("*key*")) == []


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda key: key.write_bytes(b"short"), id="short"),
        pytest.param(lambda key: key.write_bytes(os.urandom(64)), id="long"),
        pytest.param(lambda key: key.chmod(0o666), id="world-writable"),
    ],
)
def test_a_damaged_key_is_replaced_not_a_cache_off_for_good(cached, monkeypatch, damage):
    from ladder.load import cache

    load_rules(MINI_RULES)
    damage(cache.key_path())
    calls = spy_validation(monkeypatch)
    load_rules(MINI_RULES)  # the key and the entry are made anew
    load_rules(MINI_RULES)
    load_rules(MINI_RULES)
    assert calls == [1]


@pytest.mark.parametrize("change", ["__version__", "__with_libyaml__"])
def test_the_fingerprint_includes_the_yaml_library(monkeypatch, change):
    import yaml

    from ladder.load import cache

    before = cache.fingerprint()
    monkeypatch.setattr(yaml, change, "something else")
    assert cache.fingerprint() != before


def no_home(monkeypatch) -> None:
    """No HOME and a uid with no passwd entry, as in some containers and services."""
    import pwd

    for name in ("HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "LADDER_CACHE_DIR", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)

    def unknown(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", unknown)


def test_no_home_and_no_passwd_entry_works_without_the_cache(cli, monkeypatch):
    no_home(monkeypatch)
    assert cli("steps", "-f", "json").exit_code == 0
    result = cli("recommend", *answer_flags(DIABETES), "-f", "json")
    assert result.exit_code == 0 and "Traceback" not in result.stderr


def test_a_cache_folder_of_its_own_needs_no_home_but_no_key_means_no_entries(
    cli, monkeypatch, tmp_path
):
    no_home(monkeypatch)
    monkeypatch.setenv("LADDER_CACHE_DIR", str(tmp_path / "cache"))
    assert cli("steps", "-f", "json").exit_code == 0
    assert not list((tmp_path / "cache").glob("rules-*.json"))


@pytest.mark.parametrize("planted", ["entry", "key"])
def test_a_pipe_planted_in_the_cache_is_a_miss_not_a_hang(cached, monkeypatch, planted):
    from ladder.load import cache

    loaded = load_rules(MINI_RULES)
    (entry,) = cached.glob("rules-*.json")
    path = entry if planted == "entry" else cache.key_path()
    path.unlink()
    os.mkfifo(path, 0o600)
    calls = spy_validation(monkeypatch)
    with deadline(5):
        assert load_rules(MINI_RULES).rules == loaded.rules
    assert calls == [1]


def test_a_home_that_does_not_exist_is_not_made_and_relative_xdg_folders_are_ignored(
    tmp_path, monkeypatch
):
    from ladder.load import cache

    missing = tmp_path / "nonexistent"
    environ = {"HOME": str(missing)}
    monkeypatch.setenv("HOME", str(missing))
    assert cache.cache_dir(environ) is None and cache.key_path(environ) is None
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    relative = {"HOME": str(home), "XDG_CACHE_HOME": "cache", "XDG_STATE_HOME": "state"}
    assert cache.cache_dir(relative) == home / ".cache" / "ladder"
    assert cache.key_path(relative) == home / ".local" / "state" / "ladder" / "cache-key"


def test_output_to_dev_stdout_on_a_pipe_says_to_use_dash():
    """/dev/stdout on a pipe is a link to no path ('pipe:[N]'): the message is the one for
    anything that is not a regular file, with its hint, not 'no such file'."""
    done = subprocess.run(
        [sys.executable, "-m", "ladder", "recommend", *answer_flags(DIABETES), "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "-o -" in done.stderr and "pipe:[" not in done.stderr
