"""The recycle bin: deletes are recoverable, with what hung off the record, until emptied."""

from __future__ import annotations

from datetime import date

import peewee as pw
import pytest

from app import people, plan, plan_edit, trash
from app.errors import AppError, NotFound
from db.models import Meeting, Person, PersonUnitHistory, Plan, PlanItem, ProgressNote, Trash, Unit


def test_a_deleted_person_comes_back_with_the_same_id_and_history(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(people.UnitInput("Phòng Lãnh sự"))
    person = people.create_person(people.PersonInput("Lê", "Văn", "Tám", unit_id=unit.id))
    trash_id = people.delete_person(person.id)
    assert Person.select().count() == 0 and PersonUnitHistory.select().count() == 0
    [row] = trash.trash_rows()
    assert row.label == "Cán bộ: Lê Văn Tám" and row.count == 2  # the person and the unit history
    assert trash.restore(trash_id) == person.id
    assert Person.get_by_id(person.id).full_name == "Lê Văn Tám"
    assert PersonUnitHistory.get().unit.name == "Phòng Lãnh sự"
    assert Trash.select().count() == 0
    with pytest.raises(NotFound):
        trash.restore(trash_id)


def test_a_unit_restores_the_links_cleared_by_its_delete(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(people.UnitInput("Phòng cũ"))
    person = people.create_person(people.PersonInput("Lê", "Văn", "Tám", unit_id=unit.id))
    people.update_person(person.id, people.PersonInput("Lê", "Văn", "Tám"))  # moved out
    trash_id = people.delete_unit(unit.id)
    trash.restore(trash_id)
    assert Unit.get_by_id(unit.id).name == "Phòng cũ"


def test_a_plan_item_subtree_with_notes_and_links(sample_db: pw.SqliteDatabase) -> None:
    doc = plan.load_plan(2024)
    assert doc is not None
    group = next(r for r in doc.items if r.path == "II.1")
    periodic = next(r for r in doc.items if r.path == "II.1.a")
    plan_edit.add_note(periodic.id, date(2024, 3, 30), "Đã họp.")
    snapshot = plan_edit.delete_item(group.id)
    assert PlanItem.select().count() == 14
    assert Meeting.select().where(Meeting.plan_item.is_null()).count() == 3
    [row] = trash.trash_rows()
    assert row.count == 4  # the group, a), b) and the note
    trash.restore(snapshot.trash_id)  # from the bin window rather than undo
    assert PlanItem.select().count() == 17 and ProgressNote.select().count() == 1
    assert Meeting.select().where(Meeting.plan_item == periodic.id).count() == 3
    with pytest.raises(AppError):
        plan_edit.restore_item(snapshot)  # already back: refused, nothing duplicated
    assert PlanItem.select().count() == 17


def test_purge_and_empty(sample_db: pw.SqliteDatabase) -> None:
    a = people.create_unit(people.UnitInput("A"))
    b = people.create_unit(people.UnitInput("B"))
    first = people.delete_unit(a.id)
    people.delete_unit(b.id)
    trash.purge(first)
    assert [r.label for r in trash.trash_rows()] == ["Đơn vị: B"]
    assert trash.empty() == 1 and trash.trash_rows() == []
    assert Plan.select().count() == 1
