"""The interview's walk over every step, the summary (of one answer set, or of a plan with
its tracks and their levels), and the prompts for a track's name and kind and the decision
date. questionary is imported inside the functions, as everywhere.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ladder.errors import AnswerError
from ladder.i18n.messages import t
from ladder.interview.flow import Interview
from ladder.interview.keys import BACK, text_keys
from ladder.interview.plan_flow import DATE, KIND, NAME, PLAN, PlanInterview, Step, date_value
from ladder.plan_file import TRACK_KINDS, check_text

if TYPE_CHECKING:
    from ladder.interview.wizard import Prompts

ACCEPT = "<accept>"
ADD = "<add>"
REMOVE = "<remove>:"  # followed by the track's number
ADD_KEY = "p"  # p for plan, in both languages
SUMMARY_KEYS = "123456789abcdefghijklmnoqrstuvwxyz"  # one key per answer; 0 accepts


def walk_plan(plan: PlanInterview, prompts: Prompts) -> None:
    """Ask the shown steps in order with back navigation across tracks, then the summary
    until accepted; after an edit, ask only what the change made relevant."""
    position, filling = 0, False
    while True:
        plan.sync()
        steps = plan.steps()
        if position >= len(steps):
            choice = summary(plan, prompts, can_back=bool(steps))
            if choice == ACCEPT:
                return
            if choice == BACK:
                position, filling = len(steps) - 1, False
            elif choice == ADD:
                plan.add_track()
                position, filling = plan.first_unseen(), True
            elif choice.startswith(REMOVE):
                plan.remove_track(int(choice.removeprefix(REMOVE)))
                position = len(plan.steps())
            else:
                plan.reveal(choice)
                position, filling = [s.key for s in plan.steps()].index(choice), True
            continue
        step = steps[position]
        value = ask_step(plan, step, prompts, can_back=position > 0)
        if value == BACK:
            position -= 1
            continue
        plan.answer(step, value)
        position = plan.next_position(step, filling)


def ask_step(plan: PlanInterview, step: Step, prompts: Prompts, can_back: bool) -> Any:
    """The step's answer (validated), or BACK."""
    lang = prompts.lang
    if step.question is not None:
        interview = plan.tracks[step.track].interview
        if plan.is_plan and step.track and step.field == _first_own(plan, step.track):
            track = plan.tracks[step.track]
            prompts.say()
            prompts.say(t("wizard.track_own", lang, name=track.name), "bold")
        return prompts.ask(step.question, interview, can_back)
    if step.field == KIND:
        return _kind(plan, step, prompts, can_back)
    prompts.say()
    if step.field == DATE:
        hint = t("wizard.text_hint" if can_back else "wizard.text_hint_first", lang)
        prompts.say(f"{t('wizard.date_label', lang)}  {hint}", "bold")
        prompts.say(t("wizard.date_help", lang), "dim")
        date = plan.fields.decision_date
        default = date.isoformat() if date else ""
        return _text(plan, step, prompts, can_back, (t("wizard.date", lang), default), _date)
    hint = t("wizard.track_name_hint" if can_back else "wizard.track_name_hint_first", lang)
    prompts.say(f"{t('wizard.track_label', lang, number=step.track + 1)}  {hint}", "bold")
    prompts.say(t("wizard.track_name_help", lang), "dim")
    name = plan.tracks[step.track].name
    return _text(plan, step, prompts, can_back, (t("wizard.track_name", lang), name), _name)


def _first_own(plan: PlanInterview, number: int) -> str | None:
    shown = plan.tracks[number].interview.shown()
    return shown[0].id if shown else None


def _date(text: str, lang: str) -> Any:
    return date_value(text, lang)


def _name(text: str, lang: str) -> Any:
    if not text.strip():
        raise AnswerError(t("wizard.track_name_missing", lang))
    return check_text(text.strip(), NAME, lang)


def _text(
    plan: PlanInterview,
    step: Step,
    prompts: Prompts,
    can_back: bool,
    message: tuple[str, str],
    convert: Callable[[str, str], Any],
) -> Any:
    """A checked free text (the message and the default): the value `convert` makes of it,
    or BACK, keeping what the screen shows when it converts."""
    import questionary

    def check(value: str) -> bool | str:
        try:
            convert(value, prompts.lang)
        except AnswerError as error:
            return error.message
        return True

    text, default = message
    prompt = questionary.text(text, default=default, validate=check, **prompts.extra)
    keeps = (lambda shown: check(shown) is True) if can_back else None
    value = prompts._ask(prompt, text_keys(keeps, default))
    if value != BACK:
        return convert(value, prompts.lang)
    shown = prompt.application.current_buffer.text
    if check(shown) is True:
        plan.answer(step, convert(shown, prompts.lang))
    return BACK


