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

from ladder.answers import parse_pairs, resolve, validate_answer
from ladder.app import answer_sources, plan_answers, recommendation_for
from ladder.errors import AnswerError, NotInteractiveError, OutputError, UsageError
from ladder.i18n.messages import t
from ladder.interview.checkbox import ask_checkbox
from ladder.interview.flow import Interview, answers_mapping, not_interactive_error
from ladder.interview.keys import BACK, add_keys, back_keys, text_keys, wrap_descriptions
from ladder.interview.plan_flow import PlanInterview, Track, from_plan_file
from ladder.interview.plan_prompts import walk_plan
from ladder.load.loader import LoadedRules, load_rules
from ladder.model import Question, Rules
from ladder.plan_file import is_plan, split_plan
from ladder.result import PlanOut, Recommendation
from ladder.wording import texts

if TYPE_CHECKING:
    from prompt_toolkit.key_binding import KeyBindings

# Sentinels returned by prompts (and BACK, from wizard_keys); option ids cannot collide.
OVERWRITE = "<overwrite>"
RENAME = "<rename>"
SAVE_CHOICES = ("both", "record", "answers", "none")
PAGE = "whole"  # the save prompt's choice that shows the whole result in a pager


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
) -> Recommendation | PlanOut:
    """Interview, recommend (or plan), render, offer to save. NotInteractiveError without a
    terminal."""
    loaded = load_rules(rules_option, lang)
    plan, notes = start_plan(loaded, pairs, answers_file, lang, skip_answered)
    for note in notes:
        sys.stderr.write(note + "\n")
    if interactive is None:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    rules_shown = str(rules_option) if rules_option else None

    def not_interactive() -> NotInteractiveError:
        if not plan.is_plan or answers_file is None:
            return not_interactive_error(plan.primary, rules_shown, lang_option)
        tracks = [(track.id, track.interview) for track in plan.tracks]
        flags = parse_pairs(pairs, lang)
        return not_interactive_error(
            plan.primary, rules_shown, lang_option, (answers_file, flags, tracks)
        )

    if not interactive:
        raise not_interactive()
    prompts = Prompts(loaded.rules, lang, color, out or sys.stdout)
    try:
        prompts.intro(loaded, plan.primary)
        walk_plan(plan, prompts)
        result: Recommendation | PlanOut
        if plan.is_plan:
            result, _ = plan_answers(loaded, {}, split_plan(plan.plan_data(), "", lang), lang)
            prompts.show(result)
            prompts.offer_save(result, plan.plan_data(), loaded)
        else:
            final = resolve(loaded.rules, [plan.primary.answers], lang)  # the first may go
            result = recommendation_for(loaded, final.values, lang)
            prompts.show(result)
            prompts.offer_save(result, answers_mapping(loaded.rules, final.values), loaded)
    except EOFError:  # input closed under us: say what to run instead
        raise not_interactive() from None
    return result


def start_plan(
    loaded: LoadedRules,
    pairs: list[str],
    answers_file: str | os.PathLike[str] | None,
    lang: str,
    skip_answered: bool,
) -> tuple[PlanInterview, list[str]]:
    """The interview's start from the flags and the answers file, which may be a plan."""
    sources = answer_sources(pairs, answers_file, lang)
    if answers_file is not None and is_plan(sources[1]):
        source = split_plan(sources[1], str(answers_file), lang)
        return from_plan_file(loaded.rules, lang, sources[0], source, skip_answered)
    resolved = resolve(loaded.rules, sources, lang)
    interview = Interview(
        loaded.rules,
        lang,
        dict(resolved.values),
        hidden={*resolved.values, *resolved.skipped} if skip_answered else set(),
    )
    return PlanInterview(loaded.rules, lang, [Track(interview)]), resolved.notes


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
        elif question.multiple and not question.required:
            hint = "wizard.checkbox_hint_optional"
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

    def show(self, rec: Recommendation | PlanOut) -> None:
        """The whole result; on a terminal too short for a recommendation, the level, the
        promise and the statement, with the whole kept for the pager that the save prompt
        offers. A plan is shown whole, as `recommend --answers plan.yaml` shows it."""
        from ladder.output.text import (
            make_console,
            render_essentials,
            render_result,
            to_plain_text,
        )

        self.say()
        console = make_console(color=self.color, file=self.out)
        if isinstance(rec, PlanOut):
            render_result(rec, console)
            return
        whole = to_plain_text(rec, width=console.width)
        if self.out.isatty() and whole.count("\n") > shutil.get_terminal_size().lines - 2:
            render_essentials(rec, console)
            self.paged = whole
            self.say()
            self.say(t("wizard.more", self.lang), "dim")
        else:
            render_result(rec, console)

    def offer_save(
        self, rec: Recommendation | PlanOut, values: dict[str, Any], loaded: LoadedRules
    ) -> None:
        """The record (in the format its name asks for) and the answers (a plan file for a
        plan), each written atomically."""
        import questionary

        from ladder.output.formats import PLAN, RECOMMENDATION, by_suffix, render_any

        kind, plan = (PLAN, "plan_") if isinstance(rec, PlanOut) else (RECOMMENDATION, "")
        keys = [*SAVE_CHOICES, PAGE] if self.paged else SAVE_CHOICES
        choices = [
            questionary.Choice(
                t(f"wizard.save_{plan if key != 'none' else ''}{key}", self.lang), value=key
            )
            for key in keys
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
                f"{plan}record", lambda path: render_any(rec, by_suffix(path, kind, "markdown"))
            )
        if what in ("both", "answers"):
            answers = answers_yaml(values, loaded, self.lang)
            saved = self._save_file(f"{plan}answers", lambda path: answers)
            if saved is not None:
                self.say(t("wizard.replay", self.lang, file=saved), "dim")

    def _save_file(self, kind: str, content: Callable[[Path], str | bytes]) -> Path | None:
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
            except (OutputError, UsageError) as error:  # a docx without python-docx too
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


def answers_yaml(values: dict[str, Any], loaded: LoadedRules, lang: str) -> str:
    """The answers (flow.answers_mapping), or a plan (PlanInterview.plan_data), as YAML that
    `--answers` reads back; PyYAML quotes 'yes' and 'no' itself, and writes a date as one."""
    import yaml

    header = t("wizard.answers_header", lang, rules=loaded.info.path)
    body = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000)
    return "".join(f"# {line}\n" for line in header.split("\n")) + body
