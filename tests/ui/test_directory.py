"""Danh mục: units and people are created, edited and deleted through the dialogs, with undo."""

from __future__ import annotations

from pathlib import Path

import peewee as pw
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.enums import Gender, RankGroup, UnitKind
from db.models import Person, Unit
from tests.conftest import FakeMessages
from tests.ui.conftest import make_window, shot, show_directory
from ui.dialogs.form_dialog import ERROR_STYLE, HINT_STYLE
from ui.dialogs.person_dialog import PersonDialog
from ui.dialogs.unit_dialog import UnitDialog
from ui.main_window import MainWindow
from ui.tasks import wait_for_background


def test_add_edit_and_delete_a_unit(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    units = show_directory(qtbot, window, 0)

    def fill_new(dialog: UnitDialog) -> bool:
        assert dialog.windowTitle() == "Thêm đơn vị"
        assert not dialog.save_button.isEnabled()  # empty name
        dialog.name_edit.setText("Phòng Lãnh sự")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(UnitKind.DIVISION))
        assert dialog.save_button.isEnabled()
        return True

    fake_messages.dialog_handlers.append(fill_new)
    units.add_button.click()
    qtbot.waitUntil(lambda: units.model.rowCount() == 4)
    assert units.selected_row().name == "Phòng Lãnh sự"
    assert Unit.get(Unit.name == "Phòng Lãnh sự").kind is UnitKind.DIVISION

    def rename(dialog: UnitDialog) -> bool:
        assert dialog.name_edit.text() == "Phòng Lãnh sự"
        dialog.name_edit.setText("Văn phòng Sở")  # a clash: refused inline
        assert not dialog.save_button.isEnabled()
        assert "Đã có đơn vị" in dialog.error_label.text()
        dialog.name_edit.setText("Phòng Lãnh sự - Người Việt Nam ở nước ngoài")
        return True

    fake_messages.dialog_handlers.append(rename)
    units.edit_button.click()
    qtbot.waitUntil(lambda: Unit.select().where(Unit.name.startswith("Phòng Lãnh sự -")).exists())
    qtbot.waitUntil(lambda: "Người Việt Nam" in units.selected_row().name)

    fake_messages.confirm_answers.append(True)
    units.delete_button.click()
    qtbot.waitUntil(lambda: units.model.rowCount() == 3)
    assert not Unit.select().where(Unit.name.startswith("Phòng Lãnh sự")).exists()
    units.undo_delete()
    qtbot.waitUntil(lambda: units.model.rowCount() == 4)
    assert Unit.select().where(Unit.name.startswith("Phòng Lãnh sự")).exists()


