"""Files as the units send them, for the import tests: the app's template filled in, a Word table."""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from openpyxl import load_workbook

from app import people
from app.vntext import split_name


def filled_template(template: bytes, rows: Sequence[Sequence[object]]) -> bytes:
    """A template of the app's, filled in as a unit would (the example row left in place)."""
    book = load_workbook(io.BytesIO(template))
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def word_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str] | str],
    title: str = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024",
) -> bytes:
    """A Word file with a table; a row given as one string is a heading merged across the row."""
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        cells = table.add_row().cells
        if isinstance(values, str):
            cells[0].merge(cells[-1]).text = values
            continue
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def namesake_staff() -> dict[str, int]:
    """Two units and five people; two of them share a name in different units. Ids by unit
    name and by "person name/unit name"."""
    office = people.create_unit(people.UnitInput("Văn phòng", short_name="VP"))
    consular = people.create_unit(people.UnitInput("Phòng Lãnh sự"))
    ids = {"Văn phòng": office.id, "Phòng Lãnh sự": consular.id}
    for name, unit in (
        ("Nguyễn Văn An", office),
        ("Trần Thị Bích Ngọc", office),
        ("Lê Minh Tuấn", office),
        ("Lê Minh Tuấn", consular),
        ("Đặng Thu Hà", consular),
    ):
        person = people.create_person(people.PersonInput(*split_name(name), unit_id=unit.id))
        ids[f"{name}/{unit.name}"] = person.id
    return ids


def small_staff() -> dict[str, int]:
    """Two units and three people with different names; ids by name ("Văn phòng" too)."""
    office = people.create_unit(people.UnitInput("Văn phòng"))
    consular = people.create_unit(people.UnitInput("Phòng Lãnh sự"))
    ids = {"Văn phòng": office.id}
    for name, unit in (
        ("Nguyễn Văn An", office),
        ("Trần Thị Bích Ngọc", office),
        ("Đặng Thu Hà", consular),
    ):
        ids[name] = people.create_person(people.PersonInput(*split_name(name), unit_id=unit.id)).id
    return ids
