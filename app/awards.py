"""Award proposals: rows for the awards list (built for tens of thousands of rows)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

import peewee as pw

from app import membership
from app.bulk import collector_paused
from app.vntext import fold
from db.enums import CommendationKind, ProposalStatus, RecipientKind
from db.models import AwardType, Person, Proposal, Unit


class ProposalRow(NamedTuple):
    """One proposal as the list shows it: immutable, like the app's frozen dataclasses, and
    read the same way (by field name). 40,000 named tuples are made in 8 ms where frozen
    dataclasses took 49 ms (each field set through ``object.__setattr__``)."""

    id: int
    year: int
    recipient_kind: RecipientKind
    recipient_name: str
    recipient_sort: str  # person sort value (given name first) or unit name
    unit_name: str
    award_name: str
    award_position: int
    kind: CommendationKind
    status: ProposalStatus
    search_key: str


def proposal_query(year: int | None) -> pw.ModelSelect:
    """The proposals of a year (or of all years) in the order entered, one value per thing a
    row is made from: the recipient (a person's id, or minus a unit's), the award type, the kind
    and status together ("cong_trang draft"), the proposal's own search key. ``proposal_rows``
    puts the newest year first: ordering by year in SQL made SQLite sort whole rows in a
    temporary B-tree (93 ms for 40,000 rows against 47 ms in rowid order; Python's sort then
    takes 3)."""
    query = Proposal.select(
        Proposal.id,
        Proposal.year,
        pw.fn.COALESCE(Proposal.person, 0 - Proposal.unit),  # one of the two is set (CHECK)
        Proposal.award_type,
        pw.NodeList((Proposal.kind, pw.SQL("|| ' ' ||"), Proposal.status)),
        Proposal.search_key,
    ).order_by(Proposal.id)
    return query if year is None else query.where(Proposal.year == year)


# Names folded for the search key, remembered: the list is loaded again at every change and year
# switch, and folding the 3,000 people's names each time took 6 ms. Bounded; a renamed person
# is a new name.
_fold_name = lru_cache(maxsize=8192)(fold)


def _raw(query: pw.ModelSelect) -> Any:
    """The query's cursor: its raw values, without Peewee's conversion of each."""
    return Proposal._meta.database.execute_sql(*query.sql())


class _Lookup(dict[Any, Any]):
    """Values by key, made by ``make`` the first time a key is asked for (no ``get`` call per
    row, and what a row takes from a person or an award is built once)."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


def proposal_rows(year: int | None) -> list[ProposalRow]:
    """Newest year first, as entered within a year; a person with the unit of the proposal's
    year. One query for the proposals; units, people and award types are read once, and what a
    row takes from them is built once per unit, person (or person and year, for one who moved
    with a date) and award type."""
    individual, collective = RecipientKind.INDIVIDUAL, RecipientKind.COLLECTIVE
    # Raw values for the lookups too: Peewee's tuples() took 8 ms for the 3,000 people, this 3.
    units = {uid: (name, _fold_name(name)) for uid, name in _raw(Unit.select(Unit.id, Unit.name))}
    no_unit = ("", "")
    steady, unit_in, hired_in = membership.units_by_year()
    names = {
        pid: (name, sort, _fold_name(name))
        for pid, name, sort in _raw(Person.select(Person.id, Person.full_name, Person.sort_name))
    }

    def person_in(person_id: int, unit_id: int | None) -> tuple[Any, ...]:
        name, sort, name_key = names.get(person_id, ("", "", ""))
        unit_name, unit_key = units.get(unit_id, no_unit)
        return (individual, name, sort, unit_name, f"{name_key} | {unit_key}")

    def recipient_of(rid: int) -> tuple[Any, ...] | None:
        if rid < 0:
            return (collective, "", "", "", " | ")  # a unit not found
        if rid in steady:
            return person_in(rid, steady[rid])
        return None  # moved with a date: looked up by (id, year) in ``moved``

    # (kind, name, sort value, unit name, the start of the search key) by recipient: a person
    # by id, a unit by minus its id, a person who moved with a date by (id, year)
    recipients = _Lookup(recipient_of)
    for uid, (name, key) in units.items():
        recipients[-uid] = (collective, name, name, name, f"{key} | {key}")
    moved = _Lookup(lambda pair: person_in(pair[0], unit_in(*pair)))
    # (name, position, its part of the search key) by award type
    awards = _Lookup(lambda _aid: ("", 0, " |  | "))
    for aid, name, pos in _raw(AwardType.select(AwardType.id, AwardType.name, AwardType.position)):
        awards[aid] = (name, pos, f" | {_fold_name(name)} | ")
    # The raw values: converting each through Peewee's field types took half the time on
    # 40,000 rows; the enums are mapped once here instead.
    states = {f"{k.value} {s.value}": (k, s) for k in CommendationKind for s in ProposalStatus}
    with collector_paused():  # no full collection in the middle (app/bulk.py)
        raw = _raw(proposal_query(year)).fetchall()
        # Sorted before the rows are made, so that they (and their search keys) lie in memory
        # in the order the list reads them: searching rows made out of order took 50% longer.
        raw.sort(key=itemgetter(1), reverse=True)  # by year; stable: as entered within a year
        make = tuple.__new__  # ProposalRow(...) goes through a Python-level __new__: 14 ms, not 8
        rows: list[ProposalRow] = []
        append = rows.append
        # Someone steady is in no unit in the years before they were hired: the rows are taken
        # year by year, newest first, and before each year those hired after it lose their unit
        # (rather than a comparison on every row).
        not_yet = sorted(((y, pid) for pid, y in hired_in.items()), reverse=True)
        hired_after = 0
        for block_year, block in _year_blocks(raw):
            while hired_after < len(not_yet) and not_yet[hired_after][0] > block_year:
                late = not_yet[hired_after][1]
                recipients[late] = person_in(late, None)
                hired_after += 1
            for pid, pyear, recipient_id, award_id, state, key in block:
                who = recipients[recipient_id] or moved[recipient_id, pyear]
                recipient, name, sort, unit_name, start = who
                award_name, award_pos, award_key = awards[award_id]
                kind, status = states[state]
                append(
                    make(
                        ProposalRow,
                        (
                            pid,
                            pyear,
                            recipient,
                            name,
                            sort,
                            unit_name,
                            award_name,
                            award_pos,
                            kind,
                            status,
                            f"{start}{award_key}{key}",  # one string made, where + made two
                        ),
                    )
                )
        # freed before the collector runs again: it then looks at the rows only (9 ms, not 24)
        del raw
    return rows


def _year_blocks(raw: list[Any]) -> Iterator[tuple[int, list[Any]]]:
    """(year, its rows) of raw rows sorted by year (their second value), newest first; found by
    bisection, not by a look at every row."""
    start, end = 0, len(raw)
    while start < end:
        year = raw[start][1]
        stop = bisect_right(raw, -year, start, end, key=_minus_year)
        yield year, raw[start:stop]
        start = stop


def _minus_year(row: Any) -> int:
    return -row[1]


def proposal_years() -> list[int]:
    return [y for (y,) in Proposal.select(Proposal.year).distinct().tuples()]
