"""A person's unit history (Danh mục › Cán bộ): the rows shown, the date a move, a departure or a
return is recorded with, and corrections of a wrongly dated row; the rules are pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app import records
from app.errors import NotFound, raise_first
from app.vntext import short_date
from db.enums import RankGroup
from db.models import Person, PersonUnitHistory, Unit

# A change may be recorded a little ahead (a decision signed before it takes effect), not years.
MAX_AHEAD = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One period in one unit, position and rank group; ``date_from`` None: since before
    anything recorded; ``date_to`` None: still there."""

    id: int
    unit_id: int
    unit_name: str
    position: str
    date_from: date | None
    date_to: date | None
    rank_group: RankGroup | None = None


@dataclass(frozen=True)
class DatedEdit:
    """What the person dialog adds to the person's fields: the date of the move (or of leaving,
    or of coming back) and the corrections of history rows, (row id, from, to), in order."""

    changed_on: date | None = None
    corrections: tuple[tuple[int, date | None, date | None], ...] = ()


def history_rows(person_id: int) -> list[HistoryRow]:
    """The person's unit history, oldest first (undated starts first, then by date, then id)."""
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    rows = [
        HistoryRow(
            h.id,
            h.unit_id,
            units.get(h.unit_id, ""),
            h.position,
            h.date_from,
            h.date_to,
            h.rank_group,
        )
        for h in PersonUnitHistory.select().where(PersonUnitHistory.person == person_id)
    ]
    return sorted(rows, key=lambda r: (r.date_from or date.min, r.id))


def last_change(rows: Sequence[HistoryRow]) -> date | None:
    """The date of the latest recorded change (a start or an end): a new one cannot be earlier."""
    dates = [d for r in rows for d in (r.date_from, r.date_to) if d is not None]
    return max(dates, default=None)


def latest_allowed(today: date) -> date:
    return today + MAX_AHEAD


def bounds_problem(when: date, today: date) -> str | None:
    if when < records.MIN_DATE:
        return f"Ngày không được trước {short_date(records.MIN_DATE)}."
    if when > latest_allowed(today):
        return (
            f"Ngày không được sau {short_date(latest_allowed(today))} (quá một năm kể từ hôm nay)."
        )
    return None


def validate_change_date(when: date, rows: Sequence[HistoryRow], today: date) -> str | None:
    """The date of a move, a departure or a return: not before the previous change, not far
    ahead. None when it is acceptable."""
    since = last_change(rows)
    if since is not None and when < since:
        return (
            f"Ngày thay đổi không được trước {short_date(since)}, "
            "ngày của lần thay đổi trước trong quá trình công tác."
        )
    return bounds_problem(when, today)


def validate_row_dates(
    rows: Sequence[HistoryRow],
    row_id: int,
    date_from: date | None,
    date_to: date | None,
    today: date,
) -> dict[str, str]:
    """A corrected row: dates in order, not crossing the row before or after it, not far ahead;
    the end of the current row (still there) is set by a move or a departure, not here."""
    index = next((i for i, r in enumerate(rows) if r.id == row_id), None)
    if index is None:
        return {"row": "Không tìm thấy dòng này trong quá trình công tác."}
    row = rows[index]
    problems: dict[str, str] = {}
    for name, when in (("date_from", date_from), ("date_to", date_to)):
        problem = None if when is None else bounds_problem(when, today)
        if problem:
            problems[name] = problem
    if row.date_to is None and date_to is not None:
        problems["date_to"] = (
            "Đơn vị hiện tại chưa có ngày kết thúc: ngày này ghi khi chuyển đơn vị "
            "hoặc nghỉ công tác."
        )
    elif row.date_to is not None and date_to is None:
        problems["date_to"] = "Chưa nhập ngày kết thúc."
    if date_from is not None and date_to is not None and date_to < date_from:
        problems["date_to"] = "Ngày kết thúc không được trước ngày bắt đầu."
    before = rows[index - 1] if index > 0 else None
    if before is not None and before.date_from is not None:
        if date_from is None:
            problems["date_from"] = "Chưa nhập ngày bắt đầu (đơn vị trước có ngày)."
        elif date_from < before.date_from:
            problems["date_from"] = (
                f"Ngày bắt đầu không được trước {short_date(before.date_from)}, "
                f"ngày bắt đầu ở {before.unit_name}."
            )
    after = rows[index + 1] if index + 1 < len(rows) else None
    if after is not None and after.date_to and date_to and date_to > after.date_to:
        problems["date_to"] = (
            f"Ngày kết thúc không được sau {short_date(after.date_to)}, "
            f"ngày kết thúc ở {after.unit_name}."
        )
    return problems


def with_dates(
    rows: Sequence[HistoryRow], row_id: int, date_from: date | None, date_to: date | None
) -> list[HistoryRow]:
    """The rows after a correction: a move is one date, so the row before that ended on the old
    start date now ends on the new one, and the row after that began on the old end date now
    begins on the new one."""
    out = list(rows)
    index = next(i for i, r in enumerate(out) if r.id == row_id)
    row = out[index]
    if index > 0 and row.date_from is not None and out[index - 1].date_to == row.date_from:
        out[index - 1] = replace(out[index - 1], date_to=date_from)
    if index + 1 < len(out) and row.date_to is not None and out[index + 1].date_from == row.date_to:
        out[index + 1] = replace(out[index + 1], date_from=date_to)
    out[index] = replace(row, date_from=date_from, date_to=date_to)
    return out


def correct_dates(
    row_id: int, date_from: date | None, date_to: date | None, *, today: date | None = None
) -> None:
    """Correct a wrongly dated history row (and the neighbour sharing its move date), audited."""
    found = PersonUnitHistory.get_or_none(PersonUnitHistory.id == row_id)
    if found is None:
        raise NotFound("Không tìm thấy dòng này trong quá trình công tác; có thể đã bị xóa.")
    if Person.get_or_none(Person.id == found.person_id) is None:
        raise NotFound("Không tìm thấy người này; có thể đã bị xóa.")
    rows = history_rows(found.person_id)
    raise_first(validate_row_dates(rows, row_id, date_from, date_to, today or date.today()))
    changed = with_dates(rows, row_id, date_from, date_to)
    with records.transaction():
        for old, new in zip(rows, changed, strict=True):
            if (old.date_from, old.date_to) != (new.date_from, new.date_to):
                records.update(
                    PersonUnitHistory.get_by_id(new.id),
                    date_from=new.date_from,
                    date_to=new.date_to,
                )
