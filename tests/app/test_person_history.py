"""A person's unit history as a dated fact: a move recorded with an earlier date, leaving the
agency on a date, a wrongly dated move corrected, the position held in a year (app.people,
app.person_history)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import docx
import peewee as pw
import pytest

from app import decisions, eligibility, membership, people, person_history, proposals
from app.documents import render_docx
from app.errors import ValidationError
from app.proposals import ProposalInput
from app.registrations import registration_rows, unit_people
from app.reports import award_report
from db.enums import AuditAction, RecipientKind
from db.models import AuditLog, Decision, Person, PersonUnitHistory
from tests.award_data import AwardWorld, build_world, director_decision_input
from tests.staff_gen import Staff, award_id, generate_staff, register


@pytest.fixture
def units(db: pw.SqliteDatabase) -> dict[str, int]:
    return {
        name: people.create_unit(people.UnitInput(f"Phòng {name}")).id for name in ("A", "B", "C")
    }


def _person(name: str, unit: int | None, position: str = "") -> int:
    data = people.PersonInput("Trần", "Thị", name, unit_id=unit, position=position)
    return people.create_person(data).id


def _save(person_id: int, on: date | None = None, **changes: object) -> None:
    data = replace(people.person_input(person_id), **changes)
    people.update_person(person_id, data, moved_on=on)


def _history(person_id: int) -> list[tuple[int, date | None, date | None]]:
    return [(r.unit_id, r.date_from, r.date_to) for r in person_history.history_rows(person_id)]


def test_a_move_recorded_with_an_earlier_date_counts_from_that_date(
    units: dict[str, int],
) -> None:
    a, b = units["A"], units["B"]
    person = _person("Hoa", a)
    _save(person, date(2024, 3, 1), unit_id=b)  # recorded today, it happened in March 2024
    assert _history(person) == [(a, None, date(2024, 3, 1)), (b, date(2024, 3, 1), None)]
    assert [membership.unit_in_year(person, y) for y in (2023, 2024, 2025)] == [a, b, b]
    assert person in membership.members_in_year(2024)[b]
    assert person in membership.members_in_year(2023)[a]


def test_a_change_date_before_the_previous_move_or_far_ahead_is_refused(
    units: dict[str, int],
) -> None:
    a, b, c = units["A"], units["B"], units["C"]
    person = _person("Lan", a)
    _save(person, date(2024, 3, 1), unit_id=b)
    with pytest.raises(ValidationError, match="không được trước 01/03/2024"):
        _save(person, date(2024, 2, 28), unit_id=c)
    too_late = date.today() + timedelta(days=400)
    with pytest.raises(ValidationError, match="quá một năm"):
        _save(person, too_late, unit_id=c)
    assert Person.get_by_id(person).unit_id == b  # nothing saved
    assert len(_history(person)) == 2


def test_a_person_who_left_in_mid_2025_is_a_member_in_2024_not_in_2026(
    units: dict[str, int],
) -> None:
    a = units["A"]
    leaver = _person("Mai", a)
    stayer = _person("Cúc", a)
    _save(leaver, date(2025, 6, 30), active=False)
    assert _history(leaver) == [(a, None, date(2025, 6, 30))]  # the day they left, dated
    assert membership.members_in_year(2024) == {a: [leaver, stayer]}
    assert membership.members_in_year(2025) == {a: [leaver, stayer]}  # worked there that year
    assert membership.members_in_year(2026) == {a: [stayer]}
    assert membership.members_in_year(2026, active_only=False) == {a: [leaver, stayer]}
    # marked inactive before leaving was dated: unknown when, so left out of every year
    undated = _person("Đào", a)
    Person.update(active=False).where(Person.id == undated).execute()
    assert undated not in membership.members_in_year(2024)[a]


def test_leaving_and_coming_back_are_dated(units: dict[str, int]) -> None:
    a, b = units["A"], units["B"]
    person = _person("Huệ", a)
    with pytest.raises(ValidationError, match="không đổi đơn vị cùng lúc"):
        _save(person, date(2025, 6, 30), active=False, unit_id=b)
    _save(person, date(2025, 6, 30), active=False)
    with pytest.raises(ValidationError, match="không được trước 30/06/2025"):
        _save(person, date(2025, 1, 1), active=True)
    _save(person, date(2026, 2, 1), active=True)
    assert _history(person) == [(a, None, date(2025, 6, 30)), (a, date(2026, 2, 1), None)]
    assert person in membership.members_in_year(2026)[a]


def test_correcting_a_moves_date_changes_the_year_it_counts_in(units: dict[str, int]) -> None:
    a, b = units["A"], units["B"]
    person = _person("Sen", a)
    _save(person, date(2025, 3, 1), unit_id=b)
    assert membership.unit_in_year(person, 2024) == a
    first, second = person_history.history_rows(person)
    person_history.correct_dates(second.id, date(2024, 11, 1), None)
    # the move is one date: the row before ends where this one now begins
    assert _history(person) == [(a, None, date(2024, 11, 1)), (b, date(2024, 11, 1), None)]
    assert membership.unit_in_year(person, 2024) == b
    assert person in membership.members_in_year(2024)[b]
    changed = {
        (e.row_id, e.field, e.old_value, e.new_value)
        for e in AuditLog.select().where(
            (AuditLog.table == "person_unit_history") & (AuditLog.action == AuditAction.UPDATE)
        )
    }
    assert (second.id, "date_from", "2025-03-01", "2024-11-01") in changed
    assert (first.id, "date_to", "2025-03-01", "2024-11-01") in changed


@pytest.mark.parametrize(
    ("which", "start", "end", "message"),
    [
        (2, date(2023, 12, 31), None, "không được trước 01/01/2024"),  # before the row before
        (2, date(2024, 9, 1), date(2024, 10, 1), "chưa có ngày kết thúc"),  # the current row
        (0, None, date(2024, 10, 1), "không được sau 01/09/2024"),  # past the row after
        (1, date(2024, 2, 1), date(2024, 1, 15), "không được trước ngày bắt đầu"),
        (1, date(2024, 1, 1), None, "Chưa nhập ngày kết thúc"),
    ],
)
def test_a_correction_out_of_bounds_is_refused(
    units: dict[str, int], which: int, start: date | None, end: date | None, message: str
) -> None:
    person = _person("Lê", units["A"])
    _save(person, date(2024, 1, 1), unit_id=units["B"])
    _save(person, date(2024, 9, 1), unit_id=units["C"])
    rows = person_history.history_rows(person)
    before = _history(person)
    with pytest.raises(ValidationError, match=message):
        person_history.correct_dates(rows[which].id, start, end)
    assert _history(person) == before


def test_the_position_of_the_year_is_kept_and_printed(sample_db: pw.SqliteDatabase) -> None:
    w: AwardWorld = build_world()
    an = w.people["an"]
    then = Person.get_by_id(an).position
    register(2024, "LDTT", person=an)
    _save(an, date(2025, 1, 15), position="Phó Chánh Văn phòng")  # promoted after 2024
    # the registration summary and the unit's sheet of 2024 print the position of 2024
    assert [r.position for r in registration_rows(2024) if not r.is_unit] == [then]
    unit = Person.get_by_id(an).unit_id
    assert [p.position for p in unit_people(2024, unit)[1] if p.id == an] == [then]
    assert [p.position for p in unit_people(2025, unit)[1] if p.id == an] == ["Phó Chánh Văn phòng"]
    assert membership.positions_in_years([(an, 2024), (an, 2025)]) == {
        (an, 2024): then,
        (an, 2025): "Phó Chánh Văn phòng",
    }
    decisions.create_decision(director_decision_input(), [w.proposals["an_ldtt"]])
    decision = Decision.get(Decision.number == "12").id
    document = docx.Document(io.BytesIO(render_docx(award_report.decision_document(decision))))
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Phó Chánh Văn phòng" not in text
    assert then and then in text


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=4)


def test_a_collective_check_of_2024_counts_who_left_in_2025(staff: Staff) -> None:
    first = next(iter(staff.units))
    unit = staff.units[first]
    members = [staff.people[n] for n in staff.in_unit(first)]
    _save(members[0], date(2025, 5, 31), active=False)
    for person in members[1:3]:
        proposals.create_proposal(
            ProposalInput(
                2024, award_id("LDTT"), recipient_kind=RecipientKind.INDIVIDUAL, person_id=person
            )
        )
    register(2024, "TTLDTT", unit=unit)
    collective = ProposalInput(
        2024, award_id("TTLDTT"), recipient_kind=RecipientKind.COLLECTIVE, unit_id=unit
    )
    messages = [f.message for f in eligibility.check_input(collective, date(2024, 12, 10))]
    assert any("2/4 thành viên" in m for m in messages), messages
    assert PersonUnitHistory.select().where(PersonUnitHistory.person == members[0]).count() == 1
