"""The Word renderer: page setup, font, header table, text in order, tables, page numbers."""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.documents import AdminDocument, Header, Paragraph, Signer, Table, render_docx
from app.documents.layout import MOTTO, NATIONAL_TITLE
from tests.documents import pdftext as pt
from tests.documents.sample import printed_lines, sample_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def plan_docx() -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TDKT_DOC_FONT", "bundled")
        return render_docx(sample_plan())


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _texts(document: Document) -> list[str]:
    """Every paragraph's text in document order, table cells included (row by row)."""
    return [
        "".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.element.body.iter(f"{W}p")
    ]


def _near(length: int, mm: float) -> bool:
    return abs(length - Mm(mm)) < Mm(1)


def test_a4_portrait_with_the_decree_margins(plan_docx: bytes) -> None:
    section = _open(plan_docx).sections[0]
    assert _near(section.page_width, 210) and _near(section.page_height, 297)
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert _near(section.top_margin, 20) and _near(section.bottom_margin, 20)
    assert _near(section.left_margin, 30) and _near(section.right_margin, 15)


def test_landscape_section() -> None:
    doc = AdminDocument(Header("", "", "", ""), "BÁO CÁO", (), (), landscape=True)
    section = _open(render_docx(doc)).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert _near(section.page_width, 297) and _near(section.page_height, 210)


