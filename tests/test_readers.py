"""Readers of the invitation: easy read for every invitation, a young people's variant where
they are the group, over the whole answer space of both shipped files (one answer set per
distinct decision); the standard text untouched by readers; --reader on the command line;
readers in overlays and in `ladder check`."""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from ladder.app import recommendation_for
from ladder.check.checker import check_file
from ladder.conditions import chosen
from ladder.load.loader import LoadedRules, load_rules
from ladder.model import Rules
from ladder.output.record import to_dict

from .conftest import DEFAULT_RULES, SMALL_RULES, answer_flags
from .test_language import YOU, banned, sentences

EASY_MAX_WORDS = 25
ARTICLE_12 = {"sv": "artikel 12", "en": "article 12"}
GUARDIAN = {"sv": "vårdnadshavare", "en": "guardian"}
# Structures written for adults: a young people's group must have a route besides these.
ADULT_STRUCTURES = {
    "interest_bank",
    "patient_associations",
    "user_participation_structure",
    "resource_group",
}
YOUNG_CASE = {
    "arena": "unit_development",
    "purpose": "views",
    "mandate": "views",
    "acceptance": "high",
    "timeframe": "months",
    "resources": "some",
    "participants": "young_people",
}


def young(answers: dict[str, str]) -> bool:
    return "young_people" in chosen(answers.get("participants", ""))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_easy_read_invitation_passes_the_checklist(shipped, groups, lang):
    phrases = banned(lang)
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, lang, "easy_read")
        text = rec.invitation
        assert rec.reader == "easy_read" and text, answers
        for phrase in phrases:
            assert phrase not in text, (answers, phrase)
        for sentence in sentences(text):
            assert len(sentence.split()) <= EASY_MAX_WORDS, (answers, sentence)
            assert sentence.count(":") <= 1, (answers, sentence)
        assert re.search(YOU[lang], text, re.I), answers
        standard = recommendation_for(shipped, answers, lang)
        assert text != standard.invitation, answers  # a variant, not the standard text again
        assert set(rec.gaps) == set(standard.gaps), answers  # the same gaps to fill


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_young_variant_is_there_exactly_where_young_people_take_part(shipped, groups, lang):
    seen = 0
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, lang)
        readers = [i.reader for i in rec.invitations]
        assert readers[:2] == ["standard", "easy_read"], answers
        if not young(answers):
            assert "young" not in readers, answers
            continue
        assert readers == ["standard", "easy_read", "young"], answers
        text = next(i.text for i in rec.invitations if i.reader == "young")
        if rec.level.id != "information":  # nobody is asked to take part at Information
            seen += 1
            assert ARTICLE_12[lang] in text and GUARDIAN[lang] in text, answers
            for sentence in sentences(text):
                assert len(sentence.split()) <= EASY_MAX_WORDS, (answers, sentence)
    assert seen


def test_young_people_never_get_only_adult_structures_or_long_meeting_series(shipped, groups):
    """Alone or beside other groups, children and young people are recruited through a route
    of their own, never through adult structures only."""
    seen = mixed = 0
    for answers in (g.answers for g in groups):
        if not young(answers):
            continue
        rec = recommendation_for(shipped, answers, "sv")
        if answers["participants"] != "young_people":
            mixed += 1
            serving = {s.id for s in rec.recruitment if "young_people" in s.serves}
            assert serving - ADULT_STRUCTURES, answers
            continue
        seen += 1
        ids = {s.id for s in rec.recruitment}
        assert ids - ADULT_STRUCTURES, answers
        for method in rec.methods:
            assert "inläsning" not in method.time or "ingen inläsning" in method.time, answers
        assert "young_safeguards" in {w.id for w in rec.warnings}, answers
    assert seen and mixed


