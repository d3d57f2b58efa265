"""People and units: validation, audited writes, NFC storage, Vietnamese ordering in SQL."""

from __future__ import annotations

import unicodedata

import peewee as pw
import pytest

from app import people, records
from app.errors import InUse, ValidationError
from db.enums import AuditAction, CommendationKind, RankGroup, UnitKind
from db.models import AuditLog, AwardType, Person, PersonUnitHistory, Proposal, Unit


def _person(name: str, **kwargs: object) -> people.PersonInput:
    from app.vntext import split_name

    family, middle, given = split_name(name)
    return people.PersonInput(family, middle, given, **kwargs)  # type: ignore[arg-type]


def test_people_are_listed_given_name_first_by_the_sql_collation(db: pw.SqliteDatabase) -> None:
    for name in ["Trần Thị Bình", "Đặng Văn An", "Nguyễn Văn Đạt", "Lê Thị Ánh", "Hồ Văn Dũng"]:
        people.create_person(_person(name))
    assert [r.full_name for r in people.person_rows()] == [
        "Đặng Văn An",
        "Lê Thị Ánh",
        "Trần Thị Bình",
        "Hồ Văn Dũng",
        "Nguyễn Văn Đạt",
    ]


def test_text_is_stored_nfc_and_searchable_without_marks(db: pw.SqliteDatabase) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn")
    person = people.create_person(
        people.PersonInput(nfd, " Thị ", "Hương  ", position="Chuyên viên")
    )
    stored = Person.get_by_id(person.id)
    assert stored.family_name == "Nguyễn" and len(stored.family_name) == 6
    assert stored.full_name == "Nguyễn Thị Hương"
    assert "nguyen thi huong" in stored.search_key


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (people.PersonInput("Nguyễn", "Văn", ""), "given_name"),
        (people.PersonInput("", "", "An"), "family_name"),
        (people.PersonInput("Nguyễn2", "", "An"), "family_name"),
        (people.PersonInput("Nguyễn", "", "An", birth_year=1800), "birth_year"),
        (people.PersonInput("Nguyễn", "", "An", unit_id=999), "unit_id"),
    ],
)
def test_invalid_people_are_refused_and_nothing_is_saved(
    db: pw.SqliteDatabase, data: people.PersonInput, field: str
) -> None:
    assert field in people.validate_person(data)
    with pytest.raises(ValidationError) as raised:
        people.create_person(data)
    assert raised.value.field == field
    assert Person.select().count() == 0


def test_manual_sort_key_lets_a_foreign_name_in_without_a_family_name(
    db: pw.SqliteDatabase,
) -> None:
    people.create_person(people.PersonInput("", "", "Y Moan Niê Kdăm", manual_sort_key="Moan"))
    people.create_person(_person("Trần Văn Nam"))
    assert [r.full_name for r in people.person_rows()] == ["Y Moan Niê Kdăm", "Trần Văn Nam"]


