"""Page breaking in the Word file: the paragraph and row properties that make Word (and
LibreOffice) keep headings with their text and the signature with the end of the body."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from app.documents import (
    AdminDocument,
    Header,
    Heading,
    Paragraph,
    Signer,
    Table,
    render_docx,
)
from tests.documents import pdftext as pt

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SIGNER = Signer(title="GIÁM ĐỐC", name="Phạm Thị Anh Thư")
ROWS = tuple((str(i), f"Người thứ {i}", "Văn phòng Sở") for i in range(1, 41))


def _doc(body: tuple[object, ...], **changes: object) -> AdminDocument:
    fields: dict[str, object] = {
        "header": Header("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "Số: 15/BTH-SNgV", ""),
        "doc_type": "BẢNG TỔNG HỢP",
        "subject": ("Đăng ký thi đua năm 2024",),
        "body": body,
        "recipients": ("Ban Thi đua, Khen thưởng tỉnh;", "Lưu: VT, VP."),
        "signer": SIGNER,
    }
    fields.update(changes)
    return AdminDocument(**fields)  # type: ignore[arg-type]


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _table_ending() -> Document:
    body = (
        Paragraph("Các phòng, đơn vị đăng ký thi đua năm 2024 như sau:"),
        Heading("I. DANH SÁCH ĐĂNG KÝ"),
        Table(("STT", "Họ và tên", "Đơn vị"), ROWS, (0.12, 0.5, 0.38)),
    )
    return _open(render_docx(_doc(body)))


def _keeps_with_next(row: object) -> list[bool]:
    return [bool(p.paragraph_format.keep_with_next) for c in row.cells for p in c.paragraphs]  # type: ignore[attr-defined]


def test_headings_keep_with_next_and_their_lines_together() -> None:
    document = _table_ending()
    heading = next(p for p in document.paragraphs if p.text == "I. DANH SÁCH ĐĂNG KÝ")
    assert heading.paragraph_format.keep_with_next is True
    assert heading.paragraph_format.keep_together is True


def test_a_line_ending_with_a_colon_keeps_with_what_it_announces() -> None:
    document = _table_ending()
    lead_in = next(p for p in document.paragraphs if p.text.endswith("như sau:"))
    assert lead_in.paragraph_format.keep_with_next is True


def test_a_long_paragraph_ending_with_a_colon_is_not_kept_with_the_next() -> None:
    long = "Căn cứ kết quả bình xét của các phòng, đơn vị thuộc Sở, " * 8 + "cụ thể như sau:"
    document = _open(render_docx(_doc((Paragraph(long), Table(("STT",), (("1",),))))))
    paragraph = next(p for p in document.paragraphs if p.text == long)
    assert not paragraph.paragraph_format.keep_with_next


def test_widow_and_orphan_control_is_on_for_every_paragraph() -> None:
    styles = _open(render_docx(_doc((Paragraph("Nội dung."),)))).styles.element
    defaults = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
    control = defaults.find(f"{W}widowControl")
    assert control is not None and control.get(qn("w:val")) in (None, "1", "true")


def test_table_rows_never_split_and_the_header_row_repeats() -> None:
    table = _table_ending().tables[1]
    head = table.rows[0]._tr.trPr
    assert head.find(f"{W}tblHeader").get(qn("w:val")) == "true"
    for row in table.rows[1:]:
        assert row._tr.trPr.find(f"{W}cantSplit").get(qn("w:val")) == "true"
        assert row._tr.trPr.find(f"{W}tblHeader") is None


def test_the_last_rows_of_a_table_ending_the_body_go_with_the_signature() -> None:
    document = _table_ending()
    rows = document.tables[1].rows
    assert all(_keeps_with_next(rows[-1])) and all(_keeps_with_next(rows[-2]))
    assert not any(_keeps_with_next(rows[-3]))  # the rest of the table flows freely
    closing = document.tables[-1]
    assert closing.rows[0]._tr.trPr.find(f"{W}cantSplit") is not None
    assert "Phạm Thị Anh Thư" in closing.rows[0].cells[1].text


def test_the_signatures_row_of_minutes_stays_with_its_recipients() -> None:
    secretary = Signer(title="THƯ KÝ", name="Lê Thị Hoa")
    doc = _doc((Paragraph("Phiên họp kết thúc lúc 11 giờ."),), left_signer=secretary)
    closing = _open(render_docx(doc)).tables[-1]
    assert len(closing.rows) == 2
    assert all(_keeps_with_next(closing.rows[0]))
    assert all(r._tr.trPr.find(f"{W}cantSplit") is not None for r in closing.rows)


def test_libreoffice_puts_the_signer_with_the_last_rows(tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed: the properties are checked above")
    # 24 to 30 rows leave no room for the signature under the table on its last page: without
    # the kept rows LibreOffice printed it alone on page 2
    body = (Heading("I. DANH SÁCH ĐĂNG KÝ"), Table(("STT", "Họ và tên", "Đơn vị"), ROWS[:27]))
    source = tmp_path / "bang-tong-hop.docx"
    source.write_bytes(render_docx(_doc(body)))
    subprocess.run(
        [
            office,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages = [
        pt.words(" ".join(lines))
        for lines in pt.page_lines(source.with_suffix(".pdf").read_bytes())
    ]
    signed = next(i for i, page in enumerate(pages) if "Phạm Thị Anh Thư" in page)
    assert "Người thứ 27" in pages[signed] and "Người thứ 26" in pages[signed]
