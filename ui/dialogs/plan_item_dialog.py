"""Add or edit an item of the plan: its text, lead and co-operating units, schedule and status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import permutations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app import plan_edit
from app.people import UnitRow
from app.plan_edit import ItemInput
from app.schedule import Schedule
from db.enums import FieldName, ItemKind, Numbering, ScheduleKind, TaskStatus
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data

FIELD_ORDERS = [tuple(p) for p in permutations(FieldName)]


def _text_edit(parent: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(12 + lines * edit.fontMetrics().lineSpacing())
    return edit


def _qdate(value: date | None, fallback: date) -> QDate:
    value = value or fallback
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PlanItemDialog(FormDialog):
    def __init__(
        self,
        units: Sequence[UnitRow],
        year: int,
        data: ItemInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa mục kế hoạch" if data else "Thêm mục kế hoạch", parent)
        self.year = year
        self.kind = data.kind if data else ItemKind.ITEM
        self.title_edit = _text_edit(self, 2)
        self.body_edit = _text_edit(self, 4)
        self.body_edit.setPlaceholderText("Các đoạn văn; dòng bắt đầu bằng “- ” là gạch đầu dòng")
        self.task_check = QCheckBox("Là nhiệm vụ cần theo dõi tiến độ", self)
        self.content_edit = _text_edit(self, 3)
        self.lead_edit = QLineEdit(self)
        self.lead_edit.setPlaceholderText("VD: Giám đốc Sở, Chủ tịch Hội đồng.")
        self.lead_unit_combo = QComboBox(self)
        self.lead_unit_combo.addItem("—", None)
        self.cooperating_list = QListWidget(self)
        self.cooperating_list.setFixedHeight(84)
        for unit in units:
            self.lead_unit_combo.addItem(unit.name, unit.id)
            entry = QListWidgetItem(unit.name, self.cooperating_list)
            entry.setData(Qt.ItemDataRole.UserRole, unit.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        self.timing_edit = QLineEdit(self)
        self.timing_edit.setPlaceholderText("VD: Tháng 03, 06 và tháng 12 năm 2024.")
        self.schedule_combo = QComboBox(self)
        fill_enum_combo(self.schedule_combo, ScheduleKind)
        self.month_checks = [QCheckBox(f"T{m}", self) for m in range(1, 13)]
        months = QGridLayout()
        for i, check in enumerate(self.month_checks):
            months.addWidget(check, i // 6, i % 6)
        self.months_box = QWidget(self)
        self.months_box.setLayout(months)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit, default in (
            (self.from_edit, date(year, 1, 1)),
            (self.to_edit, date(year, 12, 31)),
        ):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setDate(_qdate(None, default))
        range_row = QHBoxLayout()
        range_row.addWidget(self.from_edit)
        range_row.addWidget(self.to_edit)
        self.range_box = QWidget(self)
        self.range_box.setLayout(range_row)
        self.status_combo = QComboBox(self)
        fill_enum_combo(self.status_combo, TaskStatus)
        self.numbering_combo = QComboBox(self)
        fill_enum_combo(self.numbering_combo, Numbering)
        self.order_combo = QComboBox(self)
        for order in FIELD_ORDERS:
            self.order_combo.addItem(", ".join(f.label for f in order))
        self._add_rows()
        if data is not None:
            self.set_input(data)
        self._connect()
        self._on_schedule_changed()
        self.setMinimumWidth(640)
        self.revalidate()

    def _add_rows(self) -> None:
        self.form.addRow("Tiêu đề / nội dung:", self.title_edit)
        self.form.addRow("Đoạn văn:", self.body_edit)
        self.form.addRow("", self.task_check)
        self.form.addRow("Nội dung:", self.content_edit)
        self.form.addRow("Chủ trì (như in):", self.lead_edit)
        self.form.addRow("Đơn vị chủ trì:", self.lead_unit_combo)
        self.form.addRow("Đơn vị phối hợp:", self.cooperating_list)
        self.form.addRow("Thời gian thực hiện:", self.timing_edit)
        self.form.addRow("Lịch theo dõi:", self.schedule_combo)
        self.form.addRow("Các tháng:", self.months_box)
        self.form.addRow("Từ ngày – đến ngày:", self.range_box)
        self.form.addRow("Trạng thái:", self.status_combo)
        self.form.addRow("Đánh số mục con:", self.numbering_combo)
        self.form.addRow("Thứ tự các dòng:", self.order_combo)

    def _connect(self) -> None:
        for edit in (self.title_edit, self.body_edit, self.content_edit):
            edit.textChanged.connect(lambda: self.revalidate(True))
        self.schedule_combo.currentIndexChanged.connect(self._on_schedule_changed)
        for check in self.month_checks:
            check.toggled.connect(self.revalidate)
        self.from_edit.dateChanged.connect(self.revalidate)
        self.to_edit.dateChanged.connect(self.revalidate)
        self.lead_unit_combo.currentIndexChanged.connect(self.revalidate)
        self.cooperating_list.itemChanged.connect(self.revalidate)

    def _on_schedule_changed(self, *_: object) -> None:
        kind = current_enum(self.schedule_combo, ScheduleKind)
        self.months_box.setEnabled(kind is ScheduleKind.MONTHS)
        self.range_box.setEnabled(kind is ScheduleKind.RANGE)
        self.revalidate()

    def set_input(self, data: ItemInput) -> None:
        self.title_edit.setPlainText(data.title)
        self.body_edit.setPlainText(data.body)
        self.task_check.setChecked(data.is_task)
        self.content_edit.setPlainText(data.content)
        self.lead_edit.setText(data.lead_text)
        select_data(self.lead_unit_combo, data.lead_unit_id)
        for i in range(self.cooperating_list.count()):
            entry = self.cooperating_list.item(i)
            checked = entry.data(Qt.ItemDataRole.UserRole) in data.cooperating_unit_ids
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.timing_edit.setText(data.timing_text)
        select_data(self.schedule_combo, data.schedule.kind)
        for month, check in enumerate(self.month_checks, start=1):
            check.setChecked(month in data.schedule.months)
        self.from_edit.setDate(_qdate(data.schedule.date_from, date(self.year, 1, 1)))
        self.to_edit.setDate(_qdate(data.schedule.date_to, date(self.year, 12, 31)))
        select_data(self.status_combo, data.status)
        select_data(self.numbering_combo, data.child_numbering)
        self.order_combo.setCurrentIndex(
            max(0, FIELD_ORDERS.index(data.field_order)) if data.field_order in FIELD_ORDERS else 0
        )

    def input(self) -> ItemInput:
        kind = current_enum(self.schedule_combo, ScheduleKind) or ScheduleKind.NONE
        months = tuple(m for m, check in enumerate(self.month_checks, start=1) if check.isChecked())
        ranged = kind is ScheduleKind.RANGE
        schedule = Schedule(
            kind,
            months if kind is ScheduleKind.MONTHS else (),
            _pydate(self.from_edit.date()) if ranged else None,
            _pydate(self.to_edit.date()) if ranged else None,
        )
        cooperating = tuple(
            self.cooperating_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.cooperating_list.count())
            if self.cooperating_list.item(i).checkState() == Qt.CheckState.Checked
        )
        return ItemInput(
            title=self.title_edit.toPlainText().strip(),
            kind=self.kind,
            child_numbering=current_enum(self.numbering_combo, Numbering) or Numbering.ARABIC,
            body=self.body_edit.toPlainText(),
            content=self.content_edit.toPlainText().strip(),
            lead_text=self.lead_edit.text(),
            timing_text=self.timing_edit.text(),
            field_order=FIELD_ORDERS[max(0, self.order_combo.currentIndex())],
            is_task=self.task_check.isChecked(),
            lead_unit_id=self.lead_unit_combo.currentData(),
            cooperating_unit_ids=cooperating,
            schedule=schedule,
            status=current_enum(self.status_combo, TaskStatus) or TaskStatus.NOT_STARTED,
        )

    def problems(self) -> dict[str, str]:
        return plan_edit.validate_item(self.input())
