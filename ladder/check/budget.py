"""A bound on the work of `check` and `diff`, so that no rules file can make them run for minutes.

Work is counted in steps (a piece of the answer space evaluated, a node of a search, a pair of
pieces compared), not in seconds, so that the outcome does not depend on the machine. Code that
reasons over boxes calls `spend`; outside `work_budget` it counts nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ladder.errors import EXIT_USAGE, LadderError
from ladder.i18n.messages import t

DEFAULT_BUDGET = 1_000_000  # steps: at most some 20 s on a slow machine
MAX_PIECES = 40_000  # boxes held at once: some 500 MB at 80 questions
BUDGET_VARIABLE = "LADDER_CHECK_BUDGET"


class OutOfBudget(Exception):
    """The steps ran out, or more pieces than MAX_PIECES were held (`pieces`): the stage
    that raised it is unfinished."""

    def __init__(self, pieces: bool = False) -> None:
        super().__init__()
        self.pieces = pieces


class BudgetSettingError(LadderError):
    exit_code = EXIT_USAGE


class _Steps:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit
        self.pieces = False  # the piece limit, not the steps, stopped the last stage


_current: ContextVar[_Steps | None] = ContextVar("ladder_work_budget", default=None)


@contextmanager
def work_budget(limit: int) -> Iterator[None]:
    token = _current.set(_Steps(limit))
    try:
        yield
    finally:
        _current.reset(token)


def spend(steps: int = 1, pieces: int = 0) -> None:
    """Count `steps`; `pieces` is how many boxes the caller holds now."""
    current = _current.get()
    if current is None:
        return
    current.left -= steps
    if current.left < 0 or pieces > MAX_PIECES:
        current.pieces = pieces > MAX_PIECES
        raise OutOfBudget(current.pieces)


def stopped_by_pieces() -> bool:
    """Whether the piece limit, which no setting raises, stopped the last stage."""
    current = _current.get()
    return current is not None and current.pieces


def budget_limit() -> int:
    """The limit in force (the default outside `work_budget`)."""
    current = _current.get()
    return current.limit if current is not None else DEFAULT_BUDGET


def configured_budget(lang: str) -> int:
    """`LADDER_CHECK_BUDGET` when set (a positive whole number), else the default."""
    raw = os.environ.get(BUDGET_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_BUDGET
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 15 or int(raw) < 1:
        raise BudgetSettingError(t("check.budget_setting", lang, name=BUDGET_VARIABLE, value=raw))
    return int(raw)
