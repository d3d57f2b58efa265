"""Thùng rác from the menu, and undo right after a delete in Danh mục."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app import people
from db.models import Unit
from tests.conftest import FakeMessages
from tests.ui.conftest import show_directory, wait_loaded
from ui.main_window import MainWindow


def test_restore_purge_and_empty_from_the_bin(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    for name in ("Phòng A", "Phòng B", "Phòng C"):
        people.delete_unit(people.create_unit(people.UnitInput(name)).id)
    dialog = window.show_trash()
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog.items)
    assert dialog.items.model.rowCount() == 3
    dialog.items.select_where(lambda r: r.label == "Đơn vị: Phòng B")
    assert dialog.restore_selected()
    qtbot.waitUntil(lambda: dialog.items.is_current() and dialog.items.model.rowCount() == 2)
    assert Unit.get(Unit.name == "Phòng B")
    dialog.items.select_where(lambda r: r.label == "Đơn vị: Phòng A")
    fake_messages.confirm_answers.append(True)
    assert dialog.purge_selected()
    qtbot.waitUntil(lambda: dialog.items.is_current() and dialog.items.model.rowCount() == 1)
    fake_messages.confirm_answers.append(True)
    assert dialog.empty_bin() == 1
    qtbot.waitUntil(lambda: dialog.items.is_current() and dialog.items.model.rowCount() == 0)


def test_undo_right_after_a_delete_brings_back_the_same_record(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    unit = people.create_unit(people.UnitInput("Phòng Lãnh sự"))
    units = show_directory(qtbot, window, 0)
    qtbot.waitUntil(lambda: units.select_where(lambda r: r.id == unit.id))
    fake_messages.confirm_answers.append(True)
    units.delete_button.click()
    qtbot.waitUntil(lambda: units.model.rowCount() == 3)
    units.undo_delete()
    qtbot.waitUntil(lambda: units.model.rowCount() == 4)
    assert Unit.get_by_id(unit.id).name == "Phòng Lãnh sự"
    assert units.selected_row().id == unit.id
