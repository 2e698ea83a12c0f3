"""Rules as YAML text, in the style of the shipped files: block style, texts in double quotes,
ids plain, lists of ids on one line. `ladder show --resolved` prints an overlay's merged rules
with it; the text loads back into the same rules."""

from __future__ import annotations

import re
from typing import Any

import yaml

_PLAIN = re.compile(r"^[a-z_][a-z0-9_]*$")
# Plain words YAML 1.1 reads as something other than text (PyYAML: yes, no, on, off, ...).
_NOT_TEXT = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # list items indented under their key


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _PLAIN.match(value) and value not in _NOT_TEXT:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flow = all(isinstance(item, str) and len(item) < 60 for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def rules_yaml(raw: dict[str, Any], header: list[str]) -> str:
    """`raw` (rules as plain data) as YAML text, after `header` as comment lines."""
    body = yaml.dump(raw, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header)
    return comments + ("\n" if comments else "") + body
