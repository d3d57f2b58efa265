"""Settings stored in the database and the audit log."""

from __future__ import annotations

import peewee as pw

from db.enums import AuditAction
from db.models.base import BaseModel, EnumField


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()  # JSON

    class Meta:
        table_name = "setting"


class AuditLog(BaseModel):
    happened_at = pw.DateTimeField(index=True)
    table = pw.CharField()
    row_id = pw.IntegerField()
    action = EnumField(AuditAction)
    field = pw.CharField(default="")
    old_value = pw.TextField(null=True)
    new_value = pw.TextField(null=True)

    class Meta:
        table_name = "audit_log"
        indexes = ((("table", "row_id"), False),)


class Trash(BaseModel):
    """A deleted record with what was deleted with it (rows as JSON), until the bin is emptied."""

    deleted_at = pw.DateTimeField(index=True)
    table = pw.CharField()
    row_id = pw.IntegerField()
    label = pw.TextField()
    payload = (
        pw.TextField()
    )  # {"rows": [[table, {field: value}], …], "links": [[table, id, field, value], …]}

    class Meta:
        table_name = "trash"
