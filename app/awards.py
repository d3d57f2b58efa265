"""Award proposals: rows for the awards list (built for tens of thousands of rows)."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from app.people import units_in_years
from app.vntext import fold
from db.enums import CommendationKind, ProposalStatus, RecipientKind
from db.models import AwardType, Person, Proposal, Unit


@dataclass(frozen=True, slots=True)
class ProposalRow:
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
    """The proposals of a year (or of all years), newest year first, as the list reads them."""
    query = Proposal.select(
        Proposal.id,
        Proposal.year,
        Proposal.person,
        Proposal.unit,
        Proposal.award_type,
        Proposal.kind,
        Proposal.status,
        Proposal.search_key,
    ).order_by(Proposal.year.desc(), Proposal.id)
    return query if year is None else query.where(Proposal.year == year)


def proposal_rows(year: int | None) -> list[ProposalRow]:
    """One query; units, people and award types are read once, not per row."""
    # Names are folded once per person, unit and award, not once per proposal.
    units = {uid: (name, fold(name)) for uid, name in Unit.select(Unit.id, Unit.name).tuples()}
    awards = {
        aid: (name, pos, fold(name))
        for aid, name, pos in AwardType.select(
            AwardType.id, AwardType.name, AwardType.position
        ).tuples()
    }
    people = {
        pid: (name, sort, fold(name))
        for pid, name, sort in Person.select(Person.id, Person.full_name, Person.sort_name).tuples()
    }
    no_unit = ("", "")
    query = proposal_query(year)
    kinds = {k.value: k for k in CommendationKind}
    statuses = {s.value: s for s in ProposalStatus}
    # The raw values: converting each through Peewee's field types took half the time on
    # 40,000 rows; the enums are mapped once here instead.
    sql, params = query.sql()
    raw = Proposal._meta.database.execute_sql(sql, params).fetchall()
    # a person's row shows the unit they were in during the proposal's year
    homes = units_in_years({(r[2], r[1]) for r in raw if r[2] is not None})
    rows: list[ProposalRow] = []
    for pid, pyear, person_id, unit_id, award_id, kind, status, key in raw:
        award_name, award_pos, award_key = awards.get(award_id, ("", 0, ""))
        if person_id is not None:
            name, sort, name_key = people.get(person_id, ("", "", ""))
            unit_name, unit_key = units.get(homes[(person_id, pyear)], no_unit)
            recipient = RecipientKind.INDIVIDUAL
        else:
            name, name_key = units.get(unit_id, no_unit)
            sort, unit_name, unit_key, recipient = name, name, name_key, RecipientKind.COLLECTIVE
        rows.append(
            ProposalRow(
                id=pid,
                year=pyear,
                recipient_kind=recipient,
                recipient_name=name,
                recipient_sort=sort,
                unit_name=unit_name,
                award_name=award_name,
                award_position=award_pos,
                kind=kinds[kind],
                status=statuses[status],
                search_key=f"{name_key} | {unit_key} | {award_key} | {key}",
            )
        )
    return rows


def proposal_years() -> list[int]:
    return [y for (y,) in Proposal.select(Proposal.year).distinct().tuples()]
