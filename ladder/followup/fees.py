"""The participant-hours a set of tracks asks for, and the fees they would cost under the
rules' rates: estimates from the `compensation` section (method times and usual numbers of
participants), never promises. Without that section, no estimate; without rates, hours only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ladder.followup.questionnaire import paid
from ladder.followup.records import TrackPromise
from ladder.model import Compensation, MethodTime

HALF_DAY_HOURS = 4
FULL_DAY_HOURS = 8


@dataclass(frozen=True)
class Estimate:
    """Participant-hours and fees for some tracks; `fees` is None when the rules give no rate,
    `hours` None when they give no method times. `untimed` counts methods without a time."""

    hours: float | None
    fees: float | None
    currency: str
    source: str | None
    untimed: int


NO_ESTIMATE = Estimate(None, None, "", None, 0)


def estimate(tracks: Iterable[TrackPromise], compensation: Compensation | None) -> Estimate:
    if compensation is None or not compensation.methods:
        return NO_ESTIMATE
    rated = any(
        r is not None for r in (compensation.half_day, compensation.full_day, compensation.hourly)
    )
    hours = fees = 0.0
    untimed = 0
    for track in tracks:
        for method in track.method_ids:
            time = compensation.methods.get(method)
            if time is None:
                untimed += 1
                continue
            hours += time.hours * time.participants
            if rated and time.paid and paid(track):
                fees += time.participants * _fee(time, compensation)
    return Estimate(
        round(hours, 1),
        round(fees) if rated else None,
        compensation.currency,
        compensation.source,
        untimed,
    )


def _fee(time: MethodTime, rates: Compensation) -> float:
    """One participant's fee for the method: by the hour where the rules pay by the hour, else
    per session a half day's or a full day's fee (a longer session counts as full days)."""
    if rates.hourly is not None:
        return rates.hourly * time.hours
    per_session = time.hours / time.sessions
    half = rates.half_day if rates.half_day is not None else rates.full_day
    full = rates.full_day if rates.full_day is not None else rates.half_day
    assert half is not None and full is not None  # a rate exists: checked by the caller
    if per_session <= HALF_DAY_HOURS:
        return time.sessions * half
    days = -(-per_session // FULL_DAY_HOURS)
    return time.sessions * days * full
