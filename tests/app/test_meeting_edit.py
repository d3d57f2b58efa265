"""Meetings: scheduling from the plan, agenda times, attendance and quorum, votes written back."""

from __future__ import annotations

from datetime import date, time

import peewee as pw
import pytest

from app import meeting_edit as me
from app import meeting_votes as mv
from app import people, records
from app.errors import ValidationError
from app.vntext import split_name
from app.voting import VoteCount
from db.enums import (
    AttendanceStatus,
    CouncilRole,
    MeetingKind,
    MeetingStatus,
    ProposalStatus,
    VoteMethod,
)
from db.models import AwardType, Council, CouncilMember, Meeting, Person, Proposal, Vote

MEMBERS = [
    "Nguyễn Văn Hùng",
    "Trần Thị Lan",
    "Lê Văn Nam",
    "Phạm Thị Mai",
    "Võ Văn Sơn",
    "Đỗ Thị Hà",
]


@pytest.fixture
def council(sample_db: pw.SqliteDatabase) -> pw.SqliteDatabase:
    """The sample council (the director as chair) with six more members."""
    body = Council.get()
    for name in MEMBERS:
        person = people.create_person(people.PersonInput(*split_name(name)))
        records.create(CouncilMember, council=body, person=person, role=CouncilRole.MEMBER)
    return sample_db


def _proposal(name: str, code: str) -> Proposal:
    person = people.create_person(people.PersonInput(*split_name(name)))
    return records.create(
        Proposal, year=2024, person=person, award_type=AwardType.get(AwardType.code == code)
    )


def test_periodic_meetings_come_from_the_plan_once(council: pw.SqliteDatabase) -> None:
    Meeting.delete().execute()
    created = me.schedule_periodic(2024)
    assert [Meeting.get_by_id(i).month for i in created] == [3, 6, 12]
    assert me.schedule_periodic(2024) == []  # no duplicates
    june = Meeting.get(Meeting.month == 6)
    assert (
        june.chair.full_name == "Phạm Thị Anh Thư"
        and june.plan_item.title == "Tổ chức các phiên họp định kỳ"
    )
    assert len(me.attendance_rows(june.id)) == 7  # the whole council is invited


def test_the_sample_years_meetings_are_recognised_as_scheduled(council: pw.SqliteDatabase) -> None:
    assert me.schedule_periodic(2024) == []
    with pytest.raises(ValidationError):
        me.schedule_periodic(2025)  # no plan for 2025


def test_prepare_hold_and_vote_the_june_meeting(council: pw.SqliteDatabase) -> None:
    june = me.create_meeting(
        me.MeetingInput(
            2024,
            "Phiên họp định kỳ tháng 6",
            held_on=date(2024, 6, 25),
            start_time=time(8, 0),
            place="Phòng họp Sở",
        )
    )
    a = me.add_agenda_item(june.id, "Khai mạc, thông qua chương trình", "Chủ tịch Hội đồng", 10)
    b = me.add_agenda_item(
        june.id, "Báo cáo kết quả phong trào thi đua 6 tháng", "Văn phòng Sở", 30
    )
    c = me.add_agenda_item(june.id, "Biểu quyết đề nghị khen thưởng", "Thư ký", 20)
    assert [(r.starts, r.title[:6]) for r in me.agenda_rows(june.id)] == [
        (time(8, 0), "Khai m"),
        (time(8, 10), "Báo cá"),
        (time(8, 40), "Biểu q"),
    ]
    me.move_agenda_item(c, 1)  # the vote moves before the report: the times follow
    assert [(r.id, r.starts) for r in me.agenda_rows(june.id)] == [
        (a, time(8, 0)),
        (c, time(8, 10)),
        (b, time(8, 30)),
    ]
    rows = me.attendance_rows(june.id)
    for row in rows[:5]:
        me.set_attendance(row.id, AttendanceStatus.PRESENT)
    me.set_attendance(rows[5].id, AttendanceStatus.ABSENT_EXCUSED, "Đi công tác", written_vote=True)
    me.set_attendance(rows[6].id, AttendanceStatus.ABSENT)
    me.add_guest(june.id, "Đại diện Ban Thi đua, Khen thưởng tỉnh", "Khách mời")
    quorum = me.meeting_quorum(june.id)
    assert (quorum.members_total, quorum.present, quorum.required, quorum.met) == (7, 5, 5, True)
    ldtt = _proposal("Bùi Văn Tâm", "LDTT")  # 51 % of those present
    provincial = _proposal("Hồ Thị Ngọc", "CSTD_TINH")  # 70 % of all members, written votes count
    outcome = mv.record_vote(
        june.id, ldtt.id, VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 5, votes_for=3, votes_against=2)
    )
    assert outcome.status is ProposalStatus.PASSED and outcome.result.percent_text == "60%"
    secret = VoteCount(
        VoteMethod.SECRET_BALLOT,
        7,
        5,
        written_votes=1,
        ballots_issued=6,
        ballots_returned=6,
        ballots_valid=6,
        votes_for=5,
        votes_against=1,
    )
    outcome = mv.record_vote(june.id, provincial.id, secret)
    assert (
        outcome.status is ProposalStatus.PASSED
        and outcome.result.base == 7
        and outcome.result.required == 5
    )
    assert Proposal.get_by_id(provincial.id).meeting_id == june.id


