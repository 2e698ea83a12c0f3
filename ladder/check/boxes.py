"""The answer space as boxes, for reasoning over rule conditions without enumerating answers.

A box gives each question a set of values: option ids, NA (not asked, or an optional question
left unanswered) and, for a free-text question, GIVEN. Every `when` is a constraint (a box that
names only some questions). Questions' own `when`s cut the space into path boxes. An evaluation
over a box either gives one value for the whole box or raises Split, naming the question on
which the box must be cut; `partition` cuts until every piece has one value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import product
from typing import TypeVar

from ladder.check.budget import spend
from ladder.conditions import answer_values, matching
from ladder.model import LevelRule, Rules

NA = ""  # no answer: ids never are empty
GIVEN = "*"  # a free-text answer was given
SEP = "\x1f"  # joins the answers of fused questions into one value: ids never hold it
FUSE_LIMIT = 256  # joint answers of one group of tied questions, at most
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
    index: dict[str, int]  # question -> its dimension
    order: tuple[tuple[str, ...], ...]  # each dimension's values in file order, NA last
    choice: tuple[bool, ...]
    # Fused dimensions: questions whose `when`s tie them together (a question and its
    # follow-ups) as one dimension whose values are their joint answers, so that the path
    # boxes of independent follow-ups do not multiply. Each holds its questions' own space.
    parts: dict[int, Space] = field(default_factory=dict)
    questions: tuple[str, ...] = ()  # in file order, when some are fused

    def answers(self, box: Box) -> dict[str, str]:
        """One concrete answer set inside the box (the first value of each question)."""
        out = {}
        for dim, values in enumerate(box):
            out.update(self.answer(dim, next(v for v in self.order[dim] if v in values)))
        return {q: out[q] for q in self.questions if q in out} if self.questions else out

    def values(self, key: str, allowed: Iterable[str]) -> tuple[int, frozenset[str]]:
        """Question `key`'s dimension, and its values where the question's answer is allowed."""
        dim = self.index[key]
        wanted = frozenset(allowed)
        if dim not in self.parts:
            # Several chosen options: every set that holds one of the allowed options.
            return dim, frozenset(v for v in self.order[dim] if matching(v, wanted))
        slot = self.parts[dim].index[key]
        return dim, frozenset(v for v in self.order[dim] if matching(v.split(SEP)[slot], wanted))

    def constraint(self, when: dict[str, list[str]]) -> Constraint:
        out: Constraint = {}
        for key, allowed in when.items():
            if key in self.index:
                dim, values = self.values(key, allowed)
                out[dim] = out[dim] & values if dim in out else values
        return out

    def mapping(self, key: str, mapping: dict[str, str]) -> dict[str, str]:
        """A map from question `key`'s answers, as a map from its dimension's values."""
        dim = self.index[key]
        if dim not in self.parts:
            return mapping
        slot = self.parts[dim].index[key]
        joint = ((v, v.split(SEP)[slot]) for v in self.order[dim])
        return {v: mapping[answer] for v, answer in joint if answer in mapping}

    def answer(self, dim: int, value: str) -> dict[str, str]:
        """The answers one value of a dimension stands for (NA left out)."""
        part = self.parts.get(dim)
        if part is None:
            return {self.dims[dim]: value} if value != NA else {}
        return {k: v for k, v in zip(part.dims, value.split(SEP), strict=True) if v != NA}

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
        values = answer_values(q) if q.kind == "choice" else [GIVEN]
        order.append((*values, NA))
    dims = tuple(q.id for q in questions)
    choice = tuple(q.kind == "choice" for q in questions)
    return fuse(plain_space(dims, tuple(order), choice), [rules])


def plain_space(
    dims: tuple[str, ...], order: tuple[tuple[str, ...], ...], choice: tuple[bool, ...]
) -> Space:
    return Space(dims, {d: i for i, d in enumerate(dims)}, order, choice)


def fuse(space: Space, files: list[Rules]) -> Space:
    """The space with each small group of tied questions as one dimension (see Space.parts).

    A group is fused when its questions are required choice questions in every file, their
    paths need more than one box in some file, and their joint answers number at most
    FUSE_LIMIT; anything else stays as it is (so path boxes multiply only there).
    """
    fused: dict[int, tuple[Space, tuple[str, ...]]] = {}
    for group in _tied_groups(space, files):
        part = plain_space(
            tuple(space.dims[d] for d in group),
            tuple(space.order[d] for d in group),
            tuple(True for _ in group),
        )
        reach = [path_boxes(f, part) for f in files]
        if all(len(boxes) == 1 for boxes, _ in reach):
            continue  # already one box: a product, exact as it is
        if sum(part.size(b) for boxes, _ in reach for b in boxes) > FUSE_LIMIT:
            continue
        joint = {v for boxes, _ in reach for v in _joint(part, boxes)}
        fused[group[0]] = part, tuple(sorted(joint, key=partial(_position, part)))
    if not fused:
        return space
    members = {space.index[k] for part, _ in fused.values() for k in part.dims}
    dims: list[str] = []
    order: list[tuple[str, ...]] = []
    choice: list[bool] = []
    parts: dict[int, Space] = {}
    for d in range(len(space.dims)):
        if d in fused:
            part, values = fused[d]
            parts[len(dims)] = part
            dims.append("+".join(part.dims))
            order.append(values)
            choice.append(True)
        elif d not in members:
            dims.append(space.dims[d])
            order.append(space.order[d])
            choice.append(space.choice[d])
    index = {d: i for i, d in enumerate(dims) if i not in parts}
    for dim, part in parts.items():
        index.update(dict.fromkeys(part.dims, dim))
    return Space(tuple(dims), index, tuple(order), tuple(choice), parts, space.dims)


def _tied_groups(space: Space, files: list[Rules]) -> list[list[int]]:
    """Groups of two or more required choice questions tied by their `when`s, in space order."""
    root = list(range(len(space.dims)))

    def find(d: int) -> int:
        while root[d] != d:
            root[d] = root[root[d]]
            d = root[d]
        return d

    plain = set(range(len(space.dims)))
    for rules in files:
        for q in rules.questions:
            if q.id not in space.index:
                continue
            dim = space.index[q.id]
            if q.kind != "choice" or not q.required or q.multiple:  # see check.serving
                plain.discard(dim)
            for key in q.when:
                if key in space.index:
                    root[find(space.index[key])] = find(dim)
    groups: dict[int, list[int]] = {}
    for d in range(len(space.dims)):
        groups.setdefault(find(d), []).append(d)
    return [g for g in groups.values() if len(g) > 1 and all(d in plain for d in g)]


def _joint(part: Space, boxes: list[Box]) -> Iterator[str]:
    for box in boxes:
        for combination in product(*box):
            yield SEP.join(combination)


def _position(part: Space, value: str) -> tuple[int, ...]:
    """Joint answers sort as the interview lists them: by the first question's order, then on."""
    return tuple(order.index(v) for order, v in zip(part.order, value.split(SEP), strict=True))


