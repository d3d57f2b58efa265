"""Add or edit a person: names stored apart, the manual sort key, unit, rank group."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QSpinBox, QWidget

from app import people
from app.people import PersonInput, UnitRow
from db.enums import Gender, RankGroup
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data

NO_YEAR = people.MIN_BIRTH_YEAR - 1


class PersonDialog(FormDialog):
    def __init__(
        self,
        units: Sequence[UnitRow],
        data: PersonInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa thông tin cán bộ" if data else "Thêm cán bộ", parent)
        self.family_edit = QLineEdit(self)
        self.middle_edit = QLineEdit(self)
        self.given_edit = QLineEdit(self)
        self.sort_key_edit = QLineEdit(self)
        self.sort_key_edit.setPlaceholderText("Để trống: xếp theo tên, tên đệm, họ")
        self.gender_combo = QComboBox(self)
        fill_enum_combo(self.gender_combo, Gender, allow_empty=True)
        self.birth_spin = QSpinBox(self)
        self.birth_spin.setRange(NO_YEAR, people.MAX_BIRTH_YEAR)
        self.birth_spin.setSpecialValueText("Không rõ")
        self.position_edit = QLineEdit(self)
        self.rank_combo = QComboBox(self)
        fill_enum_combo(self.rank_combo, RankGroup, allow_empty=True)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem("—", None)
        for unit in units:
            self.unit_combo.addItem(unit.name, unit.id)
        self.hired_check = QCheckBox("Ngày tuyển dụng", self)
        self.hired_edit = QDateEdit(self)
        self.hired_edit.setDisplayFormat("dd/MM/yyyy")
        self.hired_edit.setCalendarPopup(True)
        self.hired_edit.setDate(QDate.currentDate())
        self.active_check = QCheckBox("Đang công tác", self)
        self.active_check.setChecked(True)
        self.note_edit = QLineEdit(self)
        self.form.addRow("Họ:", self.family_edit)
        self.form.addRow("Tên đệm:", self.middle_edit)
        self.form.addRow("Tên:", self.given_edit)
        self.form.addRow("Khóa sắp xếp riêng:", self.sort_key_edit)
        self.form.addRow("Giới tính:", self.gender_combo)
        self.form.addRow("Năm sinh:", self.birth_spin)
        self.form.addRow("Chức vụ:", self.position_edit)
        self.form.addRow("Nhóm đối tượng:", self.rank_combo)
        self.form.addRow("Đơn vị:", self.unit_combo)
        self.form.addRow(self.hired_check, self.hired_edit)
        self.form.addRow("", self.active_check)
        self.form.addRow("Ghi chú:", self.note_edit)
        if data is not None:
            self.set_input(data)
        for edit in (self.family_edit, self.middle_edit, self.given_edit, self.sort_key_edit):
            edit.textChanged.connect(self.revalidate)
        self.birth_spin.valueChanged.connect(self.revalidate)
        self.hired_check.toggled.connect(self.hired_edit.setEnabled)
        self.hired_edit.setEnabled(self.hired_check.isChecked())
        self.revalidate()

    def set_input(self, data: PersonInput) -> None:
        self.family_edit.setText(data.family_name)
        self.middle_edit.setText(data.middle_name)
        self.given_edit.setText(data.given_name)
        self.sort_key_edit.setText(data.manual_sort_key or "")
        select_data(self.gender_combo, data.gender)
        self.birth_spin.setValue(data.birth_year or NO_YEAR)
        self.position_edit.setText(data.position)
        select_data(self.rank_combo, data.rank_group)
        select_data(self.unit_combo, data.unit_id)
        self.hired_check.setChecked(data.hired_on is not None)
        if data.hired_on is not None:
            self.hired_edit.setDate(
                QDate(data.hired_on.year, data.hired_on.month, data.hired_on.day)
            )
        self.active_check.setChecked(data.active)
        self.note_edit.setText(data.note)

    def input(self) -> PersonInput:
        hired: date | None = None
        if self.hired_check.isChecked():
            d = self.hired_edit.date()
            hired = date(d.year(), d.month(), d.day())
        birth = self.birth_spin.value()
        return PersonInput(
            family_name=self.family_edit.text(),
            middle_name=self.middle_edit.text(),
            given_name=self.given_edit.text(),
            manual_sort_key=self.sort_key_edit.text() or None,
            gender=current_enum(self.gender_combo, Gender),
            birth_year=None if birth == NO_YEAR else birth,
            position=self.position_edit.text(),
            rank_group=current_enum(self.rank_combo, RankGroup),
            unit_id=self.unit_combo.currentData(),
            hired_on=hired,
            active=self.active_check.isChecked(),
            note=self.note_edit.text(),
        )

    def problems(self) -> dict[str, str]:
        return people.validate_person(self.input())
