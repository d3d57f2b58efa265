"""The agenda of a meeting: times follow the order; rows move by drag and drop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from app.meeting_edit import AgendaRow, AttendanceRow
from ui.models.columns import label
from ui.models.record_table_model import Column, RecordTableModel

MIME = "application/x-tdkt-agenda-row"
Index = QModelIndex | QPersistentModelIndex


class AgendaTableModel(RecordTableModel[AgendaRow]):
    """Dropping a row asks ``on_move(item_id, new_position)``; the reload shows the new times."""

    columns = (
        Column(
            "Bắt đầu",
            lambda r: f"{r.starts:%H:%M}" if r.starts else "",
            sort=lambda r: r.position,
            width=70,
        ),
        Column("Nội dung", lambda r: r.title, sort=lambda r: r.position, width=420),
        Column("Người thực hiện", lambda r: r.presenter, width=180),
        Column(
            "Phút",
            lambda r: str(r.duration_minutes),
            sort=lambda r: r.duration_minutes,
            width=50,
            align_right=True,
        ),
        Column("Liên quan", lambda r: r.link, width=260),
    )

    def __init__(self, on_move: Callable[[int, int], None], parent: Any = None) -> None:
        super().__init__(parent)
        self.on_move = on_move

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(MIME, QByteArray(str(self.row_at(indexes[0].row()).id).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        item_id = int(bytes(data.data(MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        current = self.find_row(lambda r: r.id == item_id)
        if current < 0:
            return False
        if current < target:
            target -= 1  # the dragged row leaves its place first
        self.on_move(item_id, target)
        return False  # the database moved it; the reload redraws the list


class AttendanceTableModel(RecordTableModel[AttendanceRow]):
    columns = (
        Column("Họ và tên", lambda r: r.name, width=220),
        Column("Chức danh", lambda r: r.role, width=170),
        Column("Tham dự", lambda r: label(r.status), width=130),
        Column("Lý do vắng", lambda r: r.reason, width=160),
        Column("Phiếu bằng văn bản", lambda r: "Có" if r.written_vote else "", width=130),
    )
