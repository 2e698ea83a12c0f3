"""Two audiences: the invitation goes to participants, the staff notes stay with staff.

Properties over the whole answer space of both shipped rules files, in both languages, plus
the version-1 default (a file without `audience` keeps every part in the invitation).
"""

from __future__ import annotations

import json
import re

import pytest

from ladder.app import recommendation_for
from ladder.check.answer_space import answer_space
from ladder.engine import decide, matches
from ladder.load.loader import LoadedRules, load_rules

from .conftest import ROOT, answer_flags

MANDATES = ("personal", "organisational")
FULL_V1 = ROOT / "tests" / "fixtures" / "kronoberg_full_v1.yaml"

# Phrases that belong to staff only: how recruitment is arranged, why the level is lower,
# fee arithmetic that has to be checked first, ladder jargon about "the participants".
STAFF_ONLY = {
    "sv": (
        "ordnar själv",
        "hade behövt",
        "Rekrytera",
        "Vi söker deltagare via",
        "prisbasbelopp",
        "kronor",
        "I övergripande frågor",
        "Medverkan sker på nivån",
        "Deltagarna",
        "deltagarnas",
    ),
    "en": (
        "arranges itself",
        "would have needed",
        "Recruit",
        "looking for participants through",
        "price base amount",
        "kronor",
        "On overarching questions",
        "The involvement is at the level of",
        "The participants",
        "participants'",
    ),
}
# Promises of pay: never made when the answers say there is no budget.
PAY_PROMISES = {
    "sv": ("får arvode", "får ersättning", "ska få ersättning", "vilken ersättning du får"),
    "en": ("receive a fee", "be paid", "to be compensated", "compensation you will receive"),
}
# A call to sign up: not at Information, where nobody is recruited.
SIGN_UP = {
    "sv": ("anmäl", "tackar ja", "vill att du är med"),
    "en": ("sign up", "you accept", "would like you to take part"),
}


@pytest.fixture(scope="module")
def space(shipped: LoadedRules) -> list[dict[str, str]]:
    return list(answer_space(shipped.rules))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_invitations_hold_no_staff_text(shipped, groups, lang):
    rules = shipped.rules
    names = {rules.text(s.name, lang) for s in rules.structures}
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, lang)
        invitation = rec.invitation
        assert invitation == rec.expectations and invitation.strip()
        for phrase in STAFF_ONLY[lang]:
            assert phrase not in invitation, (answers, phrase)
        for name in names:  # where participants are found is the staff's how-to
            assert name not in invitation, (answers, name)
        for note in rec.staff_notes:
            assert note.strip() and note not in invitation, (answers, note)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_part_goes_to_its_audience(shipped, space, lang):
    """Every part that applies is worded once, in the text of its own audience, in order."""
    rules = shipped.rules
    for answers in space[:: max(1, len(space) // 300)]:
        decision = decide(rules, answers)
        chosen = [p for p in rules.expectations.parts if matches(p, answers, decision)]
        rec = recommendation_for(shipped, answers, lang)
        invited = [p for p in chosen if p.audience == "participants"]
        assert len(rec.invitation.split("\n\n")) == len(invited), answers
        staff = len([p for p in chosen if p.audience == "staff"])
        extra = rec.staff_notes[staff:]  # the tool's own: another mandate, the gaps
        assert len(extra) == bool(rec.gaps) + any(rec.recruitment[0].name in n for n in extra)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_pay_promised_without_a_budget(shipped, groups, lang):
    for group in groups:
        if not group.some("resources", "none"):
            continue
        answers = group.answers
        invitation = recommendation_for(shipped, answers, lang).invitation
        for phrase in PAY_PROMISES[lang]:
            assert phrase not in invitation, (answers, phrase)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_recruitment_call_at_information(shipped, groups, lang):
    seen = 0
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, lang)
        if rec.level.id != "information":
            continue
        seen += 1
        text = rec.invitation.lower()
        for phrase in SIGN_UP[lang]:
            assert phrase.lower() not in text, (answers, phrase)
    assert seen  # the property is about something


@pytest.mark.exhaustive
def test_a_lowered_level_is_explained_to_staff_only(shipped, space):
    lowered = 0
    for answers in space:
        rec = recommendation_for(shipped, answers, "en")
        if not any(x.effect.endswith(":lowers") for x in rec.trace):
            continue
        lowered += 1
        assert any(rec.level.name in note for note in rec.staff_notes), answers
        assert "would have" not in rec.invitation, answers
    assert lowered


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_mandate_is_stated_never_hedged(shipped, groups, lang):
    """One mandate, that of the first structure; another structure's is a staff note."""
    rules = shipped.rules
    kinds = {k: rules.text(getattr(rules.mandate_types, k), lang) for k in MANDATES}
    mixed = 0
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, lang)
        assert not re.search(r"\b(Kommer du|If you come)\b", rec.invitation), answers
        stated = [k for k, wording in kinds.items() if wording in rec.invitation]
        assert len(stated) <= 1, answers
        if stated:
            assert stated == [rec.recruitment[0].mandate], answers
            if len({s.mandate for s in rec.recruitment}) > 1:
                mixed += 1
                others = [s.name for s in rec.recruitment if s.mandate != stated[0]]
                assert any(all(o in n for o in others) for n in rec.staff_notes), answers
    assert mixed  # the shipped files do recommend structures with both mandates


