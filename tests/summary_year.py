"""A year with everything the year-end summary reads: plan progress, a held meeting with its
conclusions, a campaign with a report, registrations and a typical example, awards granted in
2024 and in 2023. Builds on the sample year (call with ``sample_db`` open)."""

from __future__ import annotations

from datetime import date, time

from app import meeting_edit as me
from app import people, records
from db.enums import MeetingStatus, ProposalStatus, ScheduleKind, TaskStatus
from db.models import (
    AwardType,
    Campaign,
    CampaignReport,
    Decision,
    PlanItem,
    Proposal,
    Registration,
    TypicalExample,
    Unit,
)

GRANTED_2024 = {"LDTT": 5, "CSTDCS": 2, "GK_SO": 3, "TTLDTT": 2}
GRANTED_2023 = {"LDTT": 4, "CSTDCS": 3, "TTLDTT": 1}


def _award(code: str) -> AwardType:
    return AwardType.get(AwardType.code == code)


def fill_year() -> dict[str, int]:
    office = Unit.get(Unit.name == "Văn phòng Sở")
    consular = records.create(Unit, name="Phòng Lãnh sự")
    staff = [
        people.create_person(people.PersonInput("Nguyễn", "Văn", name, unit_id=office.id))
        for name in ("An", "Bảo", "Cường")
    ] + [
        people.create_person(people.PersonInput("Trần", "Thị", name, unit_id=consular.id))
        for name in ("Bình", "Dung", "Hà")
    ]
    tasks = list(PlanItem.select().where(PlanItem.is_task == True).order_by(PlanItem.id))  # noqa: E712
    records.update(tasks[0], status=TaskStatus.DONE)
    records.update(tasks[1], status=TaskStatus.DONE)
    records.update(
        tasks[2],
        status=TaskStatus.IN_PROGRESS,
        schedule_kind=ScheduleKind.RANGE,
        date_from=date(2024, 1, 1),
        date_to=date(2024, 3, 31),
    )
    meeting = me.create_meeting(
        me.MeetingInput(
            2024,
            "Phiên họp tổng kết năm 2024",
            status=MeetingStatus.HELD,
            held_on=date(2024, 12, 20),
            start_time=time(8, 0),
            end_time=time(10, 0),
            place="Phòng họp Sở",
        )
    )
    item_id = me.add_agenda_item(meeting.id, "Xét danh hiệu thi đua năm 2024", "Thư ký", 30)
    me.record_minutes(
        item_id,
        "Các thành viên thống nhất.",
        "Đề nghị Giám đốc Sở tặng danh hiệu Lao động tiên tiến",
    )
    campaign = Campaign.select().where(Campaign.year == 2024).order_by(Campaign.id).first()
    records.create(
        CampaignReport,
        campaign=campaign,
        period_year=2024,
        period_index=1,
        results="Có 95% công chức hoàn thành tốt nhiệm vụ",
    )
    records.create(
        Registration, year=2024, campaign=campaign, person=staff[0], award_type=_award("LDTT")
    )
    records.create(
        TypicalExample,
        campaign=campaign,
        year=2024,
        person=staff[1],
        deeds="Sáng kiến số hóa hồ sơ lãnh sự",
    )
    counts = {"individual": 0, "collective": 0}
    decision = records.create(
        Decision,
        number="05",
        symbol="QĐ-SNgV",
        signed_on=date(2025, 1, 10),
        authority="Giám đốc Sở",
        signer_title="GIÁM ĐỐC",
        signer_name="Võ Văn Sơn",
        subject="Về việc tặng danh hiệu thi đua năm 2024",
    )
    for year, granted in ((2024, GRANTED_2024), (2023, GRANTED_2023)):
        for code, number in granted.items():
            award = _award(code)
            for i in range(number):
                if award.recipient.value == "collective":
                    who = {"unit": (office, consular)[i % 2]}
                else:
                    who = {"person": staff[i % len(staff)]}
                records.create(
                    Proposal,
                    year=year,
                    award_type=award,
                    status=ProposalStatus.GRANTED,
                    decision=decision if year == 2024 else None,
                    **who,
                )
                if year == 2024:
                    counts["collective" if "unit" in who else "individual"] += 1
    # neither granted nor of the year: not counted
    records.create(Proposal, year=2024, person=staff[2], award_type=_award("CSTD_TINH"))
    return counts