def _kind(plan: PlanInterview, step: Step, prompts: Prompts, can_back: bool) -> str:
    import questionary

    lang = prompts.lang
    track = plan.tracks[step.track]
    choices: list[Any] = [
        questionary.Choice(t(f"wizard.kind_{kind}", lang), value=kind) for kind in TRACK_KINDS
    ]
    if can_back:
        choices.append(questionary.Choice(t("wizard.back", lang), value=BACK))
    message = t("wizard.track_kind", lang, name=track.name)
    return prompts._select(message, choices, track.kind, can_back)


def summary(plan: PlanInterview, prompts: Prompts, can_back: bool) -> str:
    """ACCEPT, BACK, ADD, REMOVE and a track's number, or the key of the step to change."""
    import questionary

    lang = prompts.lang
    prompts.say()
    hint = t("wizard.summary_hint", lang) if can_back else ""
    prompts.say(f"{t('wizard.summary_title', lang)}  {hint}", "bold")
    accept = "wizard.plan_accept" if plan.is_plan else "wizard.accept"
    entries = _Entries(plan, prompts)
    entries.choices.append(questionary.Choice(t(accept, lang), value=ACCEPT, shortcut_key="0"))
    if plan.is_plan:
        entries.separator(t("wizard.plan_shared", lang))
        entries.answers(0, shared=True)
        date = plan.fields.decision_date
        shown = date.isoformat() if date else t("wizard.skipped", lang)
        entries.add(t("wizard.date_label", lang), shown, Step(PLAN, DATE).key)
        for number in range(len(plan.tracks)):
            entries.track(number)
    else:
        entries.separator(t("wizard.change", lang))
        entries.answers(0, shared=None)
    if plan.can_add():
        add = t("wizard.plan_add", lang)
        entries.choices.append(questionary.Choice(add, value=ADD, shortcut_key=ADD_KEY))
    message = t("wizard.plan_summary" if plan.is_plan else "wizard.summary", lang)
    return prompts._select(message, entries.choices, ACCEPT, can_back, hint="")


class _Entries:
    """The summary's choices, each with the next key, cut to the terminal's width."""

    def __init__(self, plan: PlanInterview, prompts: Prompts) -> None:
        self.plan = plan
        self.prompts = prompts
        self.choices: list[Any] = []
        self.keys = iter(SUMMARY_KEYS)
        self.width = max(40, shutil.get_terminal_size().columns - 8)

    def separator(self, title: str) -> None:
        import questionary

        self.choices.append(questionary.Separator(title[: self.width]))

    def add(self, label: str, answer: str, value: str) -> None:
        import questionary

        text = f"{label} → {answer}"
        text = text if len(text) <= self.width else text[: self.width - 1] + "…"
        key = next(self.keys, False)
        self.choices.append(questionary.Choice(text, value=value, shortcut_key=key))

    def answers(self, number: int, shared: bool | None) -> None:
        """A track's answers: all, or only the shared ones, or only its own."""
        interview = self.plan.tracks[number].interview
        for question in interview.asked():
            if shared is None or (question.id in self.plan.shared) == shared:
                text = self.prompts.text(question.text)
                self.add(text, interview.answer_text(question), Step(number, question.id).key)

    def track(self, number: int) -> None:
        """A track's title with its level, its name, kind and own answers, and its removal."""
        import questionary

        lang = self.prompts.lang
        track = self.plan.tracks[number]
        level = _level(self.plan, number, self.prompts)
        values = {"number": number + 1, "name": track.name, "id": track.id, "level": level}
        self.separator(t("wizard.plan_track", lang, **values))
        self.add(t("wizard.track_name_label", lang), track.name, Step(number, NAME).key)
        kind = t(f"wizard.kind_{track.kind}", lang)
        self.add(t("wizard.track_kind_label", lang), kind, Step(number, KIND).key)
        self.answers(number, shared=False)
        if len(self.plan.tracks) == 1:
            return  # a plan file's only track stays
        remove = t("wizard.plan_remove", lang, name=track.name)
        key = next(self.keys, False)
        self.choices.append(questionary.Choice(remove, value=f"{REMOVE}{number}", shortcut_key=key))


def _level(plan: PlanInterview, number: int, prompts: Prompts) -> str:
    """The track's level as the summary shows it; a dash while an answer is missing."""
    from ladder import engine

    interview: Interview = plan.tracks[number].interview
    if interview.missing():
        return "–"
    try:
        level = engine.decide(plan.rules, plan.values(number)).level
    except (engine.NoTarget, AnswerError):
        return "–"
    step = next(s for s in plan.rules.steps if s.id == level)
    return prompts.text(step.name)
