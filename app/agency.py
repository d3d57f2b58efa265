"""The agency's details: its name as it was at each date, the place name, the director."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import records
from app.errors import raise_first
from app.vntext import clean
from db import settings
from db.models import AgencyName


@dataclass(frozen=True)
class AgencyDetails:
    parent_body: str  # "UBND TỈNH BÌNH PHƯỚC"
    agency_name: str  # "SỞ NGOẠI VỤ"
    abbreviation: str  # "SNgV", used in document symbols
    place_name: str  # "Bình Phước", used in dates
    director_name: str


FIELD_LABELS = {
    "parent_body": "Cơ quan chủ quản",
    "agency_name": "Tên cơ quan",
    "abbreviation": "Chữ viết tắt",
    "place_name": "Địa danh",
    "director_name": "Họ và tên Giám đốc",
}


def validate(details: AgencyDetails) -> dict[str, str]:
    """Field → message for every field that is not acceptable (empty dict when all are)."""
    problems: dict[str, str] = {}
    for name, label in FIELD_LABELS.items():
        if not clean(getattr(details, name)):
            problems[name] = f"Chưa nhập {label.lower()}."
    abbreviation = clean(details.abbreviation)
    if abbreviation and (" " in abbreviation or "/" in abbreviation):
        problems["abbreviation"] = "Chữ viết tắt không được chứa dấu cách hoặc dấu “/”."
    return problems


def is_configured() -> bool:
    return bool(settings.get("agency.configured"))


def save_details(details: AgencyDetails, valid_from: date) -> None:
    """Record the agency's name from ``valid_from`` on (replacing a record of the same date)."""
    raise_first(validate(details))
    with records.transaction():
        fields = {
            "parent_body": clean(details.parent_body).upper(),
            "agency_name": clean(details.agency_name).upper(),
            "abbreviation": clean(details.abbreviation),
            "place_name": clean(details.place_name),
        }
        existing = AgencyName.get_or_none(AgencyName.valid_from == valid_from)
        if existing is None:
            records.create(AgencyName, valid_from=valid_from, **fields)
        else:
            records.update(existing, **fields)
        settings.put("agency.director_name", clean(details.director_name))
        settings.put("agency.configured", True)
        records.mark_changed("setting")


def details_on(when: date | None = None) -> AgencyDetails | None:
    """The agency as it was named on ``when`` (today's name when no date is given).

    A date before the first recorded name gets that first name: it is the earliest we know.
    """
    query = AgencyName.select().order_by(AgencyName.valid_from.desc())
    row = query.where(AgencyName.valid_from <= when).first() if when is not None else query.first()
    if row is None:
        row = AgencyName.select().order_by(AgencyName.valid_from).first()
    if row is None:
        return None
    return AgencyDetails(
        parent_body=row.parent_body,
        agency_name=row.agency_name,
        abbreviation=row.abbreviation,
        place_name=row.place_name,
        director_name=str(settings.get("agency.director_name")),
    )