def test_time_asked_is_one_sentence_per_method(default_rules, space):
    for answers in space[:: max(1, len(space) // 200)]:
        rec = recommendation_for(default_rules, answers, "sv")
        for m in rec.methods:
            assert f"{m.name}: {m.time}" in rec.invitation, answers
        assert not re.search(r": [^.]*: ", rec.invitation), answers  # no chain of colons


def test_a_version_1_file_without_audience_invites_with_every_part():
    old = load_rules(FULL_V1)
    assert all(p.audience == "participants" for p in old.rules.expectations.parts)
    for answers in list(answer_space(old.rules))[::97]:
        rec = recommendation_for(old, answers, "sv")
        assert rec.invitation.strip(), answers
        assert all(n.startswith("Inbjudan anger mandatet") for n in rec.staff_notes), answers


def test_an_unknown_audience_is_a_located_error(cli, tmp_path):
    rules = tmp_path / "region.yaml"
    rules.write_text(
        "version: 1\nextends: builtin\nexpectations:\n  parts:\n"
        "    - id: voluntary\n      audience: everyone\n",
        encoding="utf-8",
    )
    result = cli("check", str(rules))
    assert result.exit_code == 3
    assert "audience" in result.stderr + result.stdout
    assert re.search(r"region\.yaml:\d+:\d+", result.stderr + result.stdout)


def test_json_and_documents_show_both_audiences(cli):
    flags = answer_flags(
        {
            "arena": "unit_development",
            "purpose": "co_develop",
            "mandate": "views",
            "acceptance": "low",
            "timeframe": "longer",
            "resources": "some",
            "participants": "own_patients",
        }
    )
    data = json.loads(cli("recommend", "-f", "json", *flags).stdout)
    assert data["invitation"] == {"title": "What you can expect", "text": data["expectations"]}
    assert any("Consultation" in note for note in data["staff_notes"])
    for fmt in ("markdown", "html", "text"):
        out = cli("--lang", "sv", "recommend", "-f", fmt, *flags).stdout
        heading = out.index("Anteckningar för personalen")
        assert out.index("Det här kan du förvänta dig") < heading
        assert "Rekrytera via" in out[heading:]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_gap_is_marked_and_listed_for_staff(shipped, groups, lang):
    gapped = 0
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, lang)
        shown = tuple(dict.fromkeys(re.findall(r"\[[^\]]+\]", rec.invitation)))
        assert rec.gaps == shown, answers
        if rec.gaps:
            gapped += 1
            assert all(g in rec.staff_notes[-1] for g in rec.gaps), answers
            # Each gap stands for a free text: the decision owner, or where anonymous answers'
            # results are published (the feedback).
            texts = {"decision_owner": "Nämnden", "feedback": "regionens webbplats"}
            filled = recommendation_for(shipped, {**answers, **texts}, lang)
            assert filled.gaps == () and "Nämnden" in filled.invitation, answers
    assert gapped


def test_require_complete_exits_4_while_a_gap_remains(cli):
    flags = answer_flags(
        {
            "arena": "unit_development",
            "purpose": "co_develop",
            "mandate": "views",
            "acceptance": "low",
            "timeframe": "longer",
            "resources": "some",
            "participants": "own_patients",
        }
    )
    gapped = cli("recommend", "--require-complete", *flags)
    assert gapped.exit_code == 4 and gapped.stdout == ""
    assert "[who decides, and when]" in gapped.stderr and "Traceback" not in gapped.stderr
    assert cli("recommend", *flags).exit_code == 0  # without the flag the gap is only shown
    owner = ("-a", "decision_owner=The board, in May")
    done = cli("recommend", "--require-complete", "-f", "json", *flags, *owner)
    assert done.exit_code == 0 and json.loads(done.stdout)["gaps"] == []


@pytest.mark.exhaustive
def test_mandate_warnings_name_only_the_reasons_given(shipped, space):
    """Acceptance is named only when it is high; a decision already made is not to be
    widened, and consulting on what is still open is suggested instead."""
    capped = 0
    for answers in space:
        rec = recommendation_for(shipped, answers, "en")
        text = " ".join(w.text for w in rec.warnings)
        if answers.get("acceptance") != "high":
            assert "acceptance –" not in text and "patients' acceptance" not in text, answers
        if answers.get("mandate") == "none":
            assert "Widen the mandate" not in text, answers
        if any(x.rule == "cap.mandate" and x.effect.endswith(":lowers") for x in rec.trace):
            capped += 1
            assert "mandate" in text or "already made" in text, answers
    assert capped


def test_feedback_at_co_determination_reports_how_the_decision_was_carried_out(shipped, groups):
    seen = 0
    for answers in (g.answers for g in groups):
        rec = recommendation_for(shipped, answers, "en")
        if rec.level.id != "co_determination":
            continue
        seen += 1
        assert "your decision is carried out" in rec.invitation or (
            "how it is carried out" in rec.invitation
        ), answers
        assert "affected it" not in rec.invitation, answers
    assert seen


def test_the_six_cases_are_in_the_docs():
    """Six cases, each with its standard and easy-read invitation, the young people's case
    with the young variant too, and staff notes."""
    text = (ROOT / "docs" / "invitations.md").read_text(encoding="utf-8")
    cases = text.split("\n## ")[1:]
    assert len(cases) == 6
    for case in cases:
        assert case.count("### Det här kan du förvänta dig\n") == 1, case[:80]
        assert case.count("### Det här kan du förvänta dig (Lättläst)\n") == 1, case[:80]
        assert case.count("### Anteckningar för personalen") == 1
    (young,) = [c for c in cases if "participants=young_people" in c]
    assert "### Det här kan du förvänta dig (För barn och unga)\n" in young
    assert "artikel 12" in young and "vårdnadshavare" in young


def test_relatives_guidance_states_the_harm_test_not_consent_as_the_only_way(shipped, space):
    for answers in space:
        if answers.get("relatives") != "yes":
            continue
        rec = recommendation_for(shipped, answers, "en")
        (text,) = [w.text for w in rec.warnings if w.id == "relatives_consent"]
        assert "without harm" in text and "usual way" in text and "capacity" in text
        assert "only with the patient's consent" not in text
