"""Emulation campaigns (phong trào thi đua): registrations, periodic reports, typical examples."""

from __future__ import annotations

import peewee as pw

from db.enums import Cadence, CampaignKind, CampaignScope, CampaignStatus, ExampleKind, Launcher
from db.models.base import BaseModel, EnumField
from db.models.catalog import AwardType
from db.models.org import Person, Unit
from db.models.plan import PlanItem


class Campaign(BaseModel):
    year = pw.IntegerField(index=True)
    name = pw.TextField()
    launcher = EnumField(Launcher)
    launcher_text = pw.CharField(default="")  # who exactly, when "other"
    kind = EnumField(CampaignKind, null=True)
    scope = EnumField(CampaignScope, null=True)
    date_from = pw.DateField(null=True)
    date_to = pw.DateField(null=True)
    cadence = EnumField(Cadence, null=True)
    lead_unit = pw.ForeignKeyField(Unit, null=True, backref="campaigns", on_delete="SET NULL")
    lead_text = pw.CharField(default="")
    goals = pw.TextField(default="")
    criteria = pw.TextField(default="")  # nội dung thi đua
    status = EnumField(CampaignStatus, default=CampaignStatus.ACTIVE)
    plan_item = pw.ForeignKeyField(PlanItem, null=True, backref="campaigns", on_delete="SET NULL")
    carried_from = pw.ForeignKeyField("self", null=True, on_delete="SET NULL")
    search_key = pw.TextField(default="")

    class Meta:
        table_name = "campaign"


class Registration(BaseModel):
    """A unit's or a person's registration for a target title in a year."""

    year = pw.IntegerField()
    campaign = pw.ForeignKeyField(Campaign, null=True, backref="registrations", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, null=True, backref="registrations", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, null=True, backref="registrations", on_delete="CASCADE")
    award_type = pw.ForeignKeyField(AwardType, on_delete="RESTRICT")
    registered_on = pw.DateField(null=True)
    note = pw.TextField(default="")

    class Meta:
        table_name = "registration"
        indexes = ((("year", "person"), False), (("year", "unit"), False))
        constraints = [pw.Check("(person_id IS NULL) <> (unit_id IS NULL)")]


class CampaignReport(BaseModel):
    campaign = pw.ForeignKeyField(Campaign, backref="reports", on_delete="CASCADE")
    period_year = pw.IntegerField()
    period_index = pw.IntegerField()  # month, quarter or half by the cadence; 1 for yearly
    reported_on = pw.DateField(null=True)
    results = pw.TextField(default="")
    highlights = pw.TextField(default="")
    contributions = pw.TextField(default="")

    class Meta:
        table_name = "campaign_report"
        indexes = ((("campaign", "period_year", "period_index"), True),)


class TypicalExample(BaseModel):
    campaign = pw.ForeignKeyField(Campaign, null=True, backref="examples", on_delete="SET NULL")
    year = pw.IntegerField()
    kind = EnumField(ExampleKind, default=ExampleKind.TYPICAL)
    person = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL")
    unit = pw.ForeignKeyField(Unit, null=True, on_delete="SET NULL")
    name = pw.TextField(default="")  # the model's name when it is neither a person nor a unit
    deeds = pw.TextField(default="")
    spread = pw.TextField(default="")  # how it was spread (nhân rộng)

    class Meta:
        table_name = "typical_example"
