"""Meetings: create, schedule from the plan, agenda with times, attendance, votes written back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app import records, trash
from app.errors import NotFound, ValidationError, raise_first
from app.schedule import parse_months
from app.vntext import clean, fold
from app.voting import (
    Quorum,
    council_quorum,
)
from db.enums import (
    AttendanceStatus,
    CouncilRole,
    MeetingKind,
    MeetingStatus,
    ScheduleKind,
)
from db.models import (
    AgendaItem,
    Attendance,
    CouncilMember,
    Meeting,
    Person,
    Plan,
    PlanItem,
    Vote,
)


@dataclass(frozen=True)
class MeetingInput:
    year: int
    title: str
    kind: MeetingKind = MeetingKind.PERIODIC
    status: MeetingStatus = MeetingStatus.PLANNED
    month: int | None = None
    held_on: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    content: str = ""
    chair_id: int | None = None
    secretary_id: int | None = None
    plan_item_id: int | None = None


@dataclass(frozen=True)
class AgendaRow:
    id: int
    position: int
    starts: time | None  # derived: the meeting's start plus the items before
    title: str
    presenter: str
    duration_minutes: int
    link: str = ""  # the plan task to assess or the campaign report to review


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    name: str
    role: str
    is_member: bool
    status: AttendanceStatus
    reason: str
    written_vote: bool


def validate_meeting(data: MeetingInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not clean(data.title):
        problems["title"] = "Chưa nhập tên phiên họp."
    if data.month is not None and not 1 <= data.month <= 12:
        problems["month"] = "Tháng phải từ 1 đến 12."
    if data.held_on is not None and data.held_on.year != data.year:
        problems["held_on"] = f"Ngày họp phải thuộc năm {data.year}."
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        problems["end_time"] = "Giờ kết thúc phải sau giờ bắt đầu."
    if data.chair_id is not None and data.chair_id == data.secretary_id:
        problems["secretary_id"] = "Thư ký và người chủ trì phải là hai người khác nhau."
    return problems


def _fields(data: MeetingInput) -> dict[str, object]:
    raise_first(validate_meeting(data))
    return {
        "year": data.year,
        "title": data.title,
        "kind": data.kind,
        "status": data.status,
        "month": data.held_on.month if data.held_on else data.month,
        "held_on": data.held_on,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "place": data.place,
        "content": data.content,
        "chair": data.chair_id,
        "secretary": data.secretary_id,
        "plan_item": data.plan_item_id,
    }


def _meeting(meeting_id: int) -> Meeting:
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    if meeting is None:
        raise NotFound("Không tìm thấy phiên họp; có thể đã bị xóa.")
    return meeting


def create_meeting(data: MeetingInput, *, invite_council: bool = True) -> Meeting:
    """A new meeting; the council's members are invited by default."""
    with records.transaction():
        meeting = records.create(Meeting, **_fields(data))
        if invite_council:
            for member in CouncilMember.select().order_by(CouncilMember.position, CouncilMember.id):
                records.create(Attendance, meeting=meeting, person=member.person_id, is_member=True)
    return meeting


def update_meeting(meeting_id: int, data: MeetingInput) -> Meeting:
    return records.update(_meeting(meeting_id), **_fields(data))


def meeting_input(meeting_id: int) -> MeetingInput:
    m = _meeting(meeting_id)
    return MeetingInput(
        m.year,
        m.title,
        m.kind,
        m.status,
        m.month,
        m.held_on,
        m.start_time,
        m.end_time,
        m.place,
        m.content,
        m.chair_id,
        m.secretary_id,
        m.plan_item_id,
    )


def delete_meeting(meeting_id: int) -> int:
    """Into the recycle bin, with its agenda, attendance and votes; proposals keep their status."""
    meeting = _meeting(meeting_id)
    if Vote.select().where(Vote.meeting == meeting).exists():
        raise ValidationError(
            "Phiên họp đã có kết quả biểu quyết; không xóa được. Hãy đổi trạng thái thành “Hủy”."
        )
    return trash.discard(meeting, f"Phiên họp: {meeting.title}")


