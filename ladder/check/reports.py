"""The reports of `ladder check` and `ladder diff` as documents: a line per finding, change
or condition, in the order the command shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ladder.check.codes import ERROR, WARNING
from ladder.i18n.messages import t
from ladder.output.document import Block, Document, Field, Item, Label, List, Paragraph, Text

if TYPE_CHECKING:  # the reports' own modules import this one
    from ladder.check.checker import CheckReport
    from ladder.check.diff import Change, DiffReport

SHOWN_CONDITIONS = 5  # per change; the rest are counted


def check_document(report: CheckReport, lang: str) -> Document:
    """Each file's findings with what to do about each, then its summary (or that it did not
    load)."""
    blocks: list[Block] = []
    label = t("check.fix_label", lang)
    for f in report.files:
        found = [
            Item((Text(x.text(lang)),), (Field(label, (Label(x.fix(lang)),)),)) for x in f.findings
        ]
        if found:
            blocks.append(List(tuple(found)))
        if not f.combinations:  # the file did not load: nothing else was checked
            count = f.count(ERROR)
            blocks.append(_line(t("check.summary_unloaded", lang, file=f.path, count=count)))
            continue
        summary = t(
            "check.summary",
            lang,
            file=f.path,
            errors=f.count(ERROR),
            warnings=f.count(WARNING),
            proved=sum(p.proved for p in f.properties),
            properties=len(f.properties),
            passed=f.examples[0],
            examples=f.examples[1],
            combinations=f.combinations,
            pieces=f.pieces,
        )
        blocks.append(_line(summary))
    return Document(lang, "", tuple(blocks))


def diff_document(report: DiffReport, lang: str) -> Document:
    """The summary, then each change with its conditions and examples under it."""
    summary = t(
        "diff.summary",
        lang,
        old=report.old,
        new=report.new,
        changed=report.changed,
        combinations=report.combinations,
        only_old=report.only_old,
        only_new=report.only_new,
    )
    changes = List(tuple(_change(c, lang) for c in report.changes))
    return Document(lang, "", (_line(summary), changes))


def _change(c: Change, lang: str) -> Item:
    none = t("render.none", lang)
    kind = t(f"diff.kind.{c.kind}", lang)
    old, new = ", ".join(c.old) or none, ", ".join(c.new) or none
    lead = t("diff.change", lang, kind=kind, old=old, new=new, count=c.count)
    body = []
    for condition in c.conditions[:SHOWN_CONDITIONS]:
        text = "; ".join(f"{k} = {' | '.join(v)}" for k, v in condition.items())
        body.append(_line(t("diff.when", lang, conditions=text or t("diff.always", lang))))
    if len(c.conditions) > SHOWN_CONDITIONS:
        more = len(c.conditions) - SHOWN_CONDITIONS
        body.append(_line(t("diff.more", lang, count=more)))
    for example in c.examples:
        text = ", ".join(f"{k}={v}" for k, v in example.items())
        body.append(_line(t("diff.example", lang, answers=text)))
    return Item((Text(lead),), tuple(body))


def _line(text: str) -> Paragraph:
    """A message holding paths and ids: free text to the formats that escape."""
    return Paragraph((Text(text),))
