"""Undo and redo of an edit made from a list, read back from the audit log.

Every write goes through app/records.py, which logs each changed field with its old and new
value. A list notes the log's last id (``mark``) before it saves, then ``recorded`` gathers what
that save logged for the record (and the rows the save writes with it, such as a person's unit
history or a proposal's dossier checklist) into a ``Change``. ``undo`` puts the old values back
in one transaction through app/records.py (so the undo is logged too), ``redo`` the new ones.

Neither overwrites blindly: when anything logged a change to one of those rows since (another
edit, a status change, a delete), or a value is not what the change left, it refuses with a
message. A created record is undone as a delete into the recycle bin (as the list's Xóa does)
and redone by restoring it from there. What is not an edit of a form is never undone here: a
proposal's status moves and votes (dated, logged as events), which proposals a decision grants.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

import peewee as pw

from app import records
from app.errors import AppError, NotFound, ValidationError, raise_first
from db.enums import AuditAction
from db.models import ALL_MODELS, AuditLog, BaseModel, database_proxy
from db.models.base import EnumField

MODELS: dict[str, type[BaseModel]] = {m._meta.table_name: m for m in ALL_MODELS}


class StaleChange(AppError):
    title = "Dữ liệu đã thay đổi"


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the audit log that the change wrote."""

    table: str
    row_id: int
    action: AuditAction
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Change:
    table: str  # the list's record
    row_id: int
    label: str  # "sửa phiên họp “…”", "thêm cán bộ “…”"
    created: bool  # the change made the record: undone into the recycle bin
    entries: tuple[Entry, ...]
    mark: int  # the log's last id once the change was made, undone or redone
    undone: bool = False
    trash_id: int | None = None  # where an undone creation waits
    kept: str = ""  # what the save also did that an undo leaves alone, said after the undo
    database: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class _Scope:
    noun: str
    with_it: frozenset[str] = frozenset()  # other tables the save writes for the record
    fields: frozenset[str] | None = None  # the record's fields an undo may restore (None: all)
    kept: str = "phần không thuộc biểu mẫu giữ nguyên"


PROPOSAL_FORM = frozenset(
    {
        "year",
        "period",
        "person",
        "unit",
        "award_type",
        "kind",
        "campaign",
        "achievements",
        "initiative",
        "search_key",
    }
)
SCOPES: dict[str, _Scope] = {
    "meeting": _Scope("phiên họp", frozenset({"attendance"})),
    "campaign": _Scope("phong trào"),
    # the decision's own fields only: the proposals it grants move by dated transitions
    "decision": _Scope("quyết định", kept="các đề nghị được công nhận giữ nguyên"),
    # the form's fields and the dossier checklist that follows the award; never the status,
    # the decision, nor the events and votes (dated, logged separately)
    "proposal": _Scope("đề nghị", frozenset({"dossier_item"}), PROPOSAL_FORM),
    "unit": _Scope("đơn vị"),
    "person": _Scope("cán bộ", frozenset({"person_unit_history"})),
    "council_member": _Scope("thành viên Hội đồng"),
    "registration": _Scope("đăng ký thi đua"),
    "typical_example": _Scope("điển hình"),
}


def mark() -> int:
    """The audit log's last id: what a list notes before it saves."""
    last = AuditLog.select(pw.fn.MAX(AuditLog.id)).scalar()
    return int(last or 0)


def record_name(table: str, row_id: int) -> str:
    """How the record is named in the label (its name, title, number and symbol…)."""
    from app import decisions, proposals

    model = MODELS[table]
    instance = model.get_or_none(model._meta.primary_key == row_id)
    if instance is None:
        return f"#{row_id}"
    if table == "decision":
        return decisions.number_symbol(instance.number, instance.symbol)
    if table == "proposal":
        award = MODELS["award_type"].get_by_id(instance.award_type_id)
        return f"{award.name} — {proposals.recipient_name(instance)}"
    if table == "council_member":
        return str(MODELS["person"].get_by_id(instance.person_id).full_name)
    if table in ("registration", "typical_example"):
        who = ""
        if instance.person_id is not None:
            who = MODELS["person"].get_by_id(instance.person_id).full_name
        elif instance.unit_id is not None:
            who = MODELS["unit"].get_by_id(instance.unit_id).name
        if table == "registration":
            award = MODELS["award_type"].get_by_id(instance.award_type_id)
            return f"{award.name} — {who}"
        return str(who or instance.name)
    for name in ("full_name", "name", "title"):
        value = getattr(instance, name, None)
        if value:
            return str(value)
    return f"#{row_id}"


