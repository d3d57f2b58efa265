"""The council's members and its rules of procedure (quorum, vote threshold and base)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QSpinBox, QWidget

from app import council
from app.council import CouncilSettings, MemberInput
from app.people import PersonRow, UnitRow
from db.enums import CouncilRole, VoteBase
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data


def _date_edit(parent: QWidget, value: date | None) -> tuple[QCheckBox, QDateEdit]:
    check = QCheckBox(parent)
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    shown = value or date.today()
    edit.setDate(QDate(shown.year, shown.month, shown.day))
    check.setChecked(value is not None)
    edit.setEnabled(value is not None)
    check.toggled.connect(edit.setEnabled)
    return check, edit


def _value(check: QCheckBox, edit: QDateEdit) -> date | None:
    d = edit.date()
    return date(d.year(), d.month(), d.day()) if check.isChecked() else None


class CouncilMemberDialog(FormDialog):
    def __init__(
        self,
        people: Sequence[PersonRow],
        data: MemberInput | None = None,
        member_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa thành viên Hội đồng" if data else "Thêm thành viên Hội đồng", parent)
        self.member_id = member_id
        self.person_combo = QComboBox(self)
        self.person_combo.addItem("—", None)
        for person in people:
            self.person_combo.addItem(
                f"{person.full_name} — {person.position or person.unit_name}".rstrip(" —"),
                person.id,
            )
        self.role_combo = QComboBox(self)
        fill_enum_combo(self.role_combo, CouncilRole)
        select_data(self.role_combo, CouncilRole.MEMBER)
        self.from_check, self.from_edit = _date_edit(self, data.term_from if data else None)
        self.to_check, self.to_edit = _date_edit(self, data.term_to if data else None)
        self.from_check.setText("Từ ngày")
        self.to_check.setText("Đến ngày")
        self.form.addRow("Cán bộ:", self.person_combo)
        self.form.addRow("Chức danh:", self.role_combo)
        self.form.addRow(self.from_check, self.from_edit)
        self.form.addRow(self.to_check, self.to_edit)
        if data is not None:
            select_data(self.person_combo, data.person_id)
            select_data(self.role_combo, data.role)
        for combo in (self.person_combo, self.role_combo):
            combo.currentIndexChanged.connect(self.revalidate)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.revalidate)
        self.setMinimumWidth(480)
        self.revalidate()

    def input(self) -> MemberInput:
        return MemberInput(
            self.person_combo.currentData(),
            current_enum(self.role_combo, CouncilRole) or CouncilRole.MEMBER,
            _value(self.from_check, self.from_edit),
            _value(self.to_check, self.to_edit),
        )

    def problems(self) -> dict[str, str]:
        return council.validate_member(self.input(), self.member_id)


class CouncilSettingsDialog(FormDialog):
    """Quorum and vote rules are the council's settings (its Quy chế), never constants."""

    def __init__(
        self, data: CouncilSettings, units: Sequence[UnitRow], parent: QWidget | None = None
    ) -> None:
        super().__init__("Quy chế hoạt động của Hội đồng", parent)
        self.name_edit = QLineEdit(data.name, self)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem("—", None)
        for unit in units:
            self.unit_combo.addItem(unit.name, unit.id)
        select_data(self.unit_combo, data.standing_unit_id)
        self.numerator_spin = QSpinBox(self)
        self.denominator_spin = QSpinBox(self)
        for spin, value in (
            (self.numerator_spin, data.quorum_numerator),
            (self.denominator_spin, data.quorum_denominator),
        ):
            spin.setRange(0, 100)
            spin.setValue(value)
            spin.valueChanged.connect(self.revalidate)
        self.threshold_spin = QSpinBox(self)
        self.threshold_spin.setRange(0, 100)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setValue(data.default_threshold_percent)
        self.threshold_spin.valueChanged.connect(self.revalidate)
        self.base_combo = QComboBox(self)
        fill_enum_combo(self.base_combo, VoteBase)
        select_data(self.base_combo, data.default_vote_base)
        self.written_check = QCheckBox("Tính phiếu bằng văn bản của thành viên vắng mặt", self)
        self.written_check.setChecked(data.written_votes_count)
        self.basis_edit = QLineEdit(data.rules_basis, self)
        self.basis_edit.setPlaceholderText(
            "VD: Quy chế hoạt động ban hành kèm Quyết định số …/QĐ-SNgV"
        )
        self.form.addRow("Tên Hội đồng:", self.name_edit)
        self.form.addRow("Đơn vị thường trực:", self.unit_combo)
        self.form.addRow("Số có mặt tối thiểu (tử số):", self.numerator_spin)
        self.form.addRow("trên tổng số thành viên (mẫu số):", self.denominator_spin)
        self.form.addRow("Ngưỡng biểu quyết mặc định:", self.threshold_spin)
        self.form.addRow("Tính trên:", self.base_combo)
        self.form.addRow("", self.written_check)
        self.form.addRow("Căn cứ:", self.basis_edit)
        self.name_edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(560)
        self.revalidate()

    def settings(self) -> CouncilSettings:
        return CouncilSettings(
            self.name_edit.text(),
            self.unit_combo.currentData(),
            self.numerator_spin.value(),
            self.denominator_spin.value(),
            self.threshold_spin.value(),
            current_enum(self.base_combo, VoteBase) or VoteBase.PRESENT,
            self.written_check.isChecked(),
            self.basis_edit.text(),
        )

    def problems(self) -> dict[str, str]:
        return council.validate_settings(self.settings())


