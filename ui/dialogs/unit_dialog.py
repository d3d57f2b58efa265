"""Add or edit a unit of the agency."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app import people
from app.people import UnitInput, UnitRow
from db.enums import UnitKind
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data


class UnitDialog(FormDialog):
    def __init__(
        self,
        units: Sequence[UnitRow],
        data: UnitInput | None = None,
        unit_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa đơn vị" if data else "Thêm đơn vị", parent)
        self.unit_id = unit_id
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
        self.note_edit = QLineEdit(self)
        self.form.addRow("Tên đơn vị:", self.name_edit)
        self.form.addRow("Viết tắt:", self.short_edit)
        self.form.addRow("Loại:", self.kind_combo)
        self.form.addRow("Trực thuộc:", self.parent_combo)
        self.form.addRow("", self.active_check)
        self.form.addRow("Ghi chú:", self.note_edit)
        if data is not None:
            self.name_edit.setText(data.name)
            self.short_edit.setText(data.short_name)
            select_data(self.kind_combo, data.kind)
            select_data(self.parent_combo, data.parent_id)
            self.active_check.setChecked(data.active)
            self.note_edit.setText(data.note)
        self.name_edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def input(self) -> UnitInput:
        return UnitInput(
            name=self.name_edit.text(),
            short_name=self.short_edit.text(),
            kind=current_enum(self.kind_combo, UnitKind) or UnitKind.DIVISION,
            parent_id=self.parent_combo.currentData(),
            active=self.active_check.isChecked(),
            note=self.note_edit.text(),
        )

    def problems(self) -> dict[str, str]:
        return people.validate_unit(self.input(), self.unit_id)
