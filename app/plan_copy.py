"""“Tạo kế hoạch năm sau”: a plan copied into the next year, shown for review, then saved."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app import records
from app.errors import ValidationError
from app.plan import number_label
from app.plan_edit import ItemInput, PlanHeader, add_item, header_fields, header_of, item_input
from app.schedule import months_in_year, shifted
from db.enums import Numbering, TaskStatus
from db.models import Plan, PlanItem


@dataclass(frozen=True)
class DraftItem:
    key: int  # the source item's id, to rebuild the tree
    parent_key: int | None
    position: int
    data: ItemInput


@dataclass(frozen=True)
class PlanDraft:
    source_year: int
    year: int
    header: PlanHeader
    items: tuple[DraftItem, ...]  # parents before children


def _next_year_text(text: str, year: int) -> str:
    """Every standalone mention of the year moves on by one ("năm 2024" → "năm 2025")."""
    return re.sub(rf"(?<!\d){year}(?!\d)", str(year + 1), text)


def next_year_draft(plan_id: int) -> PlanDraft:
    plan = Plan.get_by_id(plan_id)
    year = plan.year
    header = header_of(plan_id)
    header = replace(
        header,
        number="",
        issued_on=None,
        title=_next_year_text(header.title, year),
    )
    items: list[DraftItem] = []

    def walk(parent_id: int | None) -> None:
        query = PlanItem.select().where(PlanItem.plan == plan_id)
        query = query.where(
            PlanItem.parent.is_null() if parent_id is None else PlanItem.parent == parent_id
        )
        for item in query.order_by(PlanItem.position, PlanItem.id):
            data = item_input(item.id)
            data = replace(
                data,
                title=_next_year_text(data.title, year),
                body=_next_year_text(data.body, year),
                content=_next_year_text(data.content, year),
                timing_text=_next_year_text(data.timing_text, year),
                schedule=shifted(data.schedule, 1),
                status=TaskStatus.NOT_STARTED,
            )
            items.append(DraftItem(item.id, parent_id, item.position, data))
            walk(item.id)

    walk(None)
    return PlanDraft(year, year + 1, header, tuple(items))


def save_draft(draft: PlanDraft) -> int:
    """Write the reviewed draft as the plan of ``draft.year``; returns the new plan's id."""
    if Plan.get_or_none(Plan.year == draft.year) is not None:
        raise ValidationError(f"Đã có kế hoạch năm {draft.year}; không tạo thêm.")
    with records.transaction():
        plan = records.create(Plan, year=draft.year, **header_fields(draft.header))
        new_ids: dict[int, int] = {}
        for item in draft.items:
            parent = new_ids[item.parent_key] if item.parent_key is not None else None
            new_ids[item.key] = add_item(plan.id, parent, None, item.data)
    return int(plan.id)


def draft_lines(draft: PlanDraft) -> list[str]:
    """The draft as numbered lines with its schedule, for the operator to review before saving."""
    children: dict[int | None, list[DraftItem]] = {}
    for item in draft.items:
        children.setdefault(item.parent_key, []).append(item)
    lines = [draft.header.doc_type, *draft.header.title.splitlines(), ""]

    def walk(key: int | None, style: Numbering, parent_number: str, depth: int) -> None:
        for index, item in enumerate(children.get(key, []), start=1):
            label, number = number_label(style, index, parent_number)
            title = " ".join((item.data.title or item.data.body).split())
            line = f"{'    ' * depth}{label} {title}"
            if item.data.is_task:
                months = months_in_year(item.data.schedule, draft.year)
                when = item.data.timing_text or ", ".join(f"T{m}" for m in months) or "—"
                line += f"   [{when}]"
            lines.append(line)
            walk(item.key, item.data.child_numbering, number, depth + 1)

    walk(None, Numbering.ROMAN, "", 0)
    return lines
