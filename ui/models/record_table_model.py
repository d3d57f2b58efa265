"""A table model over a list of plain rows, described by column specifications.

Sorting happens here, in Python, on each column's raw sort value (dates, numbers,
Vietnamese collation keys), because a QSortFilterProxyModel that asks Python for
every comparison takes seconds on 40,000 rows; the proxy forwards sort() here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    width: int = 120
    align_right: bool = False


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are immutable dataclasses from app/; each has a folded ``search_key``."""

    columns: Sequence[Column[R]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._sort_cache: dict[int, list[Any]] = {}

    # --- Qt overrides -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.text(row)
            return text if len(text) > 40 else None
        if role == SORT_ROLE:
            value = column.sort(row) if column.sort else column.text(row)
            return value if isinstance(value, int | float | str) else str(value)
        if role == ROW_ROLE:
            return row
        if role == SEARCH_ROLE:
            return getattr(row, "search_key", "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self._rows:
            return
        keys = self._sort_keys(column)
        order_index = sorted(
            range(len(self._rows)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutAboutToBeChanged.emit()
        new_position = {old: new for new, old in enumerate(order_index)}
        persistent = self.persistentIndexList()
        self._rows = [self._rows[i] for i in order_index]
        self._sort_cache = {c: [k[i] for i in order_index] for c, k in self._sort_cache.items()}
        self.changePersistentIndexList(
            persistent,
            [self.index(new_position[p.row()], p.column()) for p in persistent],
        )
        self.layoutChanged.emit()

    # --- ours ---------------------------------------------------------------------
    def _sort_keys(self, column: int) -> list[Any]:
        if column not in self._sort_cache:
            spec = self.columns[column]
            get = spec.sort or spec.text
            self._sort_cache[column] = [_none_last(get(row)) for row in self._rows]
        return self._sort_cache[column]

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_cache = {}
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def search_keys(self) -> list[str]:
        return [getattr(r, "search_key", "") for r in self._rows]

    def find_row(self, predicate: Callable[[R], bool]) -> int:
        for i, row in enumerate(self._rows):
            if predicate(row):
                return i
        return -1
