"""XLSX and CSV exports never carry a formula a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.exports.tables import csv_bytes, export_table, is_formula_like, xlsx_bytes

DANGEROUS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def test_xlsx_keeps_dangerous_text_as_text_and_numbers_as_numbers() -> None:
    data = xlsx_bytes("Khen thưởng", ["Tên", "Năm"], [[d, 2024] for d in DANGEROUS])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no formula anywhere
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == ("Tên", "Năm")
    assert [r[0] for r in rows[1:]] == DANGEROUS  # the text itself is kept
    assert all(isinstance(r[1], int) for r in rows[1:])


def test_csv_prefixes_dangerous_cells() -> None:
    text = csv_bytes(["Tên", "Năm"], [[d, 2024] for d in DANGEROUS]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert all(r[0].startswith("'") for r in rows[1:])
    assert rows[1][1] == "2024"


@given(st.text(max_size=40))
def test_no_exported_cell_is_formula_like(value: str) -> None:
    text = csv_bytes(["x"], [[value]]).decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not is_formula_like(cell)


def test_export_by_extension_to_a_vietnamese_path(tmp_path: Path) -> None:
    folder = tmp_path / "Xuất dữ liệu"
    folder.mkdir()
    xlsx = export_table(
        folder / "danh sách cán bộ.xlsx", "Cán bộ", ["Họ và tên"], [["Đặng Thị Hương"]]
    )
    assert openpyxl.load_workbook(xlsx).active["A2"].value == "Đặng Thị Hương"
    out = export_table(folder / "danh sách.csv", "Cán bộ", ["Họ và tên"], [["Đặng Thị Hương"]])
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_refused_export_says_why(tmp_path: Path) -> None:
    from app.errors import AppError

    with pytest.raises(AppError):
        export_table(tmp_path / "không có" / "x.xlsx", "x", ["a"], [["b"]])
