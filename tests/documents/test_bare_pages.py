"""Bare pages (certificates): large centred type, a signature inside the body, no header or
page numbers; and a signature before an attached list."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.section import WD_ORIENT

from app.documents import (
    AdminDocument,
    Display,
    Header,
    PageBreak,
    Paragraph,
    SignatureBlock,
    Signer,
    render_docx,
    render_pdf,
)
from app.documents.layout import NATIONAL_TITLE
from tests.documents.pdftext import page_lines, reader, runs

SIGNER = Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Ngọc Hòa")


def certificates(names: list[str]) -> AdminDocument:
    body: list[object] = []
    for i, name in enumerate(names):
        if i:
            body.append(PageBreak())
        body += [
            Display("GIẤY KHEN", 40, bold=True),
            Display(name, 24, bold=True, italic=True, space_before_mm=4),
            SignatureBlock(SIGNER, "Bình Phước, ngày 20 tháng 12 năm 2024", note="Số 12/QĐ-SNgV"),
        ]
    return AdminDocument(
        Header("", "SỞ NGOẠI VỤ", "", ""), "", (), tuple(body), landscape=True, bare=True
    )  # type: ignore[arg-type]


def test_one_landscape_page_each_without_header_or_page_number() -> None:
    data = render_pdf(certificates(["Ông Nguyễn Văn An", "Bà Trần Thị Bình"]))
    pdf = reader(data)
    assert len(pdf.pages) == 2
    for page in pdf.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
    pages = page_lines(data)
    assert pages[0][0] == "GIẤY KHEN" and pages[1][0] == "GIẤY KHEN"
    assert "Bà Trần Thị Bình" in pages[1] and "Bà Trần Thị Bình" not in pages[0]
    text = " ".join(pages[1])
    assert NATIONAL_TITLE not in text and "2" not in pages[1][:1]
    assert "Nguyễn Thị Ngọc Hòa" in text and "Số 12/QĐ-SNgV" in text


def test_display_type_is_large_and_centred() -> None:
    data = render_pdf(certificates(["Ông Nguyễn Văn An"]))
    [title] = [r for r in runs(data) if r.text == "GIẤY KHEN"]
    [name] = [r for r in runs(data) if r.text == "Ông Nguyễn Văn An"]
    width = float(reader(data).pages[0].mediabox.width)
    assert title.y > name.y
    # centred over the text width (left margin 30 mm, right 15 mm): both start well right
    assert width * 0.3 < title.x < width * 0.5


def test_docx_landscape_without_page_number_field() -> None:
    data = render_docx(certificates(["Ông Nguyễn Văn An", "Bà Trần Thị Bình"]))
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert "PAGE" not in section.header._element.xml
    texts = [p.text for p in document.paragraphs]
    assert texts.count("GIẤY KHEN") == 2
    cells = [c.text for t in document.tables for c in t._cells]
    assert any("Nguyễn Thị Ngọc Hòa" in c for c in cells)


def test_a_signature_before_an_attached_list() -> None:
    doc = AdminDocument(
        Header("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "Số: 12/QĐ-SNgV", "Bình Phước"),
        "QUYẾT ĐỊNH",
        ("Về việc khen thưởng",),
        (
            Paragraph("Điều 3. Thi hành./."),
            SignatureBlock(Signer("", "GIÁM ĐỐC", "Phạm Thị Anh Thư"), recipients=("Như Điều 3;",)),
            PageBreak(),
            Paragraph("DANH SÁCH", bold=True, align="center"),
        ),
    )
    pages = page_lines(render_pdf(doc))
    assert len(pages) == 2
    first = " ".join(pages[0])
    assert "Nơi nhận:" in first and "Phạm Thị Anh Thư" in first
    assert "DANH SÁCH" in pages[1]


def test_display_size_is_checked() -> None:
    with pytest.raises(ValueError):
        Display("x", 200)
