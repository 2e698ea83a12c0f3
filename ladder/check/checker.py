"""`ladder check`: verify rules files. Every finding has a code, a severity and a location.

The loader's own problems come first (schema and references); then coverage, overlap and
shadowing, unreachable content, declared properties and worked examples (verify_rules,
verify_props), all reasoned over boxes of answers (verify_space) rather than every combination.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ladder.check.budget import OutOfBudget, configured_budget, work_budget
from ladder.check.codes import ERROR, WARNING, fix_text
from ladder.check.composite import check_conditions
from ladder.check.findings import analyse, budget_finding, check_rules
from ladder.check.inherited import Relaxed, check_inherited
from ladder.check.properties import PropertyResult, check_examples, check_properties
from ladder.errors import Problem, RulesError
from ladder.i18n.messages import t
from ladder.load.loader import find_rules, locate_in, parse_rules, read_rules_bytes
from ladder.load.overlay import resolve_bytes
from ladder.load.references import Namer, dotted

SCHEMA = "ladder.check/1"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning
    file: str
    line: int
    column: int
    path: str  # by position, as ladder.check/1 has always given it
    message: str
    named_path: str = ""  # list items named by their ids where they have them
    hint: str = ""  # a fix for this very problem, else the code's fix is given

    def text(self, lang: str) -> str:
        where = str(Problem(self.file, self.line, self.column, "", "")).rstrip(": ")
        shown_path = self.named_path or self.path
        path = f" {shown_path}:" if shown_path else ""
        severity = t(f"check.severity.{self.severity}", lang)
        return f"{where}: {severity} [{self.code}]{path} {self.message}"

    def fix(self, lang: str) -> str:
        """What to do about it: the problem's own fix, else the code's (from the catalogue)."""
        return self.hint or fix_text(self.code, lang)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: list[Finding]
    properties: list[PropertyResult] = field(default_factory=list)
    examples: tuple[int, int] = (0, 0)
    relaxed: list[Relaxed] = field(default_factory=list)  # base properties an overlay relaxed
    combinations: int = 0
    pieces: int = 0
    seconds: float = 0.0

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


@dataclass(frozen=True)
class CheckReport:
    files: list[FileReport]

    def count(self, severity: str) -> int:
        return sum(f.count(severity) for f in self.files)

    def failed(self, strict: bool) -> bool:
        return self.count(ERROR) > 0 or (strict and self.count(WARNING) > 0)


def check_files(paths: Sequence[str | os.PathLike[str]] | None, lang: str) -> CheckReport:
    targets = list(paths) if paths else [find_rules(None)]
    return CheckReport([check_file(path, lang) for path in targets])


def check_file(path: str | os.PathLike[str], lang: str) -> FileReport:
    started = time.perf_counter()
    file = Path(path)
    name = str(file)
    try:
        data = read_rules_bytes(file, lang)
        loaded = parse_rules(data, name, lang)
    except RulesError as error:
        findings = [
            Finding("schema", ERROR, p.file, p.line, p.column, p.path, p.message, p.named, p.fix)
            for p in error.problems
        ] or [Finding("schema", ERROR, name, 0, 0, "", error.message)]
        return FileReport(name, findings, seconds=time.perf_counter() - started)
    with work_budget(configured_budget(lang)):
        try:
            analysis = analyse(loaded.rules, lang)
        except OutOfBudget:  # nothing else can be checked without the pieces
            what = t("check.stage.space", lang)
            found = [budget_finding(("questions",), what, lang)]
            findings = _locate(found, resolve_bytes(data, name, lang).root)
            return FileReport(name, findings, seconds=time.perf_counter() - started)
        check_rules(analysis)
        try:
            check_conditions(analysis)
        except OutOfBudget:
            analysis.unfinished(("structures",), "outputs")
        properties = check_properties(analysis)
        resolved = resolve_bytes(data, name, lang)  # the nodes that locate findings
        relaxed = check_inherited(analysis, resolved)
    examples = check_examples(analysis, loaded)
    findings = _locate(analysis.found, resolved.root)
    return FileReport(
        name,
        findings,
        properties,
        examples,
        relaxed,
        combinations=sum(analysis.space.size(b) for b in analysis.boxes),
        pieces=len(analysis.cells),
        seconds=time.perf_counter() - started,
    )


def _locate(found: list[Any], root: Any) -> list[Finding]:
    """Each finding in the file that wrote the value it is about (an overlay's or a base's)."""
    named = Namer(root)
    out = []
    for raw in found:
        file, line, column = locate_in(root, raw.path)
        path, message = dotted(raw.path), raw.message
        out.append(
            Finding(raw.code, raw.severity, file, line, column, path, message, named(raw.path))
        )
    first = root.start_mark.name
    return sorted(out, key=lambda f: (f.file != first, f.file, f.line, f.column, f.code))


def report_to_dict(report: CheckReport, strict: bool, lang: str = "en") -> dict[str, Any]:
    """The report as ladder.check/1: each finding's `path` names list items by position (as
    always), `named_path` by their ids where they have them, and `fix` says what to do."""
    return {
        "schema": SCHEMA,
        "ok": not report.failed(strict),
        "errors": report.count(ERROR),
        "warnings": report.count(WARNING),
        "files": [
            {
                "path": f.path,
                "errors": f.count(ERROR),
                "warnings": f.count(WARNING),
                "combinations": f.combinations,
                "pieces": f.pieces,
                "seconds": round(f.seconds, 4),
                "properties": [
                    {"id": p.id, "proved": p.proved, "counterexample": p.counterexample}
                    for p in f.properties
                ],
                "examples": {"passed": f.examples[0], "total": f.examples[1]},
                "relaxed": [asdict(r) for r in f.relaxed],
                "findings": [
                    {
                        "code": x.code,
                        "severity": x.severity,
                        "file": x.file,
                        "line": x.line,
                        "column": x.column,
                        "path": x.path,
                        "named_path": x.named_path or x.path,
                        "message": x.message,
                        "fix": x.fix(lang),
                    }
                    for x in f.findings
                ],
            }
            for f in report.files
        ],
    }


def report_to_text(report: CheckReport, lang: str) -> str:
    from ladder.check.reports import check_document
    from ladder.output.text import render_lines

    return render_lines(check_document(report, lang))
