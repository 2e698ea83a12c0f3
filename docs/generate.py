"""Regenerate the command output shown in README.md and docs/cli.md from the code itself.

Run `python docs/generate.py` after changing commands, help or rules; a test fails when the
committed files differ from what this produces.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- generated: (?P<cmd>[^\n]*?) -->\n)(?P<body>.*?)(<!-- end -->)", re.S)
ENVIRONMENT = {
    "LANG": "C.UTF-8",
    "NO_COLOR": "1",
    "COLUMNS": "88",
    "TERMINAL_WIDTH": "88",
    "LADDER_RULES": "data/ladder.yaml",
    "SOURCE_DATE_EPOCH": "1795000000",
}
UNSET = ("LADDER_LANG", "LC_ALL", "LC_MESSAGES")


def run(command: str, cwd: Path = ROOT) -> str:
    """The stdout of `ladder ...`, run in-process in a fixed environment (from the repo root)."""
    from typer.testing import CliRunner

    from ladder.cli import app

    args = shlex.split(command)[1:]
    saved_cwd, saved_env = Path.cwd(), dict(os.environ)
    os.chdir(cwd)
    os.environ.update(ENVIRONMENT)
    for name in UNSET:
        os.environ.pop(name, None)
    try:
        result = CliRunner().invoke(app, args, prog_name="ladder", catch_exceptions=False)
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return result.stdout


def fenced(command: str, cwd: Path = ROOT) -> str:
    kind = "json" if "json" in command.split() else "text"
    return f"```{kind}\n$ {command}\n{run(command, cwd).rstrip()}\n```\n"


def fill(text: str, cwd: Path = ROOT) -> str:
    return BLOCK.sub(lambda m: m.group(1) + fenced(m.group("cmd"), cwd) + m.group(4), text)


CODES_TABLE = re.compile(r"(<!-- generated-table: finding codes -->\n)(.*?)(<!-- end -->)", re.S)


def codes_table() -> str:
    """Every finding code of `ladder check`: severity, meaning and fix, from the code itself."""
    from ladder.check.codes import CODES, fix_text

    rows = ["| code | severity | meaning | how to fix |", "|---|---|---|---|"]
    for code, (severity, meaning) in CODES.items():
        rows.append(f"| `{code}` | {severity} | {meaning} | {fix_text(code, 'en')} |")
    return "\n".join(rows) + "\n"


def rules_guide(text: str) -> str:
    """docs/rules.md, its commands run on the worked edit: its YAML block added to a copy of the
    default rules, above `unit_patients`, as `mine.yaml`."""
    import tempfile

    text = CODES_TABLE.sub(lambda m: m.group(1) + codes_table() + m.group(3), text)
    block = re.search(r"## A worked edit.*?```yaml\n(.*?)```", text, re.S)
    assert block, "docs/rules.md lost its worked edit"
    rules = (ROOT / "data" / "ladder.yaml").read_text(encoding="utf-8")
    anchor = "  - id: unit_patients\n"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "data").mkdir()
        (work / "data" / "ladder.yaml").write_text(rules, encoding="utf-8")
        mine = rules.replace(anchor, block.group(1) + anchor, 1)
        (work / "mine.yaml").write_text(mine, encoding="utf-8")
        return fill(text, work)


def help_layout() -> str:
    """The library whose version decides how help is laid out (metavars, wrapping)."""
    from importlib.metadata import version

    return f"typer {version('typer')}"


def cli_reference() -> str:
    from typer.main import get_command

    from ladder.cli import app

    names = list(get_command(app).commands)  # type: ignore[attr-defined]
    out = [
        "# Command-line reference",
        "",
        "Generated from the commands' own help by `python docs/generate.py`; a test keeps it",
        "current. Help follows the language of `LADDER_LANG` or `LANG` (here: English).",
        f"The layout is {help_layout()}'s; other versions lay out the same help differently.",
        "",
        "<!-- generated: ladder --help -->",
        "<!-- end -->",
    ]
    for name in names:
        out += [
            "",
            f"## ladder {name}",
            "",
            f"<!-- generated: ladder {name} --help -->",
            "<!-- end -->",
        ]
    return fill("\n".join(out) + "\n")


INVITATION_CASES = (
    (
        "Ett vårdmöte där patienten vill besluta tillsammans med vården",
        "data/ladder.yaml",
        {"arena": "care_meeting", "patient_wish": "share_decisions", "relatives": "yes"},
    ),
    (
        "En snabb konsultation utan budget",
        "data/ladder.yaml",
        {
            "arena": "unit_development",
            "purpose": "views",
            "mandate": "views",
            "acceptance": "low",
            "timeframe": "weeks",
            "resources": "none",
            "participants": "own_patients",
            "project": "Nya rutiner i väntrummet",
            "decision_owner": "verksamhetschefen, den 15 maj",
        },
    ),
    (
        "En lång samutveckling",
        "data/ladder.yaml",
        {
            "arena": "system_wide",
            "purpose": "co_develop",
            "mandate": "co_develop",
            "acceptance": "high",
            "timeframe": "longer",
            "resources": "ample",
            "participants": "condition_group",
            "project": "Vårdförlopp för typ 2-diabetes",
            "decision_owner": "hälso- och sjukvårdsdirektören, i november",
        },
    ),
    (
        "Ett beslut som redan är fattat",
        "data/ladder.yaml",
        {
            "arena": "unit_development",
            "purpose": "discuss",
            "mandate": "none",
            "acceptance": "high",
            "timeframe": "months",
            "resources": "some",
            "participants": "own_patients",
            "project": "Två vårdcentraler slås samman",
            "decision_owner": "regionstyrelsen, i mars",
        },
    ),
    (
        "Representanter i en stående grupp (Region Kronoberg)",
        "examples/kronoberg.yaml",
        {
            "arena": "system_wide",
            "purpose": "co_develop",
            "mandate": "co_develop",
            "acceptance": "low",
            "timeframe": "longer",
            "resources": "some",
            "participants": "own_patients",
            "standing_group": "ledningsgruppen för nära vård",
            "project": "Regional strategi för nära vård",
        },
    ),
    (
        "En grupp unga",
        "data/ladder.yaml",
        {
            "arena": "unit_development",
            "purpose": "discuss",
            "mandate": "alternatives",
            "acceptance": "high",
            "timeframe": "months",
            "resources": "some",
            "participants": "young_people",
            "project": "Ungdomsmottagningens öppettider",
            "decision_owner": "verksamhetschefen, i juni",
        },
    ),
)


def invitations() -> str:
    """docs/invitations.md: the invitation and the staff notes of six realistic cases, in
    Swedish, from the shipped rules, as `ladder recommend` words them: the standard
    invitation, then each reader's variant the rules give for the case (easy read; young)."""
    from ladder.app import recommendation_for
    from ladder.load.loader import load_rules

    out = [
        "# Invitations: six cases",
        "",
        "Generated by `python docs/generate.py` from the shipped rules; a test keeps it current.",
        "Each case shows the **invitation** (what participants receive), then the same",
        "invitation for each **reader** the rules word it for (easy read, and for children and",
        "young people where they are the group; `ladder recommend --reader ...` picks one), and",
        "the **staff notes** (never sent to participants), as `ladder --lang sv recommend` gives",
        "them for the answers shown. Marked gaps such as `[vem som beslutar och när]` are to be",
        "filled before sending; `--require-complete` refuses to go on while one remains. The",
        "language rules the invitations are tested against are in [language.md](language.md).",
    ]
    for title, path, answers in INVITATION_CASES:
        rec = recommendation_for(load_rules(ROOT / path), answers, "sv")
        flags = " ".join(shlex.quote(f"{k}={v}") for k, v in answers.items())
        out += ["", f"## {title}", "", f"`{path}`, nivå: {rec.level.name}. Svar: `{flags}`"]
        for invitation in rec.invitations:
            name = f" ({invitation.name})" if invitation.name else ""
            out += ["", f"### {invitation.title}{name}", ""]
            out += [f"> {p}\n>" for p in invitation.text.split("\n\n")]
            out[-1] = out[-1].removesuffix("\n>")
        out += ["", "### Anteckningar för personalen", ""]
        out += [f"- {note}" for note in rec.staff_notes] or ["- (inga)"]
    return "\n".join(out) + "\n"


def expected() -> dict[Path, str]:
    readme = ROOT / "README.md"
    guide = ROOT / "docs" / "rules.md"
    return {
        readme: fill(readme.read_text(encoding="utf-8")),
        ROOT / "docs" / "cli.md": cli_reference(),
        guide: rules_guide(guide.read_text(encoding="utf-8")),
        ROOT / "docs" / "plans.md": fill((ROOT / "docs" / "plans.md").read_text(encoding="utf-8")),
        ROOT / "docs" / "followup.md": fill(
            (ROOT / "docs" / "followup.md").read_text(encoding="utf-8")
        ),
        ROOT / "docs" / "invitations.md": invitations(),
    }


def main() -> int:
    for path, text in expected().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
