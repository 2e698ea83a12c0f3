"""Rich text for people: the recommendation, the ladder and the questions.

The only module that imports rich, and only inside functions, so that scripts asking for
JSON never load it.
"""

from __future__ import annotations

import contextlib
import io
import os
import textwrap
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING

from ladder.i18n.messages import t
from ladder.io.untrusted import shown
from ladder.model import Rules
from ladder.result import Recommendation, StepOut

if TYPE_CHECKING:
    from rich.console import Console

BAR = 4  # width of one step of the staircase, in cells


def make_console(*, color: bool = True, file: IO[str] | None = None) -> Console:
    from rich.console import Console

    no_color = not color or "NO_COLOR" in os.environ
    console = Console(file=file, no_color=no_color, highlight=False, emoji=False)
    console.on_broken_pipe = _pipe_closed  # type: ignore[method-assign]
    return console


def _pipe_closed() -> None:
    """Let the CLI end a closed pipe (`| head`) like every other command, not rich's exit 1."""
    raise BrokenPipeError


def to_plain_text(rec: Recommendation, width: int = 88) -> str:
    """The text rendering without colour, for --output files."""
    buffer = io.StringIO()
    from rich.console import Console

    console = Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False)
    render_recommendation(rec, console)
    return buffer.getvalue()


def staircase(steps: tuple[StepOut, ...], marked: str | None, lang: str) -> list[tuple[str, str]]:
    """Lines of the ladder, top step first: (text, style). The marked step is pointed at."""
    name_width = max(len(s.name) for s in steps)
    lines = []
    for step in reversed(steps):
        reached = marked is not None and step.rank <= next(s.rank for s in steps if s.id == marked)
        bar = ("█" if reached else "░") * (BAR * step.rank)
        here = f"  ◀ {t('render.here', lang)}" if step.id == marked else ""
        style = "bold green" if step.id == marked else ("green" if reached else "dim")
        lines.append((f" {step.rank} {step.name.ljust(name_width)}  {bar}{here}", style))
    return lines


def indented(
    console: Console, text: str, style: str = "", hang: str = "  ", indent: int = 0
) -> None:
    """Print a wrapped paragraph: `hang` before the first line, the rest aligned under it."""
    from rich.text import Text

    wrapped = textwrap.fill(
        text,
        width=max(20, console.width - 1),
        initial_indent=hang,
        subsequent_indent=" " * (indent or len(hang)),
        break_on_hyphens=False,
    )
    console.print(Text(wrapped, style=style), soft_wrap=True)


def render_recommendation(rec: Recommendation, console: Console) -> None:
    from rich.text import Text

    lang = rec.lang
    level = rec.level

    def heading(key: str) -> None:
        console.print()
        console.print(Text(t(key, lang), style="bold underline"))

    _level_line(rec, console)
    console.print()
    for line, style in staircase(rec.steps, level.id, lang):
        console.print(Text(line, style=style))
    console.print()
    indented(console, level.description, hang="")
    indented(console, f"{t('render.promise', lang)}: {level.promise}", "bold", hang="")

    heading("render.recruitment")
    for s in rec.recruitment:
        mandate = t(f"render.mandate.{s.mandate}", lang)
        indented(console, f"{s.name} ({t('render.mandate', lang)}: {mandate})", "bold", hang="• ")
        indented(console, s.description)
        indented(console, f"{t('render.how', lang)}: {s.how}", "italic")

    heading("render.methods")
    for m in rec.methods:
        indented(console, m.name, "bold", hang="• ")
        indented(console, m.description)
        indented(console, f"{t('render.how', lang)}: {m.how}", "italic")
        indented(console, f"{t('render.time', lang)}: {m.time}", "italic")

    _statement(rec, console)
    _warnings(rec, console)

    heading("render.why")
    for x in rec.trace:
        binding = x.decisive
        indented(console, x.because, "" if binding else "dim", hang="• ")
    console.print()
    # A Text is never read as markup: the path is shown as it is, brackets and all.
    rules_line = Text(f"{t('render.rules', lang)}: {shown(rec.rules.path)}", style="dim")
    console.print(rules_line, soft_wrap=True)  # a path to copy: never broken across lines


def render_essentials(rec: Recommendation, console: Console) -> None:
    """The level, its promise, the expectations statement and the warnings: what a short
    screen shows (a warning may be what keeps the involvement lawful or honest)."""
    _level_line(rec, console)
    indented(console, f"{t('render.promise', rec.lang)}: {rec.level.promise}", "bold", hang="")
    _statement(rec, console)
    _warnings(rec, console)


def _warnings(rec: Recommendation, console: Console) -> None:
    from rich.text import Text

    if rec.warnings:
        console.print()
        console.print(Text(t("render.warnings", rec.lang), style="bold underline"))
        for w in rec.warnings:
            indented(console, w.text, hang="! ")


def _level_line(rec: Recommendation, console: Console) -> None:
    from rich.text import Text

    level = rec.level
    line = f"{t('render.level', rec.lang)}: {level.name} ({level.rank}/{len(rec.steps)})"
    console.print(Text(line, style="bold"))


def _statement(rec: Recommendation, console: Console) -> None:
    from rich.text import Text

    console.print()
    console.print(Text(rec.expectations_title, style="bold underline"))
    for i, paragraph in enumerate(rec.expectations.split("\n\n")):
        if i:
            console.print()
        indented(console, paragraph, hang="")


def render_steps(rules: Rules, steps: tuple[StepOut, ...], lang: str, console: Console) -> None:
    from rich.text import Text

    console.print(Text(t("render.ladder", lang), style="bold"))
    console.print()
    for line, style in staircase(steps, None, lang):
        console.print(Text(line, style=style))
    for step in reversed(steps):
        console.print()
        console.print(Text(f"{step.rank} {step.name}", style="bold"))
        indented(console, step.description)
        indented(console, f"{t('render.promise', lang)}: {step.promise}", "italic")
    console.print()
    credits = rules.text(rules.credits, lang)
    console.print(Text(credits, style="dim"))


def render_questions(rules: Rules, lang: str, console: Console) -> None:
    from rich.text import Text

    def text(value: dict[str, str]) -> str:
        return rules.text(value, lang)

    console.print(Text(t("render.questions", lang), style="bold"))
    for q in rules.questions:
        console.print()
        kind = (
            ""
            if q.kind == "choice"
            else f" ({t('render.optional' if not q.required else 'render.free_text', lang)})"
        )
        console.print(Text.assemble((q.id, "bold cyan"), f"  {text(q.text)}{kind}"))
        indented(console, text(q.help), "dim")
        if q.when:
            cond = "; ".join(f"{k} = {' | '.join(v)}" for k, v in q.when.items())
            indented(console, f"{t('render.asked_when', lang)}: {cond}", "italic")
        for o in q.options:
            indented(console, f"{o.id}  {text(o.text)}: {text(o.help)}", hang="    ", indent=6)


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr, for long runs at a terminal: yields `update(done)`."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("rows", total=None)
    with bar:
        yield lambda done: bar.update(task, completed=done)
