"""The command line: exit codes, stdout and stderr apart, the output formats and safe writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from ladder import engine
from ladder.load.loader import load_rules

from .conftest import (
    APP_HELP,
    DIABETES,
    KRONOBERG_RULES,
    MINI_RULES,
    ROOT,
    SMALL_RULES,
    answer_flags,
)

CARE = {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "yes"}


def test_recommend_text_shows_the_staircase_and_every_section(cli):
    result = cli("recommend", *answer_flags(DIABETES))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert result.stderr == ""
    assert "◀ recommended" in out and "Consultation" in out
    marked = [line for line in out.splitlines() if "◀" in line]
    assert len(marked) == 1 and "Consultation" in marked[0]
    for heading in (
        "Recommended level",
        "What we promise",
        "Who takes part",
        "Methods",
        "Watch out",
        "Why",
    ):
        assert heading in out
    assert "\x1b[" not in out  # no escape codes when stdout is not a terminal


def test_recommend_in_swedish(cli):
    result = cli("recommend", "--lang", "sv", *answer_flags(DIABETES))
    assert result.exit_code == 0
    assert "Rekommenderad nivå: Konsultation" in result.stdout
    assert "Vilka som är med" in result.stdout


def test_json_follows_the_contract(cli):
    result = cli("recommend", "-f", "json", *answer_flags(DIABETES))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == [
        "schema",
        "rules",
        "lang",
        "answers",
        "level",
        "recruitment",
        "methods",
        "expectations",
        "warnings",
        "trace",
        "invitation",
        "staff_notes",
        "gaps",
    ]
    assert data["schema"] == "ladder.recommendation/1"
    assert data["invitation"]["text"] == data["expectations"] != ""
    assert all(isinstance(note, str) and note for note in data["staff_notes"])
    assert set(data["rules"]) >= {"path", "sha256", "version"}
    assert data["answers"] == DIABETES
    assert data["level"]["id"] == "consultation" and data["level"]["rank"] == 2
    assert all(s["mandate"] in ("personal", "organisational") for s in data["recruitment"])
    assert all({"id", "name", "how"} <= set(m) for m in data["methods"])
    assert all({"rule", "effect", "because"} <= set(x) for x in data["trace"])
    assert {w["id"] for w in data["warnings"]} >= {"purpose_above_mandate"}


def test_yaml_is_the_same_data_as_json(cli):
    as_json = json.loads(cli("recommend", "-f", "json", *answer_flags(CARE)).stdout)
    as_yaml = yaml.safe_load(cli("recommend", "-f", "yaml", *answer_flags(CARE)).stdout)
    assert as_yaml == as_json


def test_markdown_is_a_decision_record(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    flags = [*answer_flags(DIABETES), "-a", "project=Diabetes pathway"]
    result = cli("recommend", "-f", "markdown", *flags)
    assert result.exit_code == 0
    md = result.stdout
    data = json.loads(cli("recommend", "-f", "json", *flags).stdout)
    assert md.startswith("# Decision record")
    assert "2026-09-21" in md
    assert data["rules"]["sha256"] in md
    arena = load_rules().rules.question("arena").text["en"]
    assert f"| {arena} | " in md
    assert "Diabetes pathway" in md
    assert data["expectations"].split("\n\n")[0] in md


def test_answers_file_and_flags_win(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("LADDER_RULES", str(SMALL_RULES))
    capped = {"place": "unit", "purpose": "discuss", "acceptance": "low", "time": "weeks"}
    file = tmp_path / "answers.yaml"
    file.write_text(yaml.safe_dump(capped), encoding="utf-8")
    from_file = json.loads(cli("recommend", "--answers", str(file), "-f", "json").stdout)
    assert from_file["level"]["id"] == "consultation"
    flagged = json.loads(
        cli("recommend", "--answers", str(file), "-a", "time=months", "-f", "json").stdout
    )
    assert flagged["level"]["id"] == "dialogue"
    as_json = tmp_path / "answers.json"
    as_json.write_text(json.dumps({**capped, "time": "months"}), encoding="utf-8")
    assert (
        json.loads(cli("recommend", "--answers", str(as_json), "-f", "json").stdout)["level"]["id"]
        == "dialogue"
    )


def test_answers_that_do_not_apply_are_noted_not_used(cli):
    result = cli("recommend", *answer_flags(CARE), "-a", "purpose=views", "-f", "json")
    assert result.exit_code == 0
    assert "purpose does not apply" in result.stderr
    assert "purpose" not in json.loads(result.stdout)["answers"]


def test_output_is_atomic_and_never_overwrites_without_force(cli, tmp_path):
    out = tmp_path / "record.md"
    first = cli("recommend", *answer_flags(CARE), "-f", "markdown", "-o", str(out))
    assert first.exit_code == 0 and first.stdout == "" and "Wrote" in first.stderr
    original = out.read_text(encoding="utf-8")
    again = cli("recommend", *answer_flags(DIABETES), "-f", "markdown", "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == original
    forced = cli("recommend", *answer_flags(DIABETES), "-f", "markdown", "-o", str(out), "--force")
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8") != original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.md"]


def test_text_output_to_a_file_is_plain(cli, tmp_path):
    out = tmp_path / "r.txt"
    assert cli("recommend", *answer_flags(CARE), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "◀" in text and "\x1b[" not in text


# Exit codes: one test each, stdout and stderr apart.


def test_exit_0_done(cli):
    result = cli("recommend", *answer_flags(CARE), "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")


def test_exit_1_internal_error_says_it_is_a_bug(cli, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(engine, "decide", broken)
    result = cli("recommend", *answer_flags(CARE))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        "Internal error" in result.stderr
        and "bug" in result.stderr
        and "Traceback" not in result.stderr
    )


@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "--format", "pdf"],
        ["recommend", "--nope"],
        ["nope"],
        ["recommend", "--lang", "de", "-a", "arena=care_meeting"],
    ],
)
def test_exit_2_usage(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_exit_3_invalid_rules_located(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINI_RULES.read_text(encoding="utf-8").replace("  caps:", "  capz:"), encoding="utf-8"
    )
    result = cli("recommend", "--rules", str(bad), "-a", "purpose=views")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert f"{bad}:" in result.stderr and "did you mean 'caps'" in result.stderr


def test_exit_3_rules_from_the_environment(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("LADDER_RULES", str(tmp_path / "missing.yaml"))
    result = cli("steps")
    assert result.exit_code == 3 and "does not exist" in result.stderr


def test_exit_4_missing_answers_name_question_options_and_flag(cli):
    result = cli("recommend", "-a", "arena=unit_development", "-a", "purpose=views")
    assert result.exit_code == 4
    assert result.stdout == ""
    for question in ("mandate", "acceptance", "timeframe", "resources", "participants"):
        assert f"-a {question}=" in result.stderr
    assert "none, views, alternatives, co_develop, decide" in result.stderr
    assert "patient_wish" not in result.stderr


def test_exit_4_unknown_question_and_option_with_did_you_mean(cli):
    result = cli("recommend", "-a", "arena=unit_developmnt", "-a", "purpouse=views")
    assert result.exit_code == 4
    assert "did you mean 'unit_development'" in result.stderr
    assert "did you mean 'purpose'" in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (  # relatives: yes is accepted, its options being yes and no
            "arena: care_meeting\npatient_wish: yes\n",
            'patient_wish must be text, not a true/false value; write the value in quotes: "yes"',
        ),
        ("arena: care_meeting\nproject: 2024\n", 'not a number; write the value in quotes: "2024"'),
        (
            "arena: care_meeting\n\tpatient_wish: x\n",
            "a tab is used for indentation; YAML needs spaces",
        ),
        (
            "arena: care_meeting\npatient_wish: [a, b]\nrelatives: 'no'\n",
            "patient_wish must be text, not a list",
        ),
        ("- arena\n", "must be a mapping"),
        ("arena: [\n", "answers.yaml:2:1"),
    ],
)
def test_exit_4_bad_answers_file(cli, tmp_path, content, expected):
    file = tmp_path / "answers.yaml"
    file.write_text(content, encoding="utf-8")
    result = cli("recommend", "--answers", str(file))
    assert result.exit_code == 4
    assert expected in result.stderr


def test_exit_4_bad_pairs(cli):
    result = cli("recommend", "-a", "arena", "-a", "relatives=yes", "-a", "relatives=no")
    assert result.exit_code == 4
    assert "KEY=VALUE" in result.stderr and "answered twice" in result.stderr


def test_questions_and_steps(cli):
    questions = json.loads(cli("questions", "-f", "json").stdout)
    assert [q["id"] for q in questions["questions"]][:2] == ["arena", "purpose"]
    assert questions["questions"][1]["when"] == {"arena": ["unit_development", "system_wide"]}
    text = cli("questions", "--lang", "sv").stdout
    assert "patient_wish" in text and "care_meeting" in text
    steps = json.loads(cli("steps", "-f", "json", "--lang", "sv").stdout)
    assert [s["name"] for s in steps["steps"]] == [
        "Information",
        "Konsultation",
        "Dialog",
        "Inflytande",
        "Medbestämmande",
    ]
    drawn = cli("steps").stdout
    assert "IAP2" in drawn and "█" not in drawn


def test_kronoberg_rules_retarget_the_tool(cli):
    result = cli(
        "recommend", "--rules", str(KRONOBERG_RULES), *answer_flags(DIABETES), "-f", "json"
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["rules"]["region"] == "kronoberg"
    default = json.loads(cli("recommend", *answer_flags(DIABETES), "-f", "json").stdout)
    assert {s["id"] for s in data["recruitment"]} != {s["id"] for s in default["recruitment"]}


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "NO_COLOR": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "ladder", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environ,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_python_dash_m_and_version():
    result = _run("--version")
    assert result.returncode == 0 and result.stdout.startswith("ladder ")


def test_bare_ladder_without_a_terminal_prints_help():
    result = _run()
    assert result.returncode == 0
    assert "recommend" in result.stdout and APP_HELP in result.stdout


def test_json_start_up_loads_no_prompt_or_rich_modules():
    probe = (
        "import sys, runpy; sys.argv = ['ladder', 'recommend', '-f', 'json', "
        + ", ".join(repr(a) for a in answer_flags(CARE))
        + "]\ntry:\n    runpy.run_module('ladder', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('questionary', 'prompt_toolkit', 'rich') if m in sys.modules), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr
    assert json.loads(result.stdout)["level"]["id"] == "influence"


def test_ctrl_c_before_a_command_starts_exits_130_not_aborted():
    probe = (
        "import os, signal\nimport ladder.cli as cli\n"
        "cli.app = lambda **kwargs: os.kill(os.getpid(), signal.SIGINT)\ncli.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert result.returncode == 130
    assert result.stderr == "Interrupted.\n"


def test_answers_file_over_the_size_limit(cli, tmp_path):
    big = tmp_path / "answers.yaml"
    big.write_text("project: '" + "x" * (1024 * 1024) + "'\n", encoding="utf-8")
    result = cli("recommend", "--answers", str(big))
    assert result.exit_code == 4 and "larger than 1048576 bytes" in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="sets the pipe size with fcntl")
@pytest.mark.parametrize("args", [["questions"], ["questions", "-f", "json"]])
def test_a_closed_pipe_ends_quietly(args):
    import fcntl

    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, 1031, 4096)  # F_SETPIPE_SZ: smaller than the output, so it blocks
    process = subprocess.Popen(
        [sys.executable, "-m", "ladder", *args],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(write_end)
    os.read(read_end, 10)
    os.close(read_end)  # the reader stops early, like `| head -c 10`
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert stderr == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_failed_write_to_standard_output_is_reported_not_a_bug():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ladder", "recommend", "-f", "json", *answer_flags(CARE)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    assert result.returncode == 2
    assert "Input or output failed: the disk is full" in result.stderr
    assert "bug" not in result.stderr


def test_terminal_codes_in_rules_texts_are_refused(cli, tmp_path):
    text = MINI_RULES.read_text(encoding="utf-8")
    bad = tmp_path / "codes.yaml"
    bad.write_text(
        text.replace("en: We listen.", 'en: "We listen.\\e]0;owned\\a"'), encoding="utf-8"
    )
    result = cli("steps", "--rules", str(bad))
    assert result.exit_code == 3
    assert "control characters" in result.stderr and "\x1b" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "flags", "start"),
    [
        ("record.md", [], "# Decision record"),
        ("out.json", [], '{\n  "schema": "ladder.recommendation/1"'),
        ("out.yml", [], "schema: ladder.recommendation/1"),
        ("out.txt", [], "Recommended level"),
        ("record.md", ["-f", "text"], "Recommended level"),
    ],
)
def test_output_format_follows_the_file_extension_unless_given(cli, tmp_path, name, flags, start):
    out = tmp_path / name
    assert cli("recommend", *answer_flags(CARE), "-o", str(out), *flags).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith(start)


def test_output_dash_is_standard_output(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("recommend", *answer_flags(CARE), "-f", "json", "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)["level"]["id"] == "influence"
    assert list(tmp_path.iterdir()) == []


def test_progress_bar_counts_on_standard_error(capsys):
    from ladder.output.text import progress_bar

    with progress_bar("Rows") as update:
        update(3)
        update(7)
    assert capsys.readouterr().out == ""
