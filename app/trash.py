"""The recycle bin (Thùng rác): a delete keeps the record, what was deleted with it, and the
links that were cleared, so that all of it can be put back with the same ids until emptied."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from app import records
from app.errors import NotFound, ValidationError
from db.models import ALL_MODELS, BaseModel, Trash

MODELS: dict[str, type[BaseModel]] = {m._meta.table_name: m for m in ALL_MODELS}


@dataclass(frozen=True, slots=True)
class TrashRow:
    id: int
    deleted_at: datetime
    table: str
    row_id: int
    label: str
    count: int  # rows that come back with it
    search_key: str


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return str(value)
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def _row_data(instance: BaseModel) -> dict[str, Any]:
    return {name: _plain(instance.__data__.get(name)) for name in instance._meta.sorted_field_names}


def _collect(
    instance: BaseModel, rows: list[tuple[str, dict[str, Any]]], links: list[list[Any]]
) -> None:
    """The instance, then (recursively) what its delete cascades to; SET NULL links noted."""
    rows.append((instance._meta.table_name, _row_data(instance)))
    for fk, model in instance._meta.backrefs.items():
        dependents = model.select().where(fk == instance.get_id())
        if fk.on_delete == "CASCADE":
            for child in dependents.order_by(model._meta.primary_key):
                _collect(child, rows, links)
        elif fk.on_delete == "SET NULL":
            for child in dependents:
                links.append([model._meta.table_name, child.get_id(), fk.name, instance.get_id()])


def discard(instance: BaseModel, label: str) -> int:
    """Delete ``instance`` (and what cascades from it) into the bin; returns the bin entry's id."""
    with records.transaction():
        rows: list[tuple[str, dict[str, Any]]] = []
        links: list[list[Any]] = []
        _collect(instance, rows, links)
        entry = records.create(
            Trash,
            deleted_at=datetime.now(),
            table=instance._meta.table_name,
            row_id=instance.get_id(),
            label=label,
            payload=json.dumps({"rows": rows, "links": links}, ensure_ascii=False),
        )
        records.delete(instance)
        records.mark_changed(*{table for table, _ in rows}, *{link[0] for link in links})
    return int(entry.id)


def restore(trash_id: int) -> int:
    """Put a deleted record back with everything deleted with it; returns the record's id."""
    entry = Trash.get_or_none(Trash.id == trash_id)
    if entry is None:
        raise NotFound("Mục này không còn trong thùng rác.")
    payload = json.loads(entry.payload)
    with records.transaction():
        for table, data in payload["rows"]:
            model = MODELS[table]
            if model.get_or_none(model._meta.primary_key == data["id"]) is not None:
                raise ValidationError(
                    f"“{entry.label}” đã có trong dữ liệu; không khôi phục lần nữa."
                )
            records.create(model, **data)
        for table, row_id, field, value in payload["links"]:
            model = MODELS[table]
            linked = model.get_or_none(model._meta.primary_key == row_id)
            if linked is not None and linked.__data__.get(field) is None:
                records.update(linked, **{field: value})
        records.delete(entry)
    return int(entry.row_id)


def purge(trash_id: int) -> None:
    """Delete one entry for good."""
    entry = Trash.get_or_none(Trash.id == trash_id)
    if entry is not None:
        records.delete(entry)


def empty() -> int:
    """Delete every entry for good; returns how many."""
    with records.transaction():
        count = 0
        for entry in Trash.select():
            records.delete(entry)
            count += 1
    return count


def trash_rows() -> list[TrashRow]:
    from app.vntext import fold_many

    out = []
    for entry in Trash.select().order_by(Trash.deleted_at.desc(), Trash.id.desc()):
        count = len(json.loads(entry.payload)["rows"])
        out.append(
            TrashRow(
                entry.id,
                entry.deleted_at,
                entry.table,
                entry.row_id,
                entry.label,
                count,
                fold_many(entry.label),
            )
        )
    return out
