"""The document model: what ladder shows, as a small tree of typed frozen blocks.

A builder (ladder.output.documents) turns a result into one document; each format module
renders documents. Texts inside are already in one language. Inline pieces say where a text
comes from, so that each format knows what to escape: `Text` is free text from the rules or
the answers, `Label` the tool's own words, `Code` a literal span (ids, paths, hashes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

# How a block stands out on a screen: strong (bold), note (italic), quiet (dim).
Style: TypeAlias = Literal["", "strong", "note", "quiet"]
# Who a part is for: a screen (the terminal and plain text) or a record (a file to keep).
Medium: TypeAlias = Literal["screen", "record"]
# Who reads the section a heading opens, when it is not everyone: the text sent to
# participants, or the notes only staff read (printed on a page of their own).
Audience: TypeAlias = Literal["", "participants", "staff"]


@dataclass(frozen=True)
class Text:
    """Free text from the rules or the answers: every format shows it literally."""

    text: str


@dataclass(frozen=True)
class Label:
    """The tool's own words (from the message catalogue), holding no markup."""

    text: str


@dataclass(frozen=True)
class Code:
    """A literal span to copy: an id, a path, a hash."""

    text: str


@dataclass(frozen=True)
class Strong:
    """Emphasis inside a line."""

    parts: tuple[Text | Label | Code, ...]


Inline: TypeAlias = Text | Label | Code | Strong
Line: TypeAlias = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    """A section heading; the headline is the result itself (the recommended level). Level 2
    opens a section of the document, level 3 one inside it (a plan's track)."""

    parts: Line
    level: int = 2
    headline: bool = False
    audience: Audience = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text."""

    parts: Line
    style: Style = ""


@dataclass(frozen=True)
class Field:
    """A labelled value, `label: value`: the label is the tool's, the value may be free text."""

    label: str
    value: Line
    style: Style = ""


@dataclass(frozen=True)
class Item:
    """A list item: its lead line, then paragraphs and fields under it. `detail` is shown by
    records only (the rule and effect behind a reason); `style` is how the lead stands out."""

    lead: Line
    body: tuple[Paragraph | Field, ...] = ()
    detail: Line = ()
    style: Style = ""


@dataclass(frozen=True)
class List:
    """A bulleted or numbered list."""

    items: tuple[Item, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a header row; each cell is a line."""

    header: tuple[Line, ...]
    rows: tuple[tuple[Line, ...], ...]


@dataclass(frozen=True)
class Step:
    """One step of the ladder figure."""

    rank: int
    name: str


@dataclass(frozen=True)
class Figure:
    """The ladder, lowest step first, with the reached step (if any) marked; in a plan, each
    step some track reaches is marked with the tracks' names (`labels`)."""

    steps: tuple[Step, ...]
    marked: int | None
    caption: str
    here: str  # the word that marks the reached step
    labels: tuple[tuple[int, str], ...] = ()  # a plan's tracks by step: rank, track names


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart: a bar per label, as long as its count's share of the largest
    (the portfolio's levels). `caption` says what is counted."""

    caption: str
    bars: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Warnings:
    """Warnings to heed: each a line of its own."""

    items: tuple[Line, ...]


@dataclass(frozen=True)
class Only:
    """Blocks for one medium only: what a screen shows and a record does not, or the reverse."""

    medium: Medium
    blocks: tuple[Block, ...]


Block: TypeAlias = Heading | Paragraph | Field | List | Table | Figure | Chart | Warnings | Only


@dataclass(frozen=True)
class Document:
    """A titled document in one language."""

    lang: str
    title: str
    blocks: tuple[Block, ...] = field(default=())


def blocks_for(blocks: tuple[Block, ...], medium: Medium) -> list[Block]:
    """The blocks one medium shows, `Only` parts opened or dropped, in order."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Only):
            if block.medium == medium:
                out.extend(blocks_for(block.blocks, medium))
        else:
            out.append(block)
    return out


def bar_lengths(chart: Chart, width: int) -> list[int]:
    """Each bar's length in cells (at least one for a count above nought), the largest `width`."""
    most = max((n for _, n in chart.bars), default=0) or 1
    return [max(round(width * n / most), 1 if n else 0) for _, n in chart.bars]


def plain(parts: Line) -> str:
    """A line as plain text: every piece as it is, emphasis dropped."""
    return "".join(plain(p.parts) if isinstance(p, Strong) else p.text for p in parts)
