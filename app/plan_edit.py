"""Editing the annual plan: header, items (add, edit, delete with undo, move), progress notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import records, trash
from app.errors import NotFound, ValidationError, raise_first
from app.schedule import Schedule, months_text, parse_months
from app.vntext import clean
from db.enums import FieldName, ItemKind, Numbering, ScheduleKind, TaskStatus
from db.models import (
    AgendaItem,
    Campaign,
    Meeting,
    Plan,
    PlanItem,
    PlanItemUnit,
    ProgressNote,
    Unit,
)

DEFAULT_SECTIONS = ("MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN")
DEFAULT_FIELD_ORDER = (FieldName.CONTENT, FieldName.LEAD, FieldName.TIMING)


@dataclass(frozen=True)
class PlanHeader:
    number: str = ""
    symbol: str = "KH-HĐTĐKT"
    issued_on: date | None = None
    doc_type: str = "KẾ HOẠCH"
    title: str = ""
    recipients: tuple[str, ...] = ()
    signer_authority: str = ""
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""


@dataclass(frozen=True)
class ItemInput:
    title: str
    kind: ItemKind = ItemKind.ITEM
    child_numbering: Numbering = Numbering.ARABIC
    body: str = ""
    content: str = ""
    lead_text: str = ""
    timing_text: str = ""
    field_order: tuple[FieldName, ...] = DEFAULT_FIELD_ORDER
    is_task: bool = False
    lead_unit_id: int | None = None
    cooperating_unit_ids: tuple[int, ...] = ()
    schedule: Schedule = Schedule(ScheduleKind.NONE)
    status: TaskStatus = TaskStatus.NOT_STARTED


@dataclass(frozen=True)
class NoteRow:
    id: int
    noted_on: date
    text: str


@dataclass(frozen=True)
class ItemLinks:
    meetings: int = 0
    campaigns: int = 0
    agenda_items: int = 0

    @property
    def total(self) -> int:
        return self.meetings + self.campaigns + self.agenda_items

    def describe(self) -> str:
        parts = [
            f"{n} {what}"
            for n, what in (
                (self.meetings, "phiên họp"),
                (self.campaigns, "phong trào thi đua"),
                (self.agenda_items, "nội dung chương trình họp"),
            )
            if n
        ]
        return ", ".join(parts)


@dataclass(frozen=True)
class ItemSnapshot:
    """A deleted subtree, kept in the recycle bin: undo puts it back with the same ids."""

    trash_id: int
    plan_id: int
    parent_id: int | None
    position: int
    item_id: int


# --- the plan and its header -----------------------------------------------------------------
def create_plan(year: int, header: PlanHeader | None = None) -> int:
    if Plan.get_or_none(Plan.year == year) is not None:
        raise ValidationError(f"Đã có kế hoạch năm {year}.")
    header = header or PlanHeader(title=f"Hoạt động của Hội đồng Thi đua - Khen thưởng năm {year}")
    with records.transaction():
        plan = records.create(Plan, year=year, **header_fields(header))
        for position, title in enumerate(DEFAULT_SECTIONS):
            records.create(
                PlanItem, plan=plan, position=position, kind=ItemKind.SECTION, title=title
            )
    return int(plan.id)


def header_of(plan_id: int) -> PlanHeader:
    plan = _plan(plan_id)
    return PlanHeader(
        number=plan.number,
        symbol=plan.symbol,
        issued_on=plan.issued_on,
        doc_type=plan.doc_type,
        title=plan.title,
        recipients=tuple(line for line in plan.recipients.splitlines() if line.strip()),
        signer_authority=plan.signer_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
    )


def validate_header(header: PlanHeader) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not clean(header.doc_type):
        problems["doc_type"] = "Chưa nhập tên loại văn bản (KẾ HOẠCH)."
    if not clean(header.title):
        problems["title"] = "Chưa nhập trích yếu của kế hoạch."
    if "/" in clean(header.number):
        problems["number"] = "Số văn bản chỉ gồm chữ số; ký hiệu nhập ở ô riêng."
    if clean(header.signer_name) and not clean(header.signer_title):
        problems["signer_title"] = "Chưa nhập chức vụ người ký."
    return problems


def header_fields(header: PlanHeader) -> dict[str, Any]:
    raise_first(validate_header(header))
    return {
        "number": header.number,
        "symbol": header.symbol,
        "issued_on": header.issued_on,
        "doc_type": clean(header.doc_type).upper(),
        "title": "\n".join(clean(line) for line in header.title.splitlines() if line.strip()),
        "recipients": "\n".join(clean(r) for r in header.recipients if clean(r)),
        "signer_authority": header.signer_authority,
        "signer_title": clean(header.signer_title).upper(),
        "signer_name": header.signer_name,
    }


def save_header(plan_id: int, header: PlanHeader) -> None:
    records.update(_plan(plan_id), **header_fields(header))


def _plan(plan_id: int) -> Plan:
    plan = Plan.get_or_none(Plan.id == plan_id)
    if plan is None:
        raise NotFound("Không tìm thấy kế hoạch; có thể đã bị xóa.")
    return plan


def _item(item_id: int) -> PlanItem:
    item = PlanItem.get_or_none(PlanItem.id == item_id)
    if item is None:
        raise NotFound("Không tìm thấy mục này trong kế hoạch; có thể đã bị xóa.")
    return item


# --- items -------------------------------------------------------------------------------------
def validate_item(data: ItemInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not clean(data.title) and not clean(data.body):
        problems["title"] = "Chưa nhập nội dung của mục."
    schedule = data.schedule
    if schedule.kind is ScheduleKind.MONTHS and not schedule.months:
        problems["schedule"] = "Chưa chọn tháng thực hiện."
    if schedule.kind is ScheduleKind.RANGE:
        if schedule.date_from is None or schedule.date_to is None:
            problems["schedule"] = "Chưa nhập đủ ngày bắt đầu và ngày kết thúc."
        elif schedule.date_from > schedule.date_to:
            problems["schedule"] = "Ngày kết thúc phải sau ngày bắt đầu."
    if data.lead_unit_id is not None and data.lead_unit_id in data.cooperating_unit_ids:
        problems["cooperating"] = "Đơn vị chủ trì không đồng thời là đơn vị phối hợp."
    return problems


def _item_fields(data: ItemInput) -> dict[str, Any]:
    raise_first(validate_item(data))
    return {
        "kind": data.kind,
        "child_numbering": data.child_numbering,
        "title": data.title,
        "body": "\n".join(line.rstrip() for line in data.body.splitlines() if line.strip()),
        "content": data.content,
        "lead_text": data.lead_text,
        "timing_text": data.timing_text,
        "field_order": ",".join(f.value for f in data.field_order),
        "is_task": data.is_task,
        "lead_unit": data.lead_unit_id,
        "schedule_kind": data.schedule.kind,
        "schedule_months": months_text(data.schedule.months),
        "date_from": data.schedule.date_from,
        "date_to": data.schedule.date_to,
        "status": data.status,
    }


def item_input(item_id: int) -> ItemInput:
    item = _item(item_id)
    cooperating = tuple(
        u
        for (u,) in PlanItemUnit.select(PlanItemUnit.unit).where(PlanItemUnit.item == item).tuples()
    )
    return ItemInput(
        title=item.title,
        kind=item.kind,
        child_numbering=item.child_numbering,
        body=item.body,
        content=item.content,
        lead_text=item.lead_text,
        timing_text=item.timing_text,
        field_order=tuple(FieldName(f) for f in item.field_order.split(",") if f),
        is_task=item.is_task,
        lead_unit_id=item.lead_unit_id,
        cooperating_unit_ids=cooperating,
        schedule=Schedule(
            item.schedule_kind, parse_months(item.schedule_months), item.date_from, item.date_to
        ),
        status=item.status,
    )


def _siblings(plan_id: int, parent_id: int | None) -> list[PlanItem]:
    query = PlanItem.select().where(PlanItem.plan == plan_id)
    query = query.where(
        PlanItem.parent.is_null() if parent_id is None else PlanItem.parent == parent_id
    )
    return list(query.order_by(PlanItem.position, PlanItem.id))


def _renumber(items: list[PlanItem]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            records.update(item, position=position)


def _set_cooperating(item: PlanItem, unit_ids: tuple[int, ...]) -> None:
    current = {
        link.unit_id: link for link in PlanItemUnit.select().where(PlanItemUnit.item == item)
    }
    for unit_id, link in current.items():
        if unit_id not in unit_ids:
            records.delete(link)
    for unit_id in unit_ids:
        if unit_id not in current:
            if Unit.get_or_none(Unit.id == unit_id) is None:
                raise ValidationError("Đơn vị phối hợp không tồn tại.", field="cooperating")
            records.create(PlanItemUnit, item=item, unit=unit_id)


def add_item(plan_id: int, parent_id: int | None, position: int | None, data: ItemInput) -> int:
    """Insert an item under ``parent_id`` at ``position`` (the end when None); returns its id."""
    _plan(plan_id)
    fields = _item_fields(data)
    with records.transaction():
        siblings = _siblings(plan_id, parent_id)
        index = len(siblings) if position is None else max(0, min(position, len(siblings)))
        item = records.create(PlanItem, plan=plan_id, parent=parent_id, position=index, **fields)
        siblings.insert(index, item)
        _renumber(siblings)
        _set_cooperating(item, data.cooperating_unit_ids)
    return int(item.id)


def update_item(item_id: int, data: ItemInput) -> None:
    item = _item(item_id)
    fields = _item_fields(data)
    with records.transaction():
        records.update(item, **fields)
        _set_cooperating(item, data.cooperating_unit_ids)


def _subtree(item: PlanItem) -> list[PlanItem]:
    out = [item]
    for child in PlanItem.select().where(PlanItem.parent == item).order_by(PlanItem.position):
        out.extend(_subtree(child))
    return out


def links(item_id: int) -> ItemLinks:
    """What points at this item or anything under it (asked before a delete)."""
    ids = [i.id for i in _subtree(_item(item_id))]
    return ItemLinks(
        meetings=Meeting.select().where(Meeting.plan_item.in_(ids)).count(),
        campaigns=Campaign.select().where(Campaign.plan_item.in_(ids)).count(),
        agenda_items=AgendaItem.select().where(AgendaItem.plan_item.in_(ids)).count(),
    )


def delete_item(item_id: int) -> ItemSnapshot:
    """Move the item and its subtree (notes, co-operating units) to the recycle bin; the
    meetings, campaigns and agenda items linked to it lose the link until it comes back."""
    item = _item(item_id)
    plan = item.plan
    with records.transaction():
        snapshot = ItemSnapshot(
            trash_id=trash.discard(
                item, f"Mục kế hoạch năm {plan.year}: {' '.join(item.title.split())[:80]}"
            ),
            plan_id=item.plan_id,
            parent_id=item.parent_id,
            position=item.position,
            item_id=item.id,
        )
        _renumber(_siblings(snapshot.plan_id, snapshot.parent_id))
    return snapshot


def restore_item(snapshot: ItemSnapshot) -> int:
    """Put a deleted subtree back where it was, with its ids, notes, co-operating units, links."""
    with records.transaction():
        siblings = _siblings(snapshot.plan_id, snapshot.parent_id)
        trash.restore(snapshot.trash_id)
        item = PlanItem.get_by_id(snapshot.item_id)
        siblings.insert(min(snapshot.position, len(siblings)), item)
        _renumber(siblings)
    return snapshot.item_id


# --- moving ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Place:
    parent_id: int | None
    position: int


def place_of(item_id: int) -> Place:
    item = _item(item_id)
    return Place(item.parent_id, item.position)


def move_item(item_id: int, to: Place) -> Place:
    """Move the item (with its subtree) to ``to``; returns where it was, for undo."""
    item = _item(item_id)
    before = Place(item.parent_id, item.position)
    if to.parent_id is not None and to.parent_id in {i.id for i in _subtree(item)}:
        raise ValidationError("Không thể chuyển một mục vào bên trong chính nó.")
    with records.transaction():
        old = [s for s in _siblings(item.plan_id, item.parent_id) if s.id != item.id]
        _renumber(old)
        if to.parent_id != item.parent_id:
            records.update(item, parent=to.parent_id)
        new = [s for s in _siblings(item.plan_id, to.parent_id) if s.id != item.id]
        new.insert(max(0, min(to.position, len(new))), item)
        _renumber(new)
    return before


def target_for(item_id: int, action: str) -> Place | None:
    """Where "up", "down", "indent" or "outdent" would put the item; None when it cannot."""
    item = _item(item_id)
    siblings = _siblings(item.plan_id, item.parent_id)
    index = [s.id for s in siblings].index(item.id)
    if action == "up":
        return Place(item.parent_id, index - 1) if index > 0 else None
    if action == "down":
        return Place(item.parent_id, index + 1) if index < len(siblings) - 1 else None
    if action == "indent":
        if index == 0 or item.kind is ItemKind.SECTION:
            return None
        new_parent = siblings[index - 1]
        return Place(new_parent.id, len(_siblings(item.plan_id, new_parent.id)))
    if action == "outdent":
        parent = item.parent
        if parent is None or parent.parent_id is None:
            return None  # sections stay at the top, items stay inside a section
        return Place(parent.parent_id, parent.position + 1)
    raise ValueError(action)


# --- progress notes ----------------------------------------------------------------------------
def notes_of(item_id: int) -> list[NoteRow]:
    return [
        NoteRow(n.id, n.noted_on, n.text)
        for n in ProgressNote.select()
        .where(ProgressNote.item == item_id)
        .order_by(ProgressNote.noted_on, ProgressNote.id)
    ]


def add_note(item_id: int, noted_on: date, text: str) -> int:
    _item(item_id)
    if not clean(text):
        raise ValidationError("Chưa nhập nội dung tiến độ.", field="text")
    return int(records.create(ProgressNote, item=item_id, noted_on=noted_on, text=text).id)


def delete_note(note_id: int) -> None:
    note = ProgressNote.get_or_none(ProgressNote.id == note_id)
    if note is not None:
        records.delete(note)
