"""The HTML page: one self-contained document a screen reader can follow, in which free text
from the answers or the rules stays text; and what headless Chromium makes of it."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ladder import api
from ladder.output.document import Document, Paragraph, Text

from .conftest import DIABETES, MINI_RULES, answer_flags
from .test_startup import loaded_modules

HOSTILE = (  # under 200 characters, the shortest limit of the default rules' free texts
    '</title><script>alert("x")</script><img src=x onerror=alert(1)> '
    '\' " & &amp; <a href="http://e.example">a</a> <!-- c --> //t.example'
)
FREE_TEXT = ("project", "decision_owner", "fixed", "feedback")
VOID = {"meta", "br", "img", "link", "input", "hr"}
ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "p", "ul", "ol",
    "li", "strong", "code", "span", "table", "thead", "tbody", "tr", "th", "td", "figure",
    "figcaption",
}  # fmt: skip


class Page(HTMLParser):
    """The elements of a page, each with its attributes and its text; fails on a tag left open
    or closed out of order."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.feed(markup)
        self.close()
        assert not self.open, [e["tag"] for e in self.open]

    def handle_starttag(self, tag, attrs):
        element = {
            "tag": tag,
            "attrs": dict(attrs),
            "text": "",
            "path": [e["tag"] for e in self.open],
        }
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1]["tag"] == tag, (tag, [e["tag"] for e in self.open])
        self.open.pop()

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def handle_comment(self, data):
        raise AssertionError(f"a comment in the page: {data!r}")

    def all(self, tag: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag]

    def shape(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(e["tag"], tuple(sorted(e["attrs"]))) for e in self.elements]


