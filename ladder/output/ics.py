"""iCalendar: a plan's dated milestones as all-day events, for Outlook and other calendars.

Written with the `icalendar` package, imported here only. Each event's UID is the plan's id
(or, without one, a hash of its project and tracks) and the milestone's id, so importing the
file again updates the same events. DTSTAMP is SOURCE_DATE_EPOCH when it is set, so that a
calendar can be reproduced byte for byte. A plan without dates has nothing to put in a
calendar: AnswerError, naming the fields that give dates.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from ladder import __version__
from ladder.errors import AnswerError
from ladder.i18n.messages import t
from ladder.output.documents import record_moment
from ladder.result import PlanOut

DOMAIN = "ladder"


def plan_uid_base(plan: PlanOut) -> str:
    """What every event of this plan's UID starts with: stable while the plan keeps its id
    (or its project and track ids), whatever its dates."""
    if plan.id:
        return plan.id
    project = next((a.value for a in plan.answers if a.id == "project"), "")
    key = "\n".join([project, *(tr.id for tr in plan.tracks)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def render_plan(plan: PlanOut) -> str:
    """The plan's dated milestones as an iCalendar file (CRLF line ends, as RFC 5545 asks)."""
    from icalendar import Calendar, Event

    lang = plan.lang
    dated = [m for m in plan.milestones if m.date is not None]
    if not dated:
        raise AnswerError(t("plan.ics_no_dates", lang))
    stamp = record_moment(lang) or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    names = {tr.id: tr.name for tr in plan.tracks}
    project = next((a.value for a in plan.answers if a.id == "project"), None)
    base = plan_uid_base(plan)
    calendar = Calendar()
    calendar.add("prodid", f"-//{DOMAIN}//{DOMAIN} {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    for m in dated:
        assert m.date is not None
        day = dt.date.fromisoformat(m.date)
        event = Event()
        event.add("uid", f"{base}.{m.id}@{DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        summary = f"{m.name}: {names[m.track]}" if m.track else m.name
        event.add("summary", f"{summary} ({project})" if project else summary)
        lines = [f"{t('plan.column.owner', lang)}: {m.owner}"] if m.owner else []
        lines.append(f"{t('plan.column.milestone', lang)}: {m.id}")
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    written: bytes = calendar.to_ical()
    return written.decode("utf-8")
