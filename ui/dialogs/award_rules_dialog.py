"""Quy định xét khen thưởng: the checks in force on a date; the agency switches its warnings off
or on from a date, sets its optional cap of CSTĐCS among LĐTT holders, and the numbers of point d
of the provincial Bằng khen (Art. 74 cl. 1), which the sources leave uncertain."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import eligibility
from app.eligibility import RuleView
from app.errors import AppError
from db.enums import Severity
from ui import messages
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.proposal_parts import StepDialog
from ui.dialogs.sizing import fit_to_screen
from ui.models.rule_table_model import RuleTableModel


class CapDialog(FormDialog):
    def __init__(self, on: date, parent: QWidget | None = None) -> None:
        super().__init__("Tỷ lệ Chiến sĩ thi đua cơ sở", parent)
        self.form.addRow(
            QLabel(
                "Quy chế của cơ quan có thể giới hạn số Chiến sĩ thi đua cơ sở theo tỷ lệ trên số "
                "cá nhân đạt Lao động tiên tiến (Luật 2022 không quy định tỷ lệ này).",
                self,
            )
        )
        self.percent_spin = QSpinBox(self)
        self.percent_spin.setRange(1, 100)
        self.percent_spin.setValue(15)
        self.percent_spin.setSuffix(" %")
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day), self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.form.addRow("Tối đa:", self.percent_spin)
        self.form.addRow("Áp dụng từ ngày:", self.date_edit)
        self.form.itemAt(0).widget().setWordWrap(True)  # type: ignore[union-attr]
        self.setMinimumWidth(460)
        self.revalidate()

    def effective_from(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())


class BkTinhDialog(FormDialog):
    """Point d of the provincial Bằng khen as the province's Quy chế words it, from a date."""

    def __init__(self, on: date, years: int, times: int, parent: QWidget | None = None) -> None:
        super().__init__("Bằng khen của Chủ tịch UBND tỉnh: điểm d", parent)
        self.form.addRow(
            QLabel(
                "Điểm d khoản 1 Điều 74 Luật Thi đua, khen thưởng 2022: số năm liên tục hoàn "
                "thành xuất sắc nhiệm vụ và số lần Chiến sĩ thi đua cơ sở trong thời gian đó "
                "chưa được xác minh; ghi theo Quy chế thi đua, khen thưởng của tỉnh. "
                "Các điểm a–c xét theo thành tích, không đổi.",
                self,
            )
        )
        self.years_spin = QSpinBox(self)
        self.years_spin.setRange(1, 10)
        self.years_spin.setValue(years)
        self.years_spin.setSuffix(" năm")
        self.times_spin = QSpinBox(self)
        self.times_spin.setRange(0, 10)
        self.times_spin.setValue(times)
        self.times_spin.setSuffix(" lần")
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day), self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText("ví dụ: Quyết định số …/QĐ-UBND ngày …")
        self.form.addRow("Hoàn thành xuất sắc nhiệm vụ liên tục:", self.years_spin)
        self.form.addRow("Trong đó Chiến sĩ thi đua cơ sở:", self.times_spin)
        self.form.addRow("Áp dụng từ ngày:", self.date_edit)
        self.form.addRow("Căn cứ (quy chế của tỉnh):", self.note_edit)
        self.form.itemAt(0).widget().setWordWrap(True)  # type: ignore[union-attr]
        self.setMinimumWidth(520)
        self.years_spin.valueChanged.connect(self.revalidate)
        self.times_spin.valueChanged.connect(self.revalidate)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        return eligibility.validate_bk_tinh_route(self.years_spin.value(), self.times_spin.value())

    def effective_from(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())


class AwardRulesDialog(QDialog):
    def __init__(self, on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Quy định xét khen thưởng của cơ quan")
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day), self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.model = RuleTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        self.off_button = QPushButton("Tắt từ ngày…", self)
        self.on_button = QPushButton("Bật lại (cảnh báo)…", self)
        self.cap_button = QPushButton("Tỷ lệ Chiến sĩ thi đua cơ sở…", self)
        self.bk_tinh_button = QPushButton("Bằng khen tỉnh: điểm d…", self)
        close = QDialogButtonBox(self)
        close.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("Quy định có hiệu lực ngày:", self))
        top.addWidget(self.date_edit)
        top.addStretch(1)
        note = QLabel(
            "Điều kiện bắt buộc của Luật (Chặn) không tắt được; cảnh báo có thể tắt hoặc bật "
            "lại từ một ngày, quy định cũ vẫn áp dụng cho các lần xét trước ngày đó. Cài đặt "
            "của cơ quan (tắt, bật, tỷ lệ, số năm) áp dụng từ ngày đặt đến khi cơ quan thay "
            "đổi, kể cả khi văn bản pháp luật thay đổi (như Nghị định 152/2025/NĐ-CP từ "
            "01/7/2025); căn cứ ghi theo văn bản có hiệu lực vào ngày xét.",
            self,
        )
        note.setWordWrap(True)
        bottom = QHBoxLayout()
        for b in (self.off_button, self.on_button, self.cap_button, self.bk_tinh_button):
            bottom.addWidget(b)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 1320, 580)
        self.date_edit.dateChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.off_button.clicked.connect(lambda: self.switch(Severity.OFF))
        self.on_button.clicked.connect(lambda: self.switch(Severity.WARN))
        self.cap_button.clicked.connect(self.set_cap)
        self.bk_tinh_button.clicked.connect(self.set_bk_tinh)
        self.reload()

    def on(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def reload(self, *_: object) -> None:
        self.model.set_rows(eligibility.checked_rules(self.on()))
        self.table.resizeRowsToContents()
        self._update_buttons()

    def rows(self) -> list[RuleView]:
        return list(self.model.rows())

    def selected(self) -> RuleView | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _update_buttons(self, *_: object) -> None:
        rule = self.selected()
        self.off_button.setEnabled(rule is not None and rule.severity is Severity.WARN)
        self.on_button.setEnabled(rule is not None and rule.severity is Severity.OFF)

    def switch(self, severity: Severity) -> None:
        rule = self.selected()
        if rule is None:
            return
        verb = "Tắt" if severity is Severity.OFF else "Bật lại"
        dialog = StepDialog(
            f"{verb} quy định",
            f"{verb} “{rule.title}” từ ngày chọn dưới đây.",
            self.on(),
            note_label="Căn cứ (quy chế, văn bản):",
            parent=self,
        )
        if not messages.run_dialog(dialog):
            return
        try:
            eligibility.switch_rule(rule.id, severity, dialog.on(), dialog.note())
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.reload()

    def set_cap(self) -> None:
        dialog = CapDialog(self.on(), self)
        if not messages.run_dialog(dialog):
            return
        try:
            eligibility.set_cstdcs_cap(dialog.percent_spin.value(), dialog.effective_from())
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.reload()

    def set_bk_tinh(self) -> None:
        current = next((r for r in self.rows() if r.rule_code == "bk_tinh_criteria"), None)
        params = current.params if current is not None else {}
        dialog = BkTinhDialog(
            self.on(),
            int(params.get("htxs_years", 2)),  # type: ignore[call-overload]
            int(params.get("cstdcs_times", 2)),  # type: ignore[call-overload]
            self,
        )
        if not messages.run_dialog(dialog):
            return
        try:
            eligibility.set_bk_tinh_route(
                dialog.years_spin.value(),
                dialog.times_spin.value(),
                dialog.effective_from(),
                dialog.note_edit.text(),
            )
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.reload()
