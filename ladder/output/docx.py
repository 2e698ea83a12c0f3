"""Word (.docx): a document as an editable file, to adapt the invitation and send it.

Written with python-docx (the optional extra `ladder[docx]`), imported here only, when a
document is rendered. The blocks map onto Word's own structure: headings as Heading 1-2,
lists as Word lists (each numbered list starting at 1), tables with a repeated header row,
and the ladder as a table of its steps, the highest first, the reached step marked in words
and in bold. The staff notes start on a page of their own. Every text goes through `shown`
(control characters as visible escapes: XML cannot hold them), line breaks folded as in
HTML. The core properties give the title and the language; created and modified are
SOURCE_DATE_EPOCH when it is set, and every zip entry has a fixed time, so that a file can
be reproduced byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from ladder import __version__
from ladder.errors import UsageError
from ladder.i18n.messages import t
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
    blocks_for,
)
from ladder.output.documents import record_moment

_NOT_XML = re.compile("[\ufffe\uffff]")  # what XML cannot hold that `shown` leaves as it is
LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}  # the Word proofing language of each
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
MONOSPACE = "Consolas"
QUIET = (0x55, 0x55, 0x55)  # as the HTML page's grey
MARKED_FILL = "D9EAD3"  # the reached step's cell, light enough to print


def render(doc: Document) -> bytes:
    """The document as a .docx file; UsageError naming the extra when python-docx is not
    installed."""
    try:
        import docx
    except ImportError:
        raise UsageError(t("format.docx_missing", doc.lang)) from None
    word = docx.Document()
    moment = record_moment(doc.lang)
    _properties(word, doc, moment)
    _language(word, LANGUAGE_TAGS.get(doc.lang, doc.lang))
    writer = _Writer(word)
    writer.paragraph("Title").add_run(_one_line(doc.title))
    for block in blocks_for(doc.blocks, "record"):
        writer.block(block)
    out = io.BytesIO()
    word.save(out)
    return _fixed_times(out.getvalue(), moment)


def _properties(word: Any, doc: Document, moment: dt.datetime | None) -> None:
    props = word.core_properties
    props.title = _one_line(doc.title)
    props.language = LANGUAGE_TAGS.get(doc.lang, doc.lang)
    props.author = "ladder"
    props.last_modified_by = "ladder"
    props.comments = f"ladder {__version__}"
    props.revision = 1
    when = (moment or dt.datetime.now(dt.timezone.utc)).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = props.last_printed = when


def _language(word: Any, tag: str) -> None:
    """The proofing language of every text, set on the document's default run properties."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    defaults = word.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)


def _fixed_times(data: bytes, moment: dt.datetime | None) -> bytes:
    """The same zip with every entry dated `moment` (else 1980-01-01), in the same order."""
    stamp = moment.timetuple()[:6] if moment and moment.year >= 1980 else ZIP_EPOCH
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry))
    return out.getvalue()


STYLES = (
    *("Title", "Heading 1", "Heading 2", "Heading 3", "Caption", "Table Grid"),
    *("List Bullet", "List Number", "List Continue"),
)


