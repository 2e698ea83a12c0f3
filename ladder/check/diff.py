"""`ladder diff OLD NEW`: which answer combinations change their level, structures, methods
or warnings.

Both files are read over one answer space (the union of their questions and options). The
common reachable space is cut into pieces on which both files give one outcome each; pieces
with the same change are summed, and shown as conditions and a few concrete examples.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ladder.check.boxes import (
    NA,
    SEP,
    Box,
    Constraint,
    Space,
    View,
    clip,
    fuse,
    partition,
    path_boxes,
    plain_space,
)
from ladder.check.budget import (
    BUDGET_VARIABLE,
    MAX_PIECES,
    OutOfBudget,
    configured_budget,
    spend,
    work_budget,
)
from ladder.check.diff_items import FileChanges, compare_files, renamed_rules
from ladder.check.logic import CompiledItem, Logic
from ladder.check.merge import merge_boxes
from ladder.check.serving import chosen_items, multiple_dims
from ladder.conditions import answer_values
from ladder.engine import decide_level
from ladder.errors import RulesError
from ladder.i18n.messages import t
from ladder.io.untrusted import shown
from ladder.load.loader import LoadedRules, load_rules
from ladder.model import Rules

SCHEMA = "ladder.diff/1"
KINDS = ("level", "structures", "methods", "warnings")
CHOSEN = KINDS[1:]  # the kinds chosen by their conditions at the level
# Kinds shown whole (no `selection` limit): a change is one item gained or lost, and only the
# items whose conditions differ between the files are evaluated (so boxes are cut less).
EACH = ("warnings",)
Key = tuple[str, tuple[str, ...], tuple[str, ...]]  # a change: kind, old ids, new ids
Outcome = tuple[Any, ...]  # the level (or None), then a tuple of ids per kind in CHOSEN


@dataclass(frozen=True)
class Change:
    kind: str  # one of KINDS
    old: tuple[str, ...]
    new: tuple[str, ...]
    count: int
    conditions: list[dict[str, list[str]]]
    examples: list[dict[str, str]]


@dataclass(frozen=True)
class DiffReport:
    old: str
    new: str
    combinations: int  # reachable under both files
    only_old: int
    only_new: int
    changed: int
    changes: list[Change]
    overlap: int = 0  # changed combinations that change in more than one kind
    files: FileChanges = field(default_factory=FileChanges)
    kinds: dict[str, int] = field(default_factory=dict)  # changed combinations per kind

    def groups(self) -> dict[str, int]:
        """Changed combinations per kind that changes, in the order of KINDS."""
        return {k: self.kinds[k] for k in KINDS if self.kinds.get(k)}


class _Side:
    def __init__(self, rules: Rules, space: Space) -> None:
        self.rules = rules
        self.logic = Logic(rules, space)
        self.items = {
            kind: [(x, self.logic.item(x)) for x in getattr(rules, kind)] for kind in CHOSEN
        }
        selection = rules.selection  # every warning that matches is shown
        self.limits = {"structures": selection.structures, "methods": selection.methods}
        self.multiple = multiple_dims(rules, space)
        self.agree: dict[tuple[Any, ...], Any] = {}  # see _agree and _differing

    def outcome(self, view: View) -> Outcome:
        cell = self.logic.decide(view)
        if cell.level is None:
            return (None, *(() for _ in CHOSEN))
        return (cell.level, *(self.chosen(view, kind, cell) for kind in CHOSEN))

    def chosen(
        self, view: View, kind: str, cell: Any, among: frozenset[str] | None = None
    ) -> tuple[str, ...]:
        items = self.items[kind]
        if among is not None:
            items = [pair for pair in items if pair[0].id in among]
        return self._chosen(view, items, cell, self.limits.get(kind))

    def matching(self, cell: Any, kind: str) -> list[tuple[str, list[Constraint]]]:
        """Each item of a kind with the boxes where it matches, in this cell."""
        return [
            (item.id, self.logic.item_boxes(compiled, cell)) for item, compiled in self.items[kind]
        ]

    def _chosen(
        self, view: View, items: list[tuple[Any, CompiledItem]], cell: Any, limit: int | None
    ) -> tuple[str, ...]:
        """As the engine chooses them: every warning and part that matches; the first `limit`
        structures or methods, and one more for each chosen group they leave unserved."""
        matching = [(item.id, self.logic.item_boxes(c, cell)) for item, c in items]
        return chosen_items(view, matching, limit, self.multiple if limit is not None else [])


def union_space(old: Rules, new: Rules) -> Space:
    """Choice questions of both files (new order first) and the free-text questions that
    structures, methods or warnings test with given/missing, the only ones a diff can depend on."""
    texts = {
        key
        for rules in (old, new)
        for item in [*rules.structures, *rules.methods, *rules.warnings]
        for block in item.blocks()
        for key in [*block.given, *block.missing]
    }
    order: dict[str, list[str]] = {}
    choice: dict[str, bool] = {}
    for rules in (new, old):
        for q in rules.questions:
            if q.kind == "text" and q.id not in texts:
                continue
            values = order.setdefault(q.id, [])
            choice.setdefault(q.id, q.kind == "choice")
            for value in answer_values(q) if q.kind == "choice" else ["*"]:
                if value not in values:
                    values.append(value)
    dims = tuple(order)
    plain = plain_space(dims, tuple((*order[d], NA) for d in dims), tuple(choice[d] for d in dims))
    return fuse(plain, [new, old])


def diff_files(
    old_path: str | os.PathLike[str], new_path: str | os.PathLike[str], lang: str, examples: int = 3
) -> DiffReport:
    old, new = load_rules(old_path, lang), load_rules(new_path, lang)
    limit = configured_budget(lang)
    try:
        with work_budget(limit):
            return diff_rules(old, new, examples)
    except OutOfBudget as stopped:
        values = {"old": shown(old.info.path), "new": shown(new.info.path)}
        if stopped.pieces:
            message = t("diff.pieces", lang, limit=MAX_PIECES, **values)
        else:
            message = t("diff.budget", lang, limit=limit, name=BUDGET_VARIABLE, **values)
        raise RulesError(message, []) from None


def diff_rules(old: LoadedRules, new: LoadedRules, examples: int = 3) -> DiffReport:
    files = compare_files(old.rules, new.rules)
    old = LoadedRules(renamed_rules(old.rules, files.renamed), old.info)  # renames are no change
    space = union_space(old.rules, new.rules)
    old_boxes, _ = path_boxes(old.rules, space)
    new_boxes, _ = path_boxes(new.rules, space)
    common: list[Box] = []
    for x in old_boxes:
        spend(len(new_boxes))
        common.extend(b for y in new_boxes if (b := _meet(x, y)) is not None)
    total = sum(_size(space, b) for b in common)
    sides = _Side(old.rules, space), _Side(new.rules, space)

    cells = partition(common, lambda view: _outcomes(sides, view), keep=_is_change)
    groups, kinds, changed, overlap = _grouped(space, cells)
    changes = []
    for (kind, was, now), boxes in groups.items():
        merged = merge_boxes(boxes)
        changes.append(
            Change(
                kind,
                was,
                now,
                sum(_size(space, b) for b in boxes),
                [_conditions(space, b) for b in merged],
                [_example(space, b) for b in boxes[:examples]],
            )
        )
    for change in changes:
        # The box reasoning must agree with the engine; a disagreement is a bug in the checker.
        if change.kind == "level" and change.old and change.new and change.examples:
            answers = change.examples[0]
            got = decide_level(old.rules, answers).level, decide_level(new.rules, answers).level
            if got != (change.old[0], change.new[0]):
                raise RuntimeError(f"diff and engine disagree for {answers}")
    changes.sort(key=lambda c: (KINDS.index(c.kind), -c.count, c.old, c.new))
    return DiffReport(
        old.info.path,
        new.info.path,
        total,
        sum(_size(space, b) for b in old_boxes) - total,
        sum(_size(space, b) for b in new_boxes) - total,
        changed,
        changes,
        overlap,
        files,
        kinds,
    )


def _grouped(
    space: Space, cells: list[tuple[Box, tuple[Outcome, Outcome] | None]]
) -> tuple[dict[Key, list[Box]], dict[str, int], int, int]:
    """The boxes of each change (kind, old, new); the changed combinations per kind, in all,
    and in more than one kind. A kind in EACH gives a change per item gained or lost."""
    groups: dict[Key, list[Box]] = {}
    kinds = dict.fromkeys(KINDS, 0)
    changed = overlap = 0
    for box, pair in cells:
        assert pair is not None  # kept only where the files may differ
        before, after = pair
        size = _size(space, box)
        differ = [i for i in range(len(KINDS)) if before[i] != after[i]]
        changed += size if differ else 0
        overlap += size if len(differ) > 1 else 0
        for i in differ:
            kind = KINDS[i]
            kinds[kind] += size
            keys: list[Key]
            if kind in EACH:
                keys = [(kind, (x,), ()) for x in before[i] if x not in after[i]]
                keys += [(kind, (), (x,)) for x in after[i] if x not in before[i]]
            else:
                keys = [(kind, _as_tuple(before[i]), _as_tuple(after[i]))]
            for key in keys:
                groups.setdefault(key, []).append(box)
    return groups, kinds, changed, overlap


def _outcomes(sides: tuple[_Side, _Side], view: View) -> tuple[Outcome, Outcome] | None:
    """Both files' outcomes, or None where they agree all over the box (so it is not cut).

    The box is cut by both levels first. Where they differ the box is a level change
    throughout, and structures or methods on which the files agree are left empty on both
    sides instead of cut; where they are the same both are cut as before, so that the pieces
    of such a change, and so its conditions and examples, stay as they were. Of a kind in
    EACH only the items whose conditions differ between the files are evaluated.
    """
    old, new = sides
    cells = old.logic.decide(view), new.logic.decide(view)
    levels = cells[0].level, cells[1].level
    if None in levels:
        return None if levels == (None, None) else (old.outcome(view), new.outcome(view))
    limited = [kind for kind in CHOSEN if kind not in EACH]
    agree = {kind: _agree(sides, cells, kind) for kind in limited}
    if old.rules.selection != new.rules.selection:
        full = set(limited)
    elif levels[0] == levels[1]:
        full = set() if all(agree.values()) else set(limited)
    else:
        full = {kind for kind in limited if not agree[kind]}
    each = {kind: _differing(sides, cells, kind) for kind in EACH}
    if levels[0] == levels[1] and not full and not any(each.values()):
        return None
    out: list[list[Any]] = [[level] for level in levels]
    for kind in CHOSEN:
        for side, cell, row in zip(sides, cells, out, strict=True):
            if kind in EACH:
                row.append(side.chosen(view, kind, cell, each[kind]) if each[kind] else ())
            else:
                row.append(side.chosen(view, kind, cell) if kind in full else ())
    return tuple(out[0]), tuple(out[1])


def _agree(sides: tuple[_Side, _Side], cells: Any, kind: str) -> bool:
    """Whether each structure (or method) matches under the same conditions in both files.
    That depends only on each level and whether a cap set it, so it is worked out once."""
    key = (kind, *((cell.level, cell.level == cell.raised) for cell in cells))
    agree = sides[0].agree
    if key not in agree:
        agree[key] = sides[0].matching(cells[0], kind) == sides[1].matching(cells[1], kind)
    same: bool = agree[key]
    return same


def _differing(sides: tuple[_Side, _Side], cells: Any, kind: str) -> frozenset[str]:
    """The items of a kind that do not match under the same conditions in both files (as
    `_agree`, item by item)."""
    key = ("each", kind, *((cell.level, cell.level == cell.raised) for cell in cells))
    known = sides[0].agree
    if key not in known:
        old = dict(sides[0].matching(cells[0], kind))
        new = dict(sides[1].matching(cells[1], kind))
        known[key] = frozenset(x for x in old.keys() | new.keys() if old.get(x) != new.get(x))
    found: frozenset[str] = known[key]
    return found


def _is_change(pair: tuple[Outcome, Outcome] | None) -> bool:
    return pair is not None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return value
    return (value,) if value is not None else ()


def _meet(one: Box, two: Box) -> Box | None:
    return clip(one, dict(enumerate(two)))


def _size(space: Space, box: Box) -> int:
    count = 1
    for values in box:
        count *= len(values)
    return count


def _example(space: Space, box: Box) -> dict[str, str]:
    return {k: ("x" if v == "*" else v) for k, v in space.answers(box).items()}


def _conditions(space: Space, box: Box) -> dict[str, list[str]]:
    """The questions the box narrows: each answer that is asked and not free."""
    out: dict[str, list[str]] = {}
    for d, values in enumerate(box):
        part = space.parts.get(d)
        if part is None:
            _narrowed(out, space.dims[d], space.order[d], values)
            continue
        joint = [v.split(SEP) for v in space.order[d] if v in values]
        for slot, key in enumerate(part.dims):
            _narrowed(out, key, part.order[slot], {answers[slot] for answers in joint})
    return out


def _narrowed(
    out: dict[str, list[str]], key: str, order: tuple[str, ...], values: Collection[str]
) -> None:
    asked = [v for v in order if v in values and v != NA]
    everything = [v for v in order if v != NA]
    if asked and len(asked) < len(everything):
        out[key] = asked
