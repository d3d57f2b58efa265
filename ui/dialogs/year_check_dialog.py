"""Kiểm tra cả danh sách: every proposal of the year against the rules in force on a date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import eligibility
from app.eligibility import Finding
from app.errors import AppError
from ui import messages
from ui.dialogs.proposal_parts import StepDialog
from ui.dialogs.sizing import fit_to_screen
from ui.models.finding_table_model import FindingTableModel
from ui.models.sort_proxy import RecordFilterProxy
from ui.tasks import run_in_background


class YearCheckDialog(QDialog):
    checked = Signal(int)

    def __init__(
        self,
        year: int,
        on: date,
        *,
        check: Callable[[int, date], list[Finding]] = eligibility.check_year,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.year = year
        self.check = check
        self._generation = 0
        self._ready = False
        self.setWindowTitle(f"Kiểm tra điều kiện cả danh sách đề nghị năm {year}")
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day), self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setToolTip("Quy định áp dụng là quy định có hiệu lực vào ngày xét")
        self.run_button = QPushButton("Kiểm tra", self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("Tìm kiếm (gõ có dấu hoặc không dấu)…")
        self.search_edit.setClearButtonEnabled(True)
        self.summary_label = QLabel(self)
        self.model = FindingTableModel()
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        self.override_button = QPushButton("Bỏ qua cảnh báo…", self)
        self.submit_button = QPushButton("Trình Hội đồng các dự thảo…", self)
        self.submit_button.setToolTip(
            "Đưa mọi đề nghị dự thảo của năm vào danh sách trình Hội đồng, trừ những đề nghị "
            "chưa đủ điều kiện bắt buộc"
        )
        self.export_button = QPushButton("Xuất Excel…", self)
        self.export_button.setToolTip("Lưu danh sách đang hiển thị ra tệp Excel (.xlsx)")
        buttons = QDialogButtonBox(self)
        close = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("Ngày xét:", self))
        top.addWidget(self.date_edit)
        top.addWidget(self.run_button)
        top.addWidget(self.search_edit, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.override_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.submit_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.table.setWordWrap(True)
        fit_to_screen(self, 1380, 600)
        self.run_button.clicked.connect(self.run_check)
        self.override_button.clicked.connect(self.override_selected)
        self.export_button.clicked.connect(self.export_rows)
        self.submit_button.clicked.connect(self.submit_drafts)
        self.search_edit.textChanged.connect(self.proxy.set_query)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.run_check()

    def on(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def run_check(self) -> None:
        """Check in the background (a few seconds on thousands of proposals); ``checked`` tells
        when the findings are shown."""
        self._generation += 1
        generation, year, on = self._generation, self.year, self.on()
        self._ready = False
        self.run_button.setEnabled(False)
        self.override_button.setEnabled(False)
        self.summary_label.setText(f"Đang kiểm tra các đề nghị năm {year}…")
        run_in_background(
            lambda: self.check(year, on),
            lambda findings: self._show(generation, findings),
            self._failed,
        )

    def ready(self) -> bool:
        return self._ready

    def _failed(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.summary_label.setText("Không kiểm tra được.")
        if isinstance(error, AppError):
            messages.show_app_error(self, error)
        else:
            raise error

    def _show(self, generation: int, findings: list[Finding]) -> None:
        if generation != self._generation:
            return
        self.run_button.setEnabled(True)
        self.model.set_rows(findings)
        self.proxy.refresh()
        self.table.resizeRowsToContents()
        blocks = sum(f.blocking for f in findings)
        warns = sum(not f.blocking and not f.overridden for f in findings)
        done = sum(f.overridden for f in findings)
        self.summary_label.setText(
            f"{blocks} trường hợp không đủ điều kiện, {warns} cảnh báo chưa xử lý, "
            f"{done} cảnh báo đã bỏ qua có lý do."
            if findings
            else "Không phát hiện vấn đề theo các quy định đang áp dụng."
        )
        self._ready = True
        self._update_buttons()
        self.checked.emit(len(findings))

    def rows(self) -> list[Finding]:
        return list(self.model.rows())

    def selected(self) -> Finding | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def _update_buttons(self, *_: object) -> None:
        f = self.selected()
        self.override_button.setEnabled(
            f is not None and f.proposal_id is not None and not f.blocking and not f.overridden
        )

    def override_selected(self) -> None:
        f = self.selected()
        if f is None or f.proposal_id is None:
            return
        dialog = StepDialog(
            "Bỏ qua cảnh báo",
            f"{f.recipient} — {f.award_name}: {f.message}",
            self.on(),
            note_label="Lý do:",
            required=True,
            parent=self,
        )
        if not messages.run_dialog(dialog):
            return
        try:
            eligibility.override(f.proposal_id, f.rule_code, dialog.note(), dialog.on())
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.run_check()

    def export_rows(self) -> Path | None:
        path = messages.save_file(
            self,
            "Xuất kết quả kiểm tra",
            Path.home() / f"kiem-tra-dieu-kien-{self.year}.xlsx",
            "Bảng tính Excel (*.xlsx)",
        )
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        from app.exports.tables import export_table  # openpyxl only when exporting

        headers, rows = self.model.export_table()
        try:
            export_table(path, f"Kiểm tra năm {self.year}", headers, rows)
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        return path

    def submit_drafts(self) -> eligibility.Submission | None:
        on = self.on()
        if not messages.confirm(
            self,
            "Trình Hội đồng",
            f"Trình Hội đồng mọi đề nghị dự thảo năm {self.year} (ngày {on:%d/%m/%Y})? Đề nghị "
            "chưa đủ điều kiện bắt buộc được giữ lại; cảnh báo chưa xử lý vẫn hiện ở đây.",
            yes="Trình Hội đồng",
            no="Không",
        ):
            return None
        try:
            done = eligibility.submit_year(self.year, on)
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        text = f"Đã trình Hội đồng {done.submitted} đề nghị."
        if done.held_back:
            text += " Chưa trình (chưa đủ điều kiện): " + "; ".join(done.held_back) + "."
        messages.show_info(self, "Trình Hội đồng", text)
        self.run_check()
        return done
