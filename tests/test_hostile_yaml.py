"""Hostile YAML in rules and answers files: nothing runs, bombs and deep nesting are refused
fast with bounded memory, oversized files are refused before they are read."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from ladder.answers import read_answers_file
from ladder.errors import AnswerError, RulesError
from ladder.i18n.messages import t
from ladder.load import loader as rules_module
from ladder.load.loader import MAX_YAML_DEPTH, MAX_YAML_NODES, check_yaml_limits, parse_rules

from .conftest import ROOT

PWNED = Path("/tmp/ladder-hostile-pwned")
PYTHON_TAGS = [
    f"!!python/object/apply:os.system ['touch {PWNED}']",
    f"version: !!python/object/apply:subprocess.check_output [['touch', '{PWNED}']]",
    "version: !!python/object/new:os.system ['true']",
    "version: !!python/name:os.system",
    "version: !!python/module:os",
    "version: !!python/tuple [1, 2]",
]


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + f"\nversion: *a{levels - 1}\n"


def measured(action):
    """(seconds, peak bytes allocated by Python) of `action`."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        action()
    finally:
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return elapsed, peak


@pytest.mark.parametrize("text", PYTHON_TAGS)
def test_python_tags_are_a_yaml_error_and_nothing_runs(text, tmp_path):
    PWNED.unlink(missing_ok=True)
    with pytest.raises(RulesError) as caught:
        parse_rules(text.encode(), "rules.yaml")
    assert any("rules.yaml:1:" in d and "YAML syntax error" in d for d in caught.value.details)
    answers = tmp_path / "answers.yaml"
    answers.write_text(text.replace("version", "arena"), encoding="utf-8")
    with pytest.raises(AnswerError, match=r"answers\.yaml:1:\d+ cannot be read"):
        read_answers_file(answers, "en")
    assert not PWNED.exists()


def test_billion_laughs_rules_refused_fast_with_little_memory():
    text = billion_laughs()

    def refuse() -> None:
        with pytest.raises(RulesError):
            parse_rules(text.encode(), "bomb.yaml")

    elapsed, peak = measured(refuse)
    with pytest.raises(RulesError) as caught:
        parse_rules(text.encode(), "bomb.yaml")
    assert elapsed < 1.0 and peak < 20 * 1024 * 1024, (elapsed, peak)
    [problem] = caught.value.problems
    assert problem.line >= 2 and "alias bomb" in problem.message


def test_billion_laughs_answers_refused(tmp_path):
    file = tmp_path / "bomb.yaml"
    file.write_text(billion_laughs().replace("version", "arena"), encoding="utf-8")

    def refuse() -> None:
        with pytest.raises(AnswerError):
            read_answers_file(file, "sv")

    elapsed, peak = measured(refuse)
    assert elapsed < 1.0 and peak < 20 * 1024 * 1024, (elapsed, peak)
    with pytest.raises(AnswerError, match=r"bomb\.yaml:\d+:\d+ kan inte läsas: alias"):
        read_answers_file(file, "sv")


def test_a_wide_merge_key_bomb_is_counted_too():
    lines = ["a0: &a0 {" + ", ".join(f"k{k}: lol" for k in range(9)) + "}"]
    lines += [f"a{i}: &a{i} {{<<: [{', '.join([f'*a{i - 1}'] * 9)}]}}" for i in range(1, 9)]
    with pytest.raises(RulesError) as caught:
        parse_rules("\n".join(lines).encode(), "merge.yaml")
    assert "alias bomb" in caught.value.details[0]


