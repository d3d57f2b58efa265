"""Table model of an import's preview: each row of the file with its status and reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.award_import import ImportRow, RowStatus
from ui.models.columns import label
from ui.models.record_table_model import Column, Index, RecordTableModel

STATUS_COLOURS = {
    RowStatus.ACCEPTED: QColor("#e6f4ea"),
    RowStatus.CONFIRM: QColor("#fff4ce"),
    RowStatus.REJECTED: QColor("#fde7e9"),
}
STATUS_ORDER = {RowStatus.REJECTED: 0, RowStatus.CONFIRM: 1, RowStatus.ACCEPTED: 2}


def _match_text(row: ImportRow) -> str:
    if row.recipient_label or not row.candidates:
        return row.recipient_label
    if len(row.candidates) == 1:
        return f"{row.candidates[0].label}?"
    return f"{len(row.candidates)} gợi ý — chọn một"


class ImportPreviewTableModel(RecordTableModel[ImportRow]):
    COL_ROW, COL_STATUS, COL_KIND, COL_NAME, COL_MATCH, COL_AWARD, COL_YEAR, COL_REASON = range(8)
    columns = (
        Column(
            "Dòng",
            lambda r: str(r.row_number),
            sort=lambda r: r.row_number,
            width=45,
            align_right=True,
        ),
        Column(
            "Trạng thái", lambda r: r.status.label, sort=lambda r: STATUS_ORDER[r.status], width=100
        ),
        Column("Đối tượng", lambda r: label(r.recipient_kind), width=75),
        Column("Tên trong tệp", lambda r: r.name_text, width=170),
        Column("Khớp với", _match_text, width=210),
        Column("Danh hiệu, hình thức", lambda r: r.award_name or r.award_text, width=190),
        Column(
            "Năm",
            lambda r: "" if r.year is None else str(r.year),
            sort=lambda r: r.year or 0,
            width=50,
            align_right=True,
        ),
        Column("Lý do, ghi chú", lambda r: r.reason_text, width=320),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if 0 <= index.row() < self.rowCount():
                return STATUS_COLOURS[self.row_at(index.row()).status]
            return None
        return super().data(index, role)
