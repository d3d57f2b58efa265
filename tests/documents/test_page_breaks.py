"""Page breaking as an office clerk does it, in the PDF: a heading never ends a page without
its text, the signature never starts a page without the end of the body, tables repeat their
header row. Each case is tried at many positions on the page (a spacer of growing height
before it), so that one of them lands where a naive layout breaks badly."""

from __future__ import annotations

import pytest

from app.documents import (
    AdminDocument,
    Header,
    Heading,
    PageBreak,
    Paragraph,
    SignatureBlock,
    Signer,
    Spacer,
    Table,
    render_pdf,
)
from tests.documents import pdftext as pt

SIGNER = Signer(title="GIÁM ĐỐC", name="Phạm Thị Anh Thư")
FILLER = (
    "Các phòng, đơn vị thuộc Sở tổ chức quán triệt, triển khai thực hiện phong trào thi đua "
    "gắn với nhiệm vụ chuyên môn, bảo đảm thiết thực, hiệu quả, tránh hình thức. "
)
LONG = (
    "Đoạn mở đầu của mục này trình bày kết quả thực hiện phong trào thi đua trong năm, "
    + FILLER * 6
    + "và đây là những dòng cuối cùng của đoạn văn."
)
OFFSETS_MM = range(0, 150, 3)  # where on the first page the case starts


