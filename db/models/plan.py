"""The annual plan (kế hoạch): header, a tree of sections and items, recipients, progress notes."""

from __future__ import annotations

import peewee as pw

from db.enums import ItemKind, Numbering, ScheduleKind, TaskStatus
from db.models.base import BaseModel, EnumField
from db.models.org import Unit


class Plan(BaseModel):
    year = pw.IntegerField(unique=True)
    number = pw.CharField(default="")  # "…" until issued
    symbol = pw.CharField(default="")  # e.g. "KH-HĐTĐKT"
    issued_on = pw.DateField(null=True)
    doc_type = pw.CharField(default="KẾ HOẠCH")
    title = pw.TextField(default="")  # subject line(s) under the type
    recipients = pw.TextField(default="")  # "Nơi nhận", one line each
    signer_authority = pw.CharField(default="")  # TM., KT., TL., … or empty
    signer_title = pw.CharField(default="")
    signer_name = pw.CharField(default="")
    note = pw.TextField(default="")

    class Meta:
        table_name = "plan"


class PlanItem(BaseModel):
    """One node of the plan's tree: a section (I, II, III) or a numbered item under it.

    Labelled fields (content, lead, timing) print as "- Nội dung: …" lines in the order
    of ``field_order``; ``body`` holds free paragraphs and "- " bullets.
    """

    plan = pw.ForeignKeyField(Plan, backref="items", on_delete="CASCADE")
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    kind = EnumField(ItemKind, default=ItemKind.ITEM)
    child_numbering = EnumField(Numbering, default=Numbering.ARABIC)
    title = pw.TextField(default="")
    body = pw.TextField(default="")
    content = pw.TextField(default="")
    lead_text = pw.TextField(default="")
    timing_text = pw.TextField(default="")
    field_order = pw.CharField(default="content,lead,timing")
    is_task = pw.BooleanField(default=False)
    lead_unit = pw.ForeignKeyField(Unit, null=True, backref="led_items", on_delete="SET NULL")
    schedule_kind = EnumField(ScheduleKind, default=ScheduleKind.NONE)
    schedule_months = pw.CharField(default="")  # "3,6,12"
    date_from = pw.DateField(null=True)
    date_to = pw.DateField(null=True)
    status = EnumField(TaskStatus, default=TaskStatus.NOT_STARTED)
    search_key = pw.TextField(default="")

    class Meta:
        table_name = "plan_item"
        indexes = ((("plan", "parent", "position"), False),)


class PlanItemUnit(BaseModel):
    """Co-operating units (phối hợp) of a plan item."""

    item = pw.ForeignKeyField(PlanItem, backref="cooperating", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, on_delete="CASCADE")

    class Meta:
        table_name = "plan_item_unit"
        indexes = ((("item", "unit"), True),)


class ProgressNote(BaseModel):
    item = pw.ForeignKeyField(PlanItem, backref="notes", on_delete="CASCADE")
    noted_on = pw.DateField()
    text = pw.TextField()

    class Meta:
        table_name = "progress_note"
