"""Declared properties, proved or refuted over the boxes of the answer space, and worked examples
run through the engine like tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ladder.answers import resolve
from ladder.app import recommendation_for
from ladder.check.boxes import NA, SEP, Box, meet, replace, search
from ladder.check.budget import OutOfBudget, spend
from ladder.check.codes import ERROR, WARNING
from ladder.check.findings import Analysis
from ladder.engine import decide_level
from ladder.errors import AnswerError, RulesError
from ladder.i18n.messages import t
from ladder.load.loader import LoadedRules
from ladder.model import Property
from ladder.result import LevelDecision


@dataclass(frozen=True)
class PropertyResult:
    id: str
    proved: bool
    counterexample: dict[str, str] | None = None


def check_properties(a: Analysis) -> list[PropertyResult]:
    results = []
    for i, prop in enumerate(a.rules.properties):
        path = ("properties", i)  # well formed: the loader checked its references
        try:
            found = _monotone(a, path, prop) if prop.kind == "monotone" else _bound(a, path, prop)
        except OutOfBudget:
            a.unfinished(path, "property", id=prop.id)
            results.append(PropertyResult(prop.id, False))
            continue
        results.append(PropertyResult(prop.id, found is None, found))
    return results


def _bound(a: Analysis, path: tuple[str | int, ...], prop: Property) -> dict[str, str] | None:
    rank = a.logic.rank
    upper = prop.kind == "at_most"

    def breaks(level: str, bound: str) -> bool:
        return rank[level] > rank[bound] if upper else rank[level] < rank[bound]

    when = a.space.constraint(prop.when)
    for box, cell in a.cells:
        spend()
        if cell.level is None:
            continue
        if prop.step is not None:
            bad = when if breaks(cell.level, prop.step) else None
        else:
            options = [o for o, s in prop.map.items() if breaks(cell.level, s)]
            bad = meet(when, a.space.constraint({prop.from_ or "": options})) if options else None
        found = search(box, [bad], [], 1) if bad is not None else None
        if found is None:
            continue
        answers = a.concrete(found)
        placed = decide_level(a.rules, answers)
        level = placed.level
        bound = prop.step or prop.map[answers[prop.from_ or ""]]
        a.add(
            "property.refuted",
            ERROR,
            path,
            "check.property_refuted_bound",
            id=prop.id,
            answers=a.combo(found),
            level=a.step_name(level),
            relation=t("check.above" if upper else "check.below", a.lang),
            bound=a.step_name(bound),
            rule=deciding_rules(placed, a.lang),
        )
        return answers
    return None


def _monotone(a: Analysis, path: tuple[str | int, ...], prop: Property) -> dict[str, str] | None:
    rank = a.logic.rank
    question = prop.question or ""
    dim = a.space.index[question]
    when = a.space.constraint({k: v for k, v in prop.when.items() if k != question})
    cells = []
    for box, cell in a.cells:
        spend()
        if cell.level is None:
            continue
        clipped = _clip_except(box, when, dim)
        ends = _ends(a, question, box[dim])
        if clipped is not None and ends:
            cells.append((clipped, rank[cell.level], ends))
    sign = 1 if prop.direction == "increasing" else -1
    touching = Touching([box for box, _, _ in cells], dim)
    by_rank = bit_sets([level for _, level, _ in cells])
    # Pairs of pieces that share answers to every other question, where a later answer to
    # this one gives a level on the wrong side; in file order, the first such pair.
    for low_box, low_rank, low_ends in cells:
        wrong = 0
        for level, members in by_rank.items():
            if sign * (level - low_rank) < 0:
                wrong |= members
        for j in touching.partners(low_box, wrong):
            spend()
            high_box, _, high_ends = cells[j]
            pair = _crossing(low_ends, high_ends)
            if pair is None:
                continue
            common = _common(low_box, high_box, dim)
            if common is None:
                continue
            low = replace(common, dim, frozenset({pair[0]}))
            high = replace(common, dim, frozenset({pair[1]}))
            before = decide_level(a.rules, a.concrete(low)).level
            placed = decide_level(a.rules, a.concrete(high))
            after = placed.level
            others = {k: v for k, v in a.space.answers(low).items() if k != question}
            a.add(
                "property.refuted",
                ERROR,
                path,
                "check.property_refuted_monotone",
                id=prop.id,
                question=question,
                low=a.space.answer(dim, pair[0])[question],
                high=a.space.answer(dim, pair[1])[question],
                moves=t("check.lowers" if sign > 0 else "check.raises", a.lang),
                before=a.step_name(before),
                after=a.step_name(after),
                answers=", ".join(f"{k}={v}" for k, v in others.items()),
                rule=deciding_rules(placed, a.lang),
            )
            return a.concrete(low)
    return None


LISTS = {"target": "target", "floor": "floors", "cap": "caps"}


def deciding_rules(placed: LevelDecision, lang: str) -> str:
    """The level rules that made the level what it is, from the decision's trace: the caps that
    lowered it, else the floor that raised it, else the target rule; each with its place."""
    trace = placed.trace
    decisive = [e for e in trace if e.kind == "cap" and e.effect == "lowers"]
    if not decisive:
        floors = [e for e in trace if e.kind == "floor" and e.effect == "raises"]
        decisive = floors[-1:] if floors else [e for e in trace if e.kind == "target"]
    return ", ".join(
        t(
            "check.rule_named",
            lang,
            kind=t(f"check.rule_kind.{e.kind}", lang),
            id=e.rule,
            path=f"level.{LISTS[e.kind]}[{e.rule}]",
        )
        for e in decisive
    )


def bit_sets(keys: list[Any]) -> dict[Any, int]:
    """For each key, the set of positions that hold it, as the bits of an int."""
    return _bits_by_key(keys, list(range(len(keys))), len(keys))


def _bits_by_key(keys: list[Any], owners: list[int], size: int) -> dict[Any, int]:
    rows: dict[Any, bytearray] = {}
    for key, i in zip(keys, owners, strict=True):
        rows.setdefault(key, bytearray(size // 8 + 1))[i >> 3] |= 1 << (i & 7)
    return {key: int.from_bytes(row, "little") for key, row in rows.items()}


class Touching:
    """Which pieces share a value with a given box in every dimension but one (bit sets)."""

    def __init__(self, boxes: list[Box], skip: int) -> None:
        self.skip = skip
        keys: list[tuple[int, str]] = []
        owners: list[int] = []
        for i, box in enumerate(boxes):
            spend()  # a pass over the box, as a step of `partition` is
            for dim, values in enumerate(box):
                if dim != skip:
                    keys.extend((dim, value) for value in values)
                    owners.extend([i] * len(values))
        self.masks = _bits_by_key(keys, owners, len(boxes))

    def partners(self, box: Box, among: int) -> Iterator[int]:
        """Indices of the pieces in `among` that touch `box`, in ascending order."""
        spend()
        mask = among
        for dim, values in enumerate(box):
            if dim == self.skip or not mask:
                continue
            here = 0
            for value in values:
                here |= self.masks.get((dim, value), 0)
            mask &= here
        while mask:
            lowest = mask & -mask
            yield lowest.bit_length() - 1
            mask ^= lowest


Ends = dict[tuple[str, ...], tuple[tuple[int, str], tuple[int, str]]]


def _ends(a: Analysis, question: str, values: frozenset[str]) -> Ends:
    """Per answer set to the other questions of the dimension (none unless fused): the first
    and the last answer to `question` in `values`, as (position, value of the dimension)."""
    dim = a.space.index[question]
    part = a.space.parts.get(dim)
    slot = part.index[question] if part is not None else 0
    order = part.order[slot] if part is not None else a.space.order[dim]
    out: Ends = {}
    for value in values:
        answers = value.split(SEP) if part is not None else [value]
        if answers[slot] == NA:
            continue
        here = order.index(answers[slot]), value
        rest = (*answers[:slot], *answers[slot + 1 :])
        first, last = out.get(rest, (here, here))
        out[rest] = min(first, here), max(last, here)
    return out


def _crossing(low: Ends, high: Ends) -> tuple[str, str] | None:
    """Values of the two pieces that differ only in the question, the first one earlier."""
    for rest in sorted(low.keys() & high.keys()):
        (first, value), (last, other) = low[rest][0], high[rest][1]
        if first < last:
            return value, other
    return None


def _clip_except(box: Box, when: dict[int, frozenset[str]], dim: int) -> Box | None:
    out = list(box)
    for d, allowed in when.items():
        if d != dim:
            out[d] = box[d] & allowed
            if not out[d]:
                return None
    return tuple(out)


def _common(one: Box, two: Box, dim: int) -> Box | None:
    out = []
    for d, (x, y) in enumerate(zip(one, two, strict=False)):
        both = x if d == dim else x & y
        if not both:
            return None
        out.append(both)
    return tuple(out)


def check_examples(a: Analysis, loaded: LoadedRules) -> tuple[int, int]:
    """Run every worked example; returns (passed, total)."""
    passed = 0
    for i, example in enumerate(a.rules.examples):
        path = ("examples", i)
        try:
            resolved = resolve(a.rules, [dict(example.answers)], a.lang)
        except AnswerError as error:
            reason = "; ".join([error.message, *error.details])
            a.add(
                "example.invalid",
                ERROR,
                (*path, "answers"),
                "check.example_answers",
                name=example.name,
                reason=reason,
            )
            continue
        for key in example.answers:
            if key not in resolved.values:
                a.add(
                    "example.unused_answer",
                    WARNING,
                    (*path, "answers", key),
                    "check.example_unused",
                    name=example.name,
                    id=key,
                )
        if resolved.missing:
            a.add(
                "example.invalid",
                ERROR,
                (*path, "answers"),
                "check.example_missing",
                name=example.name,
                ids=", ".join(q.id for q in resolved.missing),
            )
            continue
        try:
            rec = recommendation_for(loaded, resolved.values, a.lang)
        except RulesError as error:  # no target: already a coverage finding; name the example
            a.add(
                "example.failed",
                ERROR,
                (*path, "expect", "level"),
                "check.example_level",
                name=example.name,
                expected=example.expect.level,
                actual=error.message,
            )
            continue
        ok = True
        expect = example.expect
        if rec.level.id != expect.level:
            ok = False
            a.add(
                "example.failed",
                ERROR,
                (*path, "expect", "level"),
                "check.example_level",
                name=example.name,
                expected=expect.level,
                actual=rec.level.id,
            )
        got = {
            "structures": [s.id for s in rec.recruitment],
            "methods": [m.id for m in rec.methods],
            "warnings": [w.id for w in rec.warnings],
        }
        for kind, actual in got.items():
            wanted = getattr(expect, kind)
            absent = [x for x in wanted if x not in actual]
            if absent:
                ok = False
                a.add(
                    "example.failed",
                    ERROR,
                    (*path, "expect", kind),
                    "check.example_items",
                    name=example.name,
                    kind=kind,
                    ids=", ".join(absent),
                    actual=", ".join(actual) or t("render.none", a.lang),
                )
        passed += ok
    return passed, len(a.rules.examples)
