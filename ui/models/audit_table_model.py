"""Table model of audit log entries."""

from __future__ import annotations

from app.audit import AuditRow
from ui.models.columns import label
from ui.models.record_table_model import Column, RecordTableModel


def _when(row: AuditRow) -> str:
    return row.happened_at.strftime("%d/%m/%Y %H:%M:%S")


def _value(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 120 else one_line[:117] + "…"


class AuditTableModel(RecordTableModel[AuditRow]):
    COL_WHEN, COL_AREA, COL_WHAT, COL_ROW, COL_ACTION, COL_FIELD, COL_OLD, COL_NEW = range(8)
    columns = (
        Column("Thời điểm", _when, sort=lambda r: r.happened_at.isoformat(), width=140),
        Column("Lĩnh vực", lambda r: r.area, width=130),
        Column("Đối tượng", lambda r: r.what, width=150),
        Column("Mã", lambda r: str(r.row_id), sort=lambda r: r.row_id, width=60, align_right=True),
        Column("Thao tác", lambda r: label(r.action), width=70),
        Column("Trường", lambda r: r.field, width=130),
        Column("Giá trị cũ", lambda r: _value(r.old_value), width=220),
        Column("Giá trị mới", lambda r: _value(r.new_value), width=220),
    )