def test_cancelled_delete_changes_nothing(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    units = show_directory(qtbot, window, 0)
    units.select_where(lambda r: r.name == "Ban Thi đua, Khen thưởng tỉnh")
    fake_messages.confirm_answers.append(False)
    units.delete_button.click()
    assert Unit.select().count() == 3


def test_a_unit_with_people_is_not_deleted_and_the_user_is_told_why(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    units = show_directory(qtbot, window, 0)
    assert units.select_where(lambda r: r.name == "Ban Giám đốc")
    fake_messages.confirm_answers.append(True)
    units.delete_button.click()
    assert "Không xóa được “Ban Giám đốc”" in fake_messages.texts()
    assert Unit.select().count() == 3


def test_add_edit_and_delete_a_person(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    people_list = show_directory(qtbot, window, 1)

    def fill_new(dialog: PersonDialog) -> bool:
        assert not dialog.save_button.isEnabled()
        dialog.family_edit.setText("Nguyễn")
        dialog.middle_edit.setText("Thị Thu")
        dialog.given_edit.setText("Hà")
        dialog.gender_combo.setCurrentIndex(dialog.gender_combo.findData(Gender.FEMALE))
        dialog.birth_spin.setValue(1988)
        dialog.position_edit.setText("Chuyên viên")
        dialog.rank_combo.setCurrentIndex(dialog.rank_combo.findData(RankGroup.STAFF))
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("Văn phòng Sở"))
        assert dialog.save_button.isEnabled(), dialog.error_label.text()
        return True

    fake_messages.dialog_handlers.append(fill_new)
    people_list.add_button.click()
    qtbot.waitUntil(lambda: people_list.model.rowCount() == 2)
    # given name first: Hà before Thư
    assert [r.full_name for r in people_list.visible_rows()] == [
        "Nguyễn Thị Thu Hà",
        "Phạm Thị Anh Thư",
    ]
    person = Person.get(Person.given_name == "Hà")
    assert (person.birth_year, person.unit.name, person.gender) == (
        1988,
        "Văn phòng Sở",
        Gender.FEMALE,
    )

    def edit(dialog: PersonDialog) -> bool:
        assert dialog.given_edit.text() == "Hà"
        dialog.given_edit.setText("")
        assert not dialog.save_button.isEnabled() and "Chưa nhập tên" in dialog.error_label.text()
        dialog.given_edit.setText("Hằng")
        dialog.birth_spin.setValue(dialog.birth_spin.minimum())  # "Không rõ"
        return True

    people_list.select_where(lambda r: r.full_name == "Nguyễn Thị Thu Hà")
    fake_messages.dialog_handlers.append(edit)
    people_list.edit_button.click()
    qtbot.waitUntil(lambda: Person.get_by_id(person.id).given_name == "Hằng")
    assert Person.get_by_id(person.id).birth_year is None

    qtbot.waitUntil(
        lambda: any(r.full_name == "Nguyễn Thị Thu Hằng" for r in people_list.model.rows())
    )
    people_list.select_where(lambda r: r.full_name == "Nguyễn Thị Thu Hằng")
    fake_messages.confirm_answers.append(True)
    qtbot.keyClick(people_list.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: people_list.model.rowCount() == 1)
    assert "Ctrl+Z" in window.statusBar().currentMessage()


def test_the_council_chair_cannot_be_deleted(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    people_list = show_directory(qtbot, window, 1)
    people_list.select_where(lambda r: r.full_name == "Phạm Thị Anh Thư")
    fake_messages.confirm_answers.append(True)
    people_list.delete_button.click()
    assert "thành viên Hội đồng" in fake_messages.texts()
    assert Person.select().count() == 1


def test_cancelled_dialog_saves_nothing(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    people_list = show_directory(qtbot, window, 1)
    fake_messages.dialog_handlers.append(
        lambda dialog: (dialog.given_edit.setText("Tám"), False)[1]
    )
    people_list.add_button.click()
    assert Person.select().count() == 1


def test_row_buttons_wait_for_a_selected_row(qtbot: QtBot, window: MainWindow) -> None:
    """Sửa, Xóa and Lịch sử… did nothing without a selected row while looking clickable."""
    tab = show_directory(qtbot, window, 0)
    row_buttons = (tab.edit_button, tab.delete_button, tab.history_button)
    assert tab.table.selectionModel().selectedRows() == []
    assert not any(b.isEnabled() for b in row_buttons)
    assert tab.add_button.isEnabled() and tab.export_button.isEnabled()
    tab.table.selectRow(0)
    assert all(b.isEnabled() for b in row_buttons)
    tab.search_edit.setText("khong co don vi nao nhu the")  # the selected row filtered out
    assert tab.proxy.rowCount() == 0
    assert not any(b.isEnabled() for b in row_buttons)
    tab.search_edit.clear()
    tab.table.selectRow(0)
    tab.table.clearSelection()
    assert not any(b.isEnabled() for b in row_buttons)


def test_an_empty_list_says_why_and_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    tab = show_directory(qtbot, window, 0)
    assert tab.model.total_count() > 0 and tab.empty_label.isHidden()
    tab.search_edit.setText("khong co don vi nao")
    assert tab.empty_label.isVisible()
    assert tab.empty_label.text() == "Không có đơn vị nào khớp với “khong co don vi nao”."
    tab.search_edit.clear()
    assert tab.empty_label.isHidden()


def test_a_new_database_s_lists_say_how_to_start(
    qtbot: QtBot, db: pw.SqliteDatabase, db_path: Path
) -> None:
    window = make_window(qtbot, db, db_path)
    tab = show_directory(qtbot, window, 0)
    assert tab.model.total_count() == 0 and tab.empty_label.isVisible()
    assert tab.empty_label.text() == "Chưa có đơn vị nào. Bấm Thêm (Ctrl+N) để thêm."
    window.close()
    wait_for_background()


def test_a_new_person_form_says_from_the_start_what_is_missing(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    """Lưu is disabled on an empty form: the reason is there at once, in grey until one types."""
    people_list = show_directory(qtbot, window, 1)
    seen: list[tuple[str, str, bool]] = []

    def look(dialog: PersonDialog) -> bool:
        label = dialog.error_label
        seen.append((label.text(), label.styleSheet(), dialog.save_button.isEnabled()))
        shot(dialog, "person-new-untouched")
        dialog.given_edit.setText("Ha")
        seen.append((label.text(), label.styleSheet(), dialog.save_button.isEnabled()))
        shot(dialog, "person-new-typed")
        return False

    fake_messages.dialog_handlers.append(look)
    people_list.add_button.click()
    qtbot.waitUntil(lambda: len(seen) == 2)
    (untouched, untouched_style, enabled), (typed, typed_style, still_enabled) = seen
    assert not enabled and not still_enabled
    assert untouched == "Chưa nhập họ.\nChưa nhập tên."
    assert untouched_style == HINT_STYLE  # not a reproach before anything was typed
    assert typed == "Chưa nhập họ." and typed_style == ERROR_STYLE
