"""Atomic file writes: a temporary file in the same folder, fsynced, then moved into place."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import OutputError
from .messages import t


def write_atomic(path: str | os.PathLike[str], text: str, *, force: bool, lang: str) -> Path:
    """Write `text` (UTF-8) to `path`. Never overwrites unless `force`; never leaves half a file."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(t("output.failed", lang, file=target, reason="is a directory"))
    if target.exists() and not force:
        raise OutputError(t("output.exists", lang, file=target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(t("output.failed", lang, file=target, reason=error.strerror)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        if force:
            os.replace(tmp, target)
        else:
            _link_no_clobber(tmp, target, lang)
    except OSError as error:
        raise OutputError(t("output.failed", lang, file=target, reason=error.strerror)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return target


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
