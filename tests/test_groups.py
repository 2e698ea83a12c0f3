"""Safeguards per group and the remaining content faults of the invitation: the optional
`support` and `standing_group` questions walked over every decision group of both shipped files, the
accessibility offer, published feedback for anonymous answers, the care meeting's wording,
and texts that claim nothing their sources do not say."""

from __future__ import annotations

import re

import pytest

from ladder.app import recommendation_for
from ladder.engine import decide
from ladder.load.loader import load_rules

from .conftest import DEFAULT_RULES, KRONOBERG_RULES, ROOT, answer_flags
from .test_language import MAX_WORDS, YOU, banned, sentences

SUPPORT = [
    "cognitive_impairment",
    "psychiatric_conditions",
    "cognitive_impairment,psychiatric_conditions",
]
PARTICIPATING = {"consultation", "dialogue", "influence", "co_determination"}
ANONYMOUS = {"survey", "patient_reported_data"}  # no name, so nobody to write back to
SAY = {
    "cognitive": {"sv": "en person som du själv väljer", "en": "a person of your own choice"},
    "psychiatric": {"sv": "ta en paus", "en": "take a break"},
    "benefits": {"sv": "Fråga din handläggare innan du tackar ja", "en": "Ask your case officer"},
    "access": {"sv": "Säg till om du behöver tolk", "en": "Tell us if you need an interpreter"},
    "come_to_you": {"sv": "Vi kommer gärna till en plats", "en": "We are glad to come to a place"},
    "childcare": {"sv": "barnpassning", "en": "childcare"},
    "seat": {
        "sv": "Ni har yttranderätt men inte beslutsrätt",
        "en": "You have the right to speak but not to decide",
    },
    "published": {"sv": "publicerar vi resultatet", "en": "we publish the results"},
}


def development(groups):
    return [g.answers for g in groups if g.answers["arena"] != "care_meeting"]


def assert_plain(text: str, lang: str, answers: dict[str, str]) -> None:
    """docs/language.md's checklist, as tests/test_language.py applies it."""
    for phrase in banned(lang):
        assert phrase not in text, (answers, phrase)
    for sentence in sentences(text):
        assert len(sentence.split()) <= MAX_WORDS, (answers, sentence)
    assert re.search(YOU[lang], text, re.I), answers
    assert not re.search(r":[^.:]*:", text.replace("\n\n", ". ")), answers


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_support_need_adds_its_safeguards_over_every_decision(shipped, groups, lang):
    """The decision groups walked once per answer to `support` (optional, so the shared
    answer space leaves it out)."""
    for base in development(groups):
        plain = recommendation_for(shipped, base, lang)
        for support in SUPPORT:
            answers = {**base, "support": support}
            rec = recommendation_for(shipped, answers, lang)
            assert rec.level == plain.level, answers  # support never moves the level
            text = rec.invitation
            warned = {w.id for w in rec.warnings}
            participating = rec.level.id in PARTICIPATING
            cognitive = "cognitive_impairment" in support
            psychiatric = "psychiatric_conditions" in support
            assert (SAY["cognitive"][lang] in text) == (cognitive and participating), answers
            assert (SAY["psychiatric"][lang] in text) == (psychiatric and participating), answers
            paid = answers["resources"] != "none"
            fees = SAY["benefits"][lang] in text
            assert fees == (psychiatric and participating and paid), answers
            assert ("support_cognitive" in warned) == cognitive, answers
            assert ("support_psychiatric" in warned) == psychiatric, answers
            assert_plain(text, lang, answers)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_accessibility_offer_is_in_every_invitation_from_consultation_up(shipped, groups, lang):
    for answers in development(groups):
        rec = recommendation_for(shipped, answers, lang)
        text = rec.invitation
        participating = rec.level.id in PARTICIPATING
        assert (SAY["access"][lang] in text) == participating, answers
        seldom = "seldom_heard" in answers["participants"].split(",")
        assert (SAY["come_to_you"][lang] in text) == (seldom and participating), answers
        paid = answers["resources"] != "none"
        assert (SAY["childcare"][lang] in text) == (seldom and participating and paid), answers


def test_the_regional_support_structure_needs_a_named_group(shipped, groups):
    """Described as fitting psychiatry, addiction care and care of older people: never for a
    question that names no such group (a primary-care diabetes pathway), and recommended for
    one where the default has it."""
    names = {s.id for s in shipped.rules.structures}
    for answers in development(groups):
        assert "user_participation_structure" not in decide(shipped.rules, answers).structures
    if "user_participation_structure" in names:
        found = 0
        for answers in development(groups):
            for support in SUPPORT:
                picked = decide(shipped.rules, {**answers, "support": support}).structures
                found += "user_participation_structure" in picked
        assert found


