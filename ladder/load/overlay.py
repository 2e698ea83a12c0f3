"""Overlays: a rules file that `extends` another and says only what differs.

The files of a chain are composed into YAML nodes (each read as the loader reads a rules file:
bounded, limit-walked) and merged node by node, so every value in the merged tree keeps the
mark of the file, line and column that wrote it (marks carry the file's name). The merge rules
are documented in docs/rules.md, "Overlays":

- mappings merge key by key; a key set to null (`~`) removes the base's key;
- lists of items with ids (ID_LISTS) merge by id: an item whose id is in the base is merged
  into that item, in the base's position; a new item goes at the end, or where its `after:` /
  `before:` says; `remove: {LIST: [ids]}` at the top removes items, LIST a dotted path such
  as `structures` or `questions.purpose.options`;
- every other value (scalars, lists of plain values, step variants) replaces the base's.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ladder.errors import Problem, RulesError
from ladder.i18n.messages import t
from ladder.io.files import read_limited
from ladder.io.untrusted import shown
from ladder.load.references import did_you_mean
from ladder.load.shipped import builtin_rules

MAX_CHAIN = 8  # files in one chain: an overlay of an overlay of ... of a full file
IDENTITY = "ladder.overlay/1"

# The lists merged by id ("*" is any item of the list before it), and the key that names items.
ID_LISTS: dict[tuple[str, ...], str] = {
    ("steps",): "id",
    ("questions",): "id",
    ("questions", "*", "options"): "id",
    ("level", "target"): "id",
    ("level", "floors"): "id",
    ("level", "caps"): "id",
    ("structures",): "id",
    ("methods",): "id",
    ("warnings",): "id",
    ("expectations", "parts"): "id",
    ("examples",): "name",
    ("properties",): "id",
}
PLACES = ("after", "before")
OVERLAY_KEYS = ("extends", "remove")  # an overlay's own keys; they never reach the model
NULL = "tag:yaml.org,2002:null"

Node = yaml.Node
N = TypeVar("N", yaml.MappingNode, yaml.SequenceNode)


@dataclass(frozen=True)
class Link:
    """One file of a chain: `spec` is the `extends` value that named it ("" for the first)."""

    name: str
    spec: str
    sha256: str


@dataclass(frozen=True)
class Resolved:
    """The merged rules of a chain. Node marks name the file that wrote each value."""

    root: yaml.MappingNode
    chain: list[Link]  # the file itself first, then its base, the base's base ...
    inherited: list[Node] = field(default_factory=list)  # the bases' own property items

    def raw(self) -> dict[str, Any]:
        """The merged rules as plain data, as yaml.safe_load gives a full file."""
        from ladder.load.loader import Loader

        data: dict[str, Any] = Loader("").construct_document(self.root)
        return data

    @property
    def bases(self) -> list[list[str]]:
        """What the cache records to tell whether a base changed: [spec, sha256] per base."""
        return [[link.spec, link.sha256] for link in self.chain[1:]]

    @property
    def sha256(self) -> str:
        return identity([link.sha256 for link in self.chain])


def identity(shas: list[str]) -> str:
    """`rules.sha256`: a file's own sha256; for an overlay, the sha256 of the line
    `ladder.overlay/1` followed by one line per file of the chain (its sha256), overlay first."""
    if len(shas) == 1:
        return shas[0]
    return hashlib.sha256("\n".join([IDENTITY, *shas]).encode()).hexdigest()


def resolve(path: str | os.PathLike[str], lang: str = "en") -> Resolved:
    """The rules file at `path` with its chain of bases merged in (a full file: itself)."""
    from ladder.load.loader import read_rules_bytes

    data = read_rules_bytes(Path(path), lang)
    return resolve_bytes(data, str(path), lang)


def resolve_bytes(data: bytes, name: str, lang: str = "en") -> Resolved:
    return _Resolver(lang).file(data, name, "", [])


def base_path(spec: str, folder: Path) -> Path | None:
    """Where `extends: spec` points, or None for an unknown builtin name."""
    if spec == "builtin" or spec.startswith("builtin:"):
        return builtin_rules().get(spec.partition(":")[2] or "default")
    return folder / spec


def unchanged(name: str, bases: list[Any]) -> list[str] | None:
    """The sha256 of each file of a cached chain, if every base still has the bytes it had
    when the chain was cached; None when one changed or cannot be read (the cache then
    resolves the chain again). Each base is found from the file before it, as resolve does."""
    from ladder.load.loader import MAX_RULES_BYTES

    folder = Path(name).parent
    shas = []
    try:
        for spec, sha in bases:
            path = base_path(str(spec), folder)
            if path is None:
                return None
            if hashlib.sha256(read_limited(path, MAX_RULES_BYTES)).hexdigest() != sha:
                return None
            shas.append(sha)
            folder = path.parent
    except (OSError, ValueError, TypeError):
        return None
    return shas


def compose(data: bytes, name: str, lang: str) -> Node | None:
    """A rules file's bytes as YAML nodes whose marks carry `name`; errors located in it."""
    from ladder.load.loader import Loader, check_yaml_limits, decode_rules, yaml_invalid

    text = decode_rules(data, name, lang)
    stream = io.StringIO(text)
    stream.name = name  # the reader names every mark after its stream
    try:
        check_yaml_limits(text, lang)
        return yaml.compose(stream, Loader=Loader)
    except (yaml.YAMLError, ValueError) as error:
        raise yaml_invalid(error, text, name, lang) from None


