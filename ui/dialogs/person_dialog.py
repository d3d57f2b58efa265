"""Add or edit a person: names stored apart, the manual sort key, unit, rank group; when the
unit, the position, the rank group or "still working" changes, the date it happened; the unit
history, whose wrongly dated rows can be corrected (saved with the person)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import people, person_history
from app.people import PersonInput, UnitRow
from app.person_history import DatedEdit, HistoryRow
from app.vntext import clean
from db.enums import Gender, RankGroup
from ui import messages
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data
from ui.models.directory_table_models import UnitHistoryTableModel
from ui.models.record_table_model import ROW_ROLE

NO_YEAR = people.MIN_BIRTH_YEAR - 1
CHANGE_LABELS = {
    "move": "Từ ngày:",
    "leave": "Nghỉ từ ngày:",
    "return": "Trở lại từ ngày:",
}


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(_qdate(value))
    return edit


class PersonDialog(FormDialog):
    def __init__(
        self,
        units: Sequence[UnitRow],
        data: PersonInput | None = None,
        parent: QWidget | None = None,
        history: Sequence[HistoryRow] = (),
        today: date | None = None,
    ) -> None:
        super().__init__("Sửa thông tin cán bộ" if data else "Thêm cán bộ", parent)
        self.today = today or date.today()
        self.original = data
        self.history = list(history)
        self.corrections: list[tuple[int, date | None, date | None]] = []
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
        self.hired_edit.setDate(_qdate(self.today))
        self.active_check = QCheckBox("Đang công tác", self)
        self.active_check.setChecked(True)
        self.change_label = QLabel(CHANGE_LABELS["move"], self)
        self.change_date_edit = _date_edit(self, self.today)
        self.change_date_edit.setToolTip(
            "Ngày chuyển đơn vị, thay đổi chức vụ hoặc nhóm đối tượng, nghỉ hoặc trở lại công tác "
            "(có thể là một ngày đã qua)"
        )
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
        self.form.addRow(self.change_label, self.change_date_edit)
        self.form.addRow("Ghi chú:", self.note_edit)
        self.history_model = UnitHistoryTableModel(self)
        self.history_table = QTableView(self)
        self.fix_dates_button = QPushButton("Sửa ngày…", self)
        self.history_box = self._build_history_box()
        self.history_box.setVisible(data is not None)
        if data is not None:
            self.setMinimumWidth(700)  # room for the history's five columns
        if data is not None:
            self.set_input(data)
        for edit in (
            self.family_edit,
            self.middle_edit,
            self.given_edit,
            self.sort_key_edit,
            self.position_edit,
        ):
            edit.textChanged.connect(self.revalidate)
        self.birth_spin.valueChanged.connect(self.revalidate)
        self.unit_combo.currentIndexChanged.connect(self.revalidate)
        self.rank_combo.currentIndexChanged.connect(self.revalidate)
        self.active_check.toggled.connect(self.revalidate)
        self.change_date_edit.dateChanged.connect(self.revalidate)
        self.hired_check.toggled.connect(self.hired_edit.setEnabled)
        self.hired_edit.setEnabled(self.hired_check.isChecked())
        self.history_table.selectionModel().selectionChanged.connect(self._update_fix_button)
        self.history_table.doubleClicked.connect(lambda _index: self.fix_selected_dates())
        self.fix_dates_button.clicked.connect(self.fix_selected_dates)
        self._update_fix_button()
        self.revalidate()

    def _build_history_box(self) -> QGroupBox:
        box = QGroupBox("Quá trình công tác", self)
        self.history_model.set_rows(self.history)
        self.history_table.setModel(self.history_model)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.verticalHeader().hide()
        header = self.history_table.horizontalHeader()
        for column, spec in enumerate(self.history_model.columns):
            self.history_table.setColumnWidth(column, spec.width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_table.setWordWrap(False)
        self.history_table.setMinimumHeight(100)
        self.history_table.setMaximumHeight(160)
        self.fix_dates_button.setToolTip(
            "Sửa ngày bắt đầu, kết thúc của dòng đang chọn (lưu cùng thông tin cán bộ)"
        )
        hint = QLabel("Chuyển đơn vị ghi sai ngày? Chọn dòng rồi bấm Sửa ngày.", box)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.fix_dates_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.history_table)
        layout.addLayout(buttons)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(1, box)
        return box

    def _update_fix_button(self, *_: object) -> None:
        self.fix_dates_button.setEnabled(self.selected_history_row() is not None)

    def selected_history_row(self) -> HistoryRow | None:
        rows = self.history_table.selectionModel().selectedRows()
        return self.history_model.data(rows[0], ROW_ROLE) if rows else None

    def fix_selected_dates(self) -> bool:
        """Correct the selected row's dates; kept here and saved with the person."""
        row = self.selected_history_row()
        if row is None:
            return False
        dialog = HistoryDatesDialog(row, self.history, self.today, self)
        if not messages.run_dialog(dialog):
            return False
        start, end = dialog.dates()
        self.history = person_history.with_dates(self.history, row.id, start, end)
        self.corrections.append((row.id, start, end))
        self.history_model.set_rows(self.history)
        self.history_table.selectRow(self.history_model.find_row(lambda r: r.id == row.id))
        self.revalidate(True)
        return True

    def change_kind(self) -> str | None:
        """What the form changes that is dated: "move" (unit, position or rank group), "leave",
        "return"."""
        before = self.original
        if before is None:
            return None
        active = self.active_check.isChecked()
        if before.active and not active:
            return "leave"
        if active and not before.active:
            return "return"
        if not active:  # a former staff member's record: nothing to date
            return None
        position_changed = clean(self.position_edit.text()) != before.position
        rank_changed = current_enum(self.rank_combo, RankGroup) != before.rank_group
        if self.unit_combo.currentData() != before.unit_id or position_changed or rank_changed:
            return "move"
        return None

    def dated_edit(self) -> DatedEdit:
        kind = self.change_kind()
        return DatedEdit(_date(self.change_date_edit) if kind else None, tuple(self.corrections))

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
        problems = people.validate_person(self.input())
        kind = self.change_kind()
        self.form.setRowVisible(self.change_date_edit, kind is not None)
        if kind is None:
            return problems
        self.change_label.setText(CHANGE_LABELS[kind])
        before_unit = self.original.unit_id if self.original else None
        if kind == "leave" and self.unit_combo.currentData() != before_unit:
            problems["unit_id"] = people.LEAVE_AND_MOVE
        problem = person_history.validate_change_date(
            _date(self.change_date_edit), self.history, self.today
        )
        if problem:
            problems["moved_on"] = problem
        return problems