def test_a_primary_care_diabetes_pathway_gets_no_regional_support_structure(cli):
    diabetes = {
        "arena": "unit_development",
        "purpose": "co_develop",
        "mandate": "co_develop",
        "acceptance": "high",
        "timeframe": "longer",
        "resources": "some",
        "participants": "condition_group",
        "project": "Vårdförlopp diabetes i primärvården",
    }
    out = cli("--lang", "sv", "recommend", *answer_flags(diabetes)).stdout
    assert "regionala stödstrukturen" not in out
    psychiatry = cli(
        "--lang",
        "sv",
        "recommend",
        *answer_flags({**diabetes, "support": "psychiatric_conditions"}),
    ).stdout
    assert "regionala stödstrukturen" in psychiatry


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_seat_in_a_standing_group_says_what_it_cannot_change(shipped, groups, lang):
    seen = set()
    for base in development(groups):
        answers = {**base, "standing_group": "ledningsgruppen för primärvården"}
        rec = recommendation_for(shipped, answers, lang)
        level = rec.level.id
        said = SAY["seat"][lang] in rec.invitation
        named = "plats i ledningsgruppen för primärvården" in rec.invitation
        assert named == said or lang == "en", answers
        assert said == (level in {"consultation", "dialogue", "influence"}), answers
        methods = [m.id for m in rec.methods]
        assert ("standing_group_seat" in methods) == said, answers
        tokenism = [w.text for w in rec.warnings if w.id == "seat_tokenism"]
        assert bool(tokenism) == (level == "consultation"), answers
        if tokenism:
            assert rec.level.name in tokenism[0] and ("Dialog" in tokenism[0]), answers
        assert_plain(rec.invitation, lang, answers)
        assert SAY["seat"][lang] not in recommendation_for(shipped, base, lang).invitation
        seen.add(level)
    assert {"consultation", "dialogue", "influence"} <= seen


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_anonymous_answers_get_published_results_not_a_letter(shipped, groups, lang):
    """When every way to take part is anonymous (a survey, patient-reported data), nobody can
    be written to: the invitation says the results are published, and where (a marked gap
    until the feedback text says it). Otherwise the personal feedback stands."""
    anonymous_seen = 0
    for answers in development(groups):
        for seat in (None, "patientrådet"):
            given = {**answers, **({"standing_group": seat} if seat else {})}
            rec = recommendation_for(shipped, given, lang)
            methods = {m.id for m in rec.methods}
            anonymous = rec.level.id == "consultation" and methods <= ANONYMOUS
            published = SAY["published"][lang] in rec.invitation
            assert published == anonymous, given
            if anonymous:
                anonymous_seen += 1
                assert "fyra veckor efter beslutet får du veta" not in rec.invitation
                assert any("publiceras" in g or "published" in g for g in rec.gaps), given
                where = {**given, "feedback": "regionens webbplats"}
                filled = recommendation_for(shipped, where, lang)
                assert "regionens webbplats" in filled.invitation, given
                assert not any("publiceras" in g or "published" in g for g in filled.gaps)
    assert anonymous_seen


CARE = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "yes"}


@pytest.mark.parametrize("rules", [DEFAULT_RULES, KRONOBERG_RULES])
def test_care_meeting_texts_read_naturally_and_borrow_no_development_headings(cli, rules):
    answers = {**CARE, "decision_owner": "ortopeden, i maj", "feedback": "ett samtal om två veckor"}
    for lang, bad in (
        ("sv", ["Formellt ansvarig", "Löfte till deltagarna", "Rekrytera från", "Uppföljning:"]),
        ("en", ["Formally responsible", "Promise to participants", "Recruit from", "Follow-up:"]),
    ):
        for fmt in ("text", "markdown"):
            out = cli(
                "--lang",
                lang,
                "recommend",
                "--rules",
                str(rules),
                "-f",
                fmt,
                *answer_flags(answers),
            ).stdout
            assert "ortopeden, i maj" in out
            for phrase in bad:
                assert phrase not in out, (lang, fmt, phrase)


@pytest.mark.parametrize("rules", [DEFAULT_RULES, KRONOBERG_RULES])
def test_free_text_help_fits_the_care_meeting_too(rules):
    """A question's help cannot vary by arena: those asked in the care meeting give an
    example from it, beside the development-work one."""
    loaded = load_rules(rules).rules
    for question in loaded.questions:
        if question.kind == "text" and not question.when:
            assert "vårdmötet" in question.help["sv"], question.id
            assert "care meeting" in question.help["en"], question.id


@pytest.mark.parametrize("rules", [DEFAULT_RULES, KRONOBERG_RULES])
def test_claims_are_sourced_or_marked_as_the_tools_suggestion(rules):
    loaded = load_rules(rules).rules
    raw = rules.read_text(encoding="utf-8")
    for claim in ("sekreterare", "secretary", "sedan 2018", "since 2018"):
        assert claim not in raw, claim
    for term in ("funktionsrättsorganisationer", "funktionshinderföreningar"):
        assert term not in raw, term
    marked = {"unit_patients", "random_sample", "community_outreach"}
    for structure in loaded.structures:
        if structure.id in marked and rules == DEFAULT_RULES:
            assert "Förslag från ladder" in structure.description["sv"], structure.id
            assert "suggestion of ladder's" in structure.description["en"], structure.id


def test_the_app_help_names_the_invitation_in_good_swedish():
    po = (ROOT / "ladder" / "i18n" / "locale" / "sv" / "LC_MESSAGES" / "ladder.po").read_text(
        encoding="utf-8"
    )
    assert "ett förväntansbeskrivning" not in po
    entry = po.split('msgctxt "help.app"')[1].split("msgctxt")[0]
    assert "en inbjudan till deltagarna" in entry
