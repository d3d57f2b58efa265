"""Where a person was in a given year: unit, membership of a unit, position and rank group,
read from their dated history (PersonUnitHistory, Person.hired_on). One rule for every figure
and check about a year: statistics, the year-end summary, a collective's members,
registrations, a decision's list, the awards list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import peewee as pw

from db.enums import RankGroup
from db.models import Person, PersonUnitHistory

# --- which unit a person was in during a year ------------------------------------------------
# The rule, one place for every figure and check about a year (statistics, the year-end summary,
# a collective's members, registrations, a decision's list): a person belongs in year Y to
#   1. the unit of the history row that covers 31 December of Y (the unit the year ended in);
#      when several do (a move left undated), the one that started last, then the newest row;
#   2. else the unit of the last row that overlaps Y (the person left that unit, or the agency,
#      during Y and no later row covers the year's end);
#   3. else the current unit (no row touches Y: joined after it, or no history recorded).
# A missing date_from means "since before anything recorded", a missing date_to "still there".
# For the current year and later this is the current unit whenever the history is consistent.
# Before the year of their hiring (Person.hired_on, Ngày tuyển dụng, when recorded) a person is
# in no unit: the first history row of someone added in Danh mục has no start date, and would
# otherwise place a person hired in 2025 in their unit in 2024.

_Row = tuple[int, int, date | None, date | None, str]  # row id, unit, from, to, position
_History = tuple[int | None, list[_Row], date | None]  # current unit, rows, hired on
_NO_HISTORY: _History = (None, [], None)


def _row_of(rows: list[_Row], year: int) -> _Row | None:
    """The rule above, for one person: the history row that places them in ``year``, if any."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    best: tuple[int, date, date, int] | None = None
    chosen = None
    for row in rows:
        row_id, _unit, start, end, _position = row
        if (start is not None and start > last) or (end is not None and end < first):
            continue  # does not touch the year
        begun = start or date.min
        if end is None or end >= last:
            key = (1, begun, date.min, row_id)
        else:
            key = (0, end, begun, row_id)
        if best is None or key > best:
            best, chosen = key, row
    return chosen


def _unit_of(
    current: int | None, rows: list[_Row], year: int, hired: date | None = None
) -> int | None:
    if hired is not None and hired.year > year:
        return None  # not hired yet
    row = _row_of(rows, year)
    return current if row is None else row[1]


def _histories(person_ids: Iterable[int] | None) -> dict[int, _History]:
    """Each person's current unit, history rows and hiring date, in one query (every person
    when None)."""
    query = (
        Person.select(
            Person.id,
            Person.unit,
            Person.hired_on,
            PersonUnitHistory.id,
            PersonUnitHistory.unit,
            PersonUnitHistory.date_from,
            PersonUnitHistory.date_to,
            PersonUnitHistory.position,
        )
        .join(
            PersonUnitHistory,
            pw.JOIN.LEFT_OUTER,
            on=(PersonUnitHistory.person == Person.id),
        )
        .tuples()
    )
    wanted = None if person_ids is None else set(person_ids)
    if wanted is not None and len(wanted) <= 500:  # SQLite's limit on bound parameters
        query = query.where(Person.id.in_(sorted(wanted)))
    out: dict[int, _History] = {}
    # the cursor's raw tuples: Peewee's row wrapper took 12 ms for 3,000 people, this 4
    cursor = Person._meta.database.execute_sql(*query.sql())
    for pid, current, hired, row_id, unit_id, start, end, position in cursor:
        if wanted is not None and pid not in wanted:
            continue
        known = out.get(pid)
        if known is None:
            known = out[pid] = (current, [], _as_date(hired))
        if row_id is not None:
            known[1].append((row_id, unit_id, _as_date(start), _as_date(end), position or ""))
    return out


def _as_date(value: object) -> date | None:
    # .tuples() skips the field's conversion: SQLite hands back the ISO text
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def unit_in_year(person_id: int, year: int) -> int | None:
    """The id of the unit ``person_id`` was in during ``year`` (the rule above), or None."""
    current, rows, hired = _histories([person_id]).get(person_id, _NO_HISTORY)
    return _unit_of(current, rows, year, hired)


def units_in_year(year: int, person_ids: Iterable[int] | None = None) -> dict[int, int | None]:
    """``unit_in_year`` for many people at once (every person when ``person_ids`` is None),
    in one query: {person id: unit id or None}."""
    return {
        pid: _unit_of(current, rows, year, hired)
        for pid, (current, rows, hired) in _histories(person_ids).items()
    }


def units_in_years(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], int | None]:
    """``unit_in_year`` for (person id, year) pairs of several years, in one query."""
    wanted = set(pairs)
    histories = _histories({pid for pid, _year in wanted})
    undated: dict[int, int | None] = {}  # no dated row: the same unit every year once hired
    for pid, (current, rows, _hired) in histories.items():
        if not any(start or end for _id, _unit, start, end, _pos in rows):
            undated[pid] = _unit_of(current, rows, 1900)
    out: dict[tuple[int, int], int | None] = {}
    for pid, year in wanted:
        current, rows, hired = histories.get(pid, _NO_HISTORY)
        if hired is not None and hired.year > year:
            out[(pid, year)] = None  # not hired yet
        elif pid in undated:
            out[(pid, year)] = undated[pid]
        else:
            out[(pid, year)] = _unit_of(current, rows, year)
    return out


