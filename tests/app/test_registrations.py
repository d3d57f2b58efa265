"""Registration for titles (đăng ký thi đua) and typical examples."""

from __future__ import annotations

from datetime import date

import peewee as pw
import pytest

from app import people, registrations, trash
from app import typical_examples as te
from app.errors import ValidationError
from app.vntext import split_name
from db.enums import ExampleKind
from db.models import AwardType, Campaign, Registration, Unit


def _award(code: str) -> int:
    return int(AwardType.get(AwardType.code == code).id)


@pytest.fixture
def office(sample_db: pw.SqliteDatabase) -> Unit:
    unit = Unit.get(Unit.name == "Văn phòng Sở")
    for name in ("Nguyễn Văn Hùng", "Trần Thị Lan"):
        people.create_person(people.PersonInput(*split_name(name), unit_id=unit.id))
    return unit


def test_a_unit_sheet_registers_the_unit_and_its_people(office: Unit) -> None:
    yearly = Campaign.get(Campaign.name == "Phong trào thi đua yêu nước tại Sở")
    unit_award, staff = registrations.unit_people(2024, office.id)
    assert unit_award is None and [p.full_name for p in staff] == [
        "Nguyễn Văn Hùng",
        "Trần Thị Lan",
    ]
    hung, lan = staff
    sheet = registrations.UnitSheet(
        2024,
        office.id,
        _award("TTLDXS"),
        {hung.id: _award("CSTDCS"), lan.id: _award("LDTT")},
        date(2024, 1, 15),
        yearly.id,
    )
    assert registrations.register_unit(sheet) == 3
    assert registrations.register_unit(sheet) == 0  # entered twice: nothing doubled
    assert registrations.registered_award_codes(2024, unit_id=office.id) == {"TTLDXS"}
    assert registrations.registered_award_codes(2024, person_id=hung.id) == {"CSTDCS"}
    assert registrations.registered_award_codes(2025, person_id=hung.id) == set()
    rows = registrations.registration_rows(2024, campaign_id=yearly.id)
    assert [(r.name, r.award_code) for r in rows] == [
        ("Văn phòng Sở", "TTLDXS"),
        ("Nguyễn Văn Hùng", "CSTDCS"),
        ("Trần Thị Lan", "LDTT"),
    ]
    assert rows[1].registered_on == date(2024, 1, 15) and rows[1].unit_name == "Văn phòng Sở"
    summary = registrations.registration_summary(2024)
    assert [(s.award_code, s.count) for s in summary] == [("LDTT", 1), ("CSTDCS", 1), ("TTLDXS", 1)]
    cov = registrations.coverage(2024)
    assert (cov.units_registered, cov.people_registered) == (1, 2)
    assert cov.text() == "Đã đăng ký: 1/2 đơn vị, 2/3 cá nhân"


def test_registrations_are_checked(office: Unit) -> None:
    person = people.person_rows()[0]
    base = registrations.RegistrationInput(2024, _award("TTLDTT"), person_id=person.id)
    with pytest.raises(ValidationError, match="dành cho tập thể"):
        registrations.create_registration(base)
    with pytest.raises(ValidationError, match="dành cho cá nhân"):
        registrations.create_registration(
            registrations.RegistrationInput(2024, _award("LDTT"), unit_id=office.id)
        )
    with pytest.raises(ValidationError, match="cá nhân hoặc một tập thể"):
        registrations.create_registration(registrations.RegistrationInput(2024, _award("LDTT")))
    with pytest.raises(ValidationError, match="Ngày đăng ký"):
        registrations.create_registration(
            registrations.RegistrationInput(
                2024, _award("LDTT"), person_id=person.id, registered_on=date(2022, 1, 1)
            )
        )
    reg = registrations.create_registration(
        registrations.RegistrationInput(2024, _award("LDTT"), person_id=person.id)
    )
    with pytest.raises(ValidationError, match="Đã đăng ký"):
        registrations.create_registration(
            registrations.RegistrationInput(2024, _award("LDTT"), person_id=person.id)
        )
    registrations.update_registration(
        reg.id,
        registrations.RegistrationInput(
            2024, _award("CSTDCS"), person_id=person.id, note="Có sáng kiến"
        ),
    )
    assert registrations.registration_input(reg.id).note == "Có sáng kiến"
    trash_id = registrations.delete_registration(reg.id)
    assert registrations.registered_award_codes(2024, person_id=person.id) == set()
    trash.restore(trash_id)
    assert registrations.registered_award_codes(2024, person_id=person.id) == {"CSTDCS"}
    with pytest.raises(ValueError):
        registrations.registered_award_codes(2024)
    assert Registration.select().count() == 1


def test_typical_examples_per_campaign_and_across_years(office: Unit) -> None:
    yearly = Campaign.get(Campaign.name == "Phong trào thi đua yêu nước tại Sở")
    hung = next(p for p in people.person_rows() if p.full_name == "Nguyễn Văn Hùng")
    first = te.create_example(
        te.ExampleInput(
            2024,
            ExampleKind.TYPICAL,
            yearly.id,
            person_id=hung.id,
            deeds="Tham mưu tổ chức thành công đoàn công tác",
            spread="Biểu dương tại hội nghị cán bộ",
        )
    )
    te.create_example(
        te.ExampleInput(
            2023,
            ExampleKind.NEW_MODEL,
            None,
            name="Mô hình “Một cửa đối ngoại”",
            deeds="Rút ngắn thời gian xử lý hồ sơ",
        )
    )
    te.create_example(
        te.ExampleInput(
            2024, ExampleKind.NEW_FACTOR, yearly.id, unit_id=office.id, deeds="Số hóa hồ sơ"
        )
    )
    assert [r.name for r in te.example_rows(campaign_id=yearly.id)] == [
        "Nguyễn Văn Hùng",
        "Văn phòng Sở",
    ]
    assert [r.year for r in te.example_rows()] == [2024, 2024, 2023]
    assert te.example_rows(2024)[0].unit_name == "Văn phòng Sở"
    with pytest.raises(ValidationError, match="thành tích"):
        te.create_example(te.ExampleInput(2024, name="Mô hình"))
    with pytest.raises(ValidationError, match="không chọn cả hai"):
        te.create_example(te.ExampleInput(2024, person_id=hung.id, unit_id=office.id, deeds="x"))
    with pytest.raises(ValidationError, match="ghi tên mô hình"):
        te.create_example(te.ExampleInput(2024, deeds="x"))
    te.update_example(
        first.id,
        te.ExampleInput(2024, ExampleKind.TYPICAL, yearly.id, person_id=hung.id, deeds="Sửa lại"),
    )
    assert te.example_input(first.id).deeds == "Sửa lại"
    trash_id = te.delete_example(first.id)
    assert len(te.example_rows()) == 2
    trash.restore(trash_id)
    assert len(te.example_rows()) == 3
