"""Table model of emulation campaigns; campaigns with overdue reports are drawn in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.campaigns import CampaignRow
from ui.models.columns import date_sort, date_text, label, text_sort
from ui.models.record_table_model import Column, Index, RecordTableModel

OVERDUE = QColor("#b00020")
DUE = QColor("#9a6700")


class CampaignTableModel(RecordTableModel[CampaignRow]):
    (
        COL_NAME,
        COL_LAUNCHER,
        COL_KIND,
        COL_CADENCE,
        COL_REPORTS,
        COL_LEAD,
        COL_FROM,
        COL_TO,
        COL_STATUS,
        COL_YEAR,
    ) = range(10)
    columns = (
        Column("Tên phong trào", lambda r: r.name, sort=lambda r: text_sort(r.name), width=380),
        Column("Cấp phát động", lambda r: r.launcher_name, width=140),
        Column("Hình thức", lambda r: label(r.kind), width=150),
        Column("Kỳ báo cáo", lambda r: label(r.cadence), width=90),
        Column(
            "Báo cáo kỳ",
            lambda r: r.attention,
            sort=lambda r: (
                f"{99 - min(r.reports_overdue, 99):02d}{99 - min(r.reports_due, 99):02d}"
            ),
            width=300,
        ),
        Column("Đơn vị chủ trì", lambda r: r.lead, sort=lambda r: text_sort(r.lead), width=180),
        Column(
            "Bắt đầu",
            lambda r: date_text(r.date_from),
            sort=lambda r: date_sort(r.date_from),
            width=85,
        ),
        Column(
            "Kết thúc",
            lambda r: date_text(r.date_to),
            sort=lambda r: date_sort(r.date_to),
            width=85,
        ),
        Column("Trạng thái", lambda r: label(r.status), width=115),
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=55, align_right=True),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row.reports_overdue:
                return OVERDUE
            if row.reports_due and index.column() == self.COL_REPORTS:
                return DUE
            return None
        return super().data(index, role)
