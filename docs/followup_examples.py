"""Regenerate the made-up example data of docs/followup.md (seeded, so the same every run):

    python docs/followup_examples.py

- examples/followup/closure.json: the closure plan (examples/plans/closure.yaml) saved under
  Kronoberg's rules, and beside it its follow-up state (closure.json.followup.json);
- examples/followup/closure-responses.csv: 30 made-up respondents' answers;
- examples/followup/region-plans.jsonl: 52 made-up plans of a region, as `ladder batch`
  input, and examples/followup/region-saved.jsonl: the same plans decided (batch output).
Every name, answer and comment in them is invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "examples" / "followup"
RULES = "examples/kronoberg.yaml"
CHOICES = ("yes", "yes", "yes", "partly", "no", "dont_know")
COMMENTS = (
    "",
    "",
    "",
    "Bra att vi fick veta från början vad som redan var bestämt.",
    "Jag hörde aldrig vad som hände med det jag sa.",
    "Tolken kom inte till det andra mötet.",
    "Bussen gick för sällan för att hinna dit.",
    "Mötet var på <dagtid> när jag jobbar, det borde stå i inbjudan.",
)
SHARED = ("arena", "timeframe", "resources", "acceptance")


def run(*args: str) -> str:
    from typer.testing import CliRunner

    from ladder.cli import app

    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    if result.exit_code:
        raise SystemExit(result.stderr)
    return result.stdout


def responses(pick: random.Random) -> None:
    columns = "track,told,kept,influence,feedback,feedback_date,time,paid,equal,again,comment"
    with (OUT / "closure-responses.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns.split(","))
        for number in range(30):
            track = "everyone" if number < 12 else "movers"
            row = {
                "track": track,
                "told": pick.choice(CHOICES),
                "kept": pick.choice(CHOICES),
                "influence": pick.choice(("information", "consultation", "consultation")),
                "time": pick.choice(CHOICES),
                "equal": pick.choice(CHOICES),
                "again": pick.choice(CHOICES),
                "comment": pick.choice(COMMENTS),
            }
            if track == "movers":
                row["influence"] = pick.choice(("information", "consultation", "dialogue"))
                row["feedback"] = pick.choice(("yes", "yes", "partly", "no"))
                row["paid"] = pick.choice(CHOICES)
                if row["feedback"] != "no":
                    row["feedback_date"] = pick.choice(
                        ("2027-05-06", "2027-05-10", "2027-05-21", "")
                    )
            writer.writerow([row.get(c, "") for c in columns.split(",")])


def region_plans(pick: random.Random) -> None:
    from ladder.check.answer_space import answer_space
    from ladder.load.loader import load_rules

    space = [
        a for a in answer_space(load_rules(ROOT / RULES).rules) if a["arena"] != "care_meeting"
    ]
    start = dt.date(2026, 9, 7)
    with (OUT / "region-plans.jsonl").open("w", encoding="utf-8") as handle:
        for number in range(52):
            first = pick.choice(space)
            same = [a for a in space if all(a[k] == first[k] for k in SHARED)]
            tracks = [first, *(pick.choice(same) for _ in range(pick.choice((0, 1, 1, 2))))]
            plan = {
                "id": f"plan{number + 1:02d}",
                **{k: first[k] for k in SHARED},
                "project": f"Utvecklingsarbete {number + 1} (påhittat)",
                "decision_date": (start + dt.timedelta(weeks=2 * number)).isoformat(),
                "feedback_owner": "Verksamhetschefen",
                "tracks": [
                    {"id": f"t{i + 1}", **{k: v for k, v in a.items() if k not in SHARED}}
                    for i, a in enumerate(tracks)
                ],
            }
            handle.write(json.dumps(plan, ensure_ascii=False) + "\n")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    pick = random.Random(15)
    closure = OUT / "closure.json"
    plan = "examples/plans/closure.yaml"
    closure.write_text(run("recommend", "--rules", RULES, "--answers", plan, "-f", "json"), "utf-8")
    responses(pick)
    answers = "examples/followup/closure-responses.csv"
    run("follow-up", "--rules", RULES, str(closure.relative_to(ROOT)), "--responses", answers,
        "--save-state", "-f", "json")  # fmt: skip
    region_plans(pick)
    saved = run("batch", "--rules", RULES, "examples/followup/region-plans.jsonl")
    (OUT / "region-saved.jsonl").write_text(saved, encoding="utf-8")


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    main()
