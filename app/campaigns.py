"""Emulation campaigns: rows for the campaigns list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from db.enums import Cadence, CampaignKind, CampaignStatus, Launcher
from db.models import Campaign, Unit


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: int
    year: int
    name: str
    launcher: Launcher
    kind: CampaignKind | None
    cadence: Cadence | None
    lead: str
    date_from: date | None
    date_to: date | None
    status: CampaignStatus
    search_key: str


def campaign_rows(year: int | None) -> list[CampaignRow]:
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}
    query = Campaign.select().order_by(Campaign.year, Campaign.id)
    if year is not None:
        query = query.where(Campaign.year == year)
    return [
        CampaignRow(
            id=c.id,
            year=c.year,
            name=c.name,
            launcher=c.launcher,
            kind=c.kind,
            cadence=c.cadence,
            lead=units.get(c.lead_unit_id, "") if c.lead_unit_id else c.lead_text,
            date_from=c.date_from,
            date_to=c.date_to,
            status=c.status,
            search_key=c.search_key,
        )
        for c in query
    ]


def campaign_years() -> list[int]:
    return [y for (y,) in Campaign.select(Campaign.year).distinct().tuples()]
