"""Terminal escapes and display tricks from input: echoed escaped, refused in rules texts and
in free-text answers."""

from __future__ import annotations

import json

import pytest

from ladder.io.untrusted import first_invisible, shown

from .conftest import DIABETES, MINI_RULES, answer_flags
from .raw_controls import raw_controls

CLEAR = "\x1b[2J\x1b[31mALL CHECKS PASSED"  # clears the screen, then prints in red
CSI = "\x9b2J"  # the same with the one-byte C1 introducer
RLO = "nej\u202e"  # right-to-left override: the rest of the line displays reversed


def test_shown_escapes_what_a_terminal_would_obey():
    assert shown(CLEAR) == "\\x1b[2J\\x1b[31mALL CHECKS PASSED"
    assert shown(CSI) == "\\x9b2J"
    assert shown(RLO) == "nej\\u202e"
    assert shown("a\nb\u2028c\udc80") == "a\\x0ab\\u2028c\\udc80"
    assert shown("\U000e0041") == "\\U000e0041"  # a tag character
    assert shown("Region Kronoberg: vårdmöte, 🙂") == "Region Kronoberg: vårdmöte, 🙂"


@pytest.mark.parametrize(
    "char",
    [
        "\u2060",
        "\u2064",
        "\u00ad",
        "\u180e",
        "\U000e0041",
        "\ufff9",
        "\u2028",
        "\u2029",
        "\ufffe",
        "\ufdd0",
        "\U0010ffff",
    ],
)
def test_every_format_separator_and_noncharacter_is_found(char):
    assert first_invisible(f"ok {char} ok") == f"U+{ord(char):04X}"


@pytest.mark.parametrize(
    "char", ["\u202a", "\u202e", "\u2066", "\u2069", "\u200b", "\u200f", "\u061c", "\ufeff"]
)
def test_first_invisible_finds_each_class(char):
    assert first_invisible(f"ok {char} ok") == f"U+{ord(char):04X}"
    assert first_invisible("ok\nok\t") is None


def _mini(tmp_path, old: str, new: str):
    text = MINI_RULES.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "rules.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_an_example_name_with_terminal_codes_is_a_located_error(cli, tmp_path):
    rules = _mini(tmp_path, "  - name: short survey", '  - name: "\\e[2J\\e[31mALL CHECKS PASSED"')
    result = cli("check", str(rules))
    assert result.exit_code == 3
    assert not raw_controls(result.stdout)
    line = _line_of(rules, "ALL CHECKS")
    assert f"{rules}:{line}:" in result.stdout
    assert "examples[0].name" in result.stdout


@pytest.mark.parametrize("char", ["\\u202e", "\\u2067", "\\u200b", "\\u061c", "\\ufeff"])
@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("en: Consultation}", 'en: "Consul{c}tation"}', "steps[consultation].name.en"),
        ('en: "Only weeks?"', 'en: "Only{c} weeks?"', "questions[weeks].text.en"),
        ("en: Timeframe.}", 'en: "Time{c}frame."}', "questions[weeks].help.en"),
        ("  - name: short survey", '  - name: "short {c}survey"', "examples[0].name"),
        ("languages: [sv, en]", 'languages: [sv, en, "e{c}n"]', "languages[2]"),
    ],
)
def test_direction_and_invisible_characters_are_refused_in_rules_texts(
    cli, tmp_path, char, old, new, where
):
    rules = _mini(tmp_path, old, new.replace("{c}", char))
    result = cli("check", str(rules))
    assert result.exit_code == 3, result.stdout
    assert where in result.stdout
    assert f"U+{char[2:].upper()}" in result.stdout
    assert f"{rules}:{_line_of(rules, char)}:" in result.stdout
    assert not raw_controls(result.stdout)
    recommend = cli("recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no")
    assert recommend.exit_code == 3
    assert where in recommend.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("version: 1\n", 'version: 1\n"\\e[2J": 1\n'),  # an unknown key
        ("levels: [information]", 'levels: ["\\e[2J", "\\x9b2J"]'),  # an unknown step
        ('when: {weeks: ["yes"]}', 'when: {"\\e[2J\\u202e": ["yes"]}'),  # an unknown question
        (
            "  name: {sv: Testregionen",
            '  "\\e]0;x\\a": 1\n  "\\e]0;x\\a": 2\n  name: {sv: Testregionen',
        ),
        ("languages: [sv, en]", 'languages: [sv, en, "\\e[2J"]'),
    ],
    ids=["key", "step", "question", "duplicate-key", "language"],
)
def test_what_check_echoes_from_a_rules_file_is_escaped(cli, tmp_path, old, new):
    rules = _mini(tmp_path, old, new)
    for args in (["check", str(rules)], ["check", "--format", "json", str(rules)]):
        result = cli(*args)
        assert result.exit_code == 3
        assert not raw_controls(result.stdout), result.stdout
        assert "\\x1b" in result.stdout or "\\\\x1b" in result.stdout  # shown, not dropped
    result = cli("recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no")
    assert result.exit_code == 3
    assert not raw_controls(result.stderr)


