"""The library API: load rules, recommend from a dict of answers, dump in any format."""

from __future__ import annotations

import os
from collections.abc import Mapping

from ladder.load.loader import LoadedRules
from ladder.load.loader import load_rules as _load
from ladder.result import Recommendation


def load_rules(path: str | os.PathLike[str] | None = None, lang: str = "en") -> LoadedRules:
    """Load and validate a rules file: `path`, else $LADDER_RULES, else the built-in rules.

    Raises RulesError (with every problem located) when the file is invalid.
    """
    return _load(path, lang)


def recommend(rules: LoadedRules, answers: Mapping[str, str], lang: str = "en") -> Recommendation:
    """The recommendation for `answers` (question id -> option id or free text).

    Raises AnswerError naming each unknown, invalid or missing answer. Answers to questions
    that do not apply are ignored, as on the command line.
    """
    from ladder.app import recommend_answers

    return recommend_answers(rules, [dict(answers)], lang)[0]


def dumps(rec: Recommendation, fmt: str = "text") -> str:
    """The recommendation as "text" (plain), "markdown", "html", "json" or "yaml".

    Raises ValueError for any other format.
    """
    from ladder.output.formats import render

    return render(rec, fmt)
