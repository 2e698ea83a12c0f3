"""Reading participants' answers (CSV or JSON Lines, one row per respondent: the answers
template, or a survey tool's export with the same columns) and scoring them per track."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder.batch.rows import delimiter, parse_rows
from ladder.errors import AnswerError
from ladder.followup.questionnaire import (
    CHOICES,
    QUESTION_IDS,
    Step,
    question_ids,
    questions,
    template_columns,
    track_key,
)
from ladder.followup.records import TrackPromise
from ladder.i18n.messages import t
from ladder.io.files import read_limited
from ladder.io.locations import at

MAX_RESPONSES_BYTES = 64 * 1024 * 1024
MAX_PROBLEMS = 20
OPTIONAL = ("track", "feedback_date", "comment", "time")  # a survey may leave these out
# Answers as people and survey tools write them, in either language.
SPELLINGS = {
    "ja": "yes",
    "delvis": "partly",
    "nej": "no",
    "vet inte": "dont_know",
    "vet_inte": "dont_know",
    "don't know": "dont_know",
    "dont know": "dont_know",
}


@dataclass(frozen=True)
class Answer:
    """One respondent's answers: the row they came from, their track, question id -> value."""

    row: int
    track: str
    values: dict[str, str]


@dataclass(frozen=True)
class TrackScore:
    """A track's responses scored against its promise."""

    answered: int
    choices: dict[str, dict[str, int]]  # question id -> choice -> count
    held: float | None  # the share answering yes to `kept`, of those who said yes, partly or no
    influence: dict[int, int]  # experienced step rank -> count
    influence_median: float | None
    below_promise: float | None  # the share who experienced less influence than promised
    feedback_on_time: int
    feedback_late: int
    feedback_undated: int  # feedback received, with no date given or no due date to compare
    comments: tuple[str, ...]


def read_responses(
    path: str | Path, tracks: tuple[TrackPromise, ...], steps: tuple[Step, ...], lang: str
) -> list[Answer]:
    """The respondents' answers; AnswerError, located, for a file whose columns do not match
    the questionnaire or whose values are not its options."""
    name = str(path)
    text = _text(name, lang)
    fmt = "csv" if Path(name).suffix.lower() in (".csv", ".txt", ".tsv") else "jsonl"
    keys = {track_key(tr): tr for tr in tracks}
    if fmt == "csv":
        text = _named_by_id(text, name, tracks, steps, lang)
    problems: list[str] = []
    answers: list[Answer] = []
    by_step = {s.id: s.rank for s in steps} | {str(s.rank): s.rank for s in steps}
    by_step |= {s.name.casefold(): s.rank for s in steps}
    for row in parse_rows(text, fmt, name, lang):
        where = t("followup.row", lang, file=name, row=row.number)
        if row.problem or row.answers is None:
            problems.append(f"{where}: {row.problem}")
            continue
        values = {str(k): _plain(v) for k, v in row.answers.items() if _plain(v)}
        track = values.pop("track", "-" if len(tracks) == 1 else "")
        if len(tracks) == 1 and track not in keys:
            track = next(iter(keys))
        if track not in keys:
            problems.append(
                f"{where}: "
                + t("followup.unknown_track", lang, track=track, tracks=", ".join(keys))
            )
            continue
        asked = question_ids(keys[track])
        for qid, value in list(values.items()):
            found = _value(qid, value, asked, by_step)
            if isinstance(found, str) and found.startswith("!"):
                problems.append(f"{where}: {_problem(found, qid, value, asked, steps, lang)}")
            else:
                values[qid] = found
        answers.append(Answer(row.number, track, values))
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise AnswerError(t("followup.responses_invalid", lang, file=name), problems)
    return answers


