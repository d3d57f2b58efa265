"""The one way app/ writes: in a transaction, text cleaned to NFC, audited, then announced.

Services call ``create``/``update``/``delete`` inside ``transaction()``; when the outermost
transaction commits, every subscriber hears which tables changed (the UI reloads from that).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

import peewee as pw

from app.errors import ValidationError
from app.vntext import clean, fold_many, has_control_chars
from db.enums import AuditAction
from db.models import AuditLog, BaseModel, database_proxy

M = TypeVar("M", bound=BaseModel)
Listener = Callable[[frozenset[str]], None]

_listeners: list[Listener] = []
_state = threading.local()

# Fields folded into ``search_key`` for each table that has one.
SEARCH_FIELDS: dict[str, tuple[str, ...]] = {
    "unit": ("name", "short_name"),
    "person": ("full_name", "position"),
    "plan_item": ("title", "content", "body", "lead_text"),
    "meeting": ("title", "place", "content"),
    "campaign": ("name", "launcher_text", "lead_text", "goals"),
    "award_type": ("name", "short_name", "granting_authority"),
    "proposal": ("achievements", "initiative"),
}


def subscribe(listener: Listener) -> Callable[[], None]:
    """Hear about committed changes; returns the call that stops listening."""
    _listeners.append(listener)

    def unsubscribe() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return unsubscribe


def _pending() -> set[str]:
    if not hasattr(_state, "pending"):
        _state.pending = set()
        _state.depth = 0
    return _state.pending  # type: ignore[no-any-return]


@contextmanager
def transaction() -> Iterator[None]:
    """One atomic unit of work; announces the changed tables once the outermost one commits."""
    pending = _pending()
    _state.depth += 1
    try:
        with database_proxy.atomic():
            yield
    except BaseException:
        _state.depth -= 1
        if _state.depth == 0:
            pending.clear()
        raise
    _state.depth -= 1
    if _state.depth == 0 and pending:
        changed = frozenset(pending)
        pending.clear()
        for listener in list(_listeners):
            listener(changed)


def mark_changed(*tables: str) -> None:
    _pending().update(tables)


MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2100, 12, 31)


def _normalise(value: Any, name: str = "") -> Any:
    """Text is stored NFC and trimmed; control characters and impossible dates are refused."""
    if isinstance(value, str) and not isinstance(value, Enum):  # a StrEnum is a str too
        if has_control_chars(value):
            raise ValidationError(
                "Văn bản chứa ký tự điều khiển không hợp lệ (có thể do sao chép từ chương trình "
                "khác); hãy gõ lại nội dung.",
                field=name,
            )
        return clean(value)
    if (
        isinstance(value, date)
        and not MIN_DATE <= (value.date() if isinstance(value, datetime) else value) <= MAX_DATE
    ):
        raise ValidationError(
            f"Ngày {value:%d/%m/%Y} nằm ngoài khoảng cho phép (1900–2100).", field=name
        )
    return value


def _integrity_message(exc: pw.IntegrityError) -> ValidationError:
    text = str(exc).lower()
    if "unique" in text:
        message = "Dữ liệu trùng với một bản ghi đã có (ví dụ: cùng số, ký hiệu và ngày)."
    elif "foreign key" in text:
        message = "Bản ghi liên quan không còn tồn tại hoặc đang được dùng ở nơi khác."
    else:
        message = "Dữ liệu không hợp lệ: thiếu thông tin bắt buộc hoặc mâu thuẫn."
    return ValidationError(message)


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, BaseModel):
        return str(value.get_id())
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return str(value)


def _refresh_search_key(instance: BaseModel) -> None:
    fields = SEARCH_FIELDS.get(instance._meta.table_name)
    if fields and "search_key" in instance._meta.fields:
        instance.search_key = fold_many(*(getattr(instance, f) or "" for f in fields))


def _audit(
    instance: BaseModel, action: AuditAction, field: str = "", old: Any = None, new: Any = None
) -> None:
    AuditLog.create(
        happened_at=datetime.now(),
        table=instance._meta.table_name,
        row_id=instance.get_id(),
        action=action,
        field=field,
        old_value=_as_text(old),
        new_value=_as_text(new),
    )


def _raw(instance: BaseModel, name: str) -> Any:
    field = instance._meta.fields[name]
    if isinstance(field, pw.ForeignKeyField):
        return instance.__data__.get(name)
    return getattr(instance, name)


def create(model: type[M], **fields: Any) -> M:
    values = {k: _normalise(v, k) for k, v in fields.items()}
    try:
        with transaction():
            instance = model(**values)
            _refresh_search_key(instance)
            instance.save(force_insert=True)
            _audit(
                instance, AuditAction.CREATE, new=json.dumps(snapshot(instance), ensure_ascii=False)
            )
            mark_changed(model._meta.table_name)
    except pw.IntegrityError as exc:
        raise _integrity_message(exc) from exc
    return instance


def update(instance: M, **fields: Any) -> M:
    """Set ``fields`` on ``instance``; writes and audits only the fields that really change."""
    values = {k: _normalise(v, k) for k, v in fields.items()}
    try:
        _update(instance, values)
    except pw.IntegrityError as exc:
        raise _integrity_message(exc) from exc
    return instance


def _update(instance: BaseModel, fields: dict[str, Any]) -> None:
    with transaction():
        changed: list[str] = []
        for name, value in fields.items():
            if name not in instance._meta.fields:
                raise AttributeError(f"{type(instance).__name__} has no field {name!r}")
            old = _raw(instance, name)
            setattr(instance, name, value)
            new = _raw(instance, name)
            if _as_text(old) != _as_text(new):
                changed.append(name)
                _audit(instance, AuditAction.UPDATE, name, old, new)
        if changed:
            before = getattr(instance, "search_key", None)
            _refresh_search_key(instance)
            if getattr(instance, "search_key", None) != before:
                changed.append("search_key")
            fields_to_save = [instance._meta.fields[n] for n in changed]
            instance.save(only=fields_to_save)
            mark_changed(instance._meta.table_name)


def delete(instance: BaseModel) -> None:
    try:
        with transaction():
            _audit(
                instance, AuditAction.DELETE, old=json.dumps(snapshot(instance), ensure_ascii=False)
            )
            instance.delete_instance()
            mark_changed(instance._meta.table_name)
    except pw.IntegrityError as exc:
        raise _integrity_message(exc) from exc


def field_text(instance: BaseModel, name: str) -> str | None:
    """A field's value as the audit log writes it (to compare with a logged old or new value)."""
    return _as_text(_raw(instance, name))


def snapshot(instance: BaseModel) -> dict[str, Any]:
    """The row as plain JSON-able values (for the audit log and the recycle bin)."""
    return {name: _as_text(_raw(instance, name)) for name in instance._meta.sorted_field_names}
