"""Follow-up and portfolio: `portfolio` over 10,000 saved plans, each its own file (target:
under 3 s), and `follow-up` of a two-track plan with 10,000 responses (target: under 1 s).

    python bench/bench_followup.py                 # 5 rounds, 10,000 records and responses
    python bench/bench_followup.py --rounds 3 --records 2000 --responses 2000

The records are two-track plans drawn (seeded) from the unit arena's answer space, decided
by `ladder batch` and split into one JSON file per plan; the responses are drawn at random
from the answers template's options. Times are whole runs of the installed command (start-up
included), output to /dev/null; medians of the rounds.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_plans import plan, tracks_space
from run import ladder_command, timed

CHOICES = ("yes", "partly", "no", "dont_know")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--responses", type=int, default=10_000)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ladder-bench-followup-"))
    env = {**os.environ, "LADDER_CACHE_DIR": str(work / "cache"), "LANG": "C.UTF-8"}
    env.pop("LADDER_RULES", None)
    ladder = ladder_command()
    pick = random.Random(15)
    space = tracks_space()
    rows = work / "plans.jsonl"
    with rows.open("w", encoding="utf-8") as handle:
        for number in range(options.records):
            handle.write(json.dumps({"id": f"p{number:05d}", **plan(space, pick, 2)}) + "\n")
    decided = work / "decided.jsonl"
    timed([*ladder, "batch", str(rows), "-o", str(decided)], env)
    folder = work / "records"
    folder.mkdir()
    with decided.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            (folder / f"plan{number:05d}.json").write_text(line, encoding="utf-8")
    record = folder / "plan00000.json"
    template = work / "template.csv"
    with template.open("wb") as out:
        timed([*ladder, "follow-up", str(record), "-f", "csv"], env, stdout=out.fileno())
    columns = template.read_text(encoding="utf-8").splitlines()[0].split(",")
    asked = _asked(ladder, record, env, work)
    responses = work / "responses.csv"
    with responses.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for _ in range(options.responses):
            track = pick.choice(sorted(asked))
            writer.writerow(
                [track, *(_cell(c, pick) if c in asked[track] else "" for c in columns[1:])]
            )
    as_of = "2027-06-01"
    portfolio = [*ladder, "portfolio", str(folder), "--as-of", as_of, "-f", "json"]
    follow = [*ladder, "follow-up", str(record), "--responses", str(responses), "-f", "json"]
    timed(portfolio, env), timed(follow, env)  # warm: page cache and the rules cache
    times: dict[str, list[float]] = {"portfolio": [], "follow": []}
    for _ in range(options.rounds):
        times["portfolio"].append(timed(portfolio, env))
        times["follow"].append(timed(follow, env))
    print("| what | median (min–max) | target |")
    print("|---|---|---|")
    for key, what, target in (
        ("portfolio", f"`portfolio` over {options.records:,} saved plans", "< 3 s"),
        ("follow", f"`follow-up` with {options.responses:,} responses", "< 1 s"),
    ):
        got = times[key]
        print(
            f"| {what} | {statistics.median(got):.2f} s ({min(got):.2f}–{max(got):.2f}) | {target} |"
        )
    for leftover in sorted(work.rglob("*"), reverse=True):
        leftover.unlink() if leftover.is_file() else leftover.rmdir()
    work.rmdir()


def _asked(ladder: list[str], record: Path, env: dict[str, str], work: Path) -> dict[str, set[str]]:
    """Each track's question ids, from the questionnaire itself (a row answers only those)."""
    out = work / "questionnaire.json"
    with out.open("wb") as handle:
        timed([*ladder, "follow-up", str(record), "-f", "json"], env, stdout=handle.fileno())
    data = json.loads(out.read_text(encoding="utf-8"))
    return {t["track"]: {q["id"] for q in t["questions"]} for t in data["tracks"]}


def _cell(column: str, pick: random.Random) -> str:
    if column == "influence":
        return pick.choice(("information", "consultation", "dialogue", "influence"))
    if column == "feedback_date":
        return pick.choice(("", "2027-03-20", "2027-04-20"))
    if column == "comment":
        return pick.choice(("", "", "Bra möte, men för kort.", 'Sa "nej" <tack>'))
    return pick.choice(CHOICES)


if __name__ == "__main__":
    main()
