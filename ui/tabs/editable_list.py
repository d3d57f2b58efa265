"""A list whose records are added, edited and deleted (into the recycle bin), with undo and redo
of each of these (Ctrl+Z, Ctrl+Y): an edit puts back the old values read from the audit log
(app/undo.py), a creation goes to the recycle bin, a delete comes back from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QWidget

from app import undo
from app.errors import AppError
from ui import messages
from ui.list_commands import ChangeCommand, DeleteCommand, ListCommand
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
    """A list with Thêm / Sửa / Xóa buttons, their shortcuts, and undo / redo of its changes."""

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
        self.undo_stack = QUndoStack(self)
        self.undo_action = QAction("Hoàn tác", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction("Làm lại", self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        # the arrows, after the count above the list (the tooltip names the step)
        self.undo_action.setIconText("↶ Hoàn tác")
        self.redo_action.setIconText("↷ Làm lại")
        self.undo_button = QToolButton(self)
        self.undo_button.setDefaultAction(self.undo_action)
        self.redo_button = QToolButton(self)
        self.redo_button.setDefaultAction(self.redo_action)
        for action in (self.undo_action, self.redo_action):
            # only where the focus is: lists inside lists keep their own undo
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.history_button = QPushButton("Lịch sử…", self)
        self.history_button.setToolTip("Lịch sử thay đổi của dòng đang chọn (Ctrl+H)")
        self.history_button.setShortcut(QKeySequence("Ctrl+H"))
        steps = QHBoxLayout()  # the two arrows side by side, as one control
        steps.setSpacing(2)
        steps.addWidget(self.undo_button)
        steps.addWidget(self.redo_button)
        self.search_layout.addLayout(steps)  # the button rows of some lists are full already
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
        self.undo_stack.canUndoChanged.connect(self._update_undo_actions)
        self.undo_stack.canRedoChanged.connect(self._update_undo_actions)
        self.undo_stack.undoTextChanged.connect(self._update_undo_actions)
        self.undo_stack.redoTextChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        self._refused = False

    def host_undo_actions(self, *widgets: QWidget) -> None:
        """Ctrl+Z and Ctrl+Y act where the focus is in ``widgets`` rather than anywhere in the
        list (a list holding other lists: their keys stay theirs). Not the Hoàn tác / Làm lại
        buttons: a tool button given a second action draws a menu arrow."""
        for action in (self.undo_action, self.redo_action):
            self.removeAction(action)
            for widget in widgets:
                widget.addAction(action)

    def _update_undo_actions(self, *_: object) -> None:
        can_undo, can_redo = self.undo_stack.canUndo(), self.undo_stack.canRedo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        undo_tip = (
            f"Hoàn tác: {self.undo_stack.undoText()} (Ctrl+Z)"
            if can_undo
            else "Không có gì để hoàn tác (Ctrl+Z)"
        )
        redo_tip = (
            f"Làm lại: {self.undo_stack.redoText()} (Ctrl+Y)"
            if can_redo
            else "Không có gì để làm lại (Ctrl+Y)"
        )
        for action, tip in ((self.undo_action, undo_tip), (self.redo_action, redo_tip)):
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _on_command_error(self, error: AppError) -> None:
        self._refused = True
        messages.show_app_error(self, error)
        self.mark_stale()

    def _step(self, forward: bool) -> None:
        stack = self.undo_stack
        if not (stack.canRedo() if forward else stack.canUndo()):
            return
        command = stack.command(stack.index() if forward else stack.index() - 1)
        text = command.text()
        self._refused = False
        stack.redo() if forward else stack.undo()
        if self._refused:
            return
        row_id = command.row_id if isinstance(command, ListCommand) else None
        if row_id is not None:
            self.select_after_load(lambda r: getattr(r, "id", None) == row_id)
        kept = getattr(getattr(command, "change", None), "kept", "")
        note = f" ({kept})" if kept else ""
        self.status_message.emit(f"Đã {'làm lại' if forward else 'hoàn tác'}: {text}{note}.")

    def undo(self) -> None:
        """Take back the last change made from this list (Ctrl+Z)."""
        self._step(forward=False)

    def redo(self) -> None:
        """Make again the last change undone (Ctrl+Y)."""
        self._step(forward=True)

    def undo_delete(self) -> None:
        """The name undo had when it took back only a delete."""
        self.undo()

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
        since = undo.mark()
        try:
            saved = self.editor.save(row, data)
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.select_after_load(lambda r: r.id == saved.id)
        change = (
            undo.recorded(self.editor.table, saved.id, since)
            if self.editor.table in undo.SCOPES
            else None
        )
        if change is not None:
            self.undo_stack.push(ChangeCommand(change, self._on_command_error))
            self.status_message.emit(f"Đã {change.label}. Nhấn Ctrl+Z để hoàn tác.")
            return
        name = getattr(saved, "full_name", None) or getattr(saved, "name", "")
        self.status_message.emit(f"Đã lưu {name}." if name else "Đã lưu.")

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
        self.deleted(row, name, restore)

    def deleted(self, row: Any, name: str, restore: Callable[[], int]) -> None:
        """A row went to the recycle bin: Ctrl+Z puts it back, Ctrl+Y deletes it again."""
        command = DeleteCommand(
            f"xóa {name}", row, restore, self.editor.remove, self._on_command_error
        )
        self.undo_stack.push(command)
        self.status_message.emit(f"Đã xóa {name}. Nhấn Ctrl+Z để hoàn tác.")
