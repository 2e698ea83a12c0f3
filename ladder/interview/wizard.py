"""The interactive interview: asks, with questionary, what the flags and the answers file left
open, then shows the recommendation and offers to save it.

The only module that imports questionary (and prompt_toolkit), always inside functions.
Answers are checked with `answers.validate_answer` and merged with `answers.resolve`, the
same code the `-a` flags go through; navigation lives in `wizard_flow`.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ladder.answers import asked_questions, resolve, validate_answer
from ladder.app import answer_sources, recommendation_for
from ladder.conditions import chosen
from ladder.errors import AnswerError, OutputError
from ladder.i18n.messages import t
from ladder.interview.checkbox import ask_checkbox
from ladder.interview.flow import Interview, next_position, not_interactive_error
from ladder.interview.keys import BACK, add_keys, back_keys, text_keys, wrap_descriptions
from ladder.load.loader import LoadedRules, load_rules
from ladder.model import Question, Rules
from ladder.result import Recommendation
from ladder.wording import texts

if TYPE_CHECKING:
    from prompt_toolkit.key_binding import KeyBindings

# Sentinels returned by prompts (and BACK, from wizard_keys); option ids cannot collide.
ACCEPT = "<accept>"
OVERWRITE = "<overwrite>"
RENAME = "<rename>"
SAVE_CHOICES = ("both", "record", "answers", "none")
PAGE = "whole"  # the save prompt's choice that shows the whole result in a pager
SUMMARY_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"  # one key per answer; 0 accepts


def run_wizard(
    rules_option: str | os.PathLike[str] | None,
    pairs: list[str],
    answers_file: str | os.PathLike[str] | None,
    lang: str,
    *,
    lang_option: str | None = None,
    skip_answered: bool = False,
    color: bool = True,
    interactive: bool | None = None,
    out: TextIO | None = None,
) -> Recommendation:
    """Interview, recommend, render, offer to save. NotInteractiveError without a terminal."""
    loaded = load_rules(rules_option, lang)
    resolved = resolve(loaded.rules, answer_sources(pairs, answers_file, lang), lang)
    for note in resolved.notes:
        sys.stderr.write(note + "\n")
    interview = Interview(
        loaded.rules,
        lang,
        dict(resolved.values),
        hidden={*resolved.values, *resolved.skipped} if skip_answered else set(),
    )
    if interactive is None:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    rules_shown = str(rules_option) if rules_option else None
    if not interactive:
        raise not_interactive_error(interview, rules_shown, lang_option)
    prompts = Prompts(loaded.rules, lang, color, out or sys.stdout)
    try:
        prompts.intro(loaded, interview)
        walk(interview, prompts)
        final = resolve(loaded.rules, [interview.answers], lang)
        rec = recommendation_for(loaded, final.values, lang)
        prompts.show(rec)
        prompts.offer_save(rec, final.values, loaded)
    except EOFError:  # input closed under us: say what to run instead
        raise not_interactive_error(interview, rules_shown, lang_option) from None
    return rec


def walk(interview: Interview, prompts: Prompts) -> None:
    """Ask the shown questions in order with back navigation, then the summary until accepted."""
    position = 0
    filling = False
    while True:
        shown = interview.shown()
        if position >= len(shown):
            choice = prompts.summary(interview, can_back=bool(shown))
            if choice == ACCEPT:
                return
            if choice == BACK:
                position, filling = len(shown) - 1, False
                continue
            interview.reveal(choice)
            position = [q.id for q in interview.shown()].index(choice)
            filling = True
            continue
        question = shown[position]
        value = prompts.ask(question, interview, can_back=position > 0)
        if value == BACK:
            position -= 1
            continue
        interview.answer(question.id, value)
        position = next_position(interview, question, filling)


class Prompts:
    """The questionary prompts, in one language; everything else is printed to `out`."""

    def __init__(self, rules: Rules, lang: str, color: bool, out: TextIO) -> None:
        self.rules = rules
        self.lang = lang
        self.out = out
        self.color = color and "NO_COLOR" not in os.environ
        self.text = texts(rules, lang)
        self.extra: dict[str, Any] = {}
        self.paged = ""  # the whole result, when the screen showed only its essentials
        if not self.color:
            from prompt_toolkit.output import ColorDepth

            self.extra["color_depth"] = ColorDepth.MONOCHROME

    def say(self, text: str = "", style: str = "") -> None:
        width = max(30, shutil.get_terminal_size().columns - 1)
        lines = [textwrap.fill(p, width) if p else "" for p in text.split("\n")]
        body = "\n".join(lines)
        codes = {"bold": "\x1b[1m", "dim": "\x1b[2m"}
        if self.color and style in codes and self.out.isatty():
            body = f"{codes[style]}{body}\x1b[0m"
        self.out.write(body + "\n")
        self.out.flush()

    def intro(self, loaded: LoadedRules, interview: Interview) -> None:
        low, high = interview.count_range()
        count: int | str = low if low == high else f"{low}–{high}"
        region = self.text(loaded.rules.region.name)
        self.say(t("wizard.intro", self.lang, region=region, count=count), "bold")

    def ask(self, question: Question, interview: Interview, can_back: bool) -> str | None:
        """The answer (validated), None for a skipped free text, or BACK."""
        if question.kind == "text":
            hint = "wizard.text_hint" if can_back else "wizard.text_hint_first"
        elif question.multiple:
            hint = "wizard.checkbox_hint" if can_back else "wizard.checkbox_hint_first"
        else:
            hint = "wizard.select_hint" if can_back else "wizard.select_hint_first"
        self.say()
        self.say(f"{interview.position(question)}  {t(hint, self.lang)}", "bold")
        self.say(self.text(question.help), "dim")
        if question.kind == "text":
            return self._free_text(question, interview, can_back)
        if question.multiple:
            current = interview.answers.get(question.id)
            return ask_checkbox(self.rules, question, current, self.lang, can_back, self.extra)
        return self._choice(question, interview, can_back)

    def _choice(self, question: Question, interview: Interview, can_back: bool) -> str:
        import questionary

        choices: list[Any] = [
            questionary.Choice(self.text(o.text), value=o.id, description=self.text(o.help))
            for o in question.options
        ]
        if can_back:
            choices.append(questionary.Choice(t("wizard.back", self.lang), value=BACK))
        value = self._select(
            self.text(question.text), choices, interview.answers.get(question.id), can_back, hint=""
        )
        return (
            value if value == BACK else validate_answer(self.rules, question.id, value, self.lang)
        )

    def _free_text(self, question: Question, interview: Interview, can_back: bool) -> str | None:
        """The answer, None when skipped, or BACK; going back keeps what the screen shows."""
        import questionary

        def check(value: str) -> bool | str:
            if not value.strip():
                return True
            try:
                validate_answer(self.rules, question.id, value, self.lang)
            except AnswerError as error:
                return error.message
            return True

        default = interview.answers.get(question.id, "")
        prompt = questionary.text(
            self.text(question.text), default=default, validate=check, **self.extra
        )
        keeps = (lambda text: check(text) is True) if can_back else None
        value = self._ask(prompt, text_keys(keeps, default))
        if value == BACK:
            shown = prompt.application.current_buffer.text
            interview.answer(question.id, self._checked(question, shown))
            return BACK
        return self._checked(question, value)

    def _checked(self, question: Question, text: str) -> str | None:
        """A free text validated, or None for an empty one (skipped)."""
        value = text.strip()
        return validate_answer(self.rules, question.id, value, self.lang) if value else None

    def _ask(self, prompt: Any, bindings: KeyBindings) -> str:
        add_keys(prompt.application, bindings)
        return str(prompt.unsafe_ask())

    def _select(
        self,
        message: str,
        choices: list[Any],
        default: str | None,
        can_back: bool,
        hint: str | None = None,
    ) -> str:
        """A list; `hint` '' when the header line already explains the keys."""
        import questionary
        from questionary.prompts.common import InquirerControl

        count = sum(1 for c in choices if isinstance(c, questionary.Choice))
        shortcuts = count <= len(InquirerControl.SHORTCUT_KEYS)
        if hint is None:
            hint = t("wizard.select_hint" if can_back else "wizard.select_hint_first", self.lang)
        prompt = questionary.select(
            message,
            choices,
            default=default,
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            instruction=hint or " ",
            **self.extra,
        )
        wrap_descriptions(prompt.application)
        return self._ask(prompt, back_keys(can_back, left=True))

    def summary(self, interview: Interview, can_back: bool) -> str:
        """ACCEPT, BACK, or the id of the question to change."""
        import questionary

        self.say()
        hint = t("wizard.summary_hint", self.lang) if can_back else ""
        self.say(f"{t('wizard.summary_title', self.lang)}  {hint}", "bold")
        width = max(40, shutil.get_terminal_size().columns - 8)
        choices: list[Any] = [
            questionary.Choice(t("wizard.accept", self.lang), value=ACCEPT, shortcut_key="0"),
            questionary.Separator(t("wizard.change", self.lang)),
        ]
        for number, question in enumerate(interview.asked()):
            label = f"{self.text(question.text)} → {interview.answer_text(question)}"
            if len(label) > width:
                label = label[: width - 1] + "…"
            key = SUMMARY_KEYS[number] if number < len(SUMMARY_KEYS) else False
            choices.append(questionary.Choice(label, value=question.id, shortcut_key=key))
        return self._select(t("wizard.summary", self.lang), choices, ACCEPT, can_back, hint="")

    def show(self, rec: Recommendation) -> None:
        """The whole result; on a terminal too short for it, the level, the promise and the
        statement, with the whole result kept for the pager that the save prompt offers."""
        from ladder.output.text import (
            make_console,
            render_essentials,
            render_recommendation,
            to_plain_text,
        )

        self.say()
        console = make_console(color=self.color, file=self.out)
        whole = to_plain_text(rec, width=console.width)
        if self.out.isatty() and whole.count("\n") > shutil.get_terminal_size().lines - 2:
            render_essentials(rec, console)
            self.paged = whole
            self.say()
            self.say(t("wizard.more", self.lang), "dim")
        else:
            render_recommendation(rec, console)

    def offer_save(self, rec: Recommendation, values: dict[str, str], loaded: LoadedRules) -> None:
        import questionary

        from ladder.output.formats import RECOMMENDATION, by_suffix, render

        keys = [*SAVE_CHOICES, PAGE] if self.paged else SAVE_CHOICES
        choices = [
            questionary.Choice(t(f"wizard.save_{key}", self.lang), value=key) for key in keys
        ]
        self.say()
        what = self._select(t("wizard.save", self.lang), choices, "both", False)
        while what == PAGE:
            import pydoc  # $PAGER (or less); plain text, as pagers show it

            pydoc.pager(self.paged)
            what = self._select(t("wizard.save", self.lang), choices, "both", False)
        if what in ("both", "record"):
            # A record in the format its name asks for (plan.html), else Markdown.
            self._save_file(
                "record", lambda path: render(rec, by_suffix(path, RECOMMENDATION, "markdown"))
            )
        if what in ("both", "answers"):
            answers = answers_yaml(values, loaded, self.lang)
            saved = self._save_file("answers", lambda path: answers)
            if saved is not None:
                self.say(t("wizard.replay", self.lang, file=saved), "dim")

    def _save_file(self, kind: str, content: Callable[[Path], str]) -> Path | None:
        """Ask for a file name (Enter on an empty name skips) and write atomically.

        An existing file is overwritten only when the user says so.
        """
        import questionary

        default = free_name(t(f"wizard.{kind}_file", self.lang))
        while True:
            prompt = questionary.text(
                t(f"wizard.{kind}_path", self.lang),
                default=default,
                instruction=t("wizard.path_hint", self.lang),
                **self.extra,
            )
            name = self._ask(prompt, text_keys()).strip()
            if not name:
                return None
            target = Path(name).expanduser()
            force = False
            if target.exists() and not target.is_dir():
                choices = [
                    questionary.Choice(t("wizard.rename", self.lang), value=RENAME),
                    questionary.Choice(t("wizard.overwrite", self.lang), value=OVERWRITE),
                ]
                message = t("wizard.exists", self.lang, file=name)
                if self._select(message, choices, RENAME, False) == RENAME:
                    default = name
                    continue
                force = True
            try:
                from ladder.io.files import write_atomic, written_message

                written = write_atomic(target, content(target), force=force, lang=self.lang)
            except OutputError as error:
                self.say(error.message)
                default = name
                continue
            self.say(written_message(written, self.lang))
            return written


def free_name(name: str) -> str:
    """`name`, or `stem-2.ext`, `stem-3.ext`… : the first that does not exist yet."""
    path = Path(name)
    number = 2
    while path.exists():
        path = Path(f"{Path(name).stem}-{number}{Path(name).suffix}")
        number += 1
    return str(path)


def answers_yaml(values: dict[str, str], loaded: LoadedRules, lang: str) -> str:
    """The answers as YAML that `--answers` reads back; PyYAML quotes 'yes' and 'no' itself.

    A skipped free text is written as null, so that --skip-answered does not ask it again.
    """
    import yaml

    header = t("wizard.answers_header", lang, rules=loaded.info.path)
    answers: dict[str, str | list[str] | None] = {
        q.id: chosen(values[q.id]) if q.multiple and q.id in values else values.get(q.id)
        for q in asked_questions(loaded.rules, values)
        if q.id in values or q.kind == "text"
    }
    body = yaml.safe_dump(answers, allow_unicode=True, sort_keys=False, width=1000)
    return "".join(f"# {line}\n" for line in header.split("\n")) + body
