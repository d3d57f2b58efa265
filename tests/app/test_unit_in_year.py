"""Year-bound figures place a person in the unit they worked in that year (app.people's
unit_in_year), not in the unit of today: statistics, the year-end summary, a collective's
members, registrations, a decision's attached list and a unit's proposal list."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import docx
import peewee as pw
import pytest

from app import award_outlook, decisions, eligibility, membership, people, proposals, records
from app.award_stats import award_statistics
from app.documents import render_docx
from app.proposals import ProposalInput
from app.registrations import registration_rows
from app.reports import award_report
from app.summary import award_tables
from db.enums import Discipline, Rating, RecipientKind
from db.models import Decision, Person, PersonUnitHistory
from tests.award_data import AwardWorld, build_world, director_decision_input, proposal
from tests.staff_gen import Staff, award_id, evaluate, generate_staff, register

YEARS = range(2022, 2028)


def _move(person_id: int, unit_id: int | None, on: date) -> None:
    """Move a person to another unit (or out of every unit) on ``on``, as the directory does."""
    data = replace(people.person_input(person_id), unit_id=unit_id)
    people.update_person(person_id, data, moved_on=on)


# --- the rule, single and bulk --------------------------------------------------------------
@pytest.fixture
def units(db: pw.SqliteDatabase) -> dict[str, int]:
    return {
        name: people.create_unit(people.UnitInput(f"Phòng {name}")).id for name in ("A", "B", "C")
    }


def _person(name: str, unit: int | None) -> int:
    return people.create_person(people.PersonInput("Lê", "Văn", name, unit_id=unit)).id


def test_a_move_counts_from_the_year_it_is_dated_in(units: dict[str, int]) -> None:
    a, b, c = units["A"], units["B"], units["C"]
    moved = _person("Một", a)
    _move(moved, b, date(2025, 3, 1))
    twice = _person("Hai", a)
    _move(twice, b, date(2025, 3, 1))
    _move(twice, c, date(2025, 10, 1))  # the unit the year ended in wins
    on_new_year = _person("Ba", a)
    _move(on_new_year, b, date(2025, 1, 1))
    left = _person("Bốn", a)
    _move(left, None, date(2025, 6, 30))  # left every unit mid-year
    assert [membership.unit_in_year(moved, y) for y in YEARS] == [a, a, a, b, b, b]
    assert [membership.unit_in_year(twice, y) for y in YEARS] == [a, a, a, c, c, c]
    assert [membership.unit_in_year(on_new_year, y) for y in YEARS] == [a, a, a, b, b, b]
    assert [membership.unit_in_year(left, y) for y in YEARS] == [a, a, a, a, None, None]


def test_without_dates_the_current_unit_answers(units: dict[str, int]) -> None:
    a, b = units["A"], units["B"]
    undated = _person("Năm", b)  # an older move recorded without a date: two open rows
    records.create(PersonUnitHistory, person=undated, unit=a)
    PersonUnitHistory.update(id=PersonUnitHistory.id + 100).where(
        (PersonUnitHistory.person == undated) & (PersonUnitHistory.unit == b)
    ).execute()  # the row of B is the newer one
    no_history = _person("Sáu", None)
    Person.update(unit=a).where(Person.id == no_history).execute()  # unit set, no history row
    joined = _person("Bảy", None)
    records.create(PersonUnitHistory, person=joined, unit=b, date_from=date(2026, 2, 1))
    Person.update(unit=b).where(Person.id == joined).execute()
    assert {membership.unit_in_year(undated, y) for y in YEARS} == {b}
    assert {membership.unit_in_year(no_history, y) for y in YEARS} == {a}
    assert {membership.unit_in_year(joined, y) for y in YEARS} == {b}  # before joining: today's


def test_bulk_and_single_answers_agree(units: dict[str, int]) -> None:
    a, b, c = units["A"], units["B"], units["C"]
    ids = [_person(name, a) for name in ("Một", "Hai", "Ba", "Bốn", "Năm")]
    _move(ids[0], b, date(2024, 7, 1))
    _move(ids[1], c, date(2025, 12, 31))
    _move(ids[2], None, date(2023, 5, 2))
    _move(ids[3], b, date(2025, 2, 1))
    _move(ids[3], a, date(2026, 2, 1))
    ids.append(_person("Sáu", None))
    single = {(p, y): membership.unit_in_year(p, y) for p in ids for y in YEARS}
    assert len(set(single.values())) == 4  # A, B, C and none: the cases differ
    for y in YEARS:
        bulk = membership.units_in_year(y)
        assert {p: bulk[p] for p in ids} == {p: single[(p, y)] for p in ids}
        assert membership.units_in_year(y, ids[:3]) == {p: single[(p, y)] for p in ids[:3]}
        many = ids + list(range(10**6, 10**6 + 600))  # past SQLite's parameter limit
        assert membership.units_in_year(y, many) == {p: single[(p, y)] for p in ids}
    assert membership.units_in_years(single) == single
    members = membership.members_in_year(2024)
    assert members == {a: [ids[1], ids[3], ids[4]], b: [ids[0]]}
    assert membership.members_in_year(2026, [b]) == {b: [ids[0]]}
    assert membership.members_in_year(2024, [c]) == {}


def test_before_their_hiring_a_person_is_in_no_unit(units: dict[str, int]) -> None:
    """Someone added in Danh mục has a first history row with no start date; Ngày tuyển dụng
    bounds it: before the year they were hired they are in no unit and no unit's member."""
    a, b = units["A"], units["B"]
    hired = people.create_person(
        people.PersonInput("Lê", "Văn", "Tám", unit_id=a, hired_on=date(2025, 3, 1))
    ).id
    moved = people.create_person(
        people.PersonInput("Lê", "Văn", "Chín", unit_id=a, hired_on=date(2023, 9, 1))
    ).id
    _move(moved, b, date(2025, 7, 1))
    always = _person("Mười", a)  # no hiring date: in A every year, as before
    assert [membership.unit_in_year(hired, y) for y in YEARS] == [None, None, None, a, a, a]
    assert [membership.unit_in_year(moved, y) for y in YEARS] == [None, a, a, b, b, b]
    assert {membership.unit_in_year(always, y) for y in YEARS} == {a}
    ids = [hired, moved, always]
    single = {(p, y): membership.unit_in_year(p, y) for p in ids for y in YEARS}
    assert membership.units_in_years(single) == single
    steady, unit_in, hired_in = membership.units_by_year()
    assert hired_in == {hired: 2025}  # the steady ones hired on a recorded date
    for (p, y), unit in single.items():
        in_bulk = unit_in(p, y) if p not in steady else steady[p]
        if p in hired_in and y < hired_in[p]:
            in_bulk = None
        assert in_bulk == unit
    for y in YEARS:
        assert membership.units_in_year(y, ids) == {p: single[(p, y)] for p in ids}
    assert membership.members_in_year(2024) == {a: [moved, always]}
    assert membership.members_in_year(2025) == {a: [hired, always], b: [moved]}
    assert membership.members_in_year(2022, [a]) == {a: [always]}


