"""A multiple question asked as a checkbox: Space (or an option's number) ticks, Enter accepts
at least one (or none, for an optional question: skipped), Esc and ← go back; validated by the
same function as the flags. questionary and prompt_toolkit are imported inside."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ladder.answers import validate_answer
from ladder.conditions import chosen
from ladder.errors import AnswerError
from ladder.interview.keys import BACK, add_keys, back_keys, wrap_descriptions
from ladder.model import Question, Rules
from ladder.wording import texts

if TYPE_CHECKING:
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings


def ask_checkbox(
    rules: Rules,
    question: Question,
    current: str | None,
    lang: str,
    can_back: bool,
    extra: dict[str, Any],
) -> str | None:
    """The chosen options as one answer (see ladder.conditions), None when an optional question
    is left with nothing ticked, or BACK; `current` is ticked."""
    import questionary

    text = texts(rules, lang)
    ticked = set(chosen(current or ""))
    choices = [
        questionary.Choice(
            text(o.text), value=o.id, description=text(o.help), checked=o.id in ticked
        )
        for o in question.options
    ]

    def check(values: list[str]) -> bool | str:
        if not values and not question.required:
            return True
        try:
            validate_answer(rules, question.id, values, lang)
        except AnswerError as error:
            return error.message
        return True

    prompt = questionary.checkbox(
        text(question.text), choices, validate=check, instruction=" ", use_jk_keys=False, **extra
    )
    wrap_descriptions(prompt.application)
    labels = {o.id: text(o.text) for o in question.options}
    answered_as_labels(prompt.application, labels)
    add_keys(prompt.application, back_keys(can_back, left=True))
    add_keys(prompt.application, number_keys(prompt.application))
    value = prompt.unsafe_ask()
    if value == BACK:
        return BACK
    if not value and not question.required:
        return None
    return validate_answer(rules, question.id, list(value), lang)


def number_keys(app: Application[Any]) -> KeyBindings:
    """1-9 point at that option and tick or untick it, as they choose in the other lists."""
    from prompt_toolkit.key_binding import KeyBindings
    from questionary.prompts.common import InquirerControl

    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    bindings = KeyBindings()
    for index in range(min(9, len(control.choices))):

        def tick(_event: Any, index: int = index) -> None:
            control.pointed_at = index
            value = control.choices[index].value
            if value in control.selected_options:
                control.selected_options.remove(value)
            else:
                control.selected_options.append(value)

        bindings.add(str(index + 1), eager=True)(tick)
    return bindings


def answered_as_labels(app: Application[Any], labels: dict[str, str]) -> None:
    """The answered line shows the chosen options, as the other questions show theirs
    (questionary writes "done (2 selections)" in English). That line is the prompt session's
    message, which its buffer's window draws as the prefix of its first line: it is wrapped."""
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.layout import BufferControl, Window
    from questionary.prompts.common import InquirerControl

    choices = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))

    def wrap(original: Any) -> Any:
        def prefix(line: int, wrap_count: int) -> Any:
            tokens = to_formatted_text(original(line, wrap_count))
            if not choices.is_answered:
                return tokens
            values = [str(c.value) for c in choices.choices]
            picked = ", ".join(labels[v] for v in values if v in choices.selected_options)
            # one line, cut as the summary cuts its answers
            room = (
                app.output.get_size().columns
                - 1
                - sum(len(t[1]) for t in tokens if "answer" not in t[0])
            )
            if len(picked) > room:
                picked = picked[: max(room - 1, 0)] + "…"
            # the answer may come split into pieces (one a character): one piece says it all
            out, said = [], False
            for style, part, *rest in tokens:
                if "answer" not in style:
                    out.append((style, part, *rest))
                elif not said:
                    out.append((style, picked, *rest))
                    said = True
            return out

        return prefix

    for window in app.layout.find_all_windows():
        buffer = isinstance(window, Window) and isinstance(window.content, BufferControl)
        if buffer and window.get_line_prefix is not None:
            window.get_line_prefix = wrap(window.get_line_prefix)
