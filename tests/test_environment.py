"""The environment: a bad SOURCE_DATE_EPOCH and a full disk under any command are clear usage
errors (exit 2), never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import DIABETES, ROOT, answer_flags


@pytest.mark.parametrize("value", ["soon", "²", "99999999999999999999", "-5", "1 ", "1e9"])
def test_a_bad_source_date_epoch_is_a_usage_error(cli, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = cli("recommend", *answer_flags(DIABETES), "-f", "markdown")
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH" in result.stderr
    assert "Internal error" not in result.stderr
    swedish = cli("recommend", *answer_flags(DIABETES), "-f", "markdown", "--lang", "sv")
    assert swedish.exit_code == 2 and "heltal sekunder" in swedish.stderr


@pytest.mark.parametrize(("value", "date"), [("1700000000", "2023-11-14"), ("0", "1970-01-01")])
def test_a_good_source_date_epoch_dates_the_record(cli, monkeypatch, value, date):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = cli("recommend", *answer_flags(DIABETES), "-f", "markdown")
    assert result.exit_code == 0 and date in result.stdout


def test_an_empty_source_date_epoch_is_as_unset(cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert cli("recommend", *answer_flags(DIABETES), "-f", "markdown").exit_code == 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [["schema"], ["--help"], ["--version"], [], ["check", "--help"], ["steps", "-f", "json"]],
    ids=lambda a: " ".join(a) or "bare",
)
@pytest.mark.parametrize(
    ("lang", "full"), [("C.UTF-8", "disk is full"), ("sv_SE.UTF-8", "disken är full")]
)
def test_a_full_disk_is_exit_2_with_one_message(args, lang, full):
    env = {**os.environ, "LANG": lang}
    with open("/dev/full", "w") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "ladder", *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert full in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
