"""Thống kê khen thưởng: the year's granted awards counted by title and form, unit, individual
or collective, rank group, kind and year (against the previous year), and form 0603.N; saved
to Excel with one sheet per table."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import award_stats
from app.award_stats import AwardStatistics, StatTable
from app.errors import AppError
from app.vntext import number_text
from ui import messages
from ui.models.stat_table_model import StatTableModel
from ui.tabs.loading import LoadingTab


def _load(year: int | None, today: date) -> tuple[AwardStatistics, list[StatTable]]:
    """The selected year's statistics; for all years, those of the window's current year."""
    stats = award_stats.award_statistics(year or today.year)
    return stats, award_stats.statistic_tables(stats)


class AwardStatsPage(LoadingTab):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        self.today = today
        super().__init__(
            lambda year: _load(year, today),
            tables=frozenset({"proposal", "decision", "person", "unit", "award_type"}),
            parent=parent,
        )
        self.stats: AwardStatistics | None = None
        self.stat_tables: list[StatTable] = []
        self.models: list[StatTableModel] = []
        self.views: list[QTableView] = []
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.summary_label = QLabel("Đang tải…", self)
        self.summary_label.setWordWrap(True)
        self.export_button = QPushButton("Xuất Excel…", self)
        self.export_button.setToolTip("Lưu mọi bảng thống kê vào một tệp Excel, mỗi bảng một trang")
        self.export_button.setEnabled(False)
        self.inner_tabs = QTabWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.inner_tabs, 1)

    def _connect_signals(self) -> None:
        self.export_button.clicked.connect(self.export_xlsx)

    def loading_started(self) -> None:
        self.summary_label.setText("Đang tải…")

    def loading_failed(self) -> None:
        self.summary_label.setText("Lỗi khi tải số liệu thống kê")

    def _view(self, index: int) -> tuple[StatTableModel, QTableView]:
        while len(self.views) <= index:
            model = StatTableModel(self)
            view = QTableView(self)
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setAlternatingRowColors(True)
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(24)
            view.horizontalHeader().setStretchLastSection(True)
            self.models.append(model)
            self.views.append(view)
        return self.models[index], self.views[index]

    def show_result(self, result: Any) -> int:
        self.stats, self.stat_tables = result
        current = self.inner_tabs.currentIndex()
        self.inner_tabs.clear()
        for i, table in enumerate(self.stat_tables):
            model, view = self._view(i)
            model.set_table(table)
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(0, max(view.columnWidth(0), 260))
            self.inner_tabs.addTab(view, table.sheet)
        self.inner_tabs.setCurrentIndex(max(current, 0))
        s = self.stats
        change = number_text(s.total - s.previous_total, signed=True)
        self.summary_label.setText(
            f"Năm {s.year}: {number_text(s.total)} lượt khen thưởng đã có quyết định "
            f"(năm {s.year - 1}: {number_text(s.previous_total)}; {change}). "
            "Tính theo năm thành tích của đề nghị."
        )
        self.export_button.setEnabled(True)
        return s.total

    def export_xlsx(self) -> Path | None:
        if self.stats is None:
            return None
        year = self.stats.year
        path = messages.save_file(
            self,
            "Xuất thống kê khen thưởng",
            Path.home() / f"thong-ke-khen-thuong-{year}.xlsx",
            "Bảng tính Excel (*.xlsx)",
        )
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        from app.documents import write_atomically

        try:
            write_atomically(path, award_stats.statistics_xlsx(self.stats))
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        return path
