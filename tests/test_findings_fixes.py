"""Findings that say how to fix them and name items by id; caps that must be explained; refuted
properties that name their rule; placeholders from the file's free-text questions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ladder.check.checker import CheckReport, check_file, report_to_text
from ladder.check.codes import CODES, fix_text
from ladder.engine import decide_level
from ladder.errors import RulesError
from ladder.i18n.english import ENGLISH
from ladder.i18n.messages import t
from ladder.load.loader import load_rules
from ladder.load.placeholders import BUILT_IN

from . import test_verify as verify
from .conftest import DEFAULT_RULES, DIABETES, ROOT, answer_flags

TEXT = DEFAULT_RULES.read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")

CONTACT_QUESTION = """  - id: contact
    kind: text
    required: false
    text: {sv: "Vem kan deltagarna kontakta?", en: "Whom can participants contact?"}
    help: {sv: "Namn och telefon eller e-post.", en: "A name and a phone number or e-mail."}
"""
CONTACT_PART = """    - id: contact_given
      given: [contact]
      text: {sv: "Frågor? Kontakta {contact}.", en: "Questions? Contact {contact}."}
      readers:
        easy_read: {sv: "Har du frågor? Kontakta {contact}.", en: "Any questions? Contact {contact}."}
"""
LEVEL = "\nlevel:\n"
PARTS = "  parts:\n"


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


# Every finding says how to fix it.


@pytest.mark.parametrize("code", list(CODES))
def test_every_code_has_a_fix_in_both_languages(code):
    english, swedish = fix_text(code, "en"), fix_text(code, "sv")
    assert f"fix.{code}" in ENGLISH
    assert english.strip() and swedish.strip() and english != swedish


@pytest.mark.parametrize(
    ("code", "old", "new", "at"), verify.PLANTED, ids=[p[0] for p in verify.PLANTED]
)
def test_each_planted_finding_has_a_known_code_and_its_fix_under_it(tmp_path, code, old, new, at):
    path, _ = verify.plant(tmp_path, old, new)
    report = check_file(path, "en")
    assert {f.code for f in report.findings} <= set(CODES)
    assert all(f.severity == CODES[f.code][0] for f in report.findings)
    lines = report_to_text(CheckReport([report]), "en").splitlines()
    for finding in report.findings:
        at_line = lines.index(finding.text("en"))
        assert lines[at_line + 1] == f"    fix: {finding.fix('en')}"
        assert finding.fix("en") in (fix_text(finding.code, "en"), finding.hint)


def test_json_findings_keep_the_position_path_and_add_the_named_path_and_the_fix(tmp_path, cli):
    path = write(
        tmp_path, edit(TEXT, '      en: "How and when will participants hear back?"\n', "")
    )
    result = cli("check", str(path), "-f", "json", "--lang", "sv")
    assert result.exit_code == 3
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["code"] == "schema"
    assert re.fullmatch(r"questions\[\d+\]\.text", finding["path"])
    assert finding["named_path"] == "questions[feedback].text"
    assert finding["fix"] == t("fix.rules.missing_language", "sv")


def test_docs_list_every_code_with_its_fix():
    for code, (severity, _) in CODES.items():
        assert f"| `{code}` | {severity} |" in GUIDE, code
        assert f"| {fix_text(code, 'en')} |" in GUIDE, code


# Paths name items by id.


def test_loader_errors_name_list_items_by_id(tmp_path):
    text = edit(TEXT, '      en: "The patient and, if they wish, their relatives"\n', "")
    text = edit(text, '          en: "In the care meeting – the patient\'s own care"\n', "")
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, text))
    named = {p.named for p in raised.value.problems}
    assert "structures[patient_and_relatives].name" in named
    assert "questions[arena].options[care_meeting].text" in named
    shown = "\n".join(raised.value.details)
    assert "structures[patient_and_relatives].name:" in shown


def test_an_id_used_twice_is_named_by_position(tmp_path):
    text = edit(TEXT, "  - id: interest_bank\n", "  - id: unit_patients\n")
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, text))
    (problem,) = [p for p in raised.value.problems if "used twice" in p.message]
    assert re.fullmatch(r"structures\[\d+\]\.id", problem.named)
    assert re.search(r"first at structures\[\d+\]", problem.message)


def test_check_findings_name_items_by_id(tmp_path):
    path, _ = verify.plant(
        tmp_path,
        "  - id: system_codetermination\n",
        ("  - id: system_codetermination\n    capped_by: [resources_some]\n"),
    )
    (finding,) = [f for f in check_file(path, "en").findings if f.code == "unreachable.warning"]
    assert finding.named_path == "warnings[system_codetermination]"
    assert re.fullmatch(r"warnings\[\d+\]", finding.path)


# Ids that name nothing: a hint only for a likely typo.


def test_a_removed_structure_gets_no_far_fetched_guess(tmp_path):
    text = edit(
        TEXT, "      structures: [patient_associations]\n", "      structures: [patient_panel]\n"
    )
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, text))
    (problem,) = raised.value.problems
    assert "did you mean" not in problem.message
    assert "'patient_panel'" in problem.message and "under structures" in problem.message


def test_a_typo_still_gets_its_hint(tmp_path):
    text = edit(
        TEXT,
        "      structures: [patient_associations]\n",
        "      structures: [patient_asociations]\n",
    )
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, text))
    (problem,) = raised.value.problems
    assert "did you mean 'patient_associations'?" in problem.message


# Caps must be explained.

NEW_CAP = """    - id: seldom_heard_weeks
      when:
        participants: ["seldom_heard"]
        timeframe: ["weeks"]
      step: consultation
      because: {sv: "Högst {step}.", en: "At most {step}."}