def _doc(body: tuple[object, ...], **changes: object) -> AdminDocument:
    fields: dict[str, object] = {
        "header": Header("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "Số: 15/KH-SNgV", ""),
        "doc_type": "KẾ HOẠCH",
        "subject": ("Thi đua năm 2024",),
        "body": body,
        "recipients": ("Ban Thi đua, Khen thưởng tỉnh;", "Lưu: VT, VP."),
        "signer": SIGNER,
    }
    fields.update(changes)
    return AdminDocument(**fields)  # type: ignore[arg-type]


def _filler(offset_mm: float) -> tuple[object, ...]:
    """About two thirds of page 1, then ``offset_mm`` of space."""
    return (*[Paragraph(FILLER * 3)] * 3, Spacer(offset_mm))


def _pages(data: bytes) -> list[str]:
    """Each page's text on one line (whitespace collapsed)."""
    return [pt.words(" ".join(lines)) for lines in pt.page_lines(data)]


def _page_of(pages: list[str], text: str) -> int:
    """The first page (from 1) that prints ``text``."""
    return next(i for i, page in enumerate(pages, 1) if pt.words(text) in page)


def _rows(count: int, first: str = "Người") -> tuple[tuple[str, str, str], ...]:
    return tuple((str(i), f"{first} thứ {i}", "Văn phòng Sở") for i in range(1, count + 1))


def _table(rows: tuple[tuple[str, ...], ...]) -> Table:
    return Table(("STT", "Họ và tên", "Đơn vị"), rows, (0.12, 0.5, 0.38))


@pytest.mark.parametrize("offset", OFFSETS_MM)
def test_headings_stay_with_the_start_of_their_paragraph(offset: float) -> None:
    body = (
        *_filler(offset),
        Heading("II. NỘI DUNG THI ĐUA"),
        Heading("1. Tổ chức phát động phong trào", level=2),
        Paragraph(LONG),
    )
    pages = _pages(render_pdf(_doc(body)))
    first = _page_of(pages, "II. NỘI DUNG THI ĐUA")
    assert _page_of(pages, "1. Tổ chức phát động phong trào") == first
    assert _page_of(pages, "Đoạn mở đầu của mục này") == first


@pytest.mark.parametrize("offset", OFFSETS_MM)
def test_a_heading_stays_with_the_first_row_of_its_table(offset: float) -> None:
    tall = ("1", "Nguyễn Văn An\nTrưởng phòng\nVăn phòng Sở\nđợt 1", "Văn phòng Sở")
    body = (*_filler(offset), Heading("2. Danh sách cán bộ đầu mối", level=2))
    body += (_table((tall, *_rows(30)[1:])),)
    pages = _pages(render_pdf(_doc(body)))
    first = _page_of(pages, "2. Danh sách cán bộ đầu mối")
    assert _page_of(pages, "Nguyễn Văn An Trưởng phòng") == first


@pytest.mark.parametrize("offset", OFFSETS_MM)
def test_a_lead_in_line_stays_with_the_table_it_announces(offset: float) -> None:
    lead_in = "Các phòng, đơn vị đăng ký thi đua năm 2024 như sau:"
    body = (*_filler(offset), Paragraph(lead_in), _table(_rows(30)))
    pages = _pages(render_pdf(_doc(body)))
    assert _page_of(pages, lead_in) == _page_of(pages, "1 Người thứ 1 ")


def test_a_long_paragraph_after_a_heading_starts_under_it_not_on_the_next_page() -> None:
    # room for the heading and a few lines, not for the whole paragraph: it is broken, not moved
    body = (*_filler(40), Heading("III. TỔ CHỨC THỰC HIỆN"), Paragraph(LONG * 2))
    pages = _pages(render_pdf(_doc(body)))
    assert _page_of(pages, "III. TỔ CHỨC THỰC HIỆN") == 1
    assert _page_of(pages, "Đoạn mở đầu của mục này") == 1
    assert "những dòng cuối cùng" in pages[1]


@pytest.mark.parametrize("offset", OFFSETS_MM)
def test_the_signer_is_on_the_page_of_the_last_paragraph(offset: float) -> None:
    body = (*_filler(offset), Paragraph(LONG))
    pages = _pages(render_pdf(_doc(body)))
    assert _page_of(pages, SIGNER.name) == _page_of(pages, "những dòng cuối cùng của đoạn văn")


@pytest.mark.parametrize("offset", OFFSETS_MM)
def test_a_last_heading_goes_with_its_short_paragraph_and_the_signature(offset: float) -> None:
    # the campaign plan's "VI. TỔ CHỨC THỰC HIỆN" was left alone at the foot of page 1
    last = "Phòng Người Việt Nam ở nước ngoài chủ trì, theo dõi, đôn đốc và tổng hợp kết quả."
    body = (*_filler(offset), Heading("VI. TỔ CHỨC THỰC HIỆN"), Paragraph(last))
    pages = _pages(render_pdf(_doc(body)))
    signed = _page_of(pages, SIGNER.name)
    assert _page_of(pages, "VI. TỔ CHỨC THỰC HIỆN") == _page_of(pages, last) == signed


@pytest.mark.parametrize("count", range(20, 44))
def test_the_signer_is_on_the_page_of_the_last_rows_of_a_table(count: int) -> None:
    body = (Heading("DANH SÁCH ĐĂNG KÝ"), _table(_rows(count)))
    data = render_pdf(_doc(body, landscape=True))
    pages = _pages(data)
    signed = _page_of(pages, SIGNER.name)
    assert _page_of(pages, f"{count} Người thứ {count}") == signed
    assert f"{count - 1} Người thứ {count - 1}" in pages[signed - 1]
    if signed > 1:  # the rows carried over are under the table's header row
        assert "STT Họ và tên Đơn vị" in pages[signed - 1]


@pytest.mark.parametrize("count", (3, 20, 25, 30, 35))
def test_a_signature_block_in_the_body_keeps_the_end_of_a_table(count: int) -> None:
    block = SignatureBlock(SIGNER, place_date="Bình Phước, ngày 20 tháng 12 năm 2024")
    body = (_table(_rows(count)), block, PageBreak(), Paragraph("Danh sách kèm theo."))
    pages = _pages(render_pdf(_doc(body, recipients=(), signer=Signer(), landscape=True)))
    assert _page_of(pages, SIGNER.name) == _page_of(pages, f"{count} Người thứ {count}")


def test_page_breaking_is_still_deterministic() -> None:
    body = (*_filler(60), Heading("II. NỘI DUNG"), Paragraph(LONG), _table(_rows(40)))
    doc = _doc(body)
    assert render_pdf(doc) == render_pdf(doc)