@pytest.mark.parametrize(
    "flag",
    [
        f"{CLEAR}=x",  # an unknown question
        f"arena={CLEAR}",  # an unknown option
        f"arena={CSI}",
        f"arena=care_meeting{RLO}",
        CLEAR,  # not KEY=VALUE
    ],
)
def test_unknown_keys_and_options_are_echoed_escaped(cli, flag):
    result = cli("recommend", *answer_flags(DIABETES), "-a", flag)
    assert result.exit_code == 4
    assert not raw_controls(result.stderr)
    assert "\\x1b" in result.stderr or "\\x9b" in result.stderr or "\\u202e" in result.stderr


def test_an_answer_given_twice_is_echoed_escaped(cli):
    result = cli("recommend", "-a", f"project={CLEAR}", "-a", "project=other")
    assert result.exit_code == 4
    assert not raw_controls(result.stderr)


def test_an_answers_file_key_is_echoed_escaped(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text('"\\e[2J\\u202eclear": x\narena: "\\x9b2J"\n', encoding="utf-8")
    result = cli("recommend", "--answers", str(answers))
    assert result.exit_code == 4
    assert not raw_controls(result.stderr)
    assert "\\x1b[2J\\u202eclear" in result.stderr


def test_batch_error_cells_hold_no_terminal_codes(cli, tmp_path):
    rows = tmp_path / "rows.jsonl"
    row = {"id": "r1", **DIABETES, "\x1b[2J": "x", "arena": CSI}
    rows.write_text(json.dumps(row) + "\n", encoding="utf-8")
    for fmt in ("csv", "jsonl"):
        result = cli("batch", str(rows), "--format", fmt)
        assert result.exit_code == 4
        assert not raw_controls(result.stdout), result.stdout
        assert not raw_controls(result.stderr)


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u200e", "\u061c", "\ufeff"])
def test_free_text_with_direction_or_invisible_characters_is_refused(cli, char):
    owner = f"verksamhetschefen, i juni 2026{char}7202 inuj"
    result = cli("recommend", *answer_flags(DIABETES), "-a", f"decision_owner={owner}")
    assert result.exit_code == 4
    assert "decision_owner" in result.stderr
    assert f"U+{ord(char):04X}" in result.stderr
    assert not raw_controls(result.stderr)


def test_a_file_name_with_terminal_codes_is_echoed_escaped(cli, tmp_path):
    """The last guard: every line of a failure on stderr, and of check's report."""
    missing = tmp_path / f"{CLEAR}.yaml"
    check = cli("check", str(missing))
    recommend = cli("recommend", "--rules", str(missing), *answer_flags(DIABETES))
    assert check.exit_code == 3 and recommend.exit_code == 3
    assert not raw_controls(check.stdout) and not raw_controls(recommend.stderr)
    assert "\\x1b[2J" in check.stdout and "\\x1b[2J" in recommend.stderr


HOSTILE_NAME = "r\x1b[31m\u202e"
CARE_FLAGS = answer_flags(
    {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "no"}
)


def test_file_names_are_echoed_escaped_on_success_too(cli, tmp_path):
    """Not only errors: the rules path in every format, the line that says where a file was
    written, and the names in diff's summary are shown without terminal codes."""
    rules = tmp_path / f"{HOSTILE_NAME}.yaml"
    rules.write_bytes(MINI_RULES.read_bytes())
    out = tmp_path / f"{HOSTILE_NAME}.md"
    mini = ["-a", "purpose=views", "-a", "weeks=no"]
    runs = [
        cli("recommend", "--rules", str(rules), *mini),
        cli("recommend", "--rules", str(rules), *mini, "-f", "markdown"),
        cli("recommend", "--rules", str(rules), *mini, "-o", str(out)),
        cli("diff", str(rules), str(MINI_RULES)),
    ]
    for result in runs:
        assert result.exit_code == 0, result.stderr
        assert raw_controls(result.stdout + result.stderr) == []
    assert out.exists() and "\\x1b" in runs[2].stderr


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_an_id_with_terminal_codes_is_that_rows_error(cli, tmp_path, suffix):
    source = tmp_path / f"rows{suffix}"
    answers = {"arena": "care_meeting", "patient_wish": "be_informed", "relatives": "no"}
    ids = ["\x1b[2J", "a\u202eb", "ok"]
    if suffix == ".jsonl":
        source.write_text("".join(json.dumps({"id": i, **answers}) + "\n" for i in ids), "utf-8")
    else:
        lines = ["id," + ",".join(answers), *(f"{i}," + ",".join(answers.values()) for i in ids)]
        source.write_text("\n".join(lines) + "\n", "utf-8")
    for fmt in ("csv", "jsonl"):
        done = cli("batch", str(source), "-f", fmt)
        assert done.exit_code == 4 and raw_controls(done.stdout + done.stderr) == []
        assert "U+001B" in done.stdout and "U+202E" in done.stdout
        assert (",ok," if fmt == "csv" else '"id":"ok"') in done.stdout  # the good row stays
