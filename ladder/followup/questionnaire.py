"""The participants' questionnaire of one track, built from what the track promised.

The questions draw on PPEET's domains (McMaster University) and the Cube's four dimensions
(Gibson et al. 2012: voice, contribute, agenda, change), in the tool's own words. Each has a
stable id (a column of the answers template); its text, in the chosen language and optionally
easy-read, comes from the catalogue, and the question about the promise itself is worded for
the track's level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ladder.followup.records import SINGLE, TrackPromise
from ladder.i18n.messages import t

QuestionKind = Literal["choice", "step", "date", "text"]
CHOICES = ("yes", "partly", "no", "dont_know")
# Every question id, in the order a questionnaire asks them; the template's columns.
QUESTION_IDS = (
    "told",
    "kept",
    "influence",
    "feedback",
    "feedback_date",
    "time",
    "paid",
    "equal",
    "again",
    "comment",
)
# The promise question is worded for the level; a level the tool does not know (a region's
# own ladder) is asked about in general terms.
KEPT_BY_LEVEL = ("information", "consultation", "dialogue", "influence", "co_determination")
NO_PAY_ARENAS = ("care_meeting",)  # one's own care is not development work


@dataclass(frozen=True)
class Question:
    """One question: its stable id, its text, its kind, and its options (id, label)."""

    id: str
    text: str
    kind: QuestionKind
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Step:
    """A step of the ladder, as the influence question offers it."""

    id: str
    rank: int
    name: str


def question_ids(track: TrackPromise) -> tuple[str, ...]:
    """The ids of the questions this track's promise calls for, in order."""
    asked = ["told", "kept", "influence"]
    if track.rank >= 2:  # feedback is promised from Consultation up
        asked += ["feedback", "feedback_date"]
    if any(time for _, time in track.methods):
        asked.append("time")
    if paid(track):
        asked.append("paid")
    return (*asked, "equal", "again", "comment")


def paid(track: TrackPromise) -> bool:
    """Whether participants of this track are paid: development work from Consultation up."""
    return track.arena not in NO_PAY_ARENAS and track.rank >= 2


def questions(
    track: TrackPromise, steps: tuple[Step, ...], lang: str, easy: bool = False
) -> tuple[Question, ...]:
    """The questionnaire of one track in `lang` (easy-read with `easy`)."""
    return tuple(_question(qid, track, steps, lang, easy) for qid in question_ids(track))


def _question(
    qid: str, track: TrackPromise, steps: tuple[Step, ...], lang: str, easy: bool
) -> Question:
    suffix = ".easy" if easy else ""
    if qid == "kept":
        level = track.level if track.level in KEPT_BY_LEVEL else "other"
        return Question(qid, t(f"followup.q.kept.{level}{suffix}", lang), "choice", _choices(lang))
    if qid == "influence":
        options = tuple((s.id, f"{s.rank}. {s.name}") for s in steps)
        return Question(qid, t(f"followup.q.influence{suffix}", lang), "step", options)
    if qid == "time":
        times = "; ".join(f"{name}: {time}" for name, time in track.methods if time)
        return Question(
            qid, t(f"followup.q.time{suffix}", lang, times=times), "choice", _choices(lang)
        )
    if qid == "feedback_date":
        return Question(qid, t(f"followup.q.feedback_date{suffix}", lang), "date")
    if qid == "comment":
        return Question(qid, t(f"followup.q.comment{suffix}", lang), "text")
    return Question(qid, t(f"followup.q.{qid}{suffix}", lang), "choice", _choices(lang))


def _choices(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((c, t(f"followup.choice.{c}", lang)) for c in CHOICES)


def template_columns(tracks: tuple[TrackPromise, ...]) -> tuple[str, ...]:
    """The answers template's columns: `track`, each question some track asks, `comment`."""
    asked = {qid for track in tracks for qid in question_ids(track)}
    return ("track", *(qid for qid in QUESTION_IDS if qid in asked))


def track_key(track: TrackPromise) -> str:
    """The value of the template's `track` column for this track (`-` for a recommendation)."""
    return "-" if track.kind == SINGLE else track.id
