"""The engine's choice of structures and methods (engine._serving) over a box: the first
`limit` items that match, and with several options chosen for a multiple question, for each
option none of them serves, the first matching item that serves it. An item serves an option
when it matches with that option chosen alone, at the box's level.

A box must hold one answer of each multiple question to be evaluated (the groups decide the
choice), so a box with several is cut into them; multiple questions are never fused
(boxes.fuse), so each is a dimension of its own.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from ladder.check.boxes import Box, Constraint, Space, Split, View, partition, replace
from ladder.check.budget import spend
from ladder.conditions import CHOSEN, chosen
from ladder.engine import decide
from ladder.model import Rules

Matching = list[tuple[str, list[Constraint]]]  # each item, with where it matches in the cell


def multiple_dims(rules: Rules, space: Space) -> list[int]:
    """The dimensions of the multiple questions of `rules`."""
    return [space.index[q.id] for q in rules.questions if q.multiple and q.id in space.index]


def chosen_items(
    view: View, items: Matching, limit: int | None, dims: list[int]
) -> tuple[str, ...]:
    """The ids the engine chooses inside the view's box (Split where that differs within it)."""
    groups = _groups(view.box, dims)
    out: list[str] = []
    if not groups:
        for item, boxes in items:
            if view.test_any(boxes):
                out.append(item)
                if len(out) == limit:
                    break
        return tuple(out)
    matched = [(item, boxes) for item, boxes in items if view.test_any(boxes)]
    serves = {}
    for item, boxes in matched:  # one that matches only the combination serves every group
        serves[item] = {g for g in groups if _serves(view.box, boxes, g)} or set(groups)
    kept = {item for item, _ in matched[:limit]}
    for group in groups:
        if not any(group in serves[i] for i in kept):
            extra = next((i for i, _ in matched if group in serves[i]), None)
            if extra is not None:
                kept.add(extra)
    return tuple(i for i, _ in matched if i in kept)


def _groups(box: Box, dims: list[int]) -> list[tuple[int, str]]:
    """Each (dimension, option) chosen in the box; cut the box first where that differs."""
    groups: list[tuple[int, str]] = []
    for dim in dims:
        values = box[dim]
        if len(values) > 1 and any(CHOSEN in v for v in values):
            raise Split(dim, [frozenset({v}) for v in sorted(values)])
        (value,) = values
        if CHOSEN in value:
            groups.extend((dim, option) for option in chosen(value))
    return groups


def _serves(box: Box, boxes: list[Constraint], group: tuple[int, str]) -> bool:
    """Whether the item matches with the group's option chosen alone (other answers as they are)."""
    dim, option = group
    alone = View(replace(box, dim, frozenset({option})))
    return alone.test_any(boxes)  # may Split on another dimension: a cut of `box` too


def added_for_a_group(a: Any, items: list[Any], index: int, limit: int, kind: str) -> bool:
    """Whether item `index` of a kind is chosen for a group that the first `limit` leave
    unserved, for some answers of the analysis `a` (check.findings.Analysis). Later items
    cannot change that, so they are left out. The engine confirms what is found."""
    dims = multiple_dims(a.rules, a.space)
    if not dims:
        return False
    compiled = [a.logic.item(x) for x in items[: index + 1]]
    wanted = items[index].id
    for box, cell in a.cells:
        spend()
        if not a.logic.item_boxes(compiled[index], cell):
            continue
        matching = [
            (x.id, a.logic.item_boxes(c, cell))
            for x, c in zip(items[: index + 1], compiled, strict=True)
        ]
        pieces = partition(
            [box],
            partial(chosen_items, items=matching, limit=limit, dims=dims),
            keep=lambda ids: wanted in ids,
        )
        if pieces:
            answers = a.concrete(pieces[0][0])
            if wanted not in getattr(decide(a.rules, answers), kind):
                raise RuntimeError(f"checker and engine disagree on {wanted} for {answers}")
            return True
    return False
