"""Loading and validating rules files: every problem located, nothing unsafe executed."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from ladder.errors import RulesError
from ladder.load.loader import default_rules_path, find_rules, load_rules, parse_rules

from .conftest import DEFAULT_RULES, KRONOBERG_RULES, MINI_RULES, SHIPPED_RULES

MINI = MINI_RULES.read_text(encoding="utf-8")


def problems_of(text: str, lang: str = "en") -> list[str]:
    with pytest.raises(RulesError) as caught:
        parse_rules(text.encode("utf-8"), "rules.yaml", lang)
    return caught.value.details


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=lambda p: p.stem)
def test_shipped_rules_load_with_a_schema_line_and_their_hash(path: Path):
    loaded = load_rules(path)
    own = hashlib.sha256(path.read_bytes()).hexdigest()
    if path == KRONOBERG_RULES:  # an overlay of the default: its hash covers both files
        base = hashlib.sha256(DEFAULT_RULES.read_bytes()).hexdigest()
        expected = hashlib.sha256(f"ladder.overlay/1\n{own}\n{base}".encode()).hexdigest()
    else:
        expected = own
    assert loaded.info.sha256 == expected
    assert loaded.rules.languages == ["sv", "en"]
    assert [s.id for s in loaded.rules.steps] == [
        "information",
        "consultation",
        "dialogue",
        "influence",
        "co_determination",
    ]
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")


def test_the_default_interview_keeps_its_stable_ids():
    rules = load_rules(default_rules_path()).rules
    ids = {q.id: [o.id for o in q.options] for q in rules.questions}
    assert ids["arena"] == ["care_meeting", "unit_development", "system_wide"]
    assert ids["purpose"] == ["inform", "views", "discuss", "co_develop", "co_decide"]
    assert ids["mandate"] == ["none", "views", "alternatives", "co_develop", "decide"]
    assert ids["acceptance"] == ["low", "high"]
    assert ids["timeframe"] == ["weeks", "months", "longer"]
    assert ids["resources"] == ["none", "some", "ample"]
    assert ids["participants"] == [
        "own_patients",
        "condition_group",
        "general_public",
        "seldom_heard",
        "young_people",
    ]
    assert ids["patient_wish"] == ["be_informed", "be_consulted", "share_decisions"]
    assert ids["relatives"] == ["yes", "no"]
    for free in ("project", "decision_owner", "fixed", "feedback"):
        assert ids[free] == [] and not rules.question(free).required


def test_precedence_flag_then_environment_then_packaged(monkeypatch, tmp_path):
    assert find_rules(None) == default_rules_path()
    monkeypatch.setenv("LADDER_RULES", str(MINI_RULES))
    assert find_rules(None) == MINI_RULES
    assert find_rules(tmp_path / "x.yaml") == tmp_path / "x.yaml"


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("  id: test", "  idd: test", "idd: test", r"unknown key 'idd'; did you mean 'id'\?"),
        ("  caps:", "  capz:", "capz:", r"unknown key 'capz'; did you mean 'caps'\?"),
        (
            "mandate: personal",
            "mandate: persnal",
            "mandate: persnal",
            r"'personal' or 'organisational'",
        ),
        (
            "      step: consultation",
            "      step: consultaton",
            "step: consultaton",
            r"unknown step 'consultaton'; did you mean 'consultation'\?",
        ),
        (
            "    capped_by: [weeks]",
            "    capped_by: [weekz]",
            "capped_by: [weekz]",
            r"unknown cap 'weekz'; did you mean 'weeks'\?",
        ),
        (
            "    levels: [information]",
            "    levels: [informaton]",
            "levels: [informaton]",
            r"unknown step 'informaton'",
        ),
        (
            '      when: {weeks: ["yes"]}',
            '      when: {weeks: ["ja"]}',
            'weeks: ["ja"]',
            r"unknown option 'ja'",
        ),
        (
            '      when: {weeks: ["yes"]}',
            '      when: {wekes: ["yes"]}',
            "wekes:",
            r"unknown question 'wekes'; did you mean 'weeks'\?",
        ),
        (
            "      from: purpose",
            "      from: project",
            "from: project",
            r"'project' is a free-text question",
        ),
        (
            "map: {inform: information,",
            "map: {infrom: information,",
            "map: {infrom",
            r"unknown option 'infrom'; did you mean 'inform'\?",
        ),
        (
            "{sv: Vi lyssnar., en: We listen.}",
            "{sv: Vi lyssnar.}",
            "{sv: Vi lyssnar.}",
            r"lacks language 'en'",
        ),
        (
            "{sv: Enkät, en: Survey}",
            "{sv: Enkät, en: Survey, de: Umfrage}",
            "de: Umfrage",
            r"language 'de' is not listed",
        ),
        (
            "{sv: Broschyr, en: Leaflet}",
            "{sv: Broschyr, en: '  '}",
            "en: '  '",
            r"the text is empty",
        ),
        (
            "  - id: survey",
            "  - id: leaflet",
            "  - id: leaflet",
            r"id 'leaflet' is used twice",
        ),
        (
            "You wanted {target}",
            "You wanted {tagret}",
            "{tagret}",
            r"unknown placeholder '\{tagret\}'.*did you mean 'target'\?",
        ),
        (
            "Level: {level}. {promise}",
            "Level: {level}. {project}",
            '{project}"',
            r"placeholder '\{project\}' needs 'project' in given",
        ),
        (
            "Level: {level}. {promise}",
            "Level: {level. {promise}",
            "{level. {promise}",
            r"malformed template",
        ),
        ("version: 1", "version: 2", "version: 2", r"must be 1 \(got 2\)"),
    ],
)
def test_planted_defects_are_located(old, new, needle, expected):
    assert old in MINI, old
    text = MINI.replace(old, new, 1)
    problems = problems_of(text)
    line = line_of(text, needle, occurrence=2 if needle == "  - id: leaflet" else 1)
    assert any(p.startswith(f"rules.yaml:{line}:") and re.search(expected, p) for p in problems), (
        line,
        problems,
    )


def test_question_conditions_must_look_backwards():
    text = MINI.replace("  - id: purpose\n", '  - id: purpose\n    when: {weeks: ["yes"]}\n', 1)
    assert any("not asked before this one" in p for p in problems_of(text))


def test_every_problem_is_reported_at_once():
    text = MINI.replace("  id: test", "  idd: test").replace("mandate: personal", "mandate: x")
    assert len(problems_of(text)) == 3  # missing id, unknown idd, bad mandate


def test_messages_follow_the_language():
    text = MINI.replace("  caps:", "  capz:")
    assert any(
        "okänd nyckel 'capz'" in p and "menade du 'caps'" in p for p in problems_of(text, "sv")
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"version: 1\nsteps: [\n", r"^rules\.yaml:3:1: YAML syntax error"),
        (b"version: 1\n\tsteps: x\n", r"^rules\.yaml:2:1: YAML syntax error"),
        (b"- just\n- a list\n", r"^rules\.yaml:1: the file must be a YAML mapping"),
        (b"version: 1\nname: \xff\xfe\n", r"^rules\.yaml:2: the file is not UTF-8"),
        (b"", r"the file must be a YAML mapping"),
        (
            b"!!python/object/apply:os.system ['touch /tmp/ladder-pwned']\n",
            r"^rules\.yaml:1:1: YAML syntax error",
        ),
    ],
    ids=["unclosed", "tab", "list", "latin-1", "empty", "python-tag"],
)
def test_unreadable_files_are_located(data, expected):
    with pytest.raises(RulesError) as caught:
        parse_rules(data, "rules.yaml")
    assert any(re.search(expected, p) for p in caught.value.details), caught.value.details
    assert not Path("/tmp/ladder-pwned").exists()


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(RulesError, match="does not exist"):
        load_rules(tmp_path / "none.yaml")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (5 * 1024 * 1024 + 1))
    with pytest.raises(RulesError) as caught:
        load_rules(big)
    assert "largest accepted size" in caught.value.details[0]
    with pytest.raises(RulesError, match="cannot be read"):
        load_rules(tmp_path)


def test_malformed_properties_are_refused_by_the_loader():
    text = MINI + (
        "properties:\n"
        '  - id: capped\n    kind: at_most\n    from: weeks\n    map: {"yes": consultaton}\n'
        "    description: {sv: Tak., en: Cap.}\n"
        "  - id: bent\n    kind: monotone\n    question: project\n"
        "    description: {sv: Böjd., en: Bent.}\n"
    )
    problems = problems_of(text)
    assert any("unknown step 'consultaton'; did you mean 'consultation'" in p for p in problems)
    assert any("'project' is a free-text question" in p for p in problems)
