"""The shared base model, the database proxy every model binds to, and the enum field."""

from __future__ import annotations

from enum import Enum
from typing import Any

import peewee as pw

database_proxy = pw.DatabaseProxy()


class EnumField(pw.CharField):
    """A CharField that stores an Enum by its value and gives the Enum back."""

    def __init__(self, enum: type[Enum], **kwargs: Any) -> None:
        self.enum = enum
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("choices", [(m.value, m.name) for m in enum])
        super().__init__(**kwargs)

    def db_value(self, value: Any) -> Any:
        if value is None:
            return None
        return self.enum(value).value

    def python_value(self, value: Any) -> Any:
        if value is None:
            return None
        return self.enum(value)


class BaseModel(pw.Model):
    """Every table binds to the proxy; table names are explicit in each Meta."""

    class Meta:
        database = database_proxy
        legacy_table_names = False
