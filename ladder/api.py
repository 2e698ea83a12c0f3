"""The library API: load rules, recommend from a dict of answers (or plan from a dict with
tracks), dump in any format."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ladder.load.loader import LoadedRules
from ladder.load.loader import load_rules as _load
from ladder.result import PlanOut, Recommendation

if TYPE_CHECKING:
    from ladder.followup.portfolio import Portfolio
    from ladder.followup.report import FollowUp


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


def follow_up(
    record: str | os.PathLike[str],
    responses: str | os.PathLike[str] | None = None,
    *,
    rules: str | os.PathLike[str] | None = None,
    lang: str = "en",
    easy_read: bool = False,
) -> FollowUp:
    """The participants' questionnaire of each track of a saved result, scored when a
    responses file (CSV or JSON Lines) is given.

    Raises AnswerError, located, for a record or responses file that cannot be used.
    """
    from ladder.followup.report import follow_up as build

    return build(record, rules, responses, lang, easy_read)


def portfolio(
    records: Iterable[str | os.PathLike[str]],
    *,
    rules: str | os.PathLike[str] | None = None,
    as_of: dt.date | str | None = None,
    lang: str = "en",
) -> Portfolio:
    """The portfolio of saved results (files, folders, a batch's JSON Lines) as of a date
    (default today); records that cannot be read are in its `problems`."""
    from ladder.followup.render import build_portfolio

    date = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
    return build_portfolio(records, rules, date, lang)


def dumps(rec: Recommendation | PlanOut | FollowUp | Portfolio, fmt: str = "text") -> str:
    """The recommendation or plan as "text" (plain), "markdown", "html", "json" or "yaml";
    a plan also as "ics" (its dated milestones); a follow-up or a portfolio as "text",
    "markdown", "html", "json" or "csv". A Word document ("docx") is bytes: see dumps_bytes.

    Raises ValueError for any other format, UsageError for "ics" and a recommendation.
    """
    from ladder.followup.portfolio import Portfolio
    from ladder.followup.report import FollowUp

    if isinstance(rec, FollowUp | Portfolio):
        from ladder.followup.render import render_followup, render_portfolio
        from ladder.output.formats import FOLLOWUP, PORTFOLIO, names

        if fmt not in names(FOLLOWUP if isinstance(rec, FollowUp) else PORTFOLIO):
            raise ValueError(f"unknown format {fmt!r}")
        if isinstance(rec, FollowUp):
            return render_followup(rec, fmt)
        return render_portfolio(rec, fmt)
    from ladder.output.formats import render

    return render(rec, fmt)


def dumps_bytes(rec: Recommendation | PlanOut, fmt: str = "docx") -> bytes:
    """The recommendation or plan as a binary file ("docx": a Word document, which needs the
    extra `ladder[docx]`); a text format as its UTF-8 bytes.

    Raises ValueError for an unknown format, UsageError when python-docx is not installed.
    """
    from ladder.output.formats import render_any

    out = render_any(rec, fmt)
    return out.encode("utf-8") if isinstance(out, str) else out
