"""Findings about any/all/not conditions: a block that can be written plainly, an `any`
alternative that never holds where the rest of the item does, a `not` that excludes every
answer, or none. Each is found exactly, by asking whether an item changed at one place is ever
chosen (findings._selected, over the boxes of the answer space, confirmed by the engine)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ladder.check.codes import WARNING
from ladder.check.findings import Analysis, YamlPath, _selected
from ladder.i18n.messages import t
from ladder.model import Conditions

KINDS = (
    ("structures", "ref.structure"),
    ("methods", "ref.method"),
    ("warnings", "ref.warning"),
    ("expectations", "ref.part"),
)
Step = tuple[str, int]  # ("any" or "all", index): the way from an item to a nested block
Change = Callable[[Conditions], Conditions]


def check_conditions(a: Analysis) -> None:
    for kind, name in KINDS:
        items = a.rules.expectations.parts if kind == "expectations" else getattr(a.rules, kind)
        base: YamlPath = ("expectations", "parts") if kind == "expectations" else (kind,)
        for i, item in enumerate(items):
            if item.composite:
                _item(a, (*base, i), item, t(name, a.lang))


def _item(a: Analysis, path: YamlPath, item: Conditions, kind: str) -> None:
    for where, key in _single_blocks(item, path):
        a.add("simplify.conditions", WARNING, where, "check.conditions_single", block=key)
    chosen = _ever(a, item)
    for steps, block in _positive(item, ()):
        here = (*path, *_flat(steps))
        if chosen:
            for j in range(len(block.any_)) if len(block.any_) > 1 else ():
                narrowed = _at(item, steps, _only_alternative(j))
                if not _ever(a, narrowed):
                    a.add(
                        "dead.branch",
                        WARNING,
                        (*here, "any", j),
                        "check.conditions_dead",
                        kind=kind,
                        id=item.id,  # type: ignore[attr-defined]
                    )
        if block.not_ is None:
            continue
        without = _at(item, steps, lambda b: _copy(b, not_=None))
        if not chosen and _ever(a, without):
            a.add(
                "excluding.not",
                WARNING,
                (*here, "not"),
                "check.conditions_not_all",
                kind=kind,
                id=item.id,  # type: ignore[attr-defined]
            )
        elif chosen:
            within = _at(item, steps, _unnegated)
            if not _ever(a, within):
                a.add(
                    "redundant.not",
                    WARNING,
                    (*here, "not"),
                    "check.conditions_not_none",
                    kind=kind,
                    id=item.id,  # type: ignore[attr-defined]
                )


def _ever(a: Analysis, item: Conditions) -> bool:
    return _selected(a, [item], 0, 1)


def _single_blocks(block: Conditions, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    """Each any/all with one block only, which says no more than its block written plainly."""
    for key, blocks in (("any", block.any_), ("all", block.all_)):
        if len(blocks) == 1:
            yield (*path, key), key
        for i, inner in enumerate(blocks):
            yield from _single_blocks(inner, (*path, key, i))
    if block.not_ is not None:
        yield from _single_blocks(block.not_, (*path, "not"))


def _positive(block: Conditions, steps: tuple[Step, ...]) -> Iterator[tuple[tuple[Step, ...], Any]]:
    """The block and the blocks nested in its any/all, not those under a `not`: where holding
    more often makes the item apply more often, so that a dead part is one that adds nothing."""
    yield steps, block
    for key, blocks in (("any", block.any_), ("all", block.all_)):
        for i, inner in enumerate(blocks):
            yield from _positive(inner, (*steps, (key, i)))


def _flat(steps: tuple[Step, ...]) -> YamlPath:
    return tuple(part for step in steps for part in step)


def _at(item: Conditions, steps: tuple[Step, ...], change: Change) -> Conditions:
    """The item with the block at `steps` changed."""
    if not steps:
        return change(item)
    (key, i), rest = steps[0], steps[1:]
    blocks = list(item.any_ if key == "any" else item.all_)
    blocks[i] = _at(blocks[i], rest, change)
    return _copy(item, **{f"{key}_": blocks})


def _only_alternative(j: int) -> Change:
    def change(block: Conditions) -> Conditions:
        return _copy(block, any_=[block.any_[j]])

    return change


def _unnegated(block: Conditions) -> Conditions:
    """The block with its `not` block required instead of excluded."""
    assert block.not_ is not None
    return _copy(block, not_=None, all_=[*block.all_, block.not_])


def _copy(block: Conditions, **changes: Any) -> Conditions:
    return block.model_copy(update=changes)
