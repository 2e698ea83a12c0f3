"""The follow-up as a document for the existing renderers: each track's questionnaire, its
result when responses were given, and a report skeleton in GRIPP2's short form (Staniszewska
et al. 2017: aim, methods, results, outcomes, critical reflection), pre-filled for the
project's final report."""

from __future__ import annotations

from ladder.followup.questionnaire import CHOICES, question_ids
from ladder.followup.report import FollowUp, TrackFollowUp
from ladder.followup.responses import TrackScore
from ladder.i18n.messages import t
from ladder.output.document import (
    Block,
    Code,
    Document,
    Field,
    Heading,
    Item,
    Label,
    List,
    Only,
    Paragraph,
    Text,
)


def followup_document(fu: FollowUp) -> Document:
    lang = fu.lang
    blocks: list[Block] = [
        Only("screen", (Heading((Label(t("followup.title", lang)),), headline=True),)),
        Paragraph(
            (
                Label(
                    t("followup.intro" if fu.responses is None else "followup.intro_scored", lang)
                ),
            ),
            "note",
        ),
    ]
    for tr in fu.tracks:
        blocks += _track(tr, fu)
    if any(tr.score is not None for tr in fu.tracks):
        blocks += _gripp2(fu)
    return Document(lang, t("followup.title", lang), tuple(blocks))


def _track(tr: TrackFollowUp, fu: FollowUp) -> list[Block]:
    lang, p = fu.lang, tr.promise
    head = f"{p.name} – {p.level_name} ({p.rank}/{len(fu.steps)})"
    blocks: list[Block] = [
        Heading((Text(head),)),
        Field(t("followup.promise", lang), (Text(p.promise),)),
    ]
    if p.feedback_due:
        blocks.append(Field(t("followup.feedback_due", lang), (Code(p.feedback_due.isoformat()),)))
    items = tuple(
        Item(
            (Text(q.text), Label(" "), Code(f"[{q.id}]")),
            (Paragraph((Label(" / ".join(label for _, label in q.options)),), "quiet"),)
            if q.options
            else (),
        )
        for q in tr.questions
    )
    if tr.score is not None:  # the questions were asked: show what came of them
        return blocks + _result(tr.score, tr, fu)
    return [*blocks, List(items, ordered=True)]


def _share(value: float | None, lang: str) -> str:
    return t("followup.no_answers", lang) if value is None else f"{round(100 * value)} %"


def _result(s: TrackScore, tr: TrackFollowUp, fu: FollowUp) -> list[Block]:
    lang = fu.lang
    names = {step.rank: step.name for step in fu.steps}
    experienced = ", ".join(f"{names.get(r, r)}: {n}" for r, n in s.influence.items()) or "–"
    blocks: list[Block] = [
        Heading((Label(t("followup.result", lang)),), level=3),
        Field(t("followup.answered", lang), (Text(str(s.answered)),)),
        Field(t("followup.held", lang), (Text(_share(s.held, lang)),)),
        Field(
            t("followup.influence", lang),
            (
                Text(
                    t(
                        "followup.influence_value",
                        lang,
                        promised=tr.promise.level_name,
                        experienced=experienced,
                        below=_share(s.below_promise, lang),
                    )
                ),
            ),
        ),
    ]
    labels = {c: t(f"followup.choice.{c}", lang) for c in CHOICES}
    for qid, counts in s.choices.items():  # each other question: its answers counted
        if qid != "kept":
            shown = " · ".join(f"{labels[c]} {counts[c]}" for c in CHOICES)
            blocks.append(Field(qid, (Text(shown),)))
    if "feedback" in question_ids(tr.promise):
        value = t(
            "followup.feedback_value",
            lang,
            on_time=s.feedback_on_time,
            late=s.feedback_late,
            undated=s.feedback_undated,
        )
        blocks.append(Field(t("followup.feedback", lang), (Text(value),)))
    if s.comments:
        blocks.append(Heading((Label(t("followup.comments", lang)),), level=3))
        blocks.append(List(tuple(Item((Text(c),)) for c in s.comments)))
    return blocks


def _gripp2(fu: FollowUp) -> list[Block]:
    """The GRIPP2 short form, each section pre-filled where the record or responses say
    something, the rest left for the project to write."""
    lang = fu.lang
    levels = tuple(
        f"{tr.promise.name}: {tr.promise.level_name} – {tr.promise.promise}" for tr in fu.tracks
    )
    methods = tuple(
        f"{tr.promise.name}: {', '.join(name for name, _ in tr.promise.methods) or '–'}"
        for tr in fu.tracks
    )
    results = tuple(
        t(
            "followup.gripp2.result_line",
            lang,
            track=tr.promise.name,
            answered=tr.score.answered,
            held=_share(tr.score.held, lang),
        )
        for tr in fu.tracks
        if tr.score is not None
    )
    todo = t("followup.gripp2.todo", lang)
    sections = (
        ("aim", levels),
        ("methods", methods),
        ("results", results),
        ("outcomes", ()),
        ("reflection", ()),
    )
    blocks: list[Block] = [
        Heading((Label(t("followup.gripp2.title", lang)),)),
        Paragraph((Label(t("followup.gripp2.intro", lang)),), "note"),
    ]
    for key, filled in sections:
        blocks.append(Heading((Label(t(f"followup.gripp2.{key}", lang)),), level=3))
        blocks.append(Paragraph((Label(t(f"followup.gripp2.{key}_hint", lang)),), "quiet"))
        if filled:
            blocks.append(List(tuple(Item((Text(line),)) for line in filled)))
        else:
            blocks.append(Paragraph((Label(todo),)))
    return blocks
