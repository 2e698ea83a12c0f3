"""Answers with thousands of problems: the message stays bounded, and so does the work."""

from __future__ import annotations


def test_thousands_of_unknown_answers_give_a_bounded_message(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("".join(f"k{i:05d}: x\n" for i in range(20_000)), encoding="utf-8")
    result = cli("recommend", "--answers", str(answers))
    assert result.exit_code == 4
    lines = result.stderr.splitlines()
    assert 100 <= len(lines) <= 105, len(lines)
    assert "'k00000'" in result.stderr and "19900" in lines[-1]
