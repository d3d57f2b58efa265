"""Ctrl+Z and Ctrl+Y in the lists: an edit made through the dialog is taken back and made again."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app import backup, meeting_edit, proposals
from app.proposals import ProposalInput
from db.models import Campaign, Meeting, Person, Proposal, Trash
from tests.conftest import FakeMessages
from tests.staff_gen import award_id
from tests.ui.conftest import show, show_directory
from ui.dialogs.campaign_dialog import CampaignDialog
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.dialogs.person_dialog import PersonDialog
from ui.main_window import MainWindow
from ui.tabs.list_tab import RecordListTab

CTRL = Qt.KeyboardModifier.ControlModifier


def _press(qtbot: QtBot, window: MainWindow, tab: RecordListTab, key: Qt.Key) -> None:
    """The key as the operator presses it, with the focus in the list."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus)
    qtbot.keyClick(tab.table, key, CTRL)


def test_a_meeting_edit_is_undone_and_redone_with_the_keys(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.meetings_tab
    show(qtbot, window, tab)
    assert not tab.undo_action.isEnabled() and not tab.redo_action.isEnabled()
    march = Meeting.get(Meeting.month == 3)
    assert march.held_on is None and march.place == ""
    title = march.title

    def wrong_date(dialog: MeetingDialog) -> bool:
        dialog.dated_check.setChecked(True)
        dialog.date_edit.setDate(QDate(2024, 3, 28))
        dialog.place_edit.setText("Phong hop so 2")
        return True

    assert tab.select_where(lambda r: r.id == march.id)
    fake_messages.dialog_handlers.append(wrong_date)
    tab.edit_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.selected_row().held_on == date(2024, 3, 28))
    assert tab.undo_action.isEnabled()
    assert tab.undo_action.toolTip() == f"Hoàn tác: sửa phiên họp “{title}” (Ctrl+Z)"
    assert tab.undo_button.isEnabled()

    _press(qtbot, window, tab, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: tab.is_current() and tab.selected_row().held_on is None)
    back = Meeting.get_by_id(march.id)
    assert (back.held_on, back.place, back.title) == (None, "", title)
    assert tab.selected_row().id == march.id  # the selection is kept
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: sửa phiên họp “{title}”."
    assert not tab.undo_action.isEnabled() and tab.redo_action.isEnabled()
    assert tab.redo_action.toolTip() == f"Làm lại: sửa phiên họp “{title}” (Ctrl+Y)"

    _press(qtbot, window, tab, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: tab.is_current() and tab.selected_row().held_on == date(2024, 3, 28))
    assert Meeting.get_by_id(march.id).place == "Phong hop so 2"
    assert window.statusBar().currentMessage() == f"Đã làm lại: sửa phiên họp “{title}”."


def test_a_person_name_mistyped_is_undone(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    people_list = show_directory(qtbot, window, 1)
    person = Person.get(Person.full_name == "Phạm Thị Anh Thư")

    def mistype(dialog: PersonDialog) -> bool:
        dialog.given_edit.setText("Thuw")
        return True

    assert people_list.select_where(lambda r: r.id == person.id)
    fake_messages.dialog_handlers.append(mistype)
    people_list.edit_button.click()
    qtbot.waitUntil(lambda: people_list.selected_row().full_name == "Phạm Thị Anh Thuw")
    assert people_list.undo_action.toolTip() == (
        "Hoàn tác: sửa cán bộ “Phạm Thị Anh Thuw” (Ctrl+Z)"
    )

    _press(qtbot, window, people_list, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: people_list.selected_row().full_name == "Phạm Thị Anh Thư")
    assert Person.get_by_id(person.id).given_name == "Thư"
    assert people_list.selected_row().id == person.id

    _press(qtbot, window, people_list, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: people_list.selected_row().full_name == "Phạm Thị Anh Thuw")
    assert Person.get_by_id(person.id).given_name == "Thuw"


def test_an_undo_is_refused_when_the_meeting_changed_since(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.meetings_tab
    show(qtbot, window, tab)
    june = Meeting.get(Meeting.month == 6)

    def rename(dialog: MeetingDialog) -> bool:
        dialog.place_edit.setText("Phong hop A")
        return True

    tab.select_where(lambda r: r.id == june.id)
    fake_messages.dialog_handlers.append(rename)
    tab.edit_button.click()
    qtbot.waitUntil(lambda: Meeting.get_by_id(june.id).place == "Phong hop A")
    data = meeting_edit.meeting_input(june.id)
    meeting_edit.update_meeting(june.id, type(data)(**{**data.__dict__, "place": "Phong hop B"}))

    _press(qtbot, window, tab, Qt.Key.Key_Z)
    assert "đã được thay đổi sau đó" in fake_messages.texts()
    assert Meeting.get_by_id(june.id).place == "Phong hop B"  # nothing overwritten
    assert not tab.undo_action.isEnabled()  # the refused step is dropped


def test_a_new_meeting_undone_goes_to_the_bin_and_comes_back(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.meetings_tab
    show(qtbot, window, tab)

    def fill(dialog: MeetingDialog) -> bool:
        dialog.title_edit.setText("Phien hop bat thuong")
        return True

    fake_messages.dialog_handlers.append(fill)
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 4)
    assert tab.undo_action.toolTip() == "Hoàn tác: thêm phiên họp “Phien hop bat thuong” (Ctrl+Z)"
    tab.undo_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 3)
    assert Trash.select().count() == 1
    tab.redo_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 4)
    assert tab.selected_row().title == "Phien hop bat thuong"
    assert Trash.select().count() == 0


