"""A unit's registration sheet: one row per person, the title chosen for each edited in place
through a combo box (a delegate), instead of a table widget holding a combo box per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.registrations import SheetPerson, TitleChoice

Index = QModelIndex | QPersistentModelIndex
NONE_TEXT = "— Không đăng ký —"
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


class SheetTableModel(QAbstractTableModel):
    COL_NAME, COL_POSITION, COL_TITLE = 0, 1, 2
    HEADERS = ("Họ và tên", "Chức vụ", "Danh hiệu đăng ký")

    def __init__(self, titles: Sequence[TitleChoice], parent: Any = None) -> None:
        super().__init__(parent)
        self.titles = list(titles)
        self._names = {t.id: t.name for t in titles}
        self._people: list[SheetPerson] = []
        self._awards: list[int | None] = []

    def set_people(self, people: Sequence[SheetPerson]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self._awards = [p.award_id for p in people]
        self.endResetModel()

    def awards(self) -> dict[int, int | None]:
        """The title chosen for each person (None: not registering)."""
        return {p.id: award for p, award in zip(self._people, self._awards, strict=True)}

    def set_all(self, award_id: int | None) -> None:
        if not self._people:
            return
        self._awards = [award_id] * len(self._people)
        self.dataChanged.emit(self.index(0, 2), self.index(len(self._people) - 1, 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.COL_TITLE else base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in (DISPLAY, EDIT) or not index.isValid():
            return None
        person, column = self._people[index.row()], index.column()
        if column == self.COL_NAME:
            return person.full_name
        if column == self.COL_POSITION:
            return person.position
        award = self._awards[index.row()]
        if role == EDIT:
            return award
        return self._names.get(award, NONE_TEXT) if award is not None else NONE_TEXT

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != EDIT or index.column() != self.COL_TITLE or not index.isValid():
            return False
        if value is not None and value not in self._names:
            return False
        self._awards[index.row()] = value
        self.dataChanged.emit(index, index)
        return True


class TitleDelegate(QStyledItemDelegate):
    """Edits the title column with a combo box of the titles (and "not registering")."""

    def __init__(self, titles: Sequence[TitleChoice], parent: Any = None) -> None:
        super().__init__(parent)
        self.titles = list(titles)

    def createEditor(  # noqa: N802 (Qt's name)
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(NONE_TEXT, None)
        for t in self.titles:
            combo.addItem(t.name, t.id)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(EDIT))))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), EDIT)


__all__ = ["NONE_TEXT", "SheetTableModel", "TitleDelegate"]
