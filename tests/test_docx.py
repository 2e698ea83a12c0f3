"""The Word document: real .docx files, opened with python-docx, hold the same document as
every other format (headings in order, the invitation as JSON gives it, the staff notes on a
page of their own, the ladder as a table with the right step marked); without python-docx the
format fails with a message and exit code 2, never a traceback."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

from ladder import api
from ladder.check.answer_space import answer_space
from ladder.output.document import Document, Heading, Item, List, Paragraph, Text, blocks_for
from ladder.output.document import plain as plain_line
from ladder.output.documents import recommendation_document
from ladder.output.plan_document import plan_document

from .conftest import DIABETES, ROOT, SHIPPED_RULES, answer_flags
from .test_startup import loaded_modules

docx = pytest.importorskip("docx")

PLAN = ROOT / "examples" / "plans" / "closure.yaml"
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
SAMPLES = 24  # answer combinations per rules file and language, spread over the whole space
LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


def headings(word) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in word.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]


def section(word, title: str) -> list:
    """The paragraphs under the heading `title`, up to the next heading."""
    out, inside = [], False
    for p in word.paragraphs:
        if p.style.name.startswith("Heading"):
            if inside:
                break
            inside = p.text == title
        elif inside and p.text:
            out.append(p)
    assert inside or out, f"no heading {title!r}"
    return out


def ladder_tables(word, steps: int) -> list:
    """The ladder figures: a row per step, rank, name and mark."""
    return [
        t
        for t in word.tables
        if len(t.rows) == steps
        and len(t.columns) == 3
        and [r.cells[0].text for r in t.rows] == [str(n) for n in range(steps, 0, -1)]
    ]


def marked(table) -> list[int]:
    return [int(r.cells[0].text) for r in table.rows if r.cells[2].text]


def expected_headings(doc: Document) -> list[tuple[str, str]]:
    """The document model's headings as Word names them: level 2 Heading 1, level 3 Heading 2."""
    return [("Title", doc.title)] + [
        (f"Heading {b.level - 1}", plain_line(b.parts))
        for b in blocks_for(doc.blocks, "record")
        if isinstance(b, Heading)
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_headings_in_order_invitation_and_staff_notes(lang):
    rec = api.recommend(api.load_rules(), DIABETES, lang)
    word = opened(api.dumps_bytes(rec))
    found = headings(word)
    assert found == expected_headings(recommendation_document(rec))
    titles = [text for _, text in found]
    invitation = titles.index(rec.expectations_title)
    staff = next(i for i, text in enumerate(titles) if "personalen" in text or "staff" in text)
    assert titles.index(plain_line(recommendation_document(rec).blocks[1].parts)) < invitation
    assert invitation < staff  # the invitation first, then what only staff read
    # The invitation is the JSON's, paragraph by paragraph; the staff notes under their own
    # heading, which starts a new page.
    data = json.loads(api.dumps(rec, "json"))
    wanted = [p.replace("\n", " ") for p in data["invitation"]["text"].split("\n\n")]
    assert [p.text for p in section(word, rec.expectations_title)] == wanted
    staff_heading = next(p for p in word.paragraphs if p.text == titles[staff])
    assert staff_heading.paragraph_format.page_break_before is True
    assert [p.text for p in section(word, titles[staff])] == list(data["staff_notes"])
    assert word.core_properties.title == word.paragraphs[0].text != ""
    assert word.core_properties.language == LANGUAGE_TAGS[lang]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("rules", SHIPPED_RULES, ids=lambda p: p.stem)
def test_the_ladder_table_marks_the_recommended_step_over_the_answer_space(rules, lang):
    loaded = api.load_rules(rules)
    space = list(answer_space(loaded.rules))
    for answers in space[:: len(space) // SAMPLES]:
        rec = api.recommend(loaded, answers, lang)
        word = opened(api.dumps_bytes(rec))
        (table,) = ladder_tables(word, len(rec.steps))
        assert marked(table) == [rec.level.rank], answers
        assert [r.cells[1].text for r in table.rows] == [s.name for s in rec.steps[::-1]]
        (row,) = [r for r in table.rows if r.cells[2].text]
        assert all(run.bold for run in row.cells[1].paragraphs[0].runs)
        assert [p.text for p in section(word, rec.expectations_title)] == [
            p.replace("\n", " ") for p in rec.invitation.split("\n\n")
        ]


def test_a_plan_marks_each_tracks_step_and_nests_its_sections(cli, tmp_path):
    target = tmp_path / "plan.docx"
    result = cli("recommend", "--answers", str(PLAN), "-o", str(target))
    assert result.exit_code == 0, result.output
    plan = api.plan(api.load_rules(), _plan_data(), "en")
    assert len(plan.tracks) >= 2
    word = docx.Document(str(target))
    (table,) = ladder_tables(word, 5)
    by_rank: dict[int, list[str]] = {}
    for track in plan.tracks:
        by_rank.setdefault(track.recommendation.level.rank, []).append(track.id)
    marks = {int(r.cells[0].text): r.cells[2].text for r in table.rows if r.cells[2].text}
    assert marks == {rank: f"◀ {', '.join(ids)}" for rank, ids in by_rank.items()}
    found = headings(word)
    assert found == expected_headings(plan_document(plan))
    tops = [text for style, text in found if style == "Heading 1"]
    for track in plan.tracks:  # each track a top heading; its invitation a heading inside it
        assert sum(track.name in text for text in tops) == 1
        title = track.recommendation.expectations_title
        assert {style for style, text in found if text == title} == {"Heading 2"}
    # Each invitation, whole, in the order of the tracks.
    paragraphs = [p.text for p in word.paragraphs]
    at = 0
    for track in plan.tracks:
        for text in track.recommendation.invitation.split("\n\n"):
            at = paragraphs.index(text.replace("\n", " "), at) + 1
    # Each numbered list (a track's rationale) starts at 1: a Word list of its own.
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(ids) == len(plan.tracks)


def _plan_data() -> dict:
    import yaml

    return yaml.safe_load(PLAN.read_text(encoding="utf-8"))


HOSTILE = "<w:t>&amp; </w:body> \"' ]]> <!-- x -->"


def test_free_text_with_xml_characters_survives(cli, tmp_path):
    target = tmp_path / "r.docx"
    flags = [*answer_flags(DIABETES), "-a", f"project={HOSTILE}", "-o", str(target)]
    result = cli("recommend", *flags)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    cells = "\n".join(
        c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells
    )
    assert HOSTILE in text + cells


def test_control_characters_and_long_text_are_shown_not_lost():
    """What XML cannot hold (control characters) is shown as an escape, as HTML does; a very
    long text and a line break inside a text are kept whole, on one line."""
    long = "ord " * 5000
    hostile = "a\x00b\x1bc\x7fd\ufffee <&> \u202eright"
    doc = Document(
        "sv",
        "Titel\x01",
        (
            Heading((Text(hostile),)),
            Paragraph((Text(long),)),
            Paragraph((Text("rad ett\nrad två"),)),
            List((Item((Text(hostile),), (Paragraph((Text("under"),)),)),)),
        ),
    )
    from ladder.output.docx import render

    word = opened(render(doc))
    texts = [p.text for p in word.paragraphs]
    assert texts[0] == "Titel\\x01"
    assert texts[1] == "a\\x00b\\x1bc\\x7fd\\ufffee <&> \\u202eright"
    assert long in texts and "rad ett rad två" in texts
    assert texts.count(texts[1]) == 2  # the heading and the list item


def test_the_same_input_gives_the_same_bytes(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    rec = api.recommend(api.load_rules(), DIABETES, "sv")
    first, second = api.dumps_bytes(rec), api.dumps_bytes(rec)
    assert first == second
    word = opened(first)
    created = word.core_properties.created  # python-docx 1.2 reads it as UTC, 1.1 naive
    assert created.utcoffset() in (None, dt.timedelta(0))
    assert created.replace(tzinfo=None).isoformat() == "2023-11-14T22:13:20"
    assert word.core_properties.modified == word.core_properties.created
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_stdout_on_a_pipe_gets_the_file_and_a_name_chooses_the_format(cli, tmp_path):
    piped = cli("recommend", *answer_flags(DIABETES), "-f", "docx")
    assert piped.exit_code == 0
    assert piped.stdout_bytes.startswith(b"PK") and opened(piped.stdout_bytes).paragraphs
    target = tmp_path / "record.docx"
    assert cli("recommend", *answer_flags(DIABETES), "-o", str(target)).exit_code == 0
    assert zipfile.is_zipfile(target)
    again = cli("recommend", *answer_flags(DIABETES), "-o", str(target))
    assert again.exit_code == 2 and "--force" in again.stderr  # never overwritten unasked


BLOCKED = """
import sys

class NoDocx:
    def find_spec(self, name, path=None, target=None):
        if name == "docx" or name.startswith("docx."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoDocx())
for name in [m for m in sys.modules if m == "docx" or m.startswith("docx.")]:
    del sys.modules[name]
from ladder.cli import main
sys.argv[0] = "ladder"
main()
"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_without_python_docx_a_message_names_the_extra_and_exits_2(tmp_path, lang):
    target = tmp_path / "r.docx"
    args = ["recommend", *answer_flags(DIABETES), "--lang", lang, "-o", str(target)]
    env = {**os.environ, "LADDER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "pip install 'ladder[docx]'" in done.stderr
    assert "python-docx" in done.stderr and "Traceback" not in done.stderr
    assert not target.exists() and not list(tmp_path.glob(".ladder-*"))
    # Other formats still work without it.
    args[-1] = str(tmp_path / "r.md")
    again = subprocess.run(
        [sys.executable, "-c", BLOCKED, *args], capture_output=True, text=True, env=env, cwd=ROOT,
        timeout=60, check=False,
    )  # fmt: skip
    assert again.returncode == 0 and (tmp_path / "r.md").is_file()


def test_a_terminal_gets_a_message_not_the_bytes(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "LADDER_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C.UTF-8"}
    args = ["-m", "ladder", "recommend", *answer_flags(DIABETES), "-f", "docx"]
    child = pexpect.spawn(sys.executable, args, env=env, cwd=str(ROOT), timeout=60)
    out = child.read()
    child.close()
    assert child.exitstatus == 2, out
    assert b"-o FILE.docx" in out and b"PK" not in out


def test_only_the_docx_format_imports_python_docx(tmp_path):
    for fmt in ("json", "markdown", "html"):
        code, modules = loaded_modules(["recommend", *answer_flags(DIABETES), "-f", fmt], tmp_path)
        assert code == 0 and "docx" not in modules, fmt
    code, modules = loaded_modules(
        ["recommend", *answer_flags(DIABETES), "-o", str(tmp_path / "r.docx")], tmp_path
    )
    assert code == 0 and "docx" in modules
