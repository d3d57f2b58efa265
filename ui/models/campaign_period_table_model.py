"""Table model of a campaign's reporting periods, with each period's state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.campaign_reports import PeriodRow, PeriodState
from ui.models.campaign_table_model import DUE, OVERDUE
from ui.models.columns import date_sort, date_text, text_sort
from ui.models.record_table_model import Column, Index, RecordTableModel

_ORDER = {s: i for i, s in enumerate(PeriodState)}


class CampaignPeriodTableModel(RecordTableModel[PeriodRow]):
    COL_PERIOD, COL_STATE, COL_FROM, COL_TO, COL_REPORTED, COL_RESULTS = range(6)
    columns = (
        Column(
            "Kỳ báo cáo",
            lambda r: r.label,
            sort=lambda r: f"{r.period_year:04d}{r.period_index:02d}",
            width=150,
        ),
        Column(
            "Tình trạng", lambda r: r.state.label, sort=lambda r: str(_ORDER[r.state]), width=120
        ),
        Column(
            "Từ ngày", lambda r: date_text(r.start), sort=lambda r: date_sort(r.start), width=90
        ),
        Column("Đến ngày", lambda r: date_text(r.end), sort=lambda r: date_sort(r.end), width=90),
        Column(
            "Ngày báo cáo",
            lambda r: date_text(r.reported_on),
            sort=lambda r: date_sort(r.reported_on),
            width=100,
        ),
        Column(
            "Kết quả",
            lambda r: " ".join(r.results.split()),
            sort=lambda r: text_sort(r.results),
            width=420,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            state = self.row_at(index.row()).state
            if state == PeriodState.OVERDUE:
                return OVERDUE
            if state == PeriodState.DUE:
                return DUE
            return None
        return super().data(index, role)
