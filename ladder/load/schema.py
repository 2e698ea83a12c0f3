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
    full = {key: value for key, value in _draft7(raw, renamed).items() if key != "title"}
    out: dict[str, Any] = {"$schema": DRAFT_7, "$id": SCHEMA_ID}
    out["title"] = raw.get("title", "Rules")
    out["description"] = (
        "A rules file for ladder: the participation ladder, the interview, how the level is "
        "chosen, recruitment structures, methods, warnings, the expectations statement, "
        "worked examples and declared properties. A file with `extends` is an overlay: it "
        "gives only what differs from the file it extends."
    )
    # A full file must have every required key; an overlay only the keys it changes.
    out["if"] = {"required": ["extends"]}
    out["then"] = {"$ref": "#/definitions/Overlay"}
    out["else"] = {"$ref": "#/definitions/Rules"}
    found = {name: _draft7(value, renamed) for name, value in definitions.items()}
    found["Rules"] = {"title": "Rules", **full}
    out["definitions"] = dict(sorted({**found, **_overlay_definitions(found)}.items()))
    return out


def _overlay_definitions(definitions: dict[str, Any]) -> dict[str, Any]:
    """The same definitions, relaxed for an overlay: nothing required, null removes a key,
    items of lists merged by id may be placed with `after` / `before`; plus extends, remove."""
    from ladder.load.overlay import ID_LISTS, PLACES

    objects = {n for n, d in definitions.items() if "properties" in d}
    placed = {_item_title(definitions, path) for path in ID_LISTS}
    out = {f"{name}Patch": _patch(definitions[name], objects) for name in objects}
    for name in placed:
        for place in PLACES:
            out[f"{name}Patch"]["properties"][place] = {
                "type": "string",
                "description": f"Overlay: put this item {place} the item with this id (or name).",
            }
    overlay = dict(out.pop("RulesPatch"), title="Overlay", required=["extends"])
    overlay["properties"] = dict(overlay["properties"])
    overlay["properties"]["extends"] = {
        "type": "string",
        "description": "The rules this file changes: builtin (the default rules), "
        "builtin:kronoberg, or a file path relative to this file's folder.",
    }
    overlay["properties"]["remove"] = {
        "type": "object",
        "description": "Items to remove, by list: structures: [id, ...], "
        "questions.ID.options: [id, ...], examples: [name, ...].",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    }
    return {"Overlay": overlay, **out}


def _patch(node: Any, objects: set[str]) -> Any:
    if isinstance(node, list):
        return [_patch(item, objects) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.rsplit("/", 1)[-1] in objects:
        return {**node, "$ref": ref + "Patch"}
    out = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            out[key] = {name: _nullable(field, objects) for name, field in value.items()}
        elif key != "required":
            out[key] = _patch(value, objects)
    return out


def _nullable(field: dict[str, Any], objects: set[str]) -> dict[str, Any]:
    """A field of an overlay: its value relaxed, or null (which removes the base's value)."""
    inner = {k: v for k, v in _patch(field, objects).items() if k != "description"}
    return {"description": field.get("description", ""), "anyOf": [inner, {"type": "null"}]}


def _item_title(definitions: dict[str, Any], path: tuple[str, ...]) -> str:
    """The definition of the items of the list at `path` in a rules file."""
    node = definitions["Rules"]
    for part in (*path, "items"):
        node = node["items"] if part in ("*", "items") else node["properties"][part]
        for _ in range(2):  # {"$ref"} or {"allOf": [{"$ref"}]}, possibly inside "items"
            ref = node.get("$ref") or (node.get("allOf") or [{}])[0].get("$ref")
            if ref:
                node = definitions[ref.rsplit("/", 1)[-1]]
    return str(node.get("title"))


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
