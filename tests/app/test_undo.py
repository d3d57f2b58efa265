"""Undo and redo of a list's edit, read back from the audit log (app/undo.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import peewee as pw
import pytest

from app import audit, decisions, meeting_edit, meeting_votes, people, proposals, trash, undo
from app.errors import AppError
from app.meeting_edit import MeetingInput
from app.proposals import ProposalInput
from app.voting import VoteCount
from db.enums import AuditAction, ProposalStatus, VoteMethod
from db.models import DossierItem, Meeting, Person, PersonUnitHistory, Proposal, Trash
from tests.staff_gen import Staff, award_id, generate_staff

S = ProposalStatus


def _edit(table: str, row_id: int, save) -> undo.Change:  # type: ignore[no-untyped-def]
    since = undo.mark()
    save()
    change = undo.recorded(table, row_id, since)
    assert change is not None
    return change


def _meeting() -> Meeting:
    return meeting_edit.create_meeting(
        MeetingInput(2024, "Phiên họp quý I", held_on=date(2024, 3, 12), place="Phòng họp 1"),
        invite_council=False,
    )


def test_undo_restores_exactly_the_fields_the_edit_changed(db: pw.SqliteDatabase) -> None:
    meeting = _meeting()
    other = _meeting()
    edited = MeetingInput(2024, "Phiên họp quý I", held_on=date(2024, 3, 21), place="Hội trường")
    change = _edit("meeting", meeting.id, lambda: meeting_edit.update_meeting(meeting.id, edited))
    assert change.label == "sửa phiên họp “Phiên họp quý I”" and not change.created
    assert change.kept == ""
    assert {e.field for e in change.entries} >= {"held_on", "place"}
    assert "title" not in {e.field for e in change.entries}

    undone = undo.undo(change)
    back = Meeting.get_by_id(meeting.id)
    assert (back.held_on, back.place, back.title) == (
        date(2024, 3, 12),
        "Phòng họp 1",
        "Phiên họp quý I",
    )
    assert Meeting.get_by_id(other.id).held_on == date(2024, 3, 12)  # another record untouched
    # the undo went through app/records.py: logged like any edit
    assert any(
        (r.action, r.old_value, r.new_value) == (AuditAction.UPDATE, "2024-03-21", "2024-03-12")
        for r in audit.history("meeting", meeting.id)
    )

    undo.redo(undone)
    again = Meeting.get_by_id(meeting.id)
    assert (again.held_on, again.place) == (date(2024, 3, 21), "Hội trường")


def test_undo_refuses_when_the_record_changed_since(db: pw.SqliteDatabase) -> None:
    meeting = _meeting()
    first = MeetingInput(2024, "Phiên họp quý I", held_on=date(2024, 3, 21), place="Phòng họp 1")
    change = _edit("meeting", meeting.id, lambda: meeting_edit.update_meeting(meeting.id, first))
    later = MeetingInput(2024, "Phiên họp quý I", held_on=date(2024, 3, 21), place="Hội trường")
    meeting_edit.update_meeting(meeting.id, later)  # another edit, not from this undo
    with pytest.raises(AppError, match="đã được thay đổi sau đó"):
        undo.undo(change)
    assert Meeting.get_by_id(meeting.id).held_on == date(2024, 3, 21)  # nothing overwritten

    meeting_edit.delete_meeting(meeting.id)
    with pytest.raises(AppError, match="đã bị xóa"):
        undo.undo(change)


def test_redo_refuses_when_the_record_changed_after_the_undo(db: pw.SqliteDatabase) -> None:
    meeting = _meeting()
    edited = MeetingInput(2024, "Phiên họp quý I", held_on=date(2024, 3, 21))
    change = undo.undo(
        _edit("meeting", meeting.id, lambda: meeting_edit.update_meeting(meeting.id, edited))
    )
    meeting_edit.update_meeting(meeting.id, MeetingInput(2024, "Phiên họp khác"))
    with pytest.raises(AppError, match="Không làm lại được"):
        undo.redo(change)
    assert Meeting.get_by_id(meeting.id).title == "Phiên họp khác"


def test_a_person_moved_by_mistake_goes_back_with_the_unit_history(db: pw.SqliteDatabase) -> None:
    a = people.create_unit(people.UnitInput("Phòng A"))
    b = people.create_unit(people.UnitInput("Phòng B"))
    person = people.create_person(people.PersonInput("Lê", "Văn", "Tám", unit_id=a.id))
    moved = people.PersonInput("Lê", "Văn", "Tâm", unit_id=b.id)
    change = _edit(
        "person",
        person.id,
        lambda: people.update_person(person.id, moved, moved_on=date.today()),
    )
    assert change.label == "sửa cán bộ “Lê Văn Tâm”"
    assert PersonUnitHistory.select().count() == 2

    undone = undo.undo(change)
    back = Person.get_by_id(person.id)
    assert (back.full_name, back.unit_id) == ("Lê Văn Tám", a.id)
    [row] = PersonUnitHistory.select()
    assert (row.unit_id, row.date_to) == (a.id, None)

    undo.redo(undone)
    assert Person.get_by_id(person.id).full_name == "Lê Văn Tâm"
    assert [r.unit_id for r in PersonUnitHistory.select().order_by(PersonUnitHistory.id)] == [
        a.id,
        b.id,
    ]


def test_an_undo_that_would_break_a_rule_is_refused(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(people.UnitInput("Phòng A"))
    change = _edit(
        "unit", unit.id, lambda: people.update_unit(unit.id, people.UnitInput("Phòng B"))
    )
    people.create_unit(people.UnitInput("Phòng A"))  # the old name is taken meanwhile
    with pytest.raises(AppError):
        undo.undo(change)
    assert people.unit_input(unit.id).name == "Phòng B"


def test_a_create_undone_goes_to_the_bin_and_comes_back(db: pw.SqliteDatabase) -> None:
    since = undo.mark()
    meeting = meeting_edit.create_meeting(MeetingInput(2024, "Phiên họp bất thường"))
    change = undo.recorded("meeting", meeting.id, since)
    assert change is not None and change.created
    assert change.label == "thêm phiên họp “Phiên họp bất thường”"

    undone = undo.undo(change)
    assert Meeting.get_or_none(Meeting.id == meeting.id) is None
    [row] = trash.trash_rows()
    assert row.row_id == meeting.id and row.label == "Phiên họp: Phiên họp bất thường"

    undo.redo(undone)
    assert Meeting.get_by_id(meeting.id).title == "Phiên họp bất thường"
    assert Trash.select().count() == 0


def test_nothing_to_undo_when_the_form_saved_no_change(db: pw.SqliteDatabase) -> None:
    meeting = _meeting()
    since = undo.mark()
    meeting_edit.update_meeting(meeting.id, meeting_edit.meeting_input(meeting.id))
    assert undo.recorded("meeting", meeting.id, since) is None


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=3)


def _proposal(staff: Staff) -> Proposal:
    person = list(staff.people.values())[0]
    data = ProposalInput(2024, award_id("LDTT"), person_id=person, achievements="Hoàn thành tốt")
    return proposals.create_proposal(data, on=date(2024, 12, 1))


def test_a_draft_proposal_edit_is_undone_with_its_dossier(staff: Staff) -> None:
    p = _proposal(staff)
    before = sorted(d.code for d in DossierItem.select().where(DossierItem.proposal == p.id))
    data = proposals.proposal_input(p.id)
    changed = ProposalInput(
        **{**data.__dict__, "award_type_id": award_id("BK_TINH"), "achievements": "Xuất sắc"}
    )
    change = _edit("proposal", p.id, lambda: proposals.update_proposal(p.id, changed))
    assert DossierItem.select().where(DossierItem.proposal == p.id).count() != len(before)

    undo.undo(change)
    back = Proposal.get_by_id(p.id)
    assert (back.award_type_id, back.achievements) == (award_id("LDTT"), "Hoàn thành tốt")
    codes = sorted(d.code for d in DossierItem.select().where(DossierItem.proposal == p.id))
    assert codes == before


def test_proposal_status_moves_and_votes_are_not_undone(staff: Staff) -> None:
    p = _proposal(staff)
    data = proposals.proposal_input(p.id)
    change = _edit(
        "proposal",
        p.id,
        lambda: proposals.update_proposal(
            p.id, ProposalInput(**{**data.__dict__, "achievements": "Sửa"})
        ),
    )
    # a status move is a dated, logged event: not something a list's undo takes back
    since = undo.mark()
    proposals.transition(p.id, S.BEFORE_COUNCIL, on=date(2024, 12, 5))
    assert undo.recorded("proposal", p.id, since) is None
    meeting = Meeting.select().order_by(Meeting.id.desc()).first()
    meeting_votes.put_before_meeting(meeting.id, [p.id])
    since = undo.mark()
    count = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 7, 7, 7, 6, 1, 0)
    meeting_votes.record_vote(meeting.id, p.id, count)
    assert undo.recorded("proposal", p.id, since) is None
    assert Proposal.get_by_id(p.id).status is S.PASSED
    # and the form's edit made before the vote can no longer be undone
    with pytest.raises(AppError, match="Đã thông qua|trạng thái"):
        undo.undo(change)
    assert Proposal.get_by_id(p.id).achievements == "Sửa"
    assert Proposal.get_by_id(p.id).status is S.PASSED


def test_a_decision_undoes_its_own_fields_not_what_it_grants(staff: Staff) -> None:
    p = _proposal(staff)
    proposals.transition(p.id, S.BEFORE_COUNCIL, on=date(2024, 12, 5))
    meeting = Meeting.select().order_by(Meeting.id.desc()).first()
    meeting_votes.put_before_meeting(meeting.id, [p.id])
    count = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 7, 7, 7, 6, 1, 0)
    meeting_votes.record_vote(meeting.id, p.id, count)
    data = replace(decisions.default_input(2024, date(2024, 12, 20)), number="15")
    decision = decisions.create_decision(data, [])
    renamed = replace(data, subject="Khen thưởng cuối năm")
    change = _edit(
        "decision",
        decision.id,
        lambda: decisions.update_decision(decision.id, renamed, [p.id]),
    )
    assert {e.table for e in change.entries} == {"decision"}
    assert change.kept == "các đề nghị được công nhận giữ nguyên"
    assert Proposal.get_by_id(p.id).status is S.GRANTED
    undo.undo(change)
    assert decisions.decision_input(decision.id).subject == data.subject
    assert Proposal.get_by_id(p.id).status is S.GRANTED  # the grant stays
    assert Proposal.get_by_id(p.id).decision_id == decision.id


def test_a_decision_created_with_grants_is_not_undone_into_the_bin(staff: Staff) -> None:
    p = _proposal(staff)
    proposals.transition(p.id, S.BEFORE_COUNCIL, on=date(2024, 12, 5))
    meeting = Meeting.select().order_by(Meeting.id.desc()).first()
    meeting_votes.put_before_meeting(meeting.id, [p.id])
    count = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 7, 7, 7, 6, 1, 0)
    meeting_votes.record_vote(meeting.id, p.id, count)
    since = undo.mark()
    data = replace(decisions.default_input(2024, date(2024, 12, 20)), number="16")
    decision = decisions.create_decision(data, [p.id])
    change = undo.recorded("decision", decision.id, since)
    assert change is not None and change.created
    with pytest.raises(AppError, match="Xóa"):
        undo.undo(change)
    assert Proposal.get_by_id(p.id).status is S.GRANTED


def test_every_list_s_edit_is_undone_and_redone(sample_db: pw.SqliteDatabase) -> None:
    """Campaigns, council members, registrations and typical examples: an edit back and again,
    checked as their forms check them."""
    from app import campaigns, council, registrations, typical_examples
    from db.models import Campaign, CouncilMember

    person = Person.get(Person.full_name == "Phạm Thị Anh Thư")
    registration = registrations.create_registration(
        registrations.RegistrationInput(2024, award_id("LDTT"), person_id=person.id, note="A")
    )
    example = typical_examples.create_example(
        typical_examples.ExampleInput(2024, person_id=person.id, deeds="A")
    )
    campaign = Campaign.select().order_by(Campaign.id).first()
    member = CouncilMember.select().first()
    edits = [
        (
            "campaign",
            campaign.id,
            lambda: campaigns.update_campaign(
                campaign.id, replace(campaigns.campaign_input(campaign.id), goals="B")
            ),
            lambda: campaigns.campaign_input(campaign.id).goals,
        ),
        (
            "council_member",
            member.id,
            lambda: council.update_member(
                member.id, replace(council.member_input(member.id), term_from=date(2024, 1, 2))
            ),
            lambda: council.member_input(member.id).term_from,
        ),
        (
            "registration",
            registration.id,
            lambda: registrations.update_registration(
                registration.id,
                replace(registrations.registration_input(registration.id), note="B"),
            ),
            lambda: registrations.registration_input(registration.id).note,
        ),
        (
            "typical_example",
            example.id,
            lambda: typical_examples.update_example(
                example.id, replace(typical_examples.example_input(example.id), deeds="B")
            ),
            lambda: typical_examples.example_input(example.id).deeds,
        ),
    ]
    for table, row_id, save, value in edits:
        before = value()
        change = _edit(table, row_id, save)
        after = value()
        assert after != before, table
        undone = undo.undo(change)
        assert value() == before, table
        undo.redo(undone)
        assert value() == after, table
