"""The vote re-checks eligibility on the meeting's review date: what changed after a proposal
went before the council (a rating recorded too low, a registration gone, a discipline graver
than the one an override accepted) is not recorded without a word. A blocking finding refuses
a passing result; a warning is returned, and accepted with a reason logged as any override."""

from __future__ import annotations

from datetime import date

import peewee as pw
import pytest

from app import eligibility, evaluations, meeting_votes, proposals, registrations
from app.errors import ValidationError
from app.evaluations import EvaluationInput
from app.proposals import ProposalInput
from app.voting import VoteCount
from db.enums import Discipline, ProposalStatus, Rating, RecipientKind, VoteMethod
from db.models import Meeting, Proposal, ProposalEvent, Registration, Vote
from tests.staff_gen import Staff, award_id, generate_staff, register

S = ProposalStatus
HELD = date(2024, 12, 18)


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=2, units=1)


def _before_meeting(person: int) -> tuple[int, int]:
    """An LĐTT proposal for a registered, well-rated person, put before the December meeting."""
    register(2024, "LDTT", person=person)
    data = ProposalInput(2024, award_id("LDTT"), RecipientKind.INDIVIDUAL, person_id=person)
    pid = int(proposals.create_proposal(data, on=date(2024, 12, 1)).id)
    meeting = Meeting.get(Meeting.month == 12)
    Meeting.update(held_on=HELD).where(Meeting.id == meeting.id).execute()
    meeting_votes.put_before_meeting(meeting.id, [pid])  # clean: no finding at all
    assert meeting_votes.vote_check(meeting.id, pid).findings == ()
    return int(meeting.id), pid


def _count(yes: int) -> VoteCount:
    return VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 0, 0, 0, yes, 7 - yes, 0)


def test_a_rating_recorded_too_low_afterwards_refuses_a_passing_vote(staff: Staff) -> None:
    name, person = next(iter(staff.people.items()))
    meeting_id, pid = _before_meeting(person)
    low = EvaluationInput(rating=Rating.COMPLETED)  # "hoàn thành nhiệm vụ": short of LĐTT
    evaluations.save_evaluation(RecipientKind.INDIVIDUAL, person, 2024, low)

    with pytest.raises(ValidationError) as refused:
        meeting_votes.record_vote(meeting_id, pid, _count(6), "Hội đồng thống nhất")
    message = refused.value.message
    assert message.startswith("Không ghi kết quả ĐẠT được: xét lại ngày 18 tháng 12 năm 2024")
    assert "hoàn thành tốt nhiệm vụ" in message  # what is wrong…
    assert "Luật Thi đua, khen thưởng" in message  # … and the legal basis of the rule
    assert Proposal.get_by_id(pid).status is S.BEFORE_COUNCIL  # nothing recorded
    assert not Vote.select().where(Vote.proposal == pid).exists()
    assert not ProposalEvent.select().where(ProposalEvent.rule_code != "").exists()

    rows = {r.id: r for r in meeting_votes.ballot_rows(meeting_id)}
    assert rows[pid].blocking and "hoàn thành tốt nhiệm vụ" in rows[pid].blocking[0]
    assert rows[pid].findings_text == "1 không đủ điều kiện"

    failed = meeting_votes.record_vote(meeting_id, pid, _count(2))  # the council says no: kept
    assert failed.status is S.FAILED and Proposal.get_by_id(pid).status is S.FAILED
    assert meeting_votes.ballot_rows(meeting_id)[0].findings_text == ""  # settled: not flagged
    assert name


