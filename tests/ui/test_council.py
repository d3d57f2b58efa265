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