def test_create_update_delete_are_audited(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(people.UnitInput("Phòng Lãnh sự", kind=UnitKind.DIVISION))
    person = people.create_person(_person("Lê Văn Tám", unit_id=unit.id))
    people.update_person(person.id, _person("Lê Văn Tám", unit_id=unit.id, position="Trưởng phòng"))
    changes = AuditLog.select().where(
        (AuditLog.table == "person") & (AuditLog.action == AuditAction.UPDATE)
    )
    assert {(c.field, c.old_value, c.new_value) for c in changes} >= {
        ("position", "", "Trưởng phòng")
    }
    people.delete_person(person.id)
    assert (
        AuditLog.select()
        .where((AuditLog.table == "person") & (AuditLog.action == AuditAction.DELETE))
        .count()
        == 1
    )


def test_an_unchanged_save_writes_nothing(db: pw.SqliteDatabase) -> None:
    person = people.create_person(_person("Lê Văn Tám"))
    before = AuditLog.select().count()
    heard: list[frozenset[str]] = []
    stop = records.subscribe(heard.append)
    try:
        people.update_person(person.id, _person("Lê Văn Tám"))
    finally:
        stop()
    assert AuditLog.select().count() == before
    assert heard == []


def test_changes_are_announced_once_per_transaction(db: pw.SqliteDatabase) -> None:
    heard: list[frozenset[str]] = []
    stop = records.subscribe(heard.append)
    try:
        unit = people.create_unit(people.UnitInput("Phòng Hợp tác quốc tế"))
        people.create_person(_person("Vũ Thị Mai", unit_id=unit.id))
    finally:
        stop()
    assert heard == [frozenset({"unit"}), frozenset({"person", "person_unit_history"})]


def test_moving_a_person_keeps_the_unit_history(db: pw.SqliteDatabase) -> None:
    a = people.create_unit(people.UnitInput("Phòng A"))
    b = people.create_unit(people.UnitInput("Phòng B"))
    person = people.create_person(_person("Lê Văn Tám", unit_id=a.id))
    people.update_person(person.id, _person("Lê Văn Tám", unit_id=b.id))
    history = list(
        PersonUnitHistory.select()
        .where(PersonUnitHistory.person == person)
        .order_by(PersonUnitHistory.id)
    )
    assert [h.unit.name for h in history] == ["Phòng A", "Phòng B"]


def test_a_person_with_proposals_cannot_be_deleted(db: pw.SqliteDatabase) -> None:
    person = people.create_person(_person("Lê Văn Tám", rank_group=RankGroup.STAFF))
    Proposal.create(
        year=2024,
        person=person,
        award_type=AwardType.get(AwardType.code == "LDTT"),
        kind=CommendationKind.REGULAR,
    )
    with pytest.raises(InUse) as raised:
        people.delete_person(person.id)
    assert "đề nghị khen thưởng" in raised.value.message
    assert Person.get_or_none(Person.id == person.id) is not None


def test_units_validation_and_delete_rules(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(people.UnitInput("Văn phòng Sở", kind=UnitKind.OFFICE))
    assert "name" in people.validate_unit(people.UnitInput("Văn phòng Sở"))
    assert people.validate_unit(people.UnitInput("Văn phòng Sở"), unit.id) == {}
    assert "parent_id" in people.validate_unit(people.UnitInput("X", parent_id=unit.id), unit.id)
    people.create_person(_person("Lê Văn Tám", unit_id=unit.id))
    with pytest.raises(InUse):
        people.delete_unit(unit.id)
    assert Unit.select().count() == 1
    empty = people.create_unit(people.UnitInput("Phòng trống"))
    people.delete_unit(empty.id)
    assert [r.name for r in people.unit_rows()] == ["Văn phòng Sở"]
    assert people.unit_rows()[0].people_count == 1


def test_agency_name_as_it_was_on_a_date(db: pw.SqliteDatabase) -> None:
    from datetime import date

    from app import agency

    assert agency.details_on(date(2024, 1, 1)) is None
    old = agency.AgencyDetails("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "SNgV", "Bình Phước", "A")
    new = agency.AgencyDetails("UBND TỈNH ĐỒNG NAI", "VĂN PHÒNG UBND TỈNH", "VP", "Đồng Nai", "B")
    agency.save_details(old, valid_from=date(2024, 1, 1))
    agency.save_details(new, valid_from=date(2025, 7, 1))
    assert agency.details_on(date(2025, 6, 30)).parent_body == "UBND TỈNH BÌNH PHƯỚC"  # type: ignore[union-attr]
    assert agency.details_on(date(2025, 7, 1)).agency_name == "VĂN PHÒNG UBND TỈNH"  # type: ignore[union-attr]
    assert agency.details_on(date(2020, 1, 1)).abbreviation == "SNgV"  # type: ignore[union-attr]
    assert agency.details_on().place_name == "Đồng Nai"  # type: ignore[union-attr]
    assert agency.validate(agency.AgencyDetails("", "x", "S N", "y", "z")).keys() == {
        "parent_body",
        "abbreviation",
    }
