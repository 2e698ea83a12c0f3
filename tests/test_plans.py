"""Involvement plans: tracks on shared answers, milestones, plan warnings, the ladder.plan/1
contract, the calendar, and a file without tracks staying exactly what it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.app import plan_answers, recommend_from
from ladder.check.answer_space import answer_space
from ladder.output.formats import names
from ladder.output.record import to_dict
from ladder.plan_file import split_plan

from .conftest import DEFAULT_RULES, ROOT, answer_flags

PLANS = ROOT / "examples" / "plans"
EPOCH = "1795000000"  # 2026-11-18
# Each example plan and the level each of its tracks must get (the cases plans exist for).
EXPECTED = {
    "closure": {"everyone": "information", "movers": "consultation"},
    "strategy": {"management_group": "influence", "wider_consultation": "consultation"},
    "own_and_seldom_heard": {"own_patients": "dialogue", "newly_arrived": "consultation"},
    "diabetes": {"survey": "consultation", "codesign": "influence"},
}
SHARED = {
    "arena": "unit_development",
    "timeframe": "months",
    "resources": "some",
    "acceptance": "low",
}
VIEWS = {"purpose": "views", "mandate": "views", "participants": "own_patients"}
CODESIGN = {"purpose": "co_develop", "mandate": "co_develop", "participants": "own_patients"}


def write_plan(tmp_path: Path, plan: dict, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(plan, default=str), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def two_tracks(**fields: object) -> dict:
    tracks = [{"id": "survey", **VIEWS}, {"id": "codesign", **CODESIGN}]
    return {**SHARED, **fields, "tracks": tracks}


def plan_json(cli, path: Path, *args: str) -> dict:
    result = cli("recommend", "--answers", str(path), "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_plans_give_the_levels_they_are_written_for(cli, name, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    data = plan_json(cli, PLANS / f"{name}.yaml")
    assert data["schema"] == "ladder.plan/1"
    assert {tr["id"]: tr["level"]["id"] for tr in data["tracks"]} == EXPECTED[name]


def test_every_example_plan_is_shown_in_every_format(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for path in sorted(PLANS.glob("*.yaml")):
        for fmt in names("plan"):
            result = cli("recommend", "--answers", str(path), "-f", fmt)
            dated = "own_and_seldom_heard" not in path.name
            expected = 0 if dated or fmt != "ics" else 4
            assert result.exit_code == expected, (path.name, fmt, result.stderr)


# A plan never promises a track more than its own mandate allows.

MANDATE_BOUND = {
    "none": 1,
    "views": 2,
    "alternatives": 3,
    "co_develop": 4,
    "decide": 5,
}


@pytest.fixture(scope="module")
def space(default_rules) -> list[dict[str, str]]:
    return [a for a in answer_space(default_rules.rules) if "mandate" in a]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_track_of_a_plan_exceeds_its_mandate(default_rules, space, data):
    """Two tracks drawn from the whole answer space, sharing whatever answers they agree on."""
    first = data.draw(st.sampled_from(space))
    second = data.draw(st.sampled_from(space))
    shared = {k: v for k, v in first.items() if second.get(k) == v}
    tracks = [
        {"id": "a", **{k: v for k, v in first.items() if k not in shared}},
        {"id": "b", **{k: v for k, v in second.items() if k not in shared}},
    ]
    source = split_plan({**shared, "tracks": tracks}, "plan.yaml", "en")
    plan, _ = plan_answers(default_rules, {}, source, "en")
    for track, answers in zip(plan.tracks, (first, second), strict=True):
        assert track.recommendation.level.rank <= MANDATE_BOUND[answers["mandate"]]
        own = recommend_from(DEFAULT_RULES, [f"{k}={v}" for k, v in answers.items()], None, "en")
        assert to_dict(track.recommendation) == to_dict(own[0])  # a track is a recommendation


# A file without tracks is today's answers file: the same output, byte for byte.


@pytest.mark.parametrize("fmt", names("recommendation"))
def test_a_file_without_tracks_gives_what_the_same_answers_as_flags_give(
    cli, tmp_path, fmt, monkeypatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    answers = {**SHARED, **CODESIGN, "project": "Diabetes"}
    path = write_plan(tmp_path, answers, "answers.yaml")
    from_file = cli("recommend", "--answers", str(path), "-f", fmt)
    from_flags = cli("recommend", *answer_flags(answers), "-f", fmt)
    assert from_file.exit_code == 0
    assert from_file.stdout == from_flags.stdout
    if fmt == "json":
        assert json.loads(from_file.stdout)["schema"] == "ladder.recommendation/1"


def test_plan_fields_stay_unknown_answers_without_tracks(cli, tmp_path):
    path = write_plan(tmp_path, {**SHARED, **VIEWS, "decision_date": "2027-03-01"})
    result = cli("recommend", "--answers", str(path))
    assert result.exit_code == 4
    assert "decision_date" in result.stderr


def test_ics_fits_plans_only(cli):
    result = cli("recommend", *answer_flags({**SHARED, **VIEWS}), "-f", "ics")
    assert result.exit_code == 2
    assert "plans only" in result.stderr


# Milestones.


def milestones(data: dict) -> dict[str, str | None]:
    return {m["id"]: m["date"] for m in data["milestones"]}


def test_milestones_on_a_leap_day(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    data = plan_json(cli, write_plan(tmp_path, two_tracks(decision_date=dt.date(2028, 2, 29))))
    dates = milestones(data)
    assert dates["decision"] == "2028-02-29"
    assert dates["survey.feedback_due"] == "2028-03-28"  # four weeks, through 29 February
    # unit_patients: 4 weeks' lead; months: the first meeting 6 weeks before the decision
    assert dates["survey.first_meeting"] == "2028-01-18"
    assert dates["survey.recruitment_start"] == "2027-12-21"
    assert dates["codesign.follow_up"] == "2028-05-23"
    assert "plan.decision_past" not in warning_ids(data)


def test_feedback_due_lands_on_a_leap_day(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    data = plan_json(cli, write_plan(tmp_path, two_tracks(decision_date="2028-02-01")))
    assert milestones(data)["survey.feedback_due"] == "2028-02-29"


def test_a_decision_date_in_the_past_is_a_warning_not_an_error(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    data = plan_json(cli, write_plan(tmp_path, two_tracks(decision_date="2024-02-29")))
    assert "plan.decision_past" in [w["id"] for w in data["warnings"]]
    assert milestones(data)["decision"] == "2024-02-29"


def test_without_dates_the_milestones_are_relative(cli, tmp_path):
    data = plan_json(cli, write_plan(tmp_path, two_tracks(feedback_owner="Enhetschefen")))
    feedback = next(m for m in data["milestones"] if m["id"] == "survey.feedback_due")
    assert feedback["date"] is None
    assert feedback["days_from_decision"] == 28
    assert feedback["when"] == "4 weeks after the decision"
    assert feedback["owner"] == "Enhetschefen"
    first = next(m for m in data["milestones"] if m["id"] == "codesign.first_meeting")
    assert first["when"] == "6 weeks before the decision"


def test_a_start_date_dates_the_plan_forward(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    data = plan_json(cli, write_plan(tmp_path, two_tracks(start_date="2027-01-04")))
    dates = milestones(data)
    assert dates["survey.recruitment_start"] == dates["codesign.recruitment_start"] == "2027-01-04"
    assert dates["decision"] > dates["survey.first_meeting"] > "2027-01-04"


def test_information_only_promises_no_feedback(cli, tmp_path):
    plan = {
        **SHARED,
        "tracks": [
            {"id": "all", "purpose": "inform", "mandate": "none", "participants": "own_patients"}
        ],
    }
    data = plan_json(cli, write_plan(tmp_path, plan))
    kinds = {m["kind"] for m in data["milestones"]}
    assert "feedback_due" not in kinds and "recruitment_start" in kinds
    assert "plan.no_feedback_owner" not in [w["id"] for w in data["warnings"]]


# Plan-level warnings.


def warning_ids(data: dict) -> list[str]:
    return [w["id"] for w in data["warnings"]]


def test_the_same_people_with_different_promises(cli, tmp_path):
    data = plan_json(cli, write_plan(tmp_path, two_tracks(contact="Anna")))
    assert warning_ids(data) == ["plan.same_people"]
    assert "survey" in data["warnings"][0]["text"] or "codesign" in data["warnings"][0]["text"]


def test_no_one_owns_the_feedback(cli, tmp_path):
    data = plan_json(cli, write_plan(tmp_path, two_tracks()))
    assert "plan.no_feedback_owner" in warning_ids(data)


def test_a_phase_that_drops_without_a_reason(cli, tmp_path):
    plan = two_tracks(contact="Anna")
    plan["tracks"] = [
        {"id": "design", "kind": "phase", **CODESIGN},
        {"id": "evaluate", "kind": "phase", **VIEWS},
    ]
    assert "plan.level_drops" in warning_ids(plan_json(cli, write_plan(tmp_path, plan)))
    plan["tracks"][1]["reason"] = "The evaluation asks everyone, not the design team."
    assert "plan.level_drops" not in warning_ids(plan_json(cli, write_plan(tmp_path, plan)))
    plan["tracks"][1]["kind"] = "group"
    plan["tracks"][1].pop("reason")
    assert "plan.level_drops" not in warning_ids(plan_json(cli, write_plan(tmp_path, plan)))


def test_a_timeframe_of_weeks_cannot_hold_outreach(cli, tmp_path):
    plan = {
        **SHARED,
        "timeframe": "weeks",
        "contact": "Anna",
        "tracks": [
            {
                "id": "outreach",
                "purpose": "views",
                "mandate": "views",
                "participants": "seldom_heard",
            }
        ],
    }
    data = plan_json(cli, write_plan(tmp_path, plan))
    warning = next(w for w in data["warnings"] if w["id"] == "plan.lead_time")
    assert "4 weeks" in warning["text"] and "Outreach through civil society" in warning["text"]
    plan["timeframe"] = "months"
    assert "plan.lead_time" not in warning_ids(plan_json(cli, write_plan(tmp_path, plan)))


def test_dates_too_close_for_the_lead_time(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)  # 2026-11-18
    plan = two_tracks(contact="Anna", decision_date="2026-12-09")  # three weeks on
    data = plan_json(cli, write_plan(tmp_path, plan))
    texts = [w["text"] for w in data["warnings"] if w["id"] == "plan.lead_time"]
    assert len(texts) == 2 and all("3 weeks until the decision" in x for x in texts)


# Reading plan files.


def test_dates_from_json_are_strings(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    path = write_plan(tmp_path, two_tracks(decision_date="2027-03-01"), "plan.json")
    assert milestones(plan_json(cli, path))["decision"] == "2027-03-01"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("decision_date", "2027-02-30", "decision_date: must be a date"),
        ("decision_date", "1 March", "decision_date: must be a date"),
        ("start_date", 2027, "start_date: must be a date"),
        ("feedback_owner", "", "feedback_owner"),
    ],
)
def test_bad_plan_fields_are_located(cli, tmp_path, field, value, expected):
    path = write_plan(tmp_path, two_tracks(**{field: value}))
    line = next(i for i, x in enumerate(path.read_text().splitlines(), 1) if x.startswith(field))
    result = cli("recommend", "--answers", str(path))
    assert result.exit_code == 4
    assert f"plan.yaml:{line}:" in result.stderr and expected in result.stderr


def test_bad_tracks_are_located_and_named(cli, tmp_path):
    plan = two_tracks()
    plan["tracks"][1]["id"] = "survey"
    plan["tracks"].append({"id": "Bad Id", **VIEWS})
    result = cli("recommend", "--answers", str(write_plan(tmp_path, plan)))
    assert result.exit_code == 4
    assert "tracks[1].id: the track id survey is used twice" in result.stderr
    assert "tracks[2].id: must be an id" in result.stderr


def test_a_bad_answer_names_its_track(cli, tmp_path):
    plan = two_tracks()
    plan["tracks"][1]["mandate"] = "everything"
    result = cli("recommend", "--answers", str(write_plan(tmp_path, plan)))
    assert result.exit_code == 4
    assert "Track codesign" in result.stderr and "everything" in result.stderr


def test_a_missing_answer_names_its_track(cli, tmp_path):
    plan = two_tracks()
    del plan["tracks"][0]["mandate"]
    result = cli("recommend", "--answers", str(write_plan(tmp_path, plan)))
    assert result.exit_code == 4
    assert "Track survey" in result.stderr and "mandate" in result.stderr


def test_flags_win_over_every_track(cli, tmp_path):
    path = write_plan(tmp_path, two_tracks())
    data = plan_json(cli, path, "-a", "mandate=none")
    assert {tr["level"]["id"] for tr in data["tracks"]} == {"information"}


def test_tracks_must_be_a_list(cli, tmp_path):
    result = cli("recommend", "--answers", str(write_plan(tmp_path, {**SHARED, "tracks": {}})))
    assert result.exit_code == 4 and "tracks: must be a list" in result.stderr


# Renderings: the plan as a whole first, then each track; every track's step marked.


def test_text_shows_the_plan_first_and_marks_every_track(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = cli("recommend", "--answers", str(PLANS / "closure.yaml"))
    out = result.stdout
    assert out.index("The plan at a glance") < out.index("Milestones") < out.index("Track: ")
    assert "◀ everyone" in out and "◀ movers" in out
    assert "Feedback due: 2027-05-10" in out


def test_markdown_and_html_hold_the_overview_table(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    path = str(PLANS / "strategy.yaml")
    markdown = cli("recommend", "--answers", path, "-f", "markdown").stdout
    assert "| Track | Group | Level | Methods | Feedback due |" in markdown
    html = cli("recommend", "--answers", path, "-f", "html").stdout
    assert "◀ management_group" in html and "◀ wider_consultation" in html
    assert html.count("<table>") >= 3  # shared answers, overview, milestones


# The calendar.


def ics(cli, path: Path, monkeypatch, epoch: str = EPOCH) -> str:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = cli("recommend", "--answers", str(path), "-f", "ics")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_calendar_reads_back_with_the_milestones(cli, monkeypatch):
    from icalendar import Calendar

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    path = PLANS / "closure.yaml"
    data = plan_json(cli, path)
    calendar = Calendar.from_ical(ics(cli, path, monkeypatch))
    events = calendar.walk("VEVENT")
    assert len(events) == len(data["milestones"])
    for event, milestone in zip(events, data["milestones"], strict=True):
        start = event.decoded("dtstart")
        assert type(start) is dt.date  # an all-day event
        assert start.isoformat() == milestone["date"]
        assert event.decoded("dtend") - start == dt.timedelta(days=1)
        assert str(event["uid"]) == f"closure_ljungby_ward.{milestone['id']}@ladder"
        assert event.decoded("dtstamp") == dt.datetime(
            2026, 11, 18, 11, 6, 40, tzinfo=dt.timezone.utc
        )


def test_the_calendar_is_reproducible_and_its_uids_stable(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    path = write_plan(tmp_path, two_tracks(decision_date="2027-03-01"))
    first = ics(cli, path, monkeypatch)
    assert first == ics(cli, path, monkeypatch)
    moved = write_plan(tmp_path, two_tracks(decision_date="2027-06-01"))
    later = ics(cli, moved, monkeypatch, "1800000000")

    def uids(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith("UID:")]

    assert uids(first) == uids(later)  # a moved decision updates the same events
    assert first != later


def test_a_calendar_needs_dates(cli):
    result = cli("recommend", "--answers", str(PLANS / "own_and_seldom_heard.yaml"), "-f", "ics")
    assert result.exit_code == 4
    assert "decision_date" in result.stderr and result.stdout == ""


def test_the_output_suffix_picks_the_calendar(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    target = tmp_path / "plan.ics"
    result = cli("recommend", "--answers", str(PLANS / "closure.yaml"), "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


# The rules' planning section.


def test_rules_without_planning_get_the_documented_defaults(tmp_path):
    from ladder.load.loader import load_rules

    text = DEFAULT_RULES.read_text(encoding="utf-8")
    start = text.index("\nplanning:")
    end = text.index("\nexamples:")
    plain = text[:start] + text[end:]
    plain = "\n".join(x for x in plain.splitlines() if "lead_weeks:" not in x) + "\n"
    path = tmp_path / "rules.yaml"
    path.write_text(plain, encoding="utf-8")
    written, defaulted = load_rules(DEFAULT_RULES).rules, load_rules(path).rules
    assert defaulted.planning == written.planning  # the built-in file writes the defaults out
    assert {s.lead_weeks for s in defaulted.structures} == {None}


def test_planning_references_are_checked(cli, tmp_path):
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    bad = text.replace("feedback_from: consultation", "feedback_from: consultaton")
    bad = bad.replace("  horizon_weeks:         #", "  horizon_weeks:\n    long: 3\n   #", 1)
    path = tmp_path / "rules.yaml"
    path.write_text(bad, encoding="utf-8")
    result = cli("check", str(path))
    assert result.exit_code == 3
    assert "planning.feedback_from: unknown step 'consultaton'" in result.stdout
    assert "planning.horizon_weeks.long: unknown option 'long'" in result.stdout


# Batch: a plan per row.


def test_batch_gives_one_plan_per_row(cli, tmp_path):
    rows = [
        {"id": "first", **two_tracks(feedback_owner="Anna")},
        {"id": "second", **two_tracks(feedback_owner="Anna")},
        {"id": "bad", **two_tracks(tracks=None)},
        {"id": "single", **SHARED, **VIEWS},
    ]
    rows[2]["tracks"] = [{"id": "x", **VIEWS, "mandate": "everything"}]
    path = tmp_path / "plans.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = cli("batch", str(path))
    assert result.exit_code == 4  # a row failed; the others are given
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == ["first", "second", "bad", "single"]
    assert out[0]["schema"] == "ladder.plan/1" and out[0]["tracks"][1]["level"]["id"] == "influence"
    assert out[0]["tracks"] == out[1]["tracks"]
    assert "Track x" in out[2]["error"]["message"]
    assert out[3]["schema"] == "ladder.recommendation/1"
    csv_out = cli("batch", str(path), "-f", "csv").stdout.splitlines()
    assert csv_out[1].startswith("1,first,survey:consultation codesign:influence,")


def test_batch_reads_a_yaml_list_of_plans(cli, tmp_path):
    path = tmp_path / "plans.yaml"
    plans = [{"id": "one", **two_tracks(decision_date=dt.date(2027, 3, 1))}]
    path.write_text(yaml.safe_dump(plans), encoding="utf-8")
    result = cli("batch", str(path))
    assert result.exit_code == 0, result.stderr
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["decision_date"] == "2027-03-01"
    assert {m["id"]: m["date"] for m in row["milestones"]}["survey.feedback_due"] == "2027-03-29"


def test_a_plan_on_rules_without_a_timeframe_or_planning(cli, tmp_path):
    from .conftest import MINI_RULES

    plan = {
        "weeks": "no",
        "contact": "Anna",
        "tracks": [{"id": "a", "purpose": "inform"}, {"id": "b", "purpose": "discuss"}],
    }
    path = write_plan(tmp_path, plan)
    result = cli("recommend", "--rules", str(MINI_RULES), "--answers", str(path), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    first = {m["id"]: m["days_from_decision"] for m in data["milestones"]}
    assert first["b.first_meeting"] == -14  # meeting_weeks_default: no timeframe question
    assert "b.feedback_due" in first and "a.feedback_due" not in first


def test_a_dated_plan_puts_the_feedback_date_and_owner_into_the_statement(cli, tmp_path):
    plan = two_tracks(decision_date="2027-03-01", feedback_owner="Enhetschefen")
    data = plan_json(cli, write_plan(tmp_path, plan))
    for track in data["tracks"]:
        assert "no later than 2027-03-29, from Enhetschefen" in track["expectations"]
        assert (
            track["answers"]["feedback"] == "in writing no later than 2027-03-29, from Enhetschefen"
        )
    plan["tracks"][0]["feedback"] = "At a meeting in April."
    data = plan_json(cli, write_plan(tmp_path, plan))
    assert "At a meeting in April" in data["tracks"][0]["expectations"]
    assert "2027-03-29" in data["tracks"][1]["expectations"]


def test_the_library_plans_from_a_mapping(default_rules):
    import ladder

    plan = ladder.plan(default_rules, two_tracks(decision_date=dt.date(2027, 3, 1)))
    assert [tr.recommendation.level.id for tr in plan.tracks] == ["consultation", "influence"]
    assert json.loads(ladder.dumps(plan, "json"))["schema"] == "ladder.plan/1"
    assert ladder.dumps(plan, "ics").startswith("BEGIN:VCALENDAR")
    with pytest.raises(ValueError, match="unknown format"):
        ladder.dumps(plan, "pdf")
    with pytest.raises(ladder.AnswerError, match="Track codesign"):
        ladder.plan(default_rules, {**SHARED, "tracks": [{"id": "codesign", "purpose": "x"}]})
