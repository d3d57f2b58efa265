"""The awards list's rows (app/awards.py), checked against the same rows read plainly through the
ORM: newest year first, in the order entered within a year, with names, units, awards, labels
and the folded search key of each proposal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import peewee as pw
import pytest

from app import awards, membership, people, proposals
from app.proposals import ProposalInput
from app.vntext import fold
from db.enums import RecipientKind
from db.models import Person, Proposal, Unit
from tests.staff_gen import Staff, award_id, generate_staff


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=3)


def expected_rows(year: int | None) -> list[tuple[object, ...]]:
    """What the list shows, read one proposal at a time the plain way."""
    query = Proposal.select().order_by(Proposal.year.desc(), Proposal.id)
    if year is not None:
        query = query.where(Proposal.year == year)
    out = []
    for p in query:
        award = p.award_type
        if p.person_id is not None:
            person = p.person
            kind, name, sort = RecipientKind.INDIVIDUAL, person.full_name, person.sort_name
            home = membership.unit_in_year(person.id, p.year)  # the unit of the proposal's year
            unit_name = Unit.get_by_id(home).name if home is not None else ""
        else:
            kind, name = RecipientKind.COLLECTIVE, p.unit.name
            sort = unit_name = name  # a unit sorts by its name and is its own unit
        key = f"{fold(name)} | {fold(unit_name)} | {fold(award.name)} | {p.search_key}"
        out.append(
            (p.id, p.year, kind, name, sort, unit_name, award.name, award.position)
            + (p.kind, p.status, key)
        )
    return out


def as_tuples(rows: list[awards.ProposalRow]) -> list[tuple[object, ...]]:
    return [
        (r.id, r.year, r.recipient_kind, r.recipient_name, r.recipient_sort, r.unit_name)
        + (r.award_name, r.award_position, r.kind, r.status, r.search_key)
        for r in rows
    ]


def add(year: int, code: str, **who: object) -> int:
    data = ProposalInput(year, award_id(code), **who)  # type: ignore[arg-type]
    data = replace(data, achievements=f"Thành tích năm {year}")
    return int(proposals.create_proposal(data).id)


def test_rows_newest_year_first_then_as_entered(staff: Staff) -> None:
    ids = list(staff.people.values())
    unit = next(iter(staff.units.values()))
    # entered out of year order: the list still reads 2025, 2024, 2023, 2022
    a = add(2023, "LDTT", person_id=ids[0])
    b = add(2025, "LDTT", person_id=ids[1])
    c = add(2023, "LDTT", person_id=ids[2])
    d = add(2022, "TTLDTT", recipient_kind=RecipientKind.COLLECTIVE, unit_id=unit)
    e = add(2025, "TTLDTT", recipient_kind=RecipientKind.COLLECTIVE, unit_id=unit)
    rows = awards.proposal_rows(None)
    assert as_tuples(rows) == expected_rows(None)
    mine = [r.id for r in rows if r.id in {a, b, c, d, e}]
    assert mine == [b, e, a, c, d]
    assert [r.year for r in rows] == sorted((r.year for r in rows), reverse=True)
    assert as_tuples(awards.proposal_rows(2023)) == expected_rows(2023)
    assert [r.id for r in awards.proposal_rows(2023)] == [a, c]
    assert awards.proposal_rows(2030) == []


def test_a_renamed_person_shows_the_new_name(staff: Staff) -> None:
    person = next(iter(staff.people.values()))
    proposal = add(2024, "LDTT", person_id=person)
    data = people.person_input(person)
    people.update_person(person, replace(data, family_name="Đinh", given_name="Ánh"))
    row = next(r for r in awards.proposal_rows(2024) if r.id == proposal)
    assert row.recipient_name == f"Đinh {data.middle_name} Ánh"
    assert row.recipient_sort == Person.get_by_id(person).sort_name
    assert row.search_key.startswith(f"dinh {fold(data.middle_name)} anh | ")
    assert as_tuples(awards.proposal_rows(2024)) == expected_rows(2024)


def test_a_person_who_moved_shows_the_unit_of_each_proposals_year(staff: Staff) -> None:
    (old_name, old_unit), (new_name, new_unit) = list(staff.units.items())[:2]
    mover, stayer = staff.in_unit(old_name)[:2]
    before = add(2023, "LDTT", person_id=staff.people[mover])
    after = add(2025, "LDTT", person_id=staff.people[mover])
    stays = add(2025, "LDTT", person_id=staff.people[stayer])
    data = people.person_input(staff.people[mover])
    people.update_person(
        staff.people[mover], replace(data, unit_id=new_unit), moved_on=date(2024, 7, 1)
    )
    rows = {r.id: r for r in awards.proposal_rows(None)}
    assert rows[before].unit_name == old_name
    assert rows[after].unit_name == new_name
    assert rows[after].search_key.startswith(f"{fold(mover)} | {fold(new_name)} | ")
    assert rows[stays].unit_name == old_name
    assert as_tuples(list(rows.values())) == expected_rows(None)


def test_before_their_hiring_a_person_shows_no_unit(staff: Staff) -> None:
    """Ngày tuyển dụng bounds the unit: a proposal of a year before it shows none (the steady
    people by blocks of years, one who moved with a date through the rule)."""
    (unit_name, _unit), (other_name, other) = list(staff.units.items())[:2]
    late, later, mover = staff.in_unit(unit_name)[:3]
    for name, hired in ((late, date(2024, 6, 1)), (later, date(2025, 3, 1)), (mover, None)):
        data = people.person_input(staff.people[name])
        people.update_person(staff.people[name], replace(data, hired_on=hired))
    data = people.person_input(staff.people[mover])
    people.update_person(
        staff.people[mover],
        replace(data, unit_id=other, hired_on=date(2024, 2, 1)),
        moved_on=date(2025, 7, 1),
    )
    ids = {
        (name, year): add(year, "LDTT", person_id=staff.people[name])
        for name in (late, later, mover)
        for year in (2023, 2024, 2025)
    }
    rows = {r.id: r for r in awards.proposal_rows(None)}
    units = {key: rows[pid].unit_name for key, pid in ids.items()}
    assert units == {
        (late, 2023): "",
        (late, 2024): unit_name,
        (late, 2025): unit_name,
        (later, 2023): "",
        (later, 2024): "",
        (later, 2025): unit_name,
        (mover, 2023): "",
        (mover, 2024): unit_name,
        (mover, 2025): other_name,
    }
    assert rows[ids[(later, 2024)]].search_key.startswith(f"{fold(later)} |  | ")
    assert as_tuples(list(rows.values())) == expected_rows(None)
    assert as_tuples(awards.proposal_rows(2024)) == expected_rows(2024)
