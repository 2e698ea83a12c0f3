"""The JSON Schema (draft 7) of a rules file, generated from the pydantic models in model.py.

The generated text is committed as ladder/rules.schema.json and shipped in the package; editors
find it through the `# yaml-language-server: $schema=...` line at the top of each rules file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ladder.model import Rules

DRAFT_7 = "http://json-schema.org/draft-07/schema#"
SCHEMA_ID = "https://ladder.invalid/rules.schema.json"
SCHEMA_FILE = Path(__file__).resolve().parents[1] / "rules.schema.json"


def rules_schema() -> dict[str, Any]:
    """The schema as a draft-7 document: `definitions` instead of `$defs`, no keys beside `$ref`."""
    raw = Rules.model_json_schema(by_alias=True, mode="validation")
    # A definition is named by its title: the format's own name, whatever the class is called.
    defs = raw.pop("$defs", {})
    definitions = {d.get("title", n): d for n, d in defs.items()}
    renamed = {f"#/$defs/{n}": f"#/definitions/{d.get('title', n)}" for n, d in defs.items()}
    body = _draft7(raw, renamed)
    out: dict[str, Any] = {"$schema": DRAFT_7, "$id": SCHEMA_ID}
    out.update(body)
    out["description"] = (
        "A rules file for ladder: the participation ladder, the interview, how the level is "
        "chosen, recruitment structures, methods, warnings, the expectations statement, "
        "worked examples and declared properties."
    )
    out["definitions"] = {
        name: _draft7(value, renamed) for name, value in sorted(definitions.items())
    }
    return out


def schema_text() -> str:
    """The schema as committed: stable key order, two-space indent, a final newline."""
    return json.dumps(rules_schema(), indent=2, ensure_ascii=False) + "\n"


def _draft7(node: Any, renamed: dict[str, str]) -> Any:
    if isinstance(node, list):
        return [_draft7(item, renamed) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _draft7(value, renamed) for key, value in node.items()}
    if "const" in node and node.get("enum") == [node["const"]]:
        del node["enum"]  # older pydantic writes both for a Literal of one value
    ref = node.get("$ref")
    if isinstance(ref, str):
        ref = renamed.get(ref, ref.replace("#/$defs/", "#/definitions/"))
        if len(node) > 1:
            # Draft 7 ignores keys beside $ref, so the description would be lost.
            rest = {key: value for key, value in node.items() if key != "$ref"}
            return {**rest, "allOf": [{"$ref": ref}]}
        node["$ref"] = ref
    return node
