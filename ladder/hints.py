"""The command line's hints on library errors: the flags that answer a question (`-a`) or
write to standard output (`-o -`). The library's own messages name answers and files only."""

from __future__ import annotations

from ladder.answers import unanswered_lines
from ladder.errors import AnswerError, LadderError, OutputError
from ladder.i18n.messages import t
from ladder.model import Question, Rules


def answer_flag(question: str, lang: str) -> str:
    """` Answer with: -a ID=<option>`, to follow the line that names the question."""
    return t("cli.answer_with", lang, flag=f"-a {question}=<{t('answers.option', lang)}>")


def with_flag_hints(error: LadderError, lang: str) -> tuple[str, list[str]]:
    """The error's message and detail lines as the command line shows them."""
    message, details = error.message, list(error.details)
    if isinstance(error, AnswerError) and error.missing:
        details = [
            line + answer_flag(question, lang)
            for line, question in zip(details, error.missing, strict=True)
        ]
    if isinstance(error, OutputError) and error.not_a_file:
        message += t("cli.stdout_hint", lang)
    return message, details


def missing_lines(rules: Rules, missing: list[Question], lang: str) -> list[str]:
    """One line per unanswered question: its text, its options and the flag that answers it
    (the wizard's message on a terminal-less run names the flags)."""
    plain = unanswered_lines(rules, missing, lang)
    return [line + answer_flag(q.id, lang) for line, q in zip(plain, missing, strict=True)]
