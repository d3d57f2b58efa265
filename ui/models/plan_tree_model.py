"""Tree model of the plan: sections, items and sub-items as the document numbers them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.plan import PlanItemRow
from app.vntext import fold
from db.enums import ItemKind
from ui.models.record_table_model import ROW_ROLE, SEARCH_ROLE

Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOR = QColor("#b00020")


def status_text(row: PlanItemRow) -> str:
    if not row.is_task:
        return ""
    return f"{row.status.label} — quá hạn" if row.overdue else row.status.label


class PlanTreeModel(QAbstractItemModel):
    COL_TITLE, COL_LEAD, COL_TIMING, COL_STATUS = range(4)
    HEADERS = ("Nội dung", "Chủ trì", "Thời gian thực hiện", "Trạng thái")
    WIDTHS = (470, 200, 200, 170)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, PlanItemRow] = {}
        self._children: dict[int | None, list[int]] = {None: []}

    def set_rows(self, rows: tuple[PlanItemRow, ...] | list[PlanItemRow]) -> None:
        self.beginResetModel()
        self._rows = {r.id: r for r in rows}
        self._children = {None: []}
        for row in rows:  # document order: parents come before their children
            self._children.setdefault(row.parent_id, []).append(row.id)
            self._children.setdefault(row.id, [])
        self.endResetModel()

    def row_for(self, index: Index) -> PlanItemRow | None:
        return self._rows.get(index.internalId()) if index.isValid() else None

    def index_of(self, item_id: int, column: int = 0) -> QModelIndex:
        row = self._rows.get(item_id)
        if row is None:
            return QModelIndex()
        siblings = self._children.get(row.parent_id, [])
        return self.createIndex(siblings.index(item_id), column, item_id)

    def rows(self) -> list[PlanItemRow]:
        return list(self._rows.values())

    # --- Qt overrides -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_id = parent.internalId() if parent.isValid() else None
        children = self._children.get(parent_id, [])
        if not (0 <= row < len(children) and 0 <= column < len(self.HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        row = self._rows.get(child.internalId())
        if row is None or row.parent_id is None:
            return QModelIndex()
        return self.index_of(row.parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        parent_id = parent.internalId() if parent.isValid() else None
        return len(self._children.get(parent_id, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(row, column)
            return text if len(text) > 60 else None
        if role == Qt.ItemDataRole.FontRole and row.kind is ItemKind.SECTION:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and column == self.COL_STATUS:
            return QBrush(OVERDUE_COLOR)
        if role == ROW_ROLE:
            return row
        if role == SEARCH_ROLE:
            return row.search_key
        return None

    def _text(self, row: PlanItemRow, column: int) -> str:
        if column == self.COL_TITLE:
            title = " ".join(row.title.split()) or " ".join(row.body.split())
            return f"{row.label} {title}".strip()
        if column == self.COL_LEAD:
            return row.lead_unit or row.lead_text
        if column == self.COL_TIMING:
            return row.timing_text
        return status_text(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None


class PlanFilterProxy(QSortFilterProxyModel):
    """Keeps items whose text matches every word (marks and case ignored), with their parents;
    optionally only the tasks due this month."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._words: list[str] = []
        self._due_only = False

    def set_filter(self, text: str, due_only: bool) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self._due_only = due_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return bool(self._words) or self._due_only

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if row is None:
            return False
        if self._due_only and not row.due_this_month:
            return False
        key = row.search_key or fold(f"{row.title} {row.body}")
        return all(word in key for word in self._words)
