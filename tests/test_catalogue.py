"""The gettext catalogues: sv.po translates every English text of english.py, the .pot and the
compiled .mo are up to date, and docs/catalogue.py updates and merges as it says."""

from __future__ import annotations

import importlib.util
import io
import string
import sys

import pytest

pytest.importorskip("babel")

from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from ladder.i18n.english import ENGLISH
from ladder.i18n.messages import t, tn

from .conftest import ROOT

LOCALE = ROOT / "ladder" / "i18n" / "locale"
PO = LOCALE / "sv" / "LC_MESSAGES" / "ladder.po"


def _load_script():
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "docs" / "catalogue.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogue"] = module
    spec.loader.exec_module(module)
    return module


catalogue = _load_script()


def _entries(catalog):
    """(context, msgid) -> (translation, fuzzy) for every message but the header."""
    return {
        (_text(m.context), _hashable(m.id)): (_hashable(m.string), m.fuzzy) for m in catalog if m.id
    }


def _text(context):
    """Babel before 2.15 reads a .mo's contexts as bytes."""
    return context.decode("utf-8") if isinstance(context, bytes) else context


def _hashable(value):
    return tuple(value) if isinstance(value, list | tuple) else value


def _read(path):
    with path.open("rb") as file:
        return read_po(file)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


SWEDISH = _read(PO)


def test_every_english_text_has_one_finished_swedish_entry_and_no_other():
    expected = {(key, msgid) for key, msgid in ENGLISH.items()}
    found = _entries(SWEDISH)
    assert set(found) == expected
    assert [key for (key, _), (text, _) in found.items() if not catalogue._done(text)] == []
    assert [key for (key, _), (_, fuzzy) in found.items() if fuzzy] == []
    assert not SWEDISH.obsolete
    assert "nplurals=2; plural=(n != 1);" in SWEDISH.plural_forms


def test_swedish_placeholders_are_the_english_ones():
    for message in SWEDISH:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        swedish = message.string if isinstance(message.string, tuple) else (message.string,)
        assert {frozenset(_fields(s)) for s in swedish} == {
            frozenset(_fields(e)) for e in english
        }, message.context


def test_the_template_is_up_to_date_with_the_english_table():
    pot = _entries(_read(LOCALE / "ladder.pot"))
    assert list(pot) == list(_entries(catalogue.template(ENGLISH)))


def test_the_committed_mo_is_a_fresh_compile_of_the_po():
    fresh = io.BytesIO()
    write_mo(fresh, SWEDISH, use_fuzzy=False)
    fresh.seek(0)
    with PO.with_suffix(".mo").open("rb") as file:
        assert _entries(read_mo(file)) == _entries(read_mo(fresh))


def test_plurals_follow_the_count_in_both_languages():
    assert tn("answers.missing", 1, "sv", count=1) == "Svar saknas på 1 fråga:"
    assert tn("answers.missing", 3, "sv", count=3) == "Svar saknas på 3 frågor:"
    assert t("wizard.intro", "en", region="R", count=1).startswith("ladder – R: 1 question.")
    assert t("wizard.intro", "en", region="R", count=2).startswith("ladder – R: 2 questions.")


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """docs/catalogue.py working on a copy of the English table and the catalogues."""
    i18n = tmp_path / "i18n"
    (i18n / "locale" / "sv" / "LC_MESSAGES").mkdir(parents=True)
    for name in ("english.py", "locale/ladder.pot", "locale/sv/LC_MESSAGES/ladder.po"):
        (i18n / name).write_bytes((ROOT / "ladder" / "i18n" / name).read_bytes())
    monkeypatch.setattr(catalogue, "I18N", i18n)
    monkeypatch.setattr(catalogue, "ENGLISH", i18n / "english.py")
    monkeypatch.setattr(catalogue, "POT", i18n / "locale" / "ladder.pot")
    monkeypatch.setattr(catalogue, "PO", i18n / "locale" / "sv" / "LC_MESSAGES" / "ladder.po")
    monkeypatch.setattr(catalogue, "MO", i18n / "locale" / "sv" / "LC_MESSAGES" / "ladder.mo")
    return i18n


def test_an_update_without_changes_keeps_every_translation(scratch):
    assert catalogue.main([]) == 0
    assert _entries(_read(catalogue.PO)) == _entries(SWEDISH)


def test_a_changed_english_text_makes_its_swedish_entry_unfinished(scratch):
    english = catalogue.read_english()
    english["render.level"] = "The level we recommend"
    catalogue.write_english(english)
    assert catalogue.main([]) == 1
    entry = _entries(_read(catalogue.PO))[("render.level", "The level we recommend")]
    assert entry[1] or not entry[0]


def test_pending_messages_are_merged_and_their_files_removed(scratch):
    (scratch / "pending_extra.py").write_text(
        "PENDING = {\n"
        '    "extra.new": {"sv": "Ny text om {thing}", "en": "New text about {thing}"},\n'
        '    "render.level": {"sv": "Nivå som rekommenderas", "en": "Level recommended"},\n'
        '    "extra.count": {"sv": "{count} rader", "en": "{count} rows",\n'
        '                    "sv_one": "{count} rad", "en_one": "{count} row"},\n'
        "}\n",
        encoding="utf-8",
    )
    assert catalogue.main(["--merge"]) == 0
    assert not list(scratch.glob("pending_*.py"))
    english = catalogue.read_english()
    pot = _entries(_read(catalogue.POT))
    assert list(pot) == list(_entries(catalogue.template(english)))
    assert english["extra.new"] == "New text about {thing}"
    assert english["render.level"] == "Level recommended"
    assert english["extra.count"] == ("{count} row", "{count} rows")
    found = _entries(_read(catalogue.PO))
    assert found[("extra.new", "New text about {thing}")] == ("Ny text om {thing}", False)
    assert found[("render.level", "Level recommended")] == ("Nivå som rekommenderas", False)
    assert found[("extra.count", ("{count} row", "{count} rows"))][0] == (
        "{count} rad",
        "{count} rader",
    )
    assert ("render.level", "Recommended level") not in found
    with catalogue.MO.open("rb") as file:
        assert ("extra.new", "New text about {thing}") in _entries(read_mo(file))