def test_a_tie_fails_and_a_corrected_vote_updates_the_proposal(council: pw.SqliteDatabase) -> None:
    meeting = me.create_meeting(
        me.MeetingInput(2024, "Phiên họp không định kỳ", kind=MeetingKind.AD_HOC)
    )
    proposal = _proposal("Lý Văn An", "LDTT")
    tie = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 6, votes_for=3, votes_against=3)
    assert mv.record_vote(meeting.id, proposal.id, tie).status is ProposalStatus.FAILED
    corrected = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 6, votes_for=4, votes_against=2)
    assert mv.record_vote(meeting.id, proposal.id, corrected).status is ProposalStatus.PASSED
    assert (
        Vote.select().count() == 1
        and Proposal.get_by_id(proposal.id).status is ProposalStatus.PASSED
    )


def test_no_quorum_is_shown_and_impossible_counts_are_refused(council: pw.SqliteDatabase) -> None:
    meeting = me.create_meeting(me.MeetingInput(2024, "Phiên họp thiếu người"))
    for row in me.attendance_rows(meeting.id)[:4]:
        me.set_attendance(row.id, AttendanceStatus.PRESENT)
    assert not me.meeting_quorum(meeting.id).met  # 4 of 7 < 2/3
    proposal = _proposal("Lý Văn An", "LDTT")
    with pytest.raises(ValidationError):
        mv.record_vote(
            meeting.id, proposal.id, VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 4, votes_for=5)
        )
    assert (
        Vote.select().count() == 0
        and Proposal.get_by_id(proposal.id).status is ProposalStatus.DRAFT
    )


def test_postpone_duplicate_and_delete(council: pw.SqliteDatabase) -> None:
    meeting = me.create_meeting(
        me.MeetingInput(2024, "Phiên họp tháng 9", month=9, start_time=time(14, 0))
    )
    me.add_agenda_item(meeting.id, "Khai mạc")
    data = me.meeting_input(meeting.id)
    me.update_meeting(
        meeting.id,
        me.MeetingInput(**{**data.__dict__, "status": MeetingStatus.POSTPONED, "month": 10}),
    )
    assert Meeting.get_by_id(meeting.id).status is MeetingStatus.POSTPONED
    copy = me.duplicate_meeting(meeting.id)
    assert copy.status is MeetingStatus.PLANNED and [r.title for r in me.agenda_rows(copy.id)] == [
        "Khai mạc"
    ]
    me.delete_meeting(copy.id)
    assert Meeting.get_or_none(Meeting.id == copy.id) is None
    with pytest.raises(ValidationError):
        me.create_meeting(me.MeetingInput(2024, "x", held_on=date(2025, 1, 1)))
    assert Person.select().count() == 7


def test_written_votes_are_kept_and_shown_with_the_base(council: pw.SqliteDatabase) -> None:
    from app import council as council_rules
    from db.enums import VoteBase

    council_rules.set_title_threshold("GK_SO", 60, VoteBase.PRESENT, True, date(2024, 1, 1))
    meeting = me.create_meeting(me.MeetingInput(2024, "Phiên họp", held_on=date(2024, 6, 25)))
    proposal = _proposal("Lý Văn An", "GK_SO")
    count = VoteCount(VoteMethod.SHOW_OF_HANDS, 7, 4, written_votes=2, votes_for=4, votes_against=2)
    outcome = mv.record_vote(meeting.id, proposal.id, count)
    assert outcome.result.base == 6 and outcome.status is ProposalStatus.PASSED  # 4/6 ≥ 60 %
    [row] = mv.ballot_rows(meeting.id)
    assert (row.votes, row.percent) == ("4/6", "66,6%")  # the same base when shown again
    assert Vote.get().written_votes == 2
