"""The selected plan item's follow-up: lead, co-operating units, schedule, status, progress notes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import plan_edit
from app.errors import AppError
from app.plan import PlanItemRow
from app.vntext import short_date
from ui import messages
from ui.models.plan_tree_model import status_text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PlanItemDetail(QWidget):
    note_added = Signal(int)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: PlanItemRow | None = None
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes_list = QListWidget(self)
        self.note_date_edit = QDateEdit(self)
        self.note_date_edit.setDisplayFormat("dd/MM/yyyy")
        self.note_date_edit.setCalendarPopup(True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText("Ghi nhận tiến độ, VD: Đã tổ chức phiên họp tháng 3")
        self.add_note_button = QPushButton("Thêm", self)
        self.delete_note_button = QPushButton("Xóa ghi nhận", self)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_date_edit)
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.add_note_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel("<b>Tiến độ thực hiện</b>", self))
        layout.addWidget(self.notes_list, 1)
        layout.addLayout(note_row)
        layout.addWidget(self.delete_note_button, 0, Qt.AlignmentFlag.AlignRight)
        self.add_note_button.clicked.connect(self.add_note)
        self.note_edit.returnPressed.connect(self.add_note)
        self.delete_note_button.clicked.connect(self.delete_note)
        self.show_row(None, today)

    def show_row(self, row: PlanItemRow | None, today: date) -> None:
        self.row = row
        self.note_date_edit.setDate(QDate(today.year, today.month, today.day))
        enabled = row is not None
        for widget in (
            self.note_edit,
            self.add_note_button,
            self.delete_note_button,
            self.note_date_edit,
        ):
            widget.setEnabled(enabled)
        self.notes_list.clear()
        if row is None:
            self.summary_label.setText("<i>Chọn một mục để xem chi tiết và tiến độ.</i>")
            return
        parts = [f"<b>{_escape(row.label)} {_escape(' '.join(row.title.split()))}</b>"]
        if row.lead_unit or row.lead_text:
            parts.append(f"Chủ trì: {_escape(row.lead_unit or row.lead_text)}")
        if row.cooperating:
            parts.append(f"Phối hợp: {_escape(', '.join(row.cooperating))}")
        if row.is_task:
            when = row.timing_text or row.schedule_kind.label
            months = ", ".join(f"T{m}" for m in row.months)
            parts.append(f"Thời gian: {_escape(when)}" + (f" ({months})" if months else ""))
            colour = "#b00020" if row.overdue else "#1b5e20"
            parts.append(
                f"Trạng thái: <span style='color:{colour}'>{_escape(status_text(row))}</span>"
            )
        self.summary_label.setText("<br>".join(parts))
        for note in plan_edit.notes_of(row.id):
            entry = QListWidgetItem(f"{short_date(note.noted_on)}  {note.text}", self.notes_list)
            entry.setData(Qt.ItemDataRole.UserRole, note.id)

    def add_note(self) -> None:
        if self.row is None:
            return
        d = self.note_date_edit.date()
        try:
            plan_edit.add_note(
                self.row.id, date(d.year(), d.month(), d.day()), self.note_edit.text()
            )
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.note_edit.clear()
        self.note_added.emit(self.row.id)

    def delete_note(self) -> None:
        entry = self.notes_list.currentItem()
        if entry is None or self.row is None:
            return
        if messages.confirm(
            self, "Xóa ghi nhận", f"Xóa ghi nhận “{entry.text()}”?", yes="Xóa", no="Không xóa"
        ):
            plan_edit.delete_note(entry.data(Qt.ItemDataRole.UserRole))
            self.note_added.emit(self.row.id)
