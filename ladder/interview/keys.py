"""The wizard's keys on top of questionary's prompts: Esc and ← go back, Ctrl-D skips a free
text, Esc reacts at once; and an option's help wrapped under a list.

prompt_toolkit and questionary are imported inside the functions, as everywhere.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings

# Returned by prompts; option ids match ^[a-z][a-z0-9_]*$, so it cannot collide.
BACK = "<back>"
ESCAPE_SECONDS = 0.05  # prompt_toolkit waits 0.5 s after Esc for the rest of a key sequence


def back_keys(enabled: bool, *, left: bool) -> KeyBindings:
    """Esc (and ← in lists) returns BACK; eager, so Esc does not wait for a meta key."""
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()
    if enabled:

        def go_back(event: Any) -> None:
            event.app.exit(result=BACK)

        bindings.add("escape", eager=True)(go_back)
        if left:
            bindings.add("left", eager=True)(go_back)
    return bindings


def text_keys(keeps: Callable[[str], bool] | None = None, default: str = "") -> KeyBindings:
    """Ctrl-D on an empty line skips, as Enter does (prompt_toolkit would end the input).

    With `keeps`, Esc goes back keeping what the screen shows: the typed text if `keeps` it,
    else `default`.
    """
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("c-d", filter=Condition(_line_is_empty), eager=True)
    def skip(event: Any) -> None:
        event.app.exit(result="")

    if keeps is not None:

        @bindings.add("escape", eager=True)
        def go_back(event: Any) -> None:
            buffer = event.app.current_buffer
            if not keeps(buffer.text):
                buffer.text = default
            event.app.exit(result=BACK)

    return bindings


def _line_is_empty() -> bool:
    from prompt_toolkit.application import get_app

    return not get_app().current_buffer.text


def add_keys(app: Application[Any], bindings: KeyBindings) -> None:
    """Our keys over questionary's, and an Esc that reacts at once."""
    from prompt_toolkit.key_binding import merge_key_bindings

    app.key_bindings = (
        merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings
    )
    app.ttimeoutlen = ESCAPE_SECONDS


def wrap_descriptions(app: Application[Any], label_width: int = 4) -> None:
    """Show an option's help wrapped under the list, without questionary's English label."""
    from prompt_toolkit.application import get_app
    from questionary.prompts.common import InquirerControl

    for control in app.layout.find_all_controls():
        if not isinstance(control, InquirerControl):
            continue
        original = control.text

        def tokens(original: Any = original, control: InquirerControl = control) -> list[Any]:
            result = list(original())
            current = control.get_pointed_at()
            if result and current.description and result[-1][1].endswith(current.description):
                width = max(30, get_app().output.get_size().columns - 1)
                text = textwrap.fill(
                    current.description,
                    width,
                    initial_indent=" " * label_width,
                    subsequent_indent=" " * label_width,
                )
                result[-1] = ("class:instruction", text)
            return result

        control.text = tokens
