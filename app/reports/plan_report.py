"""The annual plan as an administrative document (Decree 30/2020), ready for PDF or Word."""

from __future__ import annotations

from datetime import date

from app.agency import AgencyDetails, details_on
from app.documents import (
    AdminDocument,
    Bullet,
    Header,
    Heading,
    LabelledLine,
    Paragraph,
    Signer,
)
from app.errors import NotFound
from app.plan import PlanDoc, PlanItemRow, field_value, load_plan
from app.vntext import admin_date
from db.enums import ItemKind

LONG_TITLE = 120  # longer item titles read as paragraphs, not headings

NO_AGENCY = AgencyDetails("", "", "", "", "")
BLANK = "\u00a0" * 8  # room to write the number or the day by hand; plain spaces would collapse


def number_symbol(number: str, symbol: str) -> str:
    """ "Số: 15/KH-SNgV", or with the number left blank for the signer's office to fill in."""
    return f"Số: {number}/{symbol}" if number else f"Số:{BLANK}/{symbol}"


def place_date(place: str, when: date | None, year: int) -> str:
    """The dated line; a draft without a date leaves day and month blank, as drafts do."""
    if when is not None:
        return admin_date(when, place)
    text = f"ngày{BLANK}tháng{BLANK}năm {year}"
    return f"{place}, {text}" if place else text


def _item_blocks(row: PlanItemRow, has_children: bool) -> list[object]:
    blocks: list[object] = []
    title = " ".join(row.title.split())
    heading = f"{row.label} {title}".strip()
    if row.kind is ItemKind.SECTION:
        blocks.append(Heading(heading, level=1))
    elif title and len(title) <= LONG_TITLE and (has_children or row.body or row.content):
        blocks.append(Heading(heading, level=min(row.depth + 1, 3)))
    elif title:
        blocks.append(Paragraph(heading))
    for name in row.field_order:
        value = field_value(row, name)
        if value:
            blocks.append(LabelledLine(name.label, value))
    for line in row.body.splitlines():
        line = line.strip()
        if line.startswith("- "):
            blocks.append(Bullet(line[2:]))
        elif line:
            blocks.append(Paragraph(line))
    return blocks


def plan_document(doc: PlanDoc, agency: AgencyDetails | None) -> AdminDocument:
    agency = agency or NO_AGENCY
    parents = {r.parent_id for r in doc.items}
    body: list[object] = []
    for row in doc.items:
        body.extend(_item_blocks(row, row.id in parents))
    symbol = doc.symbol or (f"KH-{agency.abbreviation}" if agency.abbreviation else "KH")
    return AdminDocument(
        header=Header(
            parent_body=agency.parent_body,
            issuing_body=agency.agency_name,
            number_symbol=number_symbol(doc.number, symbol),
            place_date=place_date(agency.place_name, doc.issued_on, doc.year),
        ),
        doc_type=doc.doc_type,
        subject=tuple(line for line in doc.title.splitlines() if line.strip()),
        body=tuple(body),  # type: ignore[arg-type]
        recipients=doc.recipients,
        signer=Signer(doc.signer_authority, doc.signer_title, doc.signer_name),
        title=f"{doc.doc_type} {' '.join(doc.title.split())}",
        author=agency.agency_name,
    )


def plan_document_for_year(year: int) -> AdminDocument:
    doc = load_plan(year)
    if doc is None:
        raise NotFound(f"Chưa có kế hoạch năm {year}.")
    return plan_document(doc, details_on(doc.issued_on or date(year, 12, 31)))
