"""The portfolio as a document: level distributions drawn as bars, overdue milestones, the
follow-up share, and the records that could not be read."""

from __future__ import annotations

from ladder.followup.portfolio import Portfolio
from ladder.i18n.messages import t
from ladder.output.document import (
    Block,
    Chart,
    Code,
    Document,
    Field,
    Heading,
    Label,
    Line,
    Only,
    Paragraph,
    Table,
    Text,
    Warnings,
)

BAR = 30  # cells for the largest count


def portfolio_document(p: Portfolio) -> Document:
    lang = p.lang
    title = t("portfolio.title", lang, records=p.records, tracks=p.tracks, date=p.as_of.isoformat())
    blocks: list[Block] = [
        Only("screen", (Heading((Label(title),), headline=True),)),
        Paragraph((Label(t("portfolio.intro", lang)),), "note"),
    ]
    for heading, groups in (("portfolio.by_arena", p.by_arena), ("portfolio.by_kind", p.by_kind)):
        blocks.append(Heading((Label(t(heading, lang)),)))
        for group, counts in groups.items():
            blocks.append(_bars(p, group, counts))
    blocks.append(Heading((Label(t("portfolio.overdue", lang)),)))
    if p.overdue:
        header: tuple[Line, ...] = tuple(
            (Label(t(f"portfolio.column.{c}", lang)),)
            for c in ("date", "days", "record", "track", "kind")
        )
        grouped: dict[tuple[str, str, str, int], list[str]] = {}
        for o in p.overdue:  # one row per plan and milestone: its tracks together
            key = (o.date.isoformat(), o.plan or o.record, o.kind, o.days)
            grouped.setdefault(key, []).append(o.track)
        rows = tuple(
            (
                (Code(date),),
                (Text(str(days)),),
                (Text(plan),),
                (Text(", ".join(tracks)),),
                (Label(t(f"plan.milestone.{kind}", lang)),),
            )
            for (date, plan, kind, days), tracks in grouped.items()
        )
        blocks.append(Table(header, rows))
    else:
        blocks.append(Paragraph((Label(t("portfolio.none_overdue", lang)),)))
    blocks.append(Heading((Label(t("portfolio.follow_up", lang)),)))
    share = f"{round(100 * p.held / p.followed_up)} %" if p.followed_up else "–"
    blocks.append(
        Field(
            t("portfolio.held", lang),
            (
                Text(
                    t("portfolio.held_value", lang, held=p.held, tracks=p.followed_up, share=share)
                ),
            ),
        )
    )
    blocks += _estimate(p)
    if p.problems:
        blocks.append(Heading((Label(t("portfolio.problems", lang)),)))
        blocks.append(Warnings(tuple((Text(problem),) for problem in p.problems)))
    return Document(lang, title, tuple(blocks))


def _bars(p: Portfolio, group: str, counts: dict[int, int]) -> Chart:
    """One bar per step, highest first."""
    caption = t("portfolio.chart", p.lang, group=group)
    steps = sorted(p.steps, key=lambda s: -s.rank)
    return Chart(caption, tuple((f"{s.rank} {s.name}", counts.get(s.rank, 0)) for s in steps))


def _estimate(p: Portfolio) -> list[Block]:
    """Participant-hours and fees, each marked as an estimate, or why there is none."""
    lang, e = p.lang, p.estimate
    blocks: list[Block] = [Heading((Label(t("portfolio.estimate", lang)),))]
    if e.hours is None:
        return [*blocks, Paragraph((Label(t("portfolio.no_times", lang)),))]
    hours = t("portfolio.hours_value", lang, hours=_number(e.hours, lang), untimed=e.untimed)
    blocks.append(Field(t("portfolio.hours", lang), (Text(hours),)))
    if e.fees is None:
        blocks.append(Field(t("portfolio.fees", lang), (Label(t("portfolio.no_rates", lang)),)))
    else:
        amount = f"{_number(e.fees, lang)} {e.currency}"
        fees = t("portfolio.fees_value", lang, amount=amount, source=e.source or "–")
        blocks.append(Field(t("portfolio.fees", lang), (Text(fees),)))
    return blocks


def _number(value: float, lang: str) -> str:
    """A whole number with its thousands grouped: 155,696 in English, 155 696 in Swedish."""
    grouped = f"{value:,.0f}"
    return grouped if lang == "en" else grouped.replace(",", "\u00a0")
