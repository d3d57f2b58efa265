"""Danh mục: units, people, council members and the award catalog; units and people are edited here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app import catalog, council, people, person_history, trash
from app.errors import AppError
from app.person_history import DatedEdit
from ui import messages
from ui.dialogs.council_dialogs import (
    CouncilMemberDialog,
    CouncilSettingsDialog,
    TitleThresholdDialog,
)
from ui.dialogs.person_dialog import PersonDialog
from ui.dialogs.unit_dialog import UnitDialog
from ui.models.directory_table_models import (
    AwardTypeTableModel,
    CouncilMemberTableModel,
    PersonTableModel,
    UnitTableModel,
)
from ui.tabs.catalog_rules import RulesView
from ui.tabs.editable_list import EditableList
from ui.tabs.list_tab import RecordListTab


def _all_years(loader: Callable[[], Any]) -> Callable[[int | None], Any]:
    return lambda _year: loader()


class UnitEditor:
    table = "unit"

    def __init__(self, units: Callable[[], list[people.UnitRow]]) -> None:
        self.units = units

    def open_dialog(self, parent: QWidget, row: people.UnitRow | None) -> people.UnitInput | None:
        data = people.unit_input(row.id) if row else None
        dialog = UnitDialog(self.units(), data, row.id if row else None, parent)
        return dialog.input() if messages.run_dialog(dialog) else None

    def save(self, row: people.UnitRow | None, data: people.UnitInput) -> Any:
        return people.create_unit(data) if row is None else people.update_unit(row.id, data)

    def remove(self, row: people.UnitRow) -> Callable[[], int]:
        trash_id = people.delete_unit(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: people.UnitRow) -> str:
        return f"đơn vị “{row.name}”"


class PersonEditor:
    table = "person"

    def __init__(self, units: Callable[[], list[people.UnitRow]]) -> None:
        self.units = units

    def open_dialog(
        self, parent: QWidget, row: people.PersonRow | None
    ) -> tuple[people.PersonInput, DatedEdit] | None:
        data = people.person_input(row.id) if row else None
        history = person_history.history_rows(row.id) if row else []
        dialog = PersonDialog(self.units(), data, parent, history)
        return (dialog.input(), dialog.dated_edit()) if messages.run_dialog(dialog) else None

    def save(self, row: people.PersonRow | None, edit: tuple[people.PersonInput, DatedEdit]) -> Any:
        data, dated = edit
        if row is None:
            return people.create_person(data)
        return people.update_person(
            row.id, data, moved_on=dated.changed_on, corrections=dated.corrections
        )

    def remove(self, row: people.PersonRow) -> Callable[[], int]:
        trash_id = people.delete_person(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: people.PersonRow) -> str:
        return row.full_name


class CouncilEditor:
    table = "council_member"

    def open_dialog(
        self, parent: QWidget, row: people.CouncilMemberRow | None
    ) -> council.MemberInput | None:
        data = council.member_input(row.id) if row else None
        dialog = CouncilMemberDialog(
            people.person_rows(active_only=True), data, row.id if row else None, parent
        )
        return dialog.input() if messages.run_dialog(dialog) else None

    def save(self, row: people.CouncilMemberRow | None, data: council.MemberInput) -> Any:
        return council.add_member(data) if row is None else council.update_member(row.id, data)

    def remove(self, row: people.CouncilMemberRow) -> Callable[[], int]:
        trash_id = council.remove_member(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: people.CouncilMemberRow) -> str:
        return f"{row.full_name} khỏi Hội đồng"


class DirectoryTab(QWidget):
    status_message = Signal(str)

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        unit_model = UnitTableModel()
        self.units_list = EditableList(
            UnitEditor(unit_model.rows),
            unit_model,
            _all_years(people.unit_rows),
            tables=frozenset({"unit", "person"}),
            year_scoped=False,
            noun="đơn vị",
            parent=self,
        )
        self.people_list = EditableList(
            PersonEditor(unit_model.rows),
            PersonTableModel(),
            _all_years(people.person_rows),
            tables=frozenset({"person", "unit"}),
            year_scoped=False,
            noun="người",
            parent=self,
        )
        self.council_list = EditableList(
            CouncilEditor(),
            CouncilMemberTableModel(),
            _all_years(people.council_member_rows),
            tables=frozenset({"council_member", "person", "unit"}),
            year_scoped=False,
            noun="thành viên",
            parent=self,
        )
        self.rules_button = QPushButton("Quy chế Hội đồng…", self.council_list)
        self.rules_button.setToolTip("Tỷ lệ có mặt, ngưỡng và cách tính biểu quyết của Hội đồng")
        self.council_list.actions_layout.addWidget(self.rules_button)
        self.rules_button.clicked.connect(self.edit_council_rules)
        self.thresholds_button = QPushButton("Ngưỡng theo danh hiệu…", self.council_list)
        self.thresholds_button.setToolTip("Ngưỡng biểu quyết riêng cho từng danh hiệu, hình thức")
        self.council_list.actions_layout.addWidget(self.thresholds_button)
        self.thresholds_button.clicked.connect(self.edit_title_threshold)
        self.catalog_list = RecordListTab(
            AwardTypeTableModel(),
            _all_years(catalog.award_type_rows),
            tables=frozenset({"award_type", "award_rule"}),
            year_scoped=False,
            noun="danh hiệu, hình thức",
            parent=self,
        )
        self.rules_view = RulesView(self)
        catalog_page = QSplitter(Qt.Orientation.Vertical, self)
        catalog_page.addWidget(self.catalog_list)
        catalog_page.addWidget(self.rules_view)
        catalog_page.setStretchFactor(0, 2)
        catalog_page.setStretchFactor(1, 1)
        self.inner_tabs = QTabWidget(self)
        self.inner_tabs.addTab(self.units_list, "Đơn vị")
        self.inner_tabs.addTab(self.people_list, "Cán bộ, công chức")
        self.inner_tabs.addTab(self.council_list, "Thành viên Hội đồng")
        self.inner_tabs.addTab(catalog_page, "Danh hiệu, hình thức khen thưởng")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner_tabs)
        self.catalog_list.table.selectionModel().selectionChanged.connect(
            self._on_catalog_selection_changed
        )
        self.units_list.status_message.connect(self.status_message)
        self.council_list.status_message.connect(self.status_message)
        self.people_list.status_message.connect(self.status_message)
        # People dialogs need the unit list even when its tab was never shown.
        self.units_list.reload()

    def edit_council_rules(self) -> bool:
        dialog = CouncilSettingsDialog(council.settings_of(), people.unit_rows(), self)
        if not messages.run_dialog(dialog):
            return False
        try:
            council.save_settings(dialog.settings())
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        self.status_message.emit("Đã lưu quy chế hoạt động của Hội đồng.")
        return True

    def edit_title_threshold(self) -> bool:
        dialog = TitleThresholdDialog(self.today, self)
        if not messages.run_dialog(dialog):
            return False
        try:
            council.set_title_threshold(*dialog.values())
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        self.status_message.emit("Đã lưu ngưỡng biểu quyết.")
        return True

    def lists(self) -> list[RecordListTab]:
        return [self.units_list, self.people_list, self.council_list, self.catalog_list]

    def on_data_changed(self, tables: frozenset[str]) -> None:
        for lst in self.lists():
            lst.on_data_changed(tables)
        if tables & self.units_list.tables and not self.units_list.isVisible():
            self.units_list.reload()

    def current_list(self) -> RecordListTab:
        return self.lists()[self.inner_tabs.currentIndex()]

    def _on_catalog_selection_changed(self, *_: object) -> None:
        row = self.catalog_list.selected_row()
        if row is None:
            self.rules_view.clear()
            return
        self.rules_view.show_rules(row.name, catalog.rules_of(row.id))
