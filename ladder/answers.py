"""Gather answers from their sources, validate each with its question, and decide what is asked.

Precedence: flags > answers file > wizard. The wizard validates typed
answers with `validate_answer`, the same function the flags go through.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ladder.conditions import applies, joined
from ladder.errors import AnswerError
from ladder.i18n.messages import os_problem, t, yaml_problem
from ladder.io.files import read_limited
from ladder.io.locations import at, undecodable_at, yaml_error_at
from ladder.io.untrusted import first_invisible, has_control, shown
from ladder.load.references import did_you_mean
from ladder.model import Question, Rules

MAX_ANSWERS_FILE_BYTES = 1024 * 1024
MAX_PROBLEMS = 100  # reported at once; the answers after them are not checked
BOOLEAN_IDS = {True: ("yes", "true"), False: ("no", "false")}  # option ids a YAML boolean means


@dataclass(frozen=True)
class ResolvedAnswers:
    """Validated answers to the questions asked, notes on those not used, and what lacks."""

    values: dict[str, str]
    notes: list[str] = field(default_factory=list)
    missing: list[Question] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # free texts left empty (null) on purpose


def parse_pairs(pairs: list[str], lang: str) -> dict[str, str]:
    """`KEY=VALUE` strings from -a/--answer; a key given twice must agree with itself."""
    values: dict[str, str] = {}
    problems = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            problems.append(t("answers.bad_pair", lang, pair=shown(pair)))
            continue
        value = value.strip()
        if key in values and values[key] != value:
            first, second = shown(values[key]), shown(value)
            problems.append(t("answers.duplicate", lang, id=shown(key), first=first, second=second))
        values[key] = value
    if problems:
        raise AnswerError(t("answers.invalid", lang), problems)
    return values


def read_answers_file(path: str | os.PathLike[str], lang: str) -> dict[str, Any]:
    """A YAML or JSON mapping of question id -> answer (JSON by the .json suffix)."""
    file = Path(path)
    name = str(file)
    if name == "-":  # standard input may be the wizard's keyboard; `batch -` reads it
        raise AnswerError(t("answers.not_stdin", lang))
    try:
        data = read_limited(file, MAX_ANSWERS_FILE_BYTES)
        if len(data) > MAX_ANSWERS_FILE_BYTES:
            limit = MAX_ANSWERS_FILE_BYTES
            raise AnswerError(t("answers.file_too_large", lang, file=name, limit=limit))
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise AnswerError(t("answers.file_not_found", lang, file=name)) from None
    except UnicodeDecodeError as error:
        where = at(name, undecodable_at(data, error)[0])  # the line: as the other readers
        reason = t("rules.not_utf8", lang, reason=error.reason)
        raise AnswerError(t("answers.file_unreadable", lang, file=where, reason=reason)) from None
    except OSError as error:
        reason = os_problem(error, lang) if isinstance(error, OSError) else str(error)
        raise AnswerError(t("answers.file_unreadable", lang, file=name, reason=reason)) from None
    data = _parse_answers_text(text, name, file.suffix.lower() == ".json", lang)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AnswerError(t("answers.file_not_mapping", lang, file=name))
    return {str(key): value for key, value in data.items()}


def _parse_answers_text(text: str, name: str, is_json: bool, lang: str) -> Any:
    if is_json:
        return _parse_json(text, name, lang)
    import yaml

    from ladder.load.loader import check_yaml_limits

    try:
        check_yaml_limits(text, lang)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader)
    except (yaml.YAMLError, ValueError) as error:  # ValueError: a date like 2024-13-01
        where = at(name, *yaml_error_at(text, error))
        reason = _yaml_reason(error, lang)
        raise AnswerError(t("answers.file_unreadable", lang, file=where, reason=reason)) from None


def _yaml_reason(error: Exception, lang: str) -> str:
    import yaml

    if isinstance(error, yaml.MarkedYAMLError):
        return yaml_problem(error.problem or str(error), lang)
    if isinstance(error, yaml.reader.ReaderError):
        return str(error.reason)
    return str(error)


def _parse_json(text: str, name: str, lang: str) -> Any:
    """Strict JSON (strict_json): a key given twice or a bare NaN is refused, as in YAML."""
    from ladder.io.strict_json import loads, position, problem

    try:
        return loads(text)
    except (ValueError, RecursionError) as error:
        at = position(text, error)
        where = f"{name}:{at[0]}:{at[1]}" if at else name
        reason = problem(error, lang)
        raise AnswerError(t("answers.file_unreadable", lang, file=where, reason=reason)) from None


def validate_answer(rules: Rules, key: str, value: object, lang: str) -> str:
    """The normalised answer to question `key`, or AnswerError naming the question."""
    return _validate({q.id: q for q in rules.questions}, key, value, lang)


def _validate(questions: dict[str, Question], key: str, value: object, lang: str) -> str:
    if key not in questions:
        ids = ", ".join(questions)
        raise AnswerError(
            t("answers.unknown_question", lang, id=shown(key), ids=ids)
            + did_you_mean(key, questions, lang),
            questions={key: ()},
        )
    try:
        return _validate_known(questions[key], value, lang)
    except AnswerError as error:
        options = tuple(o.id for o in questions[key].options)
        raise AnswerError(error.message, questions={key: options}) from None


def _validate_known(question: Question, value: object, lang: str) -> str:
    if question.multiple:
        return _validate_multiple(question, value, lang)
    return _validate_one(question, value, lang)


def _validate_multiple(question: Question, value: object, lang: str) -> str:
    """Several options: a list, or `a,b` (`a;b` as a spreadsheet writes it); each one checked
    as a single answer, kept once, in the file's option order."""
    if isinstance(value, str):
        items: list[object] = [v for v in re.split(r"[,;]", value) if v.strip()]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        items = [value]
    picked = {_validate_one(question, item, lang) for item in items}
    if not picked:
        raise AnswerError(t("answers.none_chosen", lang, id=question.id))
    return joined(o.id for o in question.options if o.id in picked)


