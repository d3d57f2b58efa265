"""Registration for emulation titles (đăng ký thi đua): each unit and each person, each year.

The awards' "did not register" warning reads these: a Registration is (year, person or unit,
award type), whatever campaign it was entered under.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import peewee as pw

from app import records, trash
from app.errors import NotFound, ValidationError, raise_first
from app.membership import members_in_year, positions_in_years, units_in_year
from app.people import open_in_year
from app.vntext import fold, has_control_chars
from db.enums import AwardFamily, RecipientKind, UnitKind
from db.models import AwardType, Campaign, Person, Registration, Unit


def registered_award_codes(
    year: int, *, person_id: int | None = None, unit_id: int | None = None
) -> set[str]:
    """The award type codes the person, or the unit, registered for in ``year``."""
    if (person_id is None) == (unit_id is None):
        raise ValueError("give exactly one of person_id and unit_id")
    who = (
        Registration.person == person_id if person_id is not None else Registration.unit == unit_id
    )
    query = (
        AwardType.select(AwardType.code)
        .join(Registration)
        .where((Registration.year == year) & who)
        .distinct()
    )
    return {code for (code,) in query.tuples()}


@dataclass(frozen=True, slots=True)
class TitleChoice:
    id: int
    code: str
    name: str
    for_individuals: bool
    for_units: bool


def title_choices() -> list[TitleChoice]:
    """The emulation titles one registers for (danh hiệu thi đua), in the catalog's order."""
    query = (
        AwardType.select()
        .where((AwardType.family == AwardFamily.TITLE) & (AwardType.active == True))  # noqa: E712
        .order_by(AwardType.position)
    )
    return [
        TitleChoice(
            t.id,
            t.code,
            t.name,
            t.recipient in (RecipientKind.INDIVIDUAL, RecipientKind.BOTH),
            t.recipient in (RecipientKind.COLLECTIVE, RecipientKind.BOTH),
        )
        for t in query
    ]


@dataclass(frozen=True, slots=True)
class RegistrationRow:
    id: int
    year: int
    campaign_id: int | None
    is_unit: bool
    name: str
    sort_name: str
    unit_id: int | None  # the unit itself, or the person's unit
    unit_name: str
    position: str
    award_code: str
    award_name: str
    registered_on: date | None
    note: str
    search_key: str


def registration_rows(
    year: int, *, campaign_id: int | None = None, unit_id: int | None = None
) -> list[RegistrationRow]:
    """The year's registrations (of one campaign, or of one unit and its people, when given)."""
    units = {u.id: u for u in Unit.select()}
    query = (
        Registration.select(Registration, AwardType, Person)
        .join(AwardType)
        .switch(Registration)
        .join(Person, join_type=pw.JOIN.LEFT_OUTER)
        .where(Registration.year == year)
    )
    if campaign_id is not None:
        query = query.where(Registration.campaign == campaign_id)
    found = list(query)
    # a person is listed under the unit they were in during the year, not the one of today
    homes = units_in_year(year, {r.person_id for r in found if r.person_id is not None})
    held = positions_in_years((r.person_id, year) for r in found if r.person_id is not None)
    rows = []
    for r in found:
        if r.unit_id is not None:
            unit = units.get(r.unit_id)
            name, sort_name, own_unit, position = unit.name, unit.name, r.unit_id, ""
        else:
            p = r.person
            name, sort_name, position = p.full_name, p.sort_name, held[(p.id, year)]
            own_unit = homes.get(p.id)
        if unit_id is not None and own_unit != unit_id:
            continue
        unit_name = units[own_unit].name if own_unit in units else ""
        rows.append(
            RegistrationRow(
                id=r.id,
                year=r.year,
                campaign_id=r.campaign_id,
                is_unit=r.unit_id is not None,
                name=name,
                sort_name=sort_name,
                unit_id=own_unit,
                unit_name=unit_name,
                position=position,
                award_code=r.award_type.code,
                award_name=r.award_type.name,
                registered_on=r.registered_on,
                note=r.note,
                search_key=fold(
                    f"{name} {unit_name} {r.award_type.name} {r.award_type.short_name}"
                ),
            )
        )
    unit_order = {u.id: (u.position, u.id) for u in units.values()}
    rows.sort(
        key=lambda r: (unit_order.get(r.unit_id, (1 << 30, 0)), not r.is_unit, r.sort_name, r.id)
    )
    return rows


