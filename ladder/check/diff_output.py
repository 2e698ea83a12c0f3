"""`ladder diff` as JSON (`ladder.diff/1`: the first fields as they always were, the rest
added) and as text."""

from __future__ import annotations

from typing import Any

from ladder.check.diff import SCHEMA, DiffReport


def diff_to_dict(report: DiffReport) -> dict[str, Any]:
    files = report.files
    return {
        "schema": SCHEMA,
        "old": report.old,
        "new": report.new,
        "combinations": report.combinations,
        "only_old": report.only_old,
        "only_new": report.only_new,
        "changed": report.changed,
        "changes": [
            {
                "kind": c.kind,
                "old": list(c.old),
                "new": list(c.new),
                "count": c.count,
                "conditions": c.conditions,
                "examples": c.examples,
            }
            for c in report.changes
        ],
        "groups": report.groups(),
        "overlap": report.overlap,
        "renamed": [{"list": r.where, "old": r.old, "new": r.new} for r in files.renamed],
        "added": [{"list": x.where, "id": x.id} for x in files.added],
        "removed": [{"list": x.where, "id": x.id} for x in files.removed],
        "edited": [{"item": e.item, "fields": list(e.fields)} for e in files.edited],
        "texts": [
            {"path": x.path, "langs": list(x.langs), "old": x.old, "new": x.new}
            for x in files.texts
        ],
    }


def diff_to_text(report: DiffReport, lang: str, texts: bool = False) -> str:
    from ladder.check.reports import diff_document
    from ladder.output.text import render_lines

    return render_lines(diff_document(report, lang, texts))