def _validate_one(question: Question, value: object, lang: str) -> str:
    key = question.id
    if isinstance(value, bool) and question.kind == "choice":  # YAML read `yes` as True
        option_ids = {o.id for o in question.options}
        value = next((i for i in BOOLEAN_IDS[value] if i in option_ids), value)
    if not isinstance(value, str):
        message = t("answers.not_text", lang, id=key, kind=t(_kind_of(value), lang))
        if isinstance(value, bool | int | float | dt.date):  # YAML read `yes`, `2024` as such
            as_written = (
                {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value
            )
            message += "; " + t("answers.quote_it", lang, value=as_written)
        raise AnswerError(message)
    if question.kind == "text":
        return _validate_text(question, value, lang)
    options = [o.id for o in question.options]
    value = value.strip()
    if value not in options:
        echoed = shown(_clip(value))
        message = t(
            "answers.unknown_option", lang, value=echoed, id=key, options=", ".join(options)
        )
        raise AnswerError(message + _suggest_option(question, value, lang))
    return value


def _suggest_option(question: Question, value: str, lang: str) -> str:
    """'; did you mean …?' for the one option whose label (in any language) holds every word
    of `value` (`ja` for 'Ja, om patienten samtycker'), else for a near miss of an id."""
    words = set(_words(value))
    by_label = [
        o.id
        for o in question.options
        if words and words <= {w for text in o.text.values() for w in _words(text)}
    ]
    if len(by_label) == 1:
        return f"; {t('did_you_mean', lang, guess=by_label[0])}"
    return did_you_mean(value, [o.id for o in question.options], lang)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _kind_of(value: object) -> str:
    if value is None:
        return "kind.null"
    if isinstance(value, bool):
        return "kind.bool"
    if isinstance(value, int | float):
        return "kind.number"
    if isinstance(value, dt.date):  # YAML reads 2026-06-01 as a date
        return "kind.date"
    if isinstance(value, bytes):  # YAML's !!binary
        return "kind.bytes"
    return "kind.list" if isinstance(value, list | tuple) else "kind.mapping"


def _validate_text(question: Question, value: str, lang: str) -> str:
    value = value.strip()
    if not value:
        raise AnswerError(t("answers.empty", lang, id=question.id))
    if len(value) > question.max_length:
        raise AnswerError(
            t(
                "answers.too_long",
                lang,
                id=question.id,
                length=len(value),
                limit=question.max_length,
            )
        )
    if has_control(value):
        raise AnswerError(t("answers.control_chars", lang, id=question.id))
    if code := first_invisible(value):
        raise AnswerError(t("answers.invisible_chars", lang, id=question.id, code=code))
    if any("\ud800" <= c <= "\udfff" for c in value):  # undecodable bytes from argv
        raise AnswerError(t("answers.not_utf8", lang, id=question.id))
    return value


def _clip(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


def resolve(rules: Rules, sources: list[dict[str, Any]], lang: str) -> ResolvedAnswers:
    """Merge answer sources (first wins), validate every answer, keep those that apply.

    Collects every problem before raising. Required questions still unanswered are in
    `missing`; the caller decides whether that is an error (recommend) or a prompt (wizard).
    """
    merged: dict[str, Any] = {}
    for source in sources:
        for key, value in source.items():
            merged.setdefault(key, value)
    values: dict[str, str] = {}
    problems: list[str] = []
    questions = {q.id: q for q in rules.questions}
    skipped = []
    about: dict[str, tuple[str, ...]] = {}  # the questions of the problems, with their options
    for checked, (key, value) in enumerate(merged.items()):
        if len(problems) == MAX_PROBLEMS:  # each names the questions: keep the message bounded
            problems.append(t("answers.unchecked", lang, count=len(merged) - checked))
            break
        if value is None and key in questions and questions[key].kind == "text":
            skipped.append(key)  # `project:` with no value: skipped, as Enter in the wizard
            continue
        try:
            values[key] = _validate(questions, key, value, lang)
        except AnswerError as error:
            problems.append(error.message)
            about.update(error.questions)
    if problems:
        raise AnswerError(t("answers.invalid", lang), problems, questions=about)
    asked = asked_questions(rules, values)
    used = {q.id: values[q.id] for q in asked if q.id in values}
    notes = [t("answers.not_applicable", lang, id=key) for key in values if key not in used]
    missing = [q for q in asked if q.required and q.kind == "choice" and q.id not in used]
    asked_ids = {q.id for q in asked}
    return ResolvedAnswers(used, notes, missing, [key for key in skipped if key in asked_ids])


def asked_questions(rules: Rules, values: dict[str, str]) -> list[Question]:
    """The questions asked, in order: each `when` is judged only by answers to asked questions."""
    kept: dict[str, str] = {}
    asked = []
    for question in rules.questions:
        if applies(question.when, kept):
            asked.append(question)
            if question.id in values:
                kept[question.id] = values[question.id]
    return asked


def unanswered_lines(rules: Rules, missing: list[Question], lang: str) -> list[str]:
    """One line per unanswered question: its id, its text and its options."""
    return [
        t(
            "answers.missing_one",
            lang,
            id=q.id,
            text=rules.text(q.text, lang),
            options=", ".join(o.id for o in q.options),
        )
        for q in missing
    ]


def missing_error(rules: Rules, missing: list[Question], lang: str) -> AnswerError:
    """Exit 4 naming each unanswered question and its options; the ids and options as data."""
    return AnswerError(
        t("answers.missing", lang, count=len(missing)),
        unanswered_lines(rules, missing, lang),
        questions={q.id: tuple(o.id for o in q.options) for q in missing},
        missing=tuple(q.id for q in missing),
    )
