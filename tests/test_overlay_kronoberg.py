"""examples/kronoberg.yaml is an overlay of the default rules. It must give exactly what the full
file it replaced gave (kept as tests/fixtures/kronoberg_full_v1.yaml, which also proves that a
full version-1 file written for the format before overlays still loads): the same rules, and the
same recommendation for every reachable answer combination, in Swedish and in English."""

from __future__ import annotations

import dataclasses

import pytest

from ladder.app import recommendation_for
from ladder.check.answer_space import answer_space
from ladder.load.loader import LoadedRules, load_rules
from ladder.model import Rules

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


# Worked examples the default gained with multi-choice `participants`, after the conversion.
TWO_GROUP_EXAMPLES = 2


def without_planning(rules: Rules) -> Rules:
    """The rules less what the default gained after the conversion: for plans (the structures'
    lead times, the planning section: a full file without them takes the documented defaults,
    and no recommendation reads them), and for multi-choice questions (`participants` taking
    several groups, and the worked examples with two groups; a single group is answered as
    before, which the next test shows for every combination of the full file)."""
    structures = [s.model_copy(update={"lead_weeks": None}) for s in rules.structures]
    questions = [q.model_copy(update={"multiple": False}) for q in rules.questions]
    examples = [
        e for e in rules.examples if not any(isinstance(v, list) for v in e.answers.values())
    ]
    return rules.model_copy(
        update={
            "structures": structures,
            "planning": None,
            "questions": questions,
            "examples": examples,
        }
    )


def test_the_overlay_resolves_to_the_full_file(pair):
    overlay, full = pair
    assert without_planning(overlay.rules) == without_planning(full.rules)
    assert len(overlay.rules.examples) == len(full.rules.examples) + TWO_GROUP_EXAMPLES
    assert overlay.rules.planning == load_rules(ROOT / "data" / "ladder.yaml").rules.planning
    assert overlay.info.region == full.info.region == "kronoberg"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_answer_combination_gets_the_same_recommendation(pair, lang):
    overlay, full = pair
    assert all(full.rules.question(q).kind == "text" for q in FREE_TEXT)
    space = list(answer_space(full.rules))
    # The overlay's space also holds every set of several groups; the full file's single
    # answers are all in it, in the same order.
    single = [a for a in answer_space(overlay.rules) if "," not in a.get("participants", "")]
    assert space == single and len(space) > 1000
    for i, answers in enumerate(space):
        if i % 2:  # half of them with every free text given: the statement uses them
            answers = {**answers, **FREE_TEXT}
        mine = recommendation_for(overlay, answers, lang)
        theirs = recommendation_for(full, answers, lang)
        assert dataclasses.replace(mine, rules=theirs.rules) == theirs, answers


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
