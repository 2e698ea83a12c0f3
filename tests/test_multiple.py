"""Multi-choice questions (`multiple: true`): answers as lists, conditions that hold when any
chosen option is listed, recruitment and methods for every chosen group, and `check` over the
sets of options, compared with brute force over the whole answer space."""

from __future__ import annotations

import dataclasses
import json
from itertools import combinations
from pathlib import Path

import pytest

from ladder.answers import resolve, validate_answer
from ladder.app import recommendation_for
from ladder.check.answer_space import answer_space
from ladder.check.checker import check_file
from ladder.conditions import applies, subsets
from ladder.engine import decide, decide_level, matches
from ladder.errors import AnswerError
from ladder.load.loader import LoadedRules, load_rules
from ladder.output.record import to_dict

from .conftest import DEFAULT_RULES, MINI_RULES, answer_flags

GROUPS = ["own_patients", "condition_group", "general_public", "seldom_heard"]
TWO_GROUPS = {
    "arena": "unit_development",
    "purpose": "discuss",
    "mandate": "alternatives",
    "acceptance": "low",
    "timeframe": "months",
    "resources": "some",
    "participants": "own_patients,seldom_heard",
}


# Answers


@pytest.mark.parametrize(
    "value",
    [
        "seldom_heard,own_patients",
        " own_patients ; seldom_heard ",
        ["seldom_heard", "own_patients", "seldom_heard"],
        ("own_patients", "seldom_heard"),
    ],
)
def test_several_options_are_kept_once_in_file_order(default_rules, value):
    got = validate_answer(default_rules.rules, "participants", value, "en")
    assert got == "own_patients,seldom_heard"


def test_one_option_of_a_multiple_question_is_the_plain_answer(default_rules):
    assert validate_answer(default_rules.rules, "participants", "own_patients", "en") == (
        "own_patients"
    )
    assert validate_answer(default_rules.rules, "participants", ["own_patients"], "en") == (
        "own_patients"
    )


def test_unknown_option_in_a_list_is_named_with_a_guess(default_rules):
    with pytest.raises(AnswerError) as caught:
        validate_answer(default_rules.rules, "participants", "own_patients,seldom_herd", "en")
    assert "seldom_herd" in caught.value.message
    assert "seldom_heard" in caught.value.message  # did you mean


@pytest.mark.parametrize("value", [[], ",", " ; "])
def test_no_option_chosen_is_refused(default_rules, value):
    with pytest.raises(AnswerError, match="at least one option"):
        validate_answer(default_rules.rules, "participants", value, "en")


def test_single_choice_questions_refuse_lists(default_rules):
    with pytest.raises(AnswerError):
        validate_answer(default_rules.rules, "arena", ["unit_development"], "en")
    with pytest.raises(AnswerError):
        validate_answer(default_rules.rules, "arena", "unit_development,system_wide", "en")


def test_answers_file_list(default_rules):
    answers = {**TWO_GROUPS, "participants": ["seldom_heard", "own_patients"]}
    resolved = resolve(default_rules.rules, [answers], "en")
    assert resolved.values["participants"] == "own_patients,seldom_heard"
    assert not resolved.missing


# Conditions


def test_a_when_holds_when_any_chosen_option_is_listed():
    """Brute force over every set of options and every listed set: `applies` is 'intersects'."""
    for answer in subsets(GROUPS):
        for size in range(1, len(GROUPS) + 1):
            for listed in combinations(GROUPS, size):
                got = applies({"participants": list(listed)}, {"participants": answer})
                assert got == bool(set(answer.split(",")) & set(listed)), (answer, listed)
    assert not applies({"participants": ["own_patients"]}, {})


# The recommendation


def test_own_patients_and_a_seldom_heard_group_each_get_a_fitting_structure(default_rules):
    rec = recommendation_for(default_rules, TWO_GROUPS, "en")
    serves = {s.id: s.serves for s in rec.recruitment}
    assert "own_patients" in serves["unit_patients"]
    assert "seldom_heard" in serves["community_outreach"]
    assert "seldom_heard" not in serves["unit_patients"]
    assert all(m.serves for m in rec.methods)
    assert {w.id for w in rec.warnings} >= {"seldom_heard_access"}
    # Choosing seldom_heard no longer drops the unit's own patients.
    alone = recommendation_for(default_rules, {**TWO_GROUPS, "participants": "seldom_heard"}, "en")
    assert "unit_patients" not in {s.id for s in alone.recruitment}


def single_rules(loaded: LoadedRules) -> LoadedRules:
    """The same rules with `participants` single-choice again, as before `multiple`."""
    rules = loaded.rules
    questions = [
        q.model_copy(update={"multiple": False}) if q.id == "participants" else q
        for q in rules.questions
    ]
    return dataclasses.replace(loaded, rules=rules.model_copy(update={"questions": questions}))


