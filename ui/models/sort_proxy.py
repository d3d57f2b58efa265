"""The sort/filter proxy: filters on folded search keys, forwards sorting to the source model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.vntext import fold
from ui.models.record_table_model import RecordTableModel


class RecordFilterProxy(QSortFilterProxyModel):
    """Search that ignores diacritics and case: every word of the query must occur in the row.

    The match mask is computed once per query over the source's precomputed keys; Qt then
    asks ``filterAcceptsRow`` per row, which only reads the mask.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self._words: list[str] = []
        self._mask: list[bool] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def source(self) -> RecordTableModel[Any]:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self._words = words
        self.beginFilterChange()
        self._rebuild_mask()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def query_words(self) -> list[str]:
        return list(self._words)

    def _rebuild_mask(self) -> None:
        if not self._words:
            self._mask = None
            return
        keys = self.source().search_keys()
        if len(self._words) == 1:
            word = self._words[0]
            self._mask = [word in key for key in keys]
        else:
            words = self._words
            self._mask = [all(w in key for w in words) for key in keys]

    def refresh(self) -> None:
        """After the source rows changed: recompute the mask and reapply the last sort."""
        self.beginFilterChange()
        self._rebuild_mask()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        if self._sort_column >= 0:
            self.sort(self._sort_column, self._sort_order)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        mask = self._mask
        return mask is None or (source_row < len(mask) and mask[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if column < 0:
            return
        self.source().sort(column, order)
        self.beginFilterChange()
        self._rebuild_mask()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