def recorded(table: str, row_id: int, since: int) -> Change | None:
    """What the save of record ``row_id`` logged after ``since``, within what an undo may take
    back; None when nothing undoable changed (an unchanged form, a status move)."""
    scope = SCOPES[table]
    query = (
        AuditLog.select()
        .where((AuditLog.id > since) & AuditLog.table.in_([table, *scope.with_it]))
        .order_by(AuditLog.id)
    )
    entries: list[Entry] = []
    created = False
    for e in query:
        if e.table == table:
            if e.row_id != row_id:
                continue
            if e.action is AuditAction.CREATE:
                created = True
            elif (
                e.action is AuditAction.UPDATE
                and scope.fields is not None
                and e.field not in scope.fields
            ):
                continue
        entries.append(Entry(e.table, e.row_id, e.action, e.field, e.old_value, e.new_value))
    if not entries:
        return None
    tables = [table, *scope.with_it, "trash"]
    other = AuditLog.select().where((AuditLog.id > since) & AuditLog.table.not_in(tables)).exists()
    verb = "thêm" if created else "sửa"
    return Change(
        table=table,
        row_id=row_id,
        label=f"{verb} {scope.noun} “{record_name(table, row_id)}”",
        created=created,
        entries=tuple(entries),
        mark=mark(),
        database=database_proxy.obj,
        kept=scope.kept if other and not created else "",
    )


# --- values back from the log's text --------------------------------------------------------
def _decode(model: type[BaseModel], name: str, text: str | None) -> Any:
    if text is None:
        return None
    f = model._meta.fields[name]
    if isinstance(f, EnumField):
        return f.enum(text)
    if isinstance(f, pw.BooleanField):
        return text in ("True", "1")
    if isinstance(f, pw.ForeignKeyField | pw.IntegerField | pw.AutoField):
        return int(text)
    if isinstance(f, pw.FloatField):
        return float(text)
    if isinstance(f, pw.DateTimeField):
        return datetime.fromisoformat(text)
    if isinstance(f, pw.DateField):
        return date.fromisoformat(text)
    if isinstance(f, pw.TimeField):
        return time.fromisoformat(text)
    return text


def _snapshot_values(model: type[BaseModel], text: str | None) -> dict[str, Any]:
    data = json.loads(text or "{}")
    return {k: _decode(model, k, v) for k, v in data.items() if k in model._meta.fields}


def _get(table: str, row_id: int) -> BaseModel | None:
    model = MODELS[table]
    return model.get_or_none(model._meta.primary_key == row_id)


# --- the checks -----------------------------------------------------------------------------
def _stale(change: Change, why: str) -> StaleChange:
    verb = "làm lại" if change.undone else "hoàn tác"
    return StaleChange(
        f"Không {verb} được việc {change.label}: {why} "
        "Nếu cần, hãy sửa trực tiếp (Lịch sử… cho biết đã đổi gì, khi nào)."
    )


def _check_untouched(change: Change) -> None:
    if database_proxy.obj is not change.database:
        raise StaleChange(
            f"Không hoàn tác được việc {change.label}: thao tác này thuộc cơ sở dữ liệu đã đóng."
        )
    rows = {(change.table, change.row_id)} | {(e.table, e.row_id) for e in change.entries}
    later = AuditLog.select().where(AuditLog.id > change.mark)
    condition = None
    for table, row_id in rows:
        one = (AuditLog.table == table) & (AuditLog.row_id == row_id)
        condition = one if condition is None else condition | one
    if later.where(condition).exists():
        main = _get(change.table, change.row_id)
        if main is None:
            raise _stale(change, "bản ghi đã bị xóa sau đó.")
        raise _stale(change, "bản ghi đã được thay đổi sau đó (sửa tiếp, đổi trạng thái…).")


def _expect(change: Change, forward: bool) -> None:
    """Each row and field is as the change left it (or, for a redo, as the undo left it)."""
    expected: dict[tuple[str, int, str], str | None] = {}
    present: dict[tuple[str, int], bool] = {}
    ordered = change.entries if forward else tuple(reversed(change.entries))
    for e in ordered:
        key = (e.table, e.row_id)
        if e.action is AuditAction.UPDATE:
            expected[(e.table, e.row_id, e.field)] = e.new if forward else e.old
        elif e.action is AuditAction.CREATE:
            present[key] = forward
        else:
            present[key] = not forward
    for (table, row_id), exists in present.items():
        if (_get(table, row_id) is not None) != exists:
            raise _stale(change, "dữ liệu liên quan đã thay đổi sau đó.")
    for (table, row_id, name), value in expected.items():
        if not present.get((table, row_id), True):
            continue
        instance = _get(table, row_id)
        if instance is None:
            raise _stale(change, "bản ghi đã bị xóa sau đó.")
        model = MODELS[table]
        if _decode(model, name, records.field_text(instance, name)) != _decode(model, name, value):
            raise _stale(change, "bản ghi đã được thay đổi sau đó.")


