"""Khen thưởng: award proposals of the selected year (or of all years), with the pages beside.

The tab is the proposals list (search, sort, add, edit, delete, undo) with the selected
proposal's detail under it; an inner tab bar holds it as "Đề nghị" and the other pages of the
awards work, added through ``add_page`` (decisions, statistics, history, eligible), each built
and imported the first time it is shown (ui/tabs/lazy_tabs.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from app import awards, campaigns, catalog, eligibility, people, proposals, trash
from app.awards import ProposalRow
from app.errors import AppError
from app.proposals import ProposalInput
from db.enums import CommendationKind
from ui import messages
from ui.models.proposal_table_model import ProposalTableModel
from ui.tabs.editable_list import EditableList
from ui.tabs.lazy_tabs import LazyTabs, PageFactory
from ui.tabs.proposal_detail import ProposalDetailPane

if TYPE_CHECKING:  # the dialogs open on a click, the pages build when shown: imported then
    from app.award_history import EligibleRow
    from ui.dialogs.audit_dialog import HistoryDialog
    from ui.dialogs.award_rules_dialog import AwardRulesDialog
    from ui.dialogs.proposal_dialog import ProposalDialog
    from ui.dialogs.year_check_dialog import YearCheckDialog
    from ui.tabs.award_history_page import AwardHistoryPage, EligiblePage
    from ui.tabs.award_stats_page import AwardStatsPage
    from ui.tabs.decisions_page import DecisionsPage

DECISIONS, STATS, HISTORY, ELIGIBLE = (
    "Quyết định",
    "Thống kê",
    "Lịch sử khen thưởng",
    "Đủ điều kiện đề nghị",
)


class ProposalEditor:
    table = "proposal"

    def __init__(self, tab: AwardsTab) -> None:
        self.tab = tab

    def make_dialog(
        self, parent: QWidget, data: ProposalInput | None, proposal_id: int | None = None
    ) -> ProposalDialog:
        from ui.dialogs.proposal_dialog import ProposalDialog

        year = data.year if data else (self.tab.year or self.tab.today.year)
        on = self.tab.today
        return ProposalDialog(
            year,
            people.person_rows(active_only=True),
            [u for u in people.unit_rows() if u.open_in(year)],  # units working that year
            catalog.award_type_rows(),
            campaigns.campaign_rows(None),
            data,
            checker=lambda d: eligibility.check_input(d, on, proposal_id),
            review_on=on,
            parent=parent,
        )

    def open_dialog(self, parent: QWidget, row: ProposalRow | None) -> ProposalInput | None:
        if row is not None and row.status not in proposals.EDITABLE:
            messages.show_info(
                parent,
                "Không sửa được",
                f"Đề nghị “{row.award_name}” cho {row.recipient_name} đang ở trạng thái "
                f"“{row.status.label}”: nội dung được giữ như khi trình. Nếu cần thay đổi, "
                "hãy rút đề nghị (ghi lý do) và lập đề nghị mới.",
            )
            return None
        data = proposals.proposal_input(row.id) if row else None
        dialog = self.make_dialog(parent, data, row.id if row else None)
        return dialog.input() if messages.run_dialog(dialog) else None

    def save(self, row: ProposalRow | None, data: ProposalInput) -> object:
        if row is None:
            return proposals.create_proposal(data, on=self.tab.today)
        return proposals.update_proposal(row.id, data, on=self.tab.today)

    def remove(self, row: ProposalRow) -> Callable[[], int]:
        trash_id = proposals.delete_proposal(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: ProposalRow) -> str:
        return f"đề nghị “{row.award_name}” cho {row.recipient_name}"


class AwardsTab(EditableList):
    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        self.today = today or date.today()
        super().__init__(
            ProposalEditor(self),
            ProposalTableModel(),
            awards.proposal_rows,
            tables=frozenset({"proposal", "person", "unit", "award_type"}),
            noun="đề nghị",
            parent=parent,
        )
        self.check_button = QPushButton("Kiểm tra cả danh sách…", self)
        self.check_button.setToolTip(
            "Kiểm tra điều kiện của mọi đề nghị trong năm trước khi Hội đồng họp (Ctrl+K)"
        )
        self.check_button.setShortcut(QKeySequence("Ctrl+K"))
        self.rules_button = QPushButton("Quy định xét…", self)
        self.rules_button.setToolTip(
            "Các quy định kiểm tra điều kiện đang áp dụng; tắt, bật cảnh báo của cơ quan"
        )
        self.import_button = QPushButton("Nhập danh sách…", self)
        self.import_button.setToolTip(
            "Nhập danh sách đề nghị của các đơn vị từ tệp Excel hoặc Word (có tệp mẫu để gửi "
            "đơn vị)"
        )
        self.actions_layout.addWidget(self.check_button)
        self.actions_layout.addWidget(self.rules_button)
        self.actions_layout.addWidget(self.import_button)
        self.check_button.clicked.connect(self.check_year)
        self.rules_button.clicked.connect(self.edit_rules)
        self.import_button.clicked.connect(self.import_list)
        self.detail = ProposalDetailPane(self.today, self)
        layout = self.layout()
        layout.removeWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.rows_loaded.connect(self._on_selection_changed)
        self._wrap_in_pages()
        self.host_undo_actions(self.proposals_page)  # the decisions page has its own undo
        self.add_page(self._make_decisions_page, DECISIONS)
        self.add_page(self._make_stats_page, STATS)
        self.add_page(self._make_history_page, HISTORY)
        self.add_page(self._make_eligible_page, ELIGIBLE)

    def _wrap_in_pages(self) -> None:
        """The list's own layout moves onto the first page of an inner tab bar."""
        self.proposals_page = QWidget(self)
        self.proposals_page.setLayout(self.layout())  # Qt moves a layout off its old widget
        self.pages = LazyTabs(self)
        self.pages.setDocumentMode(True)
        self.pages.page_built.connect(self._on_page_built)
        self.pages.add_page(self.proposals_page, "Đề nghị")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    def _on_selection_changed(self, *_: object) -> None:
        row = self.selected_row()
        proposal_id = row.id if row else None
        if proposal_id != self.detail.proposal_id:
            self.detail.set_proposal(proposal_id)

    # --- pages ----------------------------------------------------------------------------
    def add_page(self, page: QWidget | PageFactory, title: str) -> int:
        """Add a page beside "Đề nghị" (or a factory: built when first shown or asked for);
        it follows the year and the data changes if it can."""
        return self.pages.add_page(page, title)

    def _on_page_built(self, widget: QWidget) -> None:
        """A page built late starts on the tab's year and reports to the status bar."""
        set_year = getattr(widget, "set_year", None)
        if set_year is not None:
            set_year(self.year)
        message = getattr(widget, "status_message", None)
        if message is not None:
            message.connect(self.status_message)

    def page(self, title: str) -> QWidget | None:
        return self.pages.page(title)

    def _other_pages(self) -> list[QWidget]:
        return [w for w in self.pages.built_pages() if w is not self.proposals_page]

    def _make_decisions_page(self) -> QWidget:
        from ui.tabs.decisions_page import DecisionsPage

        return DecisionsPage(self.today)

    def _make_stats_page(self) -> QWidget:
        from ui.tabs.award_stats_page import AwardStatsPage

        return AwardStatsPage(self.today)

    def _make_history_page(self) -> QWidget:
        from ui.tabs.award_history_page import AwardHistoryPage

        return AwardHistoryPage(self.today)

    def _make_eligible_page(self) -> QWidget:
        from ui.tabs.award_history_page import EligiblePage

        page = EligiblePage(self.today)
        page.row_activated.connect(self._open_history)
        return page

    def _open_history(self, row: EligibleRow) -> None:
        """Double click on an eligible one: that one's years on the history page."""
        history = self.history_page
        self.pages.setCurrentWidget(history)
        history.show_recipient(row.recipient_kind, row.recipient_id)

    @property
    def decisions_page(self) -> DecisionsPage:
        return self.pages.page(DECISIONS)  # type: ignore[return-value]

    @property
    def stats_page(self) -> AwardStatsPage:
        return self.pages.page(STATS)  # type: ignore[return-value]

    @property
    def history_page(self) -> AwardHistoryPage:
        return self.pages.page(HISTORY)  # type: ignore[return-value]

    @property
    def eligible_page(self) -> EligiblePage:
        return self.pages.page(ELIGIBLE)  # type: ignore[return-value]

    def set_year(self, year: int | None) -> None:
        super().set_year(year)
        for widget in self._other_pages():
            set_year = getattr(widget, "set_year", None)
            if set_year is not None:
                set_year(year)

    def on_data_changed(self, tables: frozenset[str]) -> None:
        super().on_data_changed(tables)
        if tables & {"proposal", "proposal_event", "dossier_item", "evaluation", "registration"}:
            self.detail.refresh()
        for widget in self._other_pages():
            changed = getattr(widget, "on_data_changed", None)
            if changed is not None:
                changed(tables)

    # --- actions --------------------------------------------------------------------------
    def show_history(self) -> HistoryDialog | None:
        """The record's changes, titled with the award and the recipient."""
        from ui.dialogs.audit_dialog import HistoryDialog

        row = self.selected_row()
        if row is None:
            return None
        dialog = HistoryDialog("proposal", row.id, f"{row.award_name} — {row.recipient_name}", self)
        dialog.show()
        return dialog

    def new_proposal(
        self, campaign_id: int | None = None, kind: CommendationKind | None = None
    ) -> int | None:
        """Open the proposal dialog prefilled (a campaign's thematic proposals); the new id."""
        year = self.year or self.today.year
        data = ProposalInput(
            year,
            None,
            kind=kind or (CommendationKind.THEMATIC if campaign_id else CommendationKind.REGULAR),
            campaign_id=campaign_id,
        )
        dialog = self.editor.make_dialog(self, data)  # type: ignore[attr-defined]
        dialog.setWindowTitle("Thêm đề nghị khen thưởng")
        if not messages.run_dialog(dialog):
            return None
        try:
            saved = proposals.create_proposal(dialog.input(), on=self.today)
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        self.select_after_load(lambda r: r.id == saved.id)
        self.status_message.emit("Đã thêm đề nghị khen thưởng.")
        return int(saved.id)

    def import_list(self) -> None:
        # the import reads Excel and Word (openpyxl, python-docx): imported on the first click
        from ui.dialogs.award_import_dialog import open_import_dialog

        open_import_dialog(self, self.year or self.today.year)

    def edit_rules(self) -> AwardRulesDialog:
        from ui.dialogs.award_rules_dialog import AwardRulesDialog

        dialog = AwardRulesDialog(self.today, self)
        messages.run_dialog(dialog)
        self.detail.refresh()
        return dialog

    def check_year(self) -> YearCheckDialog:
        from ui.dialogs.year_check_dialog import YearCheckDialog

        dialog = YearCheckDialog(self.year or self.today.year, self.today, parent=self)
        messages.run_dialog(dialog)
        self.detail.refresh()
        return dialog
