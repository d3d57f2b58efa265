"""Add or edit a council meeting: kind, status, day or month, times, place, chair, secretary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app import meeting_edit
from app.meeting_edit import MeetingInput
from app.people import PersonRow
from app.plan import PlanItemRow
from db.enums import MeetingKind, MeetingStatus
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data


def _time_edit(parent: QWidget, value: time | None, default: time) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    shown = value or default
    edit.setTime(QTime(shown.hour, shown.minute))
    return edit


class MeetingDialog(FormDialog):
    def __init__(
        self,
        year: int,
        people: Sequence[PersonRow],
        tasks: Sequence[PlanItemRow],
        data: MeetingInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa phiên họp" if data else "Thêm phiên họp", parent)
        self.year = data.year if data else year
        self.title_edit = QLineEdit(self)
        self.kind_combo = QComboBox(self)
        fill_enum_combo(self.kind_combo, MeetingKind)
        self.status_combo = QComboBox(self)
        fill_enum_combo(self.status_combo, MeetingStatus)
        self.dated_check = QCheckBox("Đã định ngày họp", self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate(self.year, 1, 1))
        self.month_spin = QSpinBox(self)
        self.month_spin.setRange(0, 12)
        self.month_spin.setSpecialValueText("Chưa định")
        self.start_check = QCheckBox("Giờ bắt đầu", self)
        self.start_edit = _time_edit(self, data.start_time if data else None, time(8, 0))
        self.end_check = QCheckBox("Giờ kết thúc", self)
        self.end_edit = _time_edit(self, data.end_time if data else None, time(11, 0))
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText("VD: Phòng họp Sở")
        self.chair_combo = QComboBox(self)
        self.secretary_combo = QComboBox(self)
        for combo in (self.chair_combo, self.secretary_combo):
            combo.addItem("—", None)
            for person in people:
                combo.addItem(person.full_name, person.id)
        self.task_combo = QComboBox(self)
        self.task_combo.addItem("—", None)
        for task in tasks:
            self.task_combo.addItem(f"{task.path} {' '.join(task.title.split())[:70]}", task.id)
        self.content_edit = QPlainTextEdit(self)
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setFixedHeight(70)
        self.form.addRow("Tên phiên họp:", self.title_edit)
        self.form.addRow("Loại:", self.kind_combo)
        self.form.addRow("Trạng thái:", self.status_combo)
        self.form.addRow(self.dated_check, self.date_edit)
        self.form.addRow("Tháng dự kiến:", self.month_spin)
        self.form.addRow(self.start_check, self.start_edit)
        self.form.addRow(self.end_check, self.end_edit)
        self.form.addRow("Địa điểm:", self.place_edit)
        self.form.addRow("Chủ trì:", self.chair_combo)
        self.form.addRow("Thư ký:", self.secretary_combo)
        self.form.addRow("Thực hiện nhiệm vụ:", self.task_combo)
        self.form.addRow("Nội dung:", self.content_edit)
        if data is not None:
            self._show(data)
        for check, edit in (
            (self.dated_check, self.date_edit),
            (self.start_check, self.start_edit),
            (self.end_check, self.end_edit),
        ):
            edit.setEnabled(check.isChecked())
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.revalidate)
        self.dated_check.toggled.connect(lambda on: self.month_spin.setEnabled(not on))
        self.month_spin.setEnabled(not self.dated_check.isChecked())
        self.title_edit.textChanged.connect(self.revalidate)
        for signal in (
            self.date_edit.dateChanged,
            self.start_edit.timeChanged,
            self.end_edit.timeChanged,
        ):
            signal.connect(self.revalidate)
        for combo in (self.chair_combo, self.secretary_combo):
            combo.currentIndexChanged.connect(self.revalidate)
        self.setMinimumWidth(560)
        self.revalidate()

    def _show(self, data: MeetingInput) -> None:
        self.title_edit.setText(data.title)
        select_data(self.kind_combo, data.kind)
        select_data(self.status_combo, data.status)
        self.dated_check.setChecked(data.held_on is not None)
        if data.held_on is not None:
            self.date_edit.setDate(QDate(data.held_on.year, data.held_on.month, data.held_on.day))
        self.month_spin.setValue(data.month or 0)
        self.start_check.setChecked(data.start_time is not None)
        self.end_check.setChecked(data.end_time is not None)
        self.place_edit.setText(data.place)
        select_data(self.chair_combo, data.chair_id)
        select_data(self.secretary_combo, data.secretary_id)
        select_data(self.task_combo, data.plan_item_id)
        self.content_edit.setPlainText(data.content)

    def input(self) -> MeetingInput:
        d, start, end = self.date_edit.date(), self.start_edit.time(), self.end_edit.time()
        return MeetingInput(
            year=self.year,
            title=self.title_edit.text(),
            kind=current_enum(self.kind_combo, MeetingKind) or MeetingKind.PERIODIC,
            status=current_enum(self.status_combo, MeetingStatus) or MeetingStatus.PLANNED,
            month=self.month_spin.value() or None,
            held_on=date(d.year(), d.month(), d.day()) if self.dated_check.isChecked() else None,
            start_time=time(start.hour(), start.minute()) if self.start_check.isChecked() else None,
            end_time=time(end.hour(), end.minute()) if self.end_check.isChecked() else None,
            place=self.place_edit.text(),
            content=self.content_edit.toPlainText(),
            chair_id=self.chair_combo.currentData(),
            secretary_id=self.secretary_combo.currentData(),
            plan_item_id=self.task_combo.currentData(),
        )

    def problems(self) -> dict[str, str]:
        return meeting_edit.validate_meeting(self.input())