def test_single_answers_give_exactly_the_output_of_a_single_choice_question(default_rules):
    """Over every answer combination with one group: the JSON contract is unchanged."""
    before = single_rules(default_rules)
    count = 0
    for answers in answer_space(default_rules.rules):
        if "," in answers.get("participants", ""):
            continue
        now = to_dict(recommendation_for(default_rules, answers, "en"))
        then = to_dict(recommendation_for(before, answers, "en"))
        assert now == then, answers
        assert all("serves" not in s for s in now["recruitment"] + now["methods"])
        count += 1
    assert count > 1000


def test_every_chosen_group_is_served_when_some_item_can(default_rules):
    """Over every combination with several groups: each item serves chosen groups only, and a
    group that some matching structure (method) serves is served by a recommended one."""
    rules = default_rules.rules
    checked = 0
    for answers in answer_space(rules):
        chosen = answers.get("participants", "").split(",")
        if len(chosen) < 2:
            continue
        decision = decide(rules, answers)
        for items, ids, serves in (
            (rules.structures, decision.structures, decision.structure_serves),
            (rules.methods, decision.methods, decision.method_serves),
        ):
            assert len(serves) == len(ids)
            assert all(s and set(s) <= set(chosen) for s in serves), answers
            served = {g for s in serves for g in s}
            for group in chosen:
                alone = {**answers, "participants": group}
                could = any(
                    matches(x, alone, decision) and matches(x, answers, decision) for x in items
                )
                assert not could or group in served, (answers, group)
        checked += 1
    assert checked > 1000


def test_json_answers_and_serves(cli):
    result = cli("recommend", "--format", "json", "--lang", "en", *answer_flags(TWO_GROUPS))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "ladder.recommendation/1"
    assert data["answers"]["participants"] == ["own_patients", "seldom_heard"]
    assert all(set(s["serves"]) <= {"own_patients", "seldom_heard"} for s in data["recruitment"])
    assert all(m["serves"] for m in data["methods"])
    text = cli("recommend", "--lang", "en", *answer_flags(TWO_GROUPS)).stdout
    assert "For: Groups that are seldom heard" in text


def test_unknown_option_on_the_command_line_exits_4(cli):
    answers = {**TWO_GROUPS, "participants": "own_patients,seldom"}
    result = cli("recommend", "--lang", "en", *answer_flags(answers))
    assert result.exit_code == 4
    assert "seldom" in result.stderr and "Traceback" not in result.stderr


# check: sets of options, reasoned over without enumerating them, against brute force

GROUP_QUESTION = """  - id: groups
    multiple: true
    text: {sv: "Vilka?", en: "Who?"}
    help: {sv: Grupper., en: Groups.}
    options:
      - id: "own"
        text: {sv: Egna, en: Own}
        help: {sv: Egna patienter., en: Own patients.}
      - id: "public"
        text: {sv: Allmänheten, en: Public}
        help: {sv: Invånare., en: Residents.}
      - id: "seldom"
        text: {sv: Sällan hörda, en: Seldom heard}
        help: {sv: Sällan hörda., en: Seldom heard.}
"""

STRUCTURE = """  - id: {id}
    {conditions}
    name: {{sv: S, en: S}}
    description: {{sv: S., en: S.}}
    mandate: personal
    how: {{sv: S., en: S.}}
"""


def groups_file(tmp_path: Path, structures: list[tuple[str, str]]) -> Path:
    """mini.yaml with a multiple question and these structures (id, condition lines)."""
    text = MINI_RULES.read_text(encoding="utf-8")
    text = text.replace("  - id: project\n", GROUP_QUESTION + "  - id: project\n", 1)
    head, rest = text.split("structures:\n", 1)
    rest = rest.split("methods:\n", 1)[1]
    written = "".join(STRUCTURE.format(id=i, conditions=c) for i, c in structures)
    text = head + "structures:\n" + written + "methods:\n" + rest
    text = text.replace(
        'answers: {purpose: discuss, weeks: "yes"}',
        'answers: {purpose: discuss, weeks: "yes", groups: [own, seldom]}',
    )
    path = tmp_path / "groups.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def holes(loaded: LoadedRules) -> list[dict[str, str]]:
    """Brute force: every answer combination that gets no structure."""
    rules = loaded.rules
    out = []
    for answers in answer_space(rules):
        placed = decide_level(rules, answers)
        if not any(matches(s, answers, placed) for s in rules.structures):
            out.append(answers)
    return out


NOT_SELDOM = "not: {when: {groups: [seldom]}}\n    when: {groups: [public]}"
NOT_PUBLIC = "not: {when: {groups: [public]}}\n    when: {groups: [seldom]}"
PLANTED = {
    # {public, seldom} has no structure: each excludes the other group.
    "public_and_seldom": [("own", "when: {groups: [own]}"), ("a", NOT_SELDOM), ("b", NOT_PUBLIC)],
    # Every chosen group but together: the set of all three needs `all`.
    "all_three": [
        (
            "one",
            "not: {all: [{when: {groups: [own]}}, {when: {groups: [public]}}, "
            "{when: {groups: [seldom]}}]}",
        ),
    ],
    "covered": [
        ("own", "when: {groups: [own]}"),
        ("a", NOT_SELDOM),
        ("b", "when: {groups: [seldom]}"),
    ],
}


