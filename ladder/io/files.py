"""Files: reading inputs with a bound and without hanging; atomic writes (a temporary file in
the same folder, fsynced, then moved into place)."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from ladder.errors import NotAFileError, OutputError
from ladder.i18n.messages import os_problem, t
from ladder.io.untrusted import shown

SETTLE_BYTES = 32 * 1024 * 1024
NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a named pipe then never waits for a writer
READ_FLAGS = os.O_RDONLY | NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the file at `path`, at most `limit` + 1 of them: the caller tells "too
    large" from the length, and nothing larger is ever held. See `open_input`."""
    with open_input(path) as handle:
        size = _regular_size(handle)
        if size is not None and size < limit:  # no buffer of `limit` bytes for a small file
            data = handle.read(size + 1)
            return data if len(data) <= size else data + handle.read(limit - len(data) + 1)
        return handle.read(limit + 1)


def _regular_size(handle: BinaryIO) -> int | None:
    """The size of a regular file now (it may still grow), None for a pipe."""
    info = os.fstat(handle.fileno())
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """A file or a pipe to read from (a pipe: `<(...)`, a named pipe with a writer). Opening
    never blocks, and what cannot be read sensibly raises NotAFileError at once: a device or
    a socket (never opened: opening some devices has effects), a pipe nobody writes to."""
    if _refused(os.stat(path).st_mode):
        raise NotAFileError(path)
    fd = os.open(path, READ_FLAGS)
    try:
        mode = os.fstat(fd).st_mode  # what was opened, should the path have changed meanwhile
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if _refused(mode):
            raise NotAFileError(path)
        head = _first_bytes_of_pipe(fd, path) if stat.S_ISFIFO(mode) else b""
        if NONBLOCK:
            os.set_blocking(fd, True)
        return io.BufferedReader(_Prefixed(fd, head))
    except BaseException:
        os.close(fd)
        raise


def _refused(mode: int) -> bool:
    return not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISDIR(mode))


def _first_bytes_of_pipe(fd: int, path: str | os.PathLike[str]) -> bytes:
    """Whatever a pipe holds already; an end of file before anything means nobody writes."""
    try:
        head = os.read(fd, io.DEFAULT_BUFFER_SIZE)
    except BlockingIOError:  # a writer, with nothing written yet
        return b""
    if not head:
        raise NotAFileError(path, pipe=True)
    return head


class _Prefixed(io.RawIOBase):
    """A file descriptor read after the bytes already taken from it."""

    def __init__(self, fd: int, head: bytes) -> None:
        self._fd = fd
        self._head = head

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size], self._head = self._head[:size], self._head[size:]
            return size
        return os.readv(self._fd, [buffer])

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


