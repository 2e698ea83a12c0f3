"""An overlay's bases declare properties too. The merged rules keep every base property the
overlay left alone, and `check` proves those as its own. A base property the overlay replaced
(by its id) or removed is a deliberate relaxation: it is proved on the merged rules all the same
and reported as a note beside the findings, so that a region relaxes a promise of the default
rules (say, that acceptance raises the level) openly, never quietly."""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

from ladder.check.findings import Analysis
from ladder.check.properties import check_properties
from ladder.i18n.messages import t
from ladder.load.loader import Loader, locate_in
from ladder.load.overlay import Resolved
from ladder.load.references import find_reference_problems
from ladder.model import Property


@dataclasses.dataclass(frozen=True)
class Relaxed:
    """A base property the overlay replaced or removed, and whether it still holds: where the
    base declares it, and why it does not hold (empty when it does)."""

    id: str
    how: Literal["replaced", "removed"]
    proved: bool
    reason: str
    file: str
    line: int
    column: int


def check_inherited(a: Analysis, resolved: Resolved) -> list[Relaxed]:
    """Prove each base property that the merged rules do not declare as it stands."""
    from pydantic import ValidationError

    own = list(a.rules.properties)
    own_ids = {p.id for p in own}
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
        return []
    rules = a.rules.model_copy(update={"properties": props})
    reasons = {path[1]: message for path, message in _reference_problems(rules, a.lang)}
    usable = [i for i in range(len(props)) if i not in reasons]
    mine = dataclasses.replace(
        a, rules=rules.model_copy(update={"properties": [props[i] for i in usable]}), found=[]
    )
    results = check_properties(mine)
    for raw in mine.found:
        if isinstance(raw.path[1], int) and raw.path[:1] == ("properties",):
            reasons[usable[raw.path[1]]] = raw.message
    proved = {usable[i]: r.proved for i, r in enumerate(results)}
    out = []
    for i, prop in enumerate(props):
        file, line, column = _where(nodes[i])
        how: Literal["replaced", "removed"] = "replaced" if prop.id in own_ids else "removed"
        holds = proved.get(i, False) and i not in reasons
        out.append(Relaxed(prop.id, how, holds, reasons.get(i, ""), file, line, column))
    return out


def relaxed_text(item: Relaxed, lang: str) -> str:
    """One line of the report: which base property the overlay relaxed, and whether it holds."""
    where = f"{item.file}:{item.line}:{item.column}"
    key = "check.relaxed_holds" if item.proved else "check.relaxed_fails"
    how = t(f"check.relaxed.{item.how}", lang)
    return t(key, lang, id=item.id, how=how, where=where, reason=item.reason)


def _reference_problems(rules: Any, lang: str) -> list[tuple[Any, str]]:
    found = [(p, m) for p, m, _ in find_reference_problems(rules, lang) if p[:1] == ("properties",)]
    return [(p, t("check.inherited_property", lang, problem=m)) for p, m in found]


def _where(node: Any) -> tuple[str, int, int]:
    """The file, line and column of a property item of a base (its `id` key, else the item)."""
    return locate_in(node, ("id",))
