"""Council meetings: the meeting, its agenda (with the minutes of each item) and attendance."""

from __future__ import annotations

import peewee as pw

from db.enums import AttendanceStatus, MeetingKind, MeetingStatus
from db.models.base import BaseModel, EnumField
from db.models.campaign import CampaignReport
from db.models.org import Person
from db.models.plan import PlanItem


class Meeting(BaseModel):
    year = pw.IntegerField(index=True)
    month = pw.IntegerField(null=True)  # the planned month when no date is fixed yet
    title = pw.TextField(default="")
    kind = EnumField(MeetingKind, default=MeetingKind.PERIODIC)
    status = EnumField(MeetingStatus, default=MeetingStatus.PLANNED)
    held_on = pw.DateField(null=True)
    start_time = pw.TimeField(null=True)
    end_time = pw.TimeField(null=True)
    place = pw.CharField(default="")
    content = pw.TextField(default="")
    chair = pw.ForeignKeyField(Person, null=True, backref="chaired", on_delete="SET NULL")
    chair_text = pw.CharField(default="")  # as the plan words it: "Giám đốc Sở, Chủ tịch Hội đồng"
    secretary = pw.ForeignKeyField(Person, null=True, backref="minuted", on_delete="SET NULL")
    plan_item = pw.ForeignKeyField(PlanItem, null=True, backref="meetings", on_delete="SET NULL")
    number = pw.CharField(default="")
    search_key = pw.TextField(default="")

    class Meta:
        table_name = "meeting"


class AgendaItem(BaseModel):
    meeting = pw.ForeignKeyField(Meeting, backref="agenda", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    title = pw.TextField()
    presenter = pw.CharField(default="")
    duration_minutes = pw.IntegerField(default=15)
    plan_item = pw.ForeignKeyField(PlanItem, null=True, on_delete="SET NULL")
    campaign_report = pw.ForeignKeyField(
        CampaignReport, null=True, backref="agenda_items", on_delete="SET NULL"
    )
    discussion = pw.TextField(default="")  # minutes for this item
    conclusion = pw.TextField(default="")

    class Meta:
        table_name = "agenda_item"


class Attendance(BaseModel):
    meeting = pw.ForeignKeyField(Meeting, backref="attendance", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, null=True, on_delete="CASCADE")
    guest_name = pw.CharField(default="")  # a guest who is not in the people list
    guest_position = pw.CharField(default="")
    is_member = pw.BooleanField(default=True)
    status = EnumField(AttendanceStatus, default=AttendanceStatus.INVITED)
    reason = pw.CharField(default="")
    written_vote = pw.BooleanField(default=False)

    class Meta:
        table_name = "attendance"
