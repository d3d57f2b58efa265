"""Award papers from their extracted text: the submission, the decision, the certificates."""

from __future__ import annotations

import io

import docx
import peewee as pw
import pytest

from app import decisions
from app.documents import render_docx, render_pdf
from app.errors import NotFound
from app.reports import award_report
from db.enums import ProposalStatus
from tests.award_data import AwardWorld, build_world, director_decision_input
from tests.documents.pdftext import body_text, missing_in_order, page_lines, reader

GRANTED = ("an_ldtt", "an_cstdcs", "binh_ldtt", "duc_gk", "vp_ttldtt", "lshc_gk")


@pytest.fixture
def world(sample_db: pw.SqliteDatabase, monkeypatch: pytest.MonkeyPatch) -> AwardWorld:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    return build_world()


@pytest.fixture
def decision_id(world: AwardWorld) -> int:
    ids = [world.proposals[k] for k in GRANTED]
    return int(decisions.create_decision(director_decision_input(), ids).id)


def test_submission_lists_what_was_proposed_grouped(world: AwardWorld) -> None:
    data = render_pdf(award_report.proposal_list_document(2024))
    text = body_text(data)
    assert not missing_in_order(
        text,
        [
            "SỞ NGOẠI VỤ",
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "/TTr-HĐTĐKT",
            "TỜ TRÌNH",
            "Về việc đề nghị xét tặng danh hiệu thi đua, hình thức khen thưởng năm 2024",
            "Kính gửi: Giám đốc Sở.",
            "Hội đồng Thi đua - Khen thưởng Sở kính trình xét tặng",
            "05 cá nhân và 02 tập thể",
            "(Có danh sách kèm theo)",
            "trình Chủ tịch UBND tỉnh khen thưởng các trường hợp vượt thẩm quyền./.",
            "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            "CHỦ TỊCH",
            "DANH SÁCH",
            "I. CÁ NHÂN",
            "1. Lao động tiên tiến (2)",
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Bằng khen của Chủ tịch UBND tỉnh (1)",
            "Phạm Thị Ngọc Hòa",
            "II. TẬP THỂ",
            "Phòng Hành chính - Tổng hợp",
        ],
    ), text
    assert "Nguyễn Văn An" in text and "Lê Minh Đức" in text
    # the draft proposal is not submitted
    assert text.count("Trần Thị Bình") == 1
    assert len(reader(data).pages) >= 2
    # the signature is on the first page, the list after it
    assert "CHỦ TỊCH" in " ".join(page_lines(data)[0])


def test_submission_of_one_unit_and_one_status(world: AwardWorld) -> None:
    text = body_text(
        render_pdf(
            award_report.proposal_list_document(
                2024, unit_id=world.units["lshc"], status=ProposalStatus.DRAFT
            )
        )
    )
    assert "Trần Thị Bình" in text and "Nguyễn Văn An" not in text
    assert "Chiến sĩ thi đua cơ sở (1)" in text
    with pytest.raises(NotFound):
        award_report.proposal_list_document(2023)


def test_decision_layout_and_attached_list(decision_id: int) -> None:
    data = render_pdf(award_report.decision_document(decision_id))
    text = body_text(data)
    assert not missing_in_order(
        text,
        [
            "UBND TỈNH BÌNH PHƯỚC",
            "SỞ NGOẠI VỤ",
            "Số: 12/QĐ-SNgV",
            "Bình Phước, ngày 20 tháng 12 năm 2024",
            "QUYẾT ĐỊNH",
            "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2024",
            "GIÁM ĐỐC SỞ NGOẠI VỤ",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 152/2025/NĐ-CP",
            "Theo đề nghị của Chủ tịch Hội đồng Thi đua - Khen thưởng Sở.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” cho 02 cá nhân",
            "Điều 2.",
            "Điều 3.",
            "Nơi nhận:",
            "GIÁM ĐỐC",
            "Phạm Thị Anh Thư",
            "DANH SÁCH",
            "(Kèm theo Quyết định số 12/QĐ-SNgV ngày 20 tháng 12 năm 2024 của Giám đốc Sở)",
            "I. CÁ NHÂN",
            "Nguyễn Văn An",
            "Số hóa hồ sơ lãnh sự",
            "II. TẬP THỂ",
            "Phòng Lãnh sự - Hợp tác quốc tế",
        ],
    ), text
    first = " ".join(page_lines(data)[0])
    assert "Phạm Thị Anh Thư" in first and "DANH SÁCH" not in first


def test_decision_in_word(decision_id: int) -> None:
    document = docx.Document(io.BytesIO(render_docx(award_report.decision_document(decision_id))))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for c in t._cells)
    assert "QUYẾT ĐỊNH:" in paragraphs and "Điều 1." in paragraphs
    assert "Kèm theo Quyết định số 12/QĐ-SNgV" in paragraphs
    assert "Nguyễn Văn An" in cells and "Phòng Lãnh sự - Hợp tác quốc tế" in cells
    assert "Phạm Thị Anh Thư" in cells


