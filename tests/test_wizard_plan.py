"""The wizard builds a plan: tracks after the first answer set, a summary over every track,
back and edit across tracks, and the plan file that `recommend --answers` reads back. Run
in-process through prompt_toolkit's pipe input on the fixture rules tests/fixtures/wizard.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ladder.app import format_recommendation, recommend_or_plan
from ladder.result import PlanOut

from .conftest import WIZARD_RULES
from .wizard_driver import ACCEPT, ENTER, ESC, SAVE_NOTHING, Drive

WIZARD = str(WIZARD_RULES)
ADD = "p" + ENTER  # the summary's "add a track"

# The first answer set: a unit's own patients give views.
FIRST = [
    "2" + ENTER,  # arena: unit_development
    "2" + ENTER,  # purpose: views
    "2" + ENTER,  # mandate: views
    "1" + ENTER,  # acceptance: low
    "2" + ENTER,  # timeframe: months (shared)
    "2" + ENTER,  # resources: some (shared)
    "1" + ENTER,  # participants: own_patients
    "Foot clinic" + ENTER,  # project (shared)
    ENTER,
    ENTER,
    ENTER,
]
# The second track: only its own questions, the first track's answers as defaults.
SECOND = [
    "Everyone" + ENTER,  # the first track's name, asked when a second is added
    ENTER,  # its kind: a group
    "Co-design team" + ENTER,
    ENTER,  # a group
    "4" + ENTER,  # purpose: co_develop
    "4" + ENTER,  # mandate: co_develop
    ENTER,  # acceptance: keeps low
    ENTER,  # participants: keeps own_patients
    "2027-03-01" + ENTER,  # the decision date
]


@pytest.fixture()
def drive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Drive:
    monkeypatch.chdir(tmp_path)
    return Drive(monkeypatch, rules=WIZARD_RULES)


def plan_json(plan) -> dict:
    return json.loads(format_recommendation(plan, "json"))


def test_two_tracks_saved_and_read_back_to_the_same_plan(drive, cli):
    save = ["3" + ENTER, ENTER]  # only the plan file, as plan.yaml
    plan, out = drive([*FIRST, ADD, *SECOND, ACCEPT, *save])
    assert isinstance(plan, PlanOut)
    assert [(t.id, t.recommendation.level.id) for t in plan.tracks] == [
        ("everyone", "consultation"),
        ("co_design_team", "influence"),
    ]
    assert plan.decision_date == "2027-03-01"
    assert "Involvement plan, 2 tracks: Foot clinic" in out  # as `recommend` shows a plan
    assert "level: Consultation" in out and "level: Influence" in out  # the summary's tracks
    saved = yaml.safe_load(Path("plan.yaml").read_text(encoding="utf-8"))
    assert saved["tracks"][1] == {
        "id": "co_design_team",
        "name": "Co-design team",
        "kind": "group",
        "purpose": "co_develop",
        "mandate": "co_develop",
        "acceptance": "low",
        "participants": "own_patients",
    }
    assert saved["timeframe"] == "months" and "timeframe" not in saved["tracks"][0]
    again = cli("recommend", "--rules", WIZARD, "--answers", "plan.yaml", "-f", "json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout) == plan_json(plan)
    # and the wizard reads it back: with --skip-answered straight to the summary
    back, out = drive([ACCEPT, SAVE_NOTHING], answers_file="plan.yaml", skip_answered=True)
    assert "Question 1 of" not in out
    assert plan_json(back) == plan_json(plan)
