"""examples/kronoberg.yaml is an overlay of the default rules. It must give exactly what the full
file it replaced gave (kept as tests/fixtures/kronoberg_full_v1.yaml, which also proves that a
full version-1 file written for the format before overlays still loads): the same rules, and the
same recommendation for every reachable answer combination, in Swedish and in English. The
statement's texts were rewritten on purpose since (the invitation and the staff notes): for
them the same parts are chosen, and only their wording may differ."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from ladder.app import recommendation_for
from ladder.check.answer_space import answer_space
from ladder.engine import decide
from ladder.load.loader import LoadedRules, load_rules
from ladder.model import Rules
from ladder.result import Recommendation, StructureOut, WarningOut

from .conftest import KRONOBERG_RULES, ROOT

FULL = ROOT / "tests" / "fixtures" / "kronoberg_full_v1.yaml"
FREE_TEXT = {
    "project": "Ny vårdkedja",
    "decision_owner": "Verksamhetschefen",
    "fixed": "Budgeten",
    "feedback": "Inom två veckor",
}


@pytest.fixture(scope="module")
def pair() -> tuple[LoadedRules, LoadedRules]:
    return load_rules(KRONOBERG_RULES), load_rules(FULL)


def test_the_overlay_is_short_and_extends_the_default():
    text = KRONOBERG_RULES.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 400
    assert "\nextends: builtin\n" in text


# Worked examples the default gained with multi-choice `participants` and `support`, after
# the conversion.
TWO_GROUP_EXAMPLES = 3
# Children and young people, a group the default gained since: its option, its own items, its
# worked example, and the adult groups named where they had held for every answer; and every reader
# variant (easy read, young), which only adds invitations beside the standard one.
YOUNG = "young_people"
YOUNG_ITEMS = {
    "youth_routes",
    "young_meetup",
    "young_panel",
    "young_safeguards",
    "young_rights",
    "young_guardians",
    "young_school",
    "young_staff",
}
YOUNG_EXAMPLES = 1


# Safeguards per group and a seat in a standing group, added since: two optional questions and
# what reads them (unanswered below, so no recommendation meets them).
GROUP_QUESTIONS = {"support", "standing_group"}
GROUP_METHODS = {"standing_group_seat"}
GROUP_WARNINGS = {"support_cognitive", "support_psychiatric", "seat_tokenism"}
# Texts reworded since so that they claim nothing the regions' own documents do not say
# (marked as ladder's suggestion, no "sedan 2018", the seeds' term "patientföreningar"), and
# question help that reads in the care meeting too.
REWORDED_STRUCTURES = {
    "community_outreach",
    "unit_patients",
    "random_sample",
    "patient_associations",
    "resource_group",
}
REWORDED_HELP = {"project", "decision_owner", "fixed", "feedback"}


ADULT_GROUPS = ["own_patients", "condition_group", "general_public", "seldom_heard"]


def _adults_unsaid(item: Any) -> Any:
    """A condition block without `participants: <every adult group>`, which the young people's
    group made necessary where it had held for every answer."""
    when = {k: v for k, v in item.when.items() if not (k == "participants" and v == ADULT_GROUPS)}
    blocks = [_adults_unsaid(b) for b in item.any_]
    return item.model_copy(update={"when": when, "any_": blocks})


def without_young_and_readers(rules: Rules) -> Rules:
    """The rules less the young people's group and every reader variant (see above)."""
    questions = [
        q.model_copy(update={"options": [o for o in q.options if o.id != YOUNG]})
        for q in rules.questions
    ]
    methods = [
        _adults_unsaid(m).model_copy(update={"readers": {}})
        for m in rules.methods
        if m.id not in YOUNG_ITEMS
    ]
    steps = [
        s.model_copy(
            update={
                "readers": {},
                "variants": [v.model_copy(update={"readers": {}}) for v in s.variants],
            }
        )
        for s in rules.steps
    ]
    parts = [
        p.model_copy(update={"readers": {}})
        for p in rules.expectations.parts
        if p.id not in YOUNG_ITEMS
    ]
    structures = [_adults_unsaid(s) for s in rules.structures if s.id not in YOUNG_ITEMS]
    update = {
        "questions": questions,
        "structures": structures,
        "methods": methods,
        "warnings": [w for w in rules.warnings if w.id not in YOUNG_ITEMS],
        "steps": steps,
        "mandate_types": rules.mandate_types.model_copy(update={"readers": {}}),
        "expectations": rules.expectations.model_copy(update={"parts": parts, "readers": []}),
        "examples": [e for e in rules.examples if e.answers.get("participants") != YOUNG],
    }
    return rules.model_copy(update=update)


