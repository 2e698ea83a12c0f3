"""`ladder init-region`: a new region's overlay that `check --strict` passes as written, the schema
beside it, and refusals that leave files alone."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from ladder.cli import app
from ladder.load.loader import load_rules
from ladder.load.schema import schema_text

runner = CliRunner()


def run(*args: str, folder: Path) -> tuple[int, str, str]:
    import os

    here = Path.cwd()
    os.chdir(folder)
    try:
        result = runner.invoke(app, list(args))
    finally:
        os.chdir(here)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("base", ["builtin", "builtin:kronoberg"])
def test_the_overlay_passes_strict_check_as_written(tmp_path: Path, lang: str, base: str) -> None:
    code, _, err = run(
        "init-region",
        "vastra_gotaland",
        "--name",
        "Västra Götalandsregionen",
        "--extends",
        base,
        "--lang",
        lang,
        folder=tmp_path,
    )
    assert code == 0, err
    overlay = tmp_path / "vastra_gotaland.yaml"
    assert overlay.is_file() and (tmp_path / "rules.schema.json").is_file()
    code, out, _ = run("check", "--strict", "--lang", lang, str(overlay), folder=tmp_path)
    assert code == 0, out
    rules = load_rules(overlay).rules
    assert rules.region.id == "vastra_gotaland"
    assert set(rules.region.name.values()) == {"Västra Götalandsregionen"}
    assert "patient_council" in [s.id for s in rules.structures]
    assert not any("Halland" in text for text in rules.credits.values())  # the base's region


def test_its_worked_example_recommends_the_new_structure(tmp_path: Path) -> None:
    run("init-region", "skane", folder=tmp_path)
    overlay = tmp_path / "skane.yaml"
    rules = load_rules(overlay).rules
    [example] = [e for e in rules.examples if "patient_council" in e.expect.structures]
    pairs = [a for k, v in example.answers.items() for a in ("-a", f"{k}={v}")]
    code, out, err = run(
        "recommend", "--rules", str(overlay), "-f", "json", *pairs, folder=tmp_path
    )
    assert code == 0, err
    result = json.loads(out)
    assert "patient_council" in [s["id"] for s in result["recruitment"]]
    assert result["level"]["id"] == example.expect.level
    assert rules.region.name["sv"] == "Region Skane"  # made from the id when no --name is given


def test_the_modeline_names_the_schema_written_beside_it(tmp_path: Path) -> None:
    run("init-region", "gotland", folder=tmp_path)
    text = (tmp_path / "gotland.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=rules.schema.json"
    schema = json.loads((tmp_path / "rules.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(schema_text())  # the installed schema, copied
    jsonschema.validate(yaml.safe_load(text), schema)  # what an editor checks


def test_schema_path_prints_the_installed_schema(tmp_path: Path) -> None:
    code, out, _ = run("schema", "--path", folder=tmp_path)
    assert code == 0
    path = Path(out.strip())
    assert path.is_absolute() and json.loads(path.read_text(encoding="utf-8")) == json.loads(
        schema_text()
    )


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "own.yaml"
    target.write_text("mine\n", encoding="utf-8")
    code, _, err = run("init-region", "own", folder=tmp_path)
    assert code == 2 and "own.yaml" in err
    assert target.read_text(encoding="utf-8") == "mine\n"
    code, _, _ = run("init-region", "own", "--force", folder=tmp_path)
    assert code == 0 and load_rules(target).rules.region.id == "own"


def test_a_changed_schema_beside_it_is_kept_without_force(tmp_path: Path) -> None:
    (tmp_path / "rules.schema.json").write_text("{}\n", encoding="utf-8")
    code, _, _ = run("init-region", "halland2", folder=tmp_path)
    assert code == 2
    assert (tmp_path / "rules.schema.json").read_text(encoding="utf-8") == "{}\n"


@pytest.mark.parametrize("region_id", ["Skåne", "9lives", "a-b", "", "x" * 41])
def test_a_bad_id_is_a_usage_error_and_writes_nothing(tmp_path: Path, region_id: str) -> None:
    code, _, err = run("init-region", region_id, "--lang", "sv", folder=tmp_path)
    assert code == 2 and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["", "   ", "Region\x1b[31m", "Region\u202eX", "R" * 101])
def test_a_bad_name_is_a_usage_error(tmp_path: Path, name: str) -> None:
    code, _, err = run("init-region", "ok", "--name", name, folder=tmp_path)
    assert code == 2 and "\x1b" not in err and "\u202e" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_name_with_yaml_characters_is_kept_as_written(tmp_path: Path) -> None:
    name = 'Region "Öst": #1 & *alias \\ $id'
    code, _, err = run("init-region", "ost", "--name", name, folder=tmp_path)
    assert code == 0, err
    assert load_rules(tmp_path / "ost.yaml").rules.region.name == {"sv": name, "en": name}


def test_a_base_that_does_not_exist_is_a_rules_error_and_writes_nothing(tmp_path: Path) -> None:
    code, _, err = run("init-region", "ok", "--extends", "missing.yaml", folder=tmp_path)
    assert code == 3 and "missing.yaml" in err
    assert list(tmp_path.iterdir()) == []


def test_a_relative_base_is_found_beside_the_new_file(tmp_path: Path) -> None:
    sub = tmp_path / "rules"
    sub.mkdir()
    code, _, _ = run("init-region", "base", "-o", "rules/base.yaml", folder=tmp_path)
    assert code == 0
    code, _, err = run(
        "init-region", "child", "--extends", "base.yaml", "-o", "rules/child.yaml", folder=tmp_path
    )
    assert code == 0, err
    assert load_rules(sub / "child.yaml").rules.region.id == "child"