"""
AFTER_CAPS = "\nselection:\n"


def test_a_cap_no_warning_or_part_names_is_an_error_at_the_cap(tmp_path, cli):
    text = edit(TEXT, AFTER_CAPS, NEW_CAP + AFTER_CAPS)
    path = write(tmp_path, text)
    report = check_file(path, "en")
    (finding,) = [f for f in report.findings if f.code == "unexplained.cap"]
    assert finding.severity == "error"
    assert finding.named_path == "level.caps[seldom_heard_weeks]"
    assert finding.line == text[: text.index(NEW_CAP)].count("\n") + 1
    assert "capped_by" in finding.fix("en")
    assert cli("check", str(path)).exit_code == 3
    named = edit(
        text,
        "    capped_by: [timeframe_weeks]\n",
        ("    capped_by: [timeframe_weeks, seldom_heard_weeks]\n"),
    )
    again = check_file(write(tmp_path, named, "named.yaml"), "en")
    assert not [f for f in again.findings if f.code == "unexplained.cap"]


def test_every_cap_of_the_shipped_rules_is_explained(shipped):
    named = {
        c
        for item in [*shipped.rules.warnings, *shipped.rules.expectations.parts]
        for c in item.capped_by
    }
    assert {c.id for c in shipped.rules.level.caps} <= named


# A refuted property names the rule that decided the counterexample.


def test_a_refuted_bound_names_the_cap_that_set_the_level(tmp_path):
    text = edit(TEXT, AFTER_CAPS, NEW_CAP + AFTER_CAPS)
    text = edit(
        text,
        "    capped_by: [timeframe_weeks]\n",
        ("    capped_by: [timeframe_weeks, seldom_heard_weeks]\n"),
    )
    report = check_file(write(tmp_path, text), "en")
    refuted = {p.id: p for p in report.properties if not p.proved}
    assert set(refuted) == {"acceptance_floor"}
    answers = refuted["acceptance_floor"].counterexample
    assert answers is not None
    placed = decide_level(load_rules(tmp_path / "rules.yaml").rules, answers)
    assert placed.binding_caps == {"seldom_heard_weeks"}
    (finding,) = [f for f in report.findings if f.code == "property.refuted"]
    assert "cap 'seldom_heard_weeks' at level.caps[seldom_heard_weeks]" in finding.message
    assert finding.named_path == "properties[acceptance_floor]"


def test_a_refuted_monotone_property_names_the_rule_of_the_lower_level(tmp_path):
    old = '        "co_develop": influence\n        "decide": co_determination\n      because:'
    new = '        "co_develop": consultation\n        "decide": co_determination\n      because:'
    report = check_file(write(tmp_path, edit(TEXT, old, new)), "en")
    message = next(f.message for f in report.findings if "mandate_monotone" in f.message)
    assert "is set by cap 'mandate' at level.caps[mandate]" in message


# Placeholders come from the file.


def contact_rules() -> str:
    return edit(edit(TEXT, LEVEL, "\n" + CONTACT_QUESTION + LEVEL), PARTS, PARTS + CONTACT_PART)


def test_a_new_free_text_question_is_a_placeholder(tmp_path, cli):
    path = write(tmp_path, contact_rules())
    assert cli("check", "--strict", str(path)).exit_code == 0
    flags = answer_flags(DIABETES)
    given = cli(
        "recommend", "--rules", str(path), *flags, "-a", "contact=Kim, 0470-123", "-f", "json"
    )
    assert given.exit_code == 0, given.stderr
    assert "Questions? Contact Kim, 0470-123." in json.loads(given.stdout)["expectations"]
    missing = cli("recommend", "--rules", str(path), *flags, "-f", "json")
    assert "Contact" not in json.loads(missing.stdout)["expectations"]


def test_a_placeholder_without_its_question_is_refused_with_the_allowed_names(tmp_path):
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, edit(TEXT, PARTS, PARTS + CONTACT_PART)))
    messages = " ".join(p.message for p in raised.value.problems)
    assert "unknown placeholder '{contact}'" in messages and "feedback" in messages


def test_a_file_placeholder_needs_given(tmp_path):
    text = contact_rules().replace("      given: [contact]\n", "", 1)
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, text))
    assert any("needs 'contact' in given" in p.message for p in raised.value.problems)


@pytest.mark.parametrize("name", ["level", "promise", "step"])
def test_a_free_text_question_may_not_take_a_built_in_name(tmp_path, name):
    assert name in BUILT_IN
    text = edit(TEXT, LEVEL, "\n" + CONTACT_QUESTION.replace("id: contact", f"id: {name}") + LEVEL)
    with pytest.raises(RulesError) as raised:
        load_rules(write(tmp_path, text))
    (problem,) = raised.value.problems
    assert problem.named == f"questions[{name}].id"
    assert "built-in placeholder" in problem.message
    assert problem.line == text[: text.index(f"  - id: {name}\n    kind: text")].count("\n") + 1


def test_check_lists_the_placeholders_built_in_and_from_the_file(tmp_path, cli):
    path = write(tmp_path, contact_rules())
    result = cli("check", "--placeholders", str(path), "-f", "json")
    assert result.exit_code == 0
    (listed,) = json.loads(result.stdout)["files"]
    by_name = {p["name"]: p for p in listed["placeholders"]}
    assert set(BUILT_IN) <= set(by_name)
    assert by_name["contact"]["source"] == "file" and by_name["contact"]["used_in"] == "output"
    assert by_name["step"]["used_in"] == "because"
    assert "Whom can participants contact?" in by_name["contact"]["description"]
    text = cli("check", "--placeholders", str(path), "--lang", "sv").stdout
    assert "{contact} (från filen)" in text and "{level}:" in text


# The command line and the guide.


def test_check_usage_reads_plainly(cli):
    usage = cli("check", "--help").stdout.splitlines()[0]
    # typer 0.26 writes the repeated argument as [FILE], later ones as [FILE]...
    assert usage.endswith((" check [OPTIONS] [FILE]...", " check [OPTIONS] [FILE]"))


def test_the_guides_new_cap_edit_passes_check_strict(tmp_path, cli):
    """docs/rules.md, "A worked edit: a new cap", step by step on a copy of the default."""
    section = GUIDE.split("## A worked edit: a new cap", 1)[1]
    cap, warning, part, prop, example, floor = re.findall(r"```yaml\n(.*?)```", section, re.S)
    text = edit(TEXT, AFTER_CAPS, cap + AFTER_CAPS)
    first = check_file(write(tmp_path, text), "en").findings
    assert "unexplained.cap" in {f.code for f in first}
    for snippet in (warning, part):
        head, capped = snippet.rstrip("\n").rsplit("\n", 1)
        old = capped.replace(", seldom_heard_weeks]", "]")
        text = edit(text, head + "\n" + old + "\n", snippet)
    text = edit(text, "\nproperties:\n", "\nproperties:\n" + prop)
    text = edit(text, "\nexamples:\n", "\nexamples:\n" + example)
    report = check_file(write(tmp_path, text), "en")
    assert [f.code for f in report.findings] == ["property.refuted"]
    assert "cap 'seldom_heard_weeks'" in report.findings[0].message
    old_floor = floor.rsplit("      timeframe:", 1)[0]
    text = edit(text, old_floor, floor)
    path = write(tmp_path, text)
    result = cli("check", "--strict", str(path))
    assert result.exit_code == 0, result.stdout
    assert "properties proved 11 of 11" in result.stdout


# Ties between caps, as docs/rules.md states them.

TWIN_CAP = """    - id: staff_weeks
      when:
        timeframe: ["weeks"]
      step: dialogue
      because: {sv: "Högst {step}: personalen hinner inte.", en: "At most {step}: staff lack time."}
