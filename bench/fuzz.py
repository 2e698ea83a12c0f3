"""The long fuzz run: many more mutated rules files and answer sets than the test suite runs.

    python bench/fuzz.py                     # about 20,000 cases, a few minutes
    python bench/fuzz.py --cases 100000 --seed 7 --truncate-step 1

Every case must either load or be refused with located problems (rules: RulesError whose every
problem names the file and a line; answers: AnswerError with details), and no message may hold
a raw terminal control, direction override or invisible character. Anything else is printed
with its traceback and the run exits 1. The mutators are the ones tests/test_fuzz_rules.py uses.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ladder.answers import resolve
from ladder.errors import AnswerError, LadderError
from ladder.load.loader import load_rules
from tests.raw_controls import HOSTILE_CHARS, HOSTILE_TEXTS, raw_controls
from tests.test_files_hardening import read_as_answers, read_as_rules, special_files
from tests.test_fuzz_rules import SAMPLES, WRONG_VALUES, mutate, outcome

ANSWER_VALUES = [
    None,
    True,
    False,
    0,
    3.5,
    "",
    " ",
    "yes",
    "x" * 5000,
    "ü🙂",
    "a\x00b",
    [],
    ["views"],
    {},
    "views",
    "unit_development",
    "care_meeting",
    "weeks",
    "high",
    "\udcff",
    *HOSTILE_TEXTS,
    *(f"Diabetes{c}vård" for c in HOSTILE_CHARS),
]


def rules_cases(rng: random.Random, cases: int, step: int, counts: Counter[str]) -> None:
    for name, data in SAMPLES.items():
        for end in range(0, len(data), step if name != "mini" else 1):
            counts["rules " + outcome(data[:end])] += 1
    names = sorted(SAMPLES)
    for _ in range(cases):
        data = mutate(SAMPLES[rng.choice(names)], rng, rng.randint(1, 4))
        counts["rules " + outcome(data)] += 1


def answer_cases(rng: random.Random, cases: int, counts: Counter[str]) -> None:
    rules = [
        load_rules(ROOT / "data" / "ladder.yaml").rules,
        load_rules(ROOT / "examples" / "kronoberg.yaml").rules,
    ]
    keys = [q.id for q in rules[0].questions] + ["", "arean", "x" * 100, *HOSTILE_TEXTS]
    for _ in range(cases):
        answers = {
            rng.choice(keys): rng.choice(ANSWER_VALUES + WRONG_VALUES)
            for _ in range(rng.randint(0, 10))
        }
        for key in rng.sample(keys[:9], rng.randint(0, 9)):  # mostly valid options, some not
            options = [o.id for q in rules[0].questions if q.id == key for o in q.options]
            answers.setdefault(key, rng.choice([*options, "nope"]))
        try:
            resolve(rng.choice(rules), [answers], rng.choice(["sv", "en"]))
            counts["answers ok"] += 1
        except AnswerError as error:
            assert error.details, error.message
            assert not raw_controls("\n".join(error.details)), error.details
            counts["answers refused"] += 1


def file_cases(counts: Counter[str]) -> None:
    """Paths that are not plain files (pipes, devices, folders, link loops): each refused at
    once with the path named, as rules and as answers."""
    with tempfile.TemporaryDirectory() as folder:
        for kind, path in special_files(Path(folder) / "files").items():
            for reader in (read_as_rules, read_as_answers):
                try:
                    reader(path)
                except LadderError as error:
                    assert str(path) in error.message + "".join(error.details), kind
                    counts["files refused"] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cases", type=int, default=10_000, help="mutated rules files and answer sets each"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--truncate-step",
        type=int,
        default=97,
        help="truncate the shipped files every N bytes (mini.yaml: every byte)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    start = time.perf_counter()
    try:
        rules_cases(rng, args.cases, args.truncate_step, counts)
        answer_cases(rng, args.cases, counts)
        file_cases(counts)
    except BaseException:  # noqa: BLE001 - report any failure, then exit 1
        traceback.print_exc()
        print(f"FAILED after {sum(counts.values())} cases: {dict(counts)}", file=sys.stderr)
        return 1
    total = sum(counts.values())
    print(
        f"{total} cases in {time.perf_counter() - start:.0f} s, no traceback: "
        f"{dict(sorted(counts.items()))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
