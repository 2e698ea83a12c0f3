"""The pure decision: (rules, answers) -> Decision, ids and ranks with a typed trace; no text.

level = min(max(target, highest floor), lowest cap). Everything else (structures, methods,
warnings, statement parts) is chosen by the conditions written in the rules file. The wording
step (ladder.wording) puts a decision into one language.
"""

from __future__ import annotations

from typing import Protocol

from ladder.conditions import CHOSEN, applies, chosen
from ladder.model import (
    Conditions,
    LevelRule,
    Method,
    Reader,
    Rules,
    StatementPart,
    Structure,
    WarningRule,
)
from ladder.result import Decision, Effect, LevelDecision, TraceEntry, TraceKind


class NoTarget(Exception):
    """No target rule applies to these answers: the rules file leaves them without a level."""


class Placed(Protocol):
    """What `matches` reads of a decision."""

    @property
    def level(self) -> str: ...

    @property
    def binding_caps(self) -> frozenset[str]: ...


def rule_step(rule: LevelRule, answers: dict[str, str]) -> str | None:
    """The step a level rule sets for these answers, or None when it does not apply."""
    if not applies(rule.when, answers):
        return None
    if rule.step is not None:
        return rule.step
    answer = answers.get(rule.from_ or "")
    return rule.map.get(answer) if answer is not None else None


def decide_level(rules: Rules, answers: dict[str, str]) -> LevelDecision:
    """The level for these answers and the rules that made it; NoTarget when no target applies."""
    trace: list[TraceEntry] = []
    target = _target(rules, answers, trace)
    raised, raised_rank = _raised(rules, answers, target, trace)
    capped, lowest_cap, lowest_rank = _caps(rules, answers)
    if lowest_cap is not None and lowest_rank < raised_rank:
        level, level_rank = lowest_cap, lowest_rank
        binding = frozenset(r.id for r, step in capped if step == level)
    else:
        level, level_rank, binding = raised, raised_rank, NO_CAPS
    for rule, step in capped:
        trace.append(_entry("cap", rule, step, "lowers" if rule.id in binding else "none", answers))
    return LevelDecision(target, raised, lowest_cap, level, level_rank, binding, tuple(trace))


NO_CAPS: frozenset[str] = frozenset()

# _target, _raised and _caps look each step's rank up once: they run for every combination the
# checker tries.


def _target(rules: Rules, answers: dict[str, str], trace: list[TraceEntry]) -> str:
    """The step of the first target rule that applies."""
    for rule in rules.level.target:
        target = rule_step(rule, answers)
        if target is not None:
            trace.append(_entry("target", rule, target, "sets", answers))
            return target
    raise NoTarget


def _raised(
    rules: Rules, answers: dict[str, str], target: str, trace: list[TraceEntry]
) -> tuple[str, int]:
    """The target raised to the highest floor that applies, and its rank."""
    raised, raised_rank = target, rules.rank(target)
    for rule in rules.level.floors:
        step = rule_step(rule, answers)
        if step is not None:
            step_rank = rules.rank(step)
            raises = step_rank > raised_rank
            trace.append(_entry("floor", rule, step, "raises" if raises else "none", answers))
            if raises:
                raised, raised_rank = step, step_rank
    return raised, raised_rank


def _caps(
    rules: Rules, answers: dict[str, str]
) -> tuple[list[tuple[LevelRule, str]], str | None, int]:
    """The caps that apply with their steps, the lowest of those steps, and its rank."""
    capped = []
    lowest_cap, lowest_rank = None, 0
    for rule in rules.level.caps:
        step = rule_step(rule, answers)
        if step is not None:
            step_rank = rules.rank(step)
            if lowest_cap is None or step_rank < lowest_rank:
                lowest_cap, lowest_rank = step, step_rank
            capped.append((rule, step))
    return capped, lowest_cap, lowest_rank


def _entry(
    kind: TraceKind, rule: LevelRule, step: str, effect: Effect, answers: dict[str, str]
) -> TraceEntry:
    answer = answers.get(rule.from_) if rule.from_ else None
    return TraceEntry(kind, rule.id, step, effect, rule.from_, answer)


def decide(rules: Rules, answers: dict[str, str]) -> Decision:
    """The level, and what is chosen at it: the first structures and methods that match (as many
    as `selection` allows), every warning and statement part that matches, the step variant."""
    placed = decide_level(rules, answers)
    limit = rules.selection
    structures, methods, warnings, parts = _at_level(rules, placed.level)
    step = rules.step(placed.level)
    variant = next((i for i, v in enumerate(step.variants) if applies(v.when, answers)), None)
    groups = _groups(rules, answers)
    readers = _chosen(rules.expectations.readers, answers, placed, None)
    if groups:
        picked, structure_serves = _serving(structures, answers, placed, limit.structures, groups)
        methods_picked, method_serves = _serving(methods, answers, placed, limit.methods, groups)
        return Decision(
            *(placed.target, placed.raised, placed.lowest_cap, placed.level, placed.rank),
            *(placed.binding_caps, placed.trace, variant, picked, methods_picked),
            _chosen(warnings, answers, placed, None),
            _chosen(parts, answers, placed, None),
            structure_serves,
            method_serves,
            readers,
        )
    return Decision(
        placed.target,
        placed.raised,
        placed.lowest_cap,
        placed.level,
        placed.rank,
        placed.binding_caps,
        placed.trace,
        variant,
        _chosen(structures, answers, placed, limit.structures),
        _chosen(methods, answers, placed, limit.methods),
        _chosen(warnings, answers, placed, None),
        _chosen(parts, answers, placed, None),
        readers=readers,
    )


