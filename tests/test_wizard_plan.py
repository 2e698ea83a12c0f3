"""The wizard builds a plan: tracks after the first answer set, a summary over every track,
back and edit across tracks, and the plan file that `recommend --answers` reads back. Run
in-process through prompt_toolkit's pipe input on the fixture rules tests/fixtures/wizard.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.answers import resolve
from ladder.app import format_recommendation
from ladder.errors import NotInteractiveError
from ladder.interview.flow import Interview
from ladder.interview.plan_flow import Step
from ladder.interview.wizard import run_wizard
from ladder.load.loader import load_rules
from ladder.plan_file import shared_questions
from ladder.result import PlanOut

from .conftest import WIZARD_RULES
from .wizard_driver import ACCEPT, CTRL_U, ENTER, ESC, SAVE_NOTHING, Drive, same_as_flags

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


def test_edit_a_track_from_the_summary_asks_only_that_answer(drive):
    # summary keys: shared 1-7, the date 8; track 1: 9, a-f; track 2: g (name), h (kind),
    # i (purpose), j (mandate), k, l, m (remove)
    edit = ["j" + ENTER, "2" + ENTER]  # track 2's mandate: views
    plan, out = drive([*FIRST, ADD, *SECOND, *edit, ACCEPT, SAVE_NOTHING])
    levels = {t.id: t.recommendation.level.id for t in plan.tracks}
    assert levels == {"everyone": "consultation", "co_design_team": "consultation"}
    assert out.count("Summary") == 3  # one answer asked between the summaries


def test_back_goes_across_tracks_and_a_phase_is_kept(drive):
    back = [ESC] * 8  # summary, date, track 2's four answers, kind, name: to track 1's kind
    forward = ["2" + ENTER, *[ENTER] * 7]  # a phase; Enter keeps the rest, the date too
    plan, _ = drive([*FIRST, ADD, *SECOND, *back, *forward, ACCEPT, SAVE_NOTHING])
    assert [(t.id, t.kind) for t in plan.tracks] == [
        ("everyone", "phase"),
        ("co_design_team", "group"),
    ]
    assert plan.decision_date == "2027-03-01"
    assert plan.tracks[1].recommendation.level.id == "influence"


@pytest.mark.parametrize("removed", [0, 1], ids=["first", "second"])
def test_removing_a_track_leaves_the_other_as_one_recommendation(drive, removed):
    remove = "f" if removed == 0 else "m"
    rec, out = drive([*FIRST, ADD, *SECOND, remove + ENTER, ACCEPT, SAVE_NOTHING])
    assert not isinstance(rec, PlanOut)
    own = [
        {"purpose": "views", "mandate": "views"},
        {"purpose": "co_develop", "mandate": "co_develop"},
    ][1 - removed]
    shared = {"arena": "unit_development", "timeframe": "months", "resources": "some"}
    answers = {**shared, **own, "acceptance": "low", "participants": "own_patients"}
    same_as_flags(rec, {**answers, "project": "Foot clinic"}, rules=WIZARD_RULES)
    assert "Recommended level:" in out


def test_a_track_needs_a_name_and_the_date_is_checked_as_in_a_plan_file(drive):
    second = list(SECOND)
    second[0] = ENTER + "Everyone" + ENTER  # an empty name is refused; then typed
    second[-1] = "2027-13-01" + ENTER + CTRL_U + "2027-02-30" + ENTER + CTRL_U + ENTER
    plan, _ = drive([*FIRST, ADD, *second, ACCEPT, SAVE_NOTHING])
    assert plan.tracks[0].name == "Everyone"
    assert plan.decision_date is None  # skipped: the milestones count from the decision


def test_wizard_answers_plan_without_skip_asks_everything_again_with_defaults(drive):
    drive([*FIRST, ADD, *SECOND, ACCEPT, "3" + ENTER, ENTER])
    first = plan_json(load_plan("plan.yaml"))
    steps = 11 + 2 + 2 + 4 + 1  # the first track's questions, names and kinds, track 2, date
    again, _ = drive([*[ENTER] * steps, ACCEPT, SAVE_NOTHING], answers_file="plan.yaml")
    assert plan_json(again) == first


def test_no_terminal_with_a_plan_file_exits_5_naming_each_tracks_missing_answers(tmp_path):
    plan = {
        "arena": "unit_development",
        "timeframe": "months",
        "resources": "some",
        "tracks": [
            {
                "id": "one",
                "purpose": "views",
                "mandate": "views",
                "acceptance": "low",
                "participants": "own_patients",
            },
            {"id": "two", "purpose": "views", "acceptance": "low"},
        ],
    }
    file = tmp_path / "plan.yaml"
    file.write_text(yaml.safe_dump(plan), encoding="utf-8")
    with pytest.raises(NotInteractiveError) as caught:
        run_wizard(WIZARD_RULES, [], file, "en", interactive=False)
    details = caught.value.details
    assert details[0].endswith(f"--answers {file}")
    assert [d.split(":")[0].strip() for d in details[2:]] == ["two", "two"]  # mandate, participants


def load_plan(path: str) -> PlanOut:
    from ladder.app import recommend_or_plan

    plan, _ = recommend_or_plan(WIZARD_RULES, [], path, "en")
    assert isinstance(plan, PlanOut)
    return plan


def test_keystrokes_for_a_two_track_plan(drive):
    """The second track asks its names, kinds, own answers and the date, not the shared
    answers: 13 keys beside what is typed, and one prompt per step."""
    rules = load_rules(WIZARD_RULES).rules
    unit = Interview(rules, "en", {"arena": "unit_development"}).asked()
    own = [q for q in unit if q.id not in shared_questions(rules)]
    drive([*FIRST, ADD, *SECOND, ACCEPT, SAVE_NOTHING])
    assert drive.prompts == len(unit) + 1 + 2 * 2 + len(own) + 1 + 1 + 1
    first = sum(len(group) for group in FIRST) - len("Foot clinic")
    second = sum(len(group) for group in [ADD, *SECOND])
    second -= len("Everyone" + "Co-design team" + "2027-03-01")
    assert (len(own), first, second) == (4, 18, 13)  # keys beside the typed text


def test_shared_questions_name_questions_of_the_rules(tmp_path):
    from ladder.errors import RulesError

    text = WIZARD_RULES.read_text(encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(text + "planning:\n  shared_questions: [arena, timeframes]\n", "utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(rules)
    (problem,) = caught.value.details
    line = len(text.splitlines()) + 2
    assert problem.startswith(f"{rules}:{line}:29: planning.shared_questions[1]:")
    assert "did you mean 'timeframe'?" in problem
    rules.write_text(text + "planning:\n  shared_questions: [arena]\n", "utf-8")
    assert shared_questions(load_rules(rules).rules) == {
        "arena",
        "project",
        "decision_owner",
        "fixed",
        "feedback",
    }


def test_a_plan_file_whose_track_answers_a_shared_question_is_kept_as_written(drive, tmp_path):
    plan = {
        "project": "Clinic",
        "arena": "unit_development",
        "timeframe": "months",
        "resources": "some",
        "acceptance": "low",
        "participants": "own_patients",
        "start_date": "2027-01-11",
        "contact": "The unit's developer",
        "tracks": [
            {
                "id": "fast",
                "name": "Fast",
                "purpose": "discuss",
                "mandate": "alternatives",
                "timeframe": "weeks",
                "reason": "The first phase is short",
            },
            {"id": "slow", "name": "Slow", "kind": "phase", "purpose": "views", "mandate": "views"},
        ],
    }
    Path("given.yaml").write_text(yaml.safe_dump(plan), encoding="utf-8")
    before = plan_json(load_plan("given.yaml"))
    save = ["3" + ENTER, ENTER]
    texts = [ENTER] * 3  # the free texts the file does not give: skipped
    back, _ = drive([*texts, ACCEPT, *save], answers_file="given.yaml", skip_answered=True)
    assert plan_json(back) == before == plan_json(load_plan("plan.yaml"))
    saved = yaml.safe_load(Path("plan.yaml").read_text(encoding="utf-8"))
    assert saved["timeframe"] == "months"  # as written: shared, and one track's own
    assert [t.get("timeframe") for t in saved["tracks"]] == ["weeks", None]
    assert saved["tracks"][0]["reason"] == "The first phase is short"
    assert saved["contact"] == "The unit's developer"


def test_the_plan_in_swedish(drive):
    plan, out = drive([*FIRST, ADD, *SECOND, ACCEPT, SAVE_NOTHING], lang="sv")
    assert "Spår 2" in out  # the name prompt's header
    assert "Plan för delaktighet, 2 spår: Foot clinic" in out
    assert plan.lang == "sv"


def test_esc_from_a_track_name_keeps_the_typed_name(drive):
    second = list(SECOND)
    # back to track 1's kind; Enter there goes on past the kept name, to track 2's kind
    second[2:3] = ["Co-design team" + ESC, ENTER]
    plan, _ = drive([*FIRST, ADD, *second, ACCEPT, SAVE_NOTHING])
    assert [t.name for t in plan.tracks] == ["Everyone", "Co-design team"]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_the_plan_file_holds_every_tracks_answers_and_reads_back_to_itself(data, wizard_rules):
    """Any tracks the wizard holds (complete answers on any path, texts given or not): the
    plan file it writes gives each track exactly its answers, and read back into the
    wizard it writes the same file."""
    from ladder.interview.plan_flow import PlanInterview, Track, from_plan_file
    from ladder.plan_file import split_plan

    rules = wizard_rules.rules

    def answers(fixed: dict[str, str]) -> dict[str, str]:
        interview = Interview(rules, "en", dict(fixed))
        while interview.missing():
            question = interview.missing()[0]
            option = data.draw(st.sampled_from([o.id for o in question.options]))
            interview.answer(question.id, option)
        return interview.answers

    first = answers({})
    if data.draw(st.booleans()):
        first["project"] = data.draw(st.sampled_from(["Clinic", "Vårdcentral Ö"]))
    plan = PlanInterview(rules, "en", [Track(Interview(rules, "en", first), "T0", "group")])
    for number in range(1, data.draw(st.integers(1, 3))):
        plan.add_track()
        shared = plan.shared_answers()
        own = {k: v for k, v in answers(shared).items() if k not in shared}
        plan.tracks[number].interview.answers.update(own)
        plan.answer(Step(number, "name"), f"Track {number}")
    plan.answer(Step(0, "name"), "T0")
    written = plan.plan_data()
    source = split_plan(yaml.safe_load(yaml.safe_dump(written)), "", "en")
    for number, track in enumerate(source.tracks):
        held = plan.tracks[number].interview.answers
        assert resolve(rules, [track.answers, source.shared], "en").values == held
    again, _ = from_plan_file(rules, "en", {}, source, skip_answered=True)
    assert again.plan_data() == written


def test_a_plan_file_with_one_track_stays_a_plan(drive):
    plan = {
        "arena": "unit_development",
        "timeframe": "weeks",
        "resources": "some",
        "project": "Clinic",
        "decision_owner": None,
        "fixed": None,
        "feedback": None,
        "decision_date": "2027-03-01",
        "tracks": [
            {
                "id": "only",
                "name": "Only",
                "purpose": "views",
                "mandate": "views",
                "acceptance": "low",
                "participants": "own_patients",
            },
        ],
    }
    Path("one.yaml").write_text(yaml.safe_dump(plan), encoding="utf-8")
    back, _ = drive([ACCEPT, "3" + ENTER, ENTER], answers_file="one.yaml", skip_answered=True)
    assert isinstance(back, PlanOut) and [t.id for t in back.tracks] == ["only"]
    assert plan_json(back) == plan_json(load_plan("one.yaml")) == plan_json(load_plan("plan.yaml"))
