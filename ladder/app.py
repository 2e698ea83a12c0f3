"""The steps every front end shares: load rules, gather answers, decide, word, format."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ladder import engine
from ladder.answers import missing_error, parse_pairs, read_answers_file, resolve
from ladder.errors import RulesError
from ladder.i18n.messages import t
from ladder.load.loader import LoadedRules, load_rules
from ladder.result import Decision, Recommendation
from ladder.wording import word


def answer_sources(
    pairs: list[str], answers_file: str | os.PathLike[str] | None, lang: str
) -> list[dict[str, Any]]:
    """The answer sources in precedence order: flags, then the answers file."""
    sources: list[dict[str, Any]] = [parse_pairs(pairs, lang)]
    if answers_file is not None:
        sources.append(read_answers_file(answers_file, lang))
    return sources


def recommend_from(
    rules_path: str | os.PathLike[str] | None,
    pairs: list[str],
    answers_file: str | os.PathLike[str] | None,
    lang: str,
) -> tuple[Recommendation, list[str]]:
    """A recommendation from flags and an answers file; notes say which answers were not used."""
    loaded = load_rules(rules_path, lang)
    return recommend_answers(loaded, answer_sources(pairs, answers_file, lang), lang)


def recommend_answers(
    loaded: LoadedRules, sources: list[dict[str, Any]], lang: str
) -> tuple[Recommendation, list[str]]:
    """Validate complete answers (first source wins), then recommend; AnswerError if any lacks."""
    used, decision, notes = decide_answers(loaded, sources, lang)
    return word(loaded.rules, loaded.info, used, decision, lang), notes


def decide_answers(
    loaded: LoadedRules, sources: list[dict[str, Any]], lang: str
) -> tuple[dict[str, str], Decision, list[str]]:
    """The answers used (validated, first source wins), their decision, and notes on those not
    used; AnswerError if any is invalid or lacks."""
    resolved = resolve(loaded.rules, sources, lang)
    if resolved.missing:
        raise missing_error(loaded.rules, resolved.missing, lang)
    return resolved.values, decision_for(loaded, resolved.values, lang), resolved.notes


def decision_for(loaded: LoadedRules, answers: dict[str, str], lang: str) -> Decision:
    """The decision for complete, validated answers; RulesError when no target rule applies."""
    try:
        return engine.decide(loaded.rules, answers)  # looked up here, so tests can replace it
    except engine.NoTarget:
        raise RulesError(t("engine.no_target", lang), []) from None


def recommendation_for(loaded: LoadedRules, answers: dict[str, str], lang: str) -> Recommendation:
    """The recommendation for complete, validated answers (see answers.resolve), in `lang`."""
    decision = decision_for(loaded, answers, lang)
    return word(loaded.rules, loaded.info, answers, decision, lang)


def format_recommendation(rec: Recommendation, fmt: str) -> str:
    """The recommendation in one of the formats of ladder.output.formats (text is plain)."""
    from ladder.output.formats import render

    return render(rec, fmt)


def show_rules(path: str | os.PathLike[str] | None, resolved: bool, lang: str) -> str:
    """A rules file as text: as written, or (resolved) merged with the files it extends into
    one full file that loads into the same rules."""
    from ladder.load.dump import rules_yaml
    from ladder.load.loader import find_rules, read_rules_bytes
    from ladder.load.overlay import resolve

    file = find_rules(path)
    load_rules(file, lang)  # invalid rules are reported, located, as by every command
    if not resolved:
        return read_rules_bytes(file, lang).decode("utf-8")
    found = resolve(file, lang)
    header = [t("overlay.header", lang, file=file)] + [f"  {link.name}" for link in found.chain]
    return rules_yaml(found.raw(), header)


def placeholders_output(paths: list[Any], fmt: str, lang: str) -> str:
    """The placeholders each rules file's templates may name, as text or JSON."""
    from ladder.load.placeholders import placeholders, placeholders_to_dict, placeholders_to_text

    files = [(str(p), placeholders(load_rules(p, lang).rules, lang)) for p in paths]
    if fmt == "json":
        from ladder.output.record import dump

        return dump(placeholders_to_dict(files), "json")
    return placeholders_to_text(files, lang)


def init_region(
    region_id: str,
    name: str | None,
    extends: str,
    output: str | os.PathLike[str] | None,
    force: bool,
    lang: str,
) -> list[Path]:
    """Write a new region's overlay (checked before it is written) and the JSON Schema its
    modeline names beside it; the files written."""
    from ladder.io.files import write_atomic
    from ladder.load.loader import parse_rules
    from ladder.load.scaffold import SCHEMA_NAME, default_name, region_overlay
    from ladder.load.schema import schema_text

    target = Path(output) if output is not None else Path(f"{region_id}.yaml")
    name = default_name(region_id) if name is None else name
    text = region_overlay(region_id, name, extends, target.name, lang)
    parse_rules(text.encode("utf-8"), str(target), lang)  # a bad --extends fails here, located
    written = [write_atomic(target, text, force=force, lang=lang)]
    schema, wanted = target.parent / SCHEMA_NAME, schema_text()
    if not (schema.is_file() and schema.read_text(encoding="utf-8") == wanted):
        written.append(write_atomic(schema, wanted, force=force, lang=lang))
    return written
