"""HTML: a document as one self-contained page (inline CSS; no script, font or link to fetch).

Every text goes through `_escaped`: line breaks folded, control and direction characters as
visible escapes, then html.escape, so the tool's own tags are the only tags. Headings, lists
and the ladder's figure with its caption are there for a screen reader to follow; the reached
step is marked in words, not only in colour. Printed, the page is A4, nothing dark fills a
background, the ladder and short blocks are not split between pages, and the staff notes start
on a page of their own (so the invitation can be handed out without them).
"""

from __future__ import annotations

import html

from ladder.io.untrusted import shown_on_one_line
from ladder.output.document import (
    Block,
    Chart,
    Code,
    Document,
    Field,
    Figure,
    Heading,
    Item,
    Label,
    Line,
    List,
    Paragraph,
    Strong,
    Table,
    Text,
    Warnings,
    bar_lengths,
    blocks_for,
)

CSS = """
body { font: 1rem/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; }
h2.headline { font-size: 1.4rem; }
.strong { font-weight: bold; }
.note { font-style: italic; }
.quiet { color: #555; }
.detail { color: #555; font-size: 0.9em; }
code { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
li { margin: 0.3rem 0; }
li p { margin: 0.1rem 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
figure.ladder { margin: 1rem 0; padding: 0.8rem 1rem; border: 1px solid #999; }
figcaption { font-weight: bold; margin-bottom: 0.4rem; }
figure.ladder ol { display: flex; flex-direction: column-reverse; margin: 0; padding: 0; }
figure.ladder li { list-style: none; display: flex; align-items: center; gap: 0.6rem; }
.bar { display: inline-block; height: 1rem; background: #d6d6d6; }
.reached .bar { background: #2e7d32; }
.here { font-weight: bold; }
.mark { color: #1b5e20; }
ul.warnings { padding-left: 1.2rem; list-style: none; }
ul.warnings li::before { content: "! "; font-weight: bold; }
h2.for-staff { border: 2px solid #1b1b1b; padding: 0.2rem 0.5rem; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { font-size: 11pt; color: #000; }
  main { max-width: none; padding: 0; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  p, li, tr, figure.ladder, figure.chart { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  h2.for-staff { break-before: page; page-break-before: always; }
  .bar { background: #e4e4e4; border: 1px solid #999; }
  .reached .bar { background: #b7d7b9; }
  .bar, .reached .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .quiet, .detail, .mark { color: #333; }
}
"""


def render(doc: Document) -> str:
    """The document as an HTML page: its title, then its blocks for records."""
    title = _escaped(doc.title)
    body = "\n".join(_block(b) for b in blocks_for(doc.blocks, "record"))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_escaped(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        kinds = (("headline", block.headline), (f"for-{block.audience}", block.audience))
        return f"<h2{_class(' '.join(k for k, on in kinds if on))}>{_line(block.parts)}</h2>"
    if isinstance(block, Paragraph):
        return f"<p{_class(block.style)}>{_line(block.parts)}</p>"
    if isinstance(block, Field):
        return _field(block)
    if isinstance(block, List):
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>\n" + "\n".join(_item(i) for i in block.items) + f"\n</{tag}>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        return _figure(block)
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, Warnings):
        items = "\n".join(f"<li>{_line(item)}</li>" for item in block.items)
        return f'<ul class="warnings">\n{items}\n</ul>'
    return ""


def _field(block: Field) -> str:
    label = _escaped(f"{block.label}:")
    return f"<p{_class(block.style)}><strong>{label}</strong> {_line(block.value)}</p>"


def _item(item: Item) -> str:
    lead = f"<p{_class(item.style)}>{_line(item.lead)}"
    if item.detail:
        lead += f' <span class="detail">({_line(item.detail)})</span>'
    parts = [f"{lead}</p>"]
    for part in item.body:
        parts.append(_field(part) if isinstance(part, Field) else _block(part))
    return "<li>" + "".join(parts) + "</li>"


def _table(block: Table) -> str:
    head = "".join(f'<th scope="col">{_line(cell)}</th>' for cell in block.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_line(cell)}</td>" for cell in row) + "</tr>\n"
        for row in block.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>"


def _figure(block: Figure) -> str:
    """The ladder as an ordered list of its steps, lowest first (drawn as a staircase)."""
    items = []
    labels = dict(block.labels)
    for step in block.steps:
        reached = block.marked is not None and step.rank <= block.marked
        here = step.rank == block.marked or step.rank in labels
        classes = " ".join(c for c, on in (("reached", reached), ("here", here)) if on)
        marks = f' class="{classes}"' if classes else ""
        current = ' aria-current="step"' if here and not labels else ""
        words = labels.get(step.rank, block.here)
        mark = f' <span class="mark">◀ {_escaped(words)}</span>' if here else ""
        bar = f'<span class="bar" style="width: {step.rank * 2}rem" aria-hidden="true"></span>'
        items.append(
            f'<li value="{step.rank}"{marks}{current}>{bar}'
            f"<span>{step.rank} {_escaped(step.name)}{mark}</span></li>"
        )
    caption = f"<figcaption>{_escaped(block.caption)}</figcaption>"
    return f'<figure class="ladder">\n{caption}\n<ol>\n' + "\n".join(items) + "\n</ol>\n</figure>"


def _chart(block: Chart) -> str:
    """The bars as an inline SVG drawn here (no script, no library), its labels escaped, the
    caption as its title for a screen reader."""
    row, label_width, bar_width = 22, 190, 300
    width, height = label_width + bar_width + 60, row * len(block.bars)
    caption = _escaped(block.caption)
    shapes = []
    for i, ((label, count), length) in enumerate(
        zip(block.bars, bar_lengths(block, bar_width), strict=True)
    ):
        y = i * row
        shapes.append(
            f'<text x="0" y="{y + 15}">{_escaped(label)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{length}" height="14" fill="#2b6cb0"/>'
            f'<text x="{label_width + length + 6}" y="{y + 15}">{count}</text>'
        )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-size="13"><title>{caption}</title>'
        + "".join(shapes)
        + "</svg>"
    )
    return f'<figure class="chart">\n<figcaption>{caption}</figcaption>\n{svg}\n</figure>'


def _line(parts: Line) -> str:
    return "".join(_inline(p) for p in parts)


def _inline(part: Text | Label | Code | Strong) -> str:
    if isinstance(part, Strong):
        return f"<strong>{_line(part.parts)}</strong>"
    if isinstance(part, Code):
        return f"<code>{_escaped(part.text)}</code>"
    return _escaped(part.text)


def _class(style: str) -> str:
    return f' class="{style}"' if style else ""


def _escaped(text: str) -> str:
    """Text as HTML text or attribute value: one line, nothing hidden, no markup."""
    return html.escape(shown_on_one_line(text), quote=True)
