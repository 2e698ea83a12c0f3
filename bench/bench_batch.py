"""Time and peak memory of `ladder batch` on generated JSON Lines, one fresh process per run.

    python bench/bench_batch.py                      # 100,000 repeated, 100,000 and 1,000,000 distinct
    python bench/bench_batch.py --sizes 100000       # distinct rows: only these sizes

Rows are drawn (seeded) from every reachable answer set of the default rules, each with an id.
"Repeated" rows have no free text, so 3,606 answer sets recur under 100,000 ids (the input of
bench/run.py); "distinct" rows also name their project, differently on every row, so no two rows
are alike. The output goes to /dev/null. Peak memory is the child's maximum resident set size
(`wait4`), which includes the interpreter and the rules (about 50 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ROOT, ladder_command


def generate(path: Path, count: int, distinct: bool) -> None:
    sys.path.insert(0, str(ROOT))
    from ladder.check.answer_space import answer_space
    from ladder.load.loader import load_rules

    space = list(answer_space(load_rules().rules))
    pick = random.Random(2024).choice
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            row = {"id": f"p{number:07d}", **pick(space)}
            if distinct:
                row["project"] = f"Ny mottagning nummer {number}"
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds, peak RSS in MB and the exit code of one run."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.PIPE)
        assert child.stderr is not None
        errors = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 4):
        sys.stderr.write(errors.decode("utf-8", "replace")[-2000:])
    return elapsed, usage.ru_maxrss / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--repeated", type=int, default=100_000, help="0 to skip")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ladder-bench-batch-"))
    env = {**os.environ, "LADDER_CACHE_DIR": str(work / "cache"), "LANG": "C.UTF-8"}
    env.pop("LADDER_RULES", None)
    runs = [("repeated", options.repeated)] if options.repeated else []
    runs += [("distinct", size) for size in options.sizes]
    print("| rows | kind | time | rows/s | peak RSS | exit |")
    print("|---|---|---|---|---|---|")
    for kind, count in runs:
        rows = work / f"{kind}-{count}.jsonl"
        generate(rows, count, kind == "distinct")
        seconds, peak, code = measure([*ladder_command(), "batch", str(rows)], env)
        rate = f"{count / seconds:,.0f}" if code in (0, 4) else "–"
        print(f"| {count:,} | {kind} | {seconds:.1f} s | {rate} | {peak:,.0f} MB | {code} |")
        rows.unlink()
    for leftover in work.rglob("*"):
        if leftover.is_file():
            leftover.unlink()


if __name__ == "__main__":
    main()