def _text(name: str, lang: str) -> str:
    try:
        data = read_limited(name, MAX_RESPONSES_BYTES)
    except FileNotFoundError:
        raise AnswerError(t("followup.responses_missing", lang, file=name)) from None
    except OSError as error:
        from ladder.i18n.messages import os_problem

        raise AnswerError(
            t("followup.record_unreadable", lang, file=name, reason=os_problem(error, lang))
        ) from None
    if len(data) > MAX_RESPONSES_BYTES:
        raise AnswerError(
            t("followup.record_too_large", lang, file=name, limit=MAX_RESPONSES_BYTES)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        from ladder.io.locations import undecodable_at

        raise AnswerError(
            t("followup.record_not_utf8", lang, where=at(name, *undecodable_at(data, error)))
        ) from None


def _named_by_id(
    text: str, name: str, tracks: tuple[TrackPromise, ...], steps: tuple[Step, ...], lang: str
) -> str:
    """The CSV with every column named by its question id: a survey tool's export names its
    columns by the question texts (in either language, standard or easy-read, perhaps
    numbered). Refused, located, when a column is no question the record asks or one is
    missing but the optional ones."""
    first, newline, rest = text.partition("\n")
    first = first.removesuffix("\r")
    sep = delimiter(first)
    texts = _question_texts(tracks, steps)
    header = [c.strip() for c in next(csv.reader([first], delimiter=sep), [])]
    header = [texts.get(_as_heading(c), c) for c in header]
    _check_header(header, first, name, tracks, lang)
    line = io.StringIO()
    csv.writer(line, delimiter=sep, lineterminator="").writerow(header)
    return line.getvalue() + newline + rest


def _question_texts(tracks: tuple[TrackPromise, ...], steps: tuple[Step, ...]) -> dict[str, str]:
    """Each question's text as a column heading -> its id."""
    from ladder.i18n.language import LANGUAGES

    found: dict[str, str] = {}
    for track in tracks:
        for lang in LANGUAGES:
            for easy in (False, True):
                for question in questions(track, steps, lang, easy):
                    found.setdefault(_as_heading(question.text), question.id)
    return found


def _as_heading(text: str) -> str:
    """A question text as survey tools export it: numbered or not, in any case and spacing."""
    return " ".join(re.sub(r"^\s*\d+\s*[.):]\s*", "", text).split()).strip(" ?:.").casefold()


def _check_header(
    header: list[str], first: str, name: str, tracks: tuple[TrackPromise, ...], lang: str
) -> None:
    """Every column a question the record asks, none missing but the optional ones."""
    known = template_columns(tracks)
    for index, column in enumerate(header):
        if column not in known and column != "id":
            hint = "" if column not in QUESTION_IDS else t("followup.not_asked_here", lang)
            raise AnswerError(
                t(
                    "followup.extra_column",
                    lang,
                    where=at(name, 1, max(first.find(column), 0) + 1 if column else 1),
                    column=column,
                    number=index + 1,
                    columns=", ".join(known),
                )
                + hint
            )
    missing = [c for c in known if c not in header and c not in OPTIONAL]
    if len(tracks) > 1 and "track" not in header:
        missing.insert(0, "track")
    if missing:
        raise AnswerError(
            t("followup.missing_columns", lang, where=at(name, 1), columns=", ".join(missing))
        )


def _plain(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _value(qid: str, value: str, asked: tuple[str, ...], by_step: dict[str, int]) -> str:
    """The answer in its canonical form, or `!` and why it is not one."""
    if qid not in asked:
        return "!not_asked" if qid in QUESTION_IDS else "!unknown"
    if qid == "comment":
        return value
    if qid == "influence":
        rank = by_step.get(value.casefold()) or by_step.get(value)
        return str(rank) if rank else "!bad_step"
    if qid == "feedback_date":
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return "!bad_date"
    choice = value.casefold().replace("-", "_")
    choice = SPELLINGS.get(choice, choice)
    return choice if choice in CHOICES else "!bad_choice"


def _problem(
    code: str, qid: str, value: str, asked: tuple[str, ...], steps: tuple[Step, ...], lang: str
) -> str:
    options = {
        "!bad_step": ", ".join(s.id for s in steps),
        "!bad_choice": ", ".join(CHOICES),
        "!bad_date": "YYYY-MM-DD",
        "!not_asked": ", ".join(asked),
        "!unknown": ", ".join(asked),
    }[code]
    shown = value if len(value) <= 40 else value[:37] + "…"
    return t(f"followup.{code[1:]}", lang, column=qid, value=shown, options=options)


def score(track: TrackPromise, answers: list[Answer]) -> TrackScore:
    """One track's answers, counted against its promise."""
    mine = [a.values for a in answers if a.track == track_key(track) and a.values]
    choices: dict[str, Counter[str]] = {}
    influence: Counter[int] = Counter()
    on_time = late = undated = 0
    comments = []
    for values in mine:
        for qid, value in values.items():
            if qid == "influence":
                influence[int(value)] += 1
            elif qid == "comment":
                comments.append(value)
            elif qid != "feedback_date":
                choices.setdefault(qid, Counter())[value] += 1
        if values.get("feedback") in ("yes", "partly"):
            when = values.get("feedback_date")
            if when is None or track.feedback_due is None:
                undated += 1
            elif dt.date.fromisoformat(when) <= track.feedback_due:
                on_time += 1
            else:
                late += 1
    kept = choices.get("kept", Counter())
    judged = kept["yes"] + kept["partly"] + kept["no"]
    ranks = list(influence.elements())
    return TrackScore(
        answered=len(mine),
        choices={q: {c: n[c] for c in CHOICES} for q, n in sorted(choices.items(), key=_order)},
        held=kept["yes"] / judged if judged else None,
        influence=dict(sorted(influence.items())),
        influence_median=float(statistics.median(ranks)) if ranks else None,
        below_promise=sum(1 for r in ranks if r < track.rank) / len(ranks) if ranks else None,
        feedback_on_time=on_time,
        feedback_late=late,
        feedback_undated=undated,
        comments=tuple(comments),
    )


def _order(item: tuple[str, Any]) -> int:
    return QUESTION_IDS.index(item[0]) if item[0] in QUESTION_IDS else len(QUESTION_IDS)
