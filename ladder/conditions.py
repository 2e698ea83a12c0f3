"""Whether answers meet a `when` of the rules file: the one condition test, free of I/O and text,
shared by the engine, the answers (which questions are asked) and the checker.

The answer to a `multiple` question is carried as its option ids in the file's option order
joined by CHOSEN (ids never hold it), so answers stay strings and the checker's value sets work
unchanged; a `when` on it holds when any chosen option is listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ladder.model import Question

CHOSEN = ","
MAX_MULTIPLE_OPTIONS = 10  # a multiple question's answers are 2**n - 1 subsets: 1,023 at most


def applies(when: dict[str, list[str]], answers: dict[str, str]) -> bool:
    """Whether every question in `when` has one of its listed answers (for several chosen
    options: one of them is listed)."""
    # A loop, not all(genexpr), which costs two to three times as much: the engine's innermost test.
    for key, values in when.items():
        answer = answers.get(key)
        # A single answer that matches never reaches the second test; one that misses pays a
        # substring test.
        if answer not in values and (answer is None or not _any_chosen(answer, values)):
            return False
    return True


def _any_chosen(answer: str, values: list[str]) -> bool:
    if CHOSEN not in answer:
        return False
    return any(a in values for a in answer.split(CHOSEN))


def chosen(answer: str) -> list[str]:
    """The option ids of an answer: one, or several for a multiple question."""
    return answer.split(CHOSEN)


def joined(option_ids: Iterable[str]) -> str:
    """Several option ids (already in file order) as one answer."""
    return CHOSEN.join(option_ids)


def matching(value: str, allowed: frozenset[str] | set[str]) -> bool:
    """Whether one answer (single or several chosen) has an option in `allowed`."""
    return value in allowed or (CHOSEN in value and any(a in allowed for a in chosen(value)))


def subsets(option_ids: list[str]) -> Iterator[str]:
    """Every non-empty set of options as an answer, singles first, each in file order."""
    for size in range(1, len(option_ids) + 1):
        for group in combinations(option_ids, size):
            yield joined(group)


def answer_values(question: Question) -> list[str]:
    """Every answer a choice question can have: its options, or for a multiple question every
    non-empty set of them (2**n - 1 values, n at most MAX_MULTIPLE_OPTIONS)."""
    ids = [o.id for o in question.options]
    return list(subsets(ids)) if question.multiple else ids
