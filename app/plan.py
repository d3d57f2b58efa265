"""The annual plan: its tree numbered as the document is, as rows for the tab and as text lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.errors import NotFound
from app.schedule import Schedule, is_due_in_month, is_overdue, months_in_year
from app.vntext import alpha, roman
from db.enums import FieldName, ItemKind, Numbering, ScheduleKind, TaskStatus
from db.models import Plan, PlanItem, PlanItemUnit, ProgressNote, Unit


@dataclass(frozen=True)
class PlanItemRow:
    id: int
    parent_id: int | None
    depth: int
    order: int  # position in document order
    label: str  # "I.", "1.", "a)", "5.1."
    path: str  # "II.5.2" — the full number, for the list
    kind: ItemKind
    title: str
    body: str
    content: str
    lead_text: str
    lead_unit: str
    timing_text: str
    field_order: tuple[FieldName, ...]
    is_task: bool
    schedule_kind: ScheduleKind
    schedule_months: tuple[int, ...]
    date_from: date | None
    date_to: date | None
    status: TaskStatus
    search_key: str
    months: tuple[int, ...] = ()  # months of the plan's year the task falls in (timeline)
    overdue: bool = False
    due_this_month: bool = False
    cooperating: tuple[str, ...] = ()
    note_count: int = 0


@dataclass(frozen=True)
class PlanDoc:
    id: int
    year: int
    number: str
    symbol: str
    issued_on: date | None
    doc_type: str
    title: str
    recipients: tuple[str, ...]
    signer_authority: str
    signer_title: str
    signer_name: str
    items: tuple[PlanItemRow, ...]


def number_label(style: Numbering, index: int, parent_number: str) -> tuple[str, str]:
    """(label as printed, bare number for children's dotted labels)."""
    if style is Numbering.ROMAN:
        return f"{roman(index)}.", roman(index)
    if style is Numbering.ARABIC:
        return f"{index}.", str(index)
    if style is Numbering.ALPHA:
        return f"{alpha(index)})", alpha(index)
    if style is Numbering.DOTTED:
        number = f"{parent_number}.{index}"
        return f"{number}.", number
    return "", ""


def _months(text: str) -> tuple[int, ...]:
    return tuple(int(m) for m in text.split(",") if m.strip().isdigit())


def plan_years() -> list[int]:
    return [p.year for p in Plan.select(Plan.year).order_by(Plan.year)]


def load_plan(year: int, today: date | None = None) -> PlanDoc | None:
    plan = Plan.get_or_none(Plan.year == year)
    return None if plan is None else plan_doc(plan.id, today)


def plan_doc(plan_id: int, today: date | None = None) -> PlanDoc:
    """The plan as rows in document order; overdue and due-this-month are judged on ``today``."""
    plan = Plan.get_or_none(Plan.id == plan_id)
    if plan is None:
        raise NotFound("Không tìm thấy kế hoạch.")
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}
    cooperating: dict[int, list[str]] = {}
    for item_id, unit_id in (
        PlanItemUnit.select(PlanItemUnit.item, PlanItemUnit.unit)
        .join(PlanItem)
        .where(PlanItem.plan == plan)
        .tuples()
    ):
        cooperating.setdefault(item_id, []).append(units.get(unit_id, ""))
    note_counts: dict[int, int] = {}
    for (item_id,) in (
        ProgressNote.select(ProgressNote.item).join(PlanItem).where(PlanItem.plan == plan).tuples()
    ):
        note_counts[item_id] = note_counts.get(item_id, 0) + 1
    month_start = date(today.year, today.month, 1) if today else None
    children: dict[int | None, list[PlanItem]] = {}
    for item in (
        PlanItem.select().where(PlanItem.plan == plan).order_by(PlanItem.position, PlanItem.id)
    ):
        children.setdefault(item.parent_id, []).append(item)
    rows: list[PlanItemRow] = []

    def walk(
        parent_id: int | None, style: Numbering, parent_number: str, parent_path: str, depth: int
    ) -> None:
        for index, item in enumerate(children.get(parent_id, []), start=1):
            label, number = number_label(style, index, parent_number)
            schedule = Schedule(
                item.schedule_kind, _months(item.schedule_months), item.date_from, item.date_to
            )
            months = months_in_year(schedule, plan.year) if item.is_task else ()
            bare = label.rstrip(".)")
            if style is Numbering.DOTTED:
                bare = str(index)
            path = f"{parent_path}.{bare}" if parent_path else bare
            rows.append(
                PlanItemRow(
                    id=item.id,
                    parent_id=item.parent_id,
                    depth=depth,
                    order=len(rows),
                    label=label,
                    path=path,
                    kind=item.kind,
                    title=item.title,
                    body=item.body,
                    content=item.content,
                    lead_text=item.lead_text,
                    lead_unit=units.get(item.lead_unit_id, "") if item.lead_unit_id else "",
                    timing_text=item.timing_text,
                    field_order=tuple(FieldName(f) for f in item.field_order.split(",") if f),
                    is_task=item.is_task,
                    schedule_kind=item.schedule_kind,
                    schedule_months=_months(item.schedule_months),
                    date_from=item.date_from,
                    date_to=item.date_to,
                    status=item.status,
                    search_key=item.search_key,
                    months=months,
                    overdue=bool(
                        item.is_task
                        and today
                        and is_overdue(schedule, item.status, plan.year, today)
                    ),
                    due_this_month=bool(
                        item.is_task
                        and month_start
                        and is_due_in_month(schedule, plan.year, month_start)
                    ),
                    cooperating=tuple(cooperating.get(item.id, ())),
                    note_count=note_counts.get(item.id, 0),
                )
            )
            walk(item.id, item.child_numbering, number, path, depth + 1)

    walk(None, Numbering.ROMAN, "", "", 0)
    return PlanDoc(
        id=plan.id,
        year=plan.year,
        number=plan.number,
        symbol=plan.symbol,
        issued_on=plan.issued_on,
        doc_type=plan.doc_type,
        title=plan.title,
        recipients=tuple(line for line in plan.recipients.splitlines() if line.strip()),
        signer_authority=plan.signer_authority,
        signer_title=plan.signer_title,
        signer_name=plan.signer_name,
        items=tuple(rows),
    )


def field_value(row: PlanItemRow, name: FieldName) -> str:
    return {
        FieldName.CONTENT: row.content,
        FieldName.LEAD: row.lead_text,
        FieldName.TIMING: row.timing_text,
    }[name]


def item_lines(row: PlanItemRow) -> list[str]:
    """The item as the document prints it: heading, labelled fields in order, body lines."""
    lines = [f"{row.label} {row.title}".strip()]
    for name in row.field_order:
        value = field_value(row, name)
        if value:
            lines.append(f"- {name.label}: {value}")
    lines.extend(line for line in row.body.splitlines() if line.strip())
    return lines


def plan_lines(doc: PlanDoc) -> list[str]:
    """The plan's text, line by line, in document order (what the printed plan says)."""
    lines = [doc.doc_type, *doc.title.splitlines()]
    for row in doc.items:
        lines.extend(item_lines(row))
    lines.append("Nơi nhận:")
    lines.extend(f"- {r}" for r in doc.recipients)
    if doc.signer_authority:
        lines.append(doc.signer_authority)
    lines.extend(x for x in (doc.signer_title, doc.signer_name) if x)
    return lines
