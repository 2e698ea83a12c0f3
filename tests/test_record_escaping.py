"""Free text in the Markdown decision record stays text: no heading, link, image, HTML or
table cell comes from an answer or a rules text."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from ladder.output import record as report

from .conftest import DIABETES, MINI_RULES, answer_flags

HOSTILE = (  # under 200 characters, the shortest limit of the default rules' free texts
    "D\n# Approved: full co-determination\n- [x] ok\n<script>alert(1)</script> "
    "[a](http://e.example) ![](http://t.example/p.gif) <img src=x> &lt; **b** _i_ `c` | d | "
    "~~s~~ \\ <http://a.example>"
)
FREE_TEXT = ("project", "decision_owner", "fixed", "feedback")
MARKUP = {"heading_open", "link_open", "image", "html_block", "html_inline", "code_inline"}


def _tokens(markdown: str):
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for token in parser.parse(markdown):
        yield token
        yield from token.children or ()


def _record(cli, free_text: str, *extra: str) -> str:
    answers = [f"{key}={free_text}" for key in FREE_TEXT]
    flags = [arg for pair in answers for arg in ("-a", pair)]
    result = cli("recommend", *answer_flags(DIABETES), *flags, *extra, "--format", "markdown")
    assert result.exit_code == 0, result.output
    return result.stdout


def _shape(markdown: str) -> list[str]:
    """Every token but text and breaks, and the source lines that open a block."""
    return [
        f"{t.type}:{t.map[0] if t.map else ''}"
        for t in _tokens(markdown)
        if t.type not in ("text", "softbreak")
    ]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_hostile_free_text_adds_no_markup_to_the_record(cli, lang):
    plain = _record(cli, "Diabetes", "--lang", lang)
    hostile = _record(cli, HOSTILE, "--lang", lang)
    assert _shape(hostile) == _shape(plain)  # the same document, only its words differ
    texts = " ".join(t.content for t in _tokens(hostile) if t.type == "text")
    for piece in ("# Approved", "<script>", "[a](http://e.example)", "![](", "&lt;"):
        assert piece in texts  # kept, as text
    headings = [t for t in _tokens(hostile) if t.type == "heading_open"]
    assert len(headings) == len([t for t in _tokens(plain) if t.type == "heading_open"])


def test_hostile_rules_texts_add_no_markup_either(cli, tmp_path):
    text = MINI_RULES.read_text(encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    hostile = '"<b>x</b> [a](http://e.example) | ![](http://t.example) # h"'
    rules.write_text(
        text.replace("en: Consultation}", f"en: {hostile}}}").replace(
            "en: Survey}", f"en: {hostile}}}"
        ),
        encoding="utf-8",
    )
    args = ("recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no")
    record = cli(*args, "--format", "markdown").stdout
    found = {t.type for t in _tokens(record)} & MARKUP
    assert found == {"heading_open", "code_inline"}  # the record's own
    assert all("http" not in t.content for t in _tokens(record) if t.type == "code_inline")


def test_escape_markdown_folds_lines_and_escapes_markup():
    assert report.escape_markdown("a\nb\r\nc\u2028d") == "a b c d"
    assert report.escape_markdown("# x") == "\\# x"
    assert report.escape_markdown("- x") == "\\- x"
    assert report.escape_markdown("1. x") == "1\\. x"
    assert report.escape_markdown("<a href=x>") == "\\<a href=x\\>"
    assert report.escape_markdown("Region Kronoberg, vårdmöte 2026-09-21.") == (
        "Region Kronoberg, vårdmöte 2026-09-21."
    )


@pytest.mark.parametrize(
    "path", ["rules.yaml", "rules`v2`.yaml", "``x", "a` b", "`", "rules[v2].yaml", "x\ny"]
)
def test_code_span_holds_any_path(path):
    tokens = [t for t in _tokens(f"see {report.code_span(path)} here") if t.type == "code_inline"]
    assert [t.content for t in tokens] == [path.replace("\n", " ")]


def test_the_record_shows_a_path_with_backticks_as_one_code_span(cli, tmp_path):
    rules = tmp_path / "rules`v2`.yaml"
    rules.write_text(MINI_RULES.read_text(encoding="utf-8"), encoding="utf-8")
    args = ("recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no")
    record = cli(*args, "--format", "markdown").stdout
    spans = [t.content for t in _tokens(record) if t.type == "code_inline"]
    assert str(rules) in spans


def test_the_text_output_shows_the_rules_path_as_it_is(cli, tmp_path):
    rules = tmp_path / "rules[v2].yaml"
    rules.write_text(MINI_RULES.read_text(encoding="utf-8"), encoding="utf-8")
    args = ("recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no")
    result = cli(*args, "--format", "text")
    assert result.exit_code == 0, result.output
    assert f"{rules}\n" in result.stdout
    assert "\\[" not in result.stdout
