"""The Phiên họp tab: add, edit, schedule, duplicate, delete with undo, print the papers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from app import meeting_edit, meeting_votes, people, records
from app.voting import VoteCount
from db.enums import MeetingKind, MeetingStatus, VoteMethod
from db.models import AwardType, Meeting, Proposal
from tests.conftest import FakeMessages
from tests.ui.conftest import show, wait_loaded
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.main_window import MainWindow


def test_add_and_edit_a_meeting_through_the_dialog(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.meetings_tab
    show(qtbot, window, tab)

    def fill(dialog: MeetingDialog) -> bool:
        assert not dialog.save_button.isEnabled()
        dialog.title_edit.setText("Phiên họp xét khen thưởng chuyên đề")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(MeetingKind.AD_HOC))
        dialog.dated_check.setChecked(True)
        dialog.date_edit.setDate(dialog.date_edit.date().addMonths(8))  # 01/09/2024
        dialog.start_check.setChecked(True)
        dialog.end_check.setChecked(True)
        dialog.end_edit.setTime(QTime(7, 0))  # before the start: refused inline
        assert not dialog.save_button.isEnabled() and "Giờ kết thúc" in dialog.error_label.text()
        dialog.end_edit.setTime(QTime(10, 0))
        dialog.place_edit.setText("Phòng họp Sở")
        dialog.chair_combo.setCurrentIndex(dialog.chair_combo.findText("Phạm Thị Anh Thư"))
        assert dialog.task_combo.count() == 8  # the seven tasks of the 2024 plan and “—”
        return True

    fake_messages.dialog_handlers.append(fill)
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 4)
    added = Meeting.get(Meeting.title == "Phiên họp xét khen thưởng chuyên đề")
    assert (added.held_on, added.kind, added.month) == (date(2024, 9, 1), MeetingKind.AD_HOC, 9)
    assert len(meeting_edit.attendance_rows(added.id)) == 1  # the council (its chair) is invited

    def postpone(dialog: MeetingDialog) -> bool:
        assert dialog.title_edit.text() == "Phiên họp xét khen thưởng chuyên đề"
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(MeetingStatus.POSTPONED))
        return True

    tab.select_where(lambda r: r.id == added.id)
    fake_messages.dialog_handlers.append(postpone)
    tab.edit_button.click()
    qtbot.waitUntil(lambda: Meeting.get_by_id(added.id).status is MeetingStatus.POSTPONED)


def test_schedule_duplicate_delete_and_undo(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.meetings_tab
    show(qtbot, window, tab)
    assert tab.schedule_periodic() == []  # the sample year's three meetings exist
    assert "đã có đủ" in fake_messages.texts()
    tab.select_where(lambda r: r.month == 6)
    copy_id = tab.duplicate_selected()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 4)
    assert tab.selected_row().id == copy_id
    fake_messages.confirm_answers.append(True)
    tab.delete_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 3)
    tab.undo_delete()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 4)
    assert Meeting.get_by_id(copy_id).title.endswith("(bản sao)")


@pytest.mark.parametrize("page", ["agenda", "votes"])
def test_deleting_the_selected_meeting_shows_no_error(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, page: str
) -> None:
    """The detail below still showed the deleted meeting and reloaded it: the user got
    "Không tìm thấy phiên họp; có thể đã bị xóa." right after confirming the deletion."""
    tab = window.meetings_tab
    show(qtbot, window, tab)
    tab.select_where(lambda r: r.month == 12)
    shown = getattr(tab.detail, page)
    tab.detail.setCurrentWidget(shown)
    qtbot.waitUntil(lambda: tab.detail.meeting_id is not None and shown.is_current())
    december = Meeting.get(Meeting.month == 12).id
    fake_messages.confirm_answers.append(True)
    tab.delete_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 2)
    qtbot.waitUntil(lambda: tab.detail.meeting_id != december and shown.is_current())
    assert [kind for kind, _title, _text in fake_messages.shown] == ["confirm"]


def test_a_meeting_with_votes_is_not_deleted(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    june = Meeting.get(Meeting.month == 6)
    person = people.create_person(people.PersonInput("Bùi", "Văn", "Tâm"))
    proposal = records.create(
        Proposal, year=2024, person=person, award_type=AwardType.get(AwardType.code == "LDTT")
    )
    meeting_votes.record_vote(
        june.id, proposal.id, VoteCount(VoteMethod.SHOW_OF_HANDS, 1, 1, votes_for=1)
    )
    tab = window.meetings_tab
    show(qtbot, window, tab)
    tab.select_where(lambda r: r.id == june.id)
    fake_messages.confirm_answers.append(True)
    tab.delete_button.click()
    assert "đã có kết quả biểu quyết" in fake_messages.texts()
    assert Meeting.get_or_none(Meeting.id == june.id) is not None


@pytest.mark.parametrize("kind", ["agenda", "invitation", "minutes", "ballot"])
def test_each_paper_opens_in_the_preview(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    tab = window.meetings_tab
    show(qtbot, window, tab)
    tab.select_where(lambda r: r.month == 3)
    dialog = tab.make_paper_preview(kind)
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=20000):
        dialog.show()
    assert dialog.page_count() >= 1
    wait_loaded(qtbot, tab)


def test_the_month_calendar_marks_meeting_days_and_selects_on_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import QDate

    first = meeting_edit.create_meeting(
        meeting_edit.MeetingInput(2024, "Phiên họp A", held_on=date(2024, 6, 25))
    )
    second = meeting_edit.create_meeting(
        meeting_edit.MeetingInput(2024, "Phiên họp B", held_on=date(2024, 7, 9))
    )
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.meeting_days() == [date(2024, 6, 25), date(2024, 7, 9)])
    assert tab.calendar.yearShown() == 2024
    tab.calendar.clicked.emit(QDate(2024, 7, 9))
    assert tab.selected_row().id == second.id
    tab.calendar.clicked.emit(QDate(2024, 6, 25))
    assert tab.selected_row().id == first.id


def test_nhan_ban_and_van_ban_wait_for_a_selected_meeting(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.meetings_tab
    show(qtbot, window, tab)
    tab.table.clearSelection()
    assert not tab.copy_button.isEnabled() and not tab.papers_button.isEnabled()
    assert tab.schedule_button.isEnabled()
    agenda = tab.detail.agenda  # and the empty detail says what to do
    qtbot.waitUntil(lambda: agenda.empty_label.text() == "Chọn một phiên họp ở danh sách trên.")
    tab.table.selectRow(0)
    assert tab.copy_button.isEnabled() and tab.papers_button.isEnabled()