def path_boxes(rules: Rules, space: Space) -> tuple[list[Box], set[str]]:
    """Disjoint boxes covering every reachable answer set, and the questions ever asked."""
    start = [frozenset(values) for values in space.order]
    asked: set[str] = set()
    for dim, part in space.parts.items():  # this file's own joint answers
        boxes, part_asked = path_boxes(rules, part)
        start[dim] = frozenset(_joint(part, boxes))
        asked |= part_asked
    boxes = [tuple(start)]
    for question in rules.questions:
        if question.id not in space.index or space.index[question.id] in space.parts:
            continue
        dim = space.index[question.id]
        # This file's own options: a space shared with another file may hold more.
        values = answer_values(question) if question.kind == "choice" else [GIVEN]
        required = question.kind == "choice" and question.required
        when_asked = frozenset(values if required else [*values, NA])
        cut = space.constraint(question.when)
        out: list[Box] = []
        for box in boxes:
            for piece, holds in split_by(box, cut):
                if holds:
                    asked.add(question.id)
                out.append(replace(piece, dim, when_asked if holds else frozenset({NA})))
                spend(pieces=len(out))
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


def meet_unions(one: list[Constraint], two: list[Constraint]) -> list[Constraint]:
    """The intersection of two unions of constraints, as a union."""
    out: list[Constraint] = []
    for x in one:
        for y in two:
            both = meet(x, y)
            if both is not None and not any(within(both, kept) for kept in out):
                out = [kept for kept in out if not within(kept, both)]
                out.append(both)
    spend(len(one) * len(two))
    return out


