"""What `ladder diff` finds in the files themselves, beside the answers: items renamed, added,
removed or with other settings, and the texts that differ (by item, field and language).

Lists of items with ids are matched by id, other lists by position. An item that disappears
under one id while an item with the same settings (everything but its id and its texts)
appears under another is a rename: `renamed_rules` gives the old file the new ids, so that
the comparison over the answers does not count a rename as losses and gains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ladder.model import TEXT, Conditions, Rules

# Lists whose items may be renamed: nothing else in a file names their items by id, except
# `capped_by` (caps) and the worked examples (which `diff` does not compare).
RENAMEABLE = (
    "structures",
    "methods",
    "warnings",
    "expectations.parts",
    "level.target",
    "level.floors",
    "level.caps",
    "properties",
)
ORDER = "order"  # the field named when the same items of a list come in another order


@dataclass(frozen=True)
class Renamed:
    where: str  # the list, e.g. "structures"
    old: str
    new: str


@dataclass(frozen=True)
class Listed:
    """An item added or removed: the list it is in and its id (or [position])."""

    where: str
    id: str


@dataclass(frozen=True)
class Edited:
    """An item (or the file, `item` empty) whose settings other than texts differ."""

    item: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class TextChange:
    path: str  # e.g. "structures[unit_patients].how"
    langs: tuple[str, ...]  # the languages whose text differs
    old: dict[str, str]
    new: dict[str, str]


@dataclass(frozen=True)
class FileChanges:
    renamed: list[Renamed] = field(default_factory=list)
    added: list[Listed] = field(default_factory=list)
    removed: list[Listed] = field(default_factory=list)
    edited: list[Edited] = field(default_factory=list)
    texts: list[TextChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.renamed or self.added or self.removed or self.edited or self.texts)


def compare_files(old: Rules, new: Rules) -> FileChanges:
    out = FileChanges(renamed=find_renames(old, new))
    edits: dict[str, list[str]] = {}
    _compare(renamed_rules(old, out.renamed), new, "", out, edits, tuple(new.languages))
    examples: dict[str, None] = {}  # worked examples: one line, their positions
    for item, fields in edits.items():
        if item.startswith("examples["):
            examples[item[len("examples") :].split("]")[0] + "]"] = None
        else:
            out.edited.append(Edited(item, tuple(fields)))
    if examples:
        out.edited.append(Edited("examples", tuple(examples)))
    return out


def find_renames(old: Rules, new: Rules) -> list[Renamed]:
    out: list[Renamed] = []
    for where in RENAMEABLE:
        was, now = _at(old, where), _at(new, where)
        out.extend(Renamed(where, a, b) for a, b in _renames(was, now).items())
    return out


def _at(rules: Rules, where: str) -> list[Any]:
    value: Any = rules
    for name in where.split("."):
        value = getattr(value, name)
    return list(value)


def _compare(
    old: BaseModel,
    new: BaseModel,
    path: str,
    out: FileChanges,
    edits: dict[str, list[str]],
    langs: tuple[str, ...],
) -> None:
    for name, info in type(new).model_fields.items():
        key = info.alias or name
        here = f"{path}.{key}" if path else key
        was, now = getattr(old, name), getattr(new, name)
        if TEXT in info.metadata:
            differ = [
                lang for lang in _languages(was, now, langs) if was.get(lang) != now.get(lang)
            ]
            if differ:
                out.texts.append(TextChange(here, tuple(differ), dict(was), dict(now)))
        elif isinstance(now, BaseModel) and isinstance(was, BaseModel):
            _compare(was, now, here, out, edits, langs)
        elif isinstance(now, BaseModel) or isinstance(was, BaseModel):  # one side has none
            edits.setdefault(path, []).append(key)
        elif _models(was) or _models(now):
            _compare_lists(was, now, here, out, edits, langs)
        elif was != now and name != "id":  # ids differ only where lists are matched by position
            edits.setdefault(path, []).append(key)


def _compare_lists(
    old: list[Any],
    new: list[Any],
    here: str,
    out: FileChanges,
    edits: dict[str, list[str]],
    langs: tuple[str, ...],
) -> None:
    both = [*old, *new]
    # items by their ids, worked examples by their names (as overlays merge them)
    by = "id" if all(hasattr(x, "id") for x in both) else "name"
    if by == "name" and not all(isinstance(getattr(x, "name", None), str) for x in both):
        for i, (was, now) in enumerate(zip(old, new, strict=False)):  # by position: variants
            _compare(was, now, f"{here}[{i}]", out, edits, langs)
        out.removed.extend(Listed(here, f"[{i}]") for i in range(len(new), len(old)))
        out.added.extend(Listed(here, f"[{i}]") for i in range(len(old), len(new)))
        return
    before = {getattr(x, by): x for x in old}
    after = {getattr(x, by): x for x in new}
    label = (lambda k: f'"{k}"') if by == "name" else str
    out.removed.extend(Listed(here, label(k)) for k in before if k not in after)
    out.added.extend(Listed(here, label(k)) for k in after if k not in before)
    for key, now in after.items():
        if key in before:
            _compare(before[key], now, f"{here}[{label(key)}]", out, edits, langs)
    if [k for k in before if k in after] != [k for k in after if k in before]:
        edits.setdefault(here, []).append(ORDER)


def _renames(old: list[Any], new: list[Any]) -> dict[str, str]:
    """Old id -> new id for each item that left under one id and came under another with the
    same settings; candidates are paired in file order."""
    new_ids = {x.id for x in new}
    old_ids = {x.id for x in old}
    arrived = [x for x in new if x.id not in old_ids]
    out: dict[str, str] = {}
    for item in old:
        if item.id in new_ids:
            continue
        role = _role(item)
        match = next((x for x in arrived if _role(x) == role), None)
        if match is not None:
            arrived.remove(match)
            out[item.id] = match.id
    return out


def _role(item: BaseModel) -> dict[str, Any]:
    """An item's settings: all but its id and its texts."""
    texts = {n for n, info in type(item).model_fields.items() if TEXT in info.metadata}
    return item.model_dump(exclude={"id", *texts})


