"""Coverage, overlap and shadowing, and unreachable content, found over boxes of answers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ladder.check.boxes import (
    GIVEN,
    Box,
    CompiledRule,
    Space,
    clip,
    make_space,
    meet,
    path_boxes,
    search,
    search_all,
)
from ladder.check.budget import (
    BUDGET_VARIABLE,
    MAX_PIECES,
    OutOfBudget,
    budget_limit,
    spend,
    stopped_by_pieces,
)
from ladder.check.codes import ERROR, WARNING
from ladder.check.logic import LevelCell, Logic
from ladder.check.readers import missing_variants
from ladder.check.serving import added_for_a_group
from ladder.engine import decide_level, matches
from ladder.i18n.messages import t
from ladder.model import Conditions, Rules

YamlPath = tuple[str | int, ...]
CONCRETE_TEXT = "x"  # stands for any free-text answer when the engine is asked


@dataclass(frozen=True)
class Raw:
    """A finding before it is located in the file."""

    code: str
    severity: str
    path: YamlPath
    message: str


@dataclass
class Analysis:
    """The answer space of one rules file, cut into pieces with one level each."""

    rules: Rules
    lang: str
    space: Space
    boxes: list[Box]
    asked: set[str]
    logic: Logic
    cells: list[tuple[Box, LevelCell]]
    found: list[Raw] = field(default_factory=list)

    def add(self, code: str, severity: str, path: YamlPath, key: str, **values: Any) -> None:
        self.found.append(Raw(code, severity, path, t(key, self.lang, **values)))

    def unfinished(self, path: YamlPath, stage: str, **values: Any) -> None:
        """A check the work budget did not let finish: an error, so that the file fails."""
        what = t(f"check.stage.{stage}", self.lang, **values)
        self.found.append(budget_finding(path, what, self.lang))

    def concrete(self, box: Box) -> dict[str, str]:
        """Answers inside the box as the engine takes them."""
        return {k: (CONCRETE_TEXT if v == GIVEN else v) for k, v in self.space.answers(box).items()}

    def combo(self, box: Box) -> str:
        given = t("check.text_given", self.lang)
        parts = [f"{k}={given if v == GIVEN else v}" for k, v in self.space.answers(box).items()]
        return ", ".join(parts) or t("check.no_answers", self.lang)

    def step_name(self, step: str | None) -> str:
        if step is None:
            return t("engine.no_step", self.lang)
        return self.rules.text(self.rules.step(step).name, self.lang)


def budget_finding(path: YamlPath, what: str, lang: str) -> Raw:
    if stopped_by_pieces():
        message = t("check.pieces", lang, what=what, limit=MAX_PIECES)
    else:
        message = t("check.budget", lang, what=what, limit=budget_limit(), name=BUDGET_VARIABLE)
    return Raw("budget.exceeded", ERROR, path, message)


def analyse(rules: Rules, lang: str) -> Analysis:
    space = make_space(rules)
    boxes, asked = path_boxes(rules, space)
    logic = Logic(rules, space)
    return Analysis(rules, lang, space, boxes, asked, logic, logic.cells(boxes))


def check_rules(a: Analysis) -> None:
    """Each check in turn; one that runs out of the work budget says so, and the rest go on."""
    for check, stage, path in (
        (questions, "", ()),
        (coverage, "coverage", ("level",)),
        (target_rules, "target", ("level", "target")),
        (floors_and_caps, "floors_caps", ("level",)),
        (duplicates, "", ()),
        (explained_caps, "", ()),
        (steps, "", ()),
        (outputs, "outputs", ("structures",)),
        (missing_variants, "", ()),
    ):
        try:
            check(a)
        except OutOfBudget:
            a.unfinished(path, stage)


def questions(a: Analysis) -> None:
    for i, q in enumerate(a.rules.questions):
        if q.id not in a.asked:
            a.add(
                "unreachable.question",
                WARNING,
                ("questions", i, "when"),
                "check.question_never_asked",
                id=q.id,
            )
    references = _option_references(a.rules)
    for i, q in enumerate(a.rules.questions):
        if q.kind != "choice" or q.id not in a.asked:
            continue
        seen = references.get(q.id)
        if not seen:
            a.add("unused.question", WARNING, ("questions", i), "check.question_unused", id=q.id)
            continue
        classes: dict[tuple[Any, ...], str] = {}
        for j, option in enumerate(q.options):
            signature = tuple(ref(option.id) for ref in seen)
            if signature in classes:
                a.add(
                    "undistinguished.option",
                    WARNING,
                    ("questions", i, "options", j, "id"),
                    "check.option_alike",
                    id=option.id,
                    other=classes[signature],
                    question=q.id,
                )
            else:
                classes[signature] = option.id


def _option_references(rules: Rules) -> dict[str, list[Any]]:
    """For each question, functions option -> what a rule does with it (for telling apart)."""
    out: dict[str, list[Any]] = {}

    def when(conditions: dict[str, list[str]]) -> None:
        for key, values in conditions.items():
            out.setdefault(key, []).append(lambda o, v=frozenset(values): o in v)

    for q in rules.questions:
        when(q.when)
    for step in rules.steps:
        for variant in step.variants:
            when(variant.when)
    for kind in ("target", "floors", "caps"):
        for rule in getattr(rules.level, kind):
            when(rule.when)
            if rule.from_:
                out.setdefault(rule.from_, []).append(lambda o, m=rule.map: m.get(o))
    items: list[Conditions] = [*rules.structures, *rules.methods, *rules.warnings]
    for item in [*items, *rules.expectations.parts]:
        for block in item.blocks():
            when(block.when)
    return out


def coverage(a: Analysis) -> None:
    missing = [box for box, cell in a.cells if cell.level is None]
    if missing:
        count = sum(a.space.size(b) for b in missing)
        a.add(
            "coverage.level",
            ERROR,
            ("level", "target"),
            "check.coverage_level",
            count=count,
            answers=a.combo(missing[0]),
        )
    for kind in ("structures", "methods"):
        items = [a.logic.item(x) for x in getattr(a.rules, kind)]
        for box, cell in a.cells:
            spend(len(items))
            if cell.level is None:
                continue
            groups = [a.logic.item_boxes(item, cell) for item in items]
            hole = search(box, None, groups, 1)
            if hole is not None:
                a.add(
                    f"coverage.{kind[:-1]}",
                    ERROR,
                    (kind,),
                    f"check.coverage_{kind[:-1]}",
                    answers=a.combo(hole),
                    level=a.step_name(cell.level),
                )
                break


def target_rules(a: Analysis) -> None:
    rules = a.logic.target
    fired = {cell.target_rule for _, cell in a.cells}
    applies = [r.applies_box() for r in rules]
    for rule in rules:
        if rule.index in fired:
            continue
        path = ("level", "target", rule.index)
        mine = applies[rule.index]
        if mine is None or search_all(a.boxes, [mine]) is None:
            a.add("unreachable.rule", WARNING, path, "check.rule_never_applies", id=rule.rule.id)
            continue
        earlier = [
            r.rule.id
            for r in rules[: rule.index]
            if applies[r.index] is not None and meet(applies[r.index], mine) is not None
        ]
        a.add(
            "shadowed.rule",
            WARNING,
            path,
            "check.rule_shadowed",
            id=rule.rule.id,
            earlier=", ".join(earlier),
        )
    for j, later in enumerate(rules):
        if not later.rule.when and later.rule.step is not None:
            continue  # a last rule without `when` is the deliberate default
        if j not in fired:
            continue
        for first in rules[:j]:
            found = _conflict(a, first, later)
            if found is not None:
                box, s1, s2 = found
                a.add(
                    "overlap.rule",
                    WARNING,
                    ("level", "target", j),
                    "check.rule_overlap",
                    first=first.rule.id,
                    id=later.rule.id,
                    answers=a.combo(box),
                    step1=a.step_name(s1),
                    step2=a.step_name(s2),
                )
                break


def _conflict(a: Analysis, first: CompiledRule, later: CompiledRule) -> tuple[Box, str, str] | None:
    for s1 in first.steps:
        for s2 in later.steps:
            if s1 == s2:
                continue
            both = meet(first.step_box(a.space, s1), later.step_box(a.space, s2))
            if both is not None:
                box = search_all(a.boxes, [both])
                if box is not None:
                    return box, s1, s2
    return None


def floors_and_caps(a: Analysis) -> None:
    for kind, rules in (("floors", a.logic.floor_rules), ("caps", a.logic.cap_rules)):
        for rule in rules:
            if not _has_effect(a, kind, rule):
                applies = rule.applies_box()
                never = applies is None or search_all(a.boxes, [applies]) is None
                key = "check.rule_never_applies" if never else f"check.{kind[:-1]}_no_effect"
                code = "unreachable.rule" if never else "shadowed.rule"
                a.add(code, WARNING, ("level", kind, rule.index), key, id=rule.rule.id)


def _has_effect(a: Analysis, kind: str, rule: CompiledRule) -> bool:
    for box, cell in a.cells:
        spend()
        if cell.level is None or cell.raised is None:
            continue
        if kind == "floors" and cell.raised != cell.target:
            step_box = rule.step_box(a.space, cell.raised)
        elif kind == "caps" and cell.level != cell.raised:
            step_box = rule.step_box(a.space, cell.level)
        else:
            continue
        if step_box is not None and clip(box, step_box) is not None:
            return True
    return False


def duplicates(a: Analysis) -> None:
    for kind in ("target", "floors", "caps"):
        seen: dict[tuple[Any, ...], str] = {}
        for i, rule in enumerate(getattr(a.rules.level, kind)):
            key = (
                tuple(sorted((k, tuple(sorted(v))) for k, v in rule.when.items())),
                rule.step,
                rule.from_,
                tuple(sorted(rule.map.items())),
            )
            if key in seen:
                a.add(
                    "duplicate.rule",
                    WARNING,
                    ("level", kind, i),
                    "check.rule_duplicate",
                    id=rule.id,
                    first=seen[key],
                )
            else:
                seen[key] = rule.id


def _named_caps(item: Conditions) -> Iterator[str]:
    """The caps an item is raised for: its `capped_by` and that of its any/all blocks (a cap
    named under `not` is one the item is not raised for)."""
    yield from item.capped_by
    for block in (*item.any_, *item.all_):
        yield from _named_caps(block)


def explained_caps(a: Analysis) -> None:
    """Each cap is named in `capped_by` of a warning or statement part, so that a user whose
    level it lowers is told why; a new cap with no explanation would otherwise go unsaid."""
    named = {
        cap
        for item in [*a.rules.warnings, *a.rules.expectations.parts]
        for cap in _named_caps(item)
    }
    for i, cap in enumerate(a.rules.level.caps):
        if cap.id not in named:
            a.add(
                "unexplained.cap", ERROR, ("level", "caps", i), "check.cap_unexplained", id=cap.id
            )


def steps(a: Analysis) -> None:
    reached = {cell.level for _, cell in a.cells}
    for i, step in enumerate(a.rules.steps):
        if step.id not in reached:
            a.add("unreachable.step", WARNING, ("steps", i), "check.step_never", id=step.id)


def outputs(a: Analysis) -> None:
    """Structures and methods never selected; warnings, statement parts, mandate texts unused."""
    selectable: set[str] = set()
    for kind, limit in (
        ("structures", a.rules.selection.structures),
        ("methods", a.rules.selection.methods),
    ):
        items: list[Any] = getattr(a.rules, kind)
        for i, item in enumerate(items):
            if _selected(a, items, i, limit) or added_for_a_group(a, items, i, limit, kind):
                selectable.add(item.id)
                continue
            if _selected(a, [item], 0, 1):
                a.add(
                    f"shadowed.{kind[:-1]}",
                    WARNING,
                    (kind, i),
                    "check.item_crowded",
                    kind=t(f"ref.{kind[:-1]}", a.lang),
                    id=item.id,
                    limit=limit,
                )
            else:
                a.add(
                    f"unreachable.{kind[:-1]}",
                    WARNING,
                    (kind, i),
                    "check.item_never",
                    kind=t(f"ref.{kind[:-1]}", a.lang),
                    id=item.id,
                )
    for i, warning in enumerate(a.rules.warnings):
        if not _selected(a, [warning], 0, 1):
            a.add(
                "unreachable.warning",
                WARNING,
                ("warnings", i),
                "check.warning_never",
                id=warning.id,
            )
    for i, part in enumerate(a.rules.expectations.parts):
        if not _selected(a, [part], 0, 1):
            a.add(
                "unreachable.part",
                WARNING,
                ("expectations", "parts", i),
                "check.part_never",
                id=part.id,
            )
    used = {s.mandate for s in a.rules.structures if s.id in selectable}
    for mandate in ("personal", "organisational"):
        if mandate not in used:
            a.add(
                "unused.mandate_type",
                WARNING,
                ("mandate_types", mandate),
                "check.mandate_unused",
                id=mandate,
            )


def _selected(a: Analysis, items: list[Any], index: int, limit: int) -> bool:
    """Whether item `index` is among the first `limit` matches for some reachable answers."""
    compiled = [a.logic.item(x) for x in items[: index + 1]]
    for box, cell in a.cells:
        spend()
        mine = a.logic.item_boxes(compiled[index], cell)
        if not mine:
            continue
        spend(index)
        earlier = [a.logic.item_boxes(c, cell) for c in compiled[:index]]
        found = search(box, mine, earlier, limit)
        if found is not None:
            confirm(a, found, items, index, limit)
            return True
    return False


def confirm(a: Analysis, box: Box, items: list[Any], index: int, limit: int) -> None:
    """The engine must agree with the box reasoning; a disagreement is a bug in the checker."""
    answers = a.concrete(box)
    decision = decide_level(a.rules, answers)
    earlier = sum(matches(x, answers, decision) for x in items[:index])
    if not matches(items[index], answers, decision) or earlier >= limit:
        raise RuntimeError(f"checker and engine disagree on {items[index].id} for {answers}")
