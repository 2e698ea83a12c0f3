"""Plain renderings of a Recommendation: the JSON contract, YAML and a Markdown decision record.

No rich here: `--format json` must not pay for it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from typing import Any

from ladder.errors import SettingError
from ladder.i18n.messages import t
from ladder.io.untrusted import shown
from ladder.model import Rules
from ladder.result import Recommendation, StepOut

SCHEMA = "ladder.recommendation/1"


def to_dict(rec: Recommendation) -> dict[str, Any]:
    """The versioned JSON contract, in a stable key order."""
    return {
        "schema": SCHEMA,
        "rules": {
            "path": rec.rules.path,
            "sha256": rec.rules.sha256,
            "version": rec.rules.version,
            "region": rec.rules.region,
        },
        "lang": rec.lang,
        "answers": {a.id: a.value for a in rec.answers},
        "level": {
            "id": rec.level.id,
            "rank": rec.level.rank,
            "name": rec.level.name,
            "promise": rec.level.promise,
            "description": rec.level.description,
        },
        "recruitment": [
            {
                "id": s.id,
                "name": s.name,
                "mandate": s.mandate,
                "description": s.description,
                "how": s.how,
            }
            for s in rec.recruitment
        ],
        "methods": [
            {"id": m.id, "name": m.name, "description": m.description, "how": m.how, "time": m.time}
            for m in rec.methods
        ],
        "expectations": rec.expectations,
        "warnings": [{"id": w.id, "text": w.text} for w in rec.warnings],
        "trace": [{"rule": x.rule, "effect": x.effect, "because": x.because} for x in rec.trace],
    }


def record_date(lang: str = "en") -> str:
    """Today, or the date of SOURCE_DATE_EPOCH so that records can be reproduced byte for byte.
    A value that is not a date is refused, as the reproducible-builds specification asks: a
    record dated today by mistake would pass for a reproduced one."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return dt.date.today().isoformat()
    try:
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError(epoch)
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        raise SettingError(t("env.bad_epoch", lang, value=_printable(epoch[:40]))) from None


def _printable(text: str) -> str:
    """`text` with control and other non-ASCII characters as escapes, safe to echo."""
    return text.encode("unicode_escape").decode("ascii")


# Markdown's inline markup: emphasis, code, links and images, raw HTML and entities, table
# cells, strikethrough, headings. A backslash makes each of them literal text.
_MARKDOWN_PUNCTUATION = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#"})
# What opens a block at the start of a line: a list item or setext underline; a numbered item.
_BLOCK_START = re.compile(r"^([-+=])|^(\d+)([.)])")
_LINE_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def escape_markdown(text: str) -> str:
    """Text from the rules or the answers as literal Markdown: one line, and no heading, list,
    link, image, HTML, code or table cell of its own, wherever it is inserted."""
    flat = _LINE_BREAKS.sub(" ", text).strip()
    return _BLOCK_START.sub(_literal_start, flat.translate(_MARKDOWN_PUNCTUATION), count=1)


def _literal_start(match: re.Match[str]) -> str:
    return f"\\{match[1]}" if match[1] else f"{match[2]}\\{match[3]}"


def code_span(text: str) -> str:
    """`text` as one Markdown code span, whatever backticks it holds; no terminal code or
    direction override reaches the reader raw."""
    flat = shown(_LINE_BREAKS.sub(" ", text))
    longest = max((len(run) for run in re.findall("`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith(("`", " ")) or flat.endswith(("`", " ")) else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def to_markdown(rec: Recommendation) -> str:
    """A decision record to attach to a project plan. Every text from the rules or the
    answers goes through escape_markdown: the tool's own markup is the only markup."""
    lang = rec.lang
    level = rec.level
    md = escape_markdown
    out = [
        f"# {t('render.record', lang)}",
        "",
        f"- {t('render.date', lang)}: {record_date(lang)}",
        f"- {t('render.rules', lang)}: {code_span(rec.rules.path)} (version {rec.rules.version}, "
        f"sha256 `{rec.rules.sha256}`)",
        "",
        f"## {t('render.answers', lang)}",
        "",
        f"| {t('render.question', lang)} | {t('render.answer', lang)} |",
        "|---|---|",
        *(f"| {md(a.question)} | {md(a.answer)} (`{a.id}`) |" for a in rec.answers),
        "",
        f"## {t('render.level', lang)}: {md(level.name)} ({level.rank}/{len(rec.steps)})",
        "",
        md(level.description),
        "",
        f"**{t('render.promise', lang)}:** {md(level.promise)}",
        "",
        f"## {t('render.recruitment', lang)}",
        "",
    ]
    for s in rec.recruitment:
        mandate = t(f"render.mandate.{s.mandate}", lang)
        out += [
            f"- **{md(s.name)}** ({t('render.mandate', lang)}: {mandate}). {md(s.description)}",
            f"  {t('render.how', lang)}: {md(s.how)}",
        ]
    out += ["", f"## {t('render.methods', lang)}", ""]
    for m in rec.methods:
        out += [
            f"- **{md(m.name)}**. {md(m.description)}",
            f"  {t('render.how', lang)}: {md(m.how)}",
            f"  {t('render.time', lang)}: {md(m.time)}",
        ]
    statement = "\n\n".join(md(p) for p in rec.expectations.split("\n\n"))
    out += ["", f"## {md(rec.expectations_title)}", "", statement, ""]
    if rec.warnings:
        out += [f"## {t('render.warnings', lang)}", ""]
        out += [f"- {md(w.text)}" for w in rec.warnings]
        out.append("")
    out += [f"## {t('render.rationale', lang)}", ""]
    out += [f"{i}. {md(x.because)} (`{x.rule}`: `{x.effect}`)" for i, x in enumerate(rec.trace, 1)]
    return "\n".join(out) + "\n"


def questions_to_dict(rules: Rules, lang: str) -> dict[str, Any]:
    """The interview as data: ids, texts, options and conditions (`ladder questions`)."""

    def text(value: dict[str, str]) -> str:
        return rules.text(value, lang)

    return {
        "schema": "ladder.questions/1",
        "lang": lang,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "required": q.required,
                "text": text(q.text),
                "help": text(q.help),
                "when": q.when,
                "options": [
                    {"id": o.id, "text": text(o.text), "help": text(o.help)} for o in q.options
                ],
            }
            for q in rules.questions
        ],
    }


def steps_to_dict(steps: tuple[StepOut, ...], lang: str) -> dict[str, Any]:
    return {
        "schema": "ladder.steps/1",
        "lang": lang,
        "steps": [
            {
                "id": s.id,
                "rank": s.rank,
                "name": s.name,
                "description": s.description,
                "promise": s.promise,
            }
            for s in steps
        ],
    }


def dump(data: dict[str, Any], fmt: str) -> str:
    """JSON or YAML text of plain data."""
    if fmt == "yaml":
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return str(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=88))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