def _models(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(x, BaseModel) for x in value)


def _languages(old: dict[str, str], new: dict[str, str], langs: tuple[str, ...]) -> list[str]:
    """The file's languages in its order, then any other language either text has."""
    return [*langs, *sorted((old.keys() | new.keys()) - set(langs))]


def renamed_rules(rules: Rules, renamed: list[Renamed]) -> Rules:
    """`rules` with each renamed item under its new id, and `capped_by` following its caps."""
    if not renamed:
        return rules
    names: dict[str, dict[str, str]] = {}
    for r in renamed:
        names.setdefault(r.where, {})[r.old] = r.new
    caps = names.get("level.caps", {})

    def each(items: list[Any], where: str) -> list[Any]:
        mapping = names.get(where, {})
        out = []
        for item in items:
            update: dict[str, Any] = {}
            if item.id in mapping:
                update["id"] = mapping[item.id]
            if isinstance(item, Conditions) and any(c in caps for c in item.capped_by):
                update["capped_by"] = [caps.get(c, c) for c in item.capped_by]
            out.append(item.model_copy(update=update) if update else item)
        return out

    def expect(example: Any) -> Any:
        lists = {
            kind: [names.get(kind, {}).get(i, i) for i in getattr(example.expect, kind)]
            for kind in ("structures", "methods", "warnings")
        }
        return example.model_copy(update={"expect": example.expect.model_copy(update=lists)})

    level = rules.level.model_copy(
        update={kind: each(getattr(rules.level, kind), f"level.{kind}") for kind in KINDS_OF_RULE}
    )
    parts = each(rules.expectations.parts, "expectations.parts")
    return rules.model_copy(
        update={
            "level": level,
            "structures": each(rules.structures, "structures"),
            "methods": each(rules.methods, "methods"),
            "warnings": each(rules.warnings, "warnings"),
            "expectations": rules.expectations.model_copy(update={"parts": parts}),
            "properties": each(rules.properties, "properties"),
            "examples": [expect(x) for x in rules.examples],
        }
    )


KINDS_OF_RULE = ("target", "floors", "caps")


def word_diff(old: str, new: str, context: int = 6) -> str:
    """`old` -> `new` word by word: [-removed-] and {+added+}, runs of more than twice
    `context` unchanged words shortened to their ends around "...". One or two unchanged
    words between two changes join them, so that a reworded phrase reads as one change."""
    import difflib  # only `--texts` needs it

    a, b = old.split(), new.split()
    runs: list[tuple[list[str], list[str], bool]] = []  # (old words, new words, unchanged)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        same = tag == "equal"
        if runs and not same and not runs[-1][2]:
            runs[-1] = (runs[-1][0] + a[i1:i2], runs[-1][1] + b[j1:j2], False)
        elif runs and not same and len(runs) > 1 and len(runs[-1][0]) <= 2:
            words = runs.pop()[0]
            was, now, _ = runs.pop()
            runs.append((was + words + a[i1:i2], now + words + b[j1:j2], False))
        else:
            runs.append((a[i1:i2], b[j1:j2], same))
    if len(runs) == 1 and runs[0][2]:
        return " ".join(a)  # the same words: nothing to mark or shorten
    pieces: list[str] = []
    for n, (was, now, same) in enumerate(runs):
        if same:
            head = was[:context] if n else []
            tail = was[-context:] if n < len(runs) - 1 else []
            pieces.extend([*head, "...", *tail] if len(was) > len(head) + len(tail) else was)
            continue
        if was:
            pieces.append("[-" + " ".join(was) + "-]")
        if now:
            pieces.append("{+" + " ".join(now) + "+}")
    return " ".join(pieces)