@dataclass(frozen=True)
class RegistrationInput:
    year: int
    award_type_id: int
    person_id: int | None = None
    unit_id: int | None = None
    campaign_id: int | None = None
    registered_on: date | None = None
    note: str = ""


def validate_registration(
    data: RegistrationInput, registration_id: int | None = None
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if (data.person_id is None) == (data.unit_id is None):
        problems["who"] = "Chọn một cá nhân hoặc một tập thể đăng ký."
        return problems
    award = AwardType.get_or_none(AwardType.id == data.award_type_id)
    if award is None:
        problems["award_type_id"] = "Chưa chọn danh hiệu đăng ký."
        return problems
    if data.person_id is not None and award.recipient == RecipientKind.COLLECTIVE:
        problems["award_type_id"] = f"“{award.name}” là danh hiệu dành cho tập thể."
    if data.unit_id is not None and award.recipient == RecipientKind.INDIVIDUAL:
        problems["award_type_id"] = f"“{award.name}” là danh hiệu dành cho cá nhân."
    if data.registered_on is not None and data.registered_on.year not in (data.year - 1, data.year):
        problems["registered_on"] = (
            f"Ngày đăng ký phải thuộc năm {data.year} (hoặc cuối năm trước)."
        )
    if has_control_chars(data.note):
        problems["note"] = "Có ký tự điều khiển không hợp lệ; hãy gõ lại."
    who = (
        Registration.person == data.person_id
        if data.person_id is not None
        else Registration.unit == data.unit_id
    )
    twin = Registration.select().where(
        (Registration.year == data.year) & who & (Registration.award_type == award.id)
    )
    if registration_id is not None:
        twin = twin.where(Registration.id != registration_id)
    if twin.exists():
        problems["award_type_id"] = f"Đã đăng ký “{award.name}” năm {data.year}."
    return problems


def _fields(data: RegistrationInput, registration_id: int | None = None) -> dict[str, object]:
    raise_first(validate_registration(data, registration_id))
    return {
        "year": data.year,
        "award_type": data.award_type_id,
        "person": data.person_id,
        "unit": data.unit_id,
        "campaign": data.campaign_id,
        "registered_on": data.registered_on,
        "note": data.note,
    }


def _registration(registration_id: int) -> Registration:
    r = Registration.get_or_none(Registration.id == registration_id)
    if r is None:
        raise NotFound("Không tìm thấy bản đăng ký; có thể đã bị xóa.")
    return r


def create_registration(data: RegistrationInput) -> Registration:
    with records.transaction():
        return records.create(Registration, **_fields(data))


def update_registration(registration_id: int, data: RegistrationInput) -> Registration:
    with records.transaction():
        return records.update(_registration(registration_id), **_fields(data, registration_id))


def registration_input(registration_id: int) -> RegistrationInput:
    r = _registration(registration_id)
    return RegistrationInput(
        r.year, r.award_type_id, r.person_id, r.unit_id, r.campaign_id, r.registered_on, r.note
    )


def delete_registration(registration_id: int) -> int:
    r = _registration(registration_id)
    who = r.person.full_name if r.person_id else r.unit.name
    return trash.discard(r, f"Đăng ký thi đua {r.year}: {who} — {r.award_type.name}")


@dataclass(frozen=True)
class UnitSheet:
    """One unit's registration sheet: the unit's title and one title for each of its people."""

    year: int
    unit_id: int
    unit_award_id: int | None
    person_awards: dict[int, int | None]  # person id → award type id (None: not registering)
    registered_on: date
    campaign_id: int | None = None


def register_unit(sheet: UnitSheet) -> int:
    """Enter a unit's sheet; titles already registered are kept, not doubled. Returns how many."""
    if Unit.get_or_none(Unit.id == sheet.unit_id) is None:
        raise NotFound("Không tìm thấy đơn vị; có thể đã bị xóa.")
    if (
        sheet.campaign_id is not None
        and Campaign.get_or_none(Campaign.id == sheet.campaign_id) is None
    ):
        raise NotFound("Không tìm thấy phong trào; có thể đã bị xóa.")
    wanted: list[RegistrationInput] = []
    if sheet.unit_award_id is not None:
        wanted.append(
            RegistrationInput(
                sheet.year,
                sheet.unit_award_id,
                unit_id=sheet.unit_id,
                campaign_id=sheet.campaign_id,
                registered_on=sheet.registered_on,
            )
        )
    for person_id, award_id in sheet.person_awards.items():
        if award_id is not None:
            wanted.append(
                RegistrationInput(
                    sheet.year,
                    award_id,
                    person_id=person_id,
                    campaign_id=sheet.campaign_id,
                    registered_on=sheet.registered_on,
                )
            )
    if not wanted:
        raise ValidationError("Chưa chọn danh hiệu đăng ký nào.")
    created = 0
    with records.transaction():
        for data in wanted:
            problems = validate_registration(data)
            if problems.get("award_type_id", "").startswith("Đã đăng ký"):
                continue
            records.create(Registration, **_fields(data))
            created += 1
    return created


@dataclass(frozen=True, slots=True)
class SummaryLine:
    award_code: str
    award_name: str
    for_units: bool
    count: int
    names: tuple[str, ...]


def registration_summary(year: int, campaign_id: int | None = None) -> list[SummaryLine]:
    """Who registered for what: one line per title, with the count and the names."""
    by_code: dict[str, list[RegistrationRow]] = {}
    for row in registration_rows(year, campaign_id=campaign_id):
        by_code.setdefault(row.award_code, []).append(row)
    lines = []
    for t in AwardType.select().order_by(AwardType.position):
        regs = by_code.get(t.code)
        if regs:
            lines.append(
                SummaryLine(
                    t.code,
                    t.name,
                    t.recipient == RecipientKind.COLLECTIVE,
                    len(regs),
                    tuple(r.name for r in regs),
                )
            )
    return lines


@dataclass(frozen=True, slots=True)
class SheetPerson:
    id: int
    full_name: str
    position: str
    award_id: int | None  # the individual title already registered for the year, if any


def registering_units(year: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of the agency's own units, in the directory's order: those working during
    ``year`` (a unit closed later in, or after, it included: app.people.open_in_year), or
    today's active ones when no year is given."""
    working = Unit.active == True if year is None else open_in_year(year)  # noqa: E712
    query = (
        Unit.select(Unit.id, Unit.name)
        .where(working & (Unit.kind != UnitKind.EXTERNAL))
        .order_by(Unit.position, Unit.id)
    )
    return [(u.id, u.name) for u in query]


def unit_people(year: int, unit_id: int) -> tuple[int | None, list[SheetPerson]]:
    """The unit's registered title for the year and its active people with theirs: the
    people who are in the unit during that year (app.membership.members_in_year)."""
    regs = list(Registration.select().where(Registration.year == year))
    unit_award = next((r.award_type_id for r in regs if r.unit_id == unit_id), None)
    by_person: dict[int, int] = {}
    for r in regs:
        if r.person_id is not None:
            by_person.setdefault(r.person_id, r.award_type_id)
    staff = members_in_year(year, [unit_id]).get(unit_id, [])
    people = Person.select().where(Person.id.in_(staff)).order_by(Person.sort_name)
    held = positions_in_years((pid, year) for pid in staff)  # the position of that year
    return unit_award, [
        SheetPerson(p.id, p.full_name, held[(p.id, year)], by_person.get(p.id)) for p in people
    ]


@dataclass(frozen=True, slots=True)
class Coverage:
    units: int
    units_registered: int
    people: int
    people_registered: int

    def text(self) -> str:
        return (
            f"Đã đăng ký: {self.units_registered}/{self.units} đơn vị, "
            f"{self.people_registered}/{self.people} cá nhân"
        )


def coverage(year: int) -> Coverage:
    """How many of the agency's units and people of ``year`` (the units working then, the
    people in them then) registered for something in it."""
    units = [u for u, _name in registering_units(year)]
    staff = members_in_year(year, units)  # who was in those units during the year
    people = [pid for uid in units for pid in staff.get(uid, [])]
    regs = list(Registration.select().where(Registration.year == year))
    unit_ids = {r.unit_id for r in regs if r.unit_id is not None}
    person_ids = {r.person_id for r in regs if r.person_id is not None}
    return Coverage(
        len(units),
        len(unit_ids & set(units)),
        len(people),
        len(person_ids & set(people)),
    )