class _Resolver:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.seen: list[str] = []  # real paths of the chain so far: a cycle comes back to one

    def file(self, data: bytes, name: str, spec: str, chain: list[Link]) -> Resolved:
        root = compose(data, name, self.lang)
        if not isinstance(root, yaml.MappingNode):
            raise _error(name, 1, 1, t("rules.not_mapping", self.lang), self.lang)
        link = Link(name, spec, hashlib.sha256(data).hexdigest())
        extends = _value(root, "extends")
        if extends is None:
            return Resolved(root, [link], [])
        base = self.base(extends, name, [*chain, link])
        merged = _Merge(self.lang).mapping(base.root, root, ())
        merged = self.apply_removals(merged, _value(root, "remove"))
        self.check_version(base.root, root)
        inherited = list(base.inherited) + _items(base.root, "properties")
        own = [(k, v) for k, v in merged.value if k.value not in OVERLAY_KEYS]
        return Resolved(_copy(merged, own), [link, *base.chain], inherited)

    def base(self, extends: Node, name: str, chain: list[Link]) -> Resolved:
        from ladder.load.loader import read_rules_bytes

        lang = self.lang
        spec = extends.value if _is_text(extends) else ""
        if not spec:
            raise _at(extends, t("overlay.extends_type", lang), lang)
        path = base_path(spec, Path(name).parent)
        if path is None:
            known = [f"builtin:{n}" for n in builtin_rules() if n != "default"]
            hint = did_you_mean(spec, ["builtin", *known], lang)
            raise _at(extends, t("overlay.unknown_builtin", lang, name=shown(spec)) + hint, lang)
        real = os.path.realpath(path)
        here = os.path.realpath(name)
        if real in [*self.seen, here]:
            files = " -> ".join([*(link.name for link in chain), str(path)])
            raise _at(extends, t("overlay.cycle", lang, chain=files), lang)
        if len(chain) >= MAX_CHAIN:
            raise _at(extends, t("overlay.too_long", lang, limit=MAX_CHAIN), lang)
        self.seen.append(here)
        try:
            data = read_rules_bytes(path, lang)
        except RulesError as error:
            if error.problems:  # too large: already located in the base
                raise
            raise _at(extends, error.message, lang) from None
        return self.file(data, str(path), spec, chain)

    def check_version(self, base: yaml.MappingNode, over: yaml.MappingNode) -> None:
        mine, theirs = _value(over, "version"), _value(base, "version")
        if mine is None or theirs is None or mine.value == theirs.value:
            return
        lang, name = self.lang, theirs.start_mark.name
        message = t("overlay.version", lang, version=mine.value, base=theirs.value, file=name)
        raise _at(mine, message, lang)

    def apply_removals(self, merged: yaml.MappingNode, remove: Node | None) -> yaml.MappingNode:
        if remove is None:
            return merged
        if not isinstance(remove, yaml.MappingNode):
            raise _at(remove, t("overlay.remove_type", self.lang), self.lang)
        for key, ids in remove.value:
            if not isinstance(ids, yaml.SequenceNode) or not all(map(_is_text, ids.value)):
                raise _at(ids, t("overlay.remove_type", self.lang), self.lang)
            parts = str(key.value).split(".")
            found = _Remove(self.lang, key, ids).under(merged, parts, ())
            assert isinstance(found, yaml.MappingNode)
            merged = found
        return merged


