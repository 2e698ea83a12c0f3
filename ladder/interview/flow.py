"""The interview's state, without any prompt: which questions are shown, in what order, and
what happens to later answers when an earlier one changes.

Kept apart from `wizard.py` so that the not-interactive path (exit 5) never imports
questionary, and so that the navigation can be tested without a terminal.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ladder.answers import asked_questions, unanswered_lines
from ladder.conditions import answer_values, chosen
from ladder.errors import NotInteractiveError
from ladder.hints import missing_lines
from ladder.i18n.messages import t
from ladder.model import Question, Rules

BRANCH_BUDGET = 512  # answer sets explored to bound the question count; beyond, show what is known


@dataclass
class Interview:
    """Answers so far and the questions they make relevant.

    `hidden` holds pre-filled questions that --skip-answered keeps off the screen; a hidden
    choice whose answer is dropped is shown again, since it then needs an answer. A hidden free
    text stays hidden without one: it was skipped on purpose.
    """

    rules: Rules
    lang: str
    answers: dict[str, str] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    visited: set[str] = field(default_factory=set)

    def asked(self) -> list[Question]:
        return asked_questions(self.rules, self.answers)

    def shown(self, answers: dict[str, str] | None = None) -> list[Question]:
        values = self.answers if answers is None else answers
        return [
            q
            for q in asked_questions(self.rules, values)
            if not (q.id in self.hidden and (q.id in values or q.kind == "text"))
        ]

    def answer(self, question_id: str, value: str | None) -> None:
        """Record an answer (None: a skipped free text), then drop what no longer applies."""
        if value is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        self.visited.add(question_id)
        self.prune()

    def prune(self) -> None:
        """Drop the answers (and visits) of questions that no longer apply."""
        relevant = {q.id for q in self.asked()}
        self.answers = {k: v for k, v in self.answers.items() if k in relevant}
        self.visited &= relevant

    def reveal(self, question_id: str) -> None:
        """The user chose to see a hidden question (from the summary)."""
        self.hidden.discard(question_id)

    def missing(self) -> list[Question]:
        return [
            q
            for q in self.asked()
            if q.required and q.kind == "choice" and q.id not in self.answers
        ]

    def count_range(self) -> tuple[int, int]:
        """Fewest and most questions shown, over the answers still to come.

        Only unanswered questions that some `when` depends on are branched on, so for the
        default rules this is the arena question alone.
        """
        referenced = {key for q in self.rules.questions for key in q.when}
        counts: set[int] = set()
        budget = [BRANCH_BUDGET]

        def walk(values: dict[str, str]) -> None:
            branch = next(
                (
                    q
                    for q in asked_questions(self.rules, values)
                    if q.id in referenced and q.kind == "choice" and q.id not in values
                ),
                None,
            )
            if branch is None or budget[0] <= 0:
                counts.add(len(self.shown(values)))
                return
            for value in answer_values(branch):  # every set, for a multiple question
                budget[0] -= 1
                walk({**values, branch.id: value})

        walk(dict(self.answers))
        return min(counts), max(counts)

    def position(self, question: Question) -> str:
        """'3 of 7', or '1 of 7–11' while a branching answer is still open."""
        low, high = self.count_range()
        number = [q.id for q in self.shown()].index(question.id) + 1
        total = str(low) if low == high else f"{low}–{high}"
        return t("wizard.position", self.lang, number=number, total=total)

    def answer_text(self, question: Question) -> str:
        value = self.answers.get(question.id)
        if value is None:
            return t("wizard.skipped", self.lang)
        if question.kind == "text":
            return value
        names = {o.id: self.rules.text(o.text, self.lang) for o in question.options}
        return ", ".join(names[o] for o in chosen(value))  # several for a multiple question


def answers_mapping(rules: Rules, values: dict[str, str]) -> dict[str, str | list[str] | None]:
    """The answers as an answers file holds them, in question order: a multiple question's as
    a list, a skipped free text as None, so that --skip-answered does not ask it again."""
    return {
        q.id: chosen(values[q.id]) if q.multiple and q.id in values else values.get(q.id)
        for q in asked_questions(rules, values)
        if q.id in values or q.kind == "text"
    }


def next_position(interview: Interview, after: Question, filling: bool) -> int:
    """Index in `shown()` of the question to ask after `after`.

    While filling in after an edit from the summary, questions already seen are passed over,
    so only those that the change made relevant are asked.
    """
    shown = interview.shown()
    index = [q.id for q in shown].index(after.id) + 1
    return pass_seen(index, len(shown), lambda i: shown[i].id in interview.visited, filling)


def pass_seen(index: int, count: int, seen: Callable[[int], bool], filling: bool) -> int:
    """From `index`, the first step not seen yet while filling in after an edit (of
    `count` steps); `index` itself otherwise."""
    while filling and index < count and seen(index):
        index += 1
    return index


def recommend_command(
    answers: dict[str, str],
    rules_option: str | Path | None,
    lang_option: str | None,
    answers_file: str | os.PathLike[str] | None = None,
) -> str:
    """The `ladder recommend` command line that gives the same answers, quoted for a shell."""
    words = ["ladder", "recommend"]
    if rules_option:
        words += ["--rules", str(rules_option)]
    if lang_option:
        words += ["--lang", lang_option]
    for key, value in answers.items():
        words += ["-a", f"{key}={value}"]
    if answers_file is not None:
        words += ["--answers", str(answers_file)]
    return shlex.join(words)


def not_interactive_error(
    interview: Interview,
    rules_option: str | Path | None,
    lang_option: str | None,
    plan: tuple[str | os.PathLike[str], dict[str, str], list[tuple[str, Interview]]] | None = None,
) -> NotInteractiveError:
    """Exit 5: the command to run instead, and every question still to answer. For a plan
    (its file, the flags, and each track's id and interview) the command reads the file,
    and each track names its own unanswered questions."""
    lang = interview.lang
    rules = interview.rules
    if plan is None:
        details = [recommend_command(interview.answers, rules_option, lang_option)]
        tracks = [("", interview)]
    else:
        file, flags, tracks = plan
        details = [recommend_command(flags, rules_option, lang_option, file)]
    missing = [(name, q) for name, track in tracks for q in track.missing()]
    if missing:
        details.append(t("wizard.unanswered", lang))
        for name, question in missing:  # a track's answer goes in the file, not a flag
            lines = unanswered_lines if name else missing_lines
            (line,) = lines(rules, [question], lang)
            details.append(f"  {name}: {line}" if name else f"  {line}")
        referenced = {key for q in rules.questions for key in q.when}
        pending = list(dict.fromkeys(q.id for _, q in missing if q.id in referenced))
        if pending:
            details.append(t("wizard.depends", lang, ids=", ".join(pending)))
    else:
        details.append(t("wizard.complete", lang))
    return NotInteractiveError(t("wizard.not_interactive", lang), details)
