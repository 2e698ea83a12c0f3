"""`ladder diff OLD NEW`: which answer combinations change their level, structures or methods.

Both files are read over one answer space (the union of their questions and options). The
common reachable space is cut into pieces on which both files give one outcome each; pieces
with the same change are summed, and shown as conditions and a few concrete examples.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Collection
from dataclasses import dataclass
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
from ladder.check.logic import CompiledItem, Logic
from ladder.engine import decide_level
from ladder.errors import RulesError
from ladder.i18n.messages import t
from ladder.io.untrusted import shown
from ladder.load.loader import LoadedRules, load_rules
from ladder.model import Rules

SCHEMA = "ladder.diff/1"
KINDS = ("level", "structures", "methods")
Outcome = tuple[str | None, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Change:
    kind: str  # level, structures, methods
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


class _Side:
    def __init__(self, rules: Rules, space: Space) -> None:
        self.rules = rules
        self.logic = Logic(rules, space)
        self.structures = [(s, self.logic.item(s)) for s in rules.structures]
        self.methods = [(m, self.logic.item(m)) for m in rules.methods]
        self.agree: dict[tuple[Any, ...], bool] = {}  # see _agree

    def outcome(self, view: View) -> Outcome:
        cell = self.logic.decide(view)
        if cell.level is None:
            return None, (), ()
        limit = self.rules.selection
        return (
            cell.level,
            self._chosen(view, self.structures, cell, limit.structures),
            self._chosen(view, self.methods, cell, limit.methods),
        )

    def chosen(self, view: View, kind: str, cell: Any) -> tuple[str, ...]:
        items = self.structures if kind == "structures" else self.methods
        return self._chosen(view, items, cell, getattr(self.rules.selection, kind))

    def matching(self, cell: Any, kind: str) -> list[tuple[str, list[Constraint]]]:
        """Each structure or method with the boxes where it matches, in this cell."""
        items = self.structures if kind == "structures" else self.methods
        return [(item.id, self.logic.item_boxes(compiled, cell)) for item, compiled in items]

    def _chosen(
        self, view: View, items: list[tuple[Any, CompiledItem]], cell: Any, limit: int
    ) -> tuple[str, ...]:
        out: list[str] = []
        for item, compiled in items:
            if view.test_any(self.logic.item_boxes(compiled, cell)):
                out.append(item.id)
                if len(out) == limit:
                    break
        return tuple(out)


def union_space(old: Rules, new: Rules) -> Space:
    """Choice questions of both files (new order first) and the free-text questions that
    structures or methods test with given/missing, the only ones a diff can depend on."""
    texts = {
        key
        for rules in (old, new)
        for item in [*rules.structures, *rules.methods]
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
            for value in [o.id for o in q.options] if q.kind == "choice" else ["*"]:
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
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[Box]] = {}
    changed = 0
    for box, pair in cells:
        assert pair is not None  # kept only where the files may differ
        before, after = pair
        if before != after:
            changed += _size(space, box)
        for i, kind in enumerate(KINDS):
            if before[i] != after[i]:
                key = (kind, _as_tuple(before[i]), _as_tuple(after[i]))
                groups.setdefault(key, []).append(box)
    changes = []
    for (kind, was, now), boxes in groups.items():
        merged = _merge(boxes)
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
    )


def _outcomes(sides: tuple[_Side, _Side], view: View) -> tuple[Outcome, Outcome] | None:
    """Both files' outcomes, or None where they agree all over the box (so it is not cut).

    The box is cut by both levels first. Where they differ the box is a level change
    throughout, and a kind (structures, methods) on which the files agree is left empty on
    both sides instead of cut; where they are the same it is cut as before, so that the pieces
    of such a change, and so its conditions and examples, stay as they were.
    """
    old, new = sides
    cells = old.logic.decide(view), new.logic.decide(view)
    levels = cells[0].level, cells[1].level
    if old.rules.selection != new.rules.selection or None in levels:
        return None if levels == (None, None) else (old.outcome(view), new.outcome(view))
    agree = [_agree(sides, cells, kind) for kind in ("structures", "methods")]
    if levels[0] == levels[1]:
        return None if all(agree) else (old.outcome(view), new.outcome(view))
    out: list[list[Any]] = [[level] for level in levels]
    for kind, same in zip(("structures", "methods"), agree, strict=True):
        for side, cell, row in zip(sides, cells, out, strict=True):
            row.append(() if same else side.chosen(view, kind, cell))
    return tuple(out[0]), tuple(out[1])


def _agree(sides: tuple[_Side, _Side], cells: Any, kind: str) -> bool:
    """Whether each structure (or method) matches under the same conditions in both files.
    That depends only on each level and whether a cap set it, so it is worked out once."""
    key = (kind, *((cell.level, cell.level == cell.raised) for cell in cells))
    agree = sides[0].agree
    if key not in agree:
        agree[key] = sides[0].matching(cells[0], kind) == sides[1].matching(cells[1], kind)
    return agree[key]


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


def _merge(boxes: list[Box]) -> list[Box]:
    """Join boxes that differ in one question only, so that conditions read short.

    Always the first pair in list order is joined (into the first of the two), as a plain
    pairwise scan would. Pairs are found through an index of each box with one question left
    out (a sum of one number per question and values, confirmed by comparing), so thousands
    of pieces take about linear time, not quadratic. The numbers come from the order values
    are met in, not from `hash`, so that the work done never depends on PYTHONHASHSEED.
    """
    out: dict[int, Box] = dict(enumerate(boxes))
    buckets: dict[tuple[int, int], set[int]] = {}
    heap: list[tuple[int, int]] = []
    cached: dict[int, list[tuple[int, int]]] = {}
    numbers: dict[tuple[int, frozenset[str]], int] = {}
    # Only questions on which the boxes differ can tell two boxes apart, now and later.
    first = boxes[0] if boxes else ()
    varying = [d for d in range(len(first)) if any(box[d] != first[d] for box in boxes)]

    def number(d: int, values: frozenset[str]) -> int:
        if (d, values) not in numbers:
            numbers[d, values] = _scramble(len(numbers))
        return numbers[d, values]

    def keys(i: int) -> list[tuple[int, int]]:
        """Box `i` with each question left out in turn (kept until the box changes)."""
        if i not in cached:
            box = out[i]
            parts = [(d, number(d, box[d])) for d in varying]
            total = sum(part for _, part in parts)
            cached[i] = [(d, total - part) for d, part in parts]
        return cached[i]

    def alike(i: int, j: int, d: int) -> bool:
        one, two = out[i], out[j]
        return one[d] != two[d] and one[:d] == two[:d] and one[d + 1 :] == two[d + 1 :]

    def partner(i: int) -> int | None:
        """The first box after `i` that differs from it in one question only."""
        spend()
        found = None
        for key in keys(i):
            bucket = buckets[key]
            if len(bucket) > 1:  # most hold box `i` alone
                later = sorted(j for j in bucket if i < j and (found is None or j < found))
                found = next((j for j in later if alike(i, j, key[0])), found)
        return found

    def push(i: int) -> None:
        j = partner(i)
        if j is not None:
            heapq.heappush(heap, (i, j))

    for i in out:
        for key in keys(i):
            buckets.setdefault(key, set()).add(i)
    for i in out:
        push(i)
    while heap:
        # Each box with a partner has an entry no later than its first partner, so the first
        # entry whose boxes still differ in one question only is the first pair.
        i, j = heapq.heappop(heap)
        spend()
        differ = []
        if i in out and j in out:
            differ = [d for d, (x, y) in enumerate(zip(out[i], out[j], strict=True)) if x != y]
        if len(differ) != 1:
            if i in out:
                push(i)
            continue
        d = differ[0]
        for k in (i, j):
            for key in keys(k):
                buckets[key].discard(k)
        out[i] = (*out[i][:d], out[i][d] | out[j][d], *out[i][d + 1 :])
        del out[j], cached[i], cached[j]
        for key in keys(i):
            found = buckets.setdefault(key, set())
            for k in found:
                if k < i:
                    heapq.heappush(heap, (k, i))  # confirmed when it is taken
            found.add(i)
        push(i)
    return list(out.values())


def _scramble(n: int) -> int:
    """A well-mixed 64-bit number for `n` (splitmix64), so that sums of them rarely collide."""
    mask = (1 << 64) - 1
    z = (n + 0x9E3779B97F4A7C15) & mask
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
    return z ^ (z >> 31)


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


def diff_to_dict(report: DiffReport) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "old": report.old,
        "new": report.new,
        "combinations": report.combinations,
        "only_old": report.only_old,
        "only_new": report.only_new,
        "changed": report.changed,
        "changes": [
            {
                "kind": c.kind,
                "old": list(c.old),
                "new": list(c.new),
                "count": c.count,
                "conditions": c.conditions,
                "examples": c.examples,
            }
            for c in report.changes
        ],
    }


def diff_to_text(report: DiffReport, lang: str) -> str:
    from ladder.check.reports import diff_document
    from ladder.output.text import render_lines

    return render_lines(diff_document(report, lang))
