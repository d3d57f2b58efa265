"""Table models of an import's preview: each row of the file with its status and reason
(a proposal list, a list of yearly ratings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.award_import import ImportRow
from app.list_import import ListRow, RowStatus
from app.rating_import import RatingRow
from db.enums import Discipline
from ui.models.columns import label
from ui.models.record_table_model import Column, Index, RecordTableModel

STATUS_COLOURS = {
    RowStatus.ACCEPTED: QColor("#e6f4ea"),
    RowStatus.CONFIRM: QColor("#fff4ce"),
    RowStatus.REJECTED: QColor("#fde7e9"),
}
STATUS_ORDER = {RowStatus.REJECTED: 0, RowStatus.CONFIRM: 1, RowStatus.ACCEPTED: 2}


def _match_text(row: ListRow) -> str:
    if row.recipient_label or not row.candidates:
        return row.recipient_label
    if len(row.candidates) == 1:
        return f"{row.candidates[0].label}?"
    return f"{len(row.candidates)} gợi ý — chọn một"


def _year_column(width: int = 50) -> Column[Any]:
    return Column(
        "Năm",
        lambda r: "" if r.year is None else str(r.year),
        sort=lambda r: r.year or 0,
        width=width,
        align_right=True,
    )


def preview_columns(*middle: Column[Any]) -> tuple[Column[Any], ...]:
    """Row, status, recipient as written and as matched, then ``middle``, then the reason."""
    return (
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
        *middle,
        Column("Lý do, ghi chú", lambda r: r.reason_text, width=320),
    )


class ListPreviewTableModel(RecordTableModel[Any]):
    """Rows coloured by status: accepted, to confirm, rejected."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if 0 <= index.row() < self.rowCount():
                return STATUS_COLOURS[self.row_at(index.row()).status]
            return None
        return super().data(index, role)


class ImportPreviewTableModel(ListPreviewTableModel):
    COL_ROW, COL_STATUS, COL_KIND, COL_NAME, COL_MATCH, COL_AWARD, COL_YEAR, COL_REASON = range(8)
    columns = preview_columns(
        Column[ImportRow](
            "Danh hiệu, hình thức", lambda r: r.award_name or r.award_text, width=190
        ),
        _year_column(),
    )


def _rating_text(row: RatingRow) -> str:
    return row.rating_text if row.status is RowStatus.REJECTED else row.rating_label


def _discipline_text(row: RatingRow) -> str:
    """Blank when none (or when the file has no such column)."""
    return "" if row.discipline in (None, Discipline.NONE) else row.discipline.label


class RatingPreviewTableModel(ListPreviewTableModel):
    COL_ROW, COL_STATUS, COL_KIND, COL_NAME, COL_MATCH, COL_YEAR, COL_RATING = range(7)
    COL_DISCIPLINE, COL_REASON = 7, 8
    columns = preview_columns(
        _year_column(),
        Column[RatingRow]("Xếp loại", _rating_text, width=205),
        Column[RatingRow]("Kỷ luật", _discipline_text, width=85),
    )
