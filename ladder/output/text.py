"""Rich text for people: documents (the recommendation), the ladder and the questions.

The only module that imports rich, and only inside functions, so that scripts asking for
JSON never load it. The same rendering without colour is the plain text of --output files.
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
from ladder.output.document import (
    Block,
    Chart,
    Code,
    Document,
    Field,
    Figure,
    Heading,
    Label,
    Line,
    List,
    Paragraph,
    Step,
    Strong,
    Table,
    Warnings,
    bar_lengths,
    blocks_for,
)
from ladder.result import PlanOut, Recommendation, StepOut

if TYPE_CHECKING:
    from rich.console import Console

BAR = 4  # width of one step of the staircase, in cells
STYLES = {"": "", "strong": "bold", "note": "italic", "quiet": "dim"}


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
    from ladder.output.documents import recommendation_document

    return render(recommendation_document(rec), width)


def render(doc: Document, width: int = 88) -> str:
    """A document as plain text without colour, `width` cells wide."""
    buffer = io.StringIO()
    from rich.console import Console

    console = Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False)
    render_document(doc, console)
    return buffer.getvalue()


def render_lines(doc: Document) -> str:
    """A report as lines, never wrapped (each may be searched for or copied whole): a line
    per block and per list item, an item's body indented under it. No terminal code from
    any text reaches the terminal."""
    lines: list[str] = []
    for block in blocks_for(doc.blocks, "screen"):
        if isinstance(block, List):
            for item in block.items:
                lines.append(_line(item.lead))
                lines.extend("    " + _line(_parts(part)) for part in item.body)
        elif isinstance(block, Paragraph | Heading):
            lines.append(_line(block.parts))
        elif isinstance(block, Field):
            lines.append(f"{block.label}: {_line(block.value)}")
    return "\n".join(shown(line) for line in lines) + "\n"


def _parts(part: Paragraph | Field) -> Line:
    return part.parts if isinstance(part, Paragraph) else (Label(f"{part.label}: "), *part.value)


def render_recommendation(rec: Recommendation, console: Console) -> None:
    from ladder.output.documents import recommendation_document

    render_document(recommendation_document(rec), console)


def render_result(result: Recommendation | PlanOut, console: Console) -> None:
    """A recommendation, or a plan, on a screen."""
    if isinstance(result, Recommendation):
        render_recommendation(result, console)
        return
    from ladder.output.plan_document import plan_document

    render_document(plan_document(result), console)


def render_essentials(rec: Recommendation, console: Console) -> None:
    """The level, its promise, the expectations statement and the warnings: what a short
    screen shows."""
    from ladder.output.documents import essentials_document

    render_document(essentials_document(rec), console)


def staircase(steps: tuple[StepOut, ...], marked: str | None, lang: str) -> list[tuple[str, str]]:
    """Lines of the ladder, top step first: (text, style). The marked step is pointed at."""
    rank = next((s.rank for s in steps if s.id == marked), None)
    figure = Figure(tuple(Step(s.rank, s.name) for s in steps), rank, "", t("render.here", lang))
    return _figure_lines(figure)


def _figure_lines(figure: Figure) -> list[tuple[str, str]]:
    name_width = max(len(s.name) for s in figure.steps)
    lines = []
    labels = dict(figure.labels)
    for step in reversed(figure.steps):
        marked = step.rank == figure.marked or step.rank in labels
        reached = figure.marked is not None and step.rank <= figure.marked
        bar = ("█" if reached else "░") * (BAR * step.rank)
        here = f"  ◀ {labels.get(step.rank, figure.here)}" if marked else ""
        style = "bold green" if marked else ("green" if reached else "dim")
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


def render_document(doc: Document, console: Console) -> None:
    """A document on a screen: the parts for screens, a blank line between sections."""
    previous: Block | None = None
    for block in blocks_for(doc.blocks, "screen"):
        if _gap(previous, block):
            console.print()
        _render_block(block, console)
        previous = block


def _gap(previous: Block | None, block: Block) -> bool:
    """A blank line goes before a block unless it opens the screen or follows its heading,
    or it is a field that belongs to the paragraph above; the figure always stands apart."""
    if previous is None or isinstance(block, Figure):
        return previous is not None
    if isinstance(previous, Heading):
        return False
    return not (isinstance(block, Field) and isinstance(previous, Paragraph))


def _render_block(block: Block, console: Console) -> None:
    from rich.text import Text

    if isinstance(block, Heading):
        style = "bold" if block.headline else "bold underline"
        console.print(Text(_line(block.parts), style=style))
    elif isinstance(block, Figure):
        for line, style in _figure_lines(block):
            console.print(Text(line, style=style))
    elif isinstance(block, Paragraph):
        indented(console, _line(block.parts), STYLES[block.style], hang="")
    elif isinstance(block, Field):
        _field(block, console, hang="")
    elif isinstance(block, List):
        _list(block, console)
    elif isinstance(block, Warnings):
        for item in block.items:
            indented(console, _line(item), hang="! ")
    elif isinstance(block, Chart):
        console.print(Text(shown(block.caption), style="italic"))
        width = max((len(label) for label, _ in block.bars), default=0)
        for (label, count), length in zip(block.bars, bar_lengths(block, 30), strict=True):
            console.print(Text(f"{shown(label).ljust(width)}  {'█' * length or '·'} {count}"))
    elif isinstance(block, Table):  # a row: its first cell, then each other under its header
        for row in block.rows:
            indented(console, _line(row[0]), "bold", hang="• ")
            for head, cell in zip(block.header[1:], row[1:], strict=False):
                indented(console, f"{_line(head)}: {_line(cell)}")


def _list(block: List, console: Console) -> None:
    for item in block.items:
        indented(console, _line(item.lead), STYLES[item.style], hang="• ")
        for part in item.body:
            if isinstance(part, Field):
                _field(part, console, hang="  ")
            else:
                indented(console, _line(part.parts), STYLES[part.style])


def _field(block: Field, console: Console, hang: str) -> None:
    from rich.text import Text

    text = f"{block.label}: {_line(block.value)}"
    if any(isinstance(part, Code) for part in block.value):
        # A Text is never read as markup, and a path to copy is never broken across lines.
        console.print(Text(hang + text, style=STYLES[block.style]), soft_wrap=True)
    else:
        indented(console, text, STYLES[block.style], hang=hang)


def _line(parts: Line) -> str:
    """A line as the screen shows it: no terminal code from a literal span reaches it."""
    return "".join(
        _line(p.parts)
        if isinstance(p, Strong)
        else shown(p.text)
        if isinstance(p, Code)
        else p.text
        for p in parts
    )


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

    from ladder.wording import texts

    text = texts(rules, lang)

    console.print(Text(t("render.questions", lang), style="bold"))
    for q in rules.questions:
        console.print()
        kind = (
            ("" if not q.multiple else f" ({t('render.multiple', lang)})")
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
