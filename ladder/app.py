"""The steps every front end shares: load rules, gather answers, decide, word, format."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder import engine
from ladder.answers import missing_error, parse_pairs, read_answers_file, resolve
from ladder.errors import AnswerError, RulesError
from ladder.i18n.messages import t
from ladder.load.loader import LoadedRules, load_rules
from ladder.result import AnswerOut, Decision, PlanOut, Recommendation
from ladder.wording import answers_out, word

if TYPE_CHECKING:
    from ladder.model import Rules
    from ladder.plan_file import PlanSource, TrackSource
    from ladder.planning import Dates
    from ladder.result import Milestone


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


def recommend_or_plan(
    rules_path: str | os.PathLike[str] | None,
    pairs: list[str],
    answers_file: str | os.PathLike[str] | None,
    lang: str,
    reader: str | None = None,
) -> tuple[Recommendation | PlanOut, list[str]]:
    """A recommendation, or a plan when the answers file has tracks; notes as recommend_from.
    The invitation (each track's) is worded for `reader` too (UsageError if the rules offer
    no such reader)."""
    from ladder.plan_file import is_plan, split_plan
    from ladder.readers import checked_reader

    loaded = load_rules(rules_path, lang)
    reader = checked_reader(loaded.rules, reader, lang)
    sources = answer_sources(pairs, answers_file, lang)
    if answers_file is not None and is_plan(sources[1]):
        plan = split_plan(sources[1], str(answers_file), lang)
        return plan_answers(loaded, sources[0], plan, lang, reader=reader)
    return recommend_answers(loaded, sources, lang, reader)


def require_complete(result: Recommendation | PlanOut, lang: str) -> None:
    """AnswerError (exit 4) while the invitation, or a track's, still has a marked gap."""
    recs = [tr.recommendation for tr in result.tracks] if isinstance(result, PlanOut) else [result]
    gaps = list(dict.fromkeys(g for rec in recs for g in rec.gaps))
    if gaps:
        raise AnswerError(t("wording.incomplete", lang, gaps=", ".join(gaps)))


class TrackMemo:
    """What a batch of plans keeps between rows: each track's answers used, notes and
    decision by its answer sources, and its recommendation by the answers used (bounded)."""

    SIZE = 4096

    def __init__(self) -> None:
        self.decided: dict[str, tuple[dict[str, str], list[str], Decision]] = {}
        self.worded: dict[tuple[tuple[str, str], ...], Recommendation] = {}
        self.shared: dict[str, tuple[dict[str, str], tuple[AnswerOut, ...]]] = {}
        self.dicts: dict[int, tuple[Recommendation, dict[str, Any]]] = {}

    def as_dict(self, rec: Recommendation) -> dict[str, Any]:
        """The recommendation's contract (output.record.to_dict), made once per recommendation
        this memo holds (the memo keeps it, so its id is not reused)."""
        from ladder.output.record import to_dict

        kept = self.dicts.get(id(rec))
        if kept is None or kept[0] is not rec:
            kept = self.bounded(self.dicts)[id(rec)] = (rec, to_dict(rec))
        return kept[1]

    @staticmethod
    def bounded(memo: dict[Any, Any]) -> dict[Any, Any]:
        if len(memo) >= TrackMemo.SIZE:
            memo.clear()
        return memo


