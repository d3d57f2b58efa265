"""Nhật ký thay đổi: the whole audit log with filters, and one record's history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import audit
from ui.dialogs.sizing import fit_to_screen
from ui.models.audit_table_model import AuditTableModel
from ui.tabs.list_tab import RecordListTab


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditLogDialog(QDialog):
    """The whole log, newest first; filters by period and area, and by words in the search box."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nhật ký thay đổi")
        self.period_check = QCheckBox("Từ ngày", self)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        start = today.replace(day=1)
        for edit, value in ((self.from_edit, start), (self.to_edit, today)):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.setEnabled(False)
        self.area_combo = QComboBox(self)
        self.area_combo.addItem("Mọi lĩnh vực", "")
        for area in audit.AREAS:
            self.area_combo.addItem(area, area)
        filters = QHBoxLayout()
        filters.addWidget(self.period_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel("đến", self))
        filters.addWidget(self.to_edit)
        filters.addSpacing(16)
        filters.addWidget(QLabel("Lĩnh vực:", self))
        filters.addWidget(self.area_combo)
        filters.addStretch(1)
        self.log_list = RecordListTab(
            AuditTableModel(),
            self._load,
            tables=frozenset(),
            year_scoped=False,
            noun="thay đổi",
            parent=self,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.log_list, 1)
        self.period_check.toggled.connect(self._on_period_toggled)
        for signal in (self.from_edit.dateChanged, self.to_edit.dateChanged):
            signal.connect(self._on_filter_changed)
        self.area_combo.currentIndexChanged.connect(self._on_filter_changed)
        fit_to_screen(self, 1150, 650)

    def _load(self, _year: int | None) -> list[audit.AuditRow]:
        dated = self.period_check.isChecked()
        return audit.search(
            _pydate(self.from_edit.date()) if dated else None,
            _pydate(self.to_edit.date()) if dated else None,
            self.area_combo.currentData() or None,
        )

    def _on_period_toggled(self, checked: bool) -> None:
        self.from_edit.setEnabled(checked)
        self.to_edit.setEnabled(checked)
        self._on_filter_changed()

    def _on_filter_changed(self, *_: object) -> None:
        self.log_list.mark_stale()


class HistoryDialog(QDialog):
    """What happened to one record: created, each field changed (old and new value), deleted."""

    def __init__(self, table: str, row_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Lịch sử thay đổi — {name}")
        self.history_list = RecordListTab(
            AuditTableModel(),
            lambda _year: audit.history(table, row_id),
            tables=frozenset(),
            year_scoped=False,
            noun="thay đổi",
            parent=self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.history_list)
        fit_to_screen(self, 1000, 480)
