"""A per-user cache of validated rules: start-up skips YAML parsing and validation on a hit.

An entry is used only when every check holds; otherwise the rules file is validated in full
(and the entry rewritten):

- its name carries the sha256 of the rules file's bytes, so an edited file never meets it;
- an overlay's entry lists the sha256 of each base in its chain, and is used only while every
  base, found again from the overlay's folder, still has those bytes;
- it records a fingerprint of the code that validated it (the package's sources, pydantic,
  Python), so a new version of ladder never trusts what an older one accepted;
- its HMAC matches, keyed by a random per-user key kept where entries are not (the user's
  state folder, not the cache folder), so an entry copied in with a cache folder (a shared
  LADDER_CACHE_DIR, a CI cache of ~/.cache) or truncated is rejected; against the user
  themself it protects nothing, nor needs to: they can edit the rules and the code alike;
- on POSIX, the folders, key and entry belong to the user and nobody else can write them.

A key that is corrupt, short or not private is replaced on the next store (its entries are
then rejected and rewritten), so a damaged key never turns the cache off for good. With no
home folder the cache is off and everything else works.

Entries are JSON, never pickles: the worst a bad entry can do is be rejected. Only rules
that passed every check are stored, so errors are always reported from the file itself.
Set LADDER_NO_CACHE=1 to turn the cache off, LADDER_CACHE_DIR to move it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import sys
import tempfile
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ladder.io.files import open_input

FORMAT = 1
KEY_BYTES = 32
KEEP_ENTRIES = 16  # one entry per distinct rules file; editing rules should not fill the disk
PREFIX = "rules-"

Build = Callable[[Any], Any]


def cache_dir(environ: typing.Mapping[str, str] | None = None) -> Path | None:
    """Where entries live, or None when the cache is turned off (or there is no home)."""
    env = os.environ if environ is None else environ
    if env.get("LADDER_NO_CACHE", "") not in ("", "0"):
        return None
    if env.get("LADDER_CACHE_DIR"):
        return Path(env["LADDER_CACHE_DIR"])
    if sys.platform == "win32":
        return _under(env.get("LOCALAPPDATA"), "AppData/Local", "ladder")
    if sys.platform == "darwin":
        return _under(None, "Library/Caches", "ladder")
    return _under(env.get("XDG_CACHE_HOME"), ".cache", "ladder")


def key_path(environ: typing.Mapping[str, str] | None = None) -> Path | None:
    """The signing key: in the user's state folder, never beside the entries it signs."""
    env = os.environ if environ is None else environ
    if sys.platform == "win32":
        return _under(env.get("LOCALAPPDATA"), "AppData/Local", "ladder-state/cache-key")
    return _under(env.get("XDG_STATE_HOME"), ".local/state", "ladder/cache-key")


def _under(base: str | None, in_home: str, name: str) -> Path | None:
    """`base/name`, else `~/in_home/name`; None when there is no home (no HOME and no passwd
    entry for this uid: a container, a service): the cache is optional."""
    if base and os.path.isabs(base):  # a relative one is to be ignored (XDG base directories)
        return Path(base) / name
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):
        return None
    # a home that does not exist (HOME=/nonexistent for a service) is not made by a cache
    return home / in_home / name if home.is_dir() else None


def load(
    sha256: str, model: type[BaseModel], bases_unchanged: Callable[[list[Any]], bool] | None = None
) -> Any | None:
    """The validated rules stored for a file with this sha256, or None (never raises).

    An overlay's entry also records its bases ([extends value, sha256] each): it is used only
    when `bases_unchanged` confirms that every base still has those bytes."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = folder / f"{PREFIX}{sha256}.json"
        with open_input(entry) as handle:  # a pipe or device planted here: refused, no hang
            if not _private(os.fstat(handle.fileno())) or not _private(os.stat(folder)):
                return None
            blob = handle.read()
        mac, _, payload = blob.partition(b"\n")
        key = _read_key()
        if key is None or not hmac.compare_digest(mac, _sign(key, payload)):
            return None
        data = json.loads(payload)
        if data.get("format") != FORMAT or data.get("sha256") != sha256:
            return None
        if data.get("fingerprint") != fingerprint():
            return None
        bases = data.get("bases", [])
        if bases and (bases_unchanged is None or not bases_unchanged(bases)):
            return None
        rules = build(model, data["rules"])
        os.utime(entry)  # pruning keeps the most recently used entries
        return rules
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # Unsupported is a TypeError


def store(sha256: str, rules: BaseModel, bases: list[list[str]] | None = None) -> None:
    """Remember rules that passed every check (for an overlay, with the bases it was merged
    from); any failure only means no cache."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError, ValueError, TypeError):
        plan(type(rules))  # refuse models this module cannot rebuild, before writing
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(os.stat(folder)):
            return
        key = _read_key() or _new_key()
        if key is None:
            return
        data = {
            "format": FORMAT,
            "sha256": sha256,
            "fingerprint": fingerprint(),
            "bases": bases or [],
            "rules": rules.model_dump(mode="json", by_alias=True, exclude_unset=True),
        }
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        _write_private(folder / f"{PREFIX}{sha256}.json", _sign(key, payload) + b"\n" + payload)
        _prune(folder)


