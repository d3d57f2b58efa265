"""Thùng rác: deleted records, put back with what was deleted with them, or removed for good."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from app import trash
from app.errors import AppError
from ui import messages
from ui.dialogs.sizing import fit_to_screen
from ui.models.record_table_model import Column, RecordTableModel
from ui.tabs.list_tab import RecordListTab


class TrashTableModel(RecordTableModel[trash.TrashRow]):
    columns = (
        Column(
            "Thời điểm xóa",
            lambda r: r.deleted_at.strftime("%d/%m/%Y %H:%M"),
            sort=lambda r: r.deleted_at.isoformat(),
            width=140,
        ),
        Column("Nội dung", lambda r: r.label, width=520),
        Column(
            "Số bản ghi", lambda r: str(r.count), sort=lambda r: r.count, width=90, align_right=True
        ),
    )


class TrashDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Thùng rác")
        self.items = RecordListTab(
            TrashTableModel(),
            lambda _year: trash.trash_rows(),
            tables=frozenset({"trash"}),
            year_scoped=False,
            noun="mục đã xóa",
            parent=self,
        )
        self.restore_button = QPushButton("Khôi phục", self)
        self.purge_button = QPushButton("Xóa vĩnh viễn", self)
        self.empty_button = QPushButton("Dọn sạch thùng rác", self)
        for button in (self.restore_button, self.purge_button, self.empty_button):
            self.items.actions_layout.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty_bin)
        self.items.row_activated.connect(lambda _row: self.restore_selected())
        fit_to_screen(self, 900, 480)

    def restore_selected(self) -> bool:
        row = self.items.selected_row()
        if row is None:
            return False
        try:
            trash.restore(row.id)
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        return True

    def purge_selected(self) -> bool:
        row = self.items.selected_row()
        if row is None or not messages.confirm(
            self,
            "Xóa vĩnh viễn",
            f"Xóa vĩnh viễn “{row.label}”? Không thể khôi phục lại.",
            yes="Xóa vĩnh viễn",
            no="Không",
        ):
            return False
        trash.purge(row.id)
        return True

    def empty_bin(self) -> int:
        count = self.items.model.total_count()
        if not count or not messages.confirm(
            self,
            "Dọn sạch thùng rác",
            f"Xóa vĩnh viễn {count} mục trong thùng rác?",
            yes="Dọn sạch",
            no="Không",
        ):
            return 0
        return trash.empty()