class HistoryDatesDialog(FormDialog):
    """Correct one unit history row's dates (a move wrongly dated), within the rows around it."""

    def __init__(
        self,
        row: HistoryRow,
        rows: Sequence[HistoryRow],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa ngày trong quá trình công tác", parent)
        self.row, self.rows, self.today = row, list(rows), today
        position = f" ({row.position})" if row.position else ""
        self.form.addRow("Đơn vị:", QLabel(f"{row.unit_name}{position}", self))
        self.from_check = QCheckBox("Từ ngày", self)
        self.from_edit = _date_edit(self, row.date_from or today)
        self.to_check = QCheckBox("Đến ngày", self)
        self.to_edit = _date_edit(self, row.date_to or today)
        self.form.addRow(self.from_check, self.from_edit)
        self.form.addRow(self.to_check, self.to_edit)
        note = QLabel("Dòng liền trước, liền sau có cùng ngày chuyển cũng được sửa theo.", self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.form.addRow(note)
        self.from_check.setChecked(row.date_from is not None)
        self.to_check.setChecked(row.date_to is not None)
        if row.date_to is None:  # still there: ended by a move or a departure, not here
            self.to_check.setEnabled(False)
            self.to_check.setText("Đến nay")
            self.form.setRowVisible(self.to_edit, False)
            self.form.insertRow(2, "Đến ngày:", QLabel("nay (đơn vị hiện tại)", self))
        self.setMinimumWidth(380)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            edit.setEnabled(check.isChecked())
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.revalidate)
            edit.dateChanged.connect(self.revalidate)
        self.revalidate()

    def dates(self) -> tuple[date | None, date | None]:
        start = _date(self.from_edit) if self.from_check.isChecked() else None
        end = _date(self.to_edit) if self.to_check.isChecked() else None
        return start, end

    def problems(self) -> dict[str, str]:
        return person_history.validate_row_dates(self.rows, self.row.id, *self.dates(), self.today)
