"""The follow-up and the portfolio in one format: JSON from the result (the contract), CSV as
a table of its own, the rest from one document through the formats registry."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

from ladder.errors import UsageError
from ladder.followup.portfolio import Portfolio
from ladder.followup.report import FollowUp, follow_up
from ladder.i18n.messages import t
from ladder.output import formats


def render_followup(fu: FollowUp, fmt: str) -> str:
    from ladder.followup import report

    if fmt == "csv":
        if fu.responses is not None:
            raise UsageError(t("followup.template_needs_no_responses", fu.lang))
        return report.template_csv(fu)
    if fmt == "json":
        from ladder.output.record import dump

        return dump(report.to_dict(fu), "json")
    from ladder.followup.document import followup_document

    return formats.renderer(fmt).render(followup_document(fu))


def render_portfolio(p: Portfolio, fmt: str) -> str:
    from ladder.followup import portfolio

    if fmt == "csv":
        return portfolio.to_csv(p)
    if fmt == "json":
        from ladder.output.record import dump

        return dump(portfolio.to_dict(p), "json")
    from ladder.followup.portfolio_document import portfolio_document

    return formats.renderer(fmt).render(portfolio_document(p))


def build_portfolio(
    paths: Iterable[str | os.PathLike[str]],
    rules_path: str | os.PathLike[str] | None,
    as_of: str | None,
    lang: str,
) -> Portfolio:
    """The portfolio of the saved results under `paths`, as of `as_of` (default today)."""
    from ladder.followup.portfolio import no_records, portfolio
    from ladder.followup.report import active_ladder

    try:
        date = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        raise UsageError(t("portfolio.bad_date", lang, value=as_of)) from None
    steps, version, compensation = active_ladder(rules_path, lang)
    found = portfolio(paths, steps, version, date, lang, compensation)
    if not found.records and not found.problems:
        raise no_records(lang)
    return found


__all__ = ["build_portfolio", "follow_up", "render_followup", "render_portfolio"]
