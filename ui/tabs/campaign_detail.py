"""The selected campaign's registrations, periodic reports, typical examples and proposals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from app import campaign_reports, campaigns, registrations, trash, typical_examples
from app.campaign_reports import PeriodRow, PeriodState
from app.errors import AppError
from app.registrations import RegistrationRow
from app.typical_examples import ExampleRow
from ui import messages
from ui.dialogs.campaign_parts import (
    CampaignReportDialog,
    UnitSheetDialog,
)
from ui.models.campaign_period_table_model import CampaignPeriodTableModel
from ui.models.campaign_proposal_table_model import CampaignProposalTableModel
from ui.models.registration_table_model import RegistrationTableModel
from ui.models.typical_example_table_model import TypicalExampleTableModel
from ui.tabs.campaign_editors import ExampleEditor, RegistrationEditor
from ui.tabs.editable_list import EditableList
from ui.tabs.list_tab import RecordListTab


def local_shortcuts(widget: QWidget) -> None:
    """Keys of a list inside another list's tab act only where the focus is (no ambiguity)."""
    for shortcut in widget.findChildren(QShortcut):
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for button in widget.findChildren(QPushButton):
        button.setShortcut(QKeySequence())


def _button(tab: RecordListTab, text: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
    button = QPushButton(text, tab)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    tab.actions_layout.addWidget(button)
    return button


class CampaignDetail(QTabWidget):
    propose_requested = Signal(int)
    status_message = Signal(str)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.campaign_id: int | None = None
        self.year = today().year
        self._build_ui()
        self.set_campaign(None, self.year)

    def _build_ui(self) -> None:
        self.registrations = EditableList(
            RegistrationEditor(self),
            RegistrationTableModel(),
            self._load_registrations,
            tables=frozenset({"registration", "person", "unit", "award_type"}),
            year_scoped=False,
            noun="lượt đăng ký",
            parent=self,
        )
        self.sheet_button = _button(
            self.registrations,
            "Phiếu đăng ký đơn vị…",
            self.register_unit,
            "Đăng ký danh hiệu cho một đơn vị và từng người của đơn vị",
        )
        self.registrations_paper_button = QToolButton(self.registrations)
        self.registrations_paper_button.setText("Văn bản")
        self.registrations_paper_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.registrations_paper_button)
        self.summary_action = menu.addAction("Bảng tổng hợp đăng ký của năm…")
        self.summary_action.triggered.connect(self.preview_registrations)
        self.unit_sheet_action = menu.addAction("Bản đăng ký của đơn vị đang chọn…")
        self.unit_sheet_action.triggered.connect(self.preview_unit_sheet)
        self.registrations_paper_button.setMenu(menu)
        self.registrations.actions_layout.addWidget(self.registrations_paper_button)
        self.coverage_label = QLabel(self)
        self.only_campaign_check = QCheckBox("Chỉ đăng ký theo phong trào này", self)
        self.only_campaign_check.setToolTip(
            "Đăng ký thi đua là của cả năm; đánh dấu để chỉ xem các lượt đăng ký nhập tại phong trào này"
        )
        self.only_campaign_check.toggled.connect(lambda _on: self.registrations.mark_stale())
        line = QHBoxLayout()
        line.addWidget(self.coverage_label, 1)
        line.addWidget(self.only_campaign_check)
        self.registrations.layout().insertLayout(0, line)
        self.registrations.rows_loaded.connect(self._show_coverage)

        self.reports = RecordListTab(
            CampaignPeriodTableModel(),
            self._load_periods,
            tables=frozenset({"campaign_report", "campaign"}),
            year_scoped=False,
            noun="kỳ báo cáo",
            parent=self,
        )
        self.report_button = _button(
            self.reports,
            "Nhập báo cáo kỳ…",
            self.edit_report,
            "Nhập hoặc sửa báo cáo của kỳ đang chọn (F2)",
        )
        self.delete_report_button = _button(self.reports, "Xóa báo cáo", self.delete_report)
        self.report_paper_button = _button(
            self.reports, "Xem, in…", self.preview_report, "Văn bản báo cáo kỳ đang chọn"
        )
        self.reports.row_activated.connect(lambda _row: self.edit_report())
        QShortcut(QKeySequence("F2"), self.reports.table, self.edit_report)
        QShortcut(QKeySequence.StandardKey.Delete, self.reports.table, self.delete_report)
        QShortcut(QKeySequence.StandardKey.Undo, self.reports, self.undo_delete_report)
        self._undo_report: int | None = None

        self.examples = EditableList(
            ExampleEditor(self),
            TypicalExampleTableModel(),
            self._load_examples,
            tables=frozenset({"typical_example", "person", "unit", "campaign"}),
            year_scoped=False,
            noun="điển hình",
            parent=self,
        )
        self.all_years_check = QCheckBox("Mọi phong trào, mọi năm", self.examples)
        self.all_years_check.setToolTip("Xem các điển hình đã ghi nhận qua các năm")
        self.all_years_check.toggled.connect(lambda _on: self.examples.mark_stale())
        self.examples.actions_layout.addWidget(self.all_years_check)

        self.proposals = RecordListTab(
            CampaignProposalTableModel(),
            self._load_proposals,
            tables=frozenset({"proposal", "person", "unit"}),
            year_scoped=False,
            noun="đề nghị",
            parent=self,
        )
        self.propose_button = _button(
            self.proposals,
            "Đề nghị khen thưởng theo chuyên đề…",
            self.request_proposal,
            "Lập đề nghị khen thưởng theo chuyên đề gắn với phong trào này (thẻ Khen thưởng)",
        )
        self.addTab(self.registrations, "Đăng ký thi đua")
        self.addTab(self.reports, "Báo cáo định kỳ")
        self.addTab(self.examples, "Điển hình tiên tiến")
        self.addTab(self.proposals, "Khen thưởng chuyên đề")
        for lst in (self.registrations, self.examples):
            lst.status_message.connect(self.status_message)
        for lst in self.lists():
            local_shortcuts(lst)

    def lists(self) -> list[RecordListTab]:
        return [self.registrations, self.reports, self.examples, self.proposals]

    def set_campaign(self, campaign_id: int | None, year: int | None = None) -> None:
        self.campaign_id = campaign_id
        if year is not None:
            self.year = year
        self.setEnabled(campaign_id is not None)
        for lst in self.lists():
            lst.mark_stale()

    # --- loaders (run off the GUI thread) -----------------------------------------
    def _load_registrations(self, _year: int | None) -> list[RegistrationRow]:
        if self.campaign_id is None:
            return []
        only = self.campaign_id if self.only_campaign_check.isChecked() else None
        return registrations.registration_rows(self.year, campaign_id=only)

    def _load_periods(self, _year: int | None) -> list[PeriodRow]:
        if self.campaign_id is None:
            return []
        return campaign_reports.period_rows(self.campaign_id, self.today())

    def _load_examples(self, _year: int | None) -> list[ExampleRow]:
        if self.all_years_check.isChecked():
            return typical_examples.example_rows()
        if self.campaign_id is None:
            return []
        return typical_examples.example_rows(campaign_id=self.campaign_id)

    def _load_proposals(self, _year: int | None) -> list[campaigns.CampaignProposalRow]:
        return [] if self.campaign_id is None else campaigns.proposal_rows(self.campaign_id)

    def _run(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except AppError as error:
            messages.show_app_error(self, error)
            return None

    def _show_coverage(self, _count: int = 0) -> None:
        self.coverage_label.setText(
            f"Năm {self.year} — " + registrations.coverage(self.year).text() + " (mọi phong trào)."
        )

    # --- registrations --------------------------------------------------------------
    def register_unit(self) -> int | None:
        if self.campaign_id is None:
            return None
        dialog = UnitSheetDialog(
            self.year,
            self.campaign_id,
            registrations.registering_units(self.year),
            registrations.title_choices(),
            registrations.unit_people,
            self,
        )
        if not messages.run_dialog(dialog):
            return None
        sheet = dialog.sheet()
        created = self._run(lambda: registrations.register_unit(sheet))
        if created is not None:
            self.status_message.emit(
                f"Đã đăng ký {created} danh hiệu cho {dialog.unit_combo.currentText()}."
            )
        return created

    def preview_registrations(self) -> None:
        dialog = self.make_preview("registrations")
        if dialog is not None:
            messages.run_dialog(dialog)

    def preview_unit_sheet(self) -> None:
        dialog = self.make_preview("unit-sheet")
        if dialog is not None:
            messages.run_dialog(dialog)

    # --- reports ----------------------------------------------------------------------
    def edit_report(self) -> None:
        row = self.reports.selected_row()
        if row is None or self.campaign_id is None:
            return
        today = self.today()
        default = (
            min(max(today, row.start), row.end) if row.reported_on is None else row.reported_on
        )
        dialog = CampaignReportDialog(self.campaign_id, row, default, self)
        if messages.run_dialog(dialog):
            data = dialog.input()
            self.reports.select_after_load(
                lambda r: (r.period_year, r.period_index) == (row.period_year, row.period_index)
            )
            if self._run(lambda: campaign_reports.save_report(data)) is not None:
                self.status_message.emit(f"Đã lưu báo cáo {row.label}.")

    def delete_report(self) -> None:
        row = self.reports.selected_row()
        if row is None or row.state != PeriodState.REPORTED:
            return
        if not messages.confirm(
            self,
            "Xóa báo cáo",
            f"Xóa báo cáo {row.label}? Báo cáo được chuyển vào Thùng rác.",
            yes="Xóa",
            no="Không xóa",
        ):
            return
        trash_id = self._run(lambda: campaign_reports.delete_report(row.id))
        if trash_id is not None:
            self._undo_report = trash_id
            self.status_message.emit(f"Đã xóa báo cáo {row.label}. Nhấn Ctrl+Z để hoàn tác.")

    def undo_delete_report(self) -> None:
        trash_id, self._undo_report = self._undo_report, None
        if trash_id is not None and self._run(lambda: trash.restore(trash_id)) is not None:
            self.status_message.emit("Đã hoàn tác việc xóa báo cáo.")

    def preview_report(self) -> None:
        dialog = self.make_preview("campaign-report")
        if dialog is not None:
            messages.run_dialog(dialog)

    def make_preview(self, kind: str) -> Any:
        """The preview of the registration summary or of the selected period's report."""
        from app.reports import campaign_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        campaign_id = self.campaign_id
        if campaign_id is None:
            return None
        year = self.year
        if kind == "registrations":
            only = campaign_id if self.only_campaign_check.isChecked() else None
            job = DocumentJob(
                f"Bảng tổng hợp đăng ký thi đua năm {year}",
                f"tong-hop-dang-ky-{year}",
                lambda: campaign_report.registrations_document(year, only),
            )
        elif kind == "unit-sheet":
            reg = self.registrations.selected_row()
            if reg is None or reg.unit_id is None:
                messages.show_info(
                    self, "Bản đăng ký thi đua", "Hãy chọn một dòng của đơn vị cần in."
                )
                return None
            unit_id = reg.unit_id
            job = DocumentJob(
                f"Bản đăng ký thi đua năm {year} — {reg.unit_name}",
                f"ban-dang-ky-{year}-{unit_id}",
                lambda: campaign_report.unit_sheet_document(year, unit_id),
            )
        else:
            row = self.reports.selected_row()
            if row is None:
                return None
            if row.state != PeriodState.REPORTED:
                messages.show_info(self, "Báo cáo kỳ", f"Chưa nhập báo cáo {row.label}.")
                return None
            job = DocumentJob(
                f"Báo cáo {row.label}",
                f"bao-cao-{campaign_id}-{row.period_year}-{row.period_index}",
                lambda: campaign_report.campaign_report_document(
                    campaign_id, row.period_year, row.period_index
                ),
            )
        return DocumentPreview(job, Path.home(), self)

    # --- proposals ----------------------------------------------------------------------
    def request_proposal(self) -> None:
        if self.campaign_id is not None:
            self.propose_requested.emit(self.campaign_id)
