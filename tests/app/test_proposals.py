"""Proposals: validated create and edit, the dossier checklist, the logged lifecycle, withdraw."""

from __future__ import annotations

import unicodedata
from datetime import date

import peewee as pw
import pytest

from app import meeting_votes, proposals, trash
from app.errors import ValidationError
from app.proposals import ProposalInput, transition, withdraw
from app.voting import VoteCount
from db.enums import CommendationKind, ProposalStatus, RecipientKind, VoteMethod
from db.models import Campaign, Meeting, Proposal, ProposalEvent, Vote
from tests.staff_gen import Staff, award_id, generate_staff

S = ProposalStatus
ON = date(2024, 12, 10)


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=3)


def _person(staff: Staff, index: int = 0) -> int:
    return list(staff.people.values())[index]


def ldtt(staff: Staff, index: int = 0, **changes: object) -> ProposalInput:
    data = ProposalInput(2024, award_id("LDTT"), person_id=_person(staff, index))
    return ProposalInput(**{**data.__dict__, **changes})  # type: ignore[arg-type]


def test_create_logs_the_draft_and_makes_the_dossier(staff: Staff) -> None:
    p = proposals.create_proposal(ldtt(staff), on=ON)
    assert p.status is S.DRAFT
    events = proposals.event_rows(p.id)
    assert [(e.from_status, e.to_status) for e in events] == [(None, S.DRAFT)]
    assert events[0].happened_on.date() == ON
    codes = [d.code for d in proposals.dossier_rows(p.id)]
    assert codes == ["submission", "minutes", "achievement_report"]