def periodic_task(year: int) -> PlanItem | None:
    """The plan's task for the periodic meetings: a task with given months about meetings."""
    plan = Plan.get_or_none(Plan.year == year)
    if plan is None:
        return None
    for item in PlanItem.select().where(
        (PlanItem.plan == plan)
        & (PlanItem.is_task == True)  # noqa: E712 (a SQL comparison, not a truth test)
        & (PlanItem.schedule_kind == ScheduleKind.MONTHS)
    ):
        key = fold(item.title)
        if "phien hop" in key and "dinh ky" in key and "khong dinh ky" not in key:
            return item
    return None


def schedule_periodic(year: int) -> list[int]:
    """Create the year's periodic meetings from the plan's schedule, skipping months that have one."""
    task = periodic_task(year)
    if task is None:
        raise ValidationError(
            f"Kế hoạch năm {year} chưa có nhiệm vụ “Tổ chức các phiên họp định kỳ” với các tháng thực hiện."
        )
    existing = {
        m.month
        for m in Meeting.select().where(
            (Meeting.year == year) & (Meeting.kind == MeetingKind.PERIODIC)
        )
    }
    chair = CouncilMember.select().where(CouncilMember.role == CouncilRole.CHAIR).first()
    created = []
    with records.transaction():
        for month in parse_months(task.schedule_months):
            if month in existing:
                continue
            meeting = create_meeting(
                MeetingInput(
                    year,
                    f"Phiên họp định kỳ tháng {month:02d} năm {year} của Hội đồng Thi đua - Khen thưởng Sở",
                    month=month,
                    chair_id=chair.person_id if chair else None,
                    plan_item_id=task.id,
                )
            )
            created.append(int(meeting.id))
    return created


def duplicate_meeting(meeting_id: int) -> Meeting:
    """A copy as the start of the next meeting: same kind, place, chair, agenda; no date, planned."""
    source = _meeting(meeting_id)
    with records.transaction():
        copy = create_meeting(
            MeetingInput(
                source.year,
                f"{source.title} (bản sao)",
                source.kind,
                MeetingStatus.PLANNED,
                None,
                None,
                source.start_time,
                None,
                source.place,
                source.content,
                source.chair_id,
                source.secretary_id,
                source.plan_item_id,
            )
        )
        for item in (
            AgendaItem.select().where(AgendaItem.meeting == source).order_by(AgendaItem.position)
        ):
            records.create(
                AgendaItem,
                meeting=copy,
                position=item.position,
                title=item.title,
                presenter=item.presenter,
                duration_minutes=item.duration_minutes,
            )
    return copy


