"""Editing the plan: items, moves, delete with restore, header, notes, next year's copy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import peewee as pw
import pytest

from app import plan, plan_copy, plan_edit
from app.errors import ValidationError
from app.plan_edit import ItemInput, Place
from app.schedule import Schedule
from db.enums import ItemKind, ScheduleKind, TaskStatus
from db.models import Campaign, Meeting, Plan, PlanItem, ProgressNote


def _paths(year: int = 2024) -> list[str]:
    doc = plan.load_plan(year)
    assert doc is not None
    return [f"{r.path} {r.title[:25]}" for r in doc.items]


def _id(path: str, year: int = 2024) -> int:
    doc = plan.load_plan(year)
    assert doc is not None
    return next(r.id for r in doc.items if r.path == path)


def test_a_new_plan_has_the_three_sections(db: pw.SqliteDatabase) -> None:
    plan_id = plan_edit.create_plan(2025)
    doc = plan.plan_doc(plan_id)
    assert [(r.label, r.title) for r in doc.items] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("II.", "NỘI DUNG"),
        ("III.", "TỔ CHỨC THỰC HIỆN"),
    ]
    with pytest.raises(ValidationError):
        plan_edit.create_plan(2025)


def test_add_a_task_in_the_middle_and_numbers_follow(sample_db: pw.SqliteDatabase) -> None:
    plan_id = Plan.get(Plan.year == 2024).id
    new = plan_edit.add_item(
        plan_id,
        _id("II"),
        1,
        ItemInput(
            "Kiện toàn Hội đồng",
            is_task=True,
            schedule=Schedule(ScheduleKind.MONTHS, (2,)),
            timing_text="Tháng 02 năm 2024.",
        ),
    )
    doc = plan.load_plan(2024)
    assert doc is not None
    row = next(r for r in doc.items if r.id == new)
    assert (row.path, row.label) == ("II.2", "2.")
    assert next(r for r in doc.items if r.title.startswith("Phát động")).path == "II.3"
    assert next(r for r in doc.items if r.path == "II.6.2").lead_unit == "Văn phòng Sở"


def test_invalid_items_are_refused(sample_db: pw.SqliteDatabase) -> None:
    plan_id = Plan.get(Plan.year == 2024).id
    count = PlanItem.select().count()
    bad = [
        ItemInput(""),
        ItemInput("x", schedule=Schedule(ScheduleKind.MONTHS, ())),
        ItemInput(
            "x", schedule=Schedule(ScheduleKind.RANGE, (), date(2024, 5, 1), date(2024, 4, 1))
        ),
    ]
    for data in bad:
        assert plan_edit.validate_item(data)
        with pytest.raises(ValidationError):
            plan_edit.add_item(plan_id, None, None, data)
    assert PlanItem.select().count() == count


def test_moves_up_down_indent_outdent_and_back(sample_db: pw.SqliteDatabase) -> None:
    item = _id("II.3")
    before = _paths()
    up = plan_edit.target_for(item, "up")
    assert up == Place(_id("II"), 1)
    old = plan_edit.move_item(item, up)
    assert next(p for p in _paths() if "Chỉ đạo đẩy mạnh" in p).startswith("II.2 ")
    plan_edit.move_item(item, old)
    assert _paths() == before
    indent = plan_edit.target_for(item, "indent")
    assert indent is not None
    old = plan_edit.move_item(item, indent)
    assert any(p.startswith("II.2.1 Chỉ đạo đẩy mạnh") for p in _paths())
    outdent = plan_edit.target_for(item, "outdent")
    assert outdent == Place(_id("II"), 2)
    plan_edit.move_item(item, outdent)
    assert _paths() == before
    assert plan_edit.target_for(_id("I"), "outdent") is None
    assert plan_edit.target_for(_id("I"), "indent") is None
    assert plan_edit.target_for(_id("III.1"), "outdent") is None
    with pytest.raises(ValidationError):
        plan_edit.move_item(_id("II.1"), Place(_id("II.1.a"), 0))


def test_delete_and_restore_a_linked_subtree(sample_db: pw.SqliteDatabase) -> None:
    before = _paths()
    item = _id("II.1")  # holds a) with the three periodic meetings
    plan_edit.add_note(_id("II.1.a"), date(2024, 3, 28), "Đã họp phiên tháng 3.")
    links = plan_edit.links(item)
    assert links.meetings == 3 and "3 phiên họp" in links.describe()
    snapshot = plan_edit.delete_item(item)
    assert not any("Tổ chức các phiên họp" in p for p in _paths())
    assert Meeting.select().where(Meeting.plan_item.is_null()).count() == 3
    assert ProgressNote.select().count() == 0
    restored = plan_edit.restore_item(snapshot)
    assert restored == item
    assert _paths() == before
    assert Meeting.select().where(Meeting.plan_item == _id("II.1.a")).count() == 3
    assert [n.text for n in plan_edit.notes_of(_id("II.1.a"))] == ["Đã họp phiên tháng 3."]


def test_update_item_and_cooperating_units(sample_db: pw.SqliteDatabase) -> None:
    from db.models import Unit

    item = _id("II.4")
    data = plan_edit.item_input(item)
    office = Unit.get(Unit.name == "Văn phòng Sở").id
    plan_edit.update_item(
        item, replace(data, cooperating_unit_ids=(office,), status=TaskStatus.DONE)
    )
    again = plan_edit.item_input(item)
    assert again.cooperating_unit_ids == (office,) and again.status is TaskStatus.DONE
    plan_edit.update_item(item, replace(again, cooperating_unit_ids=()))
    assert plan_edit.item_input(item).cooperating_unit_ids == ()
    with pytest.raises(ValidationError):
        plan_edit.update_item(
            item, replace(again, lead_unit_id=office, cooperating_unit_ids=(office,))
        )


def test_header_round_trip_and_validation(sample_db: pw.SqliteDatabase) -> None:
    plan_id = Plan.get(Plan.year == 2024).id
    header = plan_edit.header_of(plan_id)
    assert header.recipients[0] == "Ban Thi đua, Khen thưởng tỉnh;"
    plan_edit.save_header(plan_id, replace(header, number="15", issued_on=date(2024, 1, 10)))
    assert plan_edit.header_of(plan_id).number == "15"
    with pytest.raises(ValidationError):
        plan_edit.save_header(plan_id, replace(header, number="15/KH"))
    with pytest.raises(ValidationError):
        plan_edit.save_header(plan_id, replace(header, title="  "))


def test_notes_need_text(sample_db: pw.SqliteDatabase) -> None:
    with pytest.raises(ValidationError):
        plan_edit.add_note(_id("II.4"), date(2024, 5, 1), "   ")
    note = plan_edit.add_note(_id("II.4"), date(2024, 5, 1), "Đã trình khen thưởng đột xuất.")
    plan_edit.delete_note(note)
    assert plan_edit.notes_of(_id("II.4")) == []


def test_next_year_copy_is_reviewed_then_saved(sample_db: pw.SqliteDatabase) -> None:
    plan_edit.update_item(
        _id("II.4"), replace(plan_edit.item_input(_id("II.4")), status=TaskStatus.DONE)
    )
    draft = plan_copy.next_year_draft(Plan.get(Plan.year == 2024).id)
    assert draft.year == 2025 and draft.header.number == ""
    assert "năm 2025" in draft.header.title
    assert all(i.data.status is TaskStatus.NOT_STARTED for i in draft.items)
    periodic = next(i for i in draft.items if i.data.title == "Tổ chức các phiên họp định kỳ")
    assert periodic.data.timing_text == "Tháng 03, 06 và tháng 12 năm 2025."
    body = next(i for i in draft.items if "giai đoạn" in i.data.body)
    assert "2020 – 2025" in body.data.body  # not a mention of the plan's year
    assert Plan.select().count() == 1  # nothing saved while reviewing
    new_id = plan_copy.save_draft(draft)
    doc = plan.plan_doc(new_id)
    assert [r.path for r in doc.items] == [r.path for r in plan.load_plan(2024).items]  # type: ignore[union-attr]
    assert Campaign.select().where(Campaign.year == 2025).count() == 0
    with pytest.raises(ValidationError):
        plan_copy.save_draft(draft)
    numbering = {r.path: r.label for r in doc.items}
    assert numbering["II.5.1"] == "5.1." and numbering["II.1.a"] == "a)"
    assert next(r for r in doc.items if r.path == "II.5.2").lead_unit == "Văn phòng Sở"
    assert [r.kind for r in doc.items].count(ItemKind.SECTION) == 3
