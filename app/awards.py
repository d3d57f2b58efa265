"""Award proposals: rows for the awards list (built for tens of thousands of rows)."""

from __future__ import annotations

from dataclasses import dataclass

from app.vntext import fold_many
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


def proposal_rows(year: int | None) -> list[ProposalRow]:
    """One query; units, people and award types are read once, not per row."""
    units = {uid: name for uid, name in Unit.select(Unit.id, Unit.name).tuples()}
    awards = {
        aid: (name, pos)
        for aid, name, pos in AwardType.select(
            AwardType.id, AwardType.name, AwardType.position
        ).tuples()
    }
    people = {
        pid: (name, sort, unit_id)
        for pid, name, sort, unit_id in Person.select(
            Person.id, Person.full_name, Person.sort_name, Person.unit
        ).tuples()
    }
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
    if year is not None:
        query = query.where(Proposal.year == year)
    kinds = {k.value: k for k in CommendationKind}
    statuses = {s.value: s for s in ProposalStatus}
    rows: list[ProposalRow] = []
    for pid, pyear, person_id, unit_id, award_id, kind, status, key in query.tuples():
        award_name, award_pos = awards.get(award_id, ("", 0))
        if person_id is not None:
            name, sort, home_unit = people.get(person_id, ("", "", None))
            unit_name = units.get(home_unit, "") if home_unit else ""
            recipient = RecipientKind.INDIVIDUAL
        else:
            name = units.get(unit_id, "")
            sort, unit_name, recipient = name, name, RecipientKind.COLLECTIVE
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
                search_key=fold_many(name, unit_name, award_name, key),
            )
        )
    return rows


def proposal_years() -> list[int]:
    return [y for (y,) in Proposal.select(Proposal.year).distinct().tuples()]
