"""Closing a unit is dated (Unit.closed_on, Ngừng hoạt động từ ngày): a year's figures and the
pick lists of a year's records keep a unit closed after that year began; today's reads (pick
lists for new records of no year) follow the active flag."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import peewee as pw
import pytest

from app import award_history, decisions, people, registrations
from app.award_stats import award_statistics
from app.errors import ValidationError
from app.people import UnitInput
from app.summary import award_tables
from db.models import Unit
from tests.award_data import build_world, director_decision_input
from tests.staff_gen import award_id

OFFICE = "Phòng Hành chính - Tổng hợp"


def _close(unit_id: int, on: date | None) -> None:
    data = replace(people.unit_input(unit_id), active=False, closed_on=on)
    people.update_unit(unit_id, data)


def test_closing_is_dated_and_reopening_clears_it(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(UnitInput("Phòng Một")).id
    _close(unit, date(2025, 6, 30))
    assert people.unit_input(unit).closed_on == date(2025, 6, 30)
    assert not people.unit_input(unit).active
    renamed = replace(people.unit_input(unit), name="Phòng Một (cũ)")
    people.update_unit(unit, renamed)  # an edit of a closed unit keeps its day
    assert people.unit_input(unit).closed_on == date(2025, 6, 30)
    people.update_unit(unit, replace(renamed, active=True))
    assert (people.unit_input(unit).active, people.unit_input(unit).closed_on) == (True, None)
    _close(unit, None)  # closed without a day (a script, the service alone): today
    assert people.unit_input(unit).closed_on == date.today()
    Unit.update(closed_on=None).where(Unit.id == unit).execute()  # closed before version 11
    people.update_unit(unit, replace(people.unit_input(unit), note="giải thể"))
    assert people.unit_input(unit).closed_on is None  # unknown stays unknown


@pytest.mark.parametrize(
    ("closed_on", "problem"),
    [
        (date(1899, 12, 31), "Ngày không được trước 01/01/1900."),
        (date(2026, 5, 22), "Ngày không được sau 21/05/2026 (quá một năm kể từ hôm nay)."),
        (date(2026, 5, 21), None),
        (date(2001, 1, 1), None),
    ],
)
def test_the_closing_day_is_checked(
    db: pw.SqliteDatabase, closed_on: date, problem: str | None
) -> None:
    data = UnitInput("Phòng Một", active=False, closed_on=closed_on)
    problems = people.validate_unit(data, today=date(2025, 5, 20))
    assert problems.get("closed_on") == problem
    active = replace(data, active=True)  # a working unit has no closing day to check
    assert "closed_on" not in people.validate_unit(active, today=date(2025, 5, 20))


def test_a_closing_day_far_ahead_is_refused(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(UnitInput("Phòng Một")).id
    with pytest.raises(ValidationError):
        _close(unit, date(date.today().year + 3, 1, 1))
    assert people.unit_input(unit).active


def test_coverage_and_pick_lists_of_a_year_keep_a_unit_closed_later(
    db: pw.SqliteDatabase,
) -> None:
    a, b, c, d = (people.create_unit(UnitInput(f"Phòng {n}")).id for n in "ABCD")
    for unit, given in zip((a, b, c, d), ("An", "Bình", "Cường", "Dũng"), strict=True):
        people.create_person(people.PersonInput("Lê", "Văn", given, unit_id=unit))
    _close(b, date(2025, 6, 30))  # worked part of 2025
    _close(c, date(2025, 1, 1))  # not a day of 2025
    _close(d, None)
    Unit.update(closed_on=None).where(Unit.id == d).execute()  # closed on an unknown day
    assert [u for u, _n in registrations.registering_units()] == [a]  # today: the flag
    by_year = {y: [u for u, _n in registrations.registering_units(y)] for y in (2024, 2025, 2026)}
    assert by_year == {2024: [a, b, c], 2025: [a, b], 2026: [a]}
    assert registrations.coverage(2024).text() == "Đã đăng ký: 0/3 đơn vị, 0/3 cá nhân"
    assert registrations.coverage(2025).text() == "Đã đăng ký: 0/2 đơn vị, 0/2 cá nhân"
    assert registrations.coverage(2026).text() == "Đã đăng ký: 0/1 đơn vị, 0/1 cá nhân"
    rows = {r.id: r for r in people.unit_rows()}
    assert [rows[u].open_in(2024) for u in (a, b, c, d)] == [True, True, True, False]
    assert [rows[u].open_in(2025) for u in (a, b, c, d)] == [True, True, False, False]


def test_figures_of_a_year_keep_a_unit_closed_the_year_after(sample_db: pw.SqliteDatabase) -> None:
    """The statistics, the summary's tables and who may be proposed for the year after
    (eligible_rows) keep the office closed in 2025; the last drops it from 2026's proposals."""
    w = build_world()
    granted = ("an_ldtt", "an_cstdcs", "binh_ldtt", "duc_gk", "vp_ttldtt", "lshc_gk")
    decisions.create_decision(director_decision_input(), [w.proposals[k] for k in granted])
    office = w.units["vp"]
    suggested_before = {r.award_code for r in award_history.eligible_rows(2024) if r.name == OFFICE}
    assert suggested_before  # the office may be proposed for something in 2025
    _close(office, date(2025, 3, 1))
    by_unit = {u.unit_name: u.collectives for u in award_statistics(2024).by_unit}
    assert by_unit[OFFICE] == 1
    assert {u.unit: u.collective for u in award_tables(2024).by_unit}[OFFICE] == 1
    assert {r.award_code for r in award_history.eligible_rows(2024) if r.name == OFFICE} == (
        suggested_before
    )
    assert not [r for r in award_history.eligible_rows(2025) if r.name == OFFICE]
    assert award_id("TTLDTT")  # the catalog the world was built on