def without_readers(rules: Rules) -> Rules:
    """The same rules with every reader and reader variant taken out."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "readers"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return Rules.model_validate(strip(rules.model_dump(by_alias=True, exclude_defaults=True)))


def test_without_reader_the_contract_is_what_it_was_without_readers(shipped, groups):
    """Readers change nothing for a script that does not ask for one: the JSON of a sample of
    decisions equals, byte for byte, that of the same rules with every reader taken out."""
    plain = dataclasses.replace(shipped, rules=without_readers(shipped.rules))
    for answers in [g.answers for g in groups][::7]:
        for lang in ("sv", "en"):
            rec = recommendation_for(shipped, answers, lang)
            old = recommendation_for(plain, answers, lang)
            assert json.dumps(to_dict(rec)) == json.dumps(to_dict(old)), answers
            assert "reader" not in to_dict(rec) and "invitations" not in to_dict(rec)


def test_a_reader_asked_for_is_in_the_contract_with_every_invitation(default_rules):
    rec = recommendation_for(default_rules, YOUNG_CASE, "sv", "young")
    data = to_dict(rec)
    assert data["reader"] == "young"
    assert list(data["invitations"]) == ["standard", "easy_read", "young"]
    assert data["invitation"]["text"] == data["invitations"]["young"]["text"]
    assert data["expectations"] == data["invitations"]["young"]["text"]
    assert (
        data["invitations"]["standard"]["text"]
        == recommendation_for(default_rules, YOUNG_CASE, "sv").invitation
    )


def test_a_reader_asked_for_where_it_is_not_relevant_is_still_worded(default_rules):
    answers = {**YOUNG_CASE, "participants": "own_patients"}
    rec = recommendation_for(default_rules, answers, "en", "young")
    assert [i.reader for i in rec.invitations] == ["standard", "easy_read", "young"]
    assert "gift card" in rec.invitation  # its own text where it has one
    easy = recommendation_for(default_rules, answers, "en", "easy_read").invitation
    assert rec.invitation.split("\n\n")[0] == easy.split("\n\n")[0]  # else easy read's


# The command line.


def test_recommend_shows_the_reader_asked_for_on_screen(cli):
    flags = answer_flags(YOUNG_CASE)
    result = cli("recommend", *flags, "--lang", "sv", "--reader", "easy_read")
    assert result.exit_code == 0, result.stderr
    assert "Du väljer själv om du vill vara med." in result.stdout
    assert "Det här kan du förvänta dig – Lättläst" in result.stdout
    assert "Medverkan är frivillig" not in result.stdout
    plain = cli("recommend", *flags, "--lang", "sv")
    assert "Medverkan är frivillig" in plain.stdout
    assert "Du väljer själv om du vill vara med." not in plain.stdout


def test_a_record_shows_every_relevant_variant_after_the_standard_invitation(cli):
    result = cli("recommend", *answer_flags(YOUNG_CASE), "--lang", "sv", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    standard = out.index("Det här kan du förvänta dig\n")
    easy = out.index("Det här kan du förvänta dig – Lättläst")
    for_young = out.index("Det här kan du förvänta dig – För barn och unga")
    assert standard < easy < for_young
    html = cli("recommend", *answer_flags(YOUNG_CASE), "--lang", "en", "-f", "html").stdout
    assert "What you can expect: Easy read" in html
    assert "What you can expect: For children and young people" in html


def test_json_with_a_reader_names_it(cli):
    flags = [*answer_flags(YOUNG_CASE), "-f", "json", "--reader", "young"]
    data = json.loads(cli("recommend", *flags).stdout)
    assert data["schema"] == "ladder.recommendation/1"
    assert data["reader"] == "young" and "young" in data["invitations"]


def test_an_unknown_reader_is_a_usage_error_with_a_guess(cli):
    result = cli("recommend", *answer_flags(YOUNG_CASE), "--reader", "easy")
    assert result.exit_code == 2
    assert "Unknown reader 'easy'" in result.stderr
    assert "standard, easy_read, young" in result.stderr and "easy_read" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_reader_with_rules_that_declare_none_is_a_usage_error(cli):
    rules = load_rules(SMALL_RULES).rules
    assert not rules.expectations.readers
    answers = recommendation_for(load_rules(SMALL_RULES), _some_answers(rules), "en").answers
    flags = [arg for a in answers for arg in ("-a", f"{a.id}={a.value}")]
    result = cli("recommend", "--rules", str(SMALL_RULES), *flags, "--reader", "easy_read")
    assert result.exit_code == 2, result.stdout
    assert "Unknown reader 'easy_read': these rules offer standard" in result.stderr
    ok = cli("recommend", "--rules", str(SMALL_RULES), *flags, "--reader", "standard")
    assert ok.exit_code == 0, ok.stderr


def _some_answers(rules: Rules) -> dict[str, str]:
    from ladder.check.answer_space import answer_space

    return next(iter(answer_space(rules)))


def test_completion_offers_the_rules_readers():
    from ladder.completion import complete_reader

    offered = complete_reader(None, "")
    assert [value for value, _ in offered] == ["standard", "easy_read", "young"]
    assert complete_reader(None, "y") == [("young", "For children and young people")]


# Overlays and check.


def _overlay(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "over.yaml"
    body = f"version: 1\nextends: {DEFAULT_RULES}\n" + textwrap.dedent(text).lstrip()
    path.write_text(body, encoding="utf-8")
    return path


def test_an_overlay_adds_an_easy_read_text_to_one_part_and_keeps_the_rest(tmp_path):
    path = _overlay(
        tmp_path,
        """
        expectations:
          parts:
            - id: voluntary
              readers:
                easy_read:
                  sv: "Du får vara med om du vill."
                  en: "You may take part if you want to."
        """,
    )
    over = load_rules(path).rules
    base = load_rules(DEFAULT_RULES).rules
    (part,) = [p for p in over.expectations.parts if p.id == "voluntary"]
    (old,) = [p for p in base.expectations.parts if p.id == "voluntary"]
    assert part.readers["easy_read"]["sv"] == "Du får vara med om du vill."
    assert part.readers["young"] == old.readers["young"]  # merged key by key
    assert part.text == old.text
    rec = recommendation_for(load_rules(path), YOUNG_CASE, "en", "easy_read")
    assert "You may take part if you want to." in rec.invitation


def test_check_finds_a_part_without_a_text_for_a_declared_reader(tmp_path):
    path = _overlay(
        tmp_path,
        """
        expectations:
          parts:
            - id: one_more
              when:
                arena: ["unit_development"]
              text:
                sv: "En mening till för dig."
                en: "One more sentence for you."
        """,
    )
    findings = [f for f in check_file(path, "en").findings if f.code == "missing.reader_text"]
    assert {re.search(r"reader '(\w+)'", f.message).group(1) for f in findings} == {
        "easy_read",
        "young",
    }
    assert all(f.severity == "warning" and f.line > 0 for f in findings)
    assert all("one_more" in f.named_path for f in findings)


def test_an_unknown_reader_id_under_readers_is_a_located_error(tmp_path):
    path = _overlay(
        tmp_path,
        """
        expectations:
          parts:
            - id: voluntary
              readers:
                easy_reed:
                  sv: "Du får vara med om du vill."
                  en: "You may take part if you want to."
        """,
    )
    report = check_file(path, "en")
    (finding,) = [f for f in report.findings if "easy_reed" in f.message]
    assert finding.severity == "error" and finding.file == str(path) and finding.line > 0
    assert "easy_read" in finding.message  # did you mean


def test_shipped_files_are_complete_for_their_readers(shipped: LoadedRules):
    assert [r.id for r in shipped.rules.expectations.readers] == ["easy_read", "young"]
    path = Path(shipped.info.path)
    codes = {f.code for f in check_file(path, "en").findings}
    assert "missing.reader_text" not in codes


def test_a_plan_words_every_track_for_the_reader(cli):
    plan = DEFAULT_RULES.parent.parent / "examples" / "plans" / "closure.yaml"
    data = json.loads(cli("recommend", "--answers", str(plan), "-f", "json").stdout)
    assert all("reader" not in track for track in data["tracks"])
    result = cli("recommend", "--answers", str(plan), "-f", "json", "--reader", "easy_read")
    assert result.exit_code == 0, result.stderr
    tracks = json.loads(result.stdout)["tracks"]
    assert len(tracks) >= 2
    for track in tracks:
        assert track["reader"] == "easy_read"
        assert track["invitation"]["text"] == track["invitations"]["easy_read"]["text"]
        assert track["invitations"]["standard"]["text"] != track["invitation"]["text"]
