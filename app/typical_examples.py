"""Typical examples (điển hình tiên tiến, mô hình mới, nhân tố mới) found during campaigns."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from app import records, trash
from app.errors import NotFound, raise_first
from app.membership import units_in_years
from app.vntext import clean, fold, has_control_chars
from db.enums import ExampleKind
from db.models import Campaign, Person, TypicalExample, Unit


@dataclass(frozen=True, slots=True)
class ExampleRow:
    id: int
    year: int
    kind: ExampleKind
    name: str  # the person, the unit or the model
    sort_name: str
    unit_name: str
    campaign_id: int | None
    campaign_name: str
    deeds: str
    spread: str
    search_key: str


def example_rows(year: int | None = None, campaign_id: int | None = None) -> list[ExampleRow]:
    """The examples of one campaign, or of a year, or of all years (newest year first)."""
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}
    campaigns = {c.id: c.name for c in Campaign.select(Campaign.id, Campaign.name)}
    query = TypicalExample.select(TypicalExample, Person).join(Person, join_type=pw.JOIN.LEFT_OUTER)
    if campaign_id is not None:
        query = query.where(TypicalExample.campaign == campaign_id)
    if year is not None:
        query = query.where(TypicalExample.year == year)
    found = list(query.order_by(TypicalExample.year.desc(), TypicalExample.id))
    # a person is shown with the unit they were in during the example's year
    homes = units_in_years((e.person_id, e.year) for e in found if e.person_id is not None)
    rows = []
    for e in found:
        if e.person_id is not None:
            name, sort_name = e.person.full_name, e.person.sort_name
            unit_name = units.get(homes[(e.person_id, e.year)], "")
        elif e.unit_id is not None:
            name = sort_name = unit_name = units.get(e.unit_id, "")
        else:
            name = sort_name = e.name
            unit_name = ""
        campaign_name = campaigns.get(e.campaign_id, "") if e.campaign_id else ""
        rows.append(
            ExampleRow(
                id=e.id,
                year=e.year,
                kind=e.kind,
                name=name,
                sort_name=sort_name,
                unit_name=unit_name,
                campaign_id=e.campaign_id,
                campaign_name=campaign_name,
                deeds=e.deeds,
                spread=e.spread,
                search_key=fold(f"{name} {unit_name} {campaign_name} {e.deeds} {e.spread}"),
            )
        )
    return rows


@dataclass(frozen=True)
class ExampleInput:
    year: int
    kind: ExampleKind = ExampleKind.TYPICAL
    campaign_id: int | None = None
    person_id: int | None = None
    unit_id: int | None = None
    name: str = ""
    deeds: str = ""
    spread: str = ""


def validate_example(data: ExampleInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    chosen = [x for x in (data.person_id, data.unit_id) if x is not None]
    if len(chosen) > 1:
        problems["who"] = (
            "Chọn một cá nhân, hoặc một tập thể, hoặc ghi tên mô hình; không chọn cả hai."
        )
    elif not chosen and not clean(data.name):
        problems["who"] = "Chọn cá nhân, tập thể, hoặc ghi tên mô hình."
    if not clean(data.deeds):
        problems["deeds"] = "Chưa nhập thành tích, việc làm tiêu biểu."
    if not 1900 <= data.year <= 2100:
        problems["year"] = "Năm không hợp lệ."
    for name in ("name", "deeds", "spread"):
        if has_control_chars(getattr(data, name)):
            problems[name] = "Có ký tự điều khiển không hợp lệ; hãy gõ lại."
    return problems


def _fields(data: ExampleInput) -> dict[str, object]:
    raise_first(validate_example(data))
    return {
        "year": data.year,
        "kind": data.kind,
        "campaign": data.campaign_id,
        "person": data.person_id,
        "unit": data.unit_id,
        "name": data.name if data.person_id is None and data.unit_id is None else "",
        "deeds": data.deeds,
        "spread": data.spread,
    }


def _example(example_id: int) -> TypicalExample:
    e = TypicalExample.get_or_none(TypicalExample.id == example_id)
    if e is None:
        raise NotFound("Không tìm thấy điển hình; có thể đã bị xóa.")
    return e


def create_example(data: ExampleInput) -> TypicalExample:
    with records.transaction():
        return records.create(TypicalExample, **_fields(data))


def update_example(example_id: int, data: ExampleInput) -> TypicalExample:
    with records.transaction():
        return records.update(_example(example_id), **_fields(data))


def example_input(example_id: int) -> ExampleInput:
    e = _example(example_id)
    return ExampleInput(
        e.year, e.kind, e.campaign_id, e.person_id, e.unit_id, e.name, e.deeds, e.spread
    )


def delete_example(example_id: int) -> int:
    e = _example(example_id)
    row = next(r for r in example_rows() if r.id == e.id)
    return trash.discard(e, f"{e.kind.label}: {row.name}")
