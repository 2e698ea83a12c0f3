"""`ladder check`: verify rules files. Every finding has a code, a severity and a location.

The loader's own problems come first (schema and references); then coverage, overlap and
shadowing, unreachable content, declared properties and worked examples (verify_rules,
verify_props), all reasoned over boxes of answers (verify_space) rather than every combination.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ladder.check.budget import OutOfBudget, configured_budget, work_budget
from ladder.check.composite import check_conditions
from ladder.check.findings import ERROR, WARNING, analyse, budget_finding, check_rules
from ladder.check.properties import PropertyResult, check_examples, check_properties
from ladder.errors import Problem, RulesError
from ladder.i18n.messages import t
from ladder.load.loader import Loader, find_rules, locate, parse_rules, read_rules_bytes
from ladder.load.references import dotted

SCHEMA = "ladder.check/1"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning
    file: str
    line: int
    column: int
    path: str
    message: str

    def text(self, lang: str) -> str:
        where = str(Problem(self.file, self.line, self.column, "", "")).rstrip(": ")
        path = f" {self.path}:" if self.path else ""
        severity = t(f"check.severity.{self.severity}", lang)
        return f"{where}: {severity} [{self.code}]{path} {self.message}"

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class FileReport:
    path: str
    findings: list[Finding]
    properties: list[PropertyResult] = field(default_factory=list)
    examples: tuple[int, int] = (0, 0)
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


def check_files(paths: list[str | os.PathLike[str]] | None, lang: str) -> CheckReport:
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
            Finding("schema", ERROR, p.file, p.line, p.column, p.path, p.message)
            for p in error.problems
        ] or [Finding("schema", ERROR, name, 0, 0, "", error.message)]
        return FileReport(name, findings, seconds=time.perf_counter() - started)
    with work_budget(configured_budget(lang)):
        try:
            analysis = analyse(loaded.rules, lang)
        except OutOfBudget:  # nothing else can be checked without the pieces
            what = t("check.stage.space", lang)
            found = [budget_finding(("questions",), what, lang)]
            findings = _locate(found, data.decode("utf-8"), name)
            return FileReport(name, findings, seconds=time.perf_counter() - started)
        check_rules(analysis)
        try:
            check_conditions(analysis)
        except OutOfBudget:
            analysis.unfinished(("structures",), "outputs")
        properties = check_properties(analysis)
    examples = check_examples(analysis, loaded)
    findings = _locate(analysis.found, data.decode("utf-8"), name)
    return FileReport(
        name,
        findings,
        properties,
        examples,
        combinations=sum(analysis.space.size(b) for b in analysis.boxes),
        pieces=len(analysis.cells),
        seconds=time.perf_counter() - started,
    )


def _locate(found: list[Any], text: str, name: str) -> list[Finding]:
    import yaml

    root = yaml.compose(text, Loader=Loader)
    out = []
    for raw in found:
        line, column = locate(root, raw.path)
        out.append(
            Finding(raw.code, raw.severity, name, line, column, dotted(raw.path), raw.message)
        )
    return sorted(out, key=lambda f: (f.line, f.column, f.code))


def report_to_dict(report: CheckReport, strict: bool) -> dict[str, Any]:
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
                "findings": [
                    {
                        "code": x.code,
                        "severity": x.severity,
                        "file": x.file,
                        "line": x.line,
                        "column": x.column,
                        "path": x.path,
                        "message": x.message,
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
