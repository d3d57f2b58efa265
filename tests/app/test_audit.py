"""The audit log: a record's history and the filtered log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import peewee as pw

from app import audit, people
from db.enums import AuditAction
from db.models import AuditLog


def test_history_of_a_person(db: pw.SqliteDatabase) -> None:
    person = people.create_person(people.PersonInput("Lê", "Văn", "Tám"))
    people.update_person(person.id, people.PersonInput("Lê", "Văn", "Tám", position="Trưởng phòng"))
    rows = audit.history("person", person.id)
    assert [r.action for r in rows] == [AuditAction.UPDATE, AuditAction.CREATE]
    position = next(r for r in rows if r.field == "Chức vụ")
    assert (position.old_value, position.new_value, position.what, position.area) == (
        "",
        "Trưởng phòng",
        "Cán bộ",
        "Danh mục",
    )


def test_the_log_filters_by_period_area_and_words(sample_db: pw.SqliteDatabase) -> None:
    people.create_person(people.PersonInput("Đặng", "Thị", "Hương"))
    everything = audit.search()
    assert len(everything) == AuditLog.select().where(AuditLog.field.not_in(audit.DERIVED)).count()
    created = next(r for r in everything if r.what == "Cán bộ")
    assert created.new_value == "Đặng Thị Hương"  # shown by name, not as JSON
    assert {r.area for r in audit.search(area="Danh mục")} == {"Danh mục"}
    assert any("Đặng" in r.new_value for r in audit.search(text="dang thi huong"))
    assert audit.search(text="khong co tu nay") == []
    tomorrow = date.today() + timedelta(days=1)
    assert audit.search(date_from=tomorrow) == []
    AuditLog.update(happened_at=datetime(2020, 1, 1, 9, 0)).where(
        AuditLog.table == "plan"
    ).execute()
    old = audit.search(date_from=date(2020, 1, 1), date_to=date(2020, 1, 31))
    assert old and {r.table for r in old} == {"plan"}
    assert len(audit.search(limit=5)) == 5
