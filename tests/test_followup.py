"""Follow-up: the questionnaire follows each track's promise, responses are read strictly and
scored per track, a record from other rules is refused with its location, and the state file
beside a record marks its follow-up done."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.app import recommend_answers
from ladder.check.answer_space import answer_space
from ladder.errors import AnswerError
from ladder.followup.questionnaire import question_ids
from ladder.followup.records import record_from
from ladder.followup.report import active_ladder, follow_up, state_path
from ladder.load.loader import load_rules
from ladder.output.record import to_dict

from .conftest import DEFAULT_RULES, ROOT

CLOSURE = ROOT / "examples" / "plans" / "closure.yaml"
ANSWER_SPACE = list(answer_space(load_rules(DEFAULT_RULES).rules))
COLUMNS = "track,told,kept,influence,feedback,feedback_date,time,paid,equal,again,comment"


# A care meeting where the patient wants to be informed: a record of one track.
CARE = ("-a", "arena=care_meeting", "-a", "patient_wish=be_informed", "-a", "relatives=no")


def _saved(cli, tmp_path: Path, *args: str, name: str = "record.json") -> Path:
    path = tmp_path / name
    result = cli("recommend", *args, "--format", "json", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def _record(default_rules, answers: dict[str, str], lang: str = "en"):
    rec, _ = recommend_answers(default_rules, [answers], lang)
    return record_from(to_dict(rec), "rec.json", "rec.json", 1, lang).tracks[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ANSWER_SPACE))
def test_the_questions_follow_the_promise_over_the_answer_space(default_rules, answers):
    track = _record(default_rules, answers)
    ids = question_ids(track)
    # Feedback is promised from Consultation up, so it is asked exactly there.
    assert ("feedback" in ids) == (track.rank >= 2)
    assert ("paid" in ids) == (track.rank >= 2 and track.arena != "care_meeting")
    assert ids[:3] == ("told", "kept", "influence") and ids[-1] == "comment"
    steps, _, _ = active_ladder(DEFAULT_RULES, "en")
    from ladder.followup.questionnaire import questions

    kept = {q.id: q for q in questions(track, steps, "en")}["kept"]
    if track.level == "consultation":
        assert "views" in kept.text and "affected" in kept.text
    if track.level == "co_determination":
        assert "decided" in kept.text and "carried out" in kept.text


def test_a_consultation_and_a_co_determination_track_ask_different_things(default_rules):
    base = {"arena": "unit_development", "acceptance": "low", "participants": "own_patients"}
    views = _record(
        default_rules,
        {
            **base,
            "purpose": "views",
            "mandate": "views",
            "timeframe": "months",
            "resources": "some",
        },
    )
    decide = _record(
        default_rules,
        {
            **base,
            "purpose": "co_decide",
            "mandate": "decide",
            "timeframe": "longer",
            "resources": "ample",
        },
    )
    assert (views.level, decide.level) == ("consultation", "co_determination")
    steps, _, _ = active_ladder(DEFAULT_RULES, "sv")
    from ladder.followup.questionnaire import questions

    asked = {q.id: q.text for q in questions(views, steps, "sv")}
    assert "synpunkter" in asked["kept"] and "feedback" in asked
    decided = {q.id: q.text for q in questions(decide, steps, "sv")}
    assert "Genomfördes det ni beslutade" in decided["kept"]
    easy = {q.id: q.text for q in questions(decide, steps, "sv", easy=True)}
    assert easy["kept"] != decided["kept"] and len(easy["kept"]) < len(decided["kept"])


def test_the_template_has_the_questions_columns_and_a_row_per_track(cli, tmp_path):
    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    result = cli("follow-up", str(record), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == COLUMNS
    assert [line.split(",")[0] for line in lines[1:]] == ["everyone", "movers"]
    data = json.loads(cli("follow-up", str(record), "--format", "json").stdout)
    assert data["schema"] == "ladder.followup/1"
    assert [t["level"]["id"] for t in data["tracks"]] == ["information", "consultation"]
    everyone, movers = ([q["id"] for q in t["questions"]] for t in data["tracks"])
    assert "feedback" not in everyone and "feedback" in movers


def _responses(path: Path, rows: list[str], header: str = COLUMNS) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


ROWS = [
    "everyone,yes,yes,information,,,yes,,yes,yes,",
    "everyone,no,no,consultation,,,no,,no,no,Ingen sa något <script>",
    "movers,yes,yes,dialogue,yes,2027-05-01,yes,yes,yes,yes,",
    "movers,partly,no,consultation,yes,2027-06-01,partly,no,no,yes,",
    "movers,ja,delvis,1,yes,,nej,ja,vet inte,ja,Bra",
    "movers,,,,,,,,,,",  # a template row nobody filled in
]


def test_responses_are_scored_per_track(cli, tmp_path):
    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    answers = _responses(tmp_path / "answers.csv", ROWS)
    fu = follow_up(record, None, answers, "en")
    everyone, movers = (tr.score for tr in fu.tracks)
    assert everyone is not None and movers is not None
    assert (everyone.answered, everyone.held) == (2, 0.5)
    assert everyone.comments == ("Ingen sa något <script>",)
    assert movers.answered == 3
    assert movers.held == pytest.approx(1 / 3)  # yes, no, partly
    assert movers.influence == {1: 1, 2: 1, 3: 1}
    assert movers.below_promise == pytest.approx(1 / 3)  # Information, under Consultation
    # Due 2027-05-10: one on time, one late, one without a date.
    assert (movers.feedback_on_time, movers.feedback_late, movers.feedback_undated) == (1, 1, 1)
    html = cli("follow-up", str(record), "--responses", str(answers), "--format", "html").stdout
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "GRIPP2" in html


def test_the_same_responses_as_json_lines(cli, tmp_path):
    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    header = COLUMNS.split(",")
    lines = [
        json.dumps({k: v for k, v in zip(header, row.split(","), strict=True) if v}) for row in ROWS
    ]
    answers = tmp_path / "answers.jsonl"
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    csv_file = _responses(tmp_path / "answers.csv", ROWS)
    as_csv = follow_up(record, None, csv_file, "en")
    as_jsonl = follow_up(record, None, answers, "en")
    assert [t.score for t in as_csv.tracks] == [t.score for t in as_jsonl.tracks]


@pytest.mark.parametrize(("lang", "easy"), [("sv", False), ("en", True)])
def test_a_survey_export_with_the_question_texts_as_columns(cli, tmp_path, lang, easy):
    """A survey tool names its columns by the questions as they were asked: numbered, in the
    participants' language, perhaps easy-read. They score as the template's ids do."""
    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    args = ["--lang", lang, "follow-up", str(record), "-f", "json"]
    data = json.loads(cli(*args, *(["--easy-read"] if easy else [])).stdout)
    texts = {q["id"]: q["text"] for tr in data["tracks"] for q in tr["questions"]}
    exported = ["track"] + [
        f'"{n}. {texts[qid].upper() if n % 2 else texts[qid]}"'
        for n, qid in enumerate(COLUMNS.split(",")[1:], 1)
    ]
    by_text = _responses(tmp_path / "export.csv", ROWS, header=",".join(exported))
    by_id = _responses(tmp_path / "answers.csv", ROWS)
    scores = [tr.score for tr in follow_up(record, None, by_id, "en").tracks]
    assert [tr.score for tr in follow_up(record, None, by_text, "en").tracks] == scores
    exported[2] = '"Var det roligt?"'  # no question of this record
    _responses(by_text, ROWS, header=",".join(exported))
    result = cli("follow-up", str(record), "--responses", str(by_text))
    assert result.exit_code == 4 and "Var det roligt?" in result.stderr


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (COLUMNS.replace(",kept", ""), ["movers,yes,dialogue,yes,,yes,yes,yes,yes,"], ":1: "),
        (COLUMNS + ",mood", ["movers,yes,yes,dialogue,yes,,yes,yes,yes,yes,,happy"], "'mood'"),
        (COLUMNS, ["movers,yes,maybe,dialogue,yes,,yes,yes,yes,yes,"], "row 1: column kept"),
        (COLUMNS, ["movers,yes,yes,top,yes,,yes,yes,yes,yes,"], "row 1: column influence"),
        (COLUMNS, ["movers,yes,yes,dialogue,yes,10 May,yes,yes,yes,yes,"], "feedback_date"),
        (COLUMNS, ["everyone,yes,yes,dialogue,yes,,yes,,yes,yes,"], "column feedback"),
        (COLUMNS, ["nobody,yes,yes,dialogue,yes,,yes,yes,yes,yes,"], "'nobody'"),
        (COLUMNS, ["movers,yes,yes"], "row 1: line 2 has 3 fields"),
    ],
    ids=["missing", "extra", "bad_choice", "bad_step", "bad_date", "not_asked", "track", "width"],
)
def test_responses_that_do_not_match_are_refused_with_their_location(
    cli, tmp_path, header, rows, expected
):
    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    answers = _responses(tmp_path / "answers.csv", rows, header)
    result = cli("follow-up", str(record), "--responses", str(answers))
    assert result.exit_code == 4
    assert expected in result.stderr
    assert str(answers) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_record_of_another_schema_or_rules_version_is_refused_located(cli, tmp_path):
    record = _saved(cli, tmp_path, *CARE)
    data = json.loads(record.read_text(encoding="utf-8"))
    data["rules"]["version"] = 2
    record.write_text(json.dumps(data), encoding="utf-8")
    result = cli("follow-up", str(record))
    assert result.exit_code == 4
    assert f"{record}: " in result.stderr and "version 2" in result.stderr
    record.write_text('{"schema": "ladder.minutes/1"}', encoding="utf-8")
    result = cli("follow-up", str(record))
    assert result.exit_code == 4 and "ladder.minutes/1" in result.stderr
    record.write_text(
        '{"schema": "ladder.plan/1",\n "rules": {"version": 1}, "tracks": [}', "utf-8"
    )
    result = cli("follow-up", str(record))
    assert result.exit_code == 4 and f"{record}:2:" in result.stderr


@pytest.mark.parametrize(
    ("change", "culprit"),
    [("NaN", "NaN"), ("duplicate", '"schema"')],
    ids=["not-a-number", "duplicate-key"],
)
def test_a_record_that_is_not_strict_json_is_refused_located(cli, tmp_path, change, culprit):
    """A NaN or a key given twice would be read differently by other JSON readers."""
    record = _saved(cli, tmp_path, *CARE)
    text = record.read_text(encoding="utf-8")
    if change == "NaN":
        text = text.replace('"version": 1', '"version": NaN', 1)
    else:
        text = text.replace("{", '{\n  "schema": "ladder.recommendation/1",', 1)
    record.write_text(text, encoding="utf-8")
    result = cli("follow-up", str(record))
    assert result.exit_code == 4 and "Traceback" not in result.stderr
    assert re.search(
        rf"{re.escape(str(record))}:\d+:\d+: .*{re.escape(culprit.strip(chr(34)))}", result.stderr
    )
    lines = tmp_path / "saved.jsonl"
    lines.write_text(text.replace("\n", " ") + "\n", encoding="utf-8")
    listed = cli("portfolio", str(lines))
    assert f"{lines}:1" in listed.stdout + listed.stderr


def test_a_single_recommendation_needs_no_track_column(cli, tmp_path):
    record = _saved(cli, tmp_path, *CARE)
    template = cli("follow-up", str(record), "-f", "csv").stdout
    assert template.splitlines()[1].startswith("-,")
    answers = tmp_path / "a.csv"
    answers.write_text("told,kept,influence,equal,again\nyes,yes,information,yes,yes\n", "utf-8")
    fu = follow_up(record, None, answers, "en")
    assert fu.tracks[0].score is not None and fu.tracks[0].score.answered == 1


def test_save_state_writes_the_result_beside_the_record(cli, tmp_path):
    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    answers = _responses(tmp_path / "answers.csv", ROWS)
    result = cli("follow-up", str(record), "--responses", str(answers), "--save-state")
    assert result.exit_code == 0
    state = json.loads(state_path(record).read_text(encoding="utf-8"))
    assert state["schema"] == "ladder.followup/1"
    assert state["tracks"][1]["result"]["answered"] == 3


def test_an_unreadable_record_is_an_answer_error():
    with pytest.raises(AnswerError):
        record_from([], "x.json", "x.json", 1, "en")


def test_save_state_without_responses_is_a_usage_error(cli, tmp_path):
    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    result = cli("follow-up", str(record), "--save-state")
    assert result.exit_code == 2 and "--responses" in result.stderr
    assert not state_path(record).exists()


def test_the_library_gives_the_same_follow_up_and_portfolio(cli, tmp_path):
    import ladder

    record = _saved(cli, tmp_path, "--answers", str(CLOSURE))
    answers = _responses(tmp_path / "answers.csv", ROWS)
    fu = ladder.follow_up(record, answers)
    assert (
        ladder.dumps(fu, "json")
        == cli("follow-up", str(record), "--responses", str(answers), "-f", "json").stdout
    )
    found = ladder.portfolio([tmp_path], as_of=dt.date(2027, 5, 11))
    assert found.records == 1 and [o.kind for o in found.overdue] == ["feedback_due"]
    assert ladder.dumps(found, "csv").startswith("record,plan,track")
    with pytest.raises(ValueError):
        ladder.dumps(found, "ics")