# --- agenda ------------------------------------------------------------------------------------
def link_choices(meeting_id: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """What an agenda item can be about: the year's plan tasks, and its campaign reports."""
    from app.plan import load_plan
    from db.models import Campaign, CampaignReport

    meeting = _meeting(meeting_id)
    doc = load_plan(meeting.year)
    tasks = (
        [(r.id, f"{r.path} {' '.join(r.title.split())[:70]}") for r in doc.items if r.is_task]
        if doc
        else []
    )
    reports = [
        (r.id, f"Báo cáo kỳ {r.period_index}/{r.period_year}: {r.campaign.name[:60]}")
        for r in CampaignReport.select(CampaignReport, Campaign)
        .join(Campaign)
        .where(CampaignReport.period_year == meeting.year)
    ]
    return tasks, reports


def agenda_rows(meeting_id: int) -> list[AgendaRow]:
    meeting = _meeting(meeting_id)
    clock = datetime.combine(date(2000, 1, 1), meeting.start_time) if meeting.start_time else None
    tasks, reports = link_choices(meeting_id)
    task_text, report_text = dict(tasks), dict(reports)
    rows = []
    for item in (
        AgendaItem.select()
        .where(AgendaItem.meeting == meeting)
        .order_by(AgendaItem.position, AgendaItem.id)
    ):
        link = task_text.get(item.plan_item_id, "") or report_text.get(item.campaign_report_id, "")
        rows.append(
            AgendaRow(
                item.id,
                item.position,
                clock.time() if clock else None,
                item.title,
                item.presenter,
                item.duration_minutes,
                link,
            )
        )
        if clock:
            clock += timedelta(minutes=item.duration_minutes)
    return rows


def add_agenda_item(
    meeting_id: int,
    title: str,
    presenter: str = "",
    minutes: int = 15,
    plan_item_id: int | None = None,
    campaign_report_id: int | None = None,
) -> int:
    if not clean(title):
        raise ValidationError("Chưa nhập nội dung.", field="title")
    if not 1 <= minutes <= 600:
        raise ValidationError("Thời lượng phải từ 1 đến 600 phút.", field="duration")
    position = AgendaItem.select().where(AgendaItem.meeting == meeting_id).count()
    item = records.create(
        AgendaItem,
        meeting=_meeting(meeting_id),
        position=position,
        title=title,
        presenter=presenter,
        duration_minutes=minutes,
        plan_item=plan_item_id,
        campaign_report=campaign_report_id,
    )
    return int(item.id)


def move_agenda_item(item_id: int, to_position: int) -> None:
    """Move an item (drag and drop or buttons); the times of the others follow."""
    item = AgendaItem.get_by_id(item_id)
    with records.transaction():
        items = [
            i
            for i in AgendaItem.select()
            .where(AgendaItem.meeting == item.meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
            if i.id != item.id
        ]
        items.insert(max(0, min(to_position, len(items))), item)
        for position, each in enumerate(items):
            if each.position != position:
                records.update(each, position=position)


def delete_agenda_item(item_id: int) -> None:
    item = AgendaItem.get_by_id(item_id)
    meeting_id = item.meeting_id
    with records.transaction():
        records.delete(item)
        for position, each in enumerate(
            AgendaItem.select()
            .where(AgendaItem.meeting == meeting_id)
            .order_by(AgendaItem.position)
        ):
            if each.position != position:
                records.update(each, position=position)


# --- attendance ------------------------------------------------------------------------------
def attendance_rows(meeting_id: int) -> list[AttendanceRow]:
    roles = {m.person_id: m.role.label for m in CouncilMember.select()}
    invited = Attendance.select(Attendance.person).where(Attendance.meeting == meeting_id)
    names = dict(  # the invitees' names, not every person's
        Person.select(Person.id, Person.full_name).where(Person.id.in_(invited)).tuples()
    )
    return [
        AttendanceRow(
            a.id,
            names.get(a.person_id, "") if a.person_id else a.guest_name,
            roles.get(a.person_id, "") if a.is_member else (a.guest_position or "Khách mời"),
            a.is_member,
            a.status,
            a.reason,
            a.written_vote,
        )
        for a in Attendance.select().where(Attendance.meeting == meeting_id).order_by(Attendance.id)
    ]


def set_attendance(
    attendance_id: int, status: AttendanceStatus, reason: str = "", written_vote: bool = False
) -> None:
    row = Attendance.get_by_id(attendance_id)
    if written_vote and status is AttendanceStatus.PRESENT:
        raise ValidationError("Phiếu bằng văn bản chỉ dành cho thành viên vắng mặt.")
    records.update(row, status=status, reason=reason, written_vote=written_vote and row.is_member)


def add_guest(meeting_id: int, name: str, position: str = "") -> int:
    if not clean(name):
        raise ValidationError("Chưa nhập tên khách mời.", field="name")
    return int(
        records.create(
            Attendance,
            meeting=_meeting(meeting_id),
            guest_name=name,
            guest_position=position,
            is_member=False,
        ).id
    )


def meeting_quorum(meeting_id: int) -> Quorum:
    rows = [a for a in attendance_rows(meeting_id) if a.is_member]
    present = sum(a.status is AttendanceStatus.PRESENT for a in rows)
    return council_quorum(len(rows), present)


def record_minutes(agenda_item_id: int, discussion: str, conclusion: str) -> None:
    records.update(
        AgendaItem.get_by_id(agenda_item_id), discussion=discussion, conclusion=conclusion
    )


def minutes_of(agenda_item_id: int) -> tuple[str, str]:
    item = AgendaItem.get_by_id(agenda_item_id)
    return item.discussion, item.conclusion