def test_limits_are_exact():
    check_yaml_limits("v: " + "[" * (MAX_YAML_DEPTH - 1) + "]" * (MAX_YAML_DEPTH - 1), "en")
    with pytest.raises(Exception, match="deeper than"):
        check_yaml_limits("v: " + "[" * MAX_YAML_DEPTH + "]" * MAX_YAML_DEPTH, "en")
    items = MAX_YAML_NODES - 2  # the root mapping, the key and the list hold the rest
    check_yaml_limits("a: &a [x]\nb: [" + ", ".join(["*a"] * (items // 2 - 2)) + "]", "en")


# Deep nesting crashed the C composer (a segmentation fault), so these run in a child process.
DEEP = {
    "flow": "version: " + "[" * 200_000 + "]" * 200_000 + "\n",
    "flow-map": "version: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n",
    "block": "version:\n" + "".join(" " * i + "a:\n" for i in range(1, 1000)) + " " * 1000 + "x\n",
    "dashes": "- " * 100_000 + "x\n",
}


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_deep_nesting_is_refused_without_a_crash(kind, tmp_path):
    rules = tmp_path / "deep.yaml"
    rules.write_text(DEEP[kind], encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text(DEEP[kind].replace("version", "arena"), encoding="utf-8")
    for args, code in ((["--rules", str(rules)], 3), (["--answers", str(answers)], 4)):
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "ladder", "recommend", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        assert time.perf_counter() - start < 15
        assert result.returncode == code, result.stderr
        assert "deeper than 64 levels" in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""


PARSERS = sorted({yaml.SafeLoader, rules_module.Loader}, key=lambda loader: loader.__name__)


@pytest.mark.parametrize("loader", PARSERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("depth", [MAX_YAML_DEPTH + 1, 999, 1001, 5000, 200_000])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_nesting_is_refused_in_ladders_words_whichever_parser_reads(
    loader, depth, lang, monkeypatch
):
    """libyaml 0.2.6 refuses 1,000 flow levels itself, before the walk sees them; the message
    and its place are still ladder's own, in the chosen language, for every parser and depth."""
    monkeypatch.setattr(rules_module, "Loader", loader)
    text = "version: " + "[" * depth + "]" * depth + "\n"
    start = time.perf_counter()
    with pytest.raises(RulesError) as caught:
        parse_rules(text.encode(), "deep.yaml", lang)
    assert time.perf_counter() - start < 5
    [problem] = caught.value.problems
    assert problem.message == t("yaml.limit", lang, problem=too_deep(lang))
    # the bracket that opens level 65 (the root mapping is the first level)
    assert (problem.line, problem.column) == (1, len("version: ") + MAX_YAML_DEPTH)


def too_deep(lang: str) -> str:
    return t("yaml.too_deep", lang, limit=MAX_YAML_DEPTH)


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_deep_nesting_is_refused_in_swedish_from_the_cli(kind, tmp_path):
    rules = tmp_path / "deep.yaml"
    rules.write_text(DEEP[kind], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ladder", "recommend", "--lang", "sv", "--rules", str(rules)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert re.search(rf"deep\.yaml:\d+:\d+: .*{re.escape(too_deep('sv'))}", result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_an_ordinary_syntax_error_is_not_taken_for_nesting():
    with pytest.raises(RulesError) as caught:
        parse_rules(b"version: 1\nregion: [a, b\n", "broken.yaml")
    [problem] = caught.value.problems
    assert too_deep("en") not in problem.message and problem.line >= 2


def test_deep_json_answers_refused(tmp_path):
    file = tmp_path / "answers.json"
    file.write_text('{"arena": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(AnswerError, match="nested too deeply"):
        read_answers_file(file, "en")


def test_oversized_files_are_refused_before_reading(cli, tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:  # sparse: a refused file is never read into memory
        handle.truncate(64 * 1024 * 1024)
    elapsed, peak = measured(lambda: cli("recommend", "--rules", str(big)))
    result = cli("recommend", "--rules", str(big))
    assert result.exit_code == 3 and "largest accepted size is 5242880 bytes" in result.stderr
    assert elapsed < 2 and peak < 5 * 1024 * 1024, (elapsed, peak)
    result = cli("recommend", "--answers", str(big))
    assert result.exit_code == 4 and str(big) in result.stderr


def test_oversized_bytes_refused_by_parse_rules():
    with pytest.raises(RulesError, match="invalid"):
        parse_rules(b"#" * (5 * 1024 * 1024 + 1), "big.yaml")
