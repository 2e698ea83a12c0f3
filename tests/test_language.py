"""docs/language.md applied to every invitation the shipped rules can produce: the phrases
its `checklist` blocks list, sentence length, second person, the step named at most once."""

from __future__ import annotations

import re

import pytest

from ladder.app import recommendation_for

from .conftest import ROOT

CHECKLIST = ROOT / "docs" / "language.md"
MAX_WORDS = 35
YOU = {"sv": r"\b(du|dig|din|ditt|dina)\b", "en": r"\b(you|your)\b"}


def banned(lang: str) -> list[str]:
    text = CHECKLIST.read_text(encoding="utf-8")
    block = re.search(rf"```checklist {lang}\n(.*?)```", text, re.S)
    assert block, f"no checklist block for {lang}"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def test_the_checklist_lists_phrases_in_both_languages():
    assert len(banned("sv")) >= 10 and len(banned("en")) >= 10


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_invitation_passes_the_language_checklist(shipped, groups, lang):
    phrases = banned(lang)
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, lang)
        text = rec.invitation
        for phrase in phrases:
            assert phrase not in text, (answers, phrase)
        for sentence in sentences(text):
            assert len(sentence.split()) <= MAX_WORDS, (answers, sentence)
        assert re.search(YOU[lang], text, re.I), answers
        prose = text
        for m in rec.methods:  # "Information material" names a method, not the step
            prose = prose.replace(m.name, "")
        named = len(re.findall(rf"\b{re.escape(rec.level.name)}\b", prose))
        assert named <= 1 or answers["arena"] == "care_meeting", answers
        assert not re.search(r":[^.:]*:", text.replace("\n\n", ". ")), answers


def test_the_checklist_catches_what_it_lists():
    """The lists are not empty words: the old texts they were written against fail them."""
    old = "Medverkan sker på nivån Konsultation: Deltagarna lämnar synpunkter."
    assert any(phrase in old for phrase in banned("sv"))
    assert len(sentences("Ett. Två tre! Fyra?")) == 3
