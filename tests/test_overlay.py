"""Overlays: a rules file that `extends` another. Merge rules, chains, located errors in the file
that wrote the value, the cache, and `ladder show --resolved`. Mechanisms run on a copy of the
small fixture (tests/fixtures/small.yaml) as the base; Kronoberg's equivalence is in
test_overlay_kronoberg.py."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from ladder.check.checker import check_file
from ladder.errors import RulesError
from ladder.load.loader import load_rules, parse_rules
from ladder.load.overlay import MAX_CHAIN, resolve

from .conftest import SMALL_RULES


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SMALL_RULES, tmp_path / "base.yaml")
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def overlay(folder: Path, text: str, name: str = "over.yaml") -> Path:
    return write(folder, name, "extends: base.yaml\n" + textwrap.dedent(text).lstrip())


def problems(path: Path) -> list[str]:
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    return caught.value.details


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def ids(items: list) -> list[str]:
    return [item.id for item in items]


def test_an_item_with_a_known_id_is_merged_in_its_place(folder):
    base = load_rules(folder / "base.yaml").rules
    path = overlay(
        folder,
        """
        structures:
          - id: own
            name: {en: Our patients}
        """,
    )
    rules = load_rules(path).rules
    assert ids(rules.structures) == ids(base.structures)  # same place
    own = next(s for s in rules.structures if s.id == "own")
    assert own.name == {"sv": "Egna patienter", "en": "Our patients"}  # mapping merged by key
    assert own.how == base.structures[1].how  # keys not given stay
    assert rules.methods == base.methods and rules.steps == base.steps


def test_a_new_item_goes_at_the_end_or_where_after_or_before_says(folder):
    new = """
          - id: {id}
            {place}
            when: {{place: ["unit"]}}
            name: {{sv: Ny, en: New}}
            description: {{sv: Ny., en: New.}}
            mandate: personal
            how: {{sv: Fråga., en: Ask.}}
    """
    text = "structures:\n" + "".join(
        textwrap.dedent(new).format(id=i, place=p).replace("\n\n", "\n")
        for i, p in [("last", ""), ("second", "after: patient"), ("first", "before: patient")]
    )
    rules = load_rules(overlay(folder, text)).rules
    assert ids(rules.structures) == ["first", "patient", "second", "own", "association", "last"]


def test_after_moves_an_existing_item(folder):
    path = overlay(folder, "methods:\n  - id: talk\n    after: workshop\n")
    assert ids(load_rules(path).rules.methods) == ["leaflet", "survey", "workshop", "talk"]


def test_placing_next_to_an_unknown_id_is_located_with_a_guess(folder):
    path = overlay(folder, "methods:\n  - id: talk\n    after: worksho\n")
    [problem] = problems(path)
    assert problem.startswith(f"{path}:4:12: ")
    assert "'worksho'" in problem and "did you mean 'workshop'" in problem


def test_remove_takes_items_out_of_lists_by_dotted_path(folder):
    text = """
        level:
          target:
            - id: purpose
              map: {"discuss": ~}
        remove:
          methods: [leaflet]
          level.floors: [acceptance]
          questions.purpose.options: [discuss]
          warnings: [capped]
          examples: ["cap lowers discussion to consultation", "floor raises views to dialogue"]
        """
    rules = load_rules(overlay(folder, text)).rules
    assert ids(rules.methods) == ["talk", "survey", "workshop"]
    assert rules.level.floors == [] and rules.warnings == []
    assert ids(rules.question("purpose").options) == ["inform", "views"]
    assert "discuss" not in rules.level.target[1].map
    assert [e.name for e in rules.examples] == ["visit, asked"]
    # without removing the examples, the base's examples are wrong: located in the base
    base = folder / "base.yaml"
    found = problems(overlay(folder, text.replace("          examples:", "          x_examples:")))
    assert found, "the broken remove path itself is reported"
    found = problems(overlay(folder, text.rsplit("          examples:", 1)[0]))
    assert found and all(p.startswith(f"{base}:") for p in found)
    assert any(f":{line_of(base, 'purpose: discuss')}:" in p for p in found)
    # named by the examples' names, which is how the overlay can reach them
    assert any('examples["cap lowers discussion to consultation"].answers' in p for p in found)


@pytest.mark.parametrize(
    ("entry", "needle", "message"),
    [
        ("methods: [surve]", "surve", "there is no item 'surve' to remove; did you mean 'survey'?"),
        ("method: [survey]", "method:", "'method' is not a list of items with ids"),
        ("questions.wsh.options: [asked]", "questions.wsh", "is not a list of items with ids"),
        ("methods: survey", "survey", "'remove' needs lists of ids by list"),
    ],
)
def test_a_bad_remove_is_located_at_the_entry(folder, entry, needle, message):
    path = overlay(folder, f"remove:\n  {entry}\n")
    [problem] = problems(path)
    assert problem.startswith(f"{path}:{line_of(path, needle)}:")
    assert message in problem


def test_nested_options_merge_by_id_and_new_options_can_be_placed(folder):
    path = overlay(
        folder,
        """
        questions:
          - id: purpose
            options:
              - id: "views"
                text: {en: Their views}
              - id: "test"
                after: views
                text: {sv: Pröva, en: Test}
                help: {sv: Pröva förslag., en: Test proposals.}
        level:
          target:
            - id: purpose
              map: {"test": dialogue}
        """,
    )
    rules = load_rules(path).rules
    purpose = rules.question("purpose")
    assert ids(purpose.options) == ["inform", "views", "test", "discuss"]
    assert purpose.options[1].text == {"sv": "Synpunkter", "en": "Their views"}
    target = next(r for r in rules.level.target if r.id == "purpose")
    assert target.map["test"] == "dialogue" and target.map["inform"] == "information"


def test_plain_lists_replace_and_null_removes_a_key(folder):
    path = overlay(
        folder,
        """
        structures:
          - id: association
            levels: [consultation, dialogue]
            when: ~
        """,
    )
    association = load_rules(path).rules.structures[2]
    assert association.levels == ["consultation", "dialogue"]
    assert association.when == {}


def test_a_chain_merges_in_order_and_locates_each_value_in_its_file(folder):
    overlay(
        folder,
        "region:\n  name: {en: Middle}\nmethods:\n  - id: talk\n    time: {en: ten}\n",
        "mid.yaml",
    )
    top = write(folder, "top.yaml", "extends: mid.yaml\nregion:\n  name: {sv: Toppen}\n")
    found = resolve(top)
    assert [link.name for link in found.chain] == [
        str(top),
        str(folder / "mid.yaml"),
        str(folder / "base.yaml"),
    ]
    rules = load_rules(top).rules
    assert rules.region.name == {"sv": "Toppen", "en": "Middle"}
    assert rules.methods[0].time == {"sv": "tio minuter", "en": "ten"}
    # an error written in the middle file is reported there
    mid = folder / "mid.yaml"
    mid.write_text(mid.read_text().replace("time: {en: ten}", "time: {en: 10}"))
    [problem] = problems(top)
    assert problem.startswith(f"{mid}:{line_of(mid, 'time:')}:")


def test_a_cycle_is_located_at_the_extends_that_closes_it(folder):
    write(folder, "a.yaml", "extends: b.yaml\n")
    b = write(folder, "b.yaml", "region:\n  id: b\nextends: a.yaml\n")
    [problem] = problems(folder / "a.yaml")
    assert problem.startswith(f"{b}:3:10: ") and "goes round in a circle" in problem


def test_a_chain_longer_than_the_bound_is_refused(folder):
    previous = "base.yaml"
    for i in range(MAX_CHAIN + 1):
        write(folder, f"o{i}.yaml", f"extends: {previous}\n")
        previous = f"o{i}.yaml"
    [problem] = problems(folder / previous)
    assert f"more than {MAX_CHAIN} files extend one another" in problem
    assert load_rules(folder / f"o{MAX_CHAIN - 2}.yaml").rules.region.id  # within the bound


def test_a_missing_base_and_an_unknown_builtin_are_located_at_extends(folder):
    path = write(folder, "over.yaml", "version: 1\nextends: nowhere.yaml\n")
    [problem] = problems(path)
    assert problem.startswith(f"{path}:2:10: ") and "nowhere.yaml does not exist" in problem
    path.write_text("extends: builtin:kronoborg\n")
    [problem] = problems(path)
    assert "no built-in rules called 'builtin:kronoborg'" in problem
    assert "did you mean 'builtin:kronoberg'" in problem
    path.write_text("extends: [builtin]\n")
    [problem] = problems(path)
    assert problem.startswith(f"{path}:1:10: ") and "'extends' needs a file name" in problem


def test_a_yaml_error_in_the_base_is_located_in_the_base(folder):
    base = folder / "base.yaml"
    base.write_text(base.read_text().replace("languages: [sv, en]", "languages: [sv, en"))
    [problem] = problems(overlay(folder, "region:\n  id: mine\n"))
    assert problem.startswith(f"{base}:") and "YAML syntax error" in problem
    assert [problem] == problems(base)  # where loading the base alone puts it


def test_a_bad_value_is_located_in_the_file_that_wrote_it(folder):
    path = overlay(folder, "structures:\n  - id: own\n    mandate: persnal\n")
    [problem] = problems(path)
    assert problem.startswith(f"{path}:4:5: structures[own].mandate:")
    # a base value the overlay breaks: a worked example of the base expects a removed method
    path = overlay(folder, "remove:\n  methods: [workshop]\n")
    base = folder / "base.yaml"
    found = problems(path)
    assert found and all(p.startswith(f"{base}:") for p in found)
    assert any(f":{line_of(base, 'methods: [workshop]')}:" in p for p in found)


def test_version_must_agree(folder):
    path = overlay(folder, "version: 2\n")
    [problem] = problems(path)
    assert problem.startswith(f"{path}:2:10: ") and "version 2 differs from version 1" in problem


def test_the_cache_notices_a_changed_base(folder, monkeypatch):
    from ladder.load import loader

    path = overlay(folder, "region:\n  id: mine\n")
    first = load_rules(path)
    parse = loader._parse_and_validate
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_parse_and_validate", None)  # a miss would call it
        again = load_rules(path)  # from the cache
    assert again.rules == first.rules and again.info.sha256 == first.info.sha256
    assert loader._parse_and_validate is parse
    base = folder / "base.yaml"
    base.write_text(base.read_text().replace("Promises adapted from IAP2.", "Changed."))
    changed = load_rules(path)
    assert changed.rules.credits["en"] == "Changed."
    assert changed.info.sha256 != first.info.sha256
    # the same overlay in another folder meets another base: never the cached chain
    other = folder / "elsewhere"
    other.mkdir()
    shutil.copy(SMALL_RULES, other / "base.yaml")
    shutil.copy(path, other / "over.yaml")
    assert load_rules(other / "over.yaml").rules.credits["en"] == "Promises adapted from IAP2."


def test_check_locates_findings_in_the_overlay_and_in_the_base(folder):
    path = overlay(
        folder,
        """
        level:
          caps:
            - id: weeks
              step: dialogue
        remove:
          properties: [weeks_cap]
        """,
    )
    report = check_file(path, "en")
    base = folder / "base.yaml"
    # the base's property, removed by the overlay, is proved on the merged rules and reported,
    # where the base declares it, as a relaxation: a note, not a finding
    assert not [f for f in report.findings if f.code == "property.refuted"]
    [relaxed] = report.relaxed
    assert (relaxed.id, relaxed.how, relaxed.proved) == ("weeks_cap", "removed", False)
    assert (relaxed.file, relaxed.line) == (str(base), line_of(base, "id: weeks_cap"))
    assert "weeks_cap" not in {p.id for p in report.properties}
    failed = [f for f in report.findings if f.code == "example.failed"]
    assert failed and all(f.file == str(base) for f in failed)


def test_check_reports_an_overlay_value_in_the_overlay(folder):
    path = overlay(
        folder,
        """
        methods:
          - id: chat
            when: {place: ["visit"]}
            levels: [dialogue]
            name: {sv: Prat, en: Chat}
            description: {sv: Prat., en: Chat.}
            how: {sv: Prata., en: Chat.}
            time: {sv: kort, en: short}
        """,
    )
    report = check_file(path, "en")
    [finding] = report.findings
    assert (finding.code, finding.file, finding.line) == (
        "unreachable.method",
        str(path),
        line_of(path, "id: chat"),
    )


def test_show_resolved_round_trips(folder, cli, tmp_path):
    path = overlay(
        folder, "structures:\n  - id: own\n    after: association\n    name: {en: Ours}\n"
    )
    result = cli("show", "--resolved", str(path))
    assert result.exit_code == 0, result.stderr
    assert "extends" not in yaml.safe_load(result.stdout)
    full = tmp_path / "full.yaml"
    full.write_text(result.stdout, encoding="utf-8")
    assert parse_rules(full.read_bytes(), str(full)).rules == load_rules(path).rules
    written = cli("show", str(path))
    assert written.exit_code == 0 and written.stdout == path.read_text()


def test_show_reports_a_broken_overlay_with_exit_3(folder, cli):
    path = overlay(folder, "remove:\n  methods: [nothing]\n")
    result = cli("show", "--resolved", str(path))
    assert result.exit_code == 3
    assert f"{path}:3:13: there is no item 'nothing' to remove" in result.stderr
    assert result.stdout == ""  # nothing could be merged


def test_show_prints_a_merge_whose_rules_are_invalid_and_reports_them(folder, cli):
    # the merge succeeds, but the base's examples now expect a method that is gone
    path = overlay(folder, "remove:\n  methods: [survey]\n")
    result = cli("show", "--resolved", str(path))
    assert result.exit_code == 3
    assert "id: talk" in result.stdout and "id: survey" not in result.stdout
    assert "unknown method 'survey'" in result.stderr


def test_a_base_property_the_overlay_leaves_alone_is_still_an_error_when_it_breaks(folder):
    path = overlay(folder, "level:\n  caps:\n    - id: weeks\n      step: dialogue\n")
    report = check_file(path, "en")
    base = folder / "base.yaml"
    refuted = [f for f in report.findings if f.code == "property.refuted"]
    assert [(f.file, f.line) for f in refuted] == [(str(base), line_of(base, "- id: weeks_cap"))]
    assert report.relaxed == []


def test_a_base_property_replaced_by_id_is_a_note_and_its_own_version_is_proved(folder, cli):
    path = overlay(
        folder,
        """
        level:
          caps:
            - id: weeks
              step: dialogue
        properties:
          - id: weeks_cap
            step: dialogue
        """,
    )
    report = check_file(path, "en")
    [relaxed] = report.relaxed
    assert (relaxed.id, relaxed.how, relaxed.proved) == ("weeks_cap", "replaced", False)
    assert {p.id: p.proved for p in report.properties}["weeks_cap"]
    result = cli("check", "--lang", "sv", str(path))
    assert "ersätter egenskapen 'weeks_cap'" in result.stdout


def test_after_and_before_on_one_item_are_refused_at_the_second(folder):
    path = overlay(
        folder,
        """
        methods:
          - id: survey
            after: talk
            before: workshop
        """,
    )
    [problem] = problems(path)
    assert problem.startswith(f"{path}:5:5:") and "not both" in problem


def test_a_mistyped_example_name_gets_a_guess_not_a_list_of_missing_keys(folder):
    path = overlay(folder, 'examples:\n  - name: "visit, askd"\n    expect: {level: dialogue}\n')
    [problem] = problems(path)
    assert "'visit, askd'" in problem and "did you mean 'visit, asked'?" in problem
    assert problem.startswith(f"{path}:3:11:")