def without_planning(rules: Rules) -> Rules:
    """The rules less what the default gained after the conversion: for plans (the structures'
    lead times, the planning section, the compensation section the portfolio estimates from: a
    full file without them takes the documented defaults, and no recommendation reads them), and
    for multi-choice questions (`participants` taking several groups, and the worked examples
    with two groups; a single group is answered as before, which the next test shows for every
    combination of the full file)."""
    blank = {"sv": "", "en": ""}
    structures = [
        s.model_copy(
            update={"lead_weeks": None}
            | (
                {"name": blank, "description": blank, "how": blank}
                if s.id in REWORDED_STRUCTURES
                else {}
            )
        )
        for s in rules.structures
    ]
    questions = [
        q.model_copy(
            update={"multiple": False} | ({"help": blank} if q.id in REWORDED_HELP else {})
        )
        for q in rules.questions
        if q.id not in GROUP_QUESTIONS
    ]
    examples = [
        e for e in rules.examples if not any(isinstance(v, list) for v in e.answers.values())
    ]
    update = {
        "structures": structures,
        "planning": None,
        "compensation": None,
        "questions": questions,
        "examples": examples,
        "methods": [m for m in rules.methods if m.id not in GROUP_METHODS],
        "warnings": [w for w in rules.warnings if w.id not in GROUP_WARNINGS],
        "region": rules.region.model_copy(update={"source": blank}),
    }
    return rules.model_copy(update=update)


# Parts added or reshaped since: Kronoberg's fee amounts, moved to the staff notes, and the
# feedback, which at Medbestämmande now reports how the participants' decision was carried out.
ADDED_PARTS = {
    "compensation_amounts",
    "feedback_given",
    "feedback_default",
    "feedback_decided_given",
    "feedback_decided_default",
    # safeguards per group, the accessibility offer, the seat, and anonymous answers' feedback
    "support_cognitive",
    "support_psychiatric",
    "support_psychiatric_benefits",
    "accessibility",
    "accessibility_seldom_heard",
    "accessibility_seldom_heard_costs",
    "seat",
    "feedback_published_given",
    "feedback_published_default",
}
# The default's mandate warning, split so that none names a reason the answers did not give.
# Reworded with the same conditions: secrecy is a harm test, consent one way to lift it.
REWORDED_WARNINGS = {"relatives_consent"}
MANDATE_WARNINGS = {
    "purpose_above_mandate",
    "purpose_above_mandate_purpose",
    "purpose_after_decision",
}


def without_statement_texts(rules: Rules) -> Rules:
    """The rules less the invitation's texts, which were rewritten on purpose after the
    conversion (second person, staff notes apart; see CHANGELOG): the parts keep their ids and
    conditions, and the parts added for staff are left out."""
    blank = {"sv": "", "en": ""}
    parts = [
        p.model_copy(update={"text": blank, "audience": "participants"})
        for p in rules.expectations.parts
        if p.id not in ADDED_PARTS
    ]
    expectations = rules.expectations.model_copy(update={"parts": parts})
    mandates = rules.mandate_types.model_copy(update={"personal": blank, "organisational": blank})
    warnings = [
        w.model_copy(update={"text": {"sv": "", "en": ""}}) if w.id in REWORDED_WARNINGS else w
        for w in rules.warnings
        if w.id not in MANDATE_WARNINGS
    ]
    examples = [
        e.model_copy(
            update={
                "expect": e.expect.model_copy(
                    update={"warnings": [w for w in e.expect.warnings if w not in MANDATE_WARNINGS]}
                )
            }
        )
        for e in rules.examples
    ]
    return rules.model_copy(
        update={
            "expectations": expectations,
            "mandate_types": mandates,
            "warnings": warnings,
            "examples": examples,
        }
    )


