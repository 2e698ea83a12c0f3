"""A region's content edits to a copy of data/ladder.yaml: the copy still passes its own
examples, and the wizard and `recommend` still work on it.

The edits are the kind a region makes: a promise reworded, an optional question added at the
end, a method added, a structure renamed. None changes a level rule, so the copy's own examples
must still pass; and the mechanism scenarios below take their counts from the loaded copy, not
from literals, so they pass on it too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ladder.interview.flow import Interview
from ladder.load.loader import load_rules

from .conftest import DEFAULT_RULES, DIABETES, answer_flags
from .wizard_driver import ACCEPT, ENTER, SAVE_NOTHING, Drive, same_as_flags

NEW_PROMISE = "We listen and show how your views appear in the proposal."
NEW_QUESTION = "Who is the contact person?"
NEW_STRUCTURE_NAME = "The region's patient associations"
SELDOM_HEARD = {**DIABETES, "purpose": "views", "acceptance": "low", "participants": "seldom_heard"}


def edited_copy(target: Path) -> Path:
    data = yaml.safe_load(DEFAULT_RULES.read_text(encoding="utf-8"))
    dialogue = next(s for s in data["steps"] if s["id"] == "dialogue")
    dialogue["promise"] = {
        "sv": "Vi lyssnar och visar hur dina synpunkter syns i förslaget.",
        "en": NEW_PROMISE,
    }
    data["questions"].append(
        {
            "id": "contact",
            "kind": "text",
            "required": False,
            "max_length": 200,
            "text": {"sv": "Vem är kontaktperson?", "en": NEW_QUESTION},
            "help": {"sv": "Kan lämnas tomt.", "en": "May be left empty."},
        }
    )
    data["expectations"]["parts"].append(
        {
            "id": "contact",
            "given": ["contact"],
            "text": {
                "sv": "Du får en egen kontaktperson.",
                "en": "You will have a contact person of your own.",
            },
            # the invitation's easy-read text (the young people's falls back to it)
            "readers": {
                "easy_read": {
                    "sv": "Du får en egen person att prata med.",
                    "en": "You get your own person to talk to.",
                }
            },
        }
    )
    first_consultation = next(i for i, m in enumerate(data["methods"]) if m["id"] == "focus_group")
    data["methods"].insert(
        first_consultation,
        {
            "id": "walk_through",
            "when": {"arena": ["unit_development"], "participants": ["seldom_heard"]},
            "levels": ["consultation"],
            "name": {"sv": "Vandring", "en": "Walk-through"},
            "description": {"sv": "En vandring i lokalerna.", "en": "A walk through the premises."},
            "how": {"sv": "Gå igenom lokalerna.", "en": "Walk through the premises."},
            "time": {"sv": "en timme", "en": "one hour"},
            "readers": {
                "easy_read": {"sv": "Vandringen tar en timme.", "en": "The walk takes one hour."}
            },
        },
    )
    associations = next(s for s in data["structures"] if s["id"] == "patient_associations")
    associations["name"] = {"sv": "Patientföreningarna i regionen", "en": NEW_STRUCTURE_NAME}
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return edited_copy(tmp_path_factory.mktemp("region") / "region.yaml")


def test_the_copy_passes_its_own_examples_and_properties(cli, copy):
    result = cli("check", "--strict", str(copy))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "errors 0, warnings 0" in result.stdout
    examples = yaml.safe_load(copy.read_text(encoding="utf-8"))["examples"]
    assert f"examples passed {len(examples)} of {len(examples)}" in result.stdout


def test_recommend_json_through_the_environment(cli, copy, monkeypatch):
    monkeypatch.setenv("LADDER_RULES", str(copy))
    result = cli("recommend", *answer_flags(DIABETES), "-f", "json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["schema"] == "ladder.recommendation/1"
    assert out["rules"]["path"].endswith("region.yaml")
    assert out["answers"] == DIABETES
    assert out["level"]["id"] == "consultation"  # the copy's first example
    assert NEW_STRUCTURE_NAME in [s["name"] for s in out["recruitment"]]


def test_recommend_json_with_rules_picks_the_new_method(cli, copy):
    result = cli("recommend", "--rules", str(copy), *answer_flags(SELDOM_HEARD), "-f", "json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["level"]["id"] == "consultation"
    assert out["methods"][0]["id"] == "walk_through"


def test_the_reworded_promise_reaches_the_statement(cli, copy):
    dialogue = {**DIABETES, "mandate": "alternatives", "purpose": "discuss"}
    result = cli("recommend", "--rules", str(copy), *answer_flags(dialogue), "-f", "json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["level"] == {**out["level"], "id": "dialogue", "promise": NEW_PROMISE}
    assert NEW_PROMISE in out["expectations"]


def path_length(rules_path: Path, answers: dict[str, str]) -> int:
    interview = Interview(load_rules(rules_path).rules, "en")
    for key, value in answers.items():
        interview.answer(key, value)
    low, high = interview.count_range()
    assert low == high
    return high


@pytest.fixture()
def drive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Drive:
    monkeypatch.chdir(tmp_path)
    return Drive(monkeypatch)


@pytest.mark.parametrize(
    ("choices", "answers"),
    [
        (["1", "3", "2"], {"arena": "care_meeting", "patient_wish": "share_decisions"}),
        (["2", "4", "2", "2", "2", "2", "2"], DIABETES),
    ],
    ids=["care_meeting", "unit_development"],
)
def test_wizard_on_the_copy_asks_the_new_question_last(drive, copy, choices, answers):
    """The wizard's path grows by the new question; its answers equal the flags' result."""
    total = path_length(copy, {"arena": answers["arena"]})
    assert total == path_length(DEFAULT_RULES, {"arena": answers["arena"]}) + 1
    free_text = total - len(choices) - 1
    keys = [c + ENTER for c in choices] + [ENTER] * free_text + ["Ann" + ENTER]
    rec, out = drive([*keys, ACCEPT, SAVE_NOTHING], rules=copy)
    given = {a.id: a.value for a in rec.answers}
    assert given["contact"] == "Ann"
    assert {k: given[k] for k in answers} == answers
    same_as_flags(rec, given, rules=copy)
    assert f"Question {total} of {total}" in out
    assert drive.prompts == total + 2
