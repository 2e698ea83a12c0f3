"""The output formats: the one list of their names, what each fits, and how to render one.

A document format is a module under ladder.output with `render(Document) -> str`, imported
only when used (so that `-f json` loads no rich); a binary one (Word's `docx`) renders bytes,
which are written to a file or a pipe, never to a terminal. JSON and YAML are shaped by the
contract, from the result itself; JSON Lines and CSV are written by batch; iCalendar (`ics`)
holds a plan's dated milestones, from the plan itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import PurePath
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the CLI reads the names at start-up: no result or document types then
    from ladder.output.document import Document
    from ladder.result import PlanOut, Recommendation

RECOMMENDATION, PLAN, QUESTIONS, STEPS, CHECK, DIFF, BATCH = (
    "recommendation",
    "plan",
    "questions",
    "steps",
    "check",
    "diff",
    "batch",
)
FOLLOWUP, PORTFOLIO = "followup", "portfolio"  # ladder.followup renders both


@dataclass(frozen=True)
class OutputFormat:
    """A format: its name, the results it fits, the file suffixes that choose it, the
    module under ladder.output that renders a document in it (None: plain data), and whether
    what it renders is bytes rather than text."""

    name: str
    fits: frozenset[str]
    suffixes: tuple[str, ...] = ()
    module: str | None = None
    binary: bool = False


def _fits(*results: str) -> frozenset[str]:
    return frozenset(results)


FORMATS = (
    OutputFormat(
        "text",
        _fits(RECOMMENDATION, PLAN, QUESTIONS, STEPS, CHECK, DIFF, FOLLOWUP, PORTFOLIO),
        (),
        "text",
    ),
    OutputFormat(
        "markdown",
        _fits(RECOMMENDATION, PLAN, FOLLOWUP, PORTFOLIO),
        (".md", ".markdown"),
        "markdown",
    ),
    OutputFormat(
        "html", _fits(RECOMMENDATION, PLAN, FOLLOWUP, PORTFOLIO), (".html", ".htm"), "html"
    ),
    # A Word document, with the optional python-docx: ladder.output.docx.
    OutputFormat("docx", _fits(RECOMMENDATION, PLAN), (".docx",), "docx", binary=True),
    OutputFormat("jsonl", _fits(BATCH), (".jsonl",)),
    OutputFormat(
        "json",
        _fits(RECOMMENDATION, PLAN, QUESTIONS, STEPS, CHECK, DIFF, BATCH, FOLLOWUP, PORTFOLIO),
        (".json",),
    ),
    OutputFormat("yaml", _fits(RECOMMENDATION, PLAN, QUESTIONS, STEPS), (".yaml", ".yml")),
    OutputFormat("csv", _fits(BATCH, FOLLOWUP, PORTFOLIO), (".csv",)),
    OutputFormat("ics", _fits(PLAN), (".ics",)),  # a plan's milestones: ladder.output.ics
)
BY_NAME = {f.name: f for f in FORMATS}


class Renderer(Protocol):
    def render(self, doc: Document) -> str: ...


class BinaryRenderer(Protocol):
    def render(self, doc: Document) -> bytes: ...


def names(*results: str) -> tuple[str, ...]:
    """The formats any of these results can be shown in, in the order help lists them."""
    return tuple(f.name for f in FORMATS if f.fits.intersection(results))


def by_suffix(path: PurePath, result: str | tuple[str, ...], default: str) -> str:
    """The format a file name asks for (`plan.md`: markdown), else `default`."""
    results = (result,) if isinstance(result, str) else result
    suffix = path.suffix.lower()
    found = (f.name for f in FORMATS if f.fits.intersection(results) and suffix in f.suffixes)
    return next(found, default)


def suffixes(*results: str) -> tuple[str, ...]:
    """The first suffix of each format that a file name can choose for these results."""
    return tuple(f.suffixes[0] for f in FORMATS if f.fits.intersection(results) and f.suffixes)


def renderer(name: str) -> Renderer:
    """The module that renders documents in format `name`, imported now."""
    module = BY_NAME[name].module
    if module is None:
        raise ValueError(f"{name} is not a document format")
    renders: Renderer = import_module(f"ladder.output.{module}")
    return renders


def is_binary(name: str) -> bool:
    """Whether format `name` renders bytes (a file to open), not text to read."""
    return name in BY_NAME and BY_NAME[name].binary


def render_any(rec: Recommendation | PlanOut, name: str) -> str | bytes:
    """A recommendation or a plan in format `name`, text or (a binary format) bytes."""
    if is_binary(name):
        _check_fits(rec, name)
        binary: BinaryRenderer = import_module(f"ladder.output.{BY_NAME[name].module}")
        return binary.render(_document(rec))
    return render(rec, name)


def render(rec: Recommendation | PlanOut, name: str) -> str:
    """A recommendation or a plan in format `name`: its document rendered, or the contract's
    data (a plan's calendar: its milestones). UsageError for a format that does not fit;
    ValueError for a binary one (see render_any)."""
    from ladder.result import PlanOut

    _check_fits(rec, name)
    if is_binary(name):
        raise ValueError(f"{name} is a binary format: use render_any (ladder.dumps_bytes)")
    if name == "ics":
        from ladder.output.ics import render_plan

        return render_plan(rec)  # type: ignore[arg-type]
    if BY_NAME[name].module is None:
        from ladder.output.record import dump, plan_to_dict, to_dict

        data = plan_to_dict(rec) if isinstance(rec, PlanOut) else to_dict(rec)
        return dump(data, name)
    return renderer(name).render(_document(rec))


def _check_fits(rec: Recommendation | PlanOut, name: str) -> None:
    """ValueError for a name that is no format of results; UsageError for a format that does
    not fit this result (ics for one recommendation)."""
    from ladder.result import PlanOut

    result = PLAN if isinstance(rec, PlanOut) else RECOMMENDATION
    if name not in names(RECOMMENDATION, PLAN):
        raise ValueError(f"unknown format {name!r}; use {', '.join(names(result))}")
    if name not in names(result):
        from ladder.errors import UsageError
        from ladder.i18n.messages import t

        fits = ", ".join(names(result))
        raise UsageError(t(f"format.not_for_{result}", rec.lang, name=name, formats=fits))


def _document(rec: Recommendation | PlanOut) -> Document:
    from ladder.result import PlanOut

    if isinstance(rec, PlanOut):
        from ladder.output.plan_document import plan_document

        return plan_document(rec)
    from ladder.output.documents import recommendation_document

    return recommendation_document(rec)
