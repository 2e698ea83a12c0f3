"""The answer space of a rules file: every combination of choice answers the interview can reach."""

from __future__ import annotations

from collections.abc import Iterator

from ladder.conditions import answer_values, applies
from ladder.model import Rules


def answer_space(rules: Rules, optional: bool = False) -> Iterator[dict[str, str]]:
    """Each reachable set of answers to the required choice questions, in interview order;
    with `optional`, to the optional ones too, each also left unanswered (the space `check`
    and `diff` count).

    Questions are visited in order and a question is asked only when its `when` holds for the
    answers so far, so the count is the number of paths, not the full product.
    """
    questions = [q for q in rules.questions if q.kind == "choice" and (q.required or optional)]

    def walk(index: int, answers: dict[str, str]) -> Iterator[dict[str, str]]:
        if index == len(questions):
            yield dict(answers)
            return
        question = questions[index]
        if not applies(question.when, answers):
            yield from walk(index + 1, answers)
            return
        if not question.required:
            yield from walk(index + 1, answers)
        for value in answer_values(question):
            answers[question.id] = value
            yield from walk(index + 1, answers)
        del answers[question.id]

    return walk(0, {})
