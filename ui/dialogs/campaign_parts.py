"""Dialogs of a campaign's detail: a registration, a unit's registration sheet, a period's
report and a typical example."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from app import campaign_reports, registrations, typical_examples
from app.campaign_reports import ReportInput
from app.people import PersonRow
from app.registrations import RegistrationInput, SheetPerson, TitleChoice, UnitSheet
from app.typical_examples import ExampleInput
from db.enums import ExampleKind
from ui.dialogs.campaign_dialog import date_edit, picked, text_box
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data
from ui.models.sheet_table_model import SheetTableModel, TitleDelegate

PERSON, UNIT, MODEL = "person", "unit", "model"


def _fill_titles(combo: QComboBox, titles: Sequence[TitleChoice], *, empty: str | None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for t in titles:
        combo.addItem(t.name, t.id)


class RegistrationDialog(FormDialog):
    """One registration: a person or a unit, the title, the day registered, a note."""

    def __init__(
        self,
        year: int,
        campaign_id: int | None,
        people: Sequence[PersonRow],
        units: Sequence[tuple[int, str]],
        titles: Sequence[TitleChoice],
        data: RegistrationInput | None = None,
        registration_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa đăng ký thi đua" if data else "Thêm đăng ký thi đua", parent)
        self.year, self.campaign_id, self.registration_id = year, campaign_id, registration_id
        self.titles = list(titles)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem("Cá nhân", PERSON)
        self.kind_combo.addItem("Tập thể", UNIT)
        self.person_combo = QComboBox(self)
        for p in people:
            self.person_combo.addItem(
                f"{p.full_name} — {p.unit_name}" if p.unit_name else p.full_name, p.id
            )
        self.unit_combo = QComboBox(self)
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.title_combo = QComboBox(self)
        self.date_check = QCheckBox("Ngày đăng ký", self)
        self.date_check.setChecked(True)
        self.date_edit = date_edit(self, data.registered_on if data else None, date(year, 1, 15))
        self.note_edit = QLineEdit(self)
        self.form.addRow("Đối tượng:", self.kind_combo)
        self.form.addRow("Cá nhân:", self.person_combo)
        self.form.addRow("Tập thể:", self.unit_combo)
        self.form.addRow("Danh hiệu đăng ký:", self.title_combo)
        self.form.addRow(self.date_check, self.date_edit)
        self.form.addRow("Ghi chú:", self.note_edit)
        if data is not None:
            select_data(self.kind_combo, UNIT if data.unit_id is not None else PERSON)
        self._kind_changed()
        if data is not None:
            select_data(self.person_combo, data.person_id)
            select_data(self.unit_combo, data.unit_id)
            select_data(self.title_combo, data.award_type_id)
            self.date_check.setChecked(data.registered_on is not None)
            self.note_edit.setText(data.note)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.person_combo, self.unit_combo, self.title_combo):
            combo.currentIndexChanged.connect(self.revalidate)
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.date_check.toggled.connect(self.revalidate)
        self.date_edit.dateChanged.connect(self.revalidate)
        self.note_edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(520)
        self.revalidate()

    def _kind_changed(self, *changed: object) -> None:
        unit = self.kind_combo.currentData() == UNIT
        self.person_combo.setEnabled(not unit)
        self.unit_combo.setEnabled(unit)
        kept = self.title_combo.currentData()
        fitting = [t for t in self.titles if (t.for_units if unit else t.for_individuals)]
        _fill_titles(self.title_combo, fitting, empty=None)
        select_data(self.title_combo, kept)
        self.revalidate(*changed)

    def input(self) -> RegistrationInput:
        unit = self.kind_combo.currentData() == UNIT
        return RegistrationInput(
            year=self.year,
            award_type_id=self.title_combo.currentData() or 0,
            person_id=None if unit else self.person_combo.currentData(),
            unit_id=self.unit_combo.currentData() if unit else None,
            campaign_id=self.campaign_id,
            registered_on=picked(self.date_check, self.date_edit),
            note=self.note_edit.text(),
        )

    def problems(self) -> dict[str, str]:
        return registrations.validate_registration(self.input(), self.registration_id)


class UnitSheetDialog(FormDialog):
    """A unit's registration sheet: the unit's title and a title for each of its people."""

    def __init__(
        self,
        year: int,
        campaign_id: int | None,
        units: Sequence[tuple[int, str]],
        titles: Sequence[TitleChoice],
        load_people: Callable[[int, int], tuple[int | None, list[SheetPerson]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Phiếu đăng ký thi đua năm {year} của đơn vị", parent)
        self.save_button.setText("Đăng ký")
        self.year, self.campaign_id, self.load_people = year, campaign_id, load_people
        self.individual = [t for t in titles if t.for_individuals]
        self.collective = [t for t in titles if t.for_units]
        self.unit_combo = QComboBox(self)
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.unit_title_combo = QComboBox(self)
        _fill_titles(self.unit_title_combo, self.collective, empty="— Không đăng ký —")
        self.date_edit = date_edit(self, None, date(year, 1, 15))
        self.all_combo = QComboBox(self)
        _fill_titles(self.all_combo, self.individual, empty="— Chọn để áp dụng cho mọi người —")
        self.people_model = SheetTableModel(self.individual, self)
        self.people_table = QTableView(self)
        self.people_table.setModel(self.people_model)
        self.people_table.setItemDelegateForColumn(
            SheetTableModel.COL_TITLE, TitleDelegate(self.individual, self.people_table)
        )
        self.people_table.verticalHeader().setVisible(False)
        self.people_table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.people_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people_table.setColumnWidth(1, 160)
        self.people_table.setColumnWidth(2, 220)
        self.people_table.setMinimumHeight(200)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.form.addRow("Đơn vị:", self.unit_combo)
        self.form.addRow("Danh hiệu tập thể:", self.unit_title_combo)
        self.form.addRow("Ngày đăng ký:", self.date_edit)
        self.form.addRow("Áp dụng cho tất cả:", self.all_combo)
        self.form.addRow(self.people_table)
        self.form.addRow(self.hint_label)
        self.people_model.dataChanged.connect(lambda *_: self.revalidate(True))
        self.unit_combo.currentIndexChanged.connect(self._load_unit)
        self.all_combo.activated.connect(self._apply_to_all)
        self.unit_title_combo.currentIndexChanged.connect(self.revalidate)
        self.setMinimumSize(720, 520)
        self._load_unit()

    def _load_unit(self, *changed: object) -> None:
        unit_id = self.unit_combo.currentData()
        if unit_id is None:
            self.people_model.set_people([])
            self.revalidate(*changed)
            return
        unit_award, staff = self.load_people(self.year, unit_id)
        select_data(self.unit_title_combo, unit_award)
        self.people_model.set_people(staff)
        self.hint_label.setText(
            f"{len(staff)} người đang công tác tại đơn vị. Danh hiệu đã đăng ký được giữ nguyên, "
            "không đăng ký trùng."
            if staff
            else "Đơn vị chưa có người nào trong danh mục."
        )
        self.revalidate(*changed)

    def _apply_to_all(self, _index: int = 0) -> None:
        award = self.all_combo.currentData()
        if award is None:
            return
        self.people_model.set_all(award)
        self.revalidate(True)

    def sheet(self) -> UnitSheet:
        d = self.date_edit.date()
        return UnitSheet(
            year=self.year,
            unit_id=self.unit_combo.currentData() or 0,
            unit_award_id=self.unit_title_combo.currentData(),
            person_awards=self.people_model.awards(),
            registered_on=date(d.year(), d.month(), d.day()),
            campaign_id=self.campaign_id,
        )

    def problems(self) -> dict[str, str]:
        sheet = self.sheet()
        if self.unit_combo.currentData() is None:
            return {"unit": "Chưa có đơn vị nào trong danh mục."}
        if sheet.unit_award_id is None and not any(sheet.person_awards.values()):
            return {"award": "Chưa chọn danh hiệu đăng ký nào."}
        return {}


class CampaignReportDialog(FormDialog):
    """The report of one period: results, highlights, the units' contributions."""

    def __init__(
        self,
        campaign_id: int,
        period: campaign_reports.PeriodRow,
        default_day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Báo cáo {period.label}", parent)
        self.campaign_id, self.period = campaign_id, period
        self.date_check = QCheckBox("Ngày báo cáo", self)
        self.date_check.setChecked(True)
        self.date_edit = date_edit(self, period.reported_on, default_day)
        self.results_edit = text_box(self, period.results, 110)
        self.highlights_edit = text_box(self, period.highlights, 80)
        self.contributions_edit = text_box(self, period.contributions, 80)
        self.form.addRow(self.date_check, self.date_edit)
        self.form.addRow("Kết quả thực hiện:", self.results_edit)
        self.form.addRow("Điểm nổi bật:", self.highlights_edit)
        self.form.addRow("Đóng góp của các đơn vị:", self.contributions_edit)
        for edit in (self.results_edit, self.highlights_edit, self.contributions_edit):
            edit.textChanged.connect(lambda: self.revalidate(True))
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.setMinimumWidth(640)
        self.revalidate()

    def input(self) -> ReportInput:
        return ReportInput(
            self.campaign_id,
            self.period.period_year,
            self.period.period_index,
            picked(self.date_check, self.date_edit),
            self.results_edit.toPlainText(),
            self.highlights_edit.toPlainText(),
            self.contributions_edit.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        return campaign_reports.validate_report(self.input())


class TypicalExampleDialog(FormDialog):
    """A typical example: a person, a unit or a named model; what they did; how it was spread."""

    def __init__(
        self,
        year: int,
        campaigns: Sequence[tuple[int, str]],
        people: Sequence[PersonRow],
        units: Sequence[tuple[int, str]],
        data: ExampleInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa điển hình" if data else "Thêm điển hình tiên tiến", parent)
        self.year = data.year if data else year
        self.kind_combo = QComboBox(self)
        fill_enum_combo(self.kind_combo, ExampleKind)
        self.who_combo = QComboBox(self)
        self.who_combo.addItem("Cá nhân", PERSON)
        self.who_combo.addItem("Tập thể", UNIT)
        self.who_combo.addItem("Mô hình, cách làm", MODEL)
        self.person_combo = QComboBox(self)
        for p in people:
            self.person_combo.addItem(p.full_name, p.id)
        self.unit_combo = QComboBox(self)
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("Tên mô hình, cách làm hay")
        self.campaign_combo = QComboBox(self)
        self.campaign_combo.addItem("—", None)
        for campaign_id, name in campaigns:
            self.campaign_combo.addItem(name[:90], campaign_id)
        self.deeds_edit = text_box(self, height=90)
        self.spread_edit = text_box(self)
        self.spread_edit.setPlaceholderText(
            "VD: Biểu dương tại hội nghị; giới thiệu trên trang tin của Sở"
        )
        self.form.addRow("Loại:", self.kind_combo)
        self.form.addRow("Là:", self.who_combo)
        self.form.addRow("Cá nhân:", self.person_combo)
        self.form.addRow("Tập thể:", self.unit_combo)
        self.form.addRow("Tên mô hình:", self.name_edit)
        self.form.addRow("Phong trào:", self.campaign_combo)
        self.form.addRow("Thành tích, việc làm:", self.deeds_edit)
        self.form.addRow("Cách nhân rộng:", self.spread_edit)
        if data is not None:
            select_data(self.kind_combo, data.kind)
            who = PERSON if data.person_id else UNIT if data.unit_id else MODEL
            select_data(self.who_combo, who)
            select_data(self.person_combo, data.person_id)
            select_data(self.unit_combo, data.unit_id)
            self.name_edit.setText(data.name)
            select_data(self.campaign_combo, data.campaign_id)
            self.deeds_edit.setPlainText(data.deeds)
            self.spread_edit.setPlainText(data.spread)
        self._who_changed()
        self.who_combo.currentIndexChanged.connect(self._who_changed)
        self.name_edit.textChanged.connect(self.revalidate)
        for edit in (self.deeds_edit, self.spread_edit):
            edit.textChanged.connect(lambda: self.revalidate(True))
        self.setMinimumWidth(620)
        self.revalidate()

    def set_campaign(self, campaign_id: int | None) -> None:
        select_data(self.campaign_combo, campaign_id)

    def _who_changed(self, *changed: object) -> None:
        who = self.who_combo.currentData()
        self.person_combo.setEnabled(who == PERSON)
        self.unit_combo.setEnabled(who == UNIT)
        self.name_edit.setEnabled(who == MODEL)
        self.revalidate(*changed)

    def input(self) -> ExampleInput:
        who = self.who_combo.currentData()
        return ExampleInput(
            year=self.year,
            kind=current_enum(self.kind_combo, ExampleKind) or ExampleKind.TYPICAL,
            campaign_id=self.campaign_combo.currentData(),
            person_id=self.person_combo.currentData() if who == PERSON else None,
            unit_id=self.unit_combo.currentData() if who == UNIT else None,
            name=self.name_edit.text() if who == MODEL else "",
            deeds=self.deeds_edit.toPlainText(),
            spread=self.spread_edit.toPlainText(),
        )

    def problems(self) -> dict[str, str]:
        return typical_examples.validate_example(self.input())


__all__ = [
    "CampaignReportDialog",
    "RegistrationDialog",
    "TypicalExampleDialog",
    "UnitSheetDialog",
]
