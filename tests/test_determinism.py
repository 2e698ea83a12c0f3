"""Determinism: the same rules and answers give byte-identical JSON, Markdown and YAML across
runs and across PYTHONHASHSEED values (Markdown dates come from SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import DIABETES, ROOT, answer_flags

# Hashes every rendering of a sample of the answer space, for both shipped rule sets.
DIGEST = """
import hashlib, itertools
from ladder.app import recommendation_for as recommend
from ladder.load.loader import load_rules
from ladder.app import format_recommendation
from ladder.check.answer_space import answer_space
digest = hashlib.sha256()
for path in ("data/ladder.yaml", "examples/kronoberg.yaml"):
    loaded = load_rules(path)
    for answers in itertools.islice(answer_space(loaded.rules), 0, None, 23):
        for lang in ("sv", "en"):
            rec = recommend(loaded, answers, lang)
            for fmt in ("json", "markdown", "yaml"):
                digest.update(format_recommendation(rec, fmt).encode())
print(digest.hexdigest())
"""


def run(args: list[str], seed: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1790000000", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, cwd=ROOT, env=env, timeout=120, check=False
    )


def test_every_format_is_identical_across_hash_seeds():
    digests = {run(["-c", DIGEST], seed).stdout for seed in ("0", "1", "4242")}
    assert len(digests) == 1 and len(next(iter(digests)).strip()) == 64, digests


def test_the_cli_writes_identical_bytes_across_runs(tmp_path):
    flags = [*answer_flags(DIABETES), "-a", "project=Diabetes", "--lang", "sv"]
    for fmt in ("json", "markdown", "yaml"):
        outputs = []
        for seed in ("0", "99"):
            out = tmp_path / f"{fmt}-{seed}"
            result = run(["-m", "ladder", "recommend", *flags, "-f", fmt, "-o", str(out)], seed)
            assert result.returncode == 0, result.stderr
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], fmt
        assert b"\r" not in outputs[0]
    assert b"2026-09-21" in (tmp_path / "markdown-0").read_bytes()
