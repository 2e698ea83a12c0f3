"""A plan as a document: the plan as a whole first (a table of its tracks, the milestones, the
plan's warnings, the ladder with every track's step marked), then each track as a
recommendation of its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ladder.i18n.messages import t
from ladder.output.document import (
    Block,
    Code,
    Document,
    Field,
    Figure,
    Heading,
    Label,
    Only,
    Paragraph,
    Step,
    Table,
    Text,
    Warnings,
)
from ladder.output.documents import (
    answer_rows,
    answer_table,
    recommendation_document,
    record_facts,
)
from ladder.result import PlanOut, TrackOut

NONE = "–"
GROUP_QUESTION = "participants"  # the answer that names a track's group, when asked


def plan_document(plan: PlanOut) -> Document:
    """The plan: on a record with its date, rules and shared answers; then the overview, the
    milestones, the plan's warnings, and each track."""
    lang = plan.lang
    blocks: list[Block] = [
        Only("record", (record_facts(plan.rules, plan.lang), *_answers(plan))),
        _headline(plan),
        _figure(plan),
        _heading("plan.overview", lang),
        _overview(plan),
        *_milestones(plan),
        *_warnings(plan),
    ]
    for track in plan.tracks:
        blocks += _track(track, lang)
    return Document(lang, t("plan.title", lang), tuple(blocks))


def _answers(plan: PlanOut) -> tuple[Block, ...]:
    lang = plan.lang
    rows = answer_rows(plan.answers)
    fields = (
        ("decision_date", plan.decision_date),
        ("start_date", plan.start_date),
        ("feedback_owner", plan.feedback_owner),
        ("contact", plan.contact),
    )
    rows += tuple(
        ((Label(t(f"plan.field.{key}", lang)),), (Text(value), Label(" ("), Code(key), Label(")")))
        for key, value in fields
        if value
    )
    return (_heading("plan.shared", lang), answer_table(rows, lang)) if rows else ()


def _headline(plan: PlanOut) -> Heading:
    count = len(plan.tracks)
    project = next((a.value for a in plan.answers if a.id == "project"), None)
    words = t("plan.headline", plan.lang, count=count)
    return Heading(
        (Label(words), *((Label(": "), Text(project)) if project else ())), headline=True
    )


def _figure(plan: PlanOut) -> Figure:
    steps = tuple(Step(s.rank, s.name) for s in plan.steps)
    by_rank: dict[int, list[str]] = {}
    for track in plan.tracks:
        by_rank.setdefault(track.recommendation.level.rank, []).append(track.id)
    labels = tuple((rank, ", ".join(ids)) for rank, ids in sorted(by_rank.items()))
    highest = max(by_rank, default=None)
    return Figure(
        steps, highest, t("render.ladder", plan.lang), t("render.here", plan.lang), labels
    )


def _overview(plan: PlanOut) -> Table:
    lang = plan.lang
    header = tuple(
        (Label(t(f"plan.column.{key}", lang)),)
        for key in ("track", "group", "level", "methods", "feedback")
    )
    feedback = {m.track: m.when for m in plan.milestones if m.kind == "feedback_due"}
    rows = []
    for track in plan.tracks:
        rec = track.recommendation
        group = next((a.answer for a in rec.answers if a.id == GROUP_QUESTION), NONE)
        methods = ", ".join(m.name for m in rec.methods) or NONE
        rows.append(
            (
                (Text(track.name), Label(" ("), Code(track.id), Label(")")),
                (Text(group),),
                (Text(rec.level.name), Label(f" ({rec.level.rank}/{len(plan.steps)})")),
                (Text(methods),),
                (Label(feedback.get(track.id, NONE)),),
            )
        )
    return Table(header, tuple(rows))


def _milestones(plan: PlanOut) -> tuple[Block, ...]:
    lang = plan.lang
    header = tuple(
        (Label(t(f"plan.column.{key}", lang)),) for key in ("when", "milestone", "track", "owner")
    )
    names = {tr.id: tr.name for tr in plan.tracks}
    rows = tuple(
        (
            (Label(m.when),),
            (Label(m.name),),
            (Text(names[m.track]),) if m.track else (Label(NONE),),
            (Text(m.owner),) if m.owner else (Label(NONE),),
        )
        for m in plan.milestones
    )
    blocks: list[Block] = [_heading("plan.milestones", lang), Table(header, rows)]
    if plan.decision_date is None and plan.start_date is None:
        blocks.append(Paragraph((Label(t("plan.relative", lang)),), "note"))
    return tuple(blocks)


def _warnings(plan: PlanOut) -> tuple[Block, ...]:
    if not plan.warnings:
        return ()
    items = tuple((Text(w.text),) for w in plan.warnings)
    return (_heading("plan.warnings", plan.lang), Warnings(items))


def _track(track: TrackOut, lang: str) -> list[Block]:
    """A track's heading, then its recommendation as a document of its own shows it, without
    the record's facts (the plan gave them) and without its own ladder (the plan's marks it)."""
    heading = Heading(
        (
            Label(f"{t('plan.track', lang)}: "),
            Text(track.name),
            Label(" ("),
            Code(track.id),
            Label(")"),
        )
    )
    own = recommendation_document(track.recommendation).blocks
    record = own[0]
    answers = [Only("record", record.blocks[1:])] if isinstance(record, Only) else []
    kept = [b for b in own[1:] if not isinstance(b, Figure)]
    kind = Field(t("plan.kind", lang), (Label(t(f"plan.kind.{track.kind}", lang)),), "quiet")
    return [heading, *_inside(_demoted(kept[:1])), kind, *_inside(answers), *_inside(kept[1:])]


def _heading(key: str, lang: str) -> Heading:
    return Heading((Label(t(key, lang)),))


def _demoted(blocks: Sequence[Block]) -> list[Block]:
    """The track's level, no longer the document's headline: a plain heading of its own."""
    return [Heading(b.parts) if isinstance(b, Heading) else b for b in blocks]


def _inside(blocks: Sequence[Block]) -> list[Block]:
    """A track's own sections, one level under the track's heading."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            block = replace(block, level=3)
        elif isinstance(block, Only):
            block = Only(block.medium, tuple(_inside(block.blocks)))
        out.append(block)
    return out
