"""The package's import graph, read from the source: which module imports which, by stage.

    python docs/imports.py            the graph as a table, then the checks; exit 1 if one fails
    python docs/imports.py --closure ladder.engine   what importing one module loads of ladder

Data flows one way: rules file -> model -> answers -> engine -> wording -> document -> format.
A module may import its own stage or an earlier one, never a later one; the shared ground
(errors, reading and writing, catalogues, templates) is below every stage except the engine,
which loads the model, the results and the evaluation of conditions only.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ladder"

# The stage of each module, by its dotted name's first match (longest prefix wins).
STAGES = {
    "ladder.errors": 0,
    "ladder.io": 0,
    "ladder.i18n": 0,
    "ladder.templates": 0,
    "ladder.model": 1,
    "ladder.result": 1,
    "ladder.conditions": 1,
    "ladder.load": 2,
    "ladder.readers": 2,
    "ladder.answers": 3,
    "ladder.plan_file": 3,
    "ladder.engine": 4,
    "ladder.planning": 4,
    "ladder.wording": 5,
    "ladder.plan_wording": 5,
    "ladder.output.document": 6,
    "ladder.output.documents": 6,
    "ladder.output.plan_document": 6,
    "ladder.output": 7,
    "ladder.app": 8,
    "ladder.api": 8,
    "ladder.check": 8,
    "ladder.batch": 8,
    "ladder.followup": 8,
    "ladder.interview": 8,
    "ladder.hints": 8,
    "ladder.completion": 9,
    "ladder.cli": 9,
    "ladder.__main__": 9,
    "ladder": 9,
}
NAMES = [
    "shared ground",
    "model",
    "load",
    "answers",
    "engine",
    "wording",
    "document",
    "format",
    "use cases and front ends",
    "command line",
]
# What the engine may load: the model, the results and the conditions; it decides, it does
# not read, word or show.
ENGINE_MAY_IMPORT = {"ladder.model", "ladder.result", "ladder.conditions"}


def stage(module: str) -> int:
    best = max((p for p in STAGES if module == p or module.startswith(p + ".")), key=len)
    return STAGES[best]


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path, known: set[str], at_import: bool = False) -> set[str]:
    """The ladder modules a file imports, at module level or inside functions alike; with
    `at_import`, only what importing the file runs (no function bodies, no TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = _run_at_import(tree.body) if at_import else ast.walk(tree)
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in known else node.module)
    return {m for m in out if m in known}


def _run_at_import(body: list[ast.stmt]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.If):
            if "TYPE_CHECKING" not in ast.unparse(node.test):
                out += _run_at_import(node.body) + _run_at_import(node.orelse)
        elif isinstance(node, ast.Try):
            out += _run_at_import(node.body + node.orelse + node.finalbody)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            out.append(node)
    return out


def graph(at_import: bool = False) -> dict[str, set[str]]:
    found = modules()
    return {n: imports(path, set(found), at_import) - {n} for n, path in found.items()}


def closure(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every ladder module that importing `start` loads, its packages included."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(graph.get(name, ()))
        parent = name.rpartition(".")[0]
        if parent:
            todo.append(parent)
    return seen


def problems(graph: dict[str, set[str]], loaded: dict[str, set[str]]) -> list[str]:
    """Imports against the flow in `graph`; modules the engine loads, by `loaded`."""
    found = []
    for name, targets in sorted(graph.items()):
        for target in sorted(targets):
            if target == "ladder":
                continue  # the package itself: its version and lazy names
            if stage(target) > stage(name):
                found.append(
                    f"{name} ({NAMES[stage(name)]}) imports {target} ({NAMES[stage(target)]})"
                )
    engine_loads = closure(loaded, "ladder.engine") - {"ladder", "ladder.engine"}
    for name in sorted(engine_loads - ENGINE_MAY_IMPORT):
        found.append(f"ladder.engine loads {name}")
    return found


def main(argv: list[str]) -> int:
    found = graph()
    loaded = graph(at_import=True)
    if argv[:1] == ["--closure"] and len(argv) == 2:
        print("\n".join(sorted(closure(loaded, argv[1]))))
        return 0
    print("| stage | module | imports |\n|---|---|---|")
    for name in sorted(found, key=lambda n: (stage(n), n)):
        print(f"| {stage(name)} {NAMES[stage(name)]} | {name} | {', '.join(sorted(found[name]))} |")
    bad = problems(found, loaded)
    print()
    print(
        "\n".join(f"against the flow: {line}" for line in bad) or "no import runs against the flow"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
