"""The council in Danh mục: members with roles, and its rules that the votes then follow."""

from __future__ import annotations

from datetime import date

import peewee as pw
import pytest
from pytestqt.qtbot import QtBot

from app import council, people
from app.errors import ValidationError
from db.enums import CouncilRole, VoteBase
from db.models import Council, CouncilMember
from tests.conftest import FakeMessages
from tests.ui.conftest import show_directory
from ui.dialogs.council_dialogs import CouncilMemberDialog, CouncilSettingsDialog
from ui.main_window import MainWindow


def test_add_a_member_and_change_the_rules(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    person = people.create_person(
        people.PersonInput("Nguyễn", "Văn", "Hùng", position="Phó Giám đốc Sở")
    )
    members = show_directory(qtbot, window, 2)

    def add(dialog: CouncilMemberDialog) -> bool:
        dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(person.id))
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(CouncilRole.CHAIR))
        assert not dialog.save_button.isEnabled() and "đã có Chủ tịch" in dialog.error_label.text()
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(CouncilRole.VICE_CHAIR))
        return dialog.save_button.isEnabled()

    fake_messages.dialog_handlers.append(add)
    members.add_button.click()
    qtbot.waitUntil(lambda: members.is_current() and members.model.total_count() == 2)
    assert CouncilMember.get(CouncilMember.person == person.id).role is CouncilRole.VICE_CHAIR

    def rules(dialog: CouncilSettingsDialog) -> bool:
        dialog.numerator_spin.setValue(4)  # 4/3: impossible
        assert not dialog.save_button.isEnabled()
        dialog.numerator_spin.setValue(1)
        dialog.denominator_spin.setValue(2)
        dialog.threshold_spin.setValue(60)
        dialog.base_combo.setCurrentIndex(dialog.base_combo.findData(VoteBase.ALL_MEMBERS))
        dialog.basis_edit.setText("Quy chế ban hành kèm Quyết định số 12/QĐ-SNgV")
        return True

    fake_messages.dialog_handlers.append(rules)
    assert window.directory_tab.edit_council_rules()
    saved = Council.get()
    assert (saved.quorum_numerator, saved.quorum_denominator, saved.default_threshold_percent) == (
        1,
        2,
        60,
    )
    assert saved.default_vote_base is VoteBase.ALL_MEMBERS


def test_member_rules(sample_db: pw.SqliteDatabase) -> None:
    chair = CouncilMember.get(CouncilMember.role == CouncilRole.CHAIR)
    with pytest.raises(ValidationError):
        council.add_member(council.MemberInput(chair.person_id))  # already a member
    person = people.create_person(people.PersonInput("Lê", "Văn", "Nam"))
    with pytest.raises(ValidationError):
        council.add_member(
            council.MemberInput(person.id, term_from=date(2025, 1, 1), term_to=date(2024, 1, 1))
        )
    member = council.add_member(council.MemberInput(person.id, CouncilRole.SECRETARY))
    trash_id = council.remove_member(member.id)
    assert CouncilMember.select().count() == 1
    from app import trash

    trash.restore(trash_id)
    assert CouncilMember.get_by_id(member.id).role is CouncilRole.SECRETARY


def test_a_title_threshold_set_by_the_council_applies_from_its_date(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    from PySide6.QtCore import QDate

    from app import meeting_edit, meeting_votes, records
    from app.voting import VoteCount, threshold_for
    from db.enums import ProposalStatus, VoteMethod
    from db.models import AwardType, Proposal
    from ui.dialogs.council_dialogs import TitleThresholdDialog

    show_directory(qtbot, window, 2)

    def fill(dialog: TitleThresholdDialog) -> bool:
        dialog.award_combo.setCurrentIndex(dialog.award_combo.findData("BK_TINH"))
        assert "Đang áp dụng: 51%" in dialog.now_label.text()
        dialog.percent_spin.setValue(70)
        dialog.base_combo.setCurrentIndex(dialog.base_combo.findData(VoteBase.ALL_MEMBERS))
        dialog.from_edit.setDate(QDate(2024, 6, 1))
        return True

    fake_messages.dialog_handlers.append(fill)
    assert window.directory_tab.edit_title_threshold()
    assert threshold_for("BK_TINH", date(2024, 5, 31)).percent == 51
    july = threshold_for("BK_TINH", date(2024, 7, 10))
    assert (july.percent, july.base) == (70, VoteBase.ALL_MEMBERS)
    meeting = meeting_edit.create_meeting(
        meeting_edit.MeetingInput(2024, "Phiên họp tháng 7", held_on=date(2024, 7, 10))
    )
    person = people.create_person(people.PersonInput("Bùi", "Văn", "Tâm"))
    proposal = records.create(
        Proposal, year=2024, person=person, award_type=AwardType.get(AwardType.code == "BK_TINH")
    )
    outcome = meeting_votes.record_vote(
        meeting.id, proposal.id, VoteCount(VoteMethod.SHOW_OF_HANDS, 10, 6, votes_for=6)
    )
    assert (
        outcome.status is ProposalStatus.FAILED
    )  # 6 of 10 members < 70 %, though all six present agreed
