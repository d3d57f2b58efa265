"""Table model of the plan's items, in document order."""

from __future__ import annotations

from app.plan import PlanItemRow
from ui.models.columns import label, text_sort
from ui.models.record_table_model import Column, RecordTableModel


def _title(row: PlanItemRow) -> str:
    indent = "    " * row.depth
    return f"{indent}{row.label} {row.title}".rstrip()


def _status(row: PlanItemRow) -> str:
    return label(row.status) if row.is_task else ""


class PlanTableModel(RecordTableModel[PlanItemRow]):
    COL_TITLE, COL_LEAD, COL_TIMING, COL_SCHEDULE, COL_STATUS = range(5)
    columns = (
        Column("Nội dung", _title, sort=lambda r: r.order, width=520),
        Column(
            "Chủ trì",
            lambda r: r.lead_unit or r.lead_text,
            sort=lambda r: text_sort(r.lead_unit or r.lead_text),
            width=220,
        ),
        Column("Thời gian thực hiện", lambda r: r.timing_text, width=200),
        Column("Lịch", lambda r: label(r.schedule_kind) if r.is_task else "", width=120),
        Column("Trạng thái", _status, width=120),
    )
