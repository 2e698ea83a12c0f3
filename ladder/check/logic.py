"""The engine's decision restated over boxes: the level per piece of the answer space, and
where each structure, method, warning or statement part matches.

It mirrors engine.decide and engine.matches; tests hold the two to the same results, and every
counterexample the checker reports is re-run through the engine itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ladder.check.boxes import (
    GIVEN,
    NA,
    Box,
    CompiledRule,
    Constraint,
    Space,
    View,
    compile_rules,
    complement,
    meet,
    meet_unions,
    partition,
)
from ladder.model import Conditions, Rules

GIVEN_OR_NA = frozenset({GIVEN, NA})


@dataclass(frozen=True)
class LevelCell:
    target_rule: int | None  # index of the target rule that fired; None: no target applies
    target: str | None
    raised: str | None
    level: str | None


@dataclass(frozen=True)
class CompiledItem:
    base: Constraint
    levels: frozenset[str] | None
    caps: tuple[CompiledRule, ...] | None
    all_: tuple[CompiledItem, ...] = ()
    any_: tuple[CompiledItem, ...] = ()
    not_: CompiledItem | None = None


class Logic:
    def __init__(self, rules: Rules, space: Space) -> None:
        self.rules = rules
        self.space = space
        self.rank = {s.id: i for i, s in enumerate(rules.steps, 1)}
        rank = self.rank
        self.target = compile_rules(rules, space, "target")
        floors = compile_rules(rules, space, "floors")
        caps = compile_rules(rules, space, "caps")
        self.floor_rules = floors
        self.cap_rules = caps
        # Highest possible floors first and lowest possible caps first, so that evaluation
        # stops as soon as no remaining rule can change the level: the pieces stay few.
        self._floors = sorted(floors, key=lambda r: -max((rank[s] for s in r.steps), default=0))
        self._caps = sorted(caps, key=lambda r: min((rank[s] for s in r.steps), default=99))
        self.caps_by_id = {r.rule.id: r for r in caps}
        self._composite: dict[tuple[int, str | None, bool], tuple[CompiledItem, Any]] = {}

    def decide(self, view: View) -> LevelCell:
        rank = self.rank
        target, index = None, None
        for rule in self.target:
            target = rule.evaluate(view)
            if target is not None:
                index = rule.index
                break
        if target is None:
            return LevelCell(None, None, None, None)
        raised = target
        for rule in self._floors:
            if max((rank[s] for s in rule.steps), default=0) <= rank[raised]:
                break
            step = rule.evaluate(view)
            if step is not None and rank[step] > rank[raised]:
                raised = step
        level = raised
        for rule in self._caps:
            if min((rank[s] for s in rule.steps), default=99) >= rank[level]:
                break
            step = rule.evaluate(view)
            if step is not None and rank[step] < rank[level]:
                level = step
        return LevelCell(index, target, raised, level)

    def cells(self, boxes: list[Box]) -> list[tuple[Box, LevelCell]]:
        return partition(boxes, self.decide)

    def item(self, item: Conditions) -> CompiledItem:
        index = self.space.index
        base = dict(self.space.constraint(item.when))
        # Intersected, not set: `given` and `missing` of one question never hold together.
        for key in item.given:
            if key in index:
                base[index[key]] = base.get(index[key], GIVEN_OR_NA) & {GIVEN}
        for key in item.missing:
            if key in index:
                base[index[key]] = base.get(index[key], GIVEN_OR_NA) & {NA}
        levels = frozenset(item.levels) if item.levels else None
        caps = None
        if item.capped_by:
            caps = tuple(self.caps_by_id[c] for c in item.capped_by if c in self.caps_by_id)
        if not item.composite:
            return CompiledItem(base, levels, caps)
        all_ = tuple(self.item(block) for block in item.all_)
        any_ = tuple(self.item(block) for block in item.any_)
        not_ = self.item(item.not_) if item.not_ is not None else None
        return CompiledItem(base, levels, caps, all_, any_, not_)

    def item_boxes(self, item: CompiledItem, cell: LevelCell) -> list[Constraint]:
        """Where, inside a piece with this level, the item matches (a union of boxes).

        any/all/not are unions, intersections and complements of their blocks' unions; the
        complement is taken over the whole space, as the piece's own boxes bound it anyway.
        """
        out = self._own_boxes(item, cell)
        if not out or not (item.all_ or item.any_ or item.not_ is not None):
            return out
        # They depend on the level and on whether a cap set it, as _own_boxes does: worked out
        # once per item and such cell (the item is held so that its id is not reused).
        key = (id(item), cell.level, cell.level == cell.raised)
        kept = self._composite.get(key)
        if kept is None:
            kept = self._composite[key] = (item, self._composite_boxes(item, cell, out))
        return kept[1]

    def _composite_boxes(
        self, item: CompiledItem, cell: LevelCell, out: list[Constraint]
    ) -> list[Constraint]:
        for block in item.all_:
            out = meet_unions(out, self.item_boxes(block, cell))
        if item.any_:
            alternatives: list[Constraint] = []
            for block in item.any_:
                alternatives.extend(self.item_boxes(block, cell))
            out = meet_unions(out, alternatives)
        if item.not_ is not None:
            out = meet_unions(out, complement(self.item_boxes(item.not_, cell), self.space))
        return out

    def _own_boxes(self, item: CompiledItem, cell: LevelCell) -> list[Constraint]:
        if cell.level is None or (item.levels is not None and cell.level not in item.levels):
            return []
        if item.caps is None:
            return [item.base]
        if cell.level == cell.raised:
            return []  # no cap lowered the level, so none binds
        out = []
        for cap in item.caps:
            found = meet(item.base, cap.step_box(self.space, cell.level))
            if found is not None:
                out.append(found)
        return out