# --- statistics, summary, decision list, unit list ------------------------------------------
@pytest.fixture
def moved_world(sample_db: pw.SqliteDatabase) -> AwardWorld:
    """build_world's 2024 awards granted; then An moves from the office (vp) to the consular
    division (lshc) in February 2025 and is granted LĐTT for 2025 there."""
    w = build_world()
    granted = ("an_ldtt", "an_cstdcs", "binh_ldtt", "duc_gk", "vp_ttldtt", "lshc_gk")
    decisions.create_decision(director_decision_input(), [w.proposals[k] for k in granted])
    _move(w.people["an"], w.units["lshc"], date(2025, 2, 1))
    later = proposal("LDTT", person=w.people["an"], year=2025)
    decisions.create_decision(director_decision_input("7", date(2025, 12, 20)), [later])
    return w


OFFICE, CONSULAR = "Phòng Hành chính - Tổng hợp", "Phòng Lãnh sự - Hợp tác quốc tế"


def test_statistics_and_summary_count_a_person_where_they_were_that_year(
    moved_world: AwardWorld,
) -> None:
    by_unit = {u.unit_name: (u.individuals, u.collectives) for u in award_statistics(2024).by_unit}
    assert by_unit == {OFFICE: (3, 1), CONSULAR: (1, 1)}  # An's two 2024 awards: the office
    by_unit = {u.unit_name: (u.individuals, u.collectives) for u in award_statistics(2025).by_unit}
    assert by_unit == {CONSULAR: (1, 0)}
    tables = award_tables(2024)
    assert {u.unit: (u.individual, u.collective) for u in tables.by_unit} == {
        OFFICE: (3, 1),
        CONSULAR: (1, 1),
    }
    assert [(u.unit, u.individual) for u in award_tables(2025).by_unit] == [(CONSULAR, 1)]


def test_a_decision_lists_a_person_under_that_years_unit(
    moved_world: AwardWorld,
) -> None:
    decision = Decision.get(Decision.number == "12").id
    document = docx.Document(io.BytesIO(render_docx(award_report.decision_document(decision))))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    an_rows = [r for r in rows if "Nguyễn Văn An" in " ".join(r)]
    assert an_rows and all(OFFICE in " ".join(r) for r in an_rows), an_rows


def test_a_units_proposal_list_holds_the_people_it_had_that_year(moved_world: AwardWorld) -> None:
    office_2024 = award_report.proposal_list_proposals(2024, unit_id=moved_world.units["vp"])
    consular_2024 = award_report.proposal_list_proposals(2024, unit_id=moved_world.units["lshc"])
    an = moved_world.people["an"]
    assert sum(p.person_id == an for p in office_2024) == 2
    assert not any(p.person_id == an for p in consular_2024)


