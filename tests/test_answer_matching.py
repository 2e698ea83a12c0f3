"""Answers written by hand: YAML booleans for yes/no options, and labels in place of ids."""

from __future__ import annotations

import json

import pytest

from .conftest import MINI_RULES


def write(tmp_path, text: str):
    file = tmp_path / "answers.yaml"
    file.write_text(text, encoding="utf-8")
    return str(file)


@pytest.mark.parametrize(("bare", "option"), [("yes", "yes"), ("no", "no"), ("true", "yes")])
def test_a_yaml_boolean_answers_a_yes_no_question(cli, tmp_path, bare, option):
    file = write(tmp_path, f"arena: care_meeting\npatient_wish: be_informed\nrelatives: {bare}\n")
    result = cli("recommend", "--answers", file, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["answers"]["relatives"] == option


def test_a_yaml_boolean_for_other_options_is_still_refused(cli, tmp_path):
    result = cli("recommend", "--answers", write(tmp_path, "arena: yes\n"))
    assert result.exit_code == 4
    assert "arena" in result.stderr and '"yes"' in result.stderr


@pytest.mark.parametrize(
    ("answer", "suggested"),
    [
        ("relatives=ja", "yes"),
        ("relatives=NEJ", "no"),
        ("arena=vårdmötet", "care_meeting"),
        ("arena=utvecklingsarbete", "unit_development"),
    ],
)
def test_an_options_label_suggests_its_id(cli, answer, suggested):
    result = cli("recommend", "--lang", "sv", "-a", answer)
    assert result.exit_code == 4
    assert f"'{suggested}'" in result.stderr


def test_a_word_in_several_labels_suggests_nothing(cli):
    result = cli("recommend", "-a", "arena=i", "--lang", "sv")
    assert result.exit_code == 4
    assert "menade du" not in result.stderr


def test_an_id_near_miss_is_still_suggested(cli):
    result = cli("recommend", "--rules", str(MINI_RULES), "-a", "purpose=view")
    assert result.exit_code == 4
    assert "did you mean" in result.stderr
