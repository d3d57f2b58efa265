"""Tables in the PDF: long tables page by page with the header on top, odd shapes, big cells."""

from __future__ import annotations

import pytest

from app.documents import AdminDocument, Block, Header, Paragraph, Table, render_pdf
from tests.documents import pdftext as pt
from tests.documents.sample import sample_rows, sample_table

HEAD = "STT Họ và tên Đơn vị công tác"


def _doc(*body: Block) -> AdminDocument:
    header = Header("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "Số: 12/DS-SNgV", "")
    return AdminDocument(header, "DANH SÁCH", ("Cán bộ đầu mối",), body)


@pytest.fixture(scope="module")
def long_table_pdf() -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TDKT_DOC_FONT", "bundled")
        return render_pdf(_doc(Paragraph("Danh sách như sau:"), sample_table(2000)))


def test_a_2000_row_table_prints_every_row_in_order(long_table_pdf: bytes) -> None:
    text = pt.body_text(long_table_pdf)
    rows = [" ".join(row) for row in sample_rows(2000)]
    assert pt.missing_in_order(text, rows) == []
    assert len(pt.reader(long_table_pdf).pages) > 30


def test_the_header_row_starts_every_page_and_appears_nowhere_else(long_table_pdf: bytes) -> None:
    pages = pt.page_lines(long_table_pdf)
    for number, lines in enumerate(pages[1:], start=2):
        assert lines[0] == str(number)
        assert pt.words(" ".join(lines[1:4])).startswith(HEAD), number
    text = pt.body_text(long_table_pdf)
    assert text.count(HEAD) == len(pages)


def test_rows_are_not_cut_between_pages(long_table_pdf: bytes) -> None:
    for lines in pt.page_lines(long_table_pdf)[1:]:
        body = pt.words(" ".join(lines[1:]))
        assert body.startswith(HEAD)
        first_row = body[len(HEAD) :].split()[0]
        assert first_row.isdigit()


def test_no_repeated_header_when_asked() -> None:
    table = Table(("STT", "Họ và tên", "Đơn vị công tác"), sample_rows(120), header_repeat=False)
    text = pt.body_text(render_pdf(_doc(table)))
    assert text.count(HEAD) == 1
    assert pt.missing_in_order(text, [" ".join(r) for r in sample_rows(120)]) == []


def test_a_table_without_header_row_and_short_rows() -> None:
    table = Table((), (("1", "Một"), ("2",), ("3", "Ba")), widths=(1, 3))
    text = pt.body_text(render_pdf(_doc(table)))
    assert pt.missing_in_order(text, ["1 Một", "2", "3 Ba"]) == []


def test_long_cells_wrap_inside_their_column() -> None:
    long = "Phòng Hợp tác quốc tế và Quản lý biên giới, Sở Ngoại vụ tỉnh Bình Phước " * 3
    table = Table(("STT", "Đơn vị"), (("1", long.strip()), ("2", "Ngắn")), widths=(0.15, 0.85))
    data = render_pdf(_doc(table))
    assert pt.missing_in_order(pt.body_text(data), [f"1 {long.strip()}", "2 Ngắn"]) == []
    assert all(r.x >= 30 * pt.MM - 1 for r in pt.runs(data))


def test_a_cell_taller_than_a_page_is_broken_inside_the_row() -> None:
    paragraph = "Nội dung rất dài của một ô trong bảng, kéo dài qua nhiều trang. "
    huge = "\n".join(paragraph * 2 for _ in range(70))
    table = Table(("STT", "Nội dung"), (("1", huge), ("2", "Dòng sau")), widths=(0.1, 0.9))
    data = render_pdf(_doc(table))
    text = pt.body_text(data)
    assert len(pt.reader(data).pages) >= 3
    assert text.count("kéo dài qua nhiều trang") == 140
    assert text.endswith("2 Dòng sau")
