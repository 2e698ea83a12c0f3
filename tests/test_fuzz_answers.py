"""Fuzzing answers from -a, --answers FILE (YAML and JSON): every outcome is a recommendation or
exit 4 with a message naming the question or the file, never a crash."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.answers import parse_pairs, read_answers_file, resolve
from ladder.errors import AnswerError
from ladder.io.untrusted import shown

from .conftest import DIABETES, ROOT, answer_flags
from .raw_controls import HOSTILE_CHARS, HOSTILE_TEXTS, raw_controls

QUESTIONS = [
    *list(DIABETES),
    "patient_wish",
    "relatives",
    "project",
    "decision_owner",
    "fixed",
    "feedback",
]
FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Text with terminal codes, direction overrides and invisible characters mixed in.
hostile_text = st.lists(
    st.sampled_from(HOSTILE_TEXTS) | st.sampled_from(HOSTILE_CHARS) | st.text(max_size=4),
    max_size=4,
).map("".join)
keys = st.sampled_from(QUESTIONS) | st.text(max_size=12) | hostile_text
values = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | hostile_text
    | hostile_text.map(lambda s: f"Diabetes {s} vård")
    | st.sampled_from(["", " ", "yes", "no", "x" * 5000, "unit_development\x00", "views\n"])
    | st.lists(st.text(max_size=5), max_size=3)
    | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
)


def resolved_or_refused(rules, sources) -> str:
    try:
        resolve(rules, sources, "en")
    except AnswerError as error:
        text = "\n".join([error.message, *error.details])
        assert error.details and all(d.strip() for d in error.details), text
        assert not raw_controls(text), text  # what is echoed is shown escaped
        return "refused"
    return "ok"


@FUZZ
@given(answers=st.dictionaries(keys, values, max_size=8))
def test_any_answers_mapping_resolves_or_names_the_question(default_rules, answers):
    base = {**DIABETES}
    outcome = resolved_or_refused(default_rules.rules, [answers, base])
    if outcome == "refused":
        try:
            resolve(default_rules.rules, [answers, base], "en")
        except AnswerError as error:
            named = [
                k
                for k in answers
                if any(f" {k}" in d or f"'{k}'" in d or f"'{shown(k)}'" in d for d in error.details)
            ]
            assert named, error.details


@FUZZ
@given(
    pairs=st.lists(
        st.text(max_size=40)
        | hostile_text
        | st.builds(lambda k, v: f"{k}={v}", keys, st.text(max_size=20) | hostile_text),
        max_size=6,
    )
)
def test_any_flag_strings_parse_or_refuse(default_rules, pairs):
    try:
        parsed = parse_pairs(pairs, "en")
    except AnswerError as error:
        assert error.details
        assert not raw_controls("\n".join(error.details)), error.details
        return
    resolved_or_refused(default_rules.rules, [parsed])


CASES = {
    # a bare yes answers only a question whose options are yes/no (test_answer_matching.py)
    "bare yes": ("arena: yes\n", "arena"),
    "number": ("arena: 3\n", "arena"),
    "list": ("arena: [care_meeting]\n", "arena"),
    "null": ("arena:\n", "arena"),
    "empty string": ("arena: ''\n", "arena"),
    "unknown key": ("arean: care_meeting\n", "arean"),
    "unknown value": ("arena: care\n", "arena"),
    "duplicate key": ("arena: care_meeting\narena: system_wide\n", "arena"),
    "huge string": (
        "arena: care_meeting\npatient_wish: share_decisions\nrelatives: 'no'\nproject: "
        + "x" * 20_000
        + "\n",
        "project",
    ),
    "control char": (
        'arena: care_meeting\npatient_wish: share_decisions\nrelatives: "no"\n'
        + 'project: "a\\x07b"\n',
        "project",
    ),
    "date": ("arena: 2024-13-01\n", "answers.yaml:1:8"),
    "a real date": (
        "arena: unit_development\ndecision_owner: 2026-06-01\n",
        'not a date; write the value in quotes: "2026-06-01"',
    ),
    "binary": ("arena: unit_development\nproject: !!binary aGk=\n", "not binary data"),
    "python tag": ("arena: !!python/name:os.system\n", "answers.yaml:1:8"),
    "not utf-8": (b"arena: care_meeting\nproject: \xff\n", "answers.yaml:2"),
    "nul": ("arena: care\x00meeting\n", "answers.yaml:1"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_answers_files_exit_4_naming_the_question(cli, tmp_path, name):
    content, named = CASES[name]
    file = tmp_path / "answers.yaml"
    file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = cli("recommend", "--answers", str(file), "-f", "json")
    assert result.exit_code == 4, (result.exit_code, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert named in result.stderr


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('{"arena": ' + "1" * 5000 + "}", "answers.json"),
        ('{"arena": "care_meeting", "arena": 1}', "arena"),
        ('{"arena": [', "answers.json:1:"),
        ("[1, 2]", "must be a mapping"),
        ("null", "arena"),
    ],
)
def test_bad_json_answers_files(cli, tmp_path, content, named):
    file = tmp_path / "answers.json"
    file.write_text(content, encoding="utf-8")
    result = cli("recommend", "--answers", str(file))
    assert result.exit_code == 4 and named in result.stderr, result.stderr


def test_yaml_duplicate_keys_do_not_pick_one_silently(tmp_path):
    """A file answering a question twice is a mistake to show, not a coin to toss."""
    file = tmp_path / "answers.yaml"
    file.write_text("arena: care_meeting\narena: system_wide\n", encoding="utf-8")
    with pytest.raises(AnswerError, match=r"answers\.yaml:2:1.*arena"):
        read_answers_file(file, "en")


def test_undecodable_argv_bytes_are_refused_not_written():
    """Bytes that are not UTF-8 on the command line never reach an output file."""
    flags = [
        *answer_flags(
            {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}
        )
    ]
    argv = [os.fsencode(a) for a in ["recommend", *flags, "-f", "json"]] + [
        b"-a",
        b"project=\xff\xfe",
    ]
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"ladder", *argv],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
        check=False,
    )
    assert result.returncode == 4 and result.stdout == b""
    assert b"project is not valid UTF-8" in result.stderr


def test_random_answer_files_from_a_seed(cli, tmp_path):
    rng = random.Random(11)
    pool = [
        *DIABETES.items(),
        ("relatives", True),
        ("arena", None),
        ("purpose", 3),
        ("x", "y"),
        ("project", "ü" * 1001),
        ("mandate", ["views"]),
        ("timeframe", "Weeks"),
    ]
    for i in range(12):
        answers = dict(rng.sample(pool, rng.randint(0, len(pool))))
        file = tmp_path / f"a{i}.json"
        file.write_text(json.dumps(answers), encoding="utf-8")
        result = cli("recommend", "--answers", str(file), "-f", "json")
        assert result.exit_code in (0, 4) and "Traceback" not in result.stderr
        if result.exit_code == 4:
            assert result.stdout == ""


@FUZZ
@given(
    answers=st.dictionaries(st.sampled_from(sorted(DIABETES)), st.text(max_size=8), min_size=1),
    again=st.data(),
)
def test_a_key_twice_in_json_answers_is_always_refused_where_it_stands(tmp_path, answers, again):
    """Whatever the values, a JSON answers file that gives a key twice is refused at the second
    key (JSON alone would keep the last), as a YAML file is."""
    key = again.draw(st.sampled_from(sorted(answers)))
    body = ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in answers.items())
    file = tmp_path / "answers.json"
    file.write_text("{" + body + f",\n {json.dumps(key)}: {json.dumps(answers[key])}}}", "utf-8")
    with pytest.raises(AnswerError) as caught:
        read_answers_file(file, "en")
    assert "answers.json:2:" in str(caught.value) and key in str(caught.value)


@pytest.mark.parametrize("number", ["1" * 5000, "1e999", "-1e999"])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_number_no_answer_can_be_is_refused_where_it_stands(tmp_path, number, lang):
    """Python's reader refuses 5,000 digits in its own English and reads 1e999 as infinity,
    which is not JSON; both are refused here, located, in the chosen language."""
    from ladder.i18n.messages import t

    file = tmp_path / "answers.json"
    file.write_text('{"arena":\n  ' + number + "}", encoding="utf-8")
    with pytest.raises(AnswerError) as caught:
        read_answers_file(file, lang)
    shown_as = number if len(number) <= 20 else number[:16] + "…"
    assert "answers.json:2:3" in str(caught.value)
    assert t("json.long_number", lang, value=shown_as) in str(caught.value)


def test_a_json_answers_file_may_start_with_a_byte_order_mark(tmp_path):
    file = tmp_path / "answers.json"
    file.write_bytes(b'\xef\xbb\xbf{"arena": "care_meeting"}')
    assert read_answers_file(file, "en") == {"arena": "care_meeting"}