def test_a_province_form_asks_for_proofs_and_the_bk_ttg_rule_adds_by_date(staff: Staff) -> None:
    data = ProposalInput(
        2024, award_id("BK_TINH"), person_id=_person(staff), achievements="Thành tích xuất sắc"
    )
    p = proposals.create_proposal(data, on=ON)
    assert "proofs" in [d.code for d in proposals.dossier_rows(p.id)]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"person_id": None}, "recipient", "Chưa chọn cá nhân"),
        ({"award_type_id": None}, "award", "Chưa chọn danh hiệu"),
        ({"year": 1990}, "year", "2000"),
        ({"kind": CommendationKind.THEMATIC}, "campaign", "phong trào"),
    ],
)
def test_bad_input_is_refused_in_vietnamese(
    staff: Staff, changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as info:
        proposals.create_proposal(ldtt(staff, **changes))
    assert info.value.field == field
    assert words in info.value.message
    assert Proposal.select().count() == 0


def test_a_title_for_individuals_is_refused_for_a_collective(staff: Staff) -> None:
    unit = next(iter(staff.units.values()))
    data = ProposalInput(
        2024, award_id("LDTT"), recipient_kind=RecipientKind.COLLECTIVE, unit_id=unit
    )
    assert "chỉ xét tặng cho cá nhân" in proposals.validate_proposal(data)["award"]


def test_a_form_needs_its_achievement(staff: Staff) -> None:
    data = ProposalInput(2024, award_id("GK_SO"), person_id=_person(staff))
    assert "thành tích" in proposals.validate_proposal(data)["achievements"]


def test_thematic_with_its_campaign(staff: Staff) -> None:
    campaign = Campaign.select().first()
    data = ldtt(staff, kind=CommendationKind.THEMATIC, campaign_id=campaign.id)
    assert proposals.create_proposal(data).campaign_id == campaign.id


def test_the_lifecycle_each_move_dated_and_logged(staff: Staff) -> None:
    data = ProposalInput(
        2024, award_id("BK_TINH"), person_id=_person(staff), achievements="Thành tích xuất sắc"
    )
    pid = proposals.create_proposal(data, on=date(2024, 11, 1)).id
    transition(pid, S.BEFORE_COUNCIL, on=date(2024, 11, 5), note="Trình Hội đồng")
    transition(pid, S.PASSED, on=date(2024, 12, 1))
    transition(pid, S.SENT_UP, on=date(2024, 12, 5), note="Tờ trình số 15/TTr-SNgV")
    with pytest.raises(ValidationError, match="trang Quyết định"):  # granted by a decision only
        transition(pid, S.GRANTED, on=date(2025, 1, 20), note="Quyết định số 101/QĐ-UBND")
    _province_decision(pid)
    events = proposals.event_rows(pid)
    assert [e.to_status for e in events] == [
        S.DRAFT,
        S.BEFORE_COUNCIL,
        S.PASSED,
        S.SENT_UP,
        S.GRANTED,
    ]
    assert [e.happened_on.date() for e in events][-1] == date(2025, 1, 20)
    assert "Tờ trình số 15" in events[3].text
    assert "Quyết định số 101/QĐ-UBND" in events[4].text
    assert Proposal.get_by_id(pid).status is S.GRANTED


def _province_decision(pid: int) -> None:
    from app import decisions

    data = decisions.DecisionInput(
        number="101",
        symbol="QĐ-UBND",
        signed_on=date(2025, 1, 20),
        authority="Chủ tịch UBND tỉnh",
        signer_title="CHỦ TỊCH",
    )
    decisions.create_decision(data, [pid])


def test_moves_the_lifecycle_does_not_allow_are_refused(staff: Staff) -> None:
    pid = proposals.create_proposal(ldtt(staff)).id
    with pytest.raises(ValidationError, match="Không chuyển được"):
        transition(pid, S.GRANTED, on=ON)
    transition(pid, S.BEFORE_COUNCIL, on=ON)
    transition(pid, S.PASSED, on=ON)
    with pytest.raises(ValidationError, match="không cần trình cấp trên"):
        transition(pid, S.SENT_UP, on=ON)  # the director grants LĐTT himself
    assert Proposal.get_by_id(pid).status is S.PASSED
    assert len(proposals.event_rows(pid)) == 3


def test_delete_only_while_never_voted(staff: Staff) -> None:
    pid = proposals.create_proposal(ldtt(staff)).id
    trash_id = proposals.delete_proposal(pid)
    assert Proposal.get_or_none(Proposal.id == pid) is None
    trash.restore(trash_id)
    assert Proposal.get_by_id(pid).status is S.DRAFT
    assert len(proposals.dossier_rows(pid)) == 3  # came back with its dossier
    transition(pid, S.BEFORE_COUNCIL, on=ON)
    transition(pid, S.FAILED, on=ON)
    with pytest.raises(ValidationError, match="Rút đề nghị"):
        proposals.delete_proposal(pid)
    with pytest.raises(ValidationError, match="lý do"):
        withdraw(pid, "  ", ON)
    withdraw(pid, "Cá nhân chuyển công tác", ON)
    p = Proposal.get_by_id(pid)
    assert (p.status, p.withdrawn_reason) == (S.WITHDRAWN, "Cá nhân chuyển công tác")
    with pytest.raises(ValidationError):
        transition(pid, S.BEFORE_COUNCIL, on=ON)  # withdrawn is final


def test_edit_only_before_the_vote(staff: Staff) -> None:
    pid = proposals.create_proposal(ldtt(staff)).id
    proposals.update_proposal(pid, ldtt(staff, achievements="Hoàn thành tốt nhiệm vụ"))
    assert Proposal.get_by_id(pid).achievements == "Hoàn thành tốt nhiệm vụ"
    transition(pid, S.BEFORE_COUNCIL, on=ON)
    transition(pid, S.PASSED, on=ON)
    with pytest.raises(ValidationError, match="không sửa được"):
        proposals.update_proposal(pid, ldtt(staff, achievements="khác"))


def test_changing_the_award_keeps_what_was_attached(staff: Staff) -> None:
    pid = proposals.create_proposal(ldtt(staff)).id
    first = proposals.dossier_rows(pid)[0]
    proposals.set_dossier_item(first.id, True, "Tờ trình số 12/TTr-VP")
    data = ProposalInput(
        2024, award_id("BK_TINH"), person_id=_person(staff), achievements="Thành tích"
    )
    proposals.update_proposal(pid, data)
    rows = {d.code: d for d in proposals.dossier_rows(pid)}
    assert rows["submission"].attached and rows["submission"].reference == "Tờ trình số 12/TTr-VP"
    assert "proofs" in rows
    assert proposals.missing_dossier(pid) == [
        r.title for r in rows.values() if r.code != "submission"
    ]


def test_the_meeting_vote_moves_the_proposal_through_the_log(staff: Staff) -> None:
    pid = proposals.create_proposal(ldtt(staff)).id
    meeting = Meeting.select().order_by(Meeting.id.desc()).first()
    meeting_votes.put_before_meeting(meeting.id, [pid])
    count = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 7, 7, 7, 6, 1, 0)
    outcome = meeting_votes.record_vote(meeting.id, pid, count)
    assert outcome.status is S.PASSED
    statuses = [
        e.to_status
        for e in ProposalEvent.select()
        .where(ProposalEvent.proposal == pid)
        .order_by(ProposalEvent.id)
    ]
    assert statuses == [S.DRAFT, S.BEFORE_COUNCIL, S.PASSED]
    # a corrected count that fails is logged too
    meeting_votes.record_vote(
        meeting.id, pid, VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 7, 7, 7, 2, 5, 0)
    )
    assert proposals.event_rows(pid)[-1].to_status is S.FAILED
    assert "Biểu quyết" in proposals.event_rows(pid)[-1].note