# --- a collective's members, registrations ---------------------------------------------------
@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=4)


def _ttldtt(unit: int) -> ProposalInput:
    return ProposalInput(
        2024, award_id("TTLDTT"), recipient_kind=RecipientKind.COLLECTIVE, unit_id=unit
    )


def _ldtt(person: int) -> ProposalInput:
    return ProposalInput(
        2024, award_id("LDTT"), recipient_kind=RecipientKind.INDIVIDUAL, person_id=person
    )


def test_the_collective_check_of_a_year_counts_that_years_members(staff: Staff) -> None:
    first, second = list(staff.units)[:2]
    a, b = staff.units[first], staff.units[second]
    members = [staff.people[n] for n in staff.in_unit(first)]
    mover = members[0]
    _move(mover, b, date(2025, 1, 10))  # in A all of 2024, in B since January 2025
    for person in members[1:3]:
        proposals.create_proposal(_ldtt(person))
    evaluate(mover, 2024, Rating.GOOD, discipline=Discipline.WARNING)
    on = date(2024, 12, 10)
    messages = [f.message for f in eligibility.check_input(_ttldtt(a), on)]
    assert any("2/4 thành viên" in m for m in messages), messages  # the mover is one of 4
    mover_name = Person.get_by_id(mover).full_name
    assert any("kỷ luật" in m and mover_name in m for m in messages), messages
    others = [staff.people[n] for n in staff.in_unit(second)]
    for person in others:
        proposals.create_proposal(_ldtt(person))
    for unit in (a, b):
        register(2024, "TTLDTT", unit=unit)
    assert eligibility.check_input(_ttldtt(b), on) == []  # 4/4; the mover not yet in B
    for unit in (a, b):
        proposals.create_proposal(_ttldtt(unit))
    whole = eligibility.check_year(2024, on)
    of_b = [f for f in whole if f.recipient == second]
    assert of_b == [], of_b
    assert any("2/4 thành viên" in f.message for f in whole if f.recipient == first)
    # what the history page suggests for next year reads the same members
    outlook = award_outlook.unit_members(2024, [a, b])
    assert (outlook[a].total, outlook[a].disciplined) == (4, 1)  # titles count once granted
    assert (outlook[b].total, outlook[b].disciplined) == (4, 0)


def test_registrations_of_a_unit_list_that_years_people(staff: Staff) -> None:
    first, second = list(staff.units)[:2]
    a, b = staff.units[first], staff.units[second]
    mover = staff.people[staff.in_unit(first)[0]]
    register(2024, "LDTT", person=mover)
    register(2025, "LDTT", person=mover)
    _move(mover, b, date(2025, 1, 10))
    assert [r.unit_id for r in registration_rows(2024) if not r.is_unit] == [a]
    assert [r.unit_id for r in registration_rows(2025) if not r.is_unit] == [b]
    assert len(registration_rows(2024, unit_id=a)) == 1
    assert registration_rows(2024, unit_id=b) == []


def test_lists_of_a_year_show_the_unit_of_that_year(moved_world: AwardWorld) -> None:
    from app import awards, typical_examples
    from app.typical_examples import ExampleInput

    an, name = moved_world.people["an"], "Nguyễn Văn An"
    units = {(r.year, r.unit_name) for r in awards.proposal_rows(None) if r.recipient_name == name}
    assert units == {(2024, OFFICE), (2025, CONSULAR)}
    assert {r.unit_name for r in awards.proposal_rows(2024) if r.recipient_name == name} == {OFFICE}
    detail = proposals.proposal_detail(moved_world.proposals["an_ldtt"])
    assert detail.unit_name == OFFICE
    decision = Decision.get(Decision.number == "12").id
    rows = decisions.candidate_rows(decision, 2024, only_covered=True)
    assert {r.unit_name for r in rows if r.recipient_name == name} == {OFFICE}
    for year in (2024, 2025):
        typical_examples.create_example(ExampleInput(year, person_id=an, deeds="Gương mẫu"))
    shown = {(r.year, r.unit_name) for r in typical_examples.example_rows()}
    assert shown == {(2024, OFFICE), (2025, CONSULAR)}


def test_a_move_without_a_date_is_dated_the_day_it_is_recorded(units: dict[str, int]) -> None:
    person = _person("Tám", units["A"])
    people.update_person(person, replace(people.person_input(person), unit_id=units["B"]))
    today = date.today()
    history = list(PersonUnitHistory.select().order_by(PersonUnitHistory.id))
    assert [(h.unit_id, h.date_from, h.date_to) for h in history] == [
        (units["A"], None, today),
        (units["B"], today, None),
    ]
    assert membership.unit_in_year(person, today.year - 1) == units["A"]
    assert membership.unit_in_year(person, today.year) == units["B"]
