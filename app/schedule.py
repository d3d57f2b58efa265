"""Task schedules: which months a task falls in, when it is due, whether it is overdue."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from db.enums import ScheduleKind, TaskStatus

QUARTER_MONTHS = (3, 6, 9, 12)


@dataclass(frozen=True)
class Schedule:
    kind: ScheduleKind
    months: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None


def parse_months(text: str) -> tuple[int, ...]:
    """ "3, 6,12" → (3, 6, 12); invalid parts are ignored, duplicates removed, sorted."""
    months = {int(part) for part in text.replace(";", ",").split(",") if part.strip().isdigit()}
    return tuple(sorted(m for m in months if 1 <= m <= 12))


def months_text(months: tuple[int, ...]) -> str:
    return ",".join(str(m) for m in months)


def months_in_year(schedule: Schedule, year: int) -> tuple[int, ...]:
    """The months of ``year`` the task falls in (for the twelve-month timeline)."""
    if schedule.kind is ScheduleKind.MONTHS:
        return schedule.months
    if schedule.kind is ScheduleKind.QUARTERLY:
        return QUARTER_MONTHS
    if schedule.kind is ScheduleKind.RANGE and schedule.date_from and schedule.date_to:
        start = date(year, 1, 1) if schedule.date_from.year < year else schedule.date_from
        end = date(year, 12, 31) if schedule.date_to.year > year else schedule.date_to
        if start > end:
            return ()
        return tuple(range(start.month, end.month + 1))
    return ()


def last_due_date(schedule: Schedule, year: int) -> date | None:
    """When the whole task should be done; None when the schedule sets no date."""
    if schedule.kind is ScheduleKind.RANGE:
        return schedule.date_to
    months = months_in_year(schedule, year)
    if not months:
        return None
    last = max(months)
    return date(year, last, calendar.monthrange(year, last)[1])


def is_overdue(schedule: Schedule, status: TaskStatus, year: int, today: date) -> bool:
    due = last_due_date(schedule, year)
    return status is not TaskStatus.DONE and due is not None and due < today


def is_due_in_month(schedule: Schedule, year: int, month_start: date) -> bool:
    return month_start.year == year and month_start.month in months_in_year(schedule, year)


def shifted(schedule: Schedule, years: int) -> Schedule:
    """The same schedule ``years`` later (dates moved; month lists stay)."""

    def move(value: date | None) -> date | None:
        if value is None:
            return None
        day = min(value.day, calendar.monthrange(value.year + years, value.month)[1])
        return date(value.year + years, value.month, day)

    return Schedule(
        schedule.kind, schedule.months, move(schedule.date_from), move(schedule.date_to)
    )
