"""Columns that fit the table's width, and a tooltip with the whole text of an elided cell."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

MIN_WIDTH = 60  # a stretched column never narrower: past that the table scrolls


class ElidedTooltipDelegate(QStyledItemDelegate):
    """A cell whose text is cut short (…) shows the whole text as its tooltip."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            text = index.data(Qt.ItemDataRole.DisplayRole)
            own = index.data(Qt.ItemDataRole.ToolTipRole)  # the model's, for long texts
            if isinstance(text, str) and text and not own and elided(view, option, text):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


def elided(view: QAbstractItemView, option: QStyleOptionViewItem, text: str) -> bool:
    margin = 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 1)
    return QFontMetrics(option.font).horizontalAdvance(text) > option.rect.width() - margin


class FitColumns(QObject):
    """The table's columns fill its width without passing it: the fixed ones keep their nominal
    width, the stretched ones (long text) share what is left in proportion to theirs, and elide
    with the whole text in a tooltip. Refitted whenever the table is resized."""

    def __init__(self, table: QTableView, widths: Sequence[int], stretched: Sequence[int]) -> None:
        super().__init__(table)
        self.table = table
        self.widths = list(widths)
        self.stretched = [i for i in stretched if i < len(self.widths)]
        table.horizontalHeader().setStretchLastSection(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setItemDelegate(ElidedTooltipDelegate(table))
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        shown = [i for i in range(len(self.widths)) if not header.isSectionHidden(i)]
        stretched = [i for i in shown if i in self.stretched]
        fixed = sum(self.widths[i] for i in shown if i not in stretched)
        room = max(self.table.viewport().width() - fixed, 0)
        widths = share(room, {i: self.widths[i] for i in stretched}, self._least(stretched))
        for i in shown:
            header.resizeSection(i, widths.get(i, self.widths[i]))

    def _least(self, columns: Sequence[int]) -> dict[int, int]:
        """Each column's least width: its heading read whole (with room for the sort arrow)."""
        header = self.table.horizontalHeader()
        metrics = QFontMetrics(header.font())
        arrow = 16 if header.isSortIndicatorShown() else 0
        pad = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 6 + arrow
        model = self.table.model()
        least = {}
        for i in columns:
            text = model.headerData(i, Qt.Orientation.Horizontal) if model else ""
            least[i] = max(MIN_WIDTH, metrics.horizontalAdvance(str(text or "")) + pad)
        return least


def share(room: int, weights: dict[int, int], least: dict[int, int]) -> dict[int, int]:
    """``room`` shared in proportion to ``weights``, none below its ``least`` (those are given
    their least and the rest shared again among the others); the total passes ``room`` only
    when the least widths together do."""
    widths: dict[int, int] = {}
    left = dict(weights)
    while left:
        space = room - sum(widths.values())
        total = sum(left.values())
        short = {i for i, w in left.items() if space * w // max(total, 1) < least[i]}
        if not short:
            widths.update({i: space * w // max(total, 1) for i, w in left.items()})
            break
        for i in short:
            widths[i] = least[i]
            del left[i]
    return widths


def fit_columns(table: QTableView, widths: Sequence[int], stretched: Sequence[int]) -> FitColumns:
    return FitColumns(table, widths, stretched)
