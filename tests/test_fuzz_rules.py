"""Fuzzing the rules loader: every mutation of a shipped rules file either loads or is refused
with problems that each name the file and a line (exit 3 on the command line), never a crash.

The mutators are shared with `bench/fuzz.py`, which runs many more cases.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.app import recommendation_for as recommend
from ladder.check.checker import CheckReport, check_file, report_to_text
from ladder.errors import RulesError
from ladder.load.loader import Loader, default_rules_path, parse_rules
from ladder.output.record import to_markdown

from .conftest import DEFAULT_RULES, KRONOBERG_RULES, MINI_RULES
from .raw_controls import HOSTILE_CHARS, HOSTILE_TEXTS, raw_controls

NAME = "fuzzed.yaml"
SAMPLES = {p.stem: p.read_bytes() for p in (MINI_RULES, DEFAULT_RULES, KRONOBERG_RULES)}
WRONG_VALUES: list[Any] = [
    None,
    0,
    -1,
    2.5,
    True,
    "",
    "x" * 300,
    "ü🙂\u202e",
    [],
    ["a", 1],
    {},
    {"k": [None]},
]


def outcome(data: bytes, name: str = NAME) -> str:
    """'ok' or 'refused'; anything else (an exception that is not RulesError) fails the test."""
    try:
        parse_rules(data, name)
    except RulesError as error:
        assert error.problems, error.message
        # an overlay's problem may lie in the file it extends (Kronoberg: the default rules)
        files = {name, str(default_rules_path())} if b"extends:" in data else {name}
        for problem in error.problems:
            assert problem.file in files and problem.line >= 1, str(problem)
            assert problem.message.strip(), str(problem)
            assert not raw_controls(str(problem)), str(problem)  # echoed input is escaped
        return "refused"
    return "ok"


# Line mutators: (lines, rng) -> lines. Each models an editor's or a copy-paste accident.


def delete_line(lines: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(len(lines))
    return lines[:i] + lines[i + 1 :]


def duplicate_line(lines: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(len(lines))
    return lines[: i + 1] + lines[i:]


def swap_lines(lines: list[str], rng: random.Random) -> list[str]:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    out = list(lines)
    out[i], out[j] = out[j], out[i]
    return out


def reindent(lines: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(len(lines))
    line = lines[i]
    choice = rng.choice(["more", "less", "tab", "flush"])
    if choice == "more":
        line = " " * rng.randint(1, 4) + line
    elif choice == "less":
        line = line[rng.randint(1, 4) :] if line.startswith(" ") else line
    elif choice == "tab":
        line = "\t" + line.lstrip(" ")
    else:
        line = line.lstrip(" ")
    return [*lines[:i], line, *lines[i + 1 :]]


def random_unicode(lines: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(len(lines))
    line = lines[i]
    at = rng.randint(0, len(line))
    char = chr(
        rng.choice(
            [
                rng.randint(0, 0x1F),
                rng.randint(0x7F, 0x9F),
                rng.randint(0xA0, 0x2FFF),
                rng.randint(0xD800, 0xDFFF),
                rng.randint(0xE000, 0x10FFFF),
                ord(rng.choice(":-[]{}&*!|>'\"%@`#,?")),
            ]
        )
    )
    return [*lines[:i], line[:at] + char + line[at:], *lines[i + 1 :]]


def hostile_value(lines: list[str], rng: random.Random) -> list[str]:
    """A value, key or id of the line rewritten with terminal codes, a direction override, an
    invisible character or a format spec, as a YAML double-quoted string (escapes and all)."""
    i = rng.randrange(len(lines))
    line = lines[i].rstrip("\n")
    piece = rng.choice([*HOSTILE_TEXTS, *HOSTILE_CHARS])
    quoted = json.dumps(piece, ensure_ascii=rng.random() < 0.5)  # also valid YAML
    key, sep, value = line.partition(": ")
    if sep and rng.random() < 0.7:
        line = f"{key}: {quoted[:-1]}{value.strip(chr(34))}{quoted[-1]}"
    else:
        indent = len(line) - len(line.lstrip())
        line = f"{line[:indent]}{quoted}: {line[indent:]}"
    return [*lines[:i], line + "\n", *lines[i + 1 :]]


LINE_MUTATORS: list[Callable[[list[str], random.Random], list[str]]] = [
    delete_line,
    duplicate_line,
    swap_lines,
    reindent,
    random_unicode,
    hostile_value,
]


def mutate(data: bytes, rng: random.Random, count: int) -> bytes:
    lines = data.decode("utf-8").splitlines(keepends=True)
    for _ in range(count):
        lines = rng.choice(LINE_MUTATORS)(lines, rng) or lines
    # a lone surrogate becomes bytes that are not UTF-8
    return "".join(lines).encode("utf-8", errors="surrogatepass")


def leaf_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place a value sits in the parsed rules: mappings, lists and scalars alike."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += leaf_paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += leaf_paths(value, (*path, i))
    return found


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> bytes:
    import copy

    tree = copy.deepcopy(data)
    node = tree
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(tree, Dumper=dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


def test_truncation_at_every_position_of_a_sample():
    data = SAMPLES["mini"]
    results = [outcome(data[:end]) for end in range(len(data))]
    assert results.count("refused") > len(data) * 0.9
    assert outcome(data) == "ok"


def test_wrong_types_in_every_field_of_a_sample():
    tree = yaml.load(SAMPLES["mini"], Loader=Loader)
    paths = leaf_paths(tree)
    assert len(paths) > 150
    rng = random.Random(7)
    results = [outcome(replaced(tree, path, rng.choice(WRONG_VALUES))) for path in paths]
    assert results.count("refused") > len(paths) * 0.5
    # Every top-level key given a value of another type is refused (true is not version 1).
    for key in tree:
        for value in WRONG_VALUES:
            if type(value) is not type(tree[key]):
                assert outcome(replaced(tree, (key,), value)) == "refused", (key, value)


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_seeded_line_mutations(sample):
    rng = random.Random(f"ladder-{sample}")
    cases = 400 if sample == "mini" else 60
    results = [outcome(mutate(SAMPLES[sample], rng, rng.randint(1, 3))) for _ in range(cases)]
    assert len(results) == cases and "refused" in results


@settings(
    max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    at=st.integers(min_value=0, max_value=len(SAMPLES["mini"])),
    junk=st.binary(min_size=1, max_size=12)
    | st.text(min_size=1, max_size=6).map(lambda s: s.encode("utf-8", "surrogatepass")),
)
def test_random_bytes_spliced_in(at, junk):
    data = SAMPLES["mini"]
    outcome(data[:at] + junk + data[at:])


@settings(max_examples=100, derandomize=True, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_arbitrary_documents_are_refused_located(document):
    data = yaml.safe_dump(document, allow_unicode=True).encode("utf-8")
    assert outcome(data) == "refused"


def test_mutated_files_exit_3_on_the_command_line(cli, tmp_path):
    rng = random.Random(3)
    seen = 0
    while seen < 8:
        data = mutate(SAMPLES["mini"], rng, 2)
        if outcome(data) == "ok":
            continue
        bad = tmp_path / f"bad{seen}.yaml"
        bad.write_bytes(data)
        result = cli("recommend", "--rules", str(bad), "-a", "purpose=views")
        assert result.exit_code == 3, result.stderr
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert f"{bad}:" in result.stderr
        seen += 1


PLACES = [  # (text of mini.yaml to replace, what to put there; {} is the hostile text)
    ('en: "Project: {project}."', "en: {}"),
    ("en: Consultation}", "en: {}}"),
    ("  - name: short survey", "  - name: {}"),
    ("      from: purpose", "      from: {}"),
    ("    levels: [information]", "    levels: [{}]"),
    ("    - id: project\n", "    - id: project\n      {}: 1\n"),
]


@settings(max_examples=120, derandomize=True, deadline=None)
@given(
    place=st.sampled_from(PLACES),
    text=st.lists(
        st.sampled_from(HOSTILE_TEXTS) | st.sampled_from(HOSTILE_CHARS) | st.text(max_size=3),
        min_size=1,
        max_size=4,
    ).map("".join),
    ascii_only=st.booleans(),
)
def test_hostile_texts_and_format_specs_never_reach_the_output_raw(place, text, ascii_only):
    """Terminal codes, direction overrides and format specs in any text, id or key: the file
    loads or is refused located, `check` reports it without a raw control character, and a
    file that loads recommends without a crash."""
    old, new = place
    source = SAMPLES["mini"].decode("utf-8")
    assert old in source
    quoted = json.dumps(text, ensure_ascii=ascii_only)  # a YAML double-quoted string too
    data = source.replace(old, new.replace("{}", quoted), 1).encode("utf-8", "surrogatepass")
    if outcome(data) == "ok":
        loaded = parse_rules(data, NAME)
        answers = {"purpose": "views", "weeks": "no", "project": "Diabetes"}
        to_markdown(recommend(loaded, answers, "en"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / NAME
        path.write_bytes(data)
        report = report_to_text(CheckReport([check_file(path, "en")]), "en")
    assert not raw_controls(report), report
