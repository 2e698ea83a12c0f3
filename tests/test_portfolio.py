"""The portfolio: levels counted per arena and per track kind, overdue milestones on fixed
dates, follow-up state read from beside each record, broken records reported and the rest
counted, a batch's JSON Lines read line by line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ladder.followup.portfolio import portfolio
from ladder.followup.report import active_ladder

from .conftest import DEFAULT_RULES, ROOT

PLANS = ROOT / "examples" / "plans"


@pytest.fixture()
def folder(cli, tmp_path: Path) -> Path:
    """The four example plans saved as JSON, one saved as YAML, and a broken record."""
    out = tmp_path / "plans"
    (out / "sub").mkdir(parents=True)
    for plan in sorted(PLANS.glob("*.yaml")):
        target = out / f"{plan.stem}.json"
        result = cli("recommend", "--answers", str(plan), "-f", "json", "-o", str(target))
        assert result.exit_code == 0, result.stderr
    target = out / "sub" / "care.yaml"
    flags = ["-a", "arena=care_meeting", "-a", "patient_wish=share_decisions", "-a", "relatives=no"]
    assert cli("recommend", *flags, "-f", "yaml", "-o", str(target)).exit_code == 0
    (out / "sub" / "broken.json").write_text('{"schema": "ladder.plan/1", "rules": ', "utf-8")
    (out / "notes.txt").write_text("not a record", "utf-8")
    return out


def _run(paths: list[Path], as_of: str):
    steps, version, _ = active_ladder(DEFAULT_RULES, "en")
    return portfolio(paths, steps, version, dt.date.fromisoformat(as_of), "en")


def test_a_folder_with_a_broken_record_is_counted_and_the_broken_one_reported(folder, cli):
    found = _run([folder], "2026-01-01")
    assert found.records == 5
    assert found.tracks == 9  # four plans of two tracks, one care meeting
    assert len(found.problems) == 1 and "broken.json:1:" in found.problems[0]
    by_arena = found.by_arena
    assert by_arena["care_meeting"] == {4: 1}
    assert sum(sum(c.values()) for c in by_arena.values()) == 9
    assert sum(found.by_kind["group"].values()) == 8 and found.by_kind["single"] == {4: 1}
    result = cli("portfolio", str(folder), "--as-of", "2026-01-01", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "ladder.portfolio/1" and data["records"] == 5
    assert data["problems"] == list(found.problems)


def test_overdue_on_fixed_dates(folder):
    closure = folder / "closure.json"
    # The closure plan: feedback to the movers due 2027-05-10, follow-up 2027-07-05.
    on_the_day = _run([closure], "2027-05-10")
    assert on_the_day.overdue == ()
    next_day = _run([closure], "2027-05-11")
    assert [(o.track, o.kind, o.days) for o in next_day.overdue] == [("movers", "feedback_due", 1)]
    later = _run([closure], "2027-07-06")
    assert [(o.kind, o.days) for o in later.overdue] == [("feedback_due", 57), ("follow_up", 1)]


def test_a_follow_up_state_marks_the_milestones_done(folder, cli, tmp_path):
    closure = folder / "closure.json"
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "track,told,kept,influence,feedback,feedback_date,paid,equal,again\n"
        "movers,yes,yes,consultation,yes,2027-05-09,yes,yes,yes\n"
        "movers,yes,no,information,no,,yes,yes,yes\n"
        "everyone,yes,yes,information,,,,yes,yes\n",
        encoding="utf-8",
    )
    result = cli("follow-up", str(closure), "--responses", str(answers), "--save-state")
    assert result.exit_code == 0, result.stderr
    found = _run([folder], "2027-07-06")
    assert not [o for o in found.overdue if o.record == str(closure)]
    assert (found.followed_up, found.held) == (2, 2)  # 1/1 and 1/2 say held: both at least half
    text = cli("portfolio", str(folder), "--as-of", "2027-07-06").stdout
    assert "2 of 2 followed-up tracks" in text


def test_a_batch_output_is_read_line_by_line(cli, tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"arena": "care_meeting", "patient_wish": "be_informed", "relatives": "no"}\n'
        '{"arena": "nowhere"}\n'
        '{"arena": "care_meeting", "patient_wish": "be_consulted", "relatives": "yes"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "results.jsonl"
    cli("batch", str(rows), "-o", str(out))
    out.write_text(out.read_text("utf-8") + "{not json\n", "utf-8")
    found = _run([out], "2026-01-01")
    assert found.records == 2  # the row batch could not decide made no promise
    assert found.by_arena == {"care_meeting": {1: 1, 2: 1}}
    assert len(found.problems) == 1 and "results.jsonl:4" in found.problems[0]


def test_nothing_found_is_an_error_and_a_bad_date_a_usage_error(cli, tmp_path):
    assert cli("portfolio", str(tmp_path)).exit_code == 4
    assert cli("portfolio", str(tmp_path), "--as-of", "tomorrow").exit_code == 2


def test_csv_and_html(folder, cli):
    csv_text = cli("portfolio", str(folder), "--as-of", "2027-06-01", "-f", "csv").stdout
    lines = csv_text.splitlines()
    assert lines[0].startswith("record,plan,track,kind,arena,level,rank")
    assert len(lines) == 10
    html = cli("portfolio", str(folder), "--as-of", "2027-06-01", "-f", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "Levels per arena" in html


def test_fees_are_estimated_only_under_rules_with_rates(folder, cli):
    default = json.loads(cli("portfolio", str(folder), "-f", "json").stdout)["estimate"]
    assert default["participant_hours"] > 0 and default["fees"] is None
    text = cli("portfolio", str(folder)).stdout
    assert "no estimate: the rules file gives no rates" in text
    kronoberg = ROOT / "examples" / "kronoberg.yaml"
    rated = cli("portfolio", str(folder), "--rules", str(kronoberg), "-f", "json").stdout
    estimate = json.loads(rated)["estimate"]
    assert estimate["fees"] > 0 and "prisbasbelopp" in estimate["source"]


def test_a_fee_per_session_by_the_half_day_or_full_day_or_hour():
    from ladder.followup.fees import estimate
    from ladder.followup.records import TrackPromise
    from ladder.model import Compensation

    def track(rank: int, arena: str = "unit_development") -> TrackPromise:
        return TrackPromise(
            "r", None, "t", "T", "group", arena, "x", rank, "X", "", (), ("m",), "", None, None, 1
        )

    times = {"m": {"hours": 10, "sessions": 2, "participants": 3}}
    days = Compensation(half_day=500, full_day=1000, methods=times)
    # 5 hours a session: more than half a day, one full day each, two sessions, 3 people.
    assert estimate([track(3)], days).fees == 3 * 2 * 1000
    assert estimate([track(3)], days).hours == 30
    hourly = Compensation(hourly=100, methods=times)
    assert estimate([track(3)], hourly).fees == 3 * 10 * 100
    # Information, and one's own care meeting, are not paid; the hours still count.
    assert estimate([track(1), track(4, "care_meeting")], days).fees == 0
    unpaid = Compensation(half_day=500, methods={"m": {**times["m"], "paid": False}})
    assert estimate([track(3)], unpaid).fees == 0
    assert estimate([track(3)], Compensation(half_day=500)).hours is None
    assert estimate([track(3)], None).fees is None


def test_the_html_chart_is_an_svg_with_escaped_labels():
    from ladder.output import html
    from ladder.output.document import Chart, Document

    chart = Chart("Tracks <per> step", (("5 <Co>&determination", 4), ("1 Information", 1)))
    page = html.render(Document("en", "t", (chart,)))
    assert page.count("<svg") == 1 and "<title>Tracks &lt;per&gt; step</title>" in page
    assert "5 &lt;Co&gt;&amp;determination" in page and "<Co>" not in page
    assert 'width="300"' in page and 'width="75"' in page  # 4 is the largest; 1 a quarter


def test_an_over_long_line_is_reported_and_the_lines_after_it_still_counted(folder, tmp_path):
    """A batch stops at an over-long line; a portfolio lists it and reads on."""
    saved = [
        json.dumps(json.loads(p.read_text("utf-8")), ensure_ascii=False)
        for p in sorted(folder.glob("*.json"))
    ]
    lines = tmp_path / "saved.jsonl"
    long = '{"note": "' + "x" * (2 * 1024 * 1024) + '"}'
    lines.write_text("\n".join([saved[0], long, *saved[1:]]) + "\n", encoding="utf-8")
    found = _run([lines], "2026-01-01")
    assert found.records == len(saved) == 4
    assert len(found.problems) == 1 and f"{lines}:2 " in found.problems[0]
