"""Readers of the invitation: the standard text, and the variants a rules file declares (easy
read, children and young people). Which text a reader gets, and which readers a file offers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from ladder.errors import UsageError
from ladder.i18n.messages import t
from ladder.model import Rules
from ladder.result import STANDARD

T = TypeVar("T")
U = TypeVar("U")


def reader_ids(rules: Rules) -> list[str]:
    """The readers `--reader` accepts for these rules: standard, then the declared ones."""
    return [STANDARD, *(r.id for r in rules.expectations.readers)]


def fallbacks(rules: Rules, reader: str) -> tuple[str, ...]:
    """The readers whose texts `reader` reads, in order: itself, its fallback, that one's..."""
    declared = {r.id: r for r in rules.expectations.readers}
    chain: list[str] = []
    at: str | None = reader
    while at is not None and at in declared and at not in chain:
        chain.append(at)
        at = declared[at].fallback
    return tuple(chain)


def for_reader(variants: Mapping[str, T], standard: U, chain: tuple[str, ...]) -> T | U:
    """The first variant along the reader's chain, else the standard text."""
    for reader in chain:
        if reader in variants:
            return variants[reader]
    return standard


def checked_reader(rules: Rules, reader: str | None, lang: str) -> str | None:
    """`reader` if these rules offer it (None stays None); else a usage error that names the
    readers they offer, with a "did you mean"."""
    if reader is None:
        return None
    known = reader_ids(rules)
    if reader in known:
        return reader
    from ladder.load.references import did_you_mean

    message = t("readers.unknown", lang, reader=reader, known=", ".join(known))
    raise UsageError(message + did_you_mean(reader, known, lang))
