"""Danh mục › Đơn vị: unticking Đang hoạt động asks Ngừng hoạt động từ ngày (dd/MM/yyyy, today
by default, checked inline with Lưu disabled); the day is saved, and a year's pick lists and
coverage keep the unit in the years before."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app import people, registrations
from db.models import Unit
from tests.conftest import FakeMessages
from tests.ui.conftest import shot, show_directory
from ui.dialogs.unit_dialog import UnitDialog
from ui.main_window import MainWindow

OFFICE = "Văn phòng Sở"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _edit_office(qtbot: QtBot, window: MainWindow, fake: FakeMessages, handler: object) -> None:
    units = show_directory(qtbot, window, 0)
    units.select_where(lambda r: r.name == OFFICE)
    fake.dialog_handlers.append(handler)  # type: ignore[arg-type]
    units.edit_button.click()
    assert not fake.dialog_handlers  # the dialog was shown


def test_closing_a_unit_asks_the_day_and_keeps_it_in_the_years_before(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    office = Unit.get(Unit.name == OFFICE).id

    def close(dialog: UnitDialog) -> bool:
        assert not dialog.form.isRowVisible(dialog.closed_row)  # a working unit: no day
        qtbot.mouseClick(dialog.active_check, Qt.MouseButton.LeftButton)  # untick
        assert not dialog.active_check.isChecked()
        assert dialog.form.isRowVisible(dialog.closed_row)
        assert dialog.closed_label.text() == "Ngừng hoạt động từ ngày:"
        assert dialog.closed_edit.date() == QDate.currentDate()  # today by default
        assert dialog.closed_edit.displayFormat() == "dd/MM/yyyy"
        assert not dialog.closed_unknown_check.isVisibleTo(dialog)  # a day is asked
        assert dialog.save_button.isEnabled()
        dialog.closed_edit.setDate(_qdate(date.today() + timedelta(days=400)))
        assert not dialog.save_button.isEnabled()
        assert "quá một năm kể từ hôm nay" in dialog.error_label.text()
        shot(dialog, "unit-dialog-closing-error")
        dialog.closed_edit.setDate(QDate(2025, 6, 30))  # it stopped last year
        assert dialog.save_button.isEnabled() and dialog.error_label.text() == ""
        shot(dialog, "unit-dialog-closing")
        return True

    _edit_office(qtbot, window, fake_messages, close)
    qtbot.waitUntil(lambda: not Unit.get_by_id(office).active)
    assert Unit.get_by_id(office).closed_on == date(2025, 6, 30)
    units = show_directory(qtbot, window, 0)
    column = units.model.COL_ACTIVE
    row = units.model.find_row(lambda r: r.id == office)
    qtbot.waitUntil(lambda: units.model.index(row, column).data() == "Không (từ 30/06/2025)")
    shot(units, "units-list-closed")
    # today's pick lists drop it; 2025's keep it (it worked until June), 2026's do not
    assert office not in [u for u, _n in registrations.registering_units()]
    assert office in [u for u, _n in registrations.registering_units(2025)]
    assert office not in [u for u, _n in registrations.registering_units(2026)]

    def reopen(dialog: UnitDialog) -> bool:
        assert dialog.form.isRowVisible(dialog.closed_row)
        assert dialog.closed_edit.date() == QDate(2025, 6, 30)  # the day recorded, to correct
        qtbot.mouseClick(dialog.active_check, Qt.MouseButton.LeftButton)  # working again
        assert not dialog.form.isRowVisible(dialog.closed_row)
        return True

    _edit_office(qtbot, window, fake_messages, reopen)
    qtbot.waitUntil(lambda: Unit.get_by_id(office).active)
    assert Unit.get_by_id(office).closed_on is None


def test_a_unit_closed_before_days_were_recorded_may_stay_unknown(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    office = Unit.get(Unit.name == OFFICE).id
    Unit.update(active=False, closed_on=None).where(Unit.id == office).execute()

    def rename(dialog: UnitDialog) -> bool:
        assert dialog.form.isRowVisible(dialog.closed_row)
        assert (
            dialog.closed_unknown_check.isVisibleTo(dialog)
            and dialog.closed_unknown_check.isChecked()
        )
        assert not dialog.closed_edit.isEnabled()
        shot(dialog, "unit-dialog-closed-unknown")
        dialog.note_edit.setText("Sáp nhập")
        return True

    _edit_office(qtbot, window, fake_messages, rename)
    qtbot.waitUntil(lambda: Unit.get_by_id(office).note == "Sáp nhập")
    assert Unit.get_by_id(office).closed_on is None
    assert people.unit_input(office).closed_on is None

    def date_it(dialog: UnitDialog) -> bool:
        qtbot.mouseClick(dialog.closed_unknown_check, Qt.MouseButton.LeftButton)
        assert dialog.closed_edit.isEnabled()
        dialog.closed_edit.setDate(QDate(2023, 3, 1))
        return True

    _edit_office(qtbot, window, fake_messages, date_it)
    qtbot.waitUntil(lambda: Unit.get_by_id(office).closed_on == date(2023, 3, 1))
    assert office in [u for u, _n in registrations.registering_units(2023)]
