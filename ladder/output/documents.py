"""Results as documents: the one place that sets the order and content of what ladder shows.

The result's texts are already in one language; the builders add only the tool's own
headings and labels.
"""

from __future__ import annotations

import datetime as dt
import os

from ladder.errors import SettingError
from ladder.i18n.messages import t
from ladder.output.document import (
    Block,
    Code,
    Document,
    Field,
    Figure,
    Heading,
    Item,
    Label,
    Line,
    List,
    Only,
    Paragraph,
    Step,
    Strong,
    Table,
    Text,
    Warnings,
)
from ladder.result import STANDARD, AnswerOut, Recommendation, RulesInfo


def recommendation_document(rec: Recommendation) -> Document:
    """Everything recommended: a record adds its date, rules and answers; a screen its why."""
    lang = rec.lang
    return Document(
        lang,
        t("render.record", lang),
        (
            Only("record", (_facts(rec), *_answers(rec))),
            _headline(rec),
            _figure(rec),
            Paragraph((Text(rec.level.description),)),
            _promise(rec),
            *_recruitment(rec),
            *_methods(rec),
            *_statement(rec),
            *_staff_notes(rec),
            *_warnings(rec),
            Only("screen", _reasons_on_screen(rec)),
            Only("record", _reasons_on_record(rec)),
        ),
    )


def essentials_document(rec: Recommendation) -> Document:
    """What a short screen shows: the level, its promise, the expectations and the warnings
    (a warning may be what keeps the involvement lawful or honest)."""
    blocks = (
        _headline(rec),
        _promise(rec),
        *_statement_on_screen(rec),
        *_staff_notes(rec),
        *_warnings(rec),
    )
    return Document(rec.lang, t("render.record", rec.lang), blocks)


def _facts(rec: Recommendation) -> List:
    return record_facts(rec.rules, rec.lang)


def record_facts(rules: RulesInfo, lang: str) -> List:
    """The record's date and the rules file it was decided under (its path, version, hash)."""
    source = (
        Label(f"{t('render.rules', lang)}: "),
        Code(rules.path),
        Label(f" (version {rules.version}, sha256 "),
        Code(rules.sha256),
        Label(")"),
    )
    date = Item((Label(f"{t('render.date', lang)}: {record_date(lang)}"),))
    return List((date, Item(source)))


def answer_table(rows: tuple[tuple[Line, ...], ...], lang: str) -> Table:
    """Question and answer, a row each; an answer shows its id as code."""
    header = ((Label(t("render.question", lang)),), (Label(t("render.answer", lang)),))
    return Table(header, rows)


def answer_rows(answers: tuple[AnswerOut, ...]) -> tuple[tuple[Line, ...], ...]:
    return tuple(
        ((Text(a.question),), (Text(a.answer), Label(" ("), Code(a.id), Label(")")))
        for a in answers
    )


def _answers(rec: Recommendation) -> tuple[Block, ...]:
    return (_heading("render.answers", rec.lang), answer_table(answer_rows(rec.answers), rec.lang))


def _headline(rec: Recommendation) -> Heading:
    level = rec.level
    return Heading(
        (
            Label(f"{t('render.level', rec.lang)}: "),
            Text(level.name),
            Label(f" ({level.rank}/{len(rec.steps)})"),
        ),
        headline=True,
    )


def _figure(rec: Recommendation) -> Figure:
    steps = tuple(Step(s.rank, s.name) for s in rec.steps)
    return Figure(steps, rec.level.rank, t("render.ladder", rec.lang), t("render.here", rec.lang))


def _promise(rec: Recommendation) -> Field:
    return Field(t("render.promise", rec.lang), (Text(rec.level.promise),), "strong")


def _recruitment(rec: Recommendation) -> tuple[Block, ...]:
    lang = rec.lang
    items = []
    for s in rec.recruitment:
        mandate = t(f"render.mandate.{s.mandate}", lang)
        lead = (Strong((Text(s.name),)), Label(f" ({t('render.mandate', lang)}: {mandate})"))
        body: tuple[Paragraph | Field, ...] = (
            Paragraph((Text(s.description),)),
            *_serves(s.serves_text, lang),
        )
        body = (*body, _note("render.how", s.how, lang))
        items.append(Item(lead, body, style="strong"))
    return (_heading("render.recruitment", lang), List(tuple(items)))


