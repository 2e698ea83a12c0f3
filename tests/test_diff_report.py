"""`ladder diff` as an editor reads it: renames, counts per kind that add up, texts that
differ, `--texts`, and the JSON added to `ladder.diff/1`."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ladder.check.diff import DiffReport, diff_rules
from ladder.check.diff_items import FileChanges, Renamed, TextChange, word_diff
from ladder.check.diff_output import diff_to_dict, diff_to_text
from ladder.load.loader import load_rules

from .conftest import DEFAULT_RULES, KRONOBERG_RULES
from .space import diff_space
from .test_verify_diff import outcome

DEFAULT = DEFAULT_RULES.read_text(encoding="utf-8")


def edited(tmp_path, *edits: tuple[str, str], name: str = "new.yaml"):
    """The default rules with each (old, new) text replaced once, loaded."""
    text = DEFAULT
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


RENAME = ("  - id: interest_bank\n", "  - id: patient_register\n")


def renamed_everywhere(tmp_path, *more: tuple[str, str]):
    """interest_bank renamed patient_register, in the worked examples too."""
    text = DEFAULT.replace("interest_bank", "patient_register")
    for old, new in more:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "renamed.yaml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


def test_a_renamed_structure_is_one_line_and_no_change(tmp_path, cli):
    new = renamed_everywhere(tmp_path)
    report = diff_rules(load_rules(DEFAULT_RULES), new)
    assert report.files.renamed == [Renamed("structures", "interest_bank", "patient_register")]
    assert report.changed == 0 and report.changes == []
    assert not (report.files.added or report.files.removed or report.files.edited)
    text = cli("diff", str(DEFAULT_RULES), str(new.info.path), "--lang", "en").stdout
    assert text.count("interest_bank") == 1  # the rename line, nothing else
    assert "  structures: interest_bank -> patient_register" in text.splitlines()


def test_not_a_rename_when_the_conditions_differ(tmp_path):
    levels = "    levels: [influence, co_determination]\n    mandate: personal\n"
    assert levels in DEFAULT
    new = renamed_everywhere(
        tmp_path,
        (levels, "    levels: [dialogue, influence, co_determination]\n    mandate: personal\n"),
    )
    report = diff_rules(load_rules(DEFAULT_RULES), new)
    assert report.files.renamed == []
    assert [(x.where, x.id) for x in report.files.removed] == [("structures", "interest_bank")]
    assert [(x.where, x.id) for x in report.files.added] == [("structures", "patient_register")]
    kinds = {c.kind for c in report.changes}
    assert kinds == {"structures"}
    assert any("interest_bank" in c.old for c in report.changes)


def test_a_renamed_cap_follows_into_capped_by(tmp_path):
    text = DEFAULT.replace("timeframe_weeks", "short_timeframe")
    path = tmp_path / "cap.yaml"
    path.write_text(text, encoding="utf-8")
    report = diff_rules(load_rules(DEFAULT_RULES), load_rules(path))
    assert report.files.renamed == [Renamed("level.caps", "timeframe_weeks", "short_timeframe")]
    assert report.changed == 0 and not report.files.edited  # capped_by follows the rename


PLANTED = (
    # level: no resources caps at information instead of consultation
    (
        '    - id: resources_none\n      when:\n        resources: ["none"]\n'
        "      step: consultation",
        '    - id: resources_none\n      when:\n        resources: ["none"]\n'
        "      step: information",
    ),
    # structures: the interest bank from dialogue up
    (
        "    levels: [influence, co_determination]\n    mandate: personal\n",
        "    levels: [dialogue, influence, co_determination]\n    mandate: personal\n",
    ),
    # methods: workshops at consultation too
    (
        '  - id: workshop\n    when:\n      arena: ["unit_development", "system_wide"]\n'
        "    levels: [dialogue]\n",
        '  - id: workshop\n    when:\n      arena: ["unit_development", "system_wide"]\n'
        "    levels: [consultation, dialogue]\n",
    ),
)


def brute_groups(old, new) -> tuple[Counter[str], int, int]:
    """Per kind, the combinations whose outcome of that kind changes; the combinations that
    change at all; those that change in more than one kind."""
    groups: Counter[str] = Counter()
    changed = overlap = 0
    for answers in diff_space(new.rules):
        before, after = outcome(old.rules, answers), outcome(new.rules, answers)
        kinds = [k for k in before if before[k] != after[k]]
        groups.update(kinds)
        changed += bool(kinds)
        overlap += len(kinds) > 1
    return groups, changed, overlap


@pytest.mark.exhaustive
@pytest.mark.parametrize("planted", [PLANTED, PLANTED[:1], PLANTED[1:2], PLANTED[1:]])
def test_counts_per_kind_add_up_against_brute_force(tmp_path, planted):
    old, new = load_rules(DEFAULT_RULES), edited(tmp_path, *planted)
    report = diff_rules(old, new)
    groups, changed, overlap = brute_groups(old, new)
    assert report.groups() == dict(groups) and report.changed == changed
    assert report.overlap == overlap
    total = sum(groups.values())
    assert total >= changed and (total > changed) == (overlap > 0)
    line = diff_to_text(report, "en").splitlines()[1]
    if len(groups) < 2:  # the total says it all
        assert not line.startswith("By kind: ") and total == changed
        return
    assert line.startswith("By kind: ") and f"together {total}" in line
    if overlap:
        assert f"more than the {changed} above, because {overlap} combination" in line
    else:
        assert f"the {changed} above." in line


@pytest.mark.exhaustive
def test_counts_per_kind_of_the_shipped_files():
    old, new = load_rules(DEFAULT_RULES), load_rules(KRONOBERG_RULES)
    report = diff_rules(old, new)
    groups, changed, overlap = brute_groups(old, new)
    assert report.groups() == dict(groups) and (report.changed, report.overlap) == (
        changed,
        overlap,
    )


def test_text_changes_are_listed_by_item_field_and_language(tmp_path):
    new = edited(
        tmp_path,
        ('    en: "Region Halland"\n', '    en: "Halland Region"\n'),
        (
            "will be paid for your time and travel",
            "will be compensated for your time and your travel",
        ),
        (
            "Have staff hand out a written invitation at visits",
            "Have staff hand out a printed invitation at visits",
        ),
        (
            "Låt personalen lämna en skriftlig inbjudan",
            "Låt personalen lämna en tryckt inbjudan",
        ),
    )
    report = diff_rules(load_rules(DEFAULT_RULES), new)
    got = [(x.path, x.langs) for x in report.files.texts]
    assert got == [
        ("region.name", ("en",)),
        ("structures[unit_patients].how", ("sv", "en")),
        ("expectations.parts[compensation].text", ("en",)),
    ]
    assert report.changed == 0 and not report.files.edited
    plain = diff_to_text(report, "en")
    assert "  structures[unit_patients].how: sv, en" in plain.splitlines()
    assert "[-" not in plain  # word by word only with --texts
    words = diff_to_text(report, "en", texts=True).splitlines()
    assert "    en: [-Region Halland-] {+Halland Region+}" in words  # one word between: joined
    assert any(
        w.startswith("    en: ")
        and "[-paid-] {+compensated+} for your time and {+your+} travel" in w
        for w in words
    )
    assert any(w.startswith("    sv: ") and "[-skriftlig-] {+tryckt+}" in w for w in words)


def test_cli_texts_flag_and_swedish(tmp_path, cli):
    new = edited(tmp_path, ("will be paid for your time", "will be compensated for your time"))
    args = ["diff", str(DEFAULT_RULES), str(new.info.path)]
    sv = cli(*args, "--texts", "--lang", "sv").stdout.splitlines()
    assert "1 text skiljer sig (post.fält: språk):" in sv
    assert any("[-paid-] {+compensated+}" in line for line in sv)
    assert "[-" not in cli(*args, "--lang", "sv").stdout


def test_files_that_do_not_differ_give_the_one_line_they_always_gave(tmp_path, cli):
    copy = tmp_path / "copy.yaml"
    copy.write_text("# a comment only\n" + DEFAULT, encoding="utf-8")
    for lang in ("en", "sv"):
        done = cli("diff", str(DEFAULT_RULES), str(copy), "--texts", "--lang", lang)
        assert done.exit_code == 0 and done.stdout.count("\n") == 1
    en = cli("diff", str(DEFAULT_RULES), str(copy), "--lang", "en").stdout
    assert en == (
        f"{DEFAULT_RULES} -> {copy}: 0 of 223206 answer combinations change; 0 are reachable "
        "only in the old file, 0 only in the new one.\n"
    )
    data = json.loads(cli("diff", str(DEFAULT_RULES), str(copy), "-f", "json").stdout)
    assert data["changes"] == data["renamed"] == data["texts"] == data["edited"] == []
    assert data["groups"] == {} and data["overlap"] == 0


NAMES = {"type": "array", "items": {"type": "string"}}
DIFF_SCHEMA = {
    "type": "object",
    "required": [
        "schema",
        "old",
        "new",
        "combinations",
        "only_old",
        "only_new",
        "changed",
        "changes",
        "groups",
        "overlap",
        "renamed",
        "added",
        "removed",
        "edited",
        "texts",
    ],
    "additionalProperties": False,
    "properties": {
        "schema": {"const": "ladder.diff/1"},
        "old": {"type": "string"},
        "new": {"type": "string"},
        "combinations": {"type": "integer", "minimum": 0},
        "only_old": {"type": "integer", "minimum": 0},
        "only_new": {"type": "integer", "minimum": 0},
        "changed": {"type": "integer", "minimum": 0},
        "changes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "old", "new", "count", "conditions", "examples"],
                "additionalProperties": False,
                "properties": {
                    "kind": {"enum": ["level", "structures", "methods", "warnings"]},
                    "old": NAMES,
                    "new": NAMES,
                    "count": {"type": "integer", "minimum": 1},
                    "conditions": {
                        "type": "array",
                        "items": {"type": "object", "additionalProperties": NAMES},
                    },
                    "examples": {
                        "type": "array",
                        "items": {"type": "object", "additionalProperties": {"type": "string"}},
                    },
                },
            },
        },
        "groups": {
            "type": "object",
            "propertyNames": {"enum": ["level", "structures", "methods", "warnings"]},
            "additionalProperties": {"type": "integer", "minimum": 1},
        },
        "overlap": {"type": "integer", "minimum": 0},
        "renamed": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["list", "old", "new"],
                "additionalProperties": False,
                "properties": {name: {"type": "string"} for name in ("list", "old", "new")},
            },
        },
        "added": {"$ref": "#/definitions/listed"},
        "removed": {"$ref": "#/definitions/listed"},
        "edited": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["item", "fields"],
                "additionalProperties": False,
                "properties": {"item": {"type": "string"}, "fields": NAMES},
            },
        },
        "texts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["path", "langs", "old", "new"],
                "additionalProperties": False,
                "properties": {
                    "path": {"type": "string"},
                    "langs": {**NAMES, "minItems": 1},
                    "old": {"type": "object", "additionalProperties": {"type": "string"}},
                    "new": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            },
        },
    },
    "definitions": {
        "listed": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["list", "id"],
                "additionalProperties": False,
                "properties": {"list": {"type": "string"}, "id": {"type": "string"}},
            },
        }
    },
}


def test_json_keeps_its_fields_and_adds_the_new_ones(tmp_path, cli):
    jsonschema = pytest.importorskip("jsonschema")
    new = renamed_everywhere(tmp_path, *PLANTED[:1], ("will be paid", "will be compensated"))
    for old_path, new_path in (
        (DEFAULT_RULES, KRONOBERG_RULES),
        (DEFAULT_RULES, new.info.path),
        (DEFAULT_RULES, DEFAULT_RULES),
    ):
        done = cli("diff", str(old_path), str(new_path), "-f", "json")
        data = json.loads(done.stdout)
        jsonschema.Draft7Validator(DIFF_SCHEMA).validate(data)
        for kind, count in data["groups"].items():
            lines = sum(c["count"] for c in data["changes"] if c["kind"] == kind)
            # a combination can gain one warning and lose another: two lines, one count
            assert lines == count if kind != "warnings" else lines >= count
    assert data["changed"] == 0
    data = json.loads(cli("diff", str(DEFAULT_RULES), str(new.info.path), "-f", "json").stdout)
    assert data["renamed"] == [
        {"list": "structures", "old": "interest_bank", "new": "patient_register"}
    ]
    (text,) = data["texts"]
    assert text["path"] == "expectations.parts[compensation].text" and text["langs"] == ["en"]
    assert "be compensated" in text["new"]["en"] and "be compensated" not in text["old"]["en"]
    assert next(iter(data["groups"])) == "level"  # in the order of the changes: level first


def test_shipped_files_diff_lists_kronobergs_edits():
    report = diff_rules(load_rules(DEFAULT_RULES), load_rules(KRONOBERG_RULES))
    files = report.files
    assert ("structures", "resource_group") in [(x.where, x.id) for x in files.added]
    assert any(x.path.startswith("region.") for x in files.texts)
    data = diff_to_dict(report)
    assert data["changed"] == report.changed > 0


def test_untrusted_text_is_shown_escaped_in_the_word_diff():
    change = TextChange(
        "credits", ("en",), {"en": "plain words"}, {"en": "plain \x1b]0;x\x07 words"}
    )
    report = DiffReport("a.yaml", "b.yaml", 1, 0, 0, 0, [], 0, FileChanges(texts=[change]))
    out = diff_to_text(report, "en", texts=True)
    assert "\x1b" not in out and "\x07" not in out
    assert "{+\\x1b]0;x\\x07+}" in out


def test_word_diff_joins_near_changes_and_shortens_long_runs():
    assert word_diff("a b c d", "a x c d") == "a [-b-] {+x+} c d"
    assert word_diff("one two three four five", "one 2 three 4 five") == (
        "one [-two three four-] {+2 three 4+} five"
    )
    long = " ".join(f"w{i}" for i in range(30))
    shortened = word_diff(long + " end", long + " stop")
    assert shortened == "... w24 w25 w26 w27 w28 w29 [-end-] {+stop+}"
    assert word_diff("x " + long, "y " + long) == "[-x-] {+y+} w0 w1 w2 w3 w4 w5 ..."


WORDS = st.lists(st.sampled_from(["a", "b", "c", "dd", "e"]), max_size=30)
PIECE = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}|(\S+)")


@given(WORDS, WORDS)
def test_word_diff_holds_both_texts(a, b):
    """With room for every unchanged word, the old text is the diff without its additions and
    the new text the diff without its removals."""
    out = word_diff(" ".join(a), " ".join(b), context=100)
    old, new = [], []
    for removed, added, same in PIECE.findall(out):
        old += (removed or same).split() if not added else []
        new += (added or same).split() if not removed else []
    assert (old, new) == (a, b)


NEW_WARNING = (
    "  - id: relatives_consent\n",
    '  - id: new_warning\n    when:\n      arena: ["system_wide"]\n'
    '    text:\n      sv: "Ny varning."\n      en: "New warning."\n'
    "  - id: relatives_consent\n",
)


def test_a_new_warning_is_one_line_with_its_conditions(tmp_path):
    old, new = load_rules(DEFAULT_RULES), edited(tmp_path, NEW_WARNING)
    report = diff_rules(old, new)
    (change,) = report.changes
    reached = sum(a["arena"] == "system_wide" for a in diff_space(new.rules))
    assert (change.kind, change.old, change.new) == ("warnings", (), ("new_warning",))
    assert change.count == report.changed == reached and change.conditions == [
        {"arena": ["system_wide"]}
    ]
    lines = diff_to_text(report, "en").splitlines()
    assert lines[1] == f"  warnings: + new_warning ({reached} combinations)"
    assert "  warnings: new_warning" in lines  # under Added


@pytest.mark.exhaustive
def test_warnings_gained_and_lost_add_up_against_brute_force(tmp_path):
    """A warning narrowed to where another is not added: some combinations lose one and gain
    the other, so the warning lines add up to more than the combinations."""
    narrowed = (
        '      arena: ["unit_development", "system_wide"]\n    levels: [influence, co_determination]\n'
        "    text:",
        '      arena: ["unit_development"]\n    levels: [influence, co_determination]\n    text:',
    )
    old, new = load_rules(DEFAULT_RULES), edited(tmp_path, NEW_WARNING, narrowed)
    report = diff_rules(old, new)
    lost = [c for c in report.changes if c.new == ()]
    assert [c.old for c in lost] == [("representativeness",)]
    groups, changed, _ = brute_groups(old, new)
    assert report.groups() == dict(groups) == {"warnings": changed}
    assert sum(c.count for c in report.changes) > changed == report.changed
    assert diff_to_text(report, "en").splitlines()[1].startswith("By kind: warnings ")


def test_settings_are_listed_by_item_and_field(tmp_path):
    new = edited(
        tmp_path,
        ("languages: [sv, en]\n", "languages: [en, sv]\n"),
        ("selection:\n  structures: 3\n", "selection:\n  structures: 4\n"),
        (
            '  - id: workshop\n    when:\n      arena: ["unit_development", "system_wide"]\n'
            "    levels: [dialogue]\n",
            '  - id: workshop\n    when:\n      arena: ["system_wide"]\n    levels: [dialogue]\n',
        ),
    )
    report = diff_rules(load_rules(DEFAULT_RULES), new)
    assert [(e.item, e.fields) for e in report.files.edited] == [
        ("", ("languages",)),
        ("selection", ("structures",)),
        ("methods[workshop]", ("when",)),
    ]
    lines = diff_to_text(report, "en").splitlines()
    start = lines.index("Settings changed (other than texts):")
    assert lines[start + 1 : start + 4] == [
        "  languages",
        "  selection: structures",
        "  methods[workshop]: when",
    ]
    assert {"structures", "methods"} <= set(report.groups())
