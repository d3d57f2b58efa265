"""A table model over a list of plain rows, described by column specifications.

Sorting and filtering happen here, in Python, over precomputed keys: the model holds all
rows and presents the ones matching the search, in the chosen order. A QSortFilterProxyModel
that calls into Python per comparison or per row took 6.7 s to sort and up to 190 ms to
filter 40,000 rows; this way sorting takes about 100 ms and filtering under 40 ms. The
proxy (ui/models/sort_proxy.py) stays the one interface the views use and forwards here.
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
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset(
    {_DISPLAY, _TOOLTIP, _ALIGNMENT, int(ROW_ROLE), int(SORT_ROLE), int(SEARCH_ROLE)}
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Presorted(Generic[R]):
    """Rows already ordered by ``column`` (on the worker thread), with their sort keys."""

    rows: list[R]
    column: int
    order: Qt.SortOrder
    keys: list[Any]


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
    """Rows are immutable from app/ (frozen dataclasses, or named tuples for the awards list);
    each has a folded ``search_key``."""

    columns: Sequence[Column[R]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[R] = []  # every row, in the current sort order
        self._rows: list[R] = []  # the rows matching the search, in the same order
        self._words: list[str] = []
        self._sort_cache: dict[int, list[Any]] = {}  # per column, aligned with _all
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    # --- Qt overrides -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell at each paint (font, colours, check
        # state…): the roles answered here are told apart first, as plain ints.
        if role not in _ROLES or not index.isValid():
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._rows):
            return None
        row = self._rows[row_number]
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == _TOOLTIP:
            text = column.text(row)
            return text if len(text) > 40 else None
        if role == SORT_ROLE:
            value = column.sort(row) if column.sort else column.text(row)
            return value if isinstance(value, int | float | str) else str(value)
        if role == ROW_ROLE:
            return row
        if role == SEARCH_ROLE:
            return getattr(row, "search_key", "")
        if role == _ALIGNMENT and column.align_right:
            return _RIGHT
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
        if not 0 <= column < len(self.columns) or not self._all or self._sorted == (column, order):
            return
        keys = self._sort_keys(column)
        order_index = sorted(
            range(len(self._all)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [self._rows[p.row()] if p.row() < len(self._rows) else None for p in persistent]
        self._all = [self._all[i] for i in order_index]
        self._sort_cache = {c: [k[i] for i in order_index] for c, k in self._sort_cache.items()}
        self._rows = self._matching()
        position = {id(row): i for i, row in enumerate(self._rows)}
        self._sorted = (column, order)
        self.changePersistentIndexList(
            persistent,
            [
                self.index(position[id(row)], p.column()) if id(row) in position else QModelIndex()
                for p, row in zip(persistent, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    # --- ours ---------------------------------------------------------------------
    def presorted(self, rows: Sequence[R], column: int, order: Qt.SortOrder) -> Presorted[R]:
        """Rows ordered by a column with their keys: pure Python, safe on a worker thread."""
        if not 0 <= column < len(self.columns):
            return Presorted(list(rows), column, order, [])
        keys = self._column_keys(column, rows)
        order_index = sorted(
            range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder
        )
        return Presorted(
            [rows[i] for i in order_index], column, order, [keys[i] for i in order_index]
        )

    def _column_keys(self, column: int, rows: Sequence[R]) -> list[Any]:
        """A column's sort keys, aligned with ``rows``. Plain values when none is missing
        (comparing them directly sorts 40,000 names in a third of the time); else (is it missing,
        value) pairs, so that missing values come last."""
        spec = self.columns[column]
        get = spec.sort or spec.text
        values = [get(row) for row in rows]
        if any(value is None for value in values):
            return [_none_last(value) for value in values]
        return values

    def _sort_keys(self, column: int) -> list[Any]:
        if column not in self._sort_cache:
            self._sort_cache[column] = self._column_keys(column, self._all)
        return self._sort_cache[column]

    def _matching(self) -> list[R]:
        """The rows whose search key holds every word (the longest, most selective, first)."""
        if not self._words:
            return list(self._all)
        keys = [getattr(r, "search_key", "") for r in self._all]
        indexes: Sequence[int] = range(len(keys))
        for word in sorted(self._words, key=len, reverse=True):
            indexes = [i for i in indexes if word in keys[i]]
        return [self._all[i] for i in indexes]

    def set_rows(self, rows: Sequence[R] | Presorted[R]) -> None:
        """New rows; already in order (and their keys cached) when sorted on the worker thread."""
        self.beginResetModel()
        if isinstance(rows, Presorted):
            self._all = rows.rows
            self._sort_cache = {rows.column: rows.keys} if rows.keys else {}
            self._sorted = (rows.column, rows.order) if rows.keys else None
        else:
            self._all = list(rows)
            self._sort_cache = {}
            self._sorted = None
        self._rows = self._matching()
        self.endResetModel()

    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sorted

    def set_filter(self, words: list[str]) -> None:
        """Show only the rows whose folded search key contains every word."""
        if words == self._words:
            return
        self.beginResetModel()
        self._words = list(words)
        self._rows = self._matching()
        self.endResetModel()

    def rows(self) -> list[R]:
        """The rows shown (matching the search), in order."""
        return list(self._rows)

    def total_count(self) -> int:
        return len(self._all)

    def export_table(self) -> tuple[list[str], list[list[str | int | float | None]]]:
        """The rows shown, as the table shows them; numbers stay numbers for a spreadsheet."""
        headers = [c.header for c in self.columns]
        out: list[list[str | int | float | None]] = []
        for row in self._rows:
            values: list[str | int | float | None] = []
            for column in self.columns:
                raw = column.sort(row) if column.sort else None
                is_number = isinstance(raw, int | float) and not isinstance(raw, bool)
                values.append(raw if is_number else column.text(row).strip())
            out.append(values)
        return headers, out

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def find_row(self, predicate: Callable[[R], bool]) -> int:
        for i, row in enumerate(self._rows):
            if predicate(row):
                return i
        return -1