def test_the_overlay_resolves_to_the_full_file(pair):
    overlay, full = pair
    mine, theirs = (
        without_statement_texts(without_planning(without_young_and_readers(x.rules))) for x in pair
    )
    assert mine == theirs
    default = load_rules(ROOT / "data" / "ladder.yaml").rules
    assert overlay.rules.planning == default.planning
    # Kronoberg's own rates on the default's method times.
    assert overlay.rules.compensation is not None and default.compensation is not None
    assert overlay.rules.compensation.methods == default.compensation.methods
    assert (overlay.rules.compensation.half_day, overlay.rules.compensation.full_day) == (592, 1184)
    assert default.compensation.half_day is None and default.compensation.full_day is None
    assert len(overlay.rules.examples) == len(full.rules.examples) + TWO_GROUP_EXAMPLES + (
        YOUNG_EXAMPLES
    )
    assert overlay.info.region == full.info.region == "kronoberg"


def kept_recruitment(rec: Recommendation) -> tuple[StructureOut, ...]:
    return tuple(
        dataclasses.replace(s, name="", description="", how="")
        if s.id in REWORDED_STRUCTURES
        else s
        for s in rec.recruitment
    )


def kept_warnings(rec: Recommendation) -> tuple[WarningOut, ...]:
    return tuple(
        WarningOut(w.id, "") if w.id in REWORDED_WARNINGS else w
        for w in rec.warnings
        if w.id not in MANDATE_WARNINGS
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_answer_combination_gets_the_same_recommendation(pair, lang):
    overlay, full = pair
    assert all(full.rules.question(q).kind == "text" for q in FREE_TEXT)
    space = list(answer_space(full.rules))
    # The overlay's space also holds every set of several groups; the full file's single
    # answers are all in it, in the same order.
    single = [
        a
        for a in answer_space(overlay.rules)
        if "," not in a.get("participants", "") and a.get("participants") != YOUNG
    ]
    assert space == single and len(space) > 1000
    for i, answers in enumerate(space):
        if i % 2:  # half of them with every free text given: the statement uses them
            answers = {**answers, **FREE_TEXT}
        mine = recommendation_for(overlay, answers, lang)
        theirs = recommendation_for(full, answers, lang)
        # rewritten on purpose; the readers' invitations are new
        texts = {"expectations": "", "staff_notes": (), "gaps": (), "invitations": ()}
        assert dataclasses.replace(
            mine,
            rules=theirs.rules,
            **texts,
            warnings=kept_warnings(mine),
            recruitment=kept_recruitment(mine),
        ) == dataclasses.replace(
            theirs, **texts, warnings=kept_warnings(theirs), recruitment=kept_recruitment(theirs)
        ), answers
        split = {w.id for w in theirs.warnings} & MANDATE_WARNINGS
        assert bool({w.id for w in mine.warnings} & MANDATE_WARNINGS) == bool(split), answers
        assert mine.expectations.strip(), answers
        kept = [p for p in decide(overlay.rules, answers).parts if p not in ADDED_PARTS]
        assert kept == [p for p in decide(full.rules, answers).parts if p not in ADDED_PARTS]


def test_show_resolved_prints_a_full_file_that_gives_the_same_rules(pair, cli, tmp_path):
    overlay, _ = pair
    result = cli("show", "--resolved", str(KRONOBERG_RULES))
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "kronoberg-full.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    assert "\nextends:" not in result.stdout
    resolved = load_rules(path)
    assert resolved.rules == overlay.rules
    assert resolved.info.sha256 != overlay.info.sha256  # a full file: its own bytes' hash
