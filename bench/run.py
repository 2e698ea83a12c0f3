"""The performance budget of `ladder`, measured in one interleaved run.

    python bench/run.py                 # all figures, as a Markdown table
    python bench/run.py --rounds 31     # more rounds on a noisy machine

Each round runs every command once, in turn, so that load from elsewhere on the machine falls
on all of them alike; the table gives medians over rounds and the ratios of medians. Start-up
is compared with bench/floor_app.py, the smallest typer app of the same shape. The package is
byte-compiled first, as an install does, and every command runs once unmeasured (which also
fills the cache of validated rules); "recommend, no cache" shows the cost without it.
Not part of the test suite: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, str(ROOT / "bench" / "floor_app.py")]
ANSWERS = {
    "arena": "unit_development",
    "purpose": "co_develop",
    "mandate": "views",
    "acceptance": "high",
    "timeframe": "months",
    "resources": "some",
    "participants": "condition_group",
}


def ladder_command() -> list[str]:
    """The installed console script next to this Python, else `python -m ladder`."""
    script = Path(sys.executable).with_name("ladder")
    if script.exists():
        return [str(script)]
    found = shutil.which("ladder")
    return [found] if found else [sys.executable, "-m", "ladder"]


def generate_rows(path: Path, count: int) -> int:
    """`count` JSON Lines rows drawn (seeded) from every reachable answer set of the default
    rules, each with an id; returns how many distinct answer sets there are."""
    sys.path.insert(0, str(ROOT))
    from ladder.check.answer_space import answer_space
    from ladder.load.loader import load_rules

    space = list(answer_space(load_rules().rules))
    pick = random.Random(2024).choice
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps({"id": f"p{number:06d}", **pick(space)}) + "\n")
    return len(space)


def timed(command: list[str], env: dict[str, str], stdout: int | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command, env=env, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace")[-2000:]
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{message}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21, help="rounds of start-up commands")
    parser.add_argument("--batch-rounds", type=int, default=5, help="rounds of the batch run")
    parser.add_argument("--rows", type=int, default=100_000, help="rows for the batch run")
    options = parser.parse_args()

    compileall.compile_dir(str(ROOT / "ladder"), quiet=1)  # what pip does on install
    ladder = ladder_command()
    work = Path(tempfile.mkdtemp(prefix="ladder-bench-"))
    env = {**os.environ, "LADDER_CACHE_DIR": str(work / "cache"), "LANG": "C.UTF-8"}
    env.pop("LADDER_RULES", None)
    no_cache = {**env, "LADDER_NO_CACHE": "1"}
    flags = [arg for key, value in ANSWERS.items() for arg in ("-a", f"{key}={value}")]
    rows = work / "rows.jsonl"
    distinct = generate_rows(rows, options.rows)
    out = work / "out.jsonl"

    startup = {
        "recommend -f json": ([*ladder, "recommend", *flags, "--format", "json"], env),
        "floor -a x=1": ([*FLOOR, "-a", "x=1"], env),
        "ladder --help": ([*ladder, "--help"], env),
        "floor --help": ([*FLOOR, "--help"], env),
        "check (default rules)": ([*ladder, "check"], env),
        "recommend -f json, no cache": (
            [*ladder, "recommend", *flags, "--format", "json"],
            no_cache,
        ),
    }
    batch = {
        "batch, stdout to /dev/null": ([*ladder, "batch", str(rows)], env),
        "batch, --output file": (
            [*ladder, "batch", str(rows), "--output", str(out), "--force"],
            env,
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in [*startup, *batch]}
    for command, command_env in [*startup.values(), *batch.values()]:
        timed(command, command_env)  # warm-up: page cache, rules cache
    for round_number in range(max(options.rounds, options.batch_rounds)):
        if round_number < options.rounds:
            for name, (command, command_env) in startup.items():
                times[name].append(timed(command, command_env))
        if round_number < options.batch_rounds:
            for name, (command, command_env) in batch.items():
                times[name].append(timed(command, command_env))
    out_mb = out.stat().st_size / 1e6
    shutil.rmtree(work, ignore_errors=True)

    med = {name: statistics.median(values) for name, values in times.items()}
    spread = {name: (min(values), max(values)) for name, values in times.items()}

    def ms(name: str) -> str:
        low, high = spread[name]
        return f"{med[name] * 1000:.0f} ms ({low * 1000:.0f}–{high * 1000:.0f})"

    def seconds(name: str) -> str:
        return f"{med[name]:.2f} s, {options.rows / med[name]:,.0f} rows/s"

    rec_ratio = med["recommend -f json"] / med["floor -a x=1"]
    help_ratio = med["ladder --help"] / med["floor --help"]
    lines = [
        (
            f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python "
            f"{sys.version.split()[0]}; {options.rounds} rounds (batch: {options.batch_rounds}), "
            "medians (min–max)."
        ),
        "",
        "| what | median | ratio / figure | target | met |",
        "|---|---|---|---|---|",
        (
            f"| `recommend -f json` / `floor_app.py -a x=1` | {ms('recommend -f json')} / "
            f"{ms('floor -a x=1')} | {rec_ratio:.2f} | ≤ 1.15 | {_met(rec_ratio <= 1.15)} |"
        ),
        (
            f"| `ladder --help` / `floor_app.py --help` | {ms('ladder --help')} / "
            f"{ms('floor --help')} | {help_ratio:.2f} | ≤ 1.25 | {_met(help_ratio <= 1.25)} |"
        ),
        (
            f"| `ladder check` (default rules) | {ms('check (default rules)')} | "
            f"{med['check (default rules)']:.2f} s | < 0.5 s | "
            f"{_met(med['check (default rules)'] < 0.5)} |"
        ),
        (
            f"| `batch`, {options.rows:,} rows JSONL in, JSONL to /dev/null | "
            f"{med['batch, stdout to /dev/null']:.2f} s | {seconds('batch, stdout to /dev/null')} | "
            f"< 2 s | {_met(med['batch, stdout to /dev/null'] < 2)} |"
        ),
        (
            f"| `batch`, {options.rows:,} rows JSONL in, `--output` file ({out_mb:,.0f} MB) | "
            f"{med['batch, --output file']:.2f} s | {seconds('batch, --output file')} | < 2 s | "
            f"{_met(med['batch, --output file'] < 2)} |"
        ),
        (
            f"| `recommend -f json` without the rules cache | {ms('recommend -f json, no cache')} | "
            f"{med['recommend -f json, no cache'] / med['floor -a x=1']:.2f} × floor | – | – |"
        ),
        "",
        f"The batch input has {distinct:,} distinct answer sets (every reachable one).",
    ]
    print("\n".join(lines))


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


if __name__ == "__main__":
    main()
