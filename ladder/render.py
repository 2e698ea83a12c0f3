"""Rich text for people: the recommendation, the ladder and the questions.

The only module that imports rich, and only inside functions, so that scripts asking for
JSON never load it.
"""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING

from .messages import t
from .model import LevelOut, Recommendation, Rules

if TYPE_CHECKING:
    from rich.console import Console

BAR = 4  # width of one step of the staircase, in cells


def make_console(*, color: bool = True, file: io.TextIOBase | None = None) -> Console:
    from rich.console import Console

    no_color = not color or "NO_COLOR" in os.environ
    return Console(file=file, no_color=no_color, highlight=False, emoji=False, soft_wrap=False)


def to_plain_text(rec: Recommendation, width: int = 88) -> str:
    """The text rendering without colour, for --output files."""
    buffer = io.StringIO()
    from rich.console import Console

    console = Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False)
    render_recommendation(rec, console)
    return buffer.getvalue()


def staircase(steps: tuple[LevelOut, ...], marked: str | None, lang: str) -> list[tuple[str, str]]:
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


def render_recommendation(rec: Recommendation, console: Console) -> None:
    from rich.markup import escape
    from rich.text import Text

    lang = rec.lang
    level = rec.level

    def heading(key_or_text: str, raw: bool = False) -> None:
        title = key_or_text if raw else t(key_or_text, lang)
        console.print()
        console.print(Text(title, style="bold underline"))

    console.print(
        Text(f"{t('render.level', lang)}: {level.name} ({level.rank}/{len(rec.steps)})", style="bold")
    )
    console.print()
    for line, style in staircase(rec.steps, level.id, lang):
        console.print(Text(line, style=style))
    console.print()
    console.print(Text(level.description))
    console.print(Text.assemble((f"{t('render.promise', lang)}: ", "bold"), level.promise))

    heading("render.recruitment")
    for s in rec.recruitment:
        mandate = t(f"render.mandate.{s.mandate}", lang)
        console.print(Text.assemble("• ", (s.name, "bold"), f" ({t('render.mandate', lang)}: {mandate})"))
        console.print(Text(f"  {s.description}"))
        console.print(Text(f"  {t('render.how', lang)}: {s.how}", style="italic"))

    heading("render.methods")
    for m in rec.methods:
        console.print(Text.assemble("• ", (m.name, "bold"), f" ({t('render.time', lang)}: {m.time})"))
        console.print(Text(f"  {m.description}"))
        console.print(Text(f"  {t('render.how', lang)}: {m.how}", style="italic"))

    heading(rec.expectations_title, raw=True)
    for paragraph in rec.expectations.split("\n\n"):
        console.print(Text(paragraph))
        console.print()

    if rec.warnings:
        heading("render.warnings")
        for w in rec.warnings:
            console.print(Text.assemble(("! ", "bold yellow"), w.text))

    heading("render.why")
    for x in rec.trace:
        binding = x.effect.endswith((":lowers", ":raises")) or x.rule.startswith(("target", "level"))
        console.print(Text(f"• {x.because}", style="" if binding else "dim"))
    console.print()
    console.print(Text(f"{t('render.rules', lang)}: {escape(rec.rules.path)}", style="dim"))


def render_steps(rules: Rules, steps: tuple[LevelOut, ...], lang: str, console: Console) -> None:
    from rich.text import Text

    console.print(Text(t("render.ladder", lang), style="bold"))
    console.print()
    for line, style in staircase(steps, None, lang):
        console.print(Text(line, style=style))
    for step in reversed(steps):
        console.print()
        console.print(Text(f"{step.rank} {step.name}", style="bold"))
        console.print(Text(f"  {step.description}"))
        console.print(Text.assemble(("  " + t("render.promise", lang) + ": ", "italic"), step.promise))
    console.print()
    credits = rules.credits.get(lang) or next(iter(rules.credits.values()))
    console.print(Text(credits, style="dim"))


def render_questions(rules: Rules, lang: str, console: Console) -> None:
    from rich.text import Text

    def text(value: dict[str, str]) -> str:
        return value.get(lang) or value[rules.languages[0]]

    console.print(Text(t("render.questions", lang), style="bold"))
    for q in rules.questions:
        console.print()
        kind = "" if q.kind == "choice" else f" ({t('render.optional' if not q.required else 'render.free_text', lang)})"
        console.print(Text.assemble((q.id, "bold cyan"), f"  {text(q.text)}{kind}"))
        console.print(Text(f"  {text(q.help)}", style="dim"))
        if q.when:
            cond = "; ".join(f"{k} = {' | '.join(v)}" for k, v in q.when.items())
            console.print(Text(f"  {t('render.asked_when', lang)}: {cond}", style="italic"))
        for o in q.options:
            console.print(Text.assemble("    ", (o.id, "cyan"), f"  {text(o.text)}: {text(o.help)}"))
