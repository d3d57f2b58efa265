"""Small dialogs of the awards tab: a dated step with a note or reason, a dossier reference."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.vntext import clean, has_control_chars
from ui.dialogs.form_dialog import FormDialog


class StepDialog(FormDialog):
    """A date and a note: a status change, a withdrawal (reason required), an override."""

    def __init__(
        self,
        title: str,
        explanation: str,
        on: date,
        *,
        note_label: str = "Ghi chú:",
        required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.required = required
        self.note_label = note_label.rstrip(":")
        self.explanation = QLabel(explanation, self)
        self.explanation.setWordWrap(True)
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day), self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        self.form.addRow(self.explanation)
        self.form.addRow("Ngày:", self.date_edit)
        self.form.addRow(note_label, self.note_edit)
        self.note_edit.textChanged.connect(lambda: self.revalidate(True))
        self.save_button.setText("Đồng ý")
        self.setMinimumWidth(520)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        text = self.note_edit.toPlainText()
        if has_control_chars(text):
            return {"note": "Có ký tự điều khiển không hợp lệ; hãy gõ lại."}
        if self.required and not clean(text):
            return {"note": f"Hãy ghi {self.note_label.lower()}."}
        return {}

    def on(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def note(self) -> str:
        return self.note_edit.toPlainText()


class ReferenceDialog(FormDialog):
    """Where the dossier paper is: its number and date, or the file's path."""

    def __init__(self, title: str, reference: str, parent: QWidget | None = None) -> None:
        super().__init__("Thành phần hồ sơ", parent)
        self.form.addRow(QLabel(title, self))
        self.reference_edit = QLineEdit(reference, self)
        self.reference_edit.setPlaceholderText("VD: Tờ trình số 15/TTr-VP ngày 02/12/2024")
        self.reference_edit.textChanged.connect(lambda _t: self.revalidate(True))
        self.form.addRow("Số văn bản / tệp:", self.reference_edit)
        self.setMinimumWidth(520)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        text = self.reference_edit.text()
        if has_control_chars(text):
            return {"reference": "Có ký tự điều khiển không hợp lệ; hãy gõ lại."}
        if len(clean(text)) > 500:
            return {"reference": "Dài quá 500 ký tự."}
        return {}

    def reference(self) -> str:
        return self.reference_edit.text()
