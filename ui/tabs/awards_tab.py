"""Khen thưởng: award proposals of the selected year (or of all years), with the pages beside.

The tab is the proposals list (search, sort, add, edit, delete, undo) with a detail pane; an
inner tab bar holds it as "Đề nghị" and the other pages of the awards work, added through
``add_page`` (history, decisions, statistics)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app import awards
from ui.models.proposal_table_model import ProposalTableModel
from ui.tabs import award_history_page
from ui.tabs.award_stats_page import AwardStatsPage
from ui.tabs.decisions_page import DecisionsPage
from ui.tabs.list_tab import RecordListTab


class AwardsTab(RecordListTab):
    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        self.today = today or date.today()
        super().__init__(
            ProposalTableModel(),
            awards.proposal_rows,
            tables=frozenset({"proposal", "person", "unit", "award_type"}),
            noun="đề nghị",
            parent=parent,
        )
        self._pages: list[QWidget] = []
        self._wrap_in_pages()
        self.add_page(DecisionsPage(self.today), "Quyết định")
        self.add_page(AwardStatsPage(), "Thống kê")
        award_history_page.install(self)  # import button, history and "đủ điều kiện" pages

    def _wrap_in_pages(self) -> None:
        """The list's own layout moves onto the first page of an inner tab bar."""
        self.proposals_page = QWidget(self)
        self.proposals_page.setLayout(self.layout())  # Qt moves a layout off its old widget
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.proposals_page, "Đề nghị")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    # --- pages ----------------------------------------------------------------------------
    def add_page(self, widget: QWidget, title: str) -> int:
        """Add a page beside "Đề nghị"; it follows the year and the data changes if it can."""
        widget.setParent(self.pages)
        self._pages.append(widget)
        set_year = getattr(widget, "set_year", None)
        if set_year is not None and self.year is not None:
            set_year(self.year)
        message = getattr(widget, "status_message", None)
        own = getattr(self, "status_message", None)
        if message is not None and own is not None:
            message.connect(own)
        return self.pages.addTab(widget, title)

    def page(self, title: str) -> QWidget | None:
        for i in range(self.pages.count()):
            if self.pages.tabText(i) == title:
                return self.pages.widget(i)
        return None

    def set_year(self, year: int | None) -> None:
        super().set_year(year)
        for widget in self._pages:
            set_year = getattr(widget, "set_year", None)
            if set_year is not None:
                set_year(year)

    def on_data_changed(self, tables: frozenset[str]) -> None:
        super().on_data_changed(tables)
        for widget in self._pages:
            changed = getattr(widget, "on_data_changed", None)
            if changed is not None:
                changed(tables)
