"""The answer space as boxes, for reasoning over rule conditions without enumerating answers.

A box gives each question a set of values: option ids, NA (not asked, or an optional question
left unanswered) and, for a free-text question, GIVEN. Every `when` is a constraint (a box that
names only some questions). Questions' own `when`s cut the space into path boxes. An evaluation
over a box either gives one value for the whole box or raises Split, naming the question on
which the box must be cut; `partition` cuts until every piece has one value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from .model import LevelRule, Rules

NA = ""  # no answer: ids never are empty
GIVEN = "*"  # a free-text answer was given
T = TypeVar("T")

Box = tuple[frozenset[str], ...]
Constraint = dict[int, frozenset[str]]


class Split(Exception):
    def __init__(self, dim: int, parts: list[frozenset[str]]) -> None:
        super().__init__(dim)
        self.dim = dim
        self.parts = parts


@dataclass(frozen=True)
class Space:
    dims: tuple[str, ...]
    index: dict[str, int]
    order: tuple[tuple[str, ...], ...]  # each question's values in file order, NA last
    choice: tuple[bool, ...]

    def constraint(self, when: dict[str, list[str]]) -> Constraint:
        return {self.index[k]: frozenset(v) for k, v in when.items() if k in self.index}

    def answers(self, box: Box) -> dict[str, str]:
        """One concrete answer set inside the box (the first value of each question)."""
        out = {}
        for dim, values in enumerate(box):
            value = next(v for v in self.order[dim] if v in values)
            if value != NA:
                out[self.dims[dim]] = value
        return out

    def size(self, box: Box) -> int:
        """Combinations of choice answers in the box (free-text presence is not counted)."""
        count = 1
        for dim, values in enumerate(box):
            if self.choice[dim]:
                count *= len(values)
        return count


def make_space(rules: Rules, text_questions: Iterable[str] | None = None) -> Space:
    """Choice questions, and the free-text questions named (all when None)."""
    keep = None if text_questions is None else set(text_questions)
    questions = [q for q in rules.questions if q.kind == "choice" or keep is None or q.id in keep]
    order = []
    for q in questions:
        values = [o.id for o in q.options] if q.kind == "choice" else [GIVEN]
        order.append((*values, NA))
    return Space(
        dims=tuple(q.id for q in questions),
        index={q.id: i for i, q in enumerate(questions)},
        order=tuple(order),
        choice=tuple(q.kind == "choice" for q in questions),
    )


def path_boxes(rules: Rules, space: Space) -> tuple[list[Box], set[str]]:
    """Disjoint boxes covering every reachable answer set, and the questions ever asked."""
    boxes: list[Box] = [tuple(frozenset(values) for values in space.order)]
    asked: set[str] = set()
    for question in rules.questions:
        if question.id not in space.index:
            continue
        dim = space.index[question.id]
        # This file's own options: a space shared with another file may hold more.
        values = [o.id for o in question.options] if question.kind == "choice" else [GIVEN]
        required = question.kind == "choice" and question.required
        when_asked = frozenset(values if required else [*values, NA])
        cut = space.constraint(question.when)
        out: list[Box] = []
        for box in boxes:
            for piece, holds in split_by(box, cut):
                if holds:
                    asked.add(question.id)
                out.append(replace(piece, dim, when_asked if holds else frozenset({NA})))
        boxes = out
    return boxes, asked


def split_by(box: Box, cut: Constraint) -> Iterator[tuple[Box, bool]]:
    """Disjoint pieces of `box`, each wholly inside (True) or wholly outside (False) `cut`."""
    rest = box
    for dim, allowed in cut.items():
        outside = rest[dim] - allowed
        if outside:
            yield replace(rest, dim, outside), False
        inside = rest[dim] & allowed
        if not inside:
            return
        rest = replace(rest, dim, inside)
    yield rest, True


def replace(box: Box, dim: int, values: frozenset[str]) -> Box:
    return (*box[:dim], values, *box[dim + 1 :])


def meet(*constraints: Constraint | None) -> Constraint | None:
    """The intersection of constraints, or None when it is empty."""
    out: Constraint = {}
    for constraint in constraints:
        if constraint is None:
            return None
        for dim, allowed in constraint.items():
            both = out[dim] & allowed if dim in out else allowed
            if not both:
                return None
            out[dim] = both
    return out


def contains(constraint: Constraint, box: Box) -> bool:
    return all(box[d] <= allowed for d, allowed in constraint.items())


def disjoint(constraint: Constraint, box: Box) -> bool:
    return any(not (box[d] & allowed) for d, allowed in constraint.items())


def clip(box: Box, constraint: Constraint) -> Box | None:
    out = list(box)
    for dim, allowed in constraint.items():
        out[dim] = box[dim] & allowed
        if not out[dim]:
            return None
    return tuple(out)


class View:
    """A box under evaluation: tests raise Split when the answer differs within the box."""

    def __init__(self, box: Box) -> None:
        self.box = box

    def test(self, constraint: Constraint) -> bool:
        cut = None
        for dim, allowed in constraint.items():
            have = self.box[dim]
            inside = have & allowed
            if not inside:
                return False
            if cut is None and len(inside) < len(have):
                cut = Split(dim, [inside, have - inside])
        if cut is not None:
            raise cut
        return True

    def pick(self, dim: int, mapping: dict[str, str]) -> str | None:
        groups: dict[str | None, set[str]] = {}
        for value in sorted(self.box[dim]):  # a fixed order: output must not depend on hashing
            groups.setdefault(mapping.get(value), set()).add(value)
        if len(groups) > 1:
            raise Split(dim, [frozenset(g) for g in groups.values()])
        return next(iter(groups))


def partition(boxes: Iterable[Box], evaluate: Callable[[View], T]) -> list[tuple[Box, T]]:
    """Cut the boxes until `evaluate` has one value on each piece."""
    stack = list(boxes)
    out = []
    while stack:
        box = stack.pop()
        try:
            out.append((box, evaluate(View(box))))
        except Split as split:
            stack.extend(replace(box, split.dim, part) for part in reversed(split.parts))
    return out


def search(
    box: Box, required: list[Constraint] | None, others: list[list[Constraint]], limit: int
) -> Box | None:
    """A piece of `box` inside one of `required` (anywhere when None) where fewer than `limit`
    of the groups in `others` match (a group matches where any of its constraints holds)."""

    def status(group: list[Constraint], here: Box) -> tuple[int, Constraint | None]:
        partial = None
        for constraint in group:
            if contains(constraint, here):
                return 2, None
            if partial is None and not disjoint(constraint, here):
                partial = constraint
        return (1, partial) if partial is not None else (0, None)

    def walk(here: Box) -> Box | None:
        cut = None
        if required is not None:
            state, cut = status(required, here)
            if state == 0:
                return None
        full, partial = 0, []
        for group in others:
            state, constraint = status(group, here)
            if state == 2:
                full += 1
                if full >= limit:
                    return None
            elif state == 1:
                partial.append(constraint)
        if cut is None:
            if full + len(partial) < limit:
                return here
            cut = partial[0]
        assert cut is not None  # a partial group always names the constraint that cuts
        dim = next(d for d, allowed in cut.items() if not here[d] <= allowed)
        for part in (here[dim] - cut[dim], here[dim] & cut[dim]):
            if part:
                found = walk(replace(here, dim, part))
                if found is not None:
                    return found
        return None

    return walk(box)


def search_all(
    boxes: Iterable[Box],
    required: list[Constraint] | None,
    others: list[list[Constraint]] = (),  # type: ignore[assignment]
    limit: int = 1,
) -> Box | None:
    for box in boxes:
        found = search(box, required, list(others), limit)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class CompiledRule:
    """A level rule as constraints: where it applies, and which steps it can set."""

    rule: LevelRule
    kind: str  # target, floors, caps
    index: int
    when: Constraint
    from_dim: int | None
    steps: tuple[str, ...]

    def step_box(self, space: Space, step: str) -> Constraint | None:
        """Where the rule applies and sets `step`."""
        if self.rule.step is not None:
            return self.when if self.rule.step == step else None
        if self.from_dim is None:
            return None
        options = frozenset(o for o, s in self.rule.map.items() if s == step)
        return meet(self.when, {self.from_dim: options}) if options else None

    def applies_box(self) -> Constraint | None:
        if self.rule.step is not None:
            return self.when
        if self.from_dim is None:
            return None
        return meet(self.when, {self.from_dim: frozenset(self.rule.map)})

    def evaluate(self, view: View) -> str | None:
        if not view.test(self.when):
            return None
        if self.rule.step is not None:
            return self.rule.step
        if self.from_dim is None:
            return None
        return view.pick(self.from_dim, self.rule.map)


def compile_rules(rules: Rules, space: Space, kind: str) -> list[CompiledRule]:
    out = []
    for i, rule in enumerate(getattr(rules.level, kind)):
        steps = (rule.step,) if rule.step is not None else tuple(dict.fromkeys(rule.map.values()))
        from_dim = space.index.get(rule.from_) if rule.from_ else None
        out.append(CompiledRule(rule, kind, i, space.constraint(rule.when), from_dim, steps))
    return out
