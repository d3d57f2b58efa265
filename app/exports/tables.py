"""Write a table to XLSX or CSV. Text that a spreadsheet would run as a formula (= + - @, or a
leading tab or carriage return) is neutralised: stored as text in XLSX, prefixed with ' in CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from app.vntext import nfc

# openpyxl and app.documents (whose package loads the renderers) are imported where they are
# used: lists and pages that only need ``Cell`` or ``is_formula_like`` must not pay for them
# when the app starts.

Cell = str | int | float | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Cell) -> Cell:
    """A value safe for a CSV cell (OWASP: a leading quote stops evaluation)."""
    if isinstance(value, str):
        value = nfc(value)
        return "'" + value if is_formula_like(value) else value
    return value


def xlsx_bytes(title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = (title or "Danh sách")[:31]
    sheet.append([nfc(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append([nfc(v) if isinstance(v, str) else v for v in values])
        for cell in sheet[sheet.max_row]:
            if is_formula_like(cell.value) or cell.data_type == "f":
                cell.data_type = "s"  # text, never a formula
                cell.quotePrefix = True
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(60, len(header) + 6))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")  # Excel reads UTF-8 with a BOM


def export_table(
    path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> Path:
    """XLSX or CSV by the file's extension, written atomically."""
    from app.documents.files import write_atomically

    data = (
        csv_bytes(headers, rows)
        if path.suffix.lower() == ".csv"
        else xlsx_bytes(title, headers, rows)
    )
    write_atomically(path, data)
    return path
