"""The meetings tab's "Đưa đề nghị vào…" keeps a blocked proposal out (listed greyed, with why)
and shows the warnings of those that may go (in the list, then in a confirmation)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import proposals
from app.proposals import ProposalInput
from db.enums import ProposalStatus, RecipientKind
from db.models import Meeting, Proposal
from tests.conftest import FakeMessages
from tests.staff_gen import award_id, generate_staff, register
from tests.ui.conftest import shot, show, wait_loaded
from ui.dialogs.meeting_parts import ChooseProposalsDialog
from ui.main_window import MainWindow

S = ProposalStatus


def _proposal(code: str, person: int) -> int:
    data = ProposalInput(2024, award_id(code), RecipientKind.INDIVIDUAL, person_id=person)
    return int(proposals.create_proposal(data, on=date(2024, 12, 1)).id)


def test_the_meeting_lists_a_blocked_proposal_greyed_and_warns_of_the_others(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    staff = generate_staff(2024, per_unit=2, units=1)
    (first_name, first), (second_name, second) = staff.people.items()
    register(2024, "CSTDCS", person=first)
    blocked = _proposal("CSTDCS", first)  # no LĐTT, no ground (Điều 23): blocked
    warned = _proposal("LDTT", second)  # not registered: a warning
    december = Meeting.get(Meeting.month == 12)
    tab = window.meetings_tab
    show(qtbot, window, tab)
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == december.id))
    detail = tab.detail
    qtbot.waitUntil(lambda: detail.meeting_id == december.id)
    detail.setCurrentWidget(detail.votes)
    wait_loaded(qtbot, detail.votes)

    def choose(dialog: ChooseProposalsDialog) -> bool:
        items = {
            dialog.list.item(i).data(Qt.ItemDataRole.UserRole): dialog.list.item(i)
            for i in range(dialog.list.count())
        }
        held = items[blocked]
        assert not held.flags() & Qt.ItemFlag.ItemIsEnabled
        assert not held.flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert held.text().endswith("không đủ điều kiện") and first_name in held.text()
        assert "Điều 23 Luật Thi đua, khen thưởng" in held.toolTip()
        assert items[warned].text().endswith("1 cảnh báo chưa xử lý")
        assert "chưa đăng ký thi đua năm 2024" in items[warned].toolTip()
        items[warned].setCheckState(Qt.CheckState.Checked)
        assert "1 đề nghị đã chọn còn cảnh báo" in dialog.warnings_label.text()
        dialog.resize(720, 480)
        shot(dialog, "choose_proposals")
        held.setCheckState(Qt.CheckState.Checked)  # even forced, the blocked one is not chosen
        assert dialog.chosen() == [warned]
        return dialog.save_button.isEnabled()

    fake_messages.dialog_handlers.append(choose)
    fake_messages.confirm_answers.append(False)  # the operator reads the warnings, and stops
    detail.votes.add_button.click()
    asked = fake_messages.shown.pop()[2]
    assert f"- {second_name} — Lao động tiên tiến: Cá nhân chưa đăng ký thi đua năm 2024" in asked
    assert "Quy định:" not in asked  # one short line a proposal; the rules are in the tooltips
    assert Proposal.get_by_id(warned).status is S.DRAFT

    fake_messages.dialog_handlers.append(choose)
    fake_messages.confirm_answers.append(True)
    detail.votes.add_button.click()
    qtbot.waitUntil(lambda: detail.votes.is_current() and detail.votes.model.total_count() == 1)
    assert Proposal.get_by_id(warned).status is S.BEFORE_COUNCIL
    assert Proposal.get_by_id(blocked).status is S.DRAFT
    assert [s for s in fake_messages.shown if s[0] != "confirm"] == []
    window.resize(1280, 800)
    shot(detail.votes, "votes_page")
