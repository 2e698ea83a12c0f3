"""An overlay's bases declare properties too: they are proved on the merged rules, even when
the overlay replaced or removed them, so that a region cannot quietly drop a promise the
default rules make (say, that the level never exceeds the mandate)."""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml

from ladder.check.codes import WARNING
from ladder.check.findings import Analysis, Raw
from ladder.check.properties import PropertyResult, check_properties
from ladder.i18n.messages import t
from ladder.load.loader import Loader, locate_in
from ladder.load.overlay import Resolved
from ladder.load.references import find_reference_problems
from ladder.model import Property


@dataclasses.dataclass(frozen=True)
class Located:
    """A finding about a base's property, already located in the base."""

    raw: Raw
    file: str
    line: int
    column: int


def check_inherited(a: Analysis, resolved: Resolved) -> tuple[list[PropertyResult], list[Located]]:
    """Prove each base property that the merged rules do not declare as it stands."""
    from pydantic import ValidationError

    own = list(a.rules.properties)
    props: list[Property] = []
    nodes: list[Any] = []
    for node in resolved.inherited:
        try:
            prop = Property.model_validate(Loader("").construct_object(node, deep=True))
        except (ValidationError, TypeError, ValueError):
            continue  # its own file is checked when it is loaded; here there is nothing to prove
        if prop not in own and prop not in props:
            props.append(prop)
            nodes.append(node)
    if not props:
        return [], []
    rules = a.rules.model_copy(update={"properties": props})
    root = _root(nodes)
    problems = _reference_problems(rules, a.lang)
    located = [_at(root, Raw("property.inherited", WARNING, p, m)) for p, m in problems]
    broken = {path[1] for path, _ in problems}
    usable = [p for i, p in enumerate(props) if i not in broken]
    keep = [n for i, n in enumerate(nodes) if i not in broken]
    mine = dataclasses.replace(a, rules=rules.model_copy(update={"properties": usable}), found=[])
    results = check_properties(mine)
    root = _root(keep)
    located += [_at(root, raw) for raw in mine.found]
    return results, located


def _reference_problems(rules: Any, lang: str) -> list[tuple[Any, str]]:
    found = [(p, m) for p, m, _ in find_reference_problems(rules, lang) if p[:1] == ("properties",)]
    return [(p, t("check.inherited_property", lang, problem=m)) for p, m in found]


def _root(nodes: list[Any]) -> Any:
    """A stand-in rules tree that holds the bases' property items where paths look for them."""
    key = yaml.ScalarNode("tag:yaml.org,2002:str", "properties")
    mark = nodes[0].start_mark if nodes else None
    items = yaml.SequenceNode("tag:yaml.org,2002:seq", nodes, mark, mark)
    return yaml.MappingNode("tag:yaml.org,2002:map", [(key, items)], mark, mark)


def _at(root: Any, raw: Raw) -> Located:
    file, line, column = locate_in(root.value[0][1], raw.path[1:])
    return Located(raw, file, line, column)