class _Merge:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def node(self, base: Node, over: Node, path: tuple[str, ...]) -> Node:
        if isinstance(base, yaml.MappingNode) and isinstance(over, yaml.MappingNode):
            return self.mapping(base, over, path)
        key = ID_LISTS.get(path)
        if key and isinstance(base, yaml.SequenceNode) and isinstance(over, yaml.SequenceNode):
            return self.items(base, over, path, key)
        return over

    def mapping(
        self, base: yaml.MappingNode, over: yaml.MappingNode, path: tuple[str, ...]
    ) -> yaml.MappingNode:
        pairs: list[tuple[Node, Node] | None] = list(base.value)
        where = {k.value: i for i, (k, _) in enumerate(base.value) if _is_text(k)}
        for key, value in over.value:
            i = where.get(key.value) if _is_text(key) else None
            if value.tag == NULL and isinstance(value, yaml.ScalarNode):
                if i is not None:
                    pairs[i] = None  # null removes the base's key
                continue
            if i is None:
                where[key.value] = len(pairs)
                pairs.append((key, value))
                continue
            old = pairs[i]
            merged = self.node(old[1], value, (*path, key.value)) if old else value
            pairs[i] = (key, merged)
        return _copy(base, [p for p in pairs if p is not None])

    def items(
        self, base: yaml.SequenceNode, over: yaml.SequenceNode, path: tuple[str, ...], key: str
    ) -> yaml.SequenceNode:
        items = list(base.value)
        known = {_id(old, key) for old in items}
        for item in over.value:
            ident = _id(item, key)
            place = self.place(item)
            item = _without(item, PLACES)
            if key == "name" and ident not in known and isinstance(item, yaml.MappingNode):
                self.new_example(item, ident, known)
            at = next((i for i, old in enumerate(items) if _id(old, key) == ident), None)
            if at is not None and ident is not None:
                items[at] = self.node(items[at], item, (*path, "*"))
                if not place:
                    continue
                item = items.pop(at)
            if place:
                items.insert(self.position(items, place, key), item)
            else:
                items.append(item)
        return _copy(base, items)

    def place(self, item: Node) -> tuple[str, Node] | None:
        """The item's `after:` or `before:`; both at once is refused, since they can disagree."""
        found = _places(item)
        if found and isinstance(item, yaml.MappingNode):
            keys = [k for k, _ in item.value if _is_text(k) and k.value in PLACES]
            if len(keys) > 1:
                raise _at(keys[1], t("overlay.two_places", self.lang), self.lang)
        return found

    def new_example(self, item: yaml.MappingNode, name: str | None, known: set[str | None]) -> None:
        """A new example without answers is most likely a base example's name mistyped."""
        if _value(item, "answers") is not None:
            return
        names = [n for n in known if n]
        hint = did_you_mean(str(name), names, self.lang)
        message = t("overlay.unknown_example", self.lang, name=shown(str(name)))
        raise _at(_value(item, "name") or item, message + hint, self.lang)

    def position(self, items: list[Node], place: tuple[str, Node], key: str) -> int:
        where, target = place
        ids = [_id(item, key) for item in items]
        if not _is_text(target) or target.value not in ids:
            hint = did_you_mean(str(target.value), [i for i in ids if i], self.lang)
            message = t("overlay.unknown_place", self.lang, id=shown(str(target.value)))
            raise _at(target, message + hint, self.lang)
        index = ids.index(target.value)
        return index + 1 if where == "after" else index