def test_a_warning_appearing_is_returned_then_accepted_with_a_reason(staff: Staff) -> None:
    _name, person = next(iter(staff.people.items()))
    meeting_id, pid = _before_meeting(person)
    registration = Registration.get(Registration.person == person)
    registrations.delete_registration(registration.id)  # the registration is found void

    check = meeting_votes.vote_check(meeting_id, pid)
    assert check.on == HELD
    assert [f.rule_code for f in check.findings] == ["registration_required"]
    row = meeting_votes.ballot_rows(meeting_id)[0]
    assert not row.blocking and "chưa đăng ký thi đua năm 2024" in row.warnings[0]
    assert "Cảnh báo: Cá nhân chưa đăng ký" in row.findings_tip

    # without a reason the vote is recorded and the warning comes back, still open
    outcome = meeting_votes.record_vote(meeting_id, pid, _count(6))
    assert outcome.status is S.PASSED
    assert [f.rule_code for f in outcome.warnings] == ["registration_required"]
    assert outcome.overridden == ()
    assert not ProposalEvent.select().where(ProposalEvent.rule_code != "").exists()

    # with a reason (the vote dialog asks for one) the warning is overridden and logged
    outcome = meeting_votes.record_vote(meeting_id, pid, _count(6), "  Đăng ký bổ sung  ")
    assert outcome.warnings == ()
    assert [f.rule_code for f in outcome.overridden] == ["registration_required"]
    logged = ProposalEvent.get(
        (ProposalEvent.proposal == pid) & (ProposalEvent.rule_code == "registration_required")
    )
    assert logged.note == "Đăng ký bổ sung" and logged.happened_on.date() == HELD
    assert meeting_votes.vote_check(meeting_id, pid).findings == ()
    assert meeting_votes.ballot_rows(meeting_id)[0].warnings == ()


def test_a_failing_vote_does_not_accept_warnings(staff: Staff) -> None:
    _name, person = next(iter(staff.people.items()))
    meeting_id, pid = _before_meeting(person)
    registrations.delete_registration(Registration.get(Registration.person == person).id)
    outcome = meeting_votes.record_vote(meeting_id, pid, _count(1), "Lý do")
    assert outcome.status is S.FAILED and outcome.overridden == ()
    assert not ProposalEvent.select().where(ProposalEvent.rule_code != "").exists()


def test_an_override_whose_facts_changed_is_open_again_at_the_vote(staff: Staff) -> None:
    _name, person = next(iter(staff.people.items()))
    meeting_id, pid = _before_meeting(person)
    reprimand = EvaluationInput(rating=Rating.GOOD, discipline=Discipline.REPRIMAND)
    evaluations.save_evaluation(RecipientKind.INDIVIDUAL, person, 2024, reprimand)
    eligibility.override(pid, "ldtt_exclusions", "Khiển trách, đã khắc phục", HELD)
    assert meeting_votes.vote_check(meeting_id, pid).findings == ()  # accepted as it stands

    # the discipline is corrected to a warning (cảnh cáo): not what was accepted
    graver = EvaluationInput(rating=Rating.GOOD, discipline=Discipline.WARNING)
    evaluations.save_evaluation(RecipientKind.INDIVIDUAL, person, 2024, graver)
    (reopened,) = meeting_votes.vote_check(meeting_id, pid).findings
    assert reopened.rule_code == "ldtt_exclusions" and not reopened.overridden
    assert reopened.earlier_override == "Khiển trách, đã khắc phục"
    assert "Cảnh cáo" in reopened.detail
    row = meeting_votes.ballot_rows(meeting_id)[0]
    assert "Đã bỏ qua trước đây (lý do: “Khiển trách, đã khắc phục”)" in row.warnings[0]

    outcome = meeting_votes.record_vote(meeting_id, pid, _count(6))
    assert [f.rule_code for f in outcome.warnings] == ["ldtt_exclusions"]  # not silently passed
    meeting_votes.record_vote(meeting_id, pid, _count(6), "Hội đồng xem xét, vẫn đề nghị")
    assert meeting_votes.vote_check(meeting_id, pid).findings == ()
    notes = [
        e.note
        for e in ProposalEvent.select()
        .where(ProposalEvent.rule_code == "ldtt_exclusions")
        .order_by(ProposalEvent.id)
    ]
    assert notes == ["Khiển trách, đã khắc phục", "Hội đồng xem xét, vẫn đề nghị"]


def test_an_override_recorded_before_details_were_kept_still_holds(staff: Staff) -> None:
    _name, person = next(iter(staff.people.items()))
    meeting_id, pid = _before_meeting(person)
    registrations.delete_registration(Registration.get(Registration.person == person).id)
    proposals.log_event(  # as schema version 8 kept it: the reason only
        Proposal.get_by_id(pid), on=HELD, rule_code="registration_required", note="Cũ"
    )
    assert meeting_votes.vote_check(meeting_id, pid).findings == ()