def plan_answers(
    loaded: LoadedRules,
    flags: dict[str, Any],
    plan: PlanSource,
    lang: str,
    memo: TrackMemo | None = None,
    reader: str | None = None,
) -> tuple[PlanOut, list[str]]:
    """The plan: each track's answers (flags, then the track's own, then the shared) resolved
    as a single recommendation's are, decided, dated and worded. A `memo` spares a batch
    the tracks it has seen (a memo is for one reader)."""
    import json

    from ladder import planning
    from ladder.output.documents import record_date
    from ladder.plan_wording import TrackWorded, word_plan

    memo = memo or TrackMemo()
    rules = loaded.rules
    key = json.dumps([flags, plan.shared], sort_keys=True, default=str)
    shared = memo.shared.get(key)
    if shared is None:  # a bad shared answer: reported once, not per track
        values = resolve(rules, [flags, plan.shared], lang).values
        shared = memo.bounded(memo.shared)[key] = (values, answers_out(rules, values, lang))
    tracks: list[planning.TrackPlan] = []
    notes: list[str] = []

    def decided(track: TrackSource, more: dict[str, str]) -> tuple[dict[str, str], Decision]:
        sources = [flags, track.answers, more, plan.shared]
        key = json.dumps(sources, sort_keys=True, default=str)
        found = memo.decided.get(key)
        if found is None:
            try:
                values, track_notes = resolve_complete(loaded, sources, lang)
            except AnswerError as error:
                raise in_track(error, track.id, lang) from None
            (decision,) = decide_plan(loaded, [values], lang)
            found = memo.bounded(memo.decided)[key] = (values, track_notes, decision)
        values, track_notes, decision = found
        notes.extend(f"{track.id}: {note}" for note in track_notes)
        return values, decision

    fields = plan.fields
    owner = fields.feedback_owner or fields.contact
    due = fields.decision_date and fields.decision_date + dt.timedelta(
        weeks=rules.planning.feedback_weeks
    )
    early = feedback_answer(rules, due, owner, lang) if due else None
    for track in plan.tracks:
        # A dated plan knows its feedback date before the levels: tried at once, it spares
        # deciding the track again (kept where the level promises feedback, see below).
        given = any(FEEDBACK in source for source in (flags, track.answers, plan.shared))
        values, decision = decided(track, {FEEDBACK: early} if early and not given else {})
        if early and not given and not planning.feedback_promised(rules, decision.level):
            values, decision = decided(track, {})
        tracks.append(
            planning.TrackPlan(track.id, track.kind, track.reason, track.contact, values, decision)
        )
    dates = planning.Dates(
        fields.decision_date,
        fields.start_date,
        shared[0].get("decision_owner"),
        fields.feedback_owner,
        fields.contact,
    )
    today = dt.date.fromisoformat(record_date(lang))
    milestones = planning.milestones(rules, tracks, dates)
    issues = planning.issues(rules, tracks, dates, today)
    promised = feedback_promises(rules, milestones, dates, lang)
    worded = []
    for tp, track in zip(tracks, plan.tracks, strict=True):
        if track.id in promised and FEEDBACK not in tp.answers:  # the date into its statement
            values, decision = decided(track, {FEEDBACK: promised[track.id]})
            tp = dataclasses.replace(tp, answers=values, decision=decision)
        used = tuple(tp.answers.items())
        rec = memo.worded.get(used)
        if rec is None:
            rec = word(rules, loaded.info, tp.answers, tp.decision, lang, reader)
            memo.bounded(memo.worded)[used] = rec
        worded.append(TrackWorded(tp, track.name, rec))
    out = word_plan(rules, loaded.info, fields, shared[1], worded, milestones, issues, lang)
    return out, list(dict.fromkeys(notes))


FEEDBACK = "feedback"  # the free-text answer that says how and when participants hear back


def feedback_promises(
    rules: Rules, milestones: tuple[Milestone, ...], dates: Dates, lang: str
) -> dict[str, str]:
    """Track id -> the feedback answer a dated plan gives it: the date and, when the plan
    names one, the owner. None for rules without a `feedback` free-text question."""
    owner = dates.feedback_owner or dates.contact
    promised = {}
    for m in milestones:
        if m.kind == "feedback_due" and m.track and m.date is not None:
            answer = feedback_answer(rules, m.date, owner, lang)
            if answer is None:
                return {}
            promised[m.track] = answer
    return promised


def feedback_answer(rules: Rules, date: dt.date, owner: str | None, lang: str) -> str | None:
    """The feedback answer for a date and owner; None without a `feedback` text question."""
    question = next((q for q in rules.questions if q.id == FEEDBACK), None)
    if question is None or question.kind != "text":
        return None
    return t(_feedback_key(owner), lang, date=date.isoformat(), owner=owner)


def _feedback_key(owner: str | None) -> str:
    return "plan.feedback_answer" if owner else "plan.feedback_answer_no_owner"


def decide_plan(
    loaded: LoadedRules, answers: list[dict[str, str]], lang: str
) -> tuple[Decision, ...]:
    """The decisions of a plan's tracks; RulesError when no target rule applies to one."""
    try:
        return engine.decide_plan(loaded.rules, answers)
    except engine.NoTarget:
        raise RulesError(t("engine.no_target", lang), []) from None