class _Writer:
    """Blocks appended to one Word document. Styles are set by their ids, looked up once:
    python-docx looks a style's name up anew for every paragraph, slowly."""

    def __init__(self, word: Any) -> None:
        self.word = word
        self.style_ids = {name: word.styles[name].style_id for name in STYLES}

    def paragraph(self, style: str = "") -> Any:
        paragraph = self.word.add_paragraph()
        if style:
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def new_table(self, cols: int) -> Any:
        table = self.word.add_table(rows=0, cols=cols)
        table._tbl.tblPr.style = self.style_ids["Table Grid"]
        return table

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.line(self.paragraph(), block.parts, block.style)
        elif isinstance(block, Field):
            self.field(self.paragraph(), block)
        elif isinstance(block, List):
            self.list(block)
        elif isinstance(block, Table):
            self.table(block.header, block.rows)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Chart):
            rows = tuple(((Text(label),), (Label(str(n)),)) for label, n in block.bars)
            self.caption(block.caption)
            self.table(None, rows)
        elif isinstance(block, Warnings):
            for item in block.items:
                paragraph = self.paragraph("List Bullet")
                self.line(paragraph, item, "strong")

    def heading(self, block: Heading) -> None:
        paragraph = self.paragraph(f"Heading {max(1, min(block.level - 1, 3))}")
        if block.audience == "staff":
            paragraph.paragraph_format.page_break_before = True
        self.line(paragraph, block.parts, "")

    def field(self, paragraph: Any, block: Field) -> None:
        label = paragraph.add_run(_one_line(f"{block.label}: "))
        label.bold = True
        _styled(label, block.style)
        self.line(paragraph, block.value, block.style)

    def list(self, block: List) -> None:
        style = "List Number" if block.ordered else "List Bullet"
        number = self.restart_numbering() if block.ordered else None
        for item in block.items:
            paragraph = self.paragraph(style)
            if number is not None:
                _numbered(paragraph, number)
            self.item(paragraph, item)

    def item(self, paragraph: Any, item: Item) -> None:
        self.line(paragraph, item.lead, item.style)
        if item.detail:
            detail = paragraph.add_run(" (")
            _styled(detail, "quiet")
            self.line(paragraph, item.detail, "quiet")
            _styled(paragraph.add_run(")"), "quiet")
        for part in item.body:
            under = self.paragraph("List Continue")
            if isinstance(part, Field):
                self.field(under, part)
            else:
                self.line(under, part.parts, part.style)

    def restart_numbering(self) -> int:
        """A new Word list numbered from 1, on the numbering "List Number" uses."""
        from docx.oxml.ns import qn

        numbering = self.word.part.numbering_part.element
        style = self.word.styles.element.get_by_id(self.style_ids["List Number"])
        num_id = style.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
        num = next(n for n in numbering.num_lst if str(n.numId) == num_id)
        fresh = numbering.add_num(num.abstractNumId.val)
        fresh.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(fresh.numId)

    def table(self, header: tuple[Line, ...] | None, rows: tuple[tuple[Line, ...], ...]) -> None:
        width = len(header) if header is not None else max((len(r) for r in rows), default=1)
        table = self.new_table(width)
        if header is not None:
            cells = table.add_row().cells
            _repeat_header(table.rows[0])
            for cell, line in zip(cells, header, strict=True):
                self.line(cell.paragraphs[0], line, "strong")
        for row in rows:
            for cell, line in zip(table.add_row().cells, row, strict=False):
                self.line(cell.paragraphs[0], line, "")
        self.word.add_paragraph()  # Word joins two tables that touch

    def figure(self, block: Figure) -> None:
        """The ladder: a row per step, the highest first; rank, name, and the mark."""
        self.caption(block.caption)
        labels = dict(block.labels)
        table = self.new_table(3)
        for step in sorted(block.steps, key=lambda s: -s.rank):
            here = step.rank in labels if labels else step.rank == block.marked
            mark = f"◀ {labels.get(step.rank, block.here)}" if here else ""
            cells = table.add_row().cells
            for cell, text in zip(cells, (str(step.rank), step.name, mark), strict=True):
                if text:
                    cell.paragraphs[0].add_run(_one_line(text)).bold = here or None
                if here:
                    _shade(cell, MARKED_FILL)
        self.word.add_paragraph()

    def caption(self, text: str) -> None:
        self.paragraph("Caption").add_run(_one_line(text))

    def line(self, paragraph: Any, parts: Line, style: str) -> None:
        for part in parts:
            if isinstance(part, Strong):
                for inner in part.parts:
                    run = self.run(paragraph, inner, style)
                    run.bold = True
            else:
                self.run(paragraph, part, style)

    def run(self, paragraph: Any, part: Text | Label | Code, style: str) -> Any:
        run = paragraph.add_run(_one_line(part.text))
        if isinstance(part, Code):
            run.font.name = MONOSPACE
        _styled(run, style)
        return run


def _styled(run: Any, style: str) -> None:
    from docx.shared import RGBColor

    if style == "strong":
        run.bold = True
    elif style == "note":
        run.italic = True
    elif style == "quiet":
        run.font.color.rgb = RGBColor(*QUIET)


def _numbered(paragraph: Any, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _repeat_header(row: Any) -> None:
    """The header row repeated on every page the table runs over."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _one_line(text: str) -> str:
    """Text as Word can hold it: one line, control characters as visible escapes."""
    flat = shown_on_one_line(text)
    return _NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", flat)
