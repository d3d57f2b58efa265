"""Table model of the proposals a decision may grant, ticked in its first column.

(A QListWidget of checkable items was the first try. PySide6 6.12.0 on Python 3.11 drops a
reference to None on every call of a method returning nothing (6.11.2 does not; None is
immortal from Python 3.12): filling a list item by item made thousands of such calls and
crashed the process. A model makes a handful of calls whatever its size.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal

from app.decisions import CandidateRow
from db.enums import AwardLevel
from ui.models.columns import label, name_sort, text_sort
from ui.models.record_table_model import Column, Index, RecordTableModel

CHECK = Qt.ItemDataRole.CheckStateRole


class CandidateTableModel(RecordTableModel[CandidateRow]):
    checked_changed = Signal()
    COL_TICK = 0
    columns = (
        Column("Khen", lambda r: "", sort=lambda r: 0, width=50),
        Column(
            "Cá nhân, tập thể",
            lambda r: r.recipient_name,
            sort=lambda r: name_sort(r.recipient_name),
            width=200,
        ),  # fmt: skip
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=200),
        Column(
            "Danh hiệu, hình thức",
            lambda r: r.award_name,
            sort=lambda r: text_sort(r.award_name),
            width=220,
        ),  # fmt: skip
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=50),
        Column("Trạng thái", lambda r: label(r.status), width=120),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.checked: set[int] = set()
        self.level: AwardLevel | None = None

    def usable(self, row: CandidateRow) -> bool:
        """The decision's authority may grant it."""
        return row.award_level == self.level

    def set_level(self, level: AwardLevel | None) -> None:
        """Another authority: what it may not grant is greyed and unticked."""
        self.beginResetModel()
        self.level = level
        usable = {r.id for r in self._all if self.usable(r)}
        self.checked &= usable
        self.endResetModel()
        self.checked_changed.emit()

    def set_checked(self, ids: Iterable[int], checked: bool = True) -> None:
        usable = {r.id for r in self._all if self.usable(r)}
        wanted = set(ids) & usable
        self.checked = self.checked | wanted if checked else self.checked - wanted
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0), [CHECK])
        self.checked_changed.emit()

    def usable_count(self) -> int:
        return sum(self.usable(r) for r in self._all)  # searched or not

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self.row_at(index.row())
        if not self.usable(row):
            return Qt.ItemFlag.NoItemFlags  # greyed: another authority decides it
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_TICK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self.row_at(index.row())
        if role == CHECK and index.column() == self.COL_TICK and self.usable(row):
            return Qt.CheckState.Checked if row.id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and not self.usable(row):
            return f"“{row.award_name}” do {row.granting_authority} quyết định"
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != CHECK or index.column() != self.COL_TICK or not index.isValid():
            return False
        row = self.row_at(index.row())
        if not self.usable(row):
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(row.id)
        else:
            self.checked.discard(row.id)
        self.dataChanged.emit(index, index, [CHECK])
        self.checked_changed.emit()
        return True
