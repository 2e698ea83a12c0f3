"""Markdown: a document as a decision record to attach to a project plan.

Every text from the rules or the answers goes through escape_markdown (a literal span through
code_span): the tool's own markup is the only markup.
"""

from __future__ import annotations

import re

from ladder.io.untrusted import LINE_BREAKS, shown_on_one_line
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
    Strong,
    Table,
    Text,
    Warnings,
    blocks_for,
)

# Markdown's inline markup: emphasis, code, links and images, raw HTML and entities, table
# cells, strikethrough, headings. A backslash makes each of them literal text.
_MARKDOWN_PUNCTUATION = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#"})
# What opens a block at the start of a line: a list item or setext underline; a numbered item.
_BLOCK_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Text from the rules or the answers as literal Markdown: one line, and no heading, list,
    link, image, HTML, code or table cell of its own, wherever it is inserted."""
    flat = LINE_BREAKS.sub(" ", text).strip()
    return _BLOCK_START.sub(_literal_start, flat.translate(_MARKDOWN_PUNCTUATION), count=1)


def _literal_start(match: re.Match[str]) -> str:
    return f"\\{match[1]}" if match[1] else f"{match[2]}\\{match[3]}"


def code_span(text: str) -> str:
    """`text` as one Markdown code span, whatever backticks it holds; no terminal code or
    direction override reaches the reader raw."""
    flat = shown_on_one_line(text)
    longest = max((len(run) for run in re.findall("`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith(("`", " ")) or flat.endswith(("`", " ")) else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def render(doc: Document) -> str:
    """The document's title, then its blocks for records, one blank line between blocks."""
    lines = [f"# {doc.title}"]
    for block in blocks_for(doc.blocks, "record"):
        if isinstance(block, Figure):
            continue  # no drawing in a record: the level's heading gives its rank
        lines.append("")
        lines.extend(_block(block))
    return "\n".join(lines) + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"## {_line(block.parts)}"]
    if isinstance(block, Paragraph):
        return [_line(block.parts)]
    if isinstance(block, Field):
        return [_field(block)]
    if isinstance(block, List):
        return _list(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Warnings):
        return [f"- {_line(item)}" for item in block.items]
    if isinstance(block, Chart):
        rows = [f"| {escape_markdown(label)} | {count} |" for label, count in block.bars]
        return [f"*{escape_markdown(block.caption)}*", "", "| | |", "|---|---:|", *rows]
    return []


def _field(block: Field) -> str:
    value = _line(block.value)
    return f"**{block.label}:** {value}" if block.style == "strong" else f"{block.label}: {value}"


def _list(block: List) -> list[str]:
    out = []
    for number, item in enumerate(block.items, 1):
        line = f"{number}. " if block.ordered else "- "
        line += _line(item.lead)
        body = list(item.body)
        first = body[0] if body else None
        if isinstance(first, Paragraph):  # the first paragraph runs on from the lead
            line += f". {_line(first.parts)}"
            body.pop(0)
        if item.detail:
            line += f" ({_line(item.detail)})"
        out.append(line)
        out += [f"  {_field(p) if isinstance(p, Field) else _line(p.parts)}" for p in body]
    return out


def _table(block: Table) -> list[str]:
    def row(cells: tuple[Line, ...]) -> str:
        return "| " + " | ".join(_line(cell) for cell in cells) + " |"

    return [row(block.header), "|" + "---|" * len(block.header), *map(row, block.rows)]


def _line(parts: Line) -> str:
    return "".join(_inline(p) for p in parts)


def _inline(part: Text | Label | Code | Strong) -> str:
    if isinstance(part, Strong):
        return f"**{_line(part.parts)}**"
    if isinstance(part, Code):
        return code_span(part.text)
    if isinstance(part, Text):
        return escape_markdown(part.text)
    return part.text