def decide_plan(rules: Rules, tracks: list[dict[str, str]]) -> tuple[Decision, ...]:
    """A plan's decisions: one per track, each on the shared answers and the track's own
    (merged and validated before, as for a single recommendation)."""
    return tuple(decide(rules, answers) for answers in tracks)


def _chosen(
    items: list[Structure] | list[Method] | list[WarningRule] | list[StatementPart] | list[Reader],
    answers: dict[str, str],
    placed: Placed,
    limit: int | None,
) -> tuple[str, ...]:
    return tuple([x.id for x in items if matches(x, answers, placed)][:limit])


Group = tuple[str, str]  # a multiple question and one option chosen for it


def _groups(rules: Rules, answers: dict[str, str]) -> list[Group]:
    """Each option chosen for a multiple question answered with several: the groups that
    recruitment and methods must serve."""
    groups: list[Group] = []
    for key, value in answers.items():
        if CHOSEN in value:  # cheap first: a free text may hold a comma too
            question = next((q for q in rules.questions if q.id == key), None)
            if question is not None and question.multiple:
                groups.extend((key, option) for option in chosen(value))
    return groups


def _serving(
    items: list[Structure] | list[Method],
    answers: dict[str, str],
    placed: Placed,
    limit: int,
    groups: list[Group],
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The first `limit` items that match, then for each group none of them serves the first
    matching item that serves it (so the limit grows by at most one per group), in file order;
    with the groups each serves. An item serves a group when it matches with that group alone
    chosen; one that matches only the combination serves all of them."""
    matched = [x for x in items if matches(x, answers, placed)]
    serves = {}
    for x in matched:
        alone = tuple(o for k, o in groups if matches(x, {**answers, k: o}, placed))
        serves[x.id] = alone or tuple(o for _, o in groups)
    kept = {x.id for x in matched[:limit]}
    for _, option in groups:
        if not any(option in serves[i] for i in kept):
            extra = next((x.id for x in matched if option in serves[x.id]), None)
            if extra is not None:
                kept.add(extra)
    ids = tuple(x.id for x in matched if x.id in kept)
    return ids, tuple(serves[i] for i in ids)


def matches(item: Conditions, answers: dict[str, str], decision: Placed) -> bool:
    """Whether an item's conditions hold for these answers at the decided level."""
    # Plain loops and early returns: this is the engine's innermost call.
    if item.levels and decision.level not in item.levels:
        return False
    if item.capped_by and decision.binding_caps.isdisjoint(item.capped_by):
        return False
    for key in item.given:
        if key not in answers:
            return False
    for key in item.missing:
        if key in answers:
            return False
    if not applies(item.when, answers):
        return False
    # The composite keys last: most items have none, and they cost only when the rest holds.
    if item.all_ or item.any_ or item.not_ is not None:
        return _composite(item, answers, decision)
    return True


def _composite(item: Conditions, answers: dict[str, str], decision: Placed) -> bool:
    """Whether every block of `all`, one of `any`, and not the block of `not` holds."""
    for block in item.all_:
        if not matches(block, answers, decision):
            return False
    if item.any_ and not any(matches(block, answers, decision) for block in item.any_):
        return False
    return item.not_ is None or not matches(item.not_, answers, decision)


AtLevel = tuple[list[Structure], list[Method], list[WarningRule], list[StatementPart]]
_AT_LEVEL: dict[int, tuple[Rules, dict[str, AtLevel]]] = {}


def _at_level(rules: Rules, level: str) -> AtLevel:
    """The structures, methods, warnings and statement parts whose `levels` allow this level,
    in order: most items name a few levels, so `matches` is spared most of them."""
    kept = _AT_LEVEL.get(id(rules))
    if kept is None or kept[0] is not rules:  # holding `rules` keeps its id from being reused
        if len(_AT_LEVEL) >= 16:
            _AT_LEVEL.clear()
        kept = _AT_LEVEL[id(rules)] = (rules, {})
    found = kept[1].get(level)
    if found is None:
        found = kept[1][level] = (
            [s for s in rules.structures if not s.levels or level in s.levels],
            [m for m in rules.methods if not m.levels or level in m.levels],
            [w for w in rules.warnings if not w.levels or level in w.levels],
            [p for p in rules.expectations.parts if not p.levels or level in p.levels],
        )
    return found
