"""The reports of `ladder check` and `ladder diff` as documents: a line per finding, change
or condition, in the order the command shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ladder.check.codes import ERROR, WARNING
from ladder.check.diff_items import FileChanges, TextChange, word_diff
from ladder.check.inherited import relaxed_text
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
        found += [Item((Text(relaxed_text(r, lang)),)) for r in f.relaxed]
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


def diff_document(report: DiffReport, lang: str, texts: bool = False) -> Document:
    """The summary and the count per kind, each change with its conditions and examples under
    it, then what differs in the files themselves (with `texts`, each text word by word)."""
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
    groups = _groups(report, lang)
    files = _files(report.files, lang, texts)
    return Document(lang, "", (_line(summary), *groups, changes, *files))


def _groups(report: DiffReport, lang: str) -> list[Paragraph]:
    """One line, when more than one kind changes or the changes overlap (one combination
    gaining two warnings): the changed combinations per kind, and why they add up to more than
    the total if they do."""
    groups = report.groups()
    if len(groups) < 2 and sum(c.count for c in report.changes) == report.changed:
        return []  # the lines add up to the total, which says it all
    kinds = [f"{t(f'diff.kind.{k}', lang)} {n}" for k, n in groups.items()]
    values = {"groups": ", ".join(kinds), "sum": sum(groups.values()), "changed": report.changed}
    if report.overlap:
        return [_line(t("diff.groups_overlap", lang, count=report.overlap, **values))]
    return [_line(t("diff.groups", lang, **values))]


def _files(files: FileChanges, lang: str, texts: bool) -> list[Paragraph]:
    """Renamed, added and removed items, other settings, then the texts that differ."""
    out: list[Paragraph] = []
    if files.renamed:
        out.append(_line(t("diff.renamed_head", lang)))
        for r in files.renamed:
            out.append(_line(f"  {r.where}: {r.old} -> {r.new}"))
    for key, listed in (("diff.added_head", files.added), ("diff.removed_head", files.removed)):
        if listed:
            out.append(_line(t(key, lang)))
            by_list: dict[str, list[str]] = {}
            for x in listed:
                by_list.setdefault(x.where, []).append(x.id)
            for where, ids in by_list.items():
                out.append(_line(f"  {where}: {', '.join(ids)}"))
    if files.edited:
        out.append(_line(t("diff.edited_head", lang)))
        for e in files.edited:
            fields = ", ".join(e.fields)
            out.append(_line(f"  {e.item}: {fields}" if e.item else f"  {fields}"))  # top level
    if files.texts:
        out.append(_line(t("diff.texts_head", lang, count=len(files.texts))))
        for change in files.texts:
            langs = ", ".join(change.langs)
            out.append(_line(f"  {change.path}: {langs}"))
            if texts:
                out.extend(_words(change, lang))
    return out


def _words(change: TextChange, lang: str) -> list[Paragraph]:
    out = []
    for code in change.langs:
        old, new = change.old.get(code, ""), change.new.get(code, "")
        if old.split() == new.split():
            out.append(_line(t("diff.spacing", lang, lang=code)))
        else:
            out.append(_line(f"    {code}: {word_diff(old, new)}"))
    return out


def _change(c: Change, lang: str) -> Item:
    none = t("render.none", lang)
    kind = t(f"diff.kind.{c.kind}", lang)
    old, new = ", ".join(c.old) or none, ", ".join(c.new) or none
    from ladder.check.diff import EACH  # not at import: `check` needs none of diff

    if c.kind in EACH:  # one item gained or lost
        key, item = ("diff.gained", c.new[0]) if c.new else ("diff.lost", c.old[0])
        lead = t(key, lang, kind=kind, id=item, count=c.count)
    else:
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