def _check_record(change: Change) -> None:
    """The record as an undo leaves it must pass the checks its form passes."""
    from app import (
        campaigns,
        council,
        decisions,
        meeting_edit,
        people,
        proposals,
        registrations,
        typical_examples,
    )

    i = change.row_id
    checks: dict[str, Callable[[], dict[str, str]]] = {
        "meeting": lambda: meeting_edit.validate_meeting(meeting_edit.meeting_input(i)),
        "campaign": lambda: campaigns.validate_campaign(campaigns.campaign_input(i)),
        "decision": lambda: decisions.validate_decision(decisions.decision_input(i), i),
        "proposal": lambda: proposals.validate_proposal(proposals.proposal_input(i)),
        "unit": lambda: people.validate_unit(people.unit_input(i), i),
        "person": lambda: people.validate_person(people.person_input(i)),
        "council_member": lambda: council.validate_member(council.member_input(i), i),
        "registration": lambda: registrations.validate_registration(
            registrations.registration_input(i), i
        ),
        "typical_example": lambda: typical_examples.validate_example(
            typical_examples.example_input(i)
        ),
    }
    raise_first(checks[change.table]())
    if change.table == "decision":
        decisions.check_level(i)


def _check_proposal_editable(change: Change) -> None:
    if change.table != "proposal" or change.created:
        return
    from app import proposals

    proposal = _get("proposal", change.row_id)
    if proposal is not None and proposal.status not in proposals.EDITABLE:
        raise _stale(
            change,
            f"đề nghị đang ở trạng thái “{proposal.status.label}”, nội dung được giữ như khi "
            "trình (trạng thái và biểu quyết không hoàn tác bằng cách này).",
        )


# --- undo and redo --------------------------------------------------------------------------
def _remove(change: Change) -> int:
    """Delete a created record into the recycle bin, as its list's Xóa does."""
    from app import (
        campaigns,
        council,
        decisions,
        meeting_edit,
        people,
        proposals,
        registrations,
        typical_examples,
    )

    i = change.row_id
    if change.table == "decision" and decisions.proposal_ids_of(i):
        raise _stale(
            change,
            "quyết định đã công nhận đề nghị; việc công nhận không hoàn tác bằng cách này. "
            "Muốn bỏ quyết định, hãy chọn nó và nhấn Xóa.",
        )
    removers: dict[str, Callable[[], int]] = {
        "meeting": lambda: meeting_edit.delete_meeting(i),
        "campaign": lambda: campaigns.delete_campaign(i),
        "decision": lambda: decisions.delete_decision(i),
        "proposal": lambda: proposals.delete_proposal(i),
        "unit": lambda: people.delete_unit(i),
        "person": lambda: people.delete_person(i),
        "council_member": lambda: council.remove_member(i),
        "registration": lambda: registrations.delete_registration(i),
        "typical_example": lambda: typical_examples.delete_example(i),
    }
    return removers[change.table]()


def _apply(change: Change, forward: bool) -> None:
    ordered = change.entries if forward else tuple(reversed(change.entries))
    for e in ordered:
        model = MODELS[e.table]
        creates = (e.action is AuditAction.CREATE) == forward
        if e.action is AuditAction.UPDATE:
            instance = _get(e.table, e.row_id)
            assert instance is not None  # checked by _expect
            value = e.new if forward else e.old
            records.update(instance, **{e.field: _decode(model, e.field, value)})
        elif creates:
            snapshot = e.new if e.action is AuditAction.CREATE else e.old
            records.create(model, **_snapshot_values(model, snapshot))
        else:
            instance = _get(e.table, e.row_id)
            assert instance is not None
            records.delete(instance)


def undo(change: Change) -> Change:
    """Take the change back; returns it as undone (to be redone), or refuses (StaleChange)."""
    if change.undone:
        raise ValueError("already undone")
    _check_untouched(change)
    if change.created:
        trash_id = _remove(change)
        return replace(change, undone=True, trash_id=trash_id, mark=mark())
    _check_proposal_editable(change)
    _expect(change, forward=True)
    with records.transaction():
        _apply(change, forward=False)
        if _get(change.table, change.row_id) is not None:
            _check_record(change)
    return replace(change, undone=True, mark=mark())


def redo(change: Change) -> Change:
    """Make an undone change again; refuses as ``undo`` does."""
    if not change.undone:
        raise ValueError("not undone")
    if database_proxy.obj is not change.database:
        _check_untouched(change)  # says which database
    if change.created:
        from app import trash

        assert change.trash_id is not None
        try:
            trash.restore(change.trash_id)
        except NotFound as error:
            raise _stale(change, "bản ghi không còn trong Thùng rác.") from error
        except ValidationError as error:
            raise _stale(change, error.message) from error
        return replace(change, undone=False, trash_id=None, mark=mark())
    _check_untouched(change)
    _check_proposal_editable(change)
    _expect(change, forward=False)
    with records.transaction():
        _apply(change, forward=True)
        if _get(change.table, change.row_id) is not None:
            _check_record(change)
    return replace(change, undone=False, mark=mark())
