"""One date the council reviews on for a meeting (app.meetings.review_date): the eligibility of
its proposals, its vote threshold and its minutes all take it, also for a meeting with only a
month, where they used to differ (eligibility on today, the threshold on the month's 1st)."""

from __future__ import annotations

from datetime import date

import peewee as pw
import pytest

from app import council, eligibility, meeting_edit, meeting_votes, meetings, people, records
from app.reports.meeting_report import meeting_facts
from app.vntext import split_name
from app.voting import VoteCount
from db.enums import ProposalStatus, VoteBase, VoteMethod
from db.models import AwardType, Meeting, Proposal

END_OF_JUNE = date(2025, 6, 30)


@pytest.fixture
def june(sample_db: pw.SqliteDatabase) -> Meeting:
    """A meeting planned for June 2025 with no day yet (real today is later than that)."""
    made = meeting_edit.create_meeting(
        meeting_edit.MeetingInput(2025, "Phiên họp tháng 6", month=6)
    )
    return Meeting.get_by_id(made.id)


def _proposal(name: str, code: str, **fields: object) -> int:
    person = people.create_person(people.PersonInput(*split_name(name)))
    award = AwardType.get(AwardType.code == code)
    return int(
        records.create(
            Proposal,
            year=2025,
            person=person,
            award_type=award,
            **fields,
        ).id
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 6, 20), date(2025, 6, 20)),  # the month runs: today
        (date(2025, 5, 2), date(2025, 6, 1)),  # ahead: its 1st
        (date(2026, 1, 5), END_OF_JUNE),  # passed: its last day
    ],
)
def test_a_meeting_with_only_a_month_is_reviewed_on_its_day_nearest_today(
    june: Meeting, today: date, expected: date
) -> None:
    assert meetings.review_date(june, today) == expected
    june.held_on = date(2025, 6, 12)  # once it has its day, that day
    assert meetings.review_date(june, today) == date(2025, 6, 12)
    june.held_on, june.month = None, None  # neither: within its year
    assert meetings.review_date(june, date(2026, 1, 5)) == date(2025, 12, 31)
    assert meetings.review_date(june, date(2025, 3, 3)) == date(2025, 3, 3)


def test_the_vote_and_the_eligibility_take_one_date_across_1_july_2025(june: Meeting) -> None:
    """Before: the threshold took 1/6/2025 (before the council's mid-June change) and the
    eligibility took today (the catalog's Decree 152/2025 version)."""
    council.set_title_threshold("GK_SO", 70, VoteBase.ALL_MEMBERS, True, date(2025, 6, 15))
    gk = _proposal("Lý Văn An", "GK_SO", achievements="Thành tích năm 2025")
    bk = _proposal("Trần Thị Bình", "BK_TINH", achievements="Thành tích năm 2025")
    meeting_votes.put_before_meeting(june.id, [gk, bk])

    check = meeting_votes.vote_check(june.id, bk)
    assert check.on == END_OF_JUNE
    [point_d] = [f for f in check.findings if f.rule_code == "bk_tinh_criteria"]
    assert point_d.legal_basis.endswith("Nghị định số 98/2023/NĐ-CP")  # in force on 30/6/2025
    assert eligibility.review_date(bk, date(2026, 1, 5)) == END_OF_JUNE

    count = VoteCount(VoteMethod.SHOW_OF_HANDS, 9, 7, 0, 0, 0, 0, 6, 1, 0)
    _problems, preview, threshold = meeting_votes.preview_vote(june.id, gk, count)
    assert threshold.percent == 70 and preview is not None and not preview.passed  # 6 of 9
    outcome = meeting_votes.record_vote(june.id, gk, count)
    assert outcome.checked_on == END_OF_JUNE and outcome.threshold.percent == 70
    assert outcome.status is ProposalStatus.FAILED  # 6/7 present would pass a majority
    assert meeting_facts(june.id).review_on == END_OF_JUNE  # the minutes: the same date
