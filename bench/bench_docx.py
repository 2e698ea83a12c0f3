"""The Word document's render time: one recommendation and a plan of 10 tracks, in-process.

    python bench/bench_docx.py              # 21 rounds
    python bench/bench_docx.py --rounds 51

Needs python-docx (`pip install -e '.[docx]'`, or the test extra). Each round renders the
recommendation (the answers of bench/run.py) and the 10-track plan of bench/bench_plans.py
(seeded) once each as docx and, for scale, as HTML; the table gives medians with min-max.
The import of python-docx is paid once, before the rounds (a command pays it once too).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_plans import plan, tracks_space
from run import ANSWERS, ROOT


def median_ms(work: Callable[[], object], rounds: int) -> tuple[float, float, float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from ladder import api

    rules = api.load_rules()
    rec = api.recommend(rules, ANSWERS, "sv")
    ten = api.plan(rules, plan(tracks_space(), random.Random(2024), 10), "sv")
    start = time.perf_counter()
    import docx  # noqa: F401 - paid once, as by a command

    imported = (time.perf_counter() - start) * 1000
    cases = {
        "one recommendation": rec,
        "a plan of 10 tracks": ten,
    }
    print(f"import docx: {imported:.0f} ms (once)\n")
    print("| what | docx: median (min–max) | size | html: median |")
    print("|---|---|---|---|")
    for name, result in cases.items():
        api.dumps_bytes(result)  # warm: templates and styles read once
        docx_ms = median_ms(lambda r=result: api.dumps_bytes(r), options.rounds)
        html_ms = median_ms(lambda r=result: api.dumps(r, "html"), options.rounds)
        size = len(api.dumps_bytes(result)) // 1024
        print(
            f"| {name} | {docx_ms[0]:.0f} ms ({docx_ms[1]:.0f}–{docx_ms[2]:.0f}) | {size} KB "
            f"| {html_ms[0]:.1f} ms |"
        )


if __name__ == "__main__":
    main()
