"""A list whose records are added, edited and deleted (into the recycle bin, with undo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from app.errors import AppError
from ui import messages
from ui.tabs.list_tab import RecordListTab

if TYPE_CHECKING:
    from ui.dialogs.audit_dialog import HistoryDialog  # imported on the first click


class RecordEditor(Protocol):
    """What an editable list needs to know about its records."""

    table: str  # the database table, for the record's history

    def open_dialog(self, parent: QWidget, row: Any | None) -> Any | None: ...

    def save(self, row: Any | None, data: Any) -> Any: ...

    def remove(self, row: Any) -> Callable[[], int]:
        """Delete the row (into the recycle bin); return the call that puts it back (its id)."""
        ...

    def describe(self, row: Any) -> str: ...


class EditableList(RecordListTab):
    """A list with Thêm / Sửa / Xóa buttons, their shortcuts, and undo of the last delete."""

    status_message = Signal(str)
    empty_hint = "Bấm Thêm (Ctrl+N) để thêm."

    def __init__(self, editor: RecordEditor, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editor = editor
        self.add_button = QPushButton("Thêm", self)
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.add_button.setToolTip("Thêm mới (Ctrl+N)")
        self.edit_button = QPushButton("Sửa", self)
        self.edit_button.setToolTip("Sửa dòng đang chọn (F2, Enter hoặc nhấp đúp)")
        self.delete_button = QPushButton("Xóa", self)
        self.delete_button.setToolTip("Xóa dòng đang chọn (Delete); Ctrl+Z để hoàn tác")
        self.history_button = QPushButton("Lịch sử…", self)
        self.history_button.setToolTip("Lịch sử thay đổi của dòng đang chọn (Ctrl+H)")
        self.history_button.setShortcut(QKeySequence("Ctrl+H"))
        for button in (self.add_button, self.edit_button, self.delete_button, self.history_button):
            self.actions_layout.addWidget(button)
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.show_history)
        self.enable_with_selection(self.edit_button, self.delete_button, self.history_button)
        self.row_activated.connect(lambda _row: self.edit_selected())
        QShortcut(QKeySequence("F2"), self.table, self.edit_selected)
        QShortcut(QKeySequence("Return"), self.table, self.edit_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        self._undo: tuple[str, Callable[[], Any]] | None = None

    def add_record(self) -> None:
        self._edit(None)

    def show_history(self) -> HistoryDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        name = getattr(row, "full_name", None) or getattr(row, "name", "")
        from ui.dialogs.audit_dialog import HistoryDialog

        dialog = HistoryDialog(self.editor.table, row.id, name, self)
        dialog.show()
        return dialog

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._edit(row)

    def _edit(self, row: Any | None) -> None:
        data = self.editor.open_dialog(self, row)
        if data is None:
            return
        try:
            saved = self.editor.save(row, data)
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.select_after_load(lambda r: r.id == saved.id)
        name = getattr(saved, "full_name", None) or getattr(saved, "name", "")
        self.status_message.emit(f"Đã lưu {name}.")

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        name = self.editor.describe(row)
        if not messages.confirm(self, "Xác nhận xóa", f"Xóa {name}?", yes="Xóa", no="Không xóa"):
            return
        try:
            restore = self.editor.remove(row)
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self._undo = (name, restore)
        self.status_message.emit(f"Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.")

    def undo_delete(self) -> None:
        if self._undo is None:
            return
        name, restore = self._undo
        self._undo = None
        try:
            restored_id = restore()
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.select_after_load(lambda r: r.id == restored_id)
        self.status_message.emit(f"Đã hoàn tác việc xóa {name}.")