def test_lists_inside_the_campaigns_tab_keep_their_own_undo(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.campaigns_tab
    show(qtbot, window, tab)
    row = tab.visible_rows()[0]
    campaign = Campaign.get_by_id(row.id)
    old = campaign.lead_text

    def new_lead(dialog: CampaignDialog) -> bool:
        dialog.lead_edit.setText("Phong Tong hop")
        return True

    tab.select_where(lambda r: r.id == campaign.id)
    fake_messages.dialog_handlers.append(new_lead)
    tab.edit_button.click()
    qtbot.waitUntil(lambda: Campaign.get_by_id(campaign.id).lead_text == "Phong Tong hop")
    registrations = tab.detail.registrations
    tab.detail.setCurrentWidget(registrations)
    qtbot.waitUntil(registrations.is_current)
    _press(qtbot, window, registrations, Qt.Key.Key_Z)  # its own list: nothing to undo there
    assert Campaign.get_by_id(campaign.id).lead_text == "Phong Tong hop"
    _press(qtbot, window, tab, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: Campaign.get_by_id(campaign.id).lead_text == old)


def test_the_decisions_page_inside_the_awards_tab_keeps_its_own_undo(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    person = Person.get(Person.full_name == "Phạm Thị Anh Thư")
    proposal = proposals.create_proposal(ProposalInput(2024, award_id("LDTT"), person_id=person.id))
    tab = window.awards_tab
    show(qtbot, window, tab)
    assert tab.select_where(lambda r: r.id == proposal.id)
    fake_messages.confirm_answers.append(True)
    tab.delete_button.click()
    qtbot.waitUntil(lambda: Proposal.get_or_none(Proposal.id == proposal.id) is None)
    assert tab.undo_action.toolTip().startswith("Hoàn tác: xóa đề nghị “Lao động tiên tiến”")

    page = tab.page("Quyết định")
    tab.pages.setCurrentWidget(page)
    qtbot.waitUntil(page.is_current)
    _press(qtbot, window, page, Qt.Key.Key_Z)  # the decisions' own list: nothing to undo
    assert Proposal.get_or_none(Proposal.id == proposal.id) is None

    tab.pages.setCurrentIndex(0)
    _press(qtbot, window, tab, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: Proposal.get_or_none(Proposal.id == proposal.id) is not None)


def test_a_restored_backup_leaves_nothing_to_undo(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, tmp_path: Path
) -> None:
    copy = backup.backup_now(window.current.db, tmp_path / "bk", datetime(2024, 6, 1, 8, 0))
    tab = window.meetings_tab
    show(qtbot, window, tab)

    def rename(dialog: MeetingDialog) -> bool:
        dialog.place_edit.setText("Phong hop A")
        return True

    tab.select_where(lambda r: r.month == 6)
    fake_messages.dialog_handlers.append(rename)
    tab.edit_button.click()
    qtbot.waitUntil(tab.undo_action.isEnabled)
    fake_messages.open_paths.append(copy)
    fake_messages.confirm_answers.append(True)
    window.restore_action.trigger()
    assert "Đã khôi phục" in fake_messages.texts()
    assert not tab.undo_action.isEnabled()  # the edit belonged to the file put aside
