"""Add or edit an emulation campaign: launcher, kind, scope, dates, cadence, lead, content."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app import campaigns
from app.campaigns import CampaignInput
from app.people import UnitRow
from app.plan import PlanItemRow
from db.enums import Cadence, CampaignKind, CampaignScope, CampaignStatus, Launcher
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data


def date_edit(parent: QWidget, value: date | None, default: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    shown = value or default
    edit.setDate(QDate(shown.year, shown.month, shown.day))
    return edit


def picked(check: QCheckBox, edit: QDateEdit) -> date | None:
    if not check.isChecked():
        return None
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def text_box(parent: QWidget, text: str = "", height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit(text, parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class CampaignDialog(FormDialog):
    def __init__(
        self,
        year: int,
        units: Sequence[UnitRow],
        tasks: Sequence[PlanItemRow],
        data: CampaignInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa phong trào thi đua" if data else "Thêm phong trào thi đua", parent)
        self.year = data.year if data else year
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("VD: Phong trào thi đua chào mừng kỷ niệm …")
        self.launcher_combo = QComboBox(self)
        fill_enum_combo(self.launcher_combo, Launcher)
        self.launcher_edit = QLineEdit(self)
        self.launcher_edit.setPlaceholderText("Cơ quan phát động (khi chọn “Khác”)")
        self.kind_combo = QComboBox(self)
        fill_enum_combo(self.kind_combo, CampaignKind, allow_empty=True)
        self.scope_combo = QComboBox(self)
        fill_enum_combo(self.scope_combo, CampaignScope, allow_empty=True)
        self.from_check = QCheckBox("Ngày bắt đầu", self)
        self.from_edit = date_edit(self, data.date_from if data else None, date(self.year, 1, 1))
        self.to_check = QCheckBox("Ngày kết thúc", self)
        self.to_edit = date_edit(self, data.date_to if data else None, date(self.year, 12, 31))
        self.cadence_combo = QComboBox(self)
        fill_enum_combo(self.cadence_combo, Cadence, allow_empty=True)
        self.lead_combo = QComboBox(self)
        self.lead_combo.addItem("—", None)
        for unit in units:
            self.lead_combo.addItem(unit.name, unit.id)
        self.lead_edit = QLineEdit(self)
        self.lead_edit.setPlaceholderText("Ghi rõ đơn vị chủ trì, phối hợp (nếu cần)")
        self.goals_edit = text_box(self)
        self.criteria_edit = text_box(self, height=90)
        self.criteria_edit.setPlaceholderText(
            "Mỗi nội dung một dòng; dòng bắt đầu bằng “- ” là gạch đầu dòng"
        )
        self.status_combo = QComboBox(self)
        fill_enum_combo(self.status_combo, CampaignStatus)
        self.task_combo = QComboBox(self)
        self.task_combo.addItem("—", None)
        for task in tasks:
            self.task_combo.addItem(f"{task.path} {' '.join(task.title.split())[:70]}", task.id)
        self.form.addRow("Tên phong trào:", self.name_edit)
        self.form.addRow("Cấp phát động:", self.launcher_combo)
        self.form.addRow("", self.launcher_edit)
        self.form.addRow("Hình thức:", self.kind_combo)
        self.form.addRow("Phạm vi:", self.scope_combo)
        self.form.addRow(self.from_check, self.from_edit)
        self.form.addRow(self.to_check, self.to_edit)
        self.form.addRow("Kỳ báo cáo:", self.cadence_combo)
        self.form.addRow("Đơn vị chủ trì:", self.lead_combo)
        self.form.addRow("", self.lead_edit)
        self.form.addRow("Mục đích, yêu cầu:", self.goals_edit)
        self.form.addRow("Nội dung thi đua:", self.criteria_edit)
        self.form.addRow("Trạng thái:", self.status_combo)
        self.form.addRow("Thuộc nhiệm vụ:", self.task_combo)
        if data is not None:
            self._show(data)
        else:
            select_data(self.launcher_combo, Launcher.DEPARTMENT)
            select_data(self.kind_combo, CampaignKind.REGULAR)
            select_data(self.scope_combo, CampaignScope.AGENCY)
            select_data(self.status_combo, CampaignStatus.ACTIVE)
        self._connect_signals()
        self.setMinimumWidth(620)
        self.revalidate()

    def _connect_signals(self) -> None:
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            edit.setEnabled(check.isChecked())
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.revalidate)
            edit.dateChanged.connect(self.revalidate)
        self.launcher_combo.currentIndexChanged.connect(self._launcher_changed)
        self._launcher_changed()
        self.name_edit.textChanged.connect(self.revalidate)
        self.launcher_edit.textChanged.connect(self.revalidate)

    def _launcher_changed(self, *changed: object) -> None:
        other = current_enum(self.launcher_combo, Launcher) == Launcher.OTHER
        self.launcher_edit.setEnabled(other)
        self.revalidate(*changed)

    def _show(self, data: CampaignInput) -> None:
        self.name_edit.setText(data.name)
        select_data(self.launcher_combo, data.launcher)
        self.launcher_edit.setText(data.launcher_text)
        select_data(self.kind_combo, data.kind)
        select_data(self.scope_combo, data.scope)
        self.from_check.setChecked(data.date_from is not None)
        self.to_check.setChecked(data.date_to is not None)
        select_data(self.cadence_combo, data.cadence)
        select_data(self.lead_combo, data.lead_unit_id)
        self.lead_edit.setText(data.lead_text)
        self.goals_edit.setPlainText(data.goals)
        self.criteria_edit.setPlainText(data.criteria)
        select_data(self.status_combo, data.status)
        select_data(self.task_combo, data.plan_item_id)

    def input(self) -> CampaignInput:
        return CampaignInput(
            year=self.year,
            name=self.name_edit.text(),
            launcher=current_enum(self.launcher_combo, Launcher) or Launcher.DEPARTMENT,
            launcher_text=self.launcher_edit.text(),
            kind=current_enum(self.kind_combo, CampaignKind),
            scope=current_enum(self.scope_combo, CampaignScope),
            date_from=picked(self.from_check, self.from_edit),
            date_to=picked(self.to_check, self.to_edit),
            cadence=current_enum(self.cadence_combo, Cadence),
            lead_unit_id=self.lead_combo.currentData(),
            lead_text=self.lead_edit.text(),
            goals=self.goals_edit.toPlainText(),
            criteria=self.criteria_edit.toPlainText(),
            status=current_enum(self.status_combo, CampaignStatus) or CampaignStatus.ACTIVE,
            plan_item_id=self.task_combo.currentData(),
        )

    def problems(self) -> dict[str, str]:
        return campaigns.validate_campaign(self.input())
