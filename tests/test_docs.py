"""The README and docs/cli.md show what the code really prints; the README's example runs."""

from __future__ import annotations

import importlib.util
import re

from .conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "docs" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current():
    generator = _generator()
    for path, text in generator.expected().items():
        written = path.read_text(encoding="utf-8")
        if path.name == "cli.md" and f"{generator.help_layout()}'s" not in written:
            continue  # another typer lays help out its own way: the next test reads the content
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run `python docs/generate.py`"
        )


def test_the_reference_holds_every_option_and_help_text_whatever_the_layout():
    from typer.main import get_command

    from ladder.cli import app

    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in get_command(app).commands.items():
        section = reference.split(f"## ladder {name}\n", 1)[1].split("\n## ", 1)[0]
        flat = _flat(section)
        assert " ".join((command.help or "").split()[:6]) in flat, name
        for param in command.params:
            for flag in param.opts if param.param_type_name == "option" else []:
                assert re.search(rf"(^|[\s,]){re.escape(flag)}\b", section), (name, flag)
            help_text = _flat(getattr(param, "help", None) or "")
            assert help_text in flat, (name, param.name)


def _flat(text: str) -> str:
    """Text without its layout: one space between words, words broken at a hyphen joined."""
    return re.sub(r"- ", "-", " ".join(text.split()))


def test_every_command_is_in_the_readme_and_the_reference():
    from typer.main import get_command

    from ladder.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in get_command(app).commands:
        assert f"`ladder {name}" in readme, name
        assert f"## ladder {name}" in reference, name


def test_readme_library_example_runs(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"## Library\n\n```python\n(.*?)```", readme, re.S).group(1)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("Inflytande - ")
    assert "## Rekommenderad nivå: Inflytande" in out


def test_readme_documents_every_exit_code():
    from ladder import errors

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    codes = {value for name, value in vars(errors).items() if name.startswith("EXIT_")}
    for code in codes:
        assert re.search(rf"^\| {code} \||\b{code} when", table, re.M), code


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"# 2\. Run the test suite\n(.+)\n", readme).group(1)
    assert command in ci
