"""The JSON Schema of the rules file: committed, current, draft 7, and the shipped files obey it."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from ladder.load.schema import SCHEMA_FILE, rules_schema, schema_text

from .conftest import SHIPPED_RULES

jsonschema = pytest.importorskip("jsonschema")


def test_committed_schema_is_current():
    # Compared as JSON: pydantic versions order a field's keys differently, to the same effect.
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json.loads(schema_text()), (
        "ladder/rules.schema.json is stale: run `ladder schema > ladder/rules.schema.json`"
    )


def test_schema_is_valid_draft_7():
    schema = rules_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)


def _objects(node: Any, path: str = "#"):
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, f"{path}/{i}")


def test_every_field_is_described_and_no_unknown_keys_are_allowed():
    objects = list(_objects(rules_schema()))
    assert len(objects) > 15
    for path, node in objects:
        assert node.get("additionalProperties") is False, path
        for name, field in node["properties"].items():
            assert field.get("description"), f"{path}.{name}"


def test_fixed_vocabularies_are_enums():
    definitions = rules_schema()["definitions"]
    assert definitions["Question"]["properties"]["kind"]["enum"] == ["choice", "text"]
    assert definitions["Structure"]["properties"]["mandate"]["enum"] == [
        "personal",
        "organisational",
    ]
    assert definitions["Property"]["properties"]["kind"]["enum"] == [
        "at_most",
        "at_least",
        "monotone",
    ]


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=lambda p: p.stem)
def test_shipped_rules_obey_the_schema_and_reference_it(path):
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../ladder/rules.schema.json"
    assert (path.parent / "../ladder/rules.schema.json").resolve() == SCHEMA_FILE
    jsonschema.Draft7Validator(rules_schema()).validate(yaml.safe_load(text))


def test_schema_rejects_an_unknown_key():
    data = yaml.safe_load(SHIPPED_RULES[0].read_text(encoding="utf-8"))
    data["selections"] = data.pop("selection")
    errors = list(jsonschema.Draft7Validator(rules_schema()).iter_errors(data))
    assert any("selections" in e.message for e in errors)


def test_cli_prints_the_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == rules_schema()


def test_an_overlay_needs_only_what_it_changes_and_still_has_no_unknown_keys():
    validator = jsonschema.Draft7Validator(rules_schema())
    overlay = {
        "extends": "builtin",
        "region": {"id": "mine"},
        "structures": [{"id": "unit_patients", "after": "interest_bank", "levels": None}],
        "questions": [{"id": "purpose", "options": [{"id": "views", "text": {"en": "Views"}}]}],
        "remove": {"structures": ["interest_bank"], "questions.purpose.options": ["co_decide"]},
    }
    assert list(validator.iter_errors(overlay)) == []
    for bad in (
        {**overlay, "selections": {}},
        {**overlay, "structures": [{"id": "unit_patients", "mandat": "personal"}]},
        {**overlay, "remove": {"structures": "interest_bank"}},
        {**overlay, "extends": 1},
    ):
        assert list(validator.iter_errors(bad)), bad
    # without `extends`, the same keys are a full file that lacks most of what it needs
    full = {k: v for k, v in overlay.items() if k not in ("extends", "remove")}
    assert any("required" in e.message for e in validator.iter_errors(full))


def test_the_overlay_example_of_the_guide_obeys_the_schema_and_loads(tmp_path):
    from ladder.load.loader import load_rules

    from .conftest import ROOT

    guide = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Overlays") :]
    block = section[
        section.index("```yaml\n") + 8 : section.index("```\n", section.index("```yaml"))
    ]
    jsonschema.Draft7Validator(rules_schema()).validate(yaml.safe_load(block))
    path = tmp_path / "my-region.yaml"
    path.write_text(block, encoding="utf-8")
    rules = load_rules(path).rules
    assert rules.region.id == "my_region" and "patient_panel" in [s.id for s in rules.structures]