def within(inner: Constraint, outer: Constraint) -> bool:
    """Whether every answer `inner` allows, `outer` allows too."""
    return all(dim in inner and inner[dim] <= allowed for dim, allowed in outer.items())


def complement(union: list[Constraint], space: Space) -> list[Constraint]:
    """The answers outside every constraint of `union`, as a union of disjoint constraints."""
    out: list[Constraint] = [{}]
    for constraint in union:
        outside: list[Constraint] = []
        inside: Constraint = {}
        for dim in sorted(constraint):
            rest = frozenset(space.order[dim]) - constraint[dim]
            if rest:
                outside.append({**inside, dim: rest})
            inside[dim] = constraint[dim]
        out = meet_unions(out, outside)
        if not out:
            break
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

    def test_any(self, union: list[Constraint]) -> bool:
        """Whether the box is inside the union; cut only when no constraint decides it whole."""
        partial = None
        for constraint in union:
            if contains(constraint, self.box):
                return True
            if partial is None and not disjoint(constraint, self.box):
                partial = constraint
        return partial is not None and self.test(partial)

    def pick(self, dim: int, mapping: dict[str, str]) -> str | None:
        groups: dict[str | None, set[str]] = {}
        for value in sorted(self.box[dim]):  # a fixed order: output must not depend on hashing
            groups.setdefault(mapping.get(value), set()).add(value)
        if len(groups) > 1:
            raise Split(dim, [frozenset(g) for g in groups.values()])
        return next(iter(groups))


def partition(
    boxes: Iterable[Box],
    evaluate: Callable[[View], T],
    keep: Callable[[T], bool] | None = None,
) -> list[tuple[Box, T]]:
    """Cut the boxes until `evaluate` has one value on each piece. With `keep`, only pieces
    whose value it accepts are held (the caller needs nothing from the others)."""
    stack = list(boxes)
    out: list[tuple[Box, T]] = []
    while stack:
        box = stack.pop()
        spend(pieces=len(out) + len(stack))
        try:
            value = evaluate(View(box))
            if keep is None or keep(value):
                out.append((box, value))
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
        spend()
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
    by_value: dict[str, str]  # `from` + `map` over the values of `from_dim`
    sets: dict[str, Constraint]  # step -> where the rule applies and sets it

    def step_box(self, space: Space, step: str) -> Constraint | None:
        """Where the rule applies and sets `step`."""
        return self.sets.get(step)

    def applies_box(self) -> Constraint | None:
        if self.rule.step is not None:
            return self.when
        if self.from_dim is None:
            return None
        return meet(self.when, {self.from_dim: frozenset(self.by_value)})

    def evaluate(self, view: View) -> str | None:
        if not view.test(self.when):
            return None
        if self.rule.step is not None:
            return self.rule.step
        if self.from_dim is None:
            return None
        return view.pick(self.from_dim, self.by_value)


def compile_rules(rules: Rules, space: Space, kind: str) -> list[CompiledRule]:
    out = []
    for i, rule in enumerate(getattr(rules.level, kind)):
        steps = (rule.step,) if rule.step is not None else tuple(dict.fromkeys(rule.map.values()))
        from_dim = space.index.get(rule.from_) if rule.from_ else None
        when = space.constraint(rule.when)
        by_value = space.mapping(rule.from_, rule.map) if from_dim is not None else {}
        sets = {}
        for step in steps:
            found = when if rule.step is not None else None
            if rule.from_ and from_dim is not None:
                options = [o for o, s in rule.map.items() if s == step]
                found = meet(when, space.constraint({rule.from_: options}))
            if found is not None:
                sets[step] = found
        out.append(CompiledRule(rule, kind, i, when, from_dim, steps, by_value, sets))
    return out