def units_by_year() -> tuple[
    dict[int, int | None], Callable[[int, int], int | None], dict[int, int]
]:
    """Every person's unit for any year (``unit_in_year``'s rule), from one query: a dict for
    those whose unit has no dated change (the same unit every year they worked, most people),
    for the others a function (person id, year) → unit id, and the year each of the first was
    hired in, when recorded (before it they are in no unit). For lists of tens of thousands of
    rows, which look up the steady ones once per person rather than once per (person, year)."""
    steady: dict[int, int | None] = {}
    hired_in: dict[int, int] = {}
    moved: dict[int, _History] = {}
    for pid, history in _histories(None).items():
        current, rows, hired = history
        if any(row[2] or row[3] for row in rows):  # (id, unit, from, to, position)
            moved[pid] = history
        else:
            steady[pid] = _unit_of(current, rows, 1900)
            if hired is not None:
                hired_in[pid] = hired.year

    def unit_in(person_id: int, year: int) -> int | None:
        current, rows, hired = moved.get(person_id, _NO_HISTORY)
        return _unit_of(current, rows, year, hired)

    return steady, unit_in, hired_in


def members_in_year(
    year: int, unit_ids: Iterable[int] | None = None, *, active_only: bool = True
) -> dict[int, list[int]]:
    """Per unit, the people who were in it during ``year`` (``units_in_year``), in id order;
    only the given units when ``unit_ids`` is given. Someone hired after the year (Ngày tuyển
    dụng) is not a member of it. A person who left the agency is a member
    in the years up to the one they left in (the end of their last history row); one marked as
    no longer working without that date is left out of every year, unless ``active_only`` is
    False."""
    units = None if unit_ids is None else set(unit_ids)
    if units is not None and not units:
        return {}
    left = _left_on() if active_only else {}
    first = date(year, 1, 1)
    out: dict[int, list[int]] = {}
    for pid, unit_id in sorted(units_in_year(year).items()):
        if unit_id is None or (units is not None and unit_id not in units):
            continue
        if pid in left and (left[pid] is None or left[pid] < first):  # type: ignore[operator]
            continue
        out.setdefault(unit_id, []).append(pid)
    return out


def _left_on() -> dict[int, date | None]:
    """People marked as no longer working: the day they left (the end of their last history
    row), or None when not recorded (a row still open, or no history)."""
    inactive = Person.select(Person.id).where(Person.active == False)  # noqa: E712
    out: dict[int, date | None] = {pid: None for (pid,) in inactive.tuples()}
    ends: dict[int, list[date | None]] = {}
    for pid, end in (
        PersonUnitHistory.select(PersonUnitHistory.person, PersonUnitHistory.date_to)
        .where(PersonUnitHistory.person.in_(inactive))
        .tuples()
    ):
        ends.setdefault(pid, []).append(_as_date(end))
    for pid, dates in ends.items():
        if all(d is not None for d in dates):
            out[pid] = max(d for d in dates if d is not None)
    return out


def positions_in_years(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The position (chức vụ) each person held during each year, for lists of a year that print
    it: the history row that places them in that year (the rule above) when it is closed, else
    today's position (the current row, or no row for that year)."""
    wanted = set(pairs)
    histories = _histories({pid for pid, _year in wanted})
    ids = sorted({pid for pid, _year in wanted})
    query = Person.select(Person.id, Person.position)
    if len(ids) <= 500:  # SQLite's limit on bound parameters
        query = query.where(Person.id.in_(ids))
    now = dict(query.tuples())
    out: dict[tuple[int, int], str] = {}
    for pid, year in wanted:
        row = _row_of(histories.get(pid, _NO_HISTORY)[1], year)
        out[(pid, year)] = row[4] if row is not None and row[3] is not None else now.get(pid, "")
    return out


def rank_groups_in_years(
    pairs: Iterable[tuple[int, int]],
) -> dict[tuple[int, int], RankGroup | None]:
    """The rank group (Nhóm đối tượng) each person was in during each year, for a year's
    statistics and lists (``positions_in_years``' rule): the history row that places them in
    that year (the rule above) when it is closed, else today's group; in one query."""
    wanted = set(pairs)
    ids = {pid for pid, _year in wanted}
    query = (
        Person.select(
            Person.id,
            Person.rank_group,
            PersonUnitHistory.id,
            PersonUnitHistory.date_from,
            PersonUnitHistory.date_to,
            PersonUnitHistory.rank_group,
        )
        .join(PersonUnitHistory, pw.JOIN.LEFT_OUTER, on=(PersonUnitHistory.person == Person.id))
        .tuples()
    )
    if len(ids) <= 500:  # SQLite's limit on bound parameters
        query = query.where(Person.id.in_(sorted(ids)))
    groups = {g.value: g for g in RankGroup}
    now: dict[int, RankGroup | None] = {}
    raw: dict[int, list[tuple[int, object, object, object]]] = {}  # row id, from, to, group
    changed: set[int] = set()  # people with a closed row: the others are in today's group
    cursor = Person._meta.database.execute_sql(*query.sql())
    for pid, rank, row_id, start, end, row_rank in cursor:
        if pid not in ids:
            continue
        now[pid] = groups.get(rank) if rank else None
        if row_id is not None:
            raw.setdefault(pid, []).append((row_id, start, end, row_rank))
            if end is not None:
                changed.add(pid)
    out = {pair: now.get(pair[0]) for pair in wanted}
    # per person who changed, _Row tuples with the group in place of the position (no unit)
    rows: dict[int, list[_Row]] = {
        pid: [(i, 0, _as_date(f), _as_date(t), str(g or "")) for i, f, t, g in raw[pid]]
        for pid in changed
    }
    for pair in wanted:
        if pair[0] in changed:
            row = _row_of(rows[pair[0]], pair[1])
            if row is not None and row[3] is not None:
                out[pair] = groups.get(row[4]) if row[4] else None
    return out
