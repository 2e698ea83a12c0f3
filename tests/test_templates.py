"""Templates in rules files hold plain {name} placeholders only, and are filled without
str.format: no format spec, conversion or attribute access from a rules file is obeyed."""

from __future__ import annotations

import time

import pytest

from ladder.templates import NotPlain, fill, parse

from .conftest import MINI_RULES

PLAIN = "Projekt: {project}."

NOT_PLAIN = [
    "{project:>1500000000}",  # 1.5 GB of padding through str.format
    "{project:d}",
    "{project!r}",
    "{project!s:>5}",
    "{project:{region}}",
    "{project.upper}",
    "{project[0]}",
    "{}",
    "{0}",
    "{ project }",
]


def _rules_with(tmp_path, template: str):
    text = MINI_RULES.read_text(encoding="utf-8")
    assert PLAIN in text
    path = tmp_path / "rules.yaml"
    path.write_text(text.replace(PLAIN, template.replace('"', '\\"')), encoding="utf-8")
    return path


@pytest.mark.parametrize("field", NOT_PLAIN)
def test_check_reports_a_placeholder_that_is_not_plain(cli, tmp_path, field):
    rules = _rules_with(tmp_path, f"Projekt: {field}.")
    started = time.perf_counter()
    result = cli("check", str(rules))
    assert result.exit_code == 3, result.output
    assert "Internal error" not in result.output + result.stderr
    line = next(n for n, text in enumerate(rules.read_text().splitlines(), 1) if field in text)
    assert f"{rules}:{line}:" in result.stdout
    assert field in result.stdout
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("field", NOT_PLAIN)
def test_recommend_refuses_rules_with_such_a_placeholder(cli, tmp_path, field):
    rules = _rules_with(tmp_path, f"Projekt: {field}.")
    result = cli(
        "recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no",
        "-a", "project=Diabetes", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 3, result.output
    assert "Internal error" not in result.stderr
    assert f"{rules}:" in result.stderr


def test_plain_placeholders_and_doubled_braces_still_work(cli, tmp_path):
    rules = _rules_with(tmp_path, "Projekt {{kod}}: {project}.")
    assert cli("check", str(rules)).exit_code == 0
    result = cli(
        "recommend", "--rules", str(rules), "-a", "purpose=views", "-a", "weeks=no",
        "-a", "project=Diabetes", "--format", "json", "--lang", "sv",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Projekt {kod}: Diabetes." in result.stdout


def test_fill_substitutes_names_and_nothing_else():
    assert fill("{a} and {{b}} and {c}", {"a": "1", "c": "{d:>9}"}) == "1 and {b} and {d:>9}"
    for field in NOT_PLAIN:
        with pytest.raises(NotPlain) as raised:
            fill(f"x {field} y", {"project": "p", "region": "r", "": "e", "0": "z"})
        assert raised.value.field == field


def test_malformed_braces_are_a_value_error():
    for template in ("{project", "project}", "{project!}"):
        with pytest.raises(ValueError):
            parse(template)
