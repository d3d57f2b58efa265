"""The selected meeting's agenda (times, moves, drag and drop) and attendance with quorum."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from app import meeting_edit, people, records
from app.vntext import split_name
from db.enums import AttendanceStatus, CouncilRole
from db.models import Council, CouncilMember, Meeting
from tests.conftest import FakeMessages
from tests.ui.conftest import show, wait_loaded
from ui.dialogs.meeting_parts import AbsenceDialog, AgendaItemDialog, GuestDialog
from ui.main_window import MainWindow
from ui.tabs.meetings_tab import MeetingsTab


def _open_june(qtbot: QtBot, window: MainWindow) -> MeetingsTab:
    june = Meeting.get(Meeting.month == 6)
    records.update(june, start_time=time(8, 0))
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == june.id))
    qtbot.waitUntil(lambda: tab.detail.meeting_id == june.id)
    wait_loaded(qtbot, tab.detail.agenda)
    return tab


def _titles_and_times(tab: MeetingsTab) -> list[tuple[str, str]]:
    return [(f"{r.starts:%H:%M}", r.title) for r in tab.detail.agenda.visible_rows()]


def test_agenda_items_with_times_moved_by_buttons_and_by_drop(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = _open_june(qtbot, window)
    detail = tab.detail
    detail.setCurrentWidget(detail.agenda)
    for title, minutes in (
        ("Khai mạc", 10),
        ("Báo cáo sơ kết 6 tháng", 30),
        ("Biểu quyết khen thưởng", 20),
    ):

        def fill(dialog: AgendaItemDialog, title: str = title, minutes: int = minutes) -> bool:
            assert not dialog.save_button.isEnabled()
            dialog.title_edit.setText(title)
            dialog.minutes_spin.setValue(minutes)
            return True

        fake_messages.dialog_handlers.append(fill)
        detail.add_item_button.click()
        qtbot.waitUntil(
            lambda: detail.agenda.is_current() and detail.agenda.model.total_count() > 0
        )
    qtbot.waitUntil(lambda: detail.agenda.model.total_count() == 3)
    assert _titles_and_times(tab) == [
        ("08:00", "Khai mạc"),
        ("08:10", "Báo cáo sơ kết 6 tháng"),
        ("08:40", "Biểu quyết khen thưởng"),
    ]
    detail.agenda.select_where(lambda r: r.title == "Biểu quyết khen thưởng")
    detail.up_button.click()
    qtbot.waitUntil(
        lambda: (
            detail.agenda.is_current() and _titles_and_times(tab)[1][1] == "Biểu quyết khen thưởng"
        )
    )
    assert _titles_and_times(tab)[2] == ("08:30", "Báo cáo sơ kết 6 tháng")
    model = detail.agenda.model
    data = model.mimeData([model.index(0, 0)])  # drag “Khai mạc” to the end
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    qtbot.waitUntil(
        lambda: detail.agenda.is_current() and _titles_and_times(tab)[-1][1] == "Khai mạc"
    )
    assert _titles_and_times(tab)[0] == ("08:00", "Biểu quyết khen thưởng")


def test_attendance_quorum_reasons_and_guests(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    council = Council.get()
    for name in ("Nguyễn Văn Hùng", "Trần Thị Lan"):
        person = people.create_person(people.PersonInput(*split_name(name)))
        records.create(CouncilMember, council=council, person=person, role=CouncilRole.MEMBER)
    meeting = meeting_edit.create_meeting(
        meeting_edit.MeetingInput(2024, "Phiên họp tháng 7", month=7)
    )
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == meeting.id))
    qtbot.waitUntil(lambda: tab.detail.meeting_id == meeting.id)

    detail = tab.detail
    detail.setCurrentWidget(detail.attendance)
    wait_loaded(qtbot, detail.attendance)
    assert "Có mặt 0/3 thành viên — chưa đủ số thành viên" in detail.quorum_label.text()
    for name in ("Phạm Thị Anh Thư", "Nguyễn Văn Hùng"):
        detail.attendance.select_where(lambda r, n=name: r.name == n)
        detail.present_button.click()
        qtbot.waitUntil(lambda: detail.attendance.is_current())
    qtbot.waitUntil(
        lambda: "Có mặt 2/3 thành viên — đủ điều kiện họp" in detail.quorum_label.text()
    )
    assert "2/3 tổng số thành viên, cần ít nhất 2" in detail.quorum_label.text()

    def excuse(dialog: AbsenceDialog) -> bool:
        dialog.reason_edit.setText("Đi công tác")
        dialog.written_check.setChecked(True)
        return True

    detail.attendance.select_where(lambda r: r.name == "Trần Thị Lan")
    fake_messages.dialog_handlers.append(excuse)
    detail.excused_button.click()
    qtbot.waitUntil(lambda: any(r.written_vote for r in meeting_edit.attendance_rows(meeting.id)))
    row = next(r for r in meeting_edit.attendance_rows(meeting.id) if r.name == "Trần Thị Lan")
    assert (row.status, row.reason) == (AttendanceStatus.ABSENT_EXCUSED, "Đi công tác")

    def guest(dialog: GuestDialog) -> bool:
        dialog.name_edit.setText("Bà Lê Thị Hồng")
        dialog.position_edit.setText("Đại diện Ban Thi đua, Khen thưởng tỉnh")
        return True

    fake_messages.dialog_handlers.append(guest)
    detail.guest_button.click()
    qtbot.waitUntil(
        lambda: detail.attendance.is_current() and detail.attendance.model.total_count() == 4
    )
    assert "Có mặt 2/3 thành viên" in detail.quorum_label.text()  # a guest is not a member


def test_an_agenda_item_links_to_the_plan_task_it_assesses(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = _open_june(qtbot, window)
    detail = tab.detail

    def fill(dialog: AgendaItemDialog) -> bool:
        assert dialog.task_combo.count() == 8  # “—” and the seven tasks of the 2024 plan
        dialog.title_edit.setText("Đánh giá công tác khen thưởng 6 tháng")
        dialog.task_combo.setCurrentIndex(
            dialog.task_combo.findText("II.4", Qt.MatchFlag.MatchStartsWith)
        )
        return True

    fake_messages.dialog_handlers.append(fill)
    detail.add_item_button.click()
    qtbot.waitUntil(lambda: detail.agenda.is_current() and detail.agenda.model.total_count() == 1)
    [row] = detail.agenda.visible_rows()
    assert row.link.startswith("II.4 Chỉ đạo thực hiện tốt công tác khen thưởng")
    assert detail.agenda.model.index(0, 4).data() == row.link


def test_an_invitation_for_one_invitee(qtbot: QtBot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io
    import re

    from pypdf import PdfReader

    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    meeting = meeting_edit.create_meeting(
        meeting_edit.MeetingInput(2024, "Phiên họp tháng 8", month=8)
    )
    meeting_edit.add_guest(meeting.id, "Bà Lê Thị Hồng", "Khách mời")
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == meeting.id))
    detail = tab.detail
    qtbot.waitUntil(lambda: detail.meeting_id == meeting.id)
    detail.setCurrentWidget(detail.attendance)
    qtbot.waitUntil(
        lambda: detail.attendance.is_current() and detail.attendance.model.total_count() == 2
    )
    detail.attendance.select_where(lambda r: r.name == "Bà Lê Thị Hồng")
    preview = detail.make_invitation_preview()
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.rendered, timeout=20000):
        preview.show()
    text = re.sub(r"\s+", " ", PdfReader(io.BytesIO(preview.pdf_bytes)).pages[0].extract_text())
    assert "Bà Lê Thị Hồng, Khách mời" in text and "Phạm Thị Anh Thư" not in text.split("Tới dự")[0]
