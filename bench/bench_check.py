"""How `ladder check` scales with the number of questions (5 options each), against brute force.

For 5, 10, 15 and 20 generated questions: the answer combinations, the pieces the checker cuts
the space into, and the best of three in-process check times; then whether a planted gap and a
planted overlap are still found in the 20-question file, and the 20-question file with any/not
conditions on its structures and methods next to the plain one (time and peak memory). Brute
force (engine.decide_level on every combination) is timed on the 5-question file and
extrapolated from its time per combination.

    python bench/bench_check.py
"""

from __future__ import annotations

import sys
import tempfile
import timeit
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_rules import generate

from ladder.check.answer_space import answer_space
from ladder.check.checker import check_file
from ladder.engine import decide_level
from ladder.load.loader import load_rules

SIZES = (5, 10, 15, 20)
TARGET_SECONDS = 2.0


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def main() -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        print(f"{'questions':>9} {'combinations':>16} {'pieces':>7} {'check s':>8}")
        per_combination = None
        for n in SIZES:
            path = write(directory, f"rules{n}.yaml", generate(n))
            report = check_file(path, "en")
            seconds = min(timeit.repeat(lambda p=path: check_file(p, "en"), number=1, repeat=3))
            print(f"{n:>9} {report.combinations:>16,} {report.pieces:>7} {seconds:>8.3f}")
            if n == SIZES[0]:
                rules = load_rules(path).rules
                brute = min(
                    timeit.repeat(
                        lambda r=rules: [decide_level(r, a) for a in answer_space(r)],
                        number=1,
                        repeat=3,
                    )
                )
                per_combination = brute / report.combinations
            if n == SIZES[-1]:
                failures += seconds > TARGET_SECONDS
                assert per_combination is not None
                years = per_combination * report.combinations / (3600 * 24 * 365)
                print(
                    f"brute force (levels only) at {n} questions: about {years:,.0f} years "
                    f"({per_combination * 1e6:.1f} µs per combination, measured at {SIZES[0]})"
                )
        for plant, code in (("gap", "coverage.level"), ("overlap", "overlap.rule")):
            path = write(directory, f"{plant}.yaml", generate(SIZES[-1], plant=plant))
            seconds = min(timeit.repeat(lambda p=path: check_file(p, "en"), number=1, repeat=3))
            found = [f for f in check_file(path, "en").findings if f.code == code]
            where = f"{found[0].path} line {found[0].line}" if found else "NOT FOUND"
            print(f"planted {plant:<8} -> {code:<15} {where:<28} {seconds:.3f} s")
            failures += not found
        n = SIZES[-1]
        for kind, composite in (("plain", False), ("any/not", True)):
            path = write(directory, f"{kind[:3]}{n}.yaml", generate(n, composite=composite))
            seconds = min(timeit.repeat(lambda p=path: check_file(p, "en"), number=1, repeat=3))
            tracemalloc.start()
            report = check_file(path, "en")
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            print(
                f"{kind:<8} conditions at {n} questions: {seconds:.3f} s, peak {peak:.1f} MiB "
                f"traced, {report.pieces} pieces"
            )
            failures += seconds > TARGET_SECONDS
    print(
        f"target: {SIZES[-1]} questions checked in under {TARGET_SECONDS} s, plants found: "
        + ("met" if not failures else "MISSED")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
