"""Council meetings: rows for the meetings list."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, time

from app.vntext import short_date
from db.enums import MeetingKind, MeetingStatus
from db.models import Meeting, Person


def review_date(meeting: Meeting, today: date | None = None) -> date:
    """The date the council reviews on, for everything a meeting decides: the eligibility of
    the proposals before it, the vote threshold, the minutes' results (one date, so a rule or
    threshold changing mid-month cannot judge the two on different days).

    A dated meeting: its day. A meeting with only its month: the day of that month nearest
    ``today`` (default: the real today) — today while the month runs, its 1st while it is
    ahead (the earliest day it can be held), its last day once it has passed. A meeting with
    neither: the same within its year. Once the meeting gets its day, that day decides."""
    if meeting.held_on is not None:
        return meeting.held_on
    today = today or date.today()
    if meeting.month:
        first = date(meeting.year, meeting.month, 1)
        last = date(meeting.year, meeting.month, monthrange(meeting.year, meeting.month)[1])
    else:
        first, last = date(meeting.year, 1, 1), date(meeting.year, 12, 31)
    return min(max(today, first), last)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    year: int
    month: int | None
    held_on: date | None
    start_time: time | None
    when_text: str
    when_sort: tuple[int, int, int, int]
    title: str
    kind: MeetingKind
    status: MeetingStatus
    chair_name: str
    place: str
    search_key: str


def meeting_rows(year: int | None) -> list[MeetingRow]:
    chairs = {p.id: p.full_name for p in Person.select(Person.id, Person.full_name)}
    query = Meeting.select()
    if year is not None:
        query = query.where(Meeting.year == year)
    rows = []
    for m in query:
        if m.held_on is not None:
            when = short_date(m.held_on)
            sort = (m.held_on.year, m.held_on.month, m.held_on.day, 0)
        elif m.month:
            when = f"Tháng {m.month:02d}/{m.year}"
            sort = (m.year, m.month, 99, 0)
        else:
            when = f"Năm {m.year}"
            sort = (m.year, 99, 99, 0)
        if m.start_time is not None:
            when += f" {m.start_time.hour:02d}:{m.start_time.minute:02d}"
            sort = (*sort[:3], m.start_time.hour * 60 + m.start_time.minute)
        rows.append(
            MeetingRow(
                id=m.id,
                year=m.year,
                month=m.month,
                held_on=m.held_on,
                start_time=m.start_time,
                when_text=when,
                when_sort=sort,
                title=m.title,
                kind=m.kind,
                status=m.status,
                chair_name=chairs.get(m.chair_id, m.chair_text) if m.chair_id else m.chair_text,
                place=m.place,
                search_key=m.search_key,
            )
        )
    rows.sort(key=lambda r: r.when_sort)
    return rows


def meeting_years() -> list[int]:
    return [y for (y,) in Meeting.select(Meeting.year).distinct().tuples()]


def next_meeting(today: date) -> MeetingRow | None:
    """The first planned meeting from today on (a month without a day counts from its 1st)."""
    from db.enums import MeetingStatus

    upcoming = [
        r
        for r in meeting_rows(None)
        if r.status is MeetingStatus.PLANNED
        and (r.held_on or (date(r.year, r.month, 28) if r.month else None) or date.min) >= today
    ]
    return upcoming[0] if upcoming else None