def test_certificates_one_landscape_page_per_recipient(decision_id: int) -> None:
    data = render_pdf(award_report.certificates_document(decision_id))
    pdf = reader(data)
    assert len(pdf.pages) == len(GRANTED)
    for page in pdf.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape A4
        assert round(float(page.mediabox.width)) == 842
    pages = [" ".join(lines) for lines in page_lines(data)]
    names = ["Ông Nguyễn Văn An", "Bà Trần Thị Bình", "Ông Lê Minh Đức"]
    for name in names:
        assert sum(name in p for p in pages) >= 1
    for page in pages:
        assert "Quyết định số 12/QĐ-SNgV" in page
        assert "ngày 20/12/2024" in page
        assert "Bình Phước, ngày 20 tháng 12 năm 2024" in page
        assert "Phạm Thị Anh Thư" in page and "GIÁM ĐỐC SỞ NGOẠI VỤ" in page
    gk = next(p for p in pages if "Ông Lê Minh Đức" in p)
    assert "GIẤY KHEN" in gk and "TẶNG" in gk and "Nhân viên, Phòng Hành chính - Tổng hợp" in gk
    assert "Đã có thành tích xuất sắc trong phục vụ Hội nghị hợp tác quốc tế" in gk
    assert "thành tích Có" not in gk
    title = next(p for p in pages if "Bà Trần Thị Bình" in p)
    assert "GIẤY CHỨNG NHẬN" in title and "“Lao động tiên tiến” năm 2024" in title
    # one recipient per page
    assert all(sum(n in p for n in names) <= 1 for p in pages)


def test_certificates_in_word_and_refused_for_an_empty_decision(decision_id: int) -> None:
    document = docx.Document(
        io.BytesIO(render_docx(award_report.certificates_document(decision_id)))
    )
    texts = [p.text for p in document.paragraphs]
    assert "Ông Nguyễn Văn An" in texts
    assert sum(t in ("GIẤY KHEN", "GIẤY CHỨNG NHẬN") for t in texts) == len(GRANTED)
    empty = decisions.create_decision(director_decision_input("13"))
    with pytest.raises(NotFound, match="chưa có cá nhân, tập thể"):
        award_report.certificates_document(empty.id)
    assert "Điều 1." in body_text(render_pdf(award_report.decision_document(empty.id)))


def test_one_certificate_printed_again(decision_id: int, world: AwardWorld) -> None:
    again = award_report.certificates_document(decision_id, [world.proposals["duc_gk"]])
    pages = page_lines(render_pdf(again))
    assert len(pages) == 1 and "Ông Lê Minh Đức" in pages[0]
    with pytest.raises(NotFound):
        award_report.certificates_document(decision_id, [world.proposals["hoa_bk"]])


def test_a_long_achievement_still_fits_one_page(world: AwardWorld) -> None:
    from app import records
    from db.models import Proposal

    long_text = "Hoàn thành xuất sắc nhiệm vụ được giao, " * 60 + "\nDòng thứ hai không in."
    records.update(Proposal.get_by_id(world.proposals["duc_gk"]), achievements=long_text)
    d = decisions.create_decision(director_decision_input(), [world.proposals["duc_gk"]])
    pages = page_lines(render_pdf(award_report.certificates_document(d.id)))
    assert len(pages) == 1
    text = " ".join(pages[0])
    assert "…" in text and "Dòng thứ hai" not in text and "Phạm Thị Anh Thư" in text


def test_a_province_decision_is_headed_by_the_province(world: AwardWorld) -> None:
    from dataclasses import replace

    data = replace(
        director_decision_input("45"),
        symbol="QĐ-UBND",
        authority="Chủ tịch UBND tỉnh",
        signer_authority="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Trần Tuệ Hiền",
        legal_basis="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\nXét đề nghị của Giám đốc Sở Nội vụ",
    )
    d = decisions.create_decision(data, [world.proposals["hoa_bk"]])
    text = body_text(render_pdf(award_report.decision_document(d.id)))
    assert not missing_in_order(
        text,
        [
            "UBND TỈNH BÌNH PHƯỚC",
            "Số: 45/QĐ-UBND",
            "CHỦ TỊCH UBND TỈNH BÌNH PHƯỚC",
            "Xét đề nghị của Giám đốc Sở Nội vụ.",
            "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 cá nhân",
            "Thủ trưởng các cơ quan, đơn vị liên quan",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Trần Tuệ Hiền",
            "Phạm Thị Ngọc Hòa",
        ],
    ), text
    assert "SỞ NGOẠI VỤ" not in text.split("QUYẾT ĐỊNH")[0]
    assert "Hội đồng Thi đua - Khen thưởng Sở" not in text
    pages = page_lines(render_pdf(award_report.certificates_document(d.id)))
    assert "BẰNG KHEN" in pages[0] and "Bà Phạm Thị Ngọc Hòa" in pages[0]


def test_the_agencys_submission_upward_lists_only_that_level(world: AwardWorld) -> None:
    from db.enums import AwardLevel

    text = body_text(
        render_pdf(award_report.proposal_list_document(2024, level=AwardLevel.PROVINCE))
    )
    assert not missing_in_order(
        text,
        [
            "UBND TỈNH BÌNH PHƯỚC",
            "SỞ NGOẠI VỤ",
            "/TTr-SNgV",
            "TỜ TRÌNH",
            "Kính gửi: Chủ tịch UBND tỉnh.",
            "Sở Ngoại vụ kính trình xét tặng",
            "01 cá nhân",
            "Kính trình Chủ tịch UBND tỉnh xem xét, quyết định./.",
            "GIÁM ĐỐC",
            "Phạm Thị Anh Thư",
            "(Kèm theo Tờ trình số",
            "của Sở Ngoại vụ)",
            "Bằng khen của Chủ tịch UBND tỉnh (1)",
            "Phạm Thị Ngọc Hòa",
        ],
    ), text
    assert "Nguyễn Văn An" not in text and "HỘI ĐỒNG THI ĐUA" not in text
    with pytest.raises(NotFound):
        award_report.proposal_list_document(2024, level=AwardLevel.STATE)