@pytest.mark.parametrize("name", list(PLANTED))
def test_check_finds_planted_gaps_in_sets_of_options(tmp_path, name):
    path = groups_file(tmp_path, PLANTED[name])
    loaded = load_rules(path, "en")
    brute = holes(loaded)
    report = check_file(path, "en")
    found = [f for f in report.findings if f.code == "coverage.structure"]
    assert [f.message for f in report.findings if f.severity == "error"] == [
        f.message for f in found
    ]
    assert bool(found) == bool(brute)
    if found:
        gap = {"public_and_seldom": "public,seldom", "all_three": "own,public,seldom"}[name]
        assert {a["groups"] for a in brute} == {gap}
        assert f"groups={gap}" in found[0].message
    assert report.examples == (1, 1)  # the worked example with a list of groups passes


def test_check_counts_sets_without_enumerating_them(tmp_path):
    """The 7 sets of three options are one piece of the space, not seven."""
    path = groups_file(tmp_path, PLANTED["covered"])
    plain = check_file(MINI_RULES, "en")
    multi = check_file(path, "en")
    assert multi.combinations == plain.combinations * 7
    assert multi.pieces == plain.pieces


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("      from: purpose\n", "      from: groups\n", "rules.from_multiple"),
        (
            "  - id: project\n    kind: text\n",
            "  - id: project\n    kind: text\n    multiple: true\n",
            "rules.multiple_text",
        ),
    ],
)
def test_multiple_questions_are_refused_where_they_cannot_work(tmp_path, cli, old, new, key):
    path = groups_file(tmp_path, PLANTED["covered"])
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = cli("check", str(path), "--lang", "en")
    assert result.exit_code == 3
    line = text.splitlines().index(old.splitlines()[-1]) + 1 if key != "rules.multiple_text" else 0
    assert f"{path}:" in result.stderr + result.stdout
    if line:
        assert f"{path}:{line}:" in result.stderr + result.stdout


def test_shipped_files_check_with_two_groups_examples():
    report = check_file(DEFAULT_RULES, "en")
    assert report.findings == []
    loaded = load_rules(DEFAULT_RULES, "en")
    assert any(isinstance(e.answers.get("participants"), list) for e in loaded.rules.examples)


def test_an_item_chosen_only_for_a_group_is_not_reported_as_crowded(tmp_path):
    """With one structure allowed, `both` is never among the first, but {own, seldom} adds it
    for the seldom-heard group that `first` leaves unserved: check must not call it crowded,
    and a file where no group needs it still gets the warning."""
    both = "all: [{when: {groups: [own]}}, {when: {groups: [seldom]}}]"
    alone = "when: {groups: [seldom]}\n    not: {when: {groups: [own, public]}}"
    structures = [("first", "when: {groups: [own, public]}"), ("both", both), ("alone", alone)]
    path = groups_file(tmp_path, structures)
    text = path.read_text(encoding="utf-8").replace(
        "\nmandate_types:", "\nselection:\n  structures: 1\nmandate_types:", 1
    )
    path.write_text(text, encoding="utf-8")
    report = check_file(path, "en")
    assert [f.code for f in report.findings] == ["unused.mandate_type"]  # no organisational
    rules = load_rules(path, "en").rules
    chosen_somewhere = {
        s for answers in answer_space(rules) for s in decide(rules, answers).structures
    }
    assert "both" in chosen_somewhere
    # The same file with `groups` single-choice: `both` can never match, so never chosen.
    single = tmp_path / "single.yaml"
    text = text.replace("    multiple: true\n", "", 1).replace(
        "groups: [own, seldom]", "groups: own"
    )
    single.write_text(text, encoding="utf-8")
    codes = {f.code for f in check_file(single, "en").findings}
    assert "unreachable.structure" in codes


def test_a_multiple_question_with_too_many_options_is_refused(tmp_path, cli):
    """Eleven options would be 2,047 sets: the file is refused at the question's options."""
    option = '      - id: "g{n}"\n        text: {{sv: G{n}, en: G{n}}}\n        help: {{sv: G., en: G.}}\n'
    extra = "".join(option.format(n=n) for n in range(8))
    path = groups_file(tmp_path, PLANTED["covered"])
    text = path.read_text(encoding="utf-8")
    anchor = '      - id: "seldom"\n'
    path.write_text(text.replace(anchor, extra + anchor, 1), encoding="utf-8")
    result = cli("check", str(path), "--lang", "en")
    assert result.exit_code == 3
    assert "at most 10 options" in result.stderr + result.stdout


def test_a_monotone_property_on_a_multiple_question_is_refused(tmp_path, cli):
    path = groups_file(tmp_path, PLANTED["covered"])
    text = path.read_text(encoding="utf-8")
    prop = (
        "properties:\n  - id: more_groups\n    description: {sv: M., en: M.}\n"
        "    kind: monotone\n    question: groups\n"
    )
    path.write_text(text.replace("\nexamples:\n", "\n" + prop + "examples:\n", 1), "utf-8")
    result = cli("check", str(path), "--lang", "en")
    assert result.exit_code == 3
    assert "cannot be monotone" in result.stderr + result.stdout
