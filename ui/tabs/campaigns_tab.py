"""Phong trào thi đua: the year's campaigns; launch, close, archive, carry over, follow reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMetaMethod, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QSplitter, QToolButton, QWidget

from app import campaigns, people, plan, registrations, trash
from app.campaign_stats import campaign_stats, form_0601_rows, summary_text
from app.campaigns import CampaignRow
from app.errors import AppError
from db.enums import CampaignStatus
from ui import messages
from ui.dialogs.campaign_dialog import CampaignDialog
from ui.models.campaign_table_model import CampaignTableModel
from ui.tabs.campaign_detail import CampaignDetail
from ui.tabs.editable_list import EditableList

PAPERS = (
    ("campaign-plan", "Kế hoạch phát động phong trào", "ke-hoach-phat-dong"),
    ("registrations", "Bảng tổng hợp đăng ký thi đua năm", "tong-hop-dang-ky"),
    ("campaign-report", "Báo cáo kỳ đang chọn", "bao-cao-ky"),
)


class CampaignEditor:
    table = "campaign"

    def __init__(self, tab: CampaignsTab) -> None:
        self.tab = tab

    def open_dialog(
        self, parent: QWidget, row: CampaignRow | None
    ) -> campaigns.CampaignInput | None:
        year = row.year if row else (self.tab.year or self.tab.today.year)
        doc = plan.load_plan(year)
        tasks = [r for r in doc.items if r.is_task] if doc else []
        data = campaigns.campaign_input(row.id) if row else None
        dialog = CampaignDialog(year, people.unit_rows(), tasks, data, parent)
        return dialog.input() if messages.run_dialog(dialog) else None

    def save(self, row: CampaignRow | None, data: campaigns.CampaignInput) -> Any:
        if row is None:
            return campaigns.create_campaign(data)
        return campaigns.update_campaign(row.id, data)

    def remove(self, row: CampaignRow) -> Callable[[], int]:
        trash_id = campaigns.delete_campaign(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: CampaignRow) -> str:
        return f"phong trào “{row.name}” (cùng đăng ký và báo cáo kỳ của nó)"


class CampaignsTab(EditableList):
    propose_requested = Signal(int)  # a campaign id: start a thematic proposal from it

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        self.today = today or date.today()
        super().__init__(
            CampaignEditor(self),
            CampaignTableModel(),
            lambda year: campaigns.campaign_rows(year, self.today),
            tables=frozenset({"campaign", "unit", "campaign_report"}),
            noun="phong trào",
            parent=parent,
        )
        self._build_campaign_ui()
        self._connect_campaign_signals()

    def _build_campaign_ui(self) -> None:
        self.status_button = QToolButton(self)
        self.status_button.setText("Trạng thái")
        self.status_button.setToolTip(
            "Kết thúc, lưu trữ, mở lại hoặc chuyển phong trào sang năm sau"
        )
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        status_menu = QMenu(self.status_button)
        self.close_action = status_menu.addAction("Kết thúc phong trào…")
        self.close_action.setToolTip("Không còn theo dõi báo cáo kỳ của phong trào")
        self.archive_action = status_menu.addAction("Lưu trữ")
        self.reopen_action = status_menu.addAction("Mở lại")
        status_menu.addSeparator()
        self.carry_action = status_menu.addAction("Chuyển sang năm sau…")
        self.status_button.setMenu(status_menu)
        self.stats_button = QPushButton("Thống kê…", self)
        self.stats_button.setToolTip(
            "Số phong trào thi đua theo biểu 0601.N (Thông tư 02/2023/TT-BNV)"
        )
        self.papers_button = QToolButton(self)
        self.papers_button.setText("Văn bản")
        self.papers_button.setToolTip(
            "Văn bản của phong trào đang chọn: xem trước, in, lưu PDF hoặc Word (Ctrl+P)"
        )
        self.papers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.papers_button.setShortcut(QKeySequence("Ctrl+P"))  # as on the meetings tab
        menu = QMenu(self.papers_button)
        self.paper_actions: dict[str, QAction] = {}
        for kind, label, _slug in PAPERS:
            action = menu.addAction(f"{label}…")
            action.triggered.connect(lambda _checked=False, k=kind: self.preview_paper(k))
            self.paper_actions[kind] = action
        self.papers_button.setMenu(menu)
        for widget in (self.status_button, self.papers_button, self.stats_button):
            self.actions_layout.addWidget(widget)
        for shortcut in self.findChildren(QShortcut):  # the detail's lists have their own keys
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # undo and redo: from the campaigns list and its buttons, not from the detail's lists
        self.host_undo_actions(self.table, self.add_button, self.edit_button, self.delete_button)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail = CampaignDetail(lambda: self.today, self)
        layout = self.layout()
        layout.insertWidget(1, self.summary_label)
        layout.removeWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _connect_campaign_signals(self) -> None:
        self.close_action.triggered.connect(self.close_selected)
        self.archive_action.triggered.connect(self.archive_selected)
        self.reopen_action.triggered.connect(self.reopen_selected)
        self.carry_action.triggered.connect(self.carry_over_selected)
        self.stats_button.clicked.connect(self.show_statistics)
        self.detail.propose_requested.connect(self.request_proposal)
        self.detail.status_message.connect(self.status_message)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.rows_loaded.connect(self._on_selection_changed)
        self.rows_loaded.connect(self._show_summary)

    # --- the day, the selection, the summary ---------------------------------------
    def set_today(self, today: date) -> None:
        """The day the reports are judged against (the app may stay open past midnight)."""
        self.today = today
        self.mark_stale()
        self.detail.reports.mark_stale()

    def _on_selection_changed(self, *_: object) -> None:
        row = self.selected_row()
        campaign_id = row.id if row else None
        if campaign_id != self.detail.campaign_id:
            self.detail.set_campaign(campaign_id, row.year if row else self.year)
        status = row.status if row else None
        self.close_action.setEnabled(status in (CampaignStatus.ACTIVE, CampaignStatus.DRAFT))
        self.archive_action.setEnabled(status == CampaignStatus.CLOSED)
        self.reopen_action.setEnabled(status in (CampaignStatus.CLOSED, CampaignStatus.ARCHIVED))
        self.carry_action.setEnabled(row is not None)

    def report_counts(self) -> tuple[int, int]:
        """(due, overdue) periodic reports over the campaigns listed."""
        rows = self.model.rows()
        return sum(r.reports_due for r in rows), sum(r.reports_overdue for r in rows)

    def _show_summary(self, *_: object) -> None:
        due, overdue = self.report_counts()
        reports = f"Báo cáo kỳ: <b>{due}</b> đến kỳ"
        reports += f", <b style='color:#b00020'>{overdue} quá hạn</b>" if overdue else ", 0 quá hạn"
        parts = [reports]
        if self.year is not None:
            parts.append(summary_text(campaign_stats(self.year)))
            parts.append(registrations.coverage(self.year).text())
        self.summary_label.setText(" · ".join(parts))

    def on_data_changed(self, tables: frozenset[str]) -> None:
        super().on_data_changed(tables)
        for lst in self.detail.lists():
            lst.on_data_changed(tables)
        if tables & {"registration", "typical_example"}:
            self._show_summary()

    # --- actions ----------------------------------------------------------------------
    def _act(self, action: Callable[[int], Any], done: str) -> Any:
        row = self.selected_row()
        if row is None:
            return None
        try:
            result = action(row.id)
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        self.status_message.emit(done.format(name=row.name))
        return result

    def close_selected(self) -> None:
        row = self.selected_row()
        if row is not None and messages.confirm(
            self,
            "Kết thúc phong trào",
            f"Kết thúc “{row.name}”? Phong trào sẽ không còn nhắc báo cáo kỳ.",
            yes="Kết thúc",
            no="Không",
        ):
            self._act(lambda i: campaigns.close_campaign(i, self.today), "Đã kết thúc “{name}”.")

    def archive_selected(self) -> None:
        self._act(campaigns.archive_campaign, "Đã lưu trữ “{name}”.")

    def reopen_selected(self) -> None:
        self._act(campaigns.reopen_campaign, "Đã mở lại “{name}”.")

    def carry_over_selected(self) -> int | None:
        row = self.selected_row()
        if row is None or not messages.confirm(
            self,
            "Chuyển sang năm sau",
            f"Tạo phong trào “{row.name}” cho năm {row.year + 1}? Phong trào năm {row.year} "
            "sẽ được kết thúc; đăng ký, báo cáo và điển hình vẫn ở lại năm cũ.",
            yes="Chuyển",
            no="Không",
        ):
            return None
        new = self._act(campaigns.carry_over, f"Đã chuyển “{{name}}” sang năm {row.year + 1}.")
        return int(new.id) if new is not None else None

    def request_proposal(self, campaign_id: int) -> None:
        """Ask the awards tab (connected by the main window) to start a thematic proposal."""
        signal = QMetaMethod.fromSignal(self.propose_requested)
        if not self.isSignalConnected(signal):
            messages.show_info(
                self,
                "Đề nghị khen thưởng theo chuyên đề",
                "Hãy lập đề nghị ở thẻ Khen thưởng và chọn phong trào này.",
            )
            return
        self.propose_requested.emit(campaign_id)

    def show_statistics(self) -> None:
        year = self.year or self.today.year
        rows = form_0601_rows(campaign_stats(year))
        text = "\n".join(f"{label}: {count}" for label, count in rows)
        messages.show_info(self, f"Số phong trào thi đua năm {year} (biểu 0601.N)", text)

    def make_paper_preview(self, kind: str) -> Any:
        # imported here: ReportLab and python-docx are not needed to start the app
        from app.reports import campaign_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        if kind == "campaign-report":
            self.detail.setCurrentWidget(self.detail.reports)
            return self.detail.make_preview(kind)
        label, slug = next((lab, s) for k, lab, s in PAPERS if k == kind)
        if kind == "registrations":
            year = self.year or self.today.year
            job = DocumentJob(
                f"{label} {year}",
                f"{slug}-{year}",
                lambda: campaign_report.registrations_document(year),
            )
            return DocumentPreview(job, Path.home(), self)
        row = self.selected_row()
        if row is None:
            return None
        job = DocumentJob(
            f"{label} — {row.name}",
            f"{slug}-{row.id}",
            lambda: campaign_report.campaign_plan_document(row.id),
        )
        return DocumentPreview(job, Path.home(), self)

    def preview_paper(self, kind: str) -> None:
        dialog = self.make_paper_preview(kind)
        if dialog is not None:
            messages.run_dialog(dialog)
