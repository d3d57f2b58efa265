"""The change log window and the history of the selected record."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app import people
from tests.ui.conftest import show_directory, wait_loaded
from ui.main_window import MainWindow


def test_the_log_window_lists_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    people.create_person(people.PersonInput("Đặng", "Văn", "Lâm"))
    dialog = window.show_audit_log()
    qtbot.addWidget(dialog)
    log = dialog.log_list
    wait_loaded(qtbot, log)
    total = log.model.rowCount()
    assert total > 50  # the sample year and the new person
    assert log.model.index(0, 2).data() in {"Cán bộ", "Quá trình công tác"}  # newest first
    log.search_edit.setText("dang van lam")
    assert 0 < log.proxy.rowCount() < total
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData("Kế hoạch"))
    wait_loaded(qtbot, log)
    assert log.proxy.rowCount() == 0  # the person is not in the plan's area
    log.search_edit.setText("")
    assert {r.area for r in log.model.rows()} == {"Kế hoạch"}


def test_history_of_the_selected_person_and_plan_item(qtbot: QtBot, window: MainWindow) -> None:
    person = people.create_person(people.PersonInput("Đặng", "Văn", "Lâm"))
    people.update_person(
        person.id, people.PersonInput("Đặng", "Văn", "Lâm", position="Chuyên viên")
    )
    people_list = show_directory(qtbot, window, 1)
    qtbot.waitUntil(lambda: people_list.select_where(lambda r: r.id == person.id))
    dialog = people_list.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog.history_list)
    fields = [r.field for r in dialog.history_list.model.rows()]
    assert "Chức vụ" in fields and dialog.windowTitle() == "Lịch sử thay đổi — Đặng Văn Lâm"
    tab = window.plan_tab
    window.tabs.setCurrentWidget(tab)
    row = tab.visible_rows()[0]
    tab.select_item(row.id)
    plan_history = tab.show_history()
    assert plan_history is not None
    qtbot.addWidget(plan_history)
    wait_loaded(qtbot, plan_history.history_list)
    assert [r.action.label for r in plan_history.history_list.model.rows()] == ["Thêm"]
