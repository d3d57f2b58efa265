"""Undoable changes of a list of records (QUndoStack): an edit or a creation, read back from the
audit log (app/undo.py), and a delete into the recycle bin.

An action is carried out once before its command is pushed (here and in ui/plan_commands.py,
whose commands derive from ListCommand), so the command's first redo() is skipped; a refused undo or redo (AppError) reports the error and
makes the command obsolete (the stack drops it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from app import undo
from app.errors import AppError

ErrorSink = Callable[[AppError], None]


class ListCommand(QUndoCommand):
    def __init__(self, text: str, row_id: int | None, on_error: ErrorSink) -> None:
        super().__init__(text)
        self.on_error = on_error
        self.row_id = row_id  # the record to select once the list reloads
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except AppError as error:
            self.setObsolete(True)
            self.on_error(error)

    def apply(self) -> None:
        """Do the action again (redo after an undo)."""

    def revert(self) -> None:
        """Undo the action."""


class ChangeCommand(ListCommand):
    """An edit (old values back) or a creation (into the recycle bin)."""

    def __init__(self, change: undo.Change, on_error: ErrorSink) -> None:
        super().__init__(change.label, change.row_id, on_error)
        self.change = change

    def apply(self) -> None:
        self.change = undo.redo(self.change)

    def revert(self) -> None:
        self.change = undo.undo(self.change)


class DeleteCommand(ListCommand):
    """A delete into the recycle bin: undone by restoring, redone by deleting again."""

    def __init__(
        self,
        text: str,
        row: Any,
        restore: Callable[[], int],
        remove: Callable[[Any], Callable[[], int]],
        on_error: ErrorSink,
    ) -> None:
        super().__init__(text, getattr(row, "id", None), on_error)
        self.row = row
        self.restore = restore
        self.remove = remove

    def apply(self) -> None:
        self.restore = self.remove(self.row)

    def revert(self) -> None:
        self.row_id = self.restore()
