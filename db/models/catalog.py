"""The award catalog: emulation titles and commendation forms, and their dated rules."""

from __future__ import annotations

import peewee as pw

from db.enums import AwardFamily, AwardLevel, RecipientKind, Severity
from db.models.base import BaseModel, EnumField


class AwardType(BaseModel):
    """An emulation title or a commendation form."""

    code = pw.CharField(unique=True)
    name = pw.CharField()
    short_name = pw.CharField(default="")
    family = EnumField(AwardFamily)
    recipient = EnumField(RecipientKind)
    level = EnumField(AwardLevel)
    granting_authority = pw.CharField(default="")
    position = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)
    search_key = pw.CharField(default="")

    class Meta:
        table_name = "award_type"


class AwardRule(BaseModel):
    """A rule of the catalog, in force from a date: eligibility checks, thresholds, rewards.

    ``params`` is JSON; its keys depend on ``rule_code``. Agencies add their own rules
    (``is_custom``) and switch any off through ``severity``.
    """

    award_type = pw.ForeignKeyField(AwardType, null=True, backref="rules", on_delete="CASCADE")
    rule_code = pw.CharField()
    title = pw.TextField()
    legal_basis = pw.TextField(default="")
    effective_from = pw.DateField()
    effective_to = pw.DateField(null=True)
    severity = EnumField(Severity, default=Severity.WARN)
    params = pw.TextField(default="{}")
    is_custom = pw.BooleanField(default=False)
    confidence = pw.CharField(default="")  # [V], [S], [?] as domain.md marks it

    class Meta:
        table_name = "award_rule"
        indexes = ((("rule_code", "effective_from"), False),)
