"""The import graph keeps the data flowing one way; docs/imports.py reads it from the source."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("imports", ROOT / "docs" / "imports.py")
assert _spec and _spec.loader
imports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(imports)


def test_no_import_runs_against_the_flow() -> None:
    assert imports.problems(imports.graph(), imports.graph(at_import=True)) == []


def test_the_check_finds_an_arrow_against_the_flow() -> None:
    graph = imports.graph()
    loaded = imports.graph(at_import=True)
    graph["ladder.model"] = graph["ladder.model"] | {"ladder.output.text"}
    loaded["ladder.conditions"] = loaded["ladder.conditions"] | {"ladder.i18n.messages"}
    found = imports.problems(graph, loaded)
    assert any(line.startswith("ladder.model (model) imports ladder.output.text") for line in found)
    assert "ladder.engine loads ladder.i18n.messages" in found


def test_what_the_engine_loads_is_what_the_graph_says() -> None:
    probe = "import json, sys, ladder.engine; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = {m for m in json.loads(out.stdout) if m == "ladder" or m.startswith("ladder.")}
    assert loaded == imports.closure(imports.graph(at_import=True), "ladder.engine")
    assert loaded <= {"ladder", "ladder.engine"} | imports.ENGINE_MAY_IMPORT
    assert not {"yaml", "rich", "questionary", "typer"} & set(json.loads(out.stdout))


def test_the_script_runs_and_prints_every_module() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "imports.py")], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout[-2000:]
    for name in imports.modules():
        assert f"| {name} |" in out.stdout


def test_the_readme_says_the_job_of_every_part() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    package = ROOT / "ladder"
    parts = [f"ladder/{p.name}/" for p in package.iterdir() if (p / "__init__.py").exists()]
    parts += [f"ladder/{p.name}" for p in package.glob("*.py") if not p.name.startswith("__")]
    assert [p for p in parts if f"`{p}`" not in readme] == []