"""
TWIN_WARNING = """  - id: capped_by_staff
    capped_by: [staff_weeks]
    text: {sv: "Personalen begränsar till {level}.", en: "Staff time limits it to {level}."}
"""


def test_two_caps_at_the_same_step_both_bind_and_both_raise_their_warnings(tmp_path, cli):
    text = edit(TEXT, AFTER_CAPS, TWIN_CAP + AFTER_CAPS)
    text = edit(text, "  - id: capped_by_time\n", TWIN_WARNING + "  - id: capped_by_time\n")
    path = write(tmp_path, text)
    answers = {**DIABETES, "mandate": "decide", "timeframe": "weeks", "purpose": "co_decide"}
    out = json.loads(
        cli("recommend", "--rules", str(path), *answer_flags(answers), "-f", "json").stdout
    )
    assert out["level"]["id"] == "dialogue"
    warnings = {w["id"] for w in out["warnings"]}
    assert {"capped_by_time", "capped_by_staff"} <= warnings
    effects = {line["rule"]: line["effect"] for line in out["trace"]}
    assert effects["cap.timeframe_weeks"] == effects["cap.staff_weeks"] == "cap:dialogue:lowers"
    # At a level the caps do not lower (the target is already Dialogue), neither binds.
    same = {**answers, "purpose": "discuss"}
    out = json.loads(
        cli("recommend", "--rules", str(path), *answer_flags(same), "-f", "json").stdout
    )
    assert out["level"]["id"] == "dialogue"
    assert not {"capped_by_time", "capped_by_staff"} & {w["id"] for w in out["warnings"]}


def test_a_schema_problem_gets_the_fix_for_its_kind(tmp_path, cli):
    text = edit(
        TEXT, "      structures: [patient_associations]\n", "      structures: [patient_panel]\n"
    )
    out = cli("check", str(write(tmp_path, text)), "--lang", "sv").stdout.splitlines()
    at = next(i for i, line in enumerate(out) if "patient_panel" in line)
    assert out[at + 1] == f"    åtgärd: {t('fix.rules.ref', 'sv')}"
    assert out[at + 1] != f"    åtgärd: {fix_text('schema', 'sv')}"
