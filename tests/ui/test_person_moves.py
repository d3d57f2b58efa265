"""Danh mục › Cán bộ: a move, a change of position or leaving is dated in the person dialog
(Từ ngày, checked inline), the unit history shows in it, and a wrongly dated move is corrected."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app import membership, people, person_history
from app.person_history import HistoryRow
from db.enums import RankGroup
from db.models import Person
from tests.conftest import FakeMessages
from tests.ui.conftest import shot, show_directory
from ui.dialogs.person_dialog import HistoryDatesDialog, PersonDialog
from ui.main_window import MainWindow
from ui.models.directory_table_models import UnitHistoryTableModel
from ui.tabs.list_tab import RecordListTab

DIRECTOR = "Phạm Thị Anh Thư"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _history(person_id: int) -> list[tuple[str, str, date | None, date | None]]:
    return [
        (r.unit_name, r.position, r.date_from, r.date_to)
        for r in person_history.history_rows(person_id)
    ]


def _edit_director(
    qtbot: QtBot, people_list: RecordListTab, fake: FakeMessages, *handlers: object
) -> None:
    people_list.select_where(lambda r: r.full_name == DIRECTOR)
    fake.dialog_handlers.extend(handlers)  # type: ignore[arg-type]
    people_list.edit_button.click()
    assert not fake.dialog_handlers  # every dialog expected was shown


def test_a_move_is_dated_in_the_dialog_and_counts_from_that_date(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    people_list = show_directory(qtbot, window, 1)
    director = Person.get(Person.full_name == DIRECTOR)
    board = director.unit.name

    def move(dialog: PersonDialog) -> bool:
        assert not dialog.form.isRowVisible(dialog.change_date_edit)  # nothing dated changed
        assert dialog.history_model.rowCount() == 1
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("Văn phòng Sở"))
        assert dialog.form.isRowVisible(dialog.change_date_edit)
        assert dialog.change_label.text() == "Từ ngày:"
        assert dialog.change_date_edit.date() == QDate.currentDate()  # today by default
        assert dialog.change_date_edit.displayFormat() == "dd/MM/yyyy"
        dialog.change_date_edit.setDate(_qdate(date.today() + timedelta(days=400)))
        assert not dialog.save_button.isEnabled()
        assert "quá một năm" in dialog.error_label.text()
        dialog.change_date_edit.setDate(QDate(2024, 3, 15))  # it happened last year
        assert dialog.save_button.isEnabled(), dialog.error_label.text()
        assert dialog.error_label.text() == ""
        return True

    _edit_director(qtbot, people_list, fake_messages, move)
    qtbot.waitUntil(lambda: Person.get_by_id(director.id).unit.name == "Văn phòng Sở")
    position = director.position
    assert _history(director.id) == [
        (board, position, None, date(2024, 3, 15)),
        ("Văn phòng Sở", position, date(2024, 3, 15), None),
    ]
    assert membership.unit_in_year(director.id, 2023) == director.unit_id
    assert membership.unit_in_year(director.id, 2024) == Person.get_by_id(director.id).unit_id

    def earlier_than_the_last_move(dialog: PersonDialog) -> bool:
        dialog.position_edit.setText("Giám đốc Sở (kiêm)")  # a change of position is dated too
        assert dialog.form.isRowVisible(dialog.change_date_edit)
        dialog.change_date_edit.setDate(QDate(2024, 3, 1))
        assert not dialog.save_button.isEnabled()
        assert "không được trước 15/03/2024" in dialog.error_label.text()
        shot(dialog, "person-dialog-error")
        dialog.change_date_edit.setDate(QDate(2025, 1, 2))
        assert dialog.save_button.isEnabled(), dialog.error_label.text()
        shot(dialog, "person-dialog-move")
        return True

    _edit_director(qtbot, people_list, fake_messages, earlier_than_the_last_move)
    qtbot.waitUntil(lambda: len(_history(director.id)) == 3)
    assert _history(director.id)[-1] == (
        "Văn phòng Sở",
        "Giám đốc Sở (kiêm)",
        date(2025, 1, 2),
        None,
    )
    assert membership.positions_in_years([(director.id, 2024), (director.id, 2025)]) == {
        (director.id, 2024): position,
        (director.id, 2025): "Giám đốc Sở (kiêm)",
    }


def test_a_wrongly_dated_move_is_corrected_and_saved_with_the_person(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    people_list = show_directory(qtbot, window, 1)
    director = Person.get(Person.full_name == DIRECTOR)
    board = director.unit.name
    data = people.person_input(director.id)
    office = people.unit_rows()[[u.name for u in people.unit_rows()].index("Văn phòng Sở")].id
    people.update_person(
        director.id,
        people.PersonInput(data.family_name, data.middle_name, data.given_name, unit_id=office),
        moved_on=date(2025, 3, 1),
    )
    assert membership.unit_in_year(director.id, 2024) == director.unit_id

    def correct(dates: HistoryDatesDialog) -> bool:
        assert dates.row.unit_name == "Văn phòng Sở"
        assert not dates.to_check.isEnabled()  # the current unit ends only by a move
        dates.from_edit.setDate(_qdate(date.today() + timedelta(days=400)))
        assert not dates.save_button.isEnabled()
        assert "quá một năm" in dates.error_label.text()
        dates.from_edit.setDate(QDate(2024, 11, 1))
        assert dates.save_button.isEnabled(), dates.error_label.text()
        shot(dates, "history-dates-dialog")
        return True

    def open_and_cancel(dialog: PersonDialog) -> bool:
        dialog.history_table.selectRow(1)
        assert dialog.fix_selected_dates()
        # shown at once, both rows of the move; saved only with the person
        texts = [[dialog.history_model.index(r, c).data() for c in range(5)] for r in range(2)]
        assert texts == [
            [board, director.position, "Lãnh đạo cấp sở", "—", "01/11/2024"],
            ["Văn phòng Sở", "", "", "01/11/2024", "nay"],  # saved without a group
        ]
        assert dialog.save_button.isEnabled()
        assert not dialog.form.isRowVisible(dialog.change_date_edit)
        return False  # Hủy

    _edit_director(qtbot, people_list, fake_messages, open_and_cancel, correct)
    assert membership.unit_in_year(director.id, 2024) == director.unit_id  # nothing saved

    def correct_and_save(dialog: PersonDialog) -> bool:
        dialog.history_table.selectRow(1)
        assert dialog.fix_dates_button.isEnabled()
        dialog.fix_dates_button.click()
        shot(dialog, "person-dialog-history")
        return True

    _edit_director(qtbot, people_list, fake_messages, correct_and_save, correct)
    assert membership.unit_in_year(director.id, 2024) == office
    assert [(r[2], r[3]) for r in _history(director.id)] == [
        (None, date(2024, 11, 1)),
        (date(2024, 11, 1), None),
    ]


def test_leaving_is_dated_and_still_counts_in_the_years_before(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    people_list = show_directory(qtbot, window, 1)
    director = Person.get(Person.full_name == DIRECTOR)
    unit = director.unit_id

    def leave(dialog: PersonDialog) -> bool:
        dialog.active_check.setChecked(False)
        assert dialog.form.isRowVisible(dialog.change_date_edit)
        assert dialog.change_label.text() == "Nghỉ từ ngày:"
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("Văn phòng Sở"))
        assert not dialog.save_button.isEnabled()
        assert "không đổi đơn vị cùng lúc" in dialog.error_label.text()
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(unit))
        dialog.change_date_edit.setDate(QDate(2025, 6, 30))
        assert dialog.save_button.isEnabled(), dialog.error_label.text()
        shot(dialog, "person-dialog-leave")
        return True

    _edit_director(qtbot, people_list, fake_messages, leave)
    qtbot.waitUntil(lambda: not Person.get_by_id(director.id).active)
    assert _history(director.id)[-1][3] == date(2025, 6, 30)
    left = _history(director.id)

    def correct_a_former_staff_record(dialog: PersonDialog) -> bool:
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("Văn phòng Sở"))
        assert not dialog.form.isRowVisible(dialog.change_date_edit)  # no longer working
        return True

    _edit_director(qtbot, people_list, fake_messages, correct_a_former_staff_record)
    qtbot.waitUntil(lambda: Person.get_by_id(director.id).unit.name == "Văn phòng Sở")
    assert _history(director.id) == left
    assert director.id in membership.members_in_year(2024)[unit]
    assert director.id not in membership.members_in_year(2026).get(unit, [])


def test_a_change_of_rank_group_alone_is_dated_and_counts_from_that_date(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    office = next(u.id for u in people.unit_rows() if u.name == "Văn phòng Sở")
    an = people.create_person(
        people.PersonInput(
            "Nguyễn", "Văn", "An", position="Chuyên viên", rank_group=RankGroup.STAFF,
            unit_id=office,
        )
    ).id  # fmt: skip
    people_list = show_directory(qtbot, window, 1)
    leader = RankGroup.DIVISION_LEADER

    def promote(dialog: PersonDialog) -> bool:
        assert not dialog.form.isRowVisible(dialog.change_date_edit)
        dialog.rank_combo.setCurrentIndex(dialog.rank_combo.findData(leader))
        assert dialog.form.isRowVisible(dialog.change_date_edit)  # only the group changed
        assert dialog.change_label.text() == "Từ ngày:"
        dialog.change_date_edit.setDate(_qdate(date.today() + timedelta(days=400)))
        assert not dialog.save_button.isEnabled()
        assert "quá một năm" in dialog.error_label.text()
        dialog.rank_combo.setCurrentIndex(dialog.rank_combo.findData(RankGroup.STAFF))
        assert not dialog.form.isRowVisible(dialog.change_date_edit)  # back as it was
        assert dialog.save_button.isEnabled()
        dialog.rank_combo.setCurrentIndex(dialog.rank_combo.findData(leader))
        dialog.change_date_edit.setDate(QDate(2025, 3, 1))
        assert dialog.save_button.isEnabled(), dialog.error_label.text()
        shot(dialog, "person-dialog-rank")
        return True

    people_list.select_where(lambda r: r.id == an)
    fake_messages.dialog_handlers.append(promote)  # type: ignore[arg-type]
    people_list.edit_button.click()
    assert not fake_messages.dialog_handlers
    qtbot.waitUntil(lambda: Person.get_by_id(an).rank_group is leader)
    assert _history(an) == [
        ("Văn phòng Sở", "Chuyên viên", None, date(2025, 3, 1)),
        ("Văn phòng Sở", "Chuyên viên", date(2025, 3, 1), None),
    ]
    assert [r.rank_group for r in person_history.history_rows(an)] == [RankGroup.STAFF, leader]
    assert membership.rank_groups_in_years([(an, 2024), (an, 2025)]) == {
        (an, 2024): RankGroup.STAFF,
        (an, 2025): leader,
    }


def test_the_history_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    rows = [
        HistoryRow(1, 1, "Văn phòng Sở", "Chuyên viên", None, date(2024, 3, 15), RankGroup.STAFF),
        HistoryRow(
            2, 2, "Ban Giám đốc", "Phó Giám đốc", date(2024, 3, 15), None, RankGroup.DEPT_LEADER
        ),
    ]
    model = UnitHistoryTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    shown = [[model.index(r, c).data() for c in range(5)] for r in range(2)]
    assert shown == [
        ["Văn phòng Sở", "Chuyên viên", "Công chức, viên chức", "—", "15/03/2024"],
        ["Ban Giám đốc", "Phó Giám đốc", "Lãnh đạo cấp sở", "15/03/2024", "nay"],
    ]
