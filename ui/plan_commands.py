"""Undoable edits of the plan (QUndoStack): each command calls app/ to do and to undo.

An action is carried out once before its command is pushed, so a refused action (AppError)
never reaches the stack; the command's first redo() is then skipped.
"""

from __future__ import annotations

from app import plan_edit
from app.plan_edit import ItemInput, ItemSnapshot, Place, PlanHeader
from ui.list_commands import ErrorSink, ListCommand


class _PlanCommand(ListCommand):
    """Carried out once before it is pushed; refused undo/redo reported (ui/list_commands.py)."""

    def __init__(self, text: str, on_error: ErrorSink) -> None:
        super().__init__(text, None, on_error)
        self.item_id: int | None = None  # the item to select after redo/undo


class AddItemCommand(_PlanCommand):
    def __init__(
        self,
        plan_id: int,
        parent_id: int | None,
        position: int | None,
        data: ItemInput,
        on_error: ErrorSink,
    ) -> None:
        super().__init__("Thêm mục", on_error)
        self.item_id = plan_edit.add_item(plan_id, parent_id, position, data)
        self.snapshot: ItemSnapshot | None = None

    def apply(self) -> None:
        assert self.snapshot is not None
        self.item_id = plan_edit.restore_item(self.snapshot)

    def revert(self) -> None:
        assert self.item_id is not None
        self.snapshot = plan_edit.delete_item(self.item_id)


class EditItemCommand(_PlanCommand):
    def __init__(self, item_id: int, new: ItemInput, on_error: ErrorSink) -> None:
        super().__init__("Sửa mục", on_error)
        self.item_id = item_id
        self.old = plan_edit.item_input(item_id)
        self.new = new
        plan_edit.update_item(item_id, new)

    def apply(self) -> None:
        assert self.item_id is not None
        plan_edit.update_item(self.item_id, self.new)

    def revert(self) -> None:
        assert self.item_id is not None
        plan_edit.update_item(self.item_id, self.old)


class DeleteItemCommand(_PlanCommand):
    def __init__(self, item_id: int, on_error: ErrorSink) -> None:
        super().__init__("Xóa mục", on_error)
        self.item_id = item_id
        self.snapshot = plan_edit.delete_item(item_id)

    def apply(self) -> None:
        assert self.item_id is not None
        self.snapshot = plan_edit.delete_item(self.item_id)

    def revert(self) -> None:
        self.item_id = plan_edit.restore_item(self.snapshot)


class MoveItemCommand(_PlanCommand):
    def __init__(self, item_id: int, to: Place, text: str, on_error: ErrorSink) -> None:
        super().__init__(text, on_error)
        self.item_id = item_id
        self.to = to
        self.back = plan_edit.move_item(item_id, to)

    def apply(self) -> None:
        assert self.item_id is not None
        self.back = plan_edit.move_item(self.item_id, self.to)

    def revert(self) -> None:
        assert self.item_id is not None
        plan_edit.move_item(self.item_id, self.back)


class HeaderCommand(_PlanCommand):
    def __init__(self, plan_id: int, new: PlanHeader, on_error: ErrorSink) -> None:
        super().__init__("Sửa thông tin văn bản", on_error)
        self.plan_id = plan_id
        self.old = plan_edit.header_of(plan_id)
        self.new = new
        plan_edit.save_header(plan_id, new)

    def apply(self) -> None:
        plan_edit.save_header(self.plan_id, self.new)

    def revert(self) -> None:
        plan_edit.save_header(self.plan_id, self.old)


MOVE_TEXTS = {
    "up": "Chuyển lên",
    "down": "Chuyển xuống",
    "indent": "Lùi vào một cấp",
    "outdent": "Lùi ra một cấp",
}
