"""The wizard saves the record in the format its file name asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladder.app import format_recommendation

from .test_wizard import ACCEPT, CTRL_U, ENTER, SKIP_FREE_TEXT, drive  # noqa: F401 - a fixture


def saving_the_record_as(name: str) -> list[str]:
    """The keys of a care-meeting interview accepted and its record saved as `name`."""
    return ["1" + ENTER, ENTER, ENTER, *SKIP_FREE_TEXT, ACCEPT, "2" + ENTER, CTRL_U + name + ENTER]


def test_a_record_named_html_is_saved_as_html(drive):  # noqa: F811 - the fixture
    rec, _ = drive(saving_the_record_as("plan.html"))
    saved = Path("plan.html").read_text(encoding="utf-8")
    assert saved == format_recommendation(rec, "html")
    assert saved.startswith("<!DOCTYPE html>")


def test_a_record_named_docx_is_saved_as_a_word_document(drive, monkeypatch):  # noqa: F811
    docx = pytest.importorskip("docx")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the same bytes for the same input
    rec, _ = drive(saving_the_record_as("record.docx"))
    saved = Path("record.docx").read_bytes()
    assert saved == format_recommendation(rec, "docx")
    assert docx.Document("record.docx").paragraphs[0].text != ""


def test_without_python_docx_the_wizard_says_so_and_asks_again(drive, monkeypatch):  # noqa: F811
    import sys

    monkeypatch.setitem(sys.modules, "docx", None)  # `import docx` now fails
    keys = [
        *saving_the_record_as("record.docx"),
        CTRL_U + "record.html" + ENTER,  # asked again: another name
    ]
    rec, out = drive(keys)
    assert "pip install 'ladder[docx]'" in " ".join(out.split())  # the wizard wraps lines
    assert not Path("record.docx").exists()
    assert Path("record.html").read_text(encoding="utf-8") == format_recommendation(rec, "html")
