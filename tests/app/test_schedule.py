"""Task schedules: months in the timeline, due dates, overdue, moving to the next year."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.schedule import (
    Schedule,
    is_due_in_month,
    is_overdue,
    last_due_date,
    months_in_year,
    parse_months,
    shifted,
)
from db.enums import ScheduleKind, TaskStatus

MONTHS = Schedule(ScheduleKind.MONTHS, (3, 6, 12))
QUARTERLY = Schedule(ScheduleKind.QUARTERLY)
RANGE = Schedule(ScheduleKind.RANGE, (), date(2024, 4, 15), date(2024, 7, 10))


def test_months_in_the_timeline() -> None:
    assert months_in_year(MONTHS, 2024) == (3, 6, 12)
    assert months_in_year(QUARTERLY, 2024) == (3, 6, 9, 12)
    assert months_in_year(RANGE, 2024) == (4, 5, 6, 7)
    assert months_in_year(Schedule(ScheduleKind.AS_NEEDED), 2024) == ()
    long_range = Schedule(ScheduleKind.RANGE, (), date(2023, 11, 1), date(2025, 2, 1))
    assert months_in_year(long_range, 2024) == tuple(range(1, 13))


@pytest.mark.parametrize(
    ("schedule", "status", "today", "overdue"),
    [
        (MONTHS, TaskStatus.IN_PROGRESS, date(2024, 12, 31), False),
        (MONTHS, TaskStatus.IN_PROGRESS, date(2025, 1, 1), True),
        (MONTHS, TaskStatus.DONE, date(2025, 1, 1), False),
        (RANGE, TaskStatus.NOT_STARTED, date(2024, 7, 10), False),
        (RANGE, TaskStatus.NOT_STARTED, date(2024, 7, 11), True),
        (Schedule(ScheduleKind.AS_NEEDED), TaskStatus.NOT_STARTED, date(2030, 1, 1), False),
    ],
)
def test_overdue(schedule: Schedule, status: TaskStatus, today: date, overdue: bool) -> None:
    assert is_overdue(schedule, status, 2024, today) is overdue


def test_due_this_month() -> None:
    assert is_due_in_month(MONTHS, 2024, date(2024, 6, 1))
    assert not is_due_in_month(MONTHS, 2024, date(2024, 7, 1))
    assert not is_due_in_month(MONTHS, 2024, date(2025, 6, 1))
    assert last_due_date(QUARTERLY, 2024) == date(2024, 12, 31)


def test_parse_months() -> None:
    assert parse_months("12, 3;6,3, 13, x") == (3, 6, 12)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_shifting_by_a_year_keeps_month_and_clamps_the_day(day: date) -> None:
    moved = shifted(Schedule(ScheduleKind.RANGE, (), day, day), 1)
    assert moved.date_from is not None
    assert (moved.date_from.year, moved.date_from.month) == (day.year + 1, day.month)
    assert moved.date_from.day == day.day or (day.month, day.day) == (2, 29)