def _methods(rec: Recommendation) -> tuple[Block, ...]:
    lang = rec.lang
    items = tuple(
        Item(
            (Strong((Text(m.name),)),),
            (
                Paragraph((Text(m.description),)),
                *_serves(m.serves_text, lang),
                _note("render.how", m.how, lang),
                _note("render.time", m.time, lang),
            ),
            style="strong",
        )
        for m in rec.methods
    )
    return (_heading("render.methods", lang), List(items))


def _serves(serves_text: str, lang: str) -> tuple[Field, ...]:
    """Which of several chosen groups an item is for; nothing when one was chosen."""
    return (_note("render.serves", serves_text, lang),) if serves_text else ()


def _statement(rec: Recommendation) -> tuple[Block, ...]:
    """A screen shows the invitation for the reader asked for; a record the standard one and
    then each reader's whose conditions hold (and the one asked for), a section each."""
    others = [i for i in rec.invitations if i.reader != STANDARD]
    if not others:
        return _invitation(rec.expectations_title, rec.expectations)
    standard = next(i.text for i in rec.invitations if i.reader == STANDARD)
    variants = (_invitation(_title(rec, i.reader), i.text) for i in others)
    return (
        Only("screen", _statement_on_screen(rec)),
        Only("record", _invitation(rec.expectations_title, standard)),
        *(Only("record", blocks) for blocks in variants),
    )


def _statement_on_screen(rec: Recommendation) -> tuple[Block, ...]:
    """The invitation for the reader asked for, under a title that names that reader."""
    return _invitation(_title(rec, rec.reader or STANDARD), rec.expectations)


def _title(rec: Recommendation, reader: str) -> str:
    name = next((i.name for i in rec.invitations if i.reader == reader), "")
    if reader == STANDARD or not name:
        return rec.expectations_title
    return t("render.invitation_for", rec.lang, title=rec.expectations_title, reader=name)


def _invitation(title: str, text: str) -> tuple[Block, ...]:
    paragraphs = (Paragraph((Text(p),)) for p in text.split("\n\n"))
    return (Heading((Text(title),), audience="participants"), *paragraphs)


def _staff_notes(rec: Recommendation) -> tuple[Block, ...]:
    """What only those who run the involvement read: never part of the invitation above."""
    if not rec.staff_notes:
        return ()
    notes = tuple(Paragraph((Text(note),)) for note in rec.staff_notes)
    heading = Heading((Label(t("render.staff_notes", rec.lang)),), audience="staff")
    return (heading, *notes)


def _warnings(rec: Recommendation) -> tuple[Block, ...]:
    if not rec.warnings:
        return ()
    items = tuple((Text(w.text),) for w in rec.warnings)
    return (_heading("render.warnings", rec.lang), Warnings(items))


def _reasons_on_screen(rec: Recommendation) -> tuple[Block, ...]:
    """Why, the decisive reasons in full and the others quiet; then the rules file."""
    items = tuple(Item((Text(x.because),), style="" if x.decisive else "quiet") for x in rec.trace)
    rules = Field(t("render.rules", rec.lang), (Code(rec.rules.path),), "quiet")
    return (_heading("render.why", rec.lang), List(items), rules)


def _reasons_on_record(rec: Recommendation) -> tuple[Block, ...]:
    """The rationale, numbered, each reason with the rule and the effect behind it."""
    items = tuple(
        Item((Text(x.because),), detail=(Code(x.rule), Label(": "), Code(x.effect)))
        for x in rec.trace
    )
    return (_heading("render.rationale", rec.lang), List(items, ordered=True))


def _heading(key: str, lang: str) -> Heading:
    return Heading((Label(t(key, lang)),))


def _note(key: str, value: str, lang: str) -> Field:
    return Field(t(key, lang), (Text(value),), "note")


def record_date(lang: str = "en") -> str:
    """Today, or the date of SOURCE_DATE_EPOCH so that records can be reproduced byte for byte.
    A value that is not a date is refused, as the reproducible-builds specification asks: a
    record dated today by mistake would pass for a reproduced one."""
    moment = record_moment(lang)
    return dt.date.today().isoformat() if moment is None else moment.date().isoformat()


def record_moment(lang: str = "en") -> dt.datetime | None:
    """The moment of SOURCE_DATE_EPOCH (UTC), None when it is not set; SettingError when it
    is not a whole number of seconds (see record_date)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return None
    try:
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError(epoch)
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise SettingError(t("env.bad_epoch", lang, value=_printable(epoch[:40]))) from None


def _printable(text: str) -> str:
    """`text` with control and other non-ASCII characters as escapes, safe to echo."""
    return text.encode("unicode_escape").decode("ascii")
