"""The PDF renderer: page, margins, header, order of the text, fonts, page numbers, bytes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from app.documents import (
    AdminDocument,
    Header,
    Heading,
    Paragraph,
    Signer,
    Table,
    render_pdf,
)
from app.documents.layout import MOTTO, NATIONAL_TITLE
from tests.documents import pdftext as pt
from tests.documents.sample import printed_lines, sample_plan

A4_WIDTH, A4_HEIGHT = 595.28, 841.89
MM = pt.MM


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    # module scope: the autouse bundled-font fixture is function-scoped, so force it here too
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TDKT_DOC_FONT", "bundled")
        return render_pdf(sample_plan())


def _minimal(**changes: object) -> AdminDocument:
    fields: dict[str, object] = {
        "header": Header("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "Số: 01/GM-SNgV", ""),
        "doc_type": "GIẤY MỜI",
        "subject": ("Dự phiên họp Hội đồng",),
        "body": (Paragraph("Nội dung."),),
    }
    fields.update(changes)
    return AdminDocument(**fields)  # type: ignore[arg-type]


def test_a4_portrait_and_two_pages_or_more(plan_pdf: bytes) -> None:
    pages = pt.reader(plan_pdf).pages
    assert len(pages) >= 2
    for page in pages:
        assert abs(float(page.mediabox.width) - A4_WIDTH) < 1
        assert abs(float(page.mediabox.height) - A4_HEIGHT) < 1


def test_every_line_is_printed_in_order(plan_pdf: bytes) -> None:
    text = pt.body_text(plan_pdf)
    lines = printed_lines(sample_plan())
    assert pt.missing_in_order(text, lines) == []
    assert NATIONAL_TITLE in text and MOTTO in text
    assert text.index(MOTTO) < text.index("KẾ HOẠCH Tổ chức phong trào thi đua năm 2024")
    assert "Bình Phước, ngày 07 tháng 4 năm 2024" in text


def test_the_order_check_notices_a_missing_line(plan_pdf: bytes) -> None:
    lines = [*printed_lines(sample_plan()), "Dòng không có trong văn bản"]
    assert pt.missing_in_order(pt.body_text(plan_pdf), lines) == ["Dòng không có trong văn bản"]


def test_header_columns_and_place_date_on_the_right(plan_pdf: bytes) -> None:
    first_page = [r for r in pt.runs(plan_pdf) if r.page == 1]
    where = {r.text: r for r in first_page}
    parent, national = where["UBND TỈNH BÌNH PHƯỚC"], where[NATIONAL_TITLE]
    place_date = where["Bình Phước, ngày 07 tháng 4 năm 2024"]
    assert abs(parent.y - national.y) < 2  # side by side on the first line
    assert parent.x < 60 * MM < national.x  # left column, right column
    assert place_date.x > 90 * MM
    assert where["KẾ HOẠCH"].y < place_date.y


def test_text_stays_inside_the_margins(plan_pdf: bytes, tmp_path: Path) -> None:
    page_numbers = {str(n) for n in range(2, 10)}
    for run in pt.runs(plan_pdf):
        assert run.x >= 30 * MM - 1, run
        assert run.x <= (210 - 15) * MM + 1, run
        if run.text not in page_numbers:
            assert 20 * MM - 1 <= run.y <= (297 - 20) * MM + 1, run
    pdf = tmp_path / "ke-hoach.pdf"
    pdf.write_bytes(plan_pdf)
    boxes = pt.word_boxes(pdf)
    if boxes is None:
        pytest.skip("poppler-utils is not installed: right margin checked by start x only")
    for box in boxes:
        assert box.x_min >= 30 * MM - 1 and box.x_max <= (210 - 15) * MM + 1, box
        if box.text not in page_numbers:
            assert box.y_min >= 20 * MM - 1 and box.y_max <= (297 - 20) * MM + 1, box


def test_page_number_at_the_top_from_page_two_only(plan_pdf: bytes) -> None:
    lines = pt.page_lines(plan_pdf)
    assert lines[0][0] != "1"
    for number, page in enumerate(lines[1:], start=2):
        assert page[0] == str(number)
    runs = pt.runs(plan_pdf)
    top_margin = [r for r in runs if r.y > (297 - 20) * MM]
    assert [(r.page, r.text) for r in top_margin] == [(n, str(n)) for n in range(2, len(lines) + 1)]
    for run in top_margin:  # centred over the text area, in the top margin
        assert abs(run.x - (30 + 165 / 2) * MM) < 5
        assert (297 - 20) * MM < run.y < 297 * MM - 8 * MM


def test_fonts_are_embedded_and_none_is_a_base_14_font(plan_pdf: bytes) -> None:
    fonts = pt.fonts(plan_pdf)
    assert fonts
    for name, embedded in fonts:
        assert embedded, name
        bare = name.lstrip("/").split("+")[-1]
        assert not bare.startswith(pt.BASE_14_PREFIXES), name
    assert {name.split("+")[-1] for name, _ in fonts} >= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_same_document_same_bytes(plan_pdf: bytes) -> None:
    assert render_pdf(sample_plan()) == plan_pdf


def test_metadata_comes_from_the_document(plan_pdf: bytes) -> None:
    meta = pt.reader(plan_pdf).metadata
    assert meta is not None
    assert meta.title == "Kế hoạch thi đua năm 2024"
    assert meta.author == "Sở Ngoại vụ"
    assert meta.creator == "TĐKT Desk"


def test_markup_characters_are_printed_as_typed() -> None:
    tricky = "A & B <b>không đậm</b> < C > D"
    doc = _minimal(
        header=Header("UBND <TỈNH>", "SỞ & BAN", "Số: 01/GM-SNgV", "ngày 15 tháng 01 năm 2025"),
        subject=("Về việc <i>thử</i> & kiểm tra",),
        body=(
            Heading("I. <HEADING> & co"),
            Paragraph(tricky),
            Table(("Cột <1>", "Cột & 2"), (("<br/>", "x < y & z"),)),
        ),
        recipients=("Ban <Thi đua>;",),
        signer=Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn <Ba>"),
    )
    text = pt.body_text(render_pdf(doc))
    expected = [
        "UBND <TỈNH>",
        "SỞ & BAN",
        "Về việc <i>thử</i> & kiểm tra",
        "I. <HEADING> & co",
        tricky,
        "Cột <1> Cột & 2",
        "<br/> x < y & z",
        "- Ban <Thi đua>;",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lê Văn <Ba>",
    ]
    assert pt.missing_in_order(text, expected) == []


def test_decomposed_input_prints_precomposed() -> None:
    name = "Nguyễn Thị Hường"
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name
    doc = _minimal(
        header=Header(unicodedata.normalize("NFD", "UBND TỈNH BÌNH PHƯỚC"), "SỞ NGOẠI VỤ", "", ""),
        body=(Paragraph(f"Bà {nfd} phát biểu."), Table(("Họ và tên",), ((nfd,),))),
        signer=Signer(title="GIÁM ĐỐC", name=nfd),
    )
    text = pt.body_text(render_pdf(doc))
    assert unicodedata.is_normalized("NFC", text)
    assert pt.missing_in_order(text, ["UBND TỈNH BÌNH PHƯỚC", f"Bà {name} phát biểu."]) == []
    assert text.count(name) == 3


def test_without_recipients_or_signer() -> None:
    text = pt.body_text(render_pdf(_minimal()))
    assert "Nơi nhận" not in text
    assert text.endswith("Nội dung.")


def test_recipients_without_signer_and_signer_without_recipients() -> None:
    only_recipients = pt.body_text(render_pdf(_minimal(recipients=("Như trên;", "Lưu: VT."))))
    assert only_recipients.endswith("Nơi nhận: - Như trên; - Lưu: VT.")
    only_signer = pt.body_text(render_pdf(_minimal(signer=Signer(title="GIÁM ĐỐC"))))
    assert only_signer.endswith("Nội dung. GIÁM ĐỐC")


def test_empty_header_fields_and_no_body() -> None:
    doc = AdminDocument(Header("", "", "", ""), "", (), ())
    text = pt.body_text(render_pdf(doc))
    assert text == f"{NATIONAL_TITLE} {MOTTO}"


def test_cong_van_puts_its_subject_under_the_number() -> None:
    doc = _minimal(doc_type="", subject=("V/v đề nghị khen thưởng",), body=(Paragraph("Kính gửi"),))
    text = pt.body_text(render_pdf(doc))
    assert (
        pt.missing_in_order(
            text, ["SỞ NGOẠI VỤ", "Số: 01/GM-SNgV", "V/v đề nghị khen thưởng", NATIONAL_TITLE]
        )
        == []
    )


def test_minutes_with_two_signatures_and_recipients_below() -> None:
    doc = _minimal(
        doc_type="BIÊN BẢN",
        left_signer=Signer(title="THƯ KÝ", name="Trần Thị Bình"),
        signer=Signer(title="CHỦ TỌA", name="Phạm Thị Anh Thư"),
        recipients=("Lưu: VT.",),
    )
    data = render_pdf(doc)
    text = pt.body_text(data)
    assert (
        pt.missing_in_order(
            text,
            ["THƯ KÝ", "Trần Thị Bình", "CHỦ TỌA", "Phạm Thị Anh Thư", "Nơi nhận:", "- Lưu: VT."],
        )
        == []
    )
    where = {r.text: r for r in pt.runs(data)}
    assert where["THƯ KÝ"].x < 100 * MM < where["CHỦ TỌA"].x
    assert abs(where["THƯ KÝ"].y - where["CHỦ TỌA"].y) < 1


def test_landscape_page() -> None:
    data = render_pdf(_minimal(landscape=True))
    page = pt.reader(data).pages[0]
    assert abs(float(page.mediabox.width) - A4_HEIGHT) < 1
    assert abs(float(page.mediabox.height) - A4_WIDTH) < 1
    assert all(r.x >= 30 * MM - 1 for r in pt.runs(data))


def test_a_long_list_of_recipients_breaks_across_pages() -> None:
    recipients = tuple(f"Phòng số {i:02d};" for i in range(1, 81))
    doc = _minimal(recipients=recipients, signer=Signer(title="GIÁM ĐỐC", name="Phạm Thị Anh Thư"))
    data = render_pdf(doc)
    assert len(pt.reader(data).pages) >= 2
    text = pt.body_text(data)
    assert pt.missing_in_order(text, [f"- {r}" for r in recipients]) == []
    assert "Phạm Thị Anh Thư" in text