TEMP_PREFIX = ".ladder-"  # short, whatever the target's name: a long name still fits
TEMP_SUFFIX = ".tmp"
TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
STALE_SECONDS = 10 * 60  # a writer's temporary file grows as it writes
MAX_LINKS = 40  # as the kernel's limit on links followed in one path


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike[str], *, force: bool, lang: str) -> Iterator[BinaryIO]:
    """A binary file to write `path` through: it appears whole when the block ends, or not at
    all if the block raises. Never overwrites unless `force`. A symbolic link is written
    through (the file it points to is replaced, the link stays), unless another user planted
    it in a shared folder; a folder, device or named pipe is refused rather than replaced."""
    named = Path(path)
    target = resolve_output(path, lang)
    not_a_file = OutputError(
        t("output.failed", lang, file=named, reason=t("output.not_a_file", lang)),
        str(named),
        not_a_file=True,
    )
    if target.exists() and not target.is_file():
        raise not_a_file
    if not target.exists():  # /dev/stdout on a pipe resolves to no path ("pipe:[N]") at all
        with contextlib.suppress(OSError):
            if not stat.S_ISREG(os.stat(path).st_mode):
                raise not_a_file
    if target.exists() and not force:
        raise OutputError(t("output.exists", lang, file=named))
    folder = target.parent
    _remove_stale_temporaries(folder)
    tmp = ""
    try:
        while True:  # named before it is created: an interrupt at any moment still removes it
            tmp = _temporary_name(folder)
            with contextlib.suppress(FileExistsError):
                fd = os.open(tmp, TEMP_FLAGS, 0o600)
                break
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        if force:
            os.replace(tmp, target)
        else:
            _link_no_clobber(tmp, target, lang)
    except OSError as error:
        raise OutputError(
            t("output.failed", lang, file=target, reason=os_problem(error, lang))
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _temporary_name(folder: Path) -> str:
    """A name for a temporary in `folder`: short, with the writer's pid (for the clean-up of
    stale ones) and random bytes, as mkstemp would give."""
    return str(folder / f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}")


def resolve_output(path: str | os.PathLike[str], lang: str) -> Path:
    """Where writing `path` really goes: every symbolic link on the way followed, as
    realpath() does, except one that the kernel's protected_symlinks would not follow either:
    a link in a sticky or world-writable folder, owned by neither this user nor the folder's
    owner (another user's trap in /tmp)."""
    if os.name != "posix":
        return Path(os.path.realpath(path))
    resolved = Path("/")
    pending = list(reversed(Path(os.getcwd(), path).parts[1:]))
    links = 0
    while pending:
        name = pending.pop()
        if name in ("", "."):
            continue
        if name == "..":
            resolved = resolved.parent
            continue
        step = resolved / name
        try:
            info = os.lstat(step)
        except OSError:  # not there (yet): the write itself will say what is wrong
            resolved = step
            continue
        if not stat.S_ISLNK(info.st_mode):
            resolved = step
            continue
        links += 1
        if links > MAX_LINKS:
            reason = t("os.link_loop", lang)
            raise OutputError(t("output.failed", lang, file=path, reason=reason))
        _refuse_foreign_link(step, info, lang)
        target = Path(os.readlink(step))
        if target.is_absolute():
            resolved = Path("/")
        pending.extend(reversed(target.parts[1:] if target.is_absolute() else target.parts))
    return resolved


def _refuse_foreign_link(link: Path, info: os.stat_result, lang: str) -> None:
    folder = os.stat(link.parent)
    shared = folder.st_mode & (stat.S_ISVTX | stat.S_IWOTH)
    if shared and info.st_uid not in (os.geteuid(), folder.st_uid):
        raise OutputError(t("output.foreign_link", lang, link=link, owner=info.st_uid))


def written_message(path: str | os.PathLike[str], lang: str) -> str:
    """ "Wrote FILE", and where the bytes really went when FILE is reached through a link."""
    target = os.path.realpath(path)
    if target == os.path.abspath(path):
        return t("output.written", lang, file=shown(path))
    return t("output.through_link", lang, file=shown(path), target=shown(target))


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files of ladder's own naming that a killed write left (SIGKILL cannot clean
    up): only this user's, only when their writer is gone and they stopped growing."""
    if os.name != "posix":  # no os.kill(pid, 0) there
        return
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError, ValueError):
                info = entry.stat(follow_symlinks=False)
                pid = int(entry.name[len(TEMP_PREFIX) :].partition("-")[0])
                old = now - info.st_mtime > STALE_SECONDS
                mine = stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid()
                if mine and old and not _alive(pid):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def write_atomic(
    path: str | os.PathLike[str], text: str | bytes, *, force: bool, lang: str
) -> Path:
    """Write `text` (UTF-8; bytes as they are) to `path`. Never overwrites unless `force`;
    never leaves half a file."""
    with open_atomic(path, force=force, lang=lang) as handle:
        handle.write(text.encode("utf-8") if isinstance(text, str) else text)
    return Path(path)


def settle(handle: IO[bytes], start: int, end: int) -> None:
    """Send bytes start..end of a file being written to disk and drop them from the page cache:
    a large output then needs no long fsync at the end, and does not crowd out the cache."""
    handle.flush()
    getattr(os, "fdatasync", os.fsync)(handle.fileno())
    if hasattr(os, "posix_fadvise"):  # Linux: the pages are clean now, so they can go
        os.posix_fadvise(handle.fileno(), start, end - start, os.POSIX_FADV_DONTNEED)


def _link_no_clobber(tmp: str, target: Path, lang: str) -> None:
    """Move into place unless the target appeared meanwhile (a hard link fails if it exists)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputError(t("output.exists", lang, file=target)) from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise OutputError(t("output.exists", lang, file=target)) from None
        os.replace(tmp, target)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
