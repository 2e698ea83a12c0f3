"""One document per result, one list of formats: what each shows, and which format a command
or a file name gets."""

from __future__ import annotations

from pathlib import PurePath

import pytest

from ladder import api
from ladder.check.diff import diff_files
from ladder.check.reports import diff_document
from ladder.output import formats
from ladder.output.document import Figure, Heading, List, Only, Warnings, blocks_for, plain
from ladder.output.documents import essentials_document, recommendation_document

from .conftest import DEFAULT_RULES, DIABETES, KRONOBERG_RULES


@pytest.fixture(scope="module")
def rec():
    return api.recommend(api.load_rules(), DIABETES, "sv")


def test_each_command_offers_the_formats_of_the_one_list():
    assert formats.names(formats.RECOMMENDATION) == (
        "text",
        "markdown",
        "html",
        "docx",
        "json",
        "yaml",
    )
    assert formats.names(formats.QUESTIONS) == ("text", "json", "yaml")
    assert formats.names(formats.CHECK) == ("text", "json")
    assert formats.names(formats.BATCH) == ("jsonl", "json", "csv")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plan.md", "markdown"),
        ("plan.HTML", "html"),
        ("plan.htm", "html"),
        ("plan.DOCX", "docx"),
        ("plan.yml", "yaml"),
        ("plan.json", "json"),
        ("plan.txt", "text"),
        ("plan", "text"),
        ("plan.csv", "text"),  # batch's, not a recommendation's
    ],
)
def test_a_file_name_chooses_the_format(name, expected):
    assert formats.by_suffix(PurePath(name), formats.RECOMMENDATION, "text") == expected


def test_cli_help_lists_html(cli):
    out = cli("recommend", "--help").stdout
    assert "text|markdown|html|docx|json|yaml" in out and ".html" in out and ".docx" in out


def test_the_screen_and_the_record_show_their_own_parts(rec):
    doc = recommendation_document(rec)
    screen, record = blocks_for(doc.blocks, "screen"), blocks_for(doc.blocks, "record")
    assert not any(isinstance(b, Only) for b in screen + record)
    for blocks in (screen, record):
        assert sum(isinstance(b, Figure) for b in blocks) == 1
        headline = [b for b in blocks if isinstance(b, Heading) and b.headline]
        assert len(headline) == 1 and rec.level.name in plain(headline[0].parts)
    reasons = [b for b in record if isinstance(b, List) and b.ordered]
    assert len(reasons) == 1 and len(reasons[0].items) == len(rec.trace)
    assert all(item.detail for item in reasons[0].items)  # the rule and its effect


def test_the_essentials_keep_the_warnings_and_leave_the_rest(rec):
    whole = blocks_for(recommendation_document(rec).blocks, "screen")
    short = essentials_document(rec).blocks
    assert set(short) <= set(whole)
    assert not any(isinstance(b, List | Figure) for b in short)
    warnings = [b for b in short if isinstance(b, Warnings)]
    assert [len(w.items) for w in warnings] == ([len(rec.warnings)] if rec.warnings else [])


TEXT_FORMATS = [n for n in formats.names(formats.RECOMMENDATION) if not formats.is_binary(n)]


@pytest.mark.parametrize("name", TEXT_FORMATS)  # docx: tests/test_docx.py
def test_every_format_renders_both_languages(name):
    loaded = api.load_rules()
    for lang in ("sv", "en"):
        rec = api.recommend(loaded, DIABETES, lang)
        out = api.dumps(rec, name)
        assert rec.level.name in out and out.endswith("\n")


def test_the_diff_document_has_an_item_per_change():
    report = diff_files(DEFAULT_RULES, KRONOBERG_RULES, "en", 2)
    doc = diff_document(report, "en")
    (changes,) = [b for b in doc.blocks if isinstance(b, List)]
    assert len(changes.items) == len(report.changes) > 0
    assert all(len(item.body) >= 1 for item in changes.items)  # a condition at least
