"""The sort/filter proxy the views use: search and sort requests go to the source model.

Search ignores diacritics and case: every word of the query must occur in the row's folded
key. The source model does the work over precomputed keys (see record_table_model.py for
the measurements that put it there); this proxy keeps the last sort to reapply it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from app.vntext import fold
from ui.models.record_table_model import RecordTableModel


class RecordFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self._words: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def source(self) -> RecordTableModel[Any]:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def set_query(self, text: str) -> None:
        self._words = fold(text).split()
        self.source().set_filter(self._words)

    def query_words(self) -> list[str]:
        return list(self._words)

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def refresh(self) -> None:
        """After the source rows changed: reapply the last sort."""
        if self._sort_column >= 0:
            self.sort(self._sort_column, self._sort_order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if column >= 0:
            self.source().sort(column, order)
