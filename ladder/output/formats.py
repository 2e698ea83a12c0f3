"""The output formats: the one list of their names, what each fits, and how to render one.

A document format is a module under ladder.output with `render(Document) -> str`, imported
only when used (so that `-f json` loads no rich). JSON and YAML are shaped by the contract,
from the result itself; JSON Lines and CSV are written by batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import PurePath
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the CLI reads the names at start-up: no result or document types then
    from ladder.output.document import Document
    from ladder.result import Recommendation

RECOMMENDATION, QUESTIONS, STEPS, CHECK, DIFF, BATCH = (
    "recommendation",
    "questions",
    "steps",
    "check",
    "diff",
    "batch",
)


@dataclass(frozen=True)
class OutputFormat:
    """A format: its name, the results it fits, the file suffixes that choose it, and the
    module under ladder.output that renders a document in it (None: plain data)."""

    name: str
    fits: frozenset[str]
    suffixes: tuple[str, ...] = ()
    module: str | None = None


def _fits(*results: str) -> frozenset[str]:
    return frozenset(results)


FORMATS = (
    OutputFormat("text", _fits(RECOMMENDATION, QUESTIONS, STEPS, CHECK, DIFF), (), "text"),
    OutputFormat("markdown", _fits(RECOMMENDATION), (".md", ".markdown"), "markdown"),
    OutputFormat("html", _fits(RECOMMENDATION), (".html", ".htm"), "html"),
    OutputFormat("jsonl", _fits(BATCH), (".jsonl",)),
    OutputFormat("json", _fits(RECOMMENDATION, QUESTIONS, STEPS, CHECK, DIFF, BATCH), (".json",)),
    OutputFormat("yaml", _fits(RECOMMENDATION, QUESTIONS, STEPS), (".yaml", ".yml")),
    OutputFormat("csv", _fits(BATCH), (".csv",)),
)
BY_NAME = {f.name: f for f in FORMATS}


class Renderer(Protocol):
    def render(self, doc: Document) -> str: ...


def names(result: str) -> tuple[str, ...]:
    """The formats a result can be shown in, in the order help lists them."""
    return tuple(f.name for f in FORMATS if result in f.fits)


def by_suffix(path: PurePath, result: str, default: str) -> str:
    """The format a file name asks for (`plan.md`: markdown), else `default`."""
    suffix = path.suffix.lower()
    found = (f.name for f in FORMATS if result in f.fits and suffix in f.suffixes)
    return next(found, default)


def suffixes(result: str) -> tuple[str, ...]:
    """The first suffix of each format that a file name can choose for a result."""
    return tuple(f.suffixes[0] for f in FORMATS if result in f.fits and f.suffixes)


def renderer(name: str) -> Renderer:
    """The module that renders documents in format `name`, imported now."""
    module = BY_NAME[name].module
    if module is None:
        raise ValueError(f"{name} is not a document format")
    renders: Renderer = import_module(f"ladder.output.{module}")
    return renders


def render(rec: Recommendation, name: str) -> str:
    """The recommendation in format `name`: its document rendered, or the contract's data."""
    if name not in names(RECOMMENDATION):
        raise ValueError(f"unknown format {name!r}; use {', '.join(names(RECOMMENDATION))}")
    if BY_NAME[name].module is None:
        from ladder.output.record import dump, to_dict

        return dump(to_dict(rec), name)
    from ladder.output.documents import recommendation_document

    return renderer(name).render(recommendation_document(rec))