def fingerprint() -> str:
    """What decides whether stored rules are still valid: this package's code, pydantic,
    Python, and the YAML library (its version, and whether libyaml parses)."""
    import pydantic_core
    import yaml
    from pydantic.version import VERSION

    libraries = f"{VERSION}|{pydantic_core.__version__}|{yaml.__version__}|{yaml.__with_libyaml__}"
    digest = hashlib.sha256(f"{FORMAT}|{libraries}|{sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


# Rebuilding models without validation: the entry was validated when it was stored.


class Unsupported(TypeError):
    """A field type this module cannot rebuild; such rules are never cached."""


Plan = list[tuple[str, str, "Build | None", "Callable[[], Any] | None"]]
_PLANS: dict[type[BaseModel], Plan] = {}


def build(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """`model` from its `model_dump(by_alias=True, exclude_unset=True)`, without validating.

    The same fields count as set as after validation, so dumps and equality are unchanged.
    Defaults are filled here: pydantic's own path inspects each factory's signature, which
    costs more than the rest of the load.
    """
    values = {}
    given = set()
    for name, alias, convert, default in plan(model):
        if alias in data:
            value = data[alias]
            values[name] = convert(value) if convert is not None else value
            given.add(name)
        elif default is None:
            raise KeyError(f"cached rules lack {alias}")
        else:
            values[name] = default()
    if len(given) != len(data):
        raise KeyError("unknown field in cached rules")
    return model.model_construct(given, **values)


def plan(model: type[BaseModel]) -> Plan:
    found = _PLANS.get(model)
    if found is None:
        found = [
            (name, field.alias or name, _converter(field.annotation), _default(field))
            for name, field in model.model_fields.items()
        ]
        _PLANS[model] = found
    return found


def _default(field: Any) -> Callable[[], Any] | None:
    if field.default_factory is not None:
        return field.default_factory  # type: ignore[no-any-return]
    if field.is_required():
        return None
    value = field.default
    if value is None or isinstance(value, bool | int | float | str):
        return lambda: value
    raise Unsupported(f"mutable default {value!r}")


def _converter(annotation: Any) -> Build | None:
    """How to rebuild a value of this type, or None when plain JSON data is the value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        inner = annotation
        return lambda value: build(inner, value)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin is list:
        item = _converter(args[0]) if args else None
        return (lambda value: [item(v) for v in value]) if item else None
    if origin is dict:
        entry = _converter(args[1]) if len(args) == 2 else None
        return (lambda value: {k: entry(v) for k, v in value.items()}) if entry else None
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            one = _converter(options[0])
            return (lambda value: None if value is None else one(value)) if one else None
    if origin is typing.Literal or not _mentions_model(annotation):
        return None
    raise Unsupported(repr(annotation))


def _mentions_model(annotation: Any) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    return any(_mentions_model(a) for a in typing.get_args(annotation))


# The key and the files.


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).hexdigest().encode("ascii")


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (true where POSIX modes do not apply)."""
    if os.name != "posix":
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _read_key() -> bytes | None:
    """This user's key, or None when it is missing, damaged or readable by others."""
    path = key_path()
    if path is None:
        return None
    try:
        with open_input(path) as handle:
            if not _private(os.fstat(handle.fileno())) or not _private(os.stat(path.parent)):
                return None
            key = handle.read(KEY_BYTES + 1)
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


def _new_key() -> bytes | None:
    """A fresh key in place of a missing or damaged one (entries signed with the old one are
    then rejected and rewritten)."""
    path = key_path()
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not _private(os.stat(path.parent)):
        return None
    key = os.urandom(KEY_BYTES)
    _write_private(path, key)
    return key


def _write_private(path: Path, blob: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"{PREFIX}*.json"), key=_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
