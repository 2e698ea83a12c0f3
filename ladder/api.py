"""The library API: load rules, recommend from a dict of answers (or plan from a dict with
tracks), dump in any format."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ladder.load.loader import LoadedRules
from ladder.load.loader import load_rules as _load
from ladder.result import PlanOut, Recommendation


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


def plan(rules: LoadedRules, plan: Mapping[str, Any], lang: str = "en") -> PlanOut:
    """The involvement plan for a mapping as a plan file holds it: shared answers, the plan's
    fields (`decision_date` as a date or "YYYY-MM-DD", owners) and `tracks`.

    Raises AnswerError naming each problem, and the track of each answer problem.
    """
    from ladder.app import plan_answers
    from ladder.plan_file import split_plan

    return plan_answers(rules, {}, split_plan(dict(plan), "", lang), lang)[0]


def dumps(rec: Recommendation | PlanOut, fmt: str = "text") -> str:
    """The recommendation or plan as "text" (plain), "markdown", "html", "json" or "yaml";
    a plan also as "ics" (its dated milestones).

    Raises ValueError for any other format, UsageError for "ics" and a recommendation.
    """
    from ladder.output.formats import render

    return render(rec, fmt)