def _page(cli, *extra: str, free_text: str = "Diabetes", lang: str = "en") -> str:
    flags = [arg for key in FREE_TEXT for arg in ("-a", f"{key}={free_text}")]
    result = cli("recommend", *answer_flags(DIABETES), *flags, "--lang", lang, "-f", "html", *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_page_has_a_language_a_title_headings_lists_and_the_ladder_as_a_figure(cli, lang):
    answers = {**DIABETES, **dict.fromkeys(FREE_TEXT, "Diabetes")}
    data = api.recommend(api.load_rules(), answers, lang)
    page = Page(_page(cli, lang=lang))
    assert page.all("html")[0]["attrs"] == {"lang": lang}
    (h1,) = page.all("h1")
    assert page.all("title")[0]["text"] == h1["text"] != ""
    headline = [h for h in page.all("h2") if h["attrs"].get("class") == "headline"]
    assert len(headline) == 1 and data.level.name in headline[0]["text"]
    assert len(page.all("figure")) == 1
    captions = page.all("figcaption")
    assert len(captions) == 1 and captions[0]["path"][-1] == "figure"
    steps = [e for e in page.all("li") if "figure" in e["path"]]
    assert [s["text"].split(" ")[0] for s in steps] == [str(s.rank) for s in data.steps]
    marked = [s for s in steps if s["attrs"].get("aria-current") == "step"]
    assert len(marked) == 1  # the recommended step, marked in words too, not only in colour
    assert data.level.name in marked[0]["text"]
    assert {"recommended": "en", "rekommenderas": "sv"}.get(marked[0]["text"].split()[-1]) == lang
    # The rationale is a numbered list, a reason per trace line; recruitment and methods lists.
    rationale = [e for e in page.all("ol") if "figure" not in e["path"]]
    assert len(rationale) == 1
    assert sum(
        e["path"][-1:] == ["ol"] and "figure" not in e["path"] for e in page.all("li")
    ) == len(data.trace)
    assert len(page.all("ul")) >= 3  # facts, recruitment, methods
    assert len(page.all("th")) == 2 and len(page.all("tr")) == len(data.answers) + 1


def test_the_page_is_self_contained(cli):
    markup = _page(cli)
    page = Page(markup)
    assert {e["tag"] for e in page.elements} <= ALLOWED  # no script, link, image or frame
    assert "http" not in markup and "//" not in markup  # nothing to fetch, no URL at all
    assert all(not name.startswith("on") for e in page.elements for name in e["attrs"])


def test_hostile_free_text_in_the_answers_stays_text(cli):
    plain = Page(_page(cli))
    hostile_markup = _page(cli, free_text=HOSTILE)
    hostile = Page(hostile_markup)
    assert hostile.shape() == plain.shape()  # the same elements and attributes, only words differ
    assert hostile.all("title")[0]["text"] == plain.all("title")[0]["text"]
    body = hostile.all("main")[0]["text"]
    assert HOSTILE in body  # shown as written, entities and all
    assert "<script>" not in hostile_markup and "<img" not in hostile_markup


def test_hostile_rules_texts_stay_text_too(cli, tmp_path):
    hostile = '"</title><script>x()</script> \\" & <b onclick=\\"y()\\">b</b>"'
    text = MINI_RULES.read_text(encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        text.replace("en: Consultation}", f"en: {hostile}}}").replace(
            "en: Survey}", f"en: {hostile}}}"
        ),
        encoding="utf-8",
    )
    args = ("recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no")
    markup = cli(*args, "-f", "html").stdout
    page = Page(markup)
    assert {e["tag"] for e in page.elements} <= ALLOWED - {"script"}
    assert not page.all("b") and "onclick" not in {a for e in page.elements for a in e["attrs"]}
    shown = '</title><script>x()</script> " & <b onclick="y()">b</b>'
    assert shown in page.all("h2")[1]["text"]  # the level's name, in the headline
    assert shown in page.all("figure")[0]["text"]
    assert "&lt;/title&gt;&lt;script&gt;" in markup and "&quot;" in markup


def test_control_and_direction_characters_are_shown_as_escapes():
    from ladder.output import html

    doc = Document("en", "T\u202eitle", (Paragraph((Text("a\x1b[31mb\u2066c\nd"),)),))
    page = Page(html.render(doc))
    assert page.all("title")[0]["text"] == "T\\u202eitle"
    assert page.all("p")[0]["text"] == "a\\x1b[31mb\\u2066c d"  # one line, nothing hidden


def test_output_file_suffix_chooses_html_and_the_api_dumps_it(cli, tmp_path):
    target = tmp_path / "plan.html"
    result = cli("recommend", *answer_flags(DIABETES), "-o", str(target))
    assert result.exit_code == 0, result.output
    markup = target.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>\n<html lang=")
    rec = api.recommend(api.load_rules(), DIABETES)
    assert api.dumps(rec, "html") == _page_of(rec)
    with pytest.raises(ValueError, match="html"):
        api.dumps(rec, "odt")
    with pytest.raises(ValueError, match="dumps_bytes"):  # binary: bytes, not a str
        api.dumps(rec, "docx")


def _page_of(rec) -> str:
    from ladder.output.documents import recommendation_document
    from ladder.output.html import render

    return render(recommendation_document(rec))


def test_html_output_loads_no_rendering_library(tmp_path):
    code, modules = loaded_modules(["recommend", *answer_flags(DIABETES), "-f", "html"], tmp_path)
    assert code == 0 and "ladder.output.html" in modules
    assert not {"rich", "questionary", "prompt_toolkit"} & modules


# Headless Chromium: the page as a browser lays it out.

WIDTH, HEIGHT = 900, 1400


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() != 0:
        pytest.skip("chromium is not installed, and installing it needs root")
    installed = subprocess.run(
        "apt-get update -qq && apt-get install -y -qq chromium",
        shell=True,
        capture_output=True,
        timeout=900,
        check=False,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    found = shutil.which("chromium")
    if not found:
        pytest.skip(f"chromium could not be installed: {installed.stderr[-300:]!r}")
    return found


def _headless(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of an 8-bit RGB or RGBA PNG, unfiltered."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        chunks[kind] = chunks.get(kind, b"") + png[at + 8 : at + 8 + length]
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8 and colour in (2, 6)
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(chunks[b"IDAT"])
    rows, previous, stride = [], bytearray(width * size), width * size
    for y in range(height):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                near = min(
                    (abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner)
                )
                line[i] = (line[i] + near[2]) & 255
        rows.append(
            bytes(line) if size == 3 else b"".join(line[j : j + 3] for j in range(0, stride, 4))
        )
        previous = line
    return width, height, rows


def test_chromium_lays_the_page_out_with_its_figure_and_the_text_escaped(cli, tmp_path):
    page = tmp_path / "plan.html"
    page.write_text(_page(cli, free_text=HOSTILE), encoding="utf-8")
    shot = tmp_path / "plan.png"
    done = _headless(
        tmp_path, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri()
    )
    assert shot.exists(), done.stderr[-2000:]
    print(f"screenshot: {shot}")
    width, height, rows = _pixels(shot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    colours = {row[i : i + 3] for row in rows[::3] for i in range(0, len(row), 3)}
    assert len(colours) > 8  # text and figure, not a blank page
    assert bytes((0x2E, 0x7D, 0x32)) in colours  # the reached steps' bars are drawn
    dom = _headless(tmp_path, "--dump-dom", page.as_uri()).stdout
    dumped = Page(dom.split("\n", 1)[1] if dom.startswith("<!DOCTYPE") else dom)
    assert len(dumped.all("figure")) == 1 and len(dumped.all("figcaption")) == 1
    assert not dumped.all("script") and not dumped.all("img") and not dumped.all("a")
    assert HOSTILE in dumped.all("main")[0]["text"]


# Printed: A4 pages, the staff notes on a page of their own.

STAFF_CASE = {  # a lowered level: staff notes beside the invitation
    "arena": "unit_development",
    "purpose": "co_develop",
    "mandate": "views",
    "acceptance": "low",
    "timeframe": "longer",
    "resources": "some",
    "participants": "own_patients",
}
A4_POINTS = (595, 842)  # 210 x 297 mm at 72 points an inch, rounded


def _printed(tmp_path: Path, markup: str, name: str) -> bytes:
    page = tmp_path / f"{name}.html"
    page.write_text(markup, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    done = _headless(
        tmp_path,
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",
        page.as_uri(),
    )
    assert pdf.exists(), done.stderr[-2000:]
    return pdf.read_bytes()


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's MediaBox width and height, in points (no PDF library: the page objects are
    plain dictionaries in Chromium's PDF)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert boxes and count, pdf[:200]
    if len(boxes) == 1 and count > 1:  # one MediaBox inherited from the page tree
        boxes *= count
    assert len(boxes) == count
    return [(float(w), float(h)) for w, h in boxes]


def test_printed_the_page_is_a4_and_the_staff_notes_start_a_new_page(cli, tmp_path):
    rec = api.recommend(api.load_rules(), STAFF_CASE, "sv")
    assert rec.staff_notes and rec.invitation
    markup = cli("--lang", "sv", "recommend", *answer_flags(STAFF_CASE), "-f", "html").stdout
    page = Page(markup)
    staff = [h for h in page.all("h2") if h["attrs"].get("class") == "for-staff"]
    invitation = [h for h in page.all("h2") if h["attrs"].get("class") == "for-participants"]
    # The standard invitation, then each reader's version the answers call for (easy read).
    readers = [i for i in rec.invitations if i.reader != "standard"]
    assert invitation[0]["text"] == rec.expectations_title
    assert len(invitation) == 1 + len(readers) >= 2
    assert all(h["text"].startswith(rec.expectations_title) for h in invitation)
    assert len(staff) == 1 and "skickas inte" in staff[0]["text"]  # marked: not to be sent
    pages = _pages(_printed(tmp_path, markup, "record"))
    print(f"printed: {len(pages)} pages of {pages[0]} points")
    assert all(round(w) == A4_POINTS[0] and round(h) == A4_POINTS[1] for w, h in pages), pages
    assert 2 <= len(pages) <= 8, len(pages)
    # The break itself: a short invitation and short notes still take two pages.
    from ladder.output.document import Document, Heading, Label
    from ladder.output.html import render

    short = Document(
        "sv",
        "Inbjudan",
        (
            Heading((Text("Det här kan du förvänta dig"),), audience="participants"),
            Paragraph((Text("Vi vill höra vad du tycker."),)),
            Heading((Label("Anteckningar för personalen"),), audience="staff"),
            Paragraph((Text("Kontrollera arvodet."),)),
        ),
    )
    assert len(_pages(_printed(tmp_path, render(short), "short"))) == 2
    without = Document("sv", "Inbjudan", (*short.blocks[:2], Paragraph((Text("Slut."),))))
    assert len(_pages(_printed(tmp_path, render(without), "one"))) == 1


def test_screenshot_of_a_recommendation_with_both_texts(cli, tmp_path):
    markup = cli("--lang", "sv", "recommend", *answer_flags(STAFF_CASE), "-f", "html").stdout
    page = tmp_path / "both.html"
    page.write_text(markup, encoding="utf-8")
    shot = tmp_path / "both.png"
    done = _headless(tmp_path, f"--screenshot={shot}", "--window-size=900,4200", page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    print(f"screenshot: {shot}")
    width, height, rows = _pixels(shot.read_bytes())
    assert (width, height) == (900, 4200)
    # The staff heading's frame: a dark line across most of the text column somewhere.
    dark = [y for y, row in enumerate(rows) if row.count(b"\x1b\x1b\x1b") > 300]
    assert dark, "no framed staff heading drawn"
