"""The answer space grouped by decision, for properties of the texts.

The invitation and the staff notes are worded from the decision alone (its trace aside), so a
property of those texts holds for every answer set when it holds for one answer set of each
distinct decision. `tests/test_space.py` checks that premise on a sample of every group.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from ladder.check.answer_space import answer_space
from ladder.conditions import applies
from ladder.engine import decide
from ladder.model import Rules


@dataclass(frozen=True)
class Group:
    """The answer sets that lead to one decision; `answers` is the first of them."""

    members: tuple[dict[str, str], ...]

    @property
    def answers(self) -> dict[str, str]:
        return self.members[0]

    def some(self, question: str, value: str) -> bool:
        """Whether any answer set in the group answered `question` with `value`."""
        return any(a.get(question) == value for a in self.members)


def decision_groups(rules: Rules) -> list[Group]:
    """Every reachable answer set, grouped by its decision (the trace left out), in order."""
    groups: dict[object, list[dict[str, str]]] = {}
    for answers in answer_space(rules):
        key = dataclasses.replace(decide(rules, answers), trace=())
        groups.setdefault(key, []).append(answers)
    return [Group(tuple(members)) for members in groups.values()]


def diff_space(rules: Rules) -> Iterator[dict[str, str]]:
    """Every combination `diff` counts: the choice answers, optional ones also unanswered, and
    each free text that a structure, method or warning tests (given or missing), where asked."""
    items = [*rules.structures, *rules.methods, *rules.warnings]
    keys = {k for item in items for block in item.blocks() for k in [*block.given, *block.missing]}
    texts = [q for q in rules.questions if q.kind == "text" and q.id in keys]
    for answers in answer_space(rules, optional=True):
        asked = [q.id for q in texts if applies(q.when, answers)]
        for present in product((False, True), repeat=len(asked)):
            yield {**answers, **{k: "x" for k, on in zip(asked, present, strict=True) if on}}
