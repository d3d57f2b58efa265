"""Biểu quyết re-checks eligibility: the votes list flags what changed after the proposals went
before the council (red: a condition no longer met, amber: a warning), the vote dialog shows
the findings before the result is recorded, keeps a passing result from a blocked proposal
and asks a reason for warnings (logged as an override)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import evaluations, meeting_votes, proposals, registrations, vntext
from app.evaluations import EvaluationInput
from app.proposals import ProposalInput
from db.enums import ProposalStatus, Rating, RecipientKind
from db.models import Meeting, Proposal, ProposalEvent, Registration
from tests.conftest import FakeMessages
from tests.staff_gen import award_id, generate_staff, register
from tests.ui.conftest import shot, show, wait_loaded
from ui.dialogs.proposal_parts import StepDialog
from ui.dialogs.vote_dialog import VoteDialog
from ui.main_window import MainWindow
from ui.tabs.meeting_votes_page import BLOCK_COLOR, WARN_COLOR, BallotTableModel

S = ProposalStatus


def _ldtt(person: int) -> int:
    register(2024, "LDTT", person=person)
    data = ProposalInput(2024, award_id("LDTT"), RecipientKind.INDIVIDUAL, person_id=person)
    return int(proposals.create_proposal(data, on=date(2024, 12, 1)).id)


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def _passing(dialog: VoteDialog) -> None:
    for name, value in (("members_total", 7), ("members_present", 7), ("votes_for", 6)):
        dialog.spins[name].setValue(value)
    dialog.spins["votes_against"].setValue(1)


def test_the_votes_list_flags_changes_and_the_dialog_asks_before_recording(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    staff = generate_staff(2024, per_unit=3, units=1)
    (low_name, low), (late_name, late), (_ok_name, ok) = staff.people.items()
    blocked, warned, clean = _ldtt(low), _ldtt(late), _ldtt(ok)
    december = Meeting.get(Meeting.month == 12)
    Meeting.update(held_on=date(2024, 12, 18)).where(Meeting.id == december.id).execute()
    meeting_votes.put_before_meeting(december.id, [blocked, warned, clean])
    # after the proposals went before the council: a rating too low, a registration void
    too_low = EvaluationInput(rating=Rating.COMPLETED)
    evaluations.save_evaluation(RecipientKind.INDIVIDUAL, low, 2024, too_low)
    registrations.delete_registration(Registration.get(Registration.person == late).id)

    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == december.id))
    page = tab.detail.votes
    qtbot.waitUntil(lambda: tab.detail.meeting_id == december.id)
    tab.detail.setCurrentWidget(page)
    wait_loaded(qtbot, page)
    assert page.model.total_count() == 3
    # nothing selected yet: the buttons acting on a proposal wait for one
    assert not page.vote_button.isEnabled() and not page.remove_button.isEnabled()
    assert page.add_button.isEnabled()
    model = page.model
    assert (
        model.headerData(BallotTableModel.COL_FINDINGS, Qt.Orientation.Horizontal)
        == "Điều kiện (xét lại)"
    )

    def cell(pid: int, role: Qt.ItemDataRole) -> object:
        proxy = page.table.model()
        for r in range(proxy.rowCount()):
            index = proxy.index(r, BallotTableModel.COL_FINDINGS)
            if proxy.data(index, Qt.ItemDataRole.UserRole + 1).id == pid:
                return proxy.data(index, role)
        raise AssertionError(pid)

    assert cell(blocked, Qt.ItemDataRole.DisplayRole) == "1 không đủ điều kiện"
    assert cell(blocked, Qt.ItemDataRole.ForegroundRole) == BLOCK_COLOR
    tip = str(cell(blocked, Qt.ItemDataRole.ToolTipRole))
    assert "Không đủ điều kiện: Chưa đạt mức “hoàn thành tốt nhiệm vụ”" in tip
    assert "Luật Thi đua, khen thưởng" in tip
    assert cell(warned, Qt.ItemDataRole.DisplayRole) == "1 cảnh báo"
    assert cell(warned, Qt.ItemDataRole.ForegroundRole) == WARN_COLOR
    assert "Cảnh báo: Cá nhân chưa đăng ký thi đua năm 2024" in str(
        cell(warned, Qt.ItemDataRole.ToolTipRole)
    )
    assert cell(clean, Qt.ItemDataRole.DisplayRole) == ""
    assert cell(clean, Qt.ItemDataRole.ToolTipRole) is None
    window.resize(1280, 800)
    shot(page, "votes_page_flagged")

    # the blocked one: findings shown, a passing count cannot be saved
    def refuse_passing(dialog: VoteDialog) -> bool:
        shown = _plain(dialog.findings_label.text())
        assert "Xét lại điều kiện ngày 18 tháng 12 năm 2024" in shown
        assert "Không đủ điều kiện: Chưa đạt mức “hoàn thành tốt nhiệm vụ”" in shown
        assert dialog.reason_edit.isHidden()  # no warning to accept
        _passing(dialog)
        assert not dialog.save_button.isEnabled()
        assert "không ghi được kết quả đạt" in dialog.error_label.text()
        shot(dialog, "vote_dialog_blocked")
        dialog.spins["votes_for"].setValue(2)
        dialog.spins["votes_against"].setValue(5)  # the council rejects it: that is recordable
        assert dialog.save_button.isEnabled()
        return True

    page.select_where(lambda r: r.id == blocked)
    fake_messages.dialog_handlers.append(refuse_passing)
    page.vote_button.click()
    qtbot.waitUntil(lambda: Proposal.get_by_id(blocked).status is S.FAILED)

    # the warned one: a passing result needs a reason, then the override is logged
    def accept_with_reason(dialog: VoteDialog) -> bool:
        assert "Cảnh báo: Cá nhân chưa đăng ký thi đua năm 2024" in _plain(
            dialog.findings_label.text()
        )
        assert not dialog.reason_edit.isHidden()
        _passing(dialog)
        assert not dialog.save_button.isEnabled()
        assert "hãy ghi lý do bỏ qua cảnh báo" in dialog.error_label.text()
        dialog.reason_edit.setText("Đăng ký bổ sung, có xác nhận của đơn vị")
        assert dialog.save_button.isEnabled()
        dialog.resize(640, dialog.sizeHint().height())
        shot(dialog, "vote_dialog_warning")
        return True

    qtbot.waitUntil(lambda: page.is_current() and page.select_where(lambda r: r.id == warned))
    fake_messages.dialog_handlers.append(accept_with_reason)
    page.vote_button.click()
    qtbot.waitUntil(lambda: Proposal.get_by_id(warned).status is S.PASSED)
    logged = ProposalEvent.get(
        (ProposalEvent.proposal == warned) & (ProposalEvent.rule_code == "registration_required")
    )
    assert logged.note == "Đăng ký bổ sung, có xác nhận của đơn vị"
    qtbot.waitUntil(lambda: page.is_current() and cell(warned, Qt.ItemDataRole.DisplayRole) == "")
    assert cell(blocked, Qt.ItemDataRole.DisplayRole) == ""  # failed: the council is done with it
    assert [s for s in fake_messages.shown if s[0] == "error"] == []
    assert low_name and late_name


def test_a_change_while_the_dialog_is_open_is_refused_by_the_service(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    staff = generate_staff(2024, per_unit=1, units=1)
    ((_name, person),) = staff.people.items()
    pid = _ldtt(person)
    december = Meeting.get(Meeting.month == 12)
    Meeting.update(held_on=date(2024, 12, 18)).where(Meeting.id == december.id).execute()
    meeting_votes.put_before_meeting(december.id, [pid])
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == december.id))
    page = tab.detail.votes
    qtbot.waitUntil(lambda: tab.detail.meeting_id == december.id)
    tab.detail.setCurrentWidget(page)
    wait_loaded(qtbot, page)

    def meanwhile(dialog: VoteDialog) -> bool:
        assert dialog.findings_label.isHidden()  # nothing to show when it opened
        _passing(dialog)
        too_low = EvaluationInput(rating=Rating.NOT_COMPLETED)  # recorded elsewhere meanwhile
        evaluations.save_evaluation(RecipientKind.INDIVIDUAL, person, 2024, too_low)
        return True

    page.select_where(lambda r: r.id == pid)
    fake_messages.dialog_handlers.append(meanwhile)
    page.vote_button.click()
    kind, _title, text = fake_messages.shown.pop()
    assert kind == "error" and text.startswith("Không ghi kết quả ĐẠT được")
    assert "Luật Thi đua, khen thưởng" in text
    assert Proposal.get_by_id(pid).status is S.BEFORE_COUNCIL


def test_a_warning_appearing_while_the_dialog_is_open_is_asked_a_reason_after(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    staff = generate_staff(2024, per_unit=1, units=1)
    ((_name, person),) = staff.people.items()
    pid = _ldtt(person)
    december = Meeting.get(Meeting.month == 12)
    Meeting.update(held_on=date(2024, 12, 18)).where(Meeting.id == december.id).execute()
    meeting_votes.put_before_meeting(december.id, [pid])
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == december.id))
    page = tab.detail.votes
    qtbot.waitUntil(lambda: tab.detail.meeting_id == december.id)
    tab.detail.setCurrentWidget(page)
    wait_loaded(qtbot, page)

    def meanwhile(dialog: VoteDialog) -> bool:
        assert dialog.findings_label.isHidden() and dialog.reason_edit.isHidden()
        _passing(dialog)
        registrations.delete_registration(Registration.get(Registration.person == person).id)
        return True

    def reason(dialog: StepDialog) -> bool:
        text = dialog.explanation.text()
        assert text.startswith("Đã ghi kết quả đạt cho")
        assert "- Cá nhân chưa đăng ký thi đua năm 2024" in text
        assert dialog.on() == date(2024, 12, 18)
        assert not dialog.save_button.isEnabled()  # a reason is required
        dialog.note_edit.setPlainText("Đăng ký bổ sung")
        shot(dialog, "vote_override_after")
        return dialog.save_button.isEnabled()

    page.select_where(lambda r: r.id == pid)
    fake_messages.dialog_handlers.extend([meanwhile, reason])
    page.vote_button.click()
    assert Proposal.get_by_id(pid).status is S.PASSED
    logged = ProposalEvent.get(
        (ProposalEvent.proposal == pid) & (ProposalEvent.rule_code == "registration_required")
    )
    assert logged.note == "Đăng ký bổ sung"
    assert fake_messages.dialog_handlers == [] and fake_messages.shown == []


def test_many_findings_leave_the_vote_form_whole(qtbot: QtBot, window: MainWindow) -> None:
    """Seen on the bench data: three long warnings pushed the form out of the dialog, the spin
    boxes crushed to a few pixels and the last warning cut off. The findings scroll instead."""
    from app.eligibility import Finding
    from db.enums import Severity

    staff = generate_staff(2024, per_unit=1, units=1)
    (_name, person), *_ = staff.people.items()
    pid = _ldtt(person)
    december = Meeting.get(Meeting.month == 12)
    long = "Cùng thành tích này đã được đề nghị “Giấy khen của Giám đốc Sở” năm 2024 " * 3
    findings = [
        Finding(f"rule{i}", Severity.WARN, "Một thành tích, một lần khen", "Luật", long)
        for i in range(6)
    ]
    row = meeting_votes.BallotRow(pid, "Trung tâm Dịch vụ", "LĐTT", "LDTT", S.DRAFT, "", "", "")
    dialog = VoteDialog(
        december.id, row, meeting_votes.vote_defaults(december.id), window, findings, "ngày 18"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shot(dialog, "vote_dialog_many_findings")
    for field in [dialog.method_combo, *dialog.spins.values()]:  # a line of text and its frame
        assert field.height() >= field.fontMetrics().height() + 4
    assert dialog.height() <= 700  # fits a small office screen
    # every finding can be read: shown whole, or scrolled to
    label = dialog.findings_label
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed


def test_the_vote_dialog_opens_on_the_vote_recorded(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    """Correcting a vote started from the attendance's numbers (zeros on a meeting without
    one), so the recorded count had to be typed again; it now opens on the count recorded."""
    from app.voting import VoteCount
    from db.enums import VoteMethod

    staff = generate_staff(2024, per_unit=1, units=1)
    (_name, person), *_ = staff.people.items()
    pid = _ldtt(person)
    december = Meeting.get(Meeting.month == 12)
    meeting_votes.put_before_meeting(december.id, [pid])
    recorded = VoteCount(VoteMethod.SECRET_BALLOT, 7, 6, 1, 7, 7, 6, 2, 3, 1)
    meeting_votes.record_vote(december.id, pid, recorded, "")
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == december.id))
    page = tab.detail.votes
    qtbot.waitUntil(lambda: tab.detail.meeting_id == december.id)
    tab.detail.setCurrentWidget(page)
    wait_loaded(qtbot, page)
    opened: list[VoteCount] = []

    def look(dialog: VoteDialog) -> bool:
        opened.append(dialog.count())
        return False  # Hủy

    fake_messages.dialog_handlers.append(look)
    assert page.select_where(lambda r: r.id == pid)
    page.vote_button.click()
    assert opened == [recorded]


def test_the_proposals_to_put_before_a_meeting_are_filtered_and_ticked_at_once(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    """A year-end meeting takes hundreds of proposals (the bench data: 600): ticking them one
    by one in an unfiltered list was the only way."""
    from ui.dialogs.meeting_parts import ChooseProposalsDialog

    staff = generate_staff(2024, per_unit=3, units=1)
    ids = {name: _ldtt(person) for name, person in staff.people.items()}
    first = next(iter(ids))
    december = Meeting.get(Meeting.month == 12)
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == december.id))
    page = tab.detail.votes
    qtbot.waitUntil(lambda: tab.detail.meeting_id == december.id)
    tab.detail.setCurrentWidget(page)
    wait_loaded(qtbot, page)

    def choose(dialog: ChooseProposalsDialog) -> bool:
        shown = lambda: [  # noqa: E731
            dialog.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(dialog.list.count())
            if not dialog.list.item(i).isHidden()
        ]
        assert sorted(shown()) == sorted(ids.values())
        dialog.filter_edit.setText(vntext.fold(first))  # typed without diacritics
        assert shown() == [ids[first]]
        dialog.all_button.click()
        assert dialog.chosen() == [ids[first]] and dialog.save_button.isEnabled()
        dialog.filter_edit.clear()
        dialog.all_button.click()
        assert sorted(dialog.chosen()) == sorted(ids.values())
        dialog.none_button.click()
        assert dialog.chosen() == [] and not dialog.save_button.isEnabled()
        dialog.all_button.click()
        return True

    fake_messages.dialog_handlers.append(choose)
    page.add_button.click()
    qtbot.waitUntil(lambda: page.model.total_count() == len(ids))
    assert fake_messages.dialog_handlers == []