class TitleThresholdDialog(FormDialog):
    """The council's own vote threshold for one title or form, from a date on."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Ngưỡng biểu quyết theo danh hiệu, hình thức", parent)
        self.today = today
        self.current = {t.award_code: t for t in council.title_thresholds(today)}
        self.award_combo = QComboBox(self)
        for t in self.current.values():
            self.award_combo.addItem(t.award_name, t.award_code)
        self.now_label = QLabel(self)
        self.now_label.setWordWrap(True)
        self.percent_spin = QSpinBox(self)
        self.percent_spin.setRange(0, 100)
        self.percent_spin.setSuffix(" %")
        self.base_combo = QComboBox(self)
        fill_enum_combo(self.base_combo, VoteBase)
        self.written_check = QCheckBox("Tính phiếu bằng văn bản của thành viên vắng mặt", self)
        self.from_check, self.from_edit = _date_edit(self, today)
        self.from_check.setText("Áp dụng từ ngày")
        self.from_check.setEnabled(False)  # a threshold always has its date
        self.form.addRow("Danh hiệu, hình thức:", self.award_combo)
        self.form.addRow(self.now_label)
        self.form.addRow("Ngưỡng:", self.percent_spin)
        self.form.addRow("Tính trên:", self.base_combo)
        self.form.addRow("", self.written_check)
        self.form.addRow(self.from_check, self.from_edit)
        self.award_combo.currentIndexChanged.connect(self._show_current)
        self.percent_spin.valueChanged.connect(self.revalidate)
        self._show_current()
        self.setMinimumWidth(560)

    def _show_current(self, *_: object) -> None:
        t = self.current[self.award_combo.currentData()]
        self.now_label.setText(
            f"Đang áp dụng: {t.percent}% trên {t.base.label.lower()} — theo {t.source}."
        )
        self.percent_spin.setValue(t.percent)
        select_data(self.base_combo, t.base)
        self.written_check.setChecked(t.written_votes_count)
        self.revalidate()

    def values(self) -> tuple[str, int, VoteBase, bool, date]:
        return (
            self.award_combo.currentData(),
            self.percent_spin.value(),
            current_enum(self.base_combo, VoteBase) or VoteBase.PRESENT,
            self.written_check.isChecked(),
            _value(self.from_check, self.from_edit) or self.today,
        )

    def problems(self) -> dict[str, str]:
        return (
            {}
            if 1 <= self.percent_spin.value() <= 100
            else {"percent": "Ngưỡng phải từ 1% đến 100%."}
        )