def test_detail_names_what_the_operator_can_do_next(staff: Staff) -> None:
    pid = proposals.create_proposal(ldtt(staff)).id
    detail = proposals.proposal_detail(pid)
    assert detail.allowed == (S.BEFORE_COUNCIL,)
    assert detail.award_name == "Lao động tiên tiến" and not detail.voted


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (unicodedata.normalize("NFD", "Hoàn thành xuất sắc"), "Hoàn thành xuất sắc"),
        ("<b>Sáng kiến</b> & “đề tài” 😀", "<b>Sáng kiến</b> & “đề tài” 😀"),
    ],
)
def test_text_is_stored_faithfully_nfc(staff: Staff, given: str, stored: str) -> None:
    pid = proposals.create_proposal(ldtt(staff, achievements=given, initiative=given)).id
    p = Proposal.get_by_id(pid)
    assert (p.achievements, p.initiative) == (stored, stored)


@pytest.mark.parametrize("hostile", ["Thành tích\x00", "A\x1b[31m", "x" * 4001])
def test_hostile_text_is_refused_inline(staff: Staff, hostile: str) -> None:
    problems = proposals.validate_proposal(ldtt(staff, achievements=hostile))
    assert "achievements" in problems
    with pytest.raises(ValidationError):
        proposals.create_proposal(ldtt(staff, achievements=hostile))
    assert Proposal.select().count() == 0


def test_the_summary_for_foreigners_only_for_foreign_commendation(staff: Staff) -> None:
    data = ProposalInput(
        2024, award_id("BK_TTG"), person_id=_person(staff), achievements="Thành tích xuất sắc"
    )
    pid = proposals.create_proposal(data, on=ON).id
    assert "foreign_summary" not in [d.code for d in proposals.dossier_rows(pid)]
    foreign = ProposalInput(**{**data.__dict__, "kind": CommendationKind.FOREIGN})
    proposals.update_proposal(pid, foreign, on=ON)
    assert proposals.dossier_rows(pid)[-1].code == "foreign_summary"


def test_a_proposal_a_decision_covers_moves_only_through_it(staff: Staff) -> None:
    from app import decisions
    from tests.award_data import director_decision_input

    pid = proposals.create_proposal(ldtt(staff)).id
    transition(pid, S.BEFORE_COUNCIL, on=ON)
    transition(pid, S.PASSED, on=ON)
    decision = decisions.create_decision(director_decision_input(), [pid])
    assert Proposal.get_by_id(pid).status is S.GRANTED
    assert proposals.allowed_transitions(pid) == []
    assert "Quyết định số 12/QĐ-SNgV" in proposals.proposal_detail(pid).decision_text
    decisions.detach(decision.id, [pid], on=date(2024, 12, 21))
    assert Proposal.get_by_id(pid).status is S.PASSED
    assert proposals.event_rows(pid)[-1].text.startswith("Được khen thưởng → Hội đồng thông qua")


def test_granted_only_through_a_decision_and_released_only_out_of_it(staff: Staff) -> None:
    from app import decisions
    from tests.award_data import director_decision_input

    pid = proposals.create_proposal(ldtt(staff)).id
    transition(pid, S.BEFORE_COUNCIL, on=ON)
    transition(pid, S.PASSED, on=ON)
    assert S.GRANTED not in proposals.allowed_transitions(pid)
    with pytest.raises(ValidationError) as by_hand:
        transition(pid, S.GRANTED, on=ON)
    assert "Quyết định" in by_hand.value.message and "trang Quyết định" in by_hand.value.message
    assert Proposal.get_by_id(pid).status is S.PASSED and len(proposals.event_rows(pid)) == 3

    decision = decisions.create_decision(director_decision_input(), [pid])
    for back in (S.PASSED, S.SENT_UP):
        with pytest.raises(ValidationError) as leaving:
            transition(pid, back, on=ON)
        assert "Quyết định số 12/QĐ-SNgV" in leaving.value.message
        assert "gỡ đề nghị khỏi quyết định" in leaving.value.message
    assert Proposal.get_by_id(pid).status is S.GRANTED
    # a corrected count that still passes keeps the grant; one that fails cannot take the
    # proposal back behind its decision's back
    meeting = Meeting.select().order_by(Meeting.id.desc()).first()
    passing = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 7, 7, 7, 6, 1, 0)
    assert meeting_votes.record_vote(meeting.id, pid, passing).status is S.PASSED
    assert Proposal.get_by_id(pid).status is S.GRANTED
    failing = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 7, 0, 7, 7, 7, 2, 5, 0)
    with pytest.raises(ValidationError, match="gỡ đề nghị khỏi quyết định"):
        meeting_votes.record_vote(meeting.id, pid, failing)
    assert Proposal.get_by_id(pid).status is S.GRANTED
    assert Vote.get(Vote.proposal == pid).votes_for == 6  # the refused count is not kept
    decisions.detach(decision.id, [pid], on=date(2024, 12, 21))  # the decision's own way out
    assert Proposal.get_by_id(pid).status is S.PASSED
    assert proposals.proposal_detail(pid).allowed == (S.FAILED, S.NOT_GRANTED)
