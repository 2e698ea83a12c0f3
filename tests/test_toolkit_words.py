"""typer's and click's own words (usage, headings, help of their options, usage errors) come
from the catalogue too: Swedish help and usage errors hold none of their English texts."""

from __future__ import annotations

import re
import string
import subprocess
import sys

import pytest

from ladder.i18n.english import ENGLISH
from ladder.i18n.messages import t
from ladder.i18n.toolkit import translate

BASE_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LADDER_NO_CACHE": "1", "NO_COLOR": "1"}


def _english_words() -> set[str]:
    """The literal parts of every toolkit msgid that hold a word: what must not remain."""
    words = set()
    for key, english in ENGLISH.items():
        if key.startswith("toolkit.") and isinstance(english, str):
            for text, *_ in string.Formatter().parse(english):
                if re.search(r"[A-Za-z]{3}", text):
                    words.add(text.strip(" .'(:"))
    return words


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ladder", *args],
        capture_output=True,
        text=True,
        env={**BASE_ENV, **env},
        timeout=60,
        check=False,
    )


SWEDISH_RUNS = [
    (("--lang", "sv", "--help"), {}, 0),
    (("recommend", "--help"), {"LADDER_LANG": "sv"}, 0),
    (("batch", "--help"), {"LANG": "sv_SE.UTF-8"}, 0),
    (("--lang", "sv", "batch", "--nope"), {}, 2),
    (("batch", "--nope", "--lang", "sv"), {}, 2),
    (("--lang", "sv", "nope"), {}, 2),
    (("recommend", "-f", "nope"), {"LANG": "sv_SE.UTF-8"}, 2),
    (("batch",), {"LADDER_LANG": "sv"}, 2),
]


@pytest.mark.parametrize(("args", "env", "code"), SWEDISH_RUNS, ids=lambda v: str(v))
def test_swedish_help_and_usage_errors_hold_no_english_toolkit_text(args, env, code):
    done = _run(*args, **env)
    assert done.returncode == code, done.stderr
    out = done.stdout + done.stderr
    assert t("toolkit.usage", "sv") in out
    remaining = sorted(word for word in _english_words() if word in out)
    assert remaining == []


def test_a_usage_error_in_swedish_names_the_problem_and_the_help():
    done = _run("--lang", "sv", "batch", "--nope")
    assert t("toolkit.no_such_option", "sv", name="--nope") in done.stderr
    assert t("toolkit.try_help", "sv", command="ladder batch --help") in done.stderr


def test_english_stays_english():
    done = _run("batch", "--nope")
    assert done.returncode == 2
    assert t("toolkit.no_such_option", "en", name="--nope") in done.stderr
    assert t("toolkit.error", "sv", message="") not in done.stderr


def test_composite_messages_are_translated_part_by_part():
    inner = t("toolkit.no_such_option", "en", name="--x")
    english = t("toolkit.possible_options", "en", message=inner, names="--y, --z")
    swedish = t(
        "toolkit.possible_options",
        "sv",
        message=t("toolkit.no_such_option", "sv", name="--x"),
        names="--y, --z",
    )
    assert translate(english, "sv") == swedish
    assert translate("something else entirely", "sv") == "something else entirely"


@pytest.mark.parametrize("command", ["recommend", "batch", "diff", "check"])
def test_swedish_help_names_its_placeholders_in_swedish(command):
    done = _run(command, "--help", LADDER_LANG="sv")
    english = [v for k, v in ENGLISH.items() if k.startswith("metavar.") and isinstance(v, str)]
    words = {w for v in english for w in re.findall(r"[A-Z]{3,}", v)}
    assert sorted(w for w in words if re.search(rf"\b{w}\b", done.stdout)) == []
    assert t("metavar.file", "sv") in done.stdout or t("metavar.old", "sv") in done.stdout