def in_track(error: AnswerError, track: str, lang: str) -> AnswerError:
    """An answer error of one track, saying which."""
    message = t("plan.in_track", lang, track=track, message=error.message)
    return AnswerError(message, error.details, questions=error.questions, missing=error.missing)


def resolve_complete(
    loaded: LoadedRules, sources: list[dict[str, Any]], lang: str
) -> tuple[dict[str, str], list[str]]:
    """The answers used (validated, first source wins) and notes on those not used;
    AnswerError if any is invalid or lacks."""
    resolved = resolve(loaded.rules, sources, lang)
    if resolved.missing:
        raise missing_error(loaded.rules, resolved.missing, lang)
    return resolved.values, resolved.notes


def recommend_answers(
    loaded: LoadedRules, sources: list[dict[str, Any]], lang: str, reader: str | None = None
) -> tuple[Recommendation, list[str]]:
    """Validate complete answers (first source wins), then recommend; AnswerError if any lacks."""
    used, decision, notes = decide_answers(loaded, sources, lang)
    return word(loaded.rules, loaded.info, used, decision, lang, reader), notes


def decide_answers(
    loaded: LoadedRules, sources: list[dict[str, Any]], lang: str
) -> tuple[dict[str, str], Decision, list[str]]:
    """The answers used (validated, first source wins), their decision, and notes on those not
    used; AnswerError if any is invalid or lacks."""
    values, notes = resolve_complete(loaded, sources, lang)
    return values, decision_for(loaded, values, lang), notes


def decision_for(loaded: LoadedRules, answers: dict[str, str], lang: str) -> Decision:
    """The decision for complete, validated answers; RulesError when no target rule applies."""
    try:
        return engine.decide(loaded.rules, answers)  # looked up here, so tests can replace it
    except engine.NoTarget:
        raise RulesError(t("engine.no_target", lang), []) from None


def recommendation_for(
    loaded: LoadedRules, answers: dict[str, str], lang: str, reader: str | None = None
) -> Recommendation:
    """The recommendation for complete, validated answers (see answers.resolve), in `lang`,
    its invitation for `reader` (a reader the rules declare, or None)."""
    decision = decision_for(loaded, answers, lang)
    return word(loaded.rules, loaded.info, answers, decision, lang, reader)


def format_recommendation(rec: Recommendation | PlanOut, fmt: str) -> str | bytes:
    """The recommendation or plan in one of the formats of ladder.output.formats (text is
    plain; a binary format such as docx gives bytes)."""
    from ladder.output.formats import render_any

    return render_any(rec, fmt)


def show_rules(
    path: str | os.PathLike[str] | None, resolved: bool, lang: str
) -> tuple[str, RulesError | None]:
    """A rules file as text: as written, or (resolved) merged with the files it extends into
    one full file that loads into the same rules. A merge whose rules are invalid is shown all
    the same, since that is when an editor needs to see it, with the problems beside it."""
    from ladder.load.dump import rules_yaml
    from ladder.load.loader import find_rules, read_rules_bytes
    from ladder.load.overlay import resolve

    file = find_rules(path)
    try:
        load_rules(file, lang)  # invalid rules are reported, located, as by every command
        problems = None
    except RulesError as error:
        if not resolved:
            raise
        problems = error
    if not resolved:
        return read_rules_bytes(file, lang).decode("utf-8"), None
    found = resolve(file, lang)  # a file that cannot be merged at all fails here
    header = [t("overlay.header", lang, file=file)] + [f"  {link.name}" for link in found.chain]
    return rules_yaml(found.raw(), header), problems


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
    from ladder.load.schema import SCHEMA_FILE

    target = Path(output) if output is not None else Path(f"{region_id}.yaml")
    name = default_name(region_id) if name is None else name
    text = region_overlay(region_id, name, extends, target.name, lang)
    parse_rules(text.encode("utf-8"), str(target), lang)  # a bad --extends fails here, located
    written = [write_atomic(target, text, force=force, lang=lang)]
    schema, wanted = target.parent / SCHEMA_NAME, SCHEMA_FILE.read_text(encoding="utf-8")
    if not (schema.is_file() and schema.read_text(encoding="utf-8") == wanted):
        written.append(write_atomic(schema, wanted, force=force, lang=lang))
    return written
