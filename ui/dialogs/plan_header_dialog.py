"""The plan's document details: number and symbol, date, type and subject, recipients, signer."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from app import plan_edit
from app.plan_edit import PlanHeader
from ui.dialogs.form_dialog import FormDialog


class PlanHeaderDialog(FormDialog):
    def __init__(self, header: PlanHeader, year: int, parent: QWidget | None = None) -> None:
        super().__init__("Thông tin văn bản kế hoạch", parent)
        self.number_edit = QLineEdit(header.number, self)
        self.number_edit.setPlaceholderText("để trống khi chưa có số")
        self.symbol_edit = QLineEdit(header.symbol, self)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number_edit)
        number_row.addWidget(self.symbol_edit, 2)
        self.number_box = QWidget(self)
        self.number_box.setLayout(number_row)
        self.dated_check = QCheckBox("Đã có ngày ban hành", self)
        self.dated_check.setChecked(header.issued_on is not None)
        self.date_edit = QDateEdit(self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        issued = header.issued_on or date(year, 1, 1)
        self.date_edit.setDate(QDate(issued.year, issued.month, issued.day))
        self.date_edit.setEnabled(self.dated_check.isChecked())
        self.type_edit = QLineEdit(header.doc_type, self)
        self.title_edit = QPlainTextEdit(header.title, self)
        self.title_edit.setTabChangesFocus(True)
        self.title_edit.setFixedHeight(64)
        self.recipients_edit = QPlainTextEdit("\n".join(header.recipients), self)
        self.recipients_edit.setTabChangesFocus(True)
        self.recipients_edit.setPlaceholderText("Mỗi nơi nhận một dòng, VD: Thành viên HĐTĐKT Sở;")
        self.authority_edit = QLineEdit(header.signer_authority, self)
        self.authority_edit.setPlaceholderText("TM., KT., TL., TUQ. … (để trống nếu ký trực tiếp)")
        self.signer_title_edit = QLineEdit(header.signer_title, self)
        self.signer_name_edit = QLineEdit(header.signer_name, self)
        self.form.addRow("Số / ký hiệu:", self.number_box)
        self.form.addRow(self.dated_check, self.date_edit)
        self.form.addRow("Tên loại văn bản:", self.type_edit)
        self.form.addRow("Trích yếu:", self.title_edit)
        self.form.addRow("Nơi nhận:", self.recipients_edit)
        self.form.addRow("Quyền hạn ký:", self.authority_edit)
        self.form.addRow("Chức vụ người ký:", self.signer_title_edit)
        self.form.addRow("Họ và tên người ký:", self.signer_name_edit)
        self.dated_check.toggled.connect(self.date_edit.setEnabled)
        for edit in (
            self.number_edit,
            self.type_edit,
            self.signer_title_edit,
            self.signer_name_edit,
        ):
            edit.textChanged.connect(self.revalidate)
        self.title_edit.textChanged.connect(lambda: self.revalidate(True))
        self.setMinimumWidth(600)
        self.revalidate()

    def header(self) -> PlanHeader:
        d = self.date_edit.date()
        return PlanHeader(
            number=self.number_edit.text().strip(),
            symbol=self.symbol_edit.text().strip(),
            issued_on=date(d.year(), d.month(), d.day()) if self.dated_check.isChecked() else None,
            doc_type=self.type_edit.text(),
            title=self.title_edit.toPlainText(),
            recipients=tuple(self.recipients_edit.toPlainText().splitlines()),
            signer_authority=self.authority_edit.text(),
            signer_title=self.signer_title_edit.text(),
            signer_name=self.signer_name_edit.text(),
        )

    def problems(self) -> dict[str, str]:
        return plan_edit.validate_header(self.header())