class _Remove:
    """Takes items out of the list a dotted path names, copying the nodes on the way."""

    def __init__(self, lang: str, key: Node, ids: yaml.SequenceNode) -> None:
        self.lang, self.key, self.ids = lang, key, ids

    def under(self, node: Node, parts: list[str], path: tuple[str, ...]) -> Node:
        id_key = ID_LISTS.get(path)
        if not parts:
            if id_key is None or not isinstance(node, yaml.SequenceNode):
                raise self.bad_path()
            return self.remove(node, id_key)
        head, rest = parts[0], parts[1:]
        if id_key is not None and isinstance(node, yaml.SequenceNode):
            items = list(node.value)
            ids = [_id(item, id_key) for item in items]
            if head not in ids:
                raise self.bad_path()
            at = ids.index(head)
            items[at] = self.under(items[at], rest, (*path, "*"))
            return _copy(node, items)
        if not isinstance(node, yaml.MappingNode):
            raise self.bad_path()
        pairs = list(node.value)
        for i, (k, v) in enumerate(pairs):
            if k.value == head:
                pairs[i] = (k, self.under(v, rest, (*path, head)))
                return _copy(node, pairs)
        raise self.bad_path()

    def bad_path(self) -> RulesError:
        lists = [".".join(p).replace("*", "ID") for p in ID_LISTS]
        hint = did_you_mean(str(self.key.value), lists, self.lang)
        message = t("overlay.remove_path", self.lang, key=shown(self.key.value))
        return _at(self.key, message + hint, self.lang)

    def remove(self, node: yaml.SequenceNode, id_key: str) -> Node:
        items = list(node.value)
        for ident in self.ids.value:
            ids = [_id(item, id_key) for item in items]
            if ident.value not in ids:
                hint = did_you_mean(ident.value, [i for i in ids if i], self.lang)
                message = t("overlay.unknown_id", self.lang, id=shown(ident.value))
                raise _at(ident, message + hint, self.lang)
            items.pop(ids.index(ident.value))
        return _copy(node, items)


# Nodes


def _copy(node: N, value: list[Any]) -> N:
    """A new node like `node` (same tag and marks) holding `value`; inputs are never changed."""
    made: N = type(node)(node.tag, value, node.start_mark, node.end_mark, node.flow_style)
    return made


def _is_text(node: Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str"


def _value(mapping: yaml.MappingNode, key: str) -> Node | None:
    return next((v for k, v in mapping.value if _is_text(k) and k.value == key), None)


def _id(item: Node, key: str) -> str | None:
    if not isinstance(item, yaml.MappingNode):
        return None
    value = _value(item, key)
    return value.value if value is not None and _is_text(value) else None


def _places(item: Node) -> tuple[str, Node] | None:
    if not isinstance(item, yaml.MappingNode):
        return None
    found = [(k.value, v) for k, v in item.value if _is_text(k) and k.value in PLACES]
    return found[0] if found else None


def _without(item: Node, keys: tuple[str, ...]) -> Node:
    if not isinstance(item, yaml.MappingNode):
        return item
    return _copy(item, [(k, v) for k, v in item.value if not (_is_text(k) and k.value in keys)])


def _items(root: yaml.MappingNode, key: str) -> list[Node]:
    found = _value(root, key)
    return list(found.value) if isinstance(found, yaml.SequenceNode) else []


def _at(node: Node, message: str, lang: str) -> RulesError:
    mark = node.start_mark
    return _error(mark.name, mark.line + 1, mark.column + 1, message, lang)


def _error(name: str, line: int, column: int, message: str, lang: str) -> RulesError:
    from ladder.load.loader import invalid

    return invalid(name, lang, [Problem(name, line, column, "", message)])
