"""The loader's reference checks are linear in the size of the rules file."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
import yaml

from ladder.load.references import find_reference_problems
from ladder.model import Rules

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _generated(questions: int) -> str:
    sys.path.insert(0, str(BENCH))
    try:
        from bench_refs import generate
    finally:
        sys.path.remove(str(BENCH))
    return generate(questions)


def _rules(text: str) -> Rules:
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Rules.model_validate(raw, strict=True)


@pytest.mark.parametrize("typos", [False, True], ids=["valid", "every-reference-unknown"])
def test_twenty_thousand_questions_are_checked_in_seconds(typos: bool) -> None:
    text = _generated(20_000)
    if typos:  # every `when` names a question that does not exist: a hint for each is costly
        text = text.replace("when: {x", "when: {y")
    rules = _rules(text)
    started = time.process_time()  # this process's CPU: other work on the machine adds none
    found = find_reference_problems(rules, "en")
    seconds = time.process_time() - started
    assert (len(found) > 9_000) if typos else not found
    assert seconds < 5, f"{seconds:.1f} s"  # about 0.5 s; quadratic checks took minutes
