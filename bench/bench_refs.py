"""Time the loader's checks on a rules file with many questions (the reference checks scale).

The file is tests/fixtures/mini.yaml with N questions of two options added, each asked only when
the one before it was answered a, and referred to by a cap and a structure, so every question
is looked up by the checks. 20,000 questions make about 4.7 MB, under the 5 MB limit.

    python bench/bench_refs.py                 # N = 1,250 ... 20,000
    python bench/bench_refs.py 20000 --write /tmp/refs20000.yaml
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ladder.load.loader import parse_rules
from ladder.load.references import find_reference_problems

MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
H, A, B = "{sv: H, en: H}", "{sv: A, en: A}", "{sv: B, en: B}"


def generate(questions: int) -> str:
    """mini.yaml with `questions` chained yes/no questions after its own."""
    text = MINI.read_text(encoding="utf-8")
    added, caps, structures = [], [], []
    previous, given = "weeks", "project"
    for i in range(questions):
        q = f"x{i}"
        if i % 2:  # a free-text question, which a structure needs as `given`
            added.append(f"  - {{id: {q}, kind: text, text: {{sv: F?, en: Q?}}, help: {H}}}\n")
            given = q
            continue
        when = '["yes"]' if i == 0 else "[a]"
        added.append(
            f"  - {{id: {q}, text: {{sv: F?, en: Q?}}, help: {H}, when: {{{previous}: {when}}}, "
            f"options: [{{id: a, text: {A}, help: {A}}}, {{id: b, text: {B}, help: {B}}}]}}\n"
        )
        if i % 10 == 0:
            caps.append(
                f"    - {{id: cap_{q}, when: {{{q}: [b]}}, step: consultation, "
                f'because: {{sv: "Tak {{step}}.", en: "Cap {{step}}."}}}}\n'
            )
            structures.append(
                f"  - {{id: s_{q}, when: {{{q}: [a]}}, given: [{given}], mandate: personal, "
                f"name: {A}, description: {A}, how: {A}}}\n"
            )
        previous = q
    text = text.replace("\nlevel:\n", "\n" + "".join(added) + "level:\n", 1)
    text = text.replace("\nmandate_types:\n", "\n" + "".join(caps) + "mandate_types:\n", 1)
    return text.replace("\nmethods:\n", "\n" + "".join(structures) + "methods:\n", 1)


def load_seconds(text: str) -> tuple[float, float]:
    """Seconds to parse and validate `text` in this process (the rules cache off), and the
    share of that spent in the reference checks."""
    os.environ["LADDER_NO_CACHE"] = "1"
    started = time.perf_counter()
    rules = parse_rules(text.encode("utf-8"), "generated.yaml").rules
    total = time.perf_counter() - started
    started = time.perf_counter()
    find_reference_problems(rules, "en")
    return total, time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=int, nargs="*", default=[1250, 2500, 5000, 10000, 20000])
    parser.add_argument("--write", type=Path, help="also write the last file generated here")
    args = parser.parse_args(argv)
    print("| questions | MB | load s | of which reference checks s |")
    print("|---|---|---|---|")
    for n in args.questions:
        text = generate(n)
        total, refs = load_seconds(text)
        print(f"| {n:,} | {len(text.encode()) / 1e6:.1f} | {total:.2f} | {refs:.2f} |", flush=True)
    if args.write:
        args.write.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
