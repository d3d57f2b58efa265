"""The twelve-month timeline: one row per task, one column per month, overdue tasks marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.plan import PlanItemRow
from ui.models.plan_tree_model import status_text
from ui.models.record_table_model import ROW_ROLE

Index = QModelIndex | QPersistentModelIndex
SCHEDULED = QColor("#2e7d32")
OVERDUE = QColor("#c62828")
DONE = QColor("#9e9e9e")
CURRENT_MONTH = QColor("#fff3c4")


class TimelineModel(QAbstractTableModel):
    COL_TASK = 0
    MONTH_COLUMNS = range(1, 13)
    COL_STATUS = 13

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanItemRow] = []
        self.current_month = 0  # 1–12 when the shown year is this year

    def set_rows(self, rows: list[PlanItemRow], current_month: int = 0) -> None:
        self.beginResetModel()
        self._rows = [r for r in rows if r.is_task]
        self.current_month = current_month
        self.endResetModel()

    def rows(self) -> list[PlanItemRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 14

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        in_month = column in self.MONTH_COLUMNS and column in row.months
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_TASK:
                return f"{row.path} {' '.join(row.title.split())}"
            if column == self.COL_STATUS:
                return status_text(row)
            return "●" if in_month else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TASK:
            return " ".join(row.title.split())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.MONTH_COLUMNS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (in_month or column == self.COL_STATUS):
            if row.overdue:
                return QBrush(OVERDUE)
            return QBrush(DONE if row.status.value == "done" else SCHEDULED)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.current_month:
            return QBrush(CURRENT_MONTH)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == self.COL_TASK:
            return "Nhiệm vụ"
        if section == self.COL_STATUS:
            return "Trạng thái"
        return f"T{section}" if section in self.MONTH_COLUMNS else None
