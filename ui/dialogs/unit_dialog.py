"""Add or edit a unit of the agency; unticking "Đang hoạt động" asks the day it stopped working."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app import people
from app.people import UnitInput, UnitRow
from db.enums import UnitKind
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data

CLOSED_LABEL = "Ngừng hoạt động từ ngày:"


class UnitDialog(FormDialog):
    def __init__(
        self,
        units: Sequence[UnitRow],
        data: UnitInput | None = None,
        unit_id: int | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__("Sửa đơn vị" if data else "Thêm đơn vị", parent)
        self.unit_id = unit_id
        self.today = today or date.today()
        self.name_edit = QLineEdit(self)
        self.short_edit = QLineEdit(self)
        self.kind_combo = QComboBox(self)
        fill_enum_combo(self.kind_combo, UnitKind)
        select_data(self.kind_combo, UnitKind.DIVISION)
        self.parent_combo = QComboBox(self)
        self.parent_combo.addItem("—", None)
        for unit in units:
            if unit.id != unit_id:
                self.parent_combo.addItem(unit.name, unit.id)
        self.active_check = QCheckBox("Đang hoạt động", self)
        self.active_check.setChecked(True)
        self.closed_label = QLabel(CLOSED_LABEL, self)
        self.closed_edit = QDateEdit(self)
        self.closed_edit.setDisplayFormat("dd/MM/yyyy")
        self.closed_edit.setCalendarPopup(True)
        self.closed_edit.setToolTip(
            "Ngày đơn vị ngừng hoạt động (có thể là một ngày đã qua): các số liệu của những năm "
            "trước vẫn tính đơn vị này"
        )
        self._set_closed_date(self.today)
        # a unit closed before the day was recorded: it may stay unknown (out of every year)
        self.closed_unknown_check = QCheckBox("Chưa rõ ngày", self)
        self.closed_unknown_check.setToolTip(
            "Đơn vị đã ngừng hoạt động từ trước nhưng chưa ghi ngày: không được tính vào năm nào"
        )
        self.closed_unknown_check.setVisible(False)
        self.closed_row = QWidget(self)
        row = QHBoxLayout(self.closed_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.closed_edit)
        row.addWidget(self.closed_unknown_check)
        row.addStretch(1)
        self.note_edit = QLineEdit(self)
        self.form.addRow("Tên đơn vị:", self.name_edit)
        self.form.addRow("Viết tắt:", self.short_edit)
        self.form.addRow("Loại:", self.kind_combo)
        self.form.addRow("Trực thuộc:", self.parent_combo)
        self.form.addRow("", self.active_check)
        self.form.addRow(self.closed_label, self.closed_row)
        self.form.addRow("Ghi chú:", self.note_edit)
        if data is not None:
            self.name_edit.setText(data.name)
            self.short_edit.setText(data.short_name)
            select_data(self.kind_combo, data.kind)
            select_data(self.parent_combo, data.parent_id)
            self.active_check.setChecked(data.active)
            if not data.active and data.closed_on is not None:
                self._set_closed_date(data.closed_on)
            elif not data.active:
                self.closed_unknown_check.setVisible(True)
                self.closed_unknown_check.setChecked(True)
            self.note_edit.setText(data.note)
        self.name_edit.textChanged.connect(self.revalidate)
        self.active_check.toggled.connect(self.revalidate)
        self.closed_edit.dateChanged.connect(self.revalidate)
        self.closed_unknown_check.toggled.connect(self.revalidate)
        self.revalidate()

    def _set_closed_date(self, value: date) -> None:
        self.closed_edit.setDate(QDate(value.year, value.month, value.day))

    def closed_on(self) -> date | None:
        """The day typed, or None while the unit works (or the day is left unknown)."""
        if self.active_check.isChecked() or self.closed_unknown_check.isChecked():
            return None
        d = self.closed_edit.date()
        return date(d.year(), d.month(), d.day())

    def input(self) -> UnitInput:
        return UnitInput(
            name=self.name_edit.text(),
            short_name=self.short_edit.text(),
            kind=current_enum(self.kind_combo, UnitKind) or UnitKind.DIVISION,
            parent_id=self.parent_combo.currentData(),
            active=self.active_check.isChecked(),
            note=self.note_edit.text(),
            closed_on=self.closed_on(),
        )

    def problems(self) -> dict[str, str]:
        closing = not self.active_check.isChecked()
        self.form.setRowVisible(self.closed_row, closing)
        self.closed_edit.setEnabled(not self.closed_unknown_check.isChecked())
        return people.validate_unit(self.input(), self.unit_id, self.today)
