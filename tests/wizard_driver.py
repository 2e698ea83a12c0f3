"""Drives the wizard in-process: real questionary prompts fed through prompt_toolkit's pipe
input, one group of keys per prompt. Shared by the tests that run the wizard.

Each prompt receives exactly one group of keys, sent when it starts, so a test fails (rather
than hangs) when the wizard asks more or fewer questions than the path it describes.
"""

from __future__ import annotations

import io
import os
import threading

import pytest

from ladder.app import format_recommendation, recommend_from
from ladder.interview.flow import Interview
from ladder.interview.wizard import run_wizard
from ladder.load.loader import load_rules

ENTER = "\r"
DOWN = "\x1b[B"
LEFT = "\x1b[D"
ESC = "\x1b"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_U = "\x15"  # clears the line in a text prompt
CLOSE = None  # closes the input: end of file
ACCEPT = ENTER  # the summary's first choice
SAVE_NOTHING = "4" + ENTER
WATCHDOG_SECONDS = 60


def path_length(rules_path: str | os.PathLike[str], **answers: str) -> int:
    """How many questions the rules ask after these answers, from the rules themselves."""
    interview = Interview(load_rules(rules_path).rules, "en")
    for key, value in answers.items():
        interview.answer(key, value)
    return interview.count_range()[1]


def free_text_count(rules_path: str | os.PathLike[str]) -> int:
    """The free-text questions that every path asks."""
    questions = load_rules(rules_path).rules.questions
    return sum(1 for q in questions if q.kind == "text" and not q.when)


class Drive:
    """Runs the wizard with one key group per prompt; collects what it printed.

    `rules` is the rules file used when a call does not name one (None: the built-in rules).
    """

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, rules: str | os.PathLike[str] | None = None
    ) -> None:
        import questionary

        self.rules = rules
        self.groups: list[str | None] = []
        self.prompts = 0
        self.pipe = None
        real = questionary.Question.unsafe_ask

        def unsafe_ask(question, patch_stdout: bool = False):
            if not self.groups:
                raise AssertionError(f"the wizard asked more than {self.prompts} prompts")
            keys = self.groups.pop(0)
            self.prompts += 1
            if keys is CLOSE:
                self.pipe.close()
            else:
                self.pipe.send_text(keys)
            return real(question, patch_stdout)

        monkeypatch.setattr(questionary.Question, "unsafe_ask", unsafe_ask)

    def __call__(self, keys: list[str | None], *pairs: str, **options):
        from prompt_toolkit.application import create_app_session
        from prompt_toolkit.input import create_pipe_input
        from prompt_toolkit.output import DummyOutput

        self.groups = list(keys)
        out = io.StringIO()
        options.setdefault("lang", "en")
        lang = options.pop("lang")
        rules = options.pop("rules", self.rules)
        answers_file = options.pop("answers_file", None)
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            self.pipe = pipe
            # a prompt that ignores its keys would wait forever: end the input instead, which
            # ends the run with NotInteractiveError
            watchdog = threading.Timer(WATCHDOG_SECONDS, pipe.close)
            watchdog.start()
            try:
                rec = run_wizard(
                    rules, list(pairs), answers_file, lang, interactive=True, out=out, **options
                )
            finally:
                watchdog.cancel()
        assert self.groups == [], f"{len(self.groups)} key groups were not asked for"
        return rec, out.getvalue()


def pairs(answers: dict[str, str]) -> list[str]:
    return [f"{key}={value}" for key, value in answers.items()]


def same_as_flags(rec, answers: dict[str, str], lang: str = "en", rules=None) -> None:
    """The wizard's result equals `ladder recommend` with the same answers as flags."""
    expected, _ = recommend_from(rules, pairs(answers), None, lang)
    assert format_recommendation(rec, "json") == format_recommendation(expected, "json")
