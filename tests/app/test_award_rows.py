"""The awards list's rows (app/awards.py), checked against the same rows read plainly through the
ORM: newest year first, in the order entered within a year, with names, units, awards, labels
and the folded search key of each proposal."""

from __future__ import annotations

from dataclasses import replace

import peewee as pw
import pytest

from app import awards, people, proposals
from app.proposals import ProposalInput
from app.vntext import fold
from db.enums import RecipientKind
from db.models import Person, Proposal
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
            unit_name = person.unit.name if person.unit_id is not None else ""
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


def test_a_renamed_person_and_their_new_unit_show_in_the_rows(staff: Staff) -> None:
    person = next(iter(staff.people.values()))
    proposal = add(2024, "LDTT", person_id=person)
    unit_name, other_unit = list(staff.units.items())[-1]
    data = people.person_input(person)
    renamed = replace(
        data, family_name="Đinh", middle_name="Thị", given_name="Ánh", unit_id=other_unit
    )
    people.update_person(person, renamed)
    row = next(r for r in awards.proposal_rows(2024) if r.id == proposal)
    assert row.recipient_name == "Đinh Thị Ánh"
    assert row.unit_name == unit_name
    assert row.recipient_sort == Person.get_by_id(person).sort_name
    assert row.search_key.startswith("dinh thi anh | ")
    assert as_tuples(awards.proposal_rows(2024)) == expected_rows(2024)
