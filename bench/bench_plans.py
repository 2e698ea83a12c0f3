"""Plans: a plan of 10 tracks against a single recommendation at start-up, and a batch of
two-track plans.

    python bench/bench_plans.py                   # 15 rounds, 100,000 plans, 10,000 distinct
    python bench/bench_plans.py --rounds 5 --rows 10000 --distinct 0

Start-up: `recommend --answers plan.yaml -f json` (10 tracks drawn, seeded, from the answer
space, with a decision date) against `recommend -f json` with one set of answers, each run
once per round in turn; the ratio is of medians (target: at most 1.3). Batch: JSON Lines rows of
two-track plans, each track drawn (seeded) from the answer space of the unit arena, a decision
date on every row, output to /dev/null (target: under 4 s). "Repeated" rows are drawn from a
pool of 3,606 plans (as many as the default rules have answer sets, as in bench/run.py), so
plans recur under many ids; "distinct" rows are drawn afresh, so nearly no two are alike.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ANSWERS, ROOT, ladder_command, timed

SHARED = ("arena", "timeframe", "resources", "acceptance")


def tracks_space() -> list[dict[str, str]]:
    sys.path.insert(0, str(ROOT))
    from ladder.check.answer_space import answer_space
    from ladder.load.loader import load_rules

    return [a for a in answer_space(load_rules().rules) if a["arena"] == "unit_development"]


def plan(space: list[dict[str, str]], pick: random.Random, count: int) -> dict[str, object]:
    first = pick.choice(space)
    same = [a for a in space if all(a[k] == first[k] for k in SHARED)]
    tracks = [first, *(pick.choice(same) for _ in range(count - 1))]
    return {
        **{k: first[k] for k in SHARED},
        "decision_date": "2027-03-01",
        "feedback_owner": "Verksamhetschefen",
        "tracks": [
            {"id": f"t{i}", **{k: v for k, v in a.items() if k not in SHARED}}
            for i, a in enumerate(tracks)
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--distinct", type=int, default=10_000, help="0 to skip")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ladder-bench-plans-"))
    env = {**os.environ, "LADDER_CACHE_DIR": str(work / "cache"), "LANG": "C.UTF-8"}
    env.pop("LADDER_RULES", None)
    space = tracks_space()
    pick = random.Random(2024)
    plan_file = work / "plan.json"
    plan_file.write_text(json.dumps(plan(space, pick, 10)), encoding="utf-8")
    ladder = ladder_command()
    single = [*ladder, "recommend", "-f", "json"]
    single += [arg for k, v in ANSWERS.items() for arg in ("-a", f"{k}={v}")]
    ten = [*ladder, "recommend", "--answers", str(plan_file), "-f", "json"]
    timed(single, env), timed(ten, env)  # warm: page cache and the rules cache
    times: dict[str, list[float]] = {"single": [], "ten": []}
    for _ in range(options.rounds):
        times["single"].append(timed(single, env))
        times["ten"].append(timed(ten, env))
    one, many = statistics.median(times["single"]), statistics.median(times["ten"])
    pool = [plan(space, pick, 2) for _ in range(3606)]
    batches = [("repeated", options.rows, lambda: pick.choice(pool))]
    if options.distinct:
        batches.append(("distinct", options.distinct, lambda: plan(space, pick, 2)))
    seconds = {}
    for kind, count, draw in batches:
        rows = work / f"{kind}.jsonl"
        with rows.open("w", encoding="utf-8") as handle:
            for number in range(count):
                handle.write(json.dumps({"id": f"p{number:06d}", **draw()}) + "\n")
        seconds[kind] = timed([*ladder, "batch", str(rows)], env)
    print("| what | median | ratio / figure | target |")
    print("|---|---|---|---|")
    print(
        f"| `recommend` a 10-track plan / one recommendation (`-f json`) | {many * 1000:.0f} ms /"
        f" {one * 1000:.0f} ms | {many / one:.2f} | ≤ 1.3 |"
    )
    for kind, count, _ in batches:
        target = "< 4 s" if kind == "repeated" else ""
        rate = f"{count / seconds[kind]:,.0f} plans/s"
        print(
            f"| `batch` of {count:,} two-track plans, {kind} | {seconds[kind]:.2f} s | {rate} | {target} |"
        )
    for leftover in sorted(work.rglob("*"), reverse=True):
        leftover.unlink() if leftover.is_file() else leftover.rmdir()
    work.rmdir()


if __name__ == "__main__":
    main()