def test_times_new_roman_14_for_every_script(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    fonts = [
        document.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr"),
        normal.element.rPr,
    ]
    for rpr in fonts:
        rfonts = rpr.find(f"{W}rFonts")
        for key in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert rfonts.get(qn(f"w:{key}")) == "Times New Roman"
        assert rfonts.get(qn("w:asciiTheme")) is None


def test_header_is_a_borderless_two_column_table(plan_docx: bytes) -> None:
    header = _open(plan_docx).tables[0]
    assert len(header.columns) == 2 and len(header.rows) == 1
    left, right = header.cell(0, 0).text, header.cell(0, 1).text
    assert left.startswith("UBND TỈNH BÌNH PHƯỚC")
    assert "SỞ NGOẠI VỤ" in left and "Số: …/KH-HĐTĐKT" in left
    assert right.startswith(NATIONAL_TITLE)
    assert MOTTO in right and "Bình Phước, ngày 07 tháng 4 năm 2024" in right
    borders = header._tbl.tblPr.find(f"{W}tblBorders")
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    # the two rules: bottom borders on short paragraphs in each column
    for cell in header.row_cells(0):
        ruled = [p for p in cell.paragraphs if p._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None]
        assert len(ruled) == 1


def test_place_date_italic_and_title_bold_centred(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    place = next(p for p in document.tables[0].cell(0, 1).paragraphs if "Bình Phước" in p.text)
    assert all(run.italic for run in place.runs)
    title = {p.text: p for p in document.paragraphs if p.text}
    for line in ("KẾ HOẠCH", "Tổ chức phong trào thi đua năm 2024"):
        assert title[line].alignment == 1  # centre
        assert all(run.bold for run in title[line].runs)


def test_every_line_in_order(plan_docx: bytes) -> None:
    text = pt.words(" ".join(_texts(_open(plan_docx))))
    assert pt.missing_in_order(text, printed_lines(sample_plan())) == []


def test_body_paragraphs_justified_with_first_line_indent(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    body = next(p for p in document.paragraphs if p.text.startswith("Phát huy tinh thần"))
    assert body.alignment == 3  # justify
    assert abs(body.paragraph_format.first_line_indent - Mm(12.7)) < Mm(0.1)
    assert body.paragraph_format.space_after == Pt(6)
    bullet = next(p for p in document.paragraphs if p.text.startswith("- Phong trào"))
    fmt = bullet.paragraph_format
    assert fmt.first_line_indent < 0 < fmt.left_indent  # hanging after the dash
    assert abs(fmt.left_indent + fmt.first_line_indent - Mm(12.7)) < Mm(0.1)


def test_data_table_repeats_its_header_row(plan_docx: bytes) -> None:
    document = _open(plan_docx)
    data = document.tables[1]
    assert len(data.rows) == 31
    assert [c.text for c in data.rows[0].cells] == ["STT", "Họ và tên", "Đơn vị công tác"]
    assert [c.text for c in data.rows[30].cells] == ["30", "Nguyễn Văn An", "Văn phòng Sở (đợt 3)"]
    head = data.rows[0]._tr.trPr
    assert head.find(f"{W}tblHeader").get(qn("w:val")) == "true"
    row = data.rows[1]._tr.trPr  # a data row: never broken across pages, not repeated
    assert row.find(f"{W}cantSplit").get(qn("w:val")) == "true"
    assert row.find(f"{W}tblHeader") is None
    assert {b.get(qn("w:val")) for b in data._tbl.tblPr.find(f"{W}tblBorders")} == {"single"}


def test_closing_has_recipients_left_and_signature_right(plan_docx: bytes) -> None:
    closing = _open(plan_docx).tables[-1]
    left, right = closing.cell(0, 0), closing.cell(0, 1)
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- Ban Thi đua, Khen thưởng tỉnh;",
        "- Giám đốc, các Phó Giám đốc Sở;",
        "- Các phòng, đơn vị thuộc Sở;",
        "- Lưu: VT, VP.",
    ]
    assert [p.text for p in right.paragraphs] == ["GIÁM ĐỐC", "Phạm Thị Anh Thư"]
    name = right.paragraphs[-1]
    assert name.paragraph_format.space_before > Mm(20)


def test_page_number_field_from_page_two(plan_docx: bytes) -> None:
    section = _open(plan_docx).sections[0]
    assert section.different_first_page_header_footer
    field = section.header._element.find(f".//{W}fldSimple")
    assert field is not None and field.get(qn("w:instr")).strip() == "PAGE"
    assert section.first_page_header._element.find(f".//{W}fldSimple") is None


def test_same_document_same_bytes(plan_docx: bytes) -> None:
    assert render_docx(sample_plan()) == plan_docx
    core = _open(plan_docx).core_properties
    assert core.title == "Kế hoạch thi đua năm 2024" and core.author == "Sở Ngoại vụ"


def test_every_cell_holds_a_paragraph_even_when_empty() -> None:
    doc = AdminDocument(
        Header("", "", "", ""), "", (), (Table(("A", "B"), (("", ""),)),), signer=Signer()
    )
    document = _open(render_docx(doc))
    cells = list(document.element.body.iter(f"{W}tc"))
    assert len(cells) == 2 + 4  # the header's two, the table's four; no closing table
    for tc in cells:
        assert tc.find(f"{W}p") is not None


def test_markup_and_decomposed_text_print_as_typed() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    doc = AdminDocument(
        Header("UBND <TỈNH>", "SỞ & BAN", "", ""),
        "GIẤY MỜI",
        ("Về <b>việc</b> & thử",),
        (Paragraph(f"Bà {nfd}\nphát biểu."), Table(("Tên",), ((f"{nfd}\x0b",),))),
        signer=Signer(title="GIÁM ĐỐC", name=nfd),
    )
    text = " ".join(_texts(_open(render_docx(doc))))
    assert unicodedata.is_normalized("NFC", text)
    assert "UBND <TỈNH>" in text and "SỞ & BAN" in text and "Về <b>việc</b> & thử" in text
    assert text.count("Nguyễn Thị Hường") == 3


def test_the_word_file_opens_in_libreoffice(plan_docx: bytes, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed: the DOCX is checked with python-docx only")
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(plan_docx)
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
    data = (tmp_path / "ke-hoach.pdf").read_bytes()
    pages = pt.page_lines(data)
    assert len(pages) >= 2
    assert pages[0][0] != "1" and pages[1][0] == "2"
    assert pt.missing_in_order(pt.body_text(data), printed_lines(sample_plan())) == []
    a4 = pt.reader(data).pages[0].mediabox
    assert abs(float(a4.width) - 595.28) < 1 and abs(float(a4.height) - 841.89) < 1
