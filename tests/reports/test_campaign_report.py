"""A campaign's papers through the documents engine: launch plan, registration summary, report."""

from __future__ import annotations

import io
import os
import re
from datetime import date
from pathlib import Path

import docx
import peewee as pw
import pytest
from pypdf import PdfReader

import main
from app import campaign_reports as cr
from app import campaigns, people, registrations
from app import typical_examples as te
from app.documents import render_docx, render_pdf
from app.errors import NotFound
from app.reports import campaign_report
from app.session import close_app_database, open_app_database
from app.vntext import split_name
from db.enums import Cadence, CampaignKind, ExampleKind
from db.models import AwardType, Campaign, Unit

SHOTS = os.environ.get("TDKT_SCREENSHOTS")  # a folder: save the PDFs there to look at
SECURITY = "Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc năm 2024”"


def _award(code: str) -> int:
    return int(AwardType.get(AwardType.code == code).id)


def fill_year() -> int:
    """Two units registered with their people, two quarters reported, one example; the campaign id."""
    office = Unit.get(Unit.name == "Văn phòng Sở")
    board = Unit.get(Unit.name == "Ban Giám đốc")
    for name in ("Nguyễn Văn Hùng", "Trần Thị Lan"):
        people.create_person(
            people.PersonInput(*split_name(name), position="Chuyên viên", unit_id=office.id)
        )
    for unit, unit_code, person_code in ((office, "TTLDXS", "LDTT"), (board, "TTLDTT", "CSTDCS")):
        _award_id, staff = registrations.unit_people(2024, unit.id)
        registrations.register_unit(
            registrations.UnitSheet(
                2024,
                unit.id,
                _award(unit_code),
                {p.id: _award(person_code) for p in staff},
                date(2024, 1, 20),
            )
        )
    c = Campaign.get(Campaign.name == SECURITY)
    cr.save_report(
        cr.ReportInput(
            c.id,
            2024,
            1,
            date(2024, 3, 28),
            "Quán triệt nội dung phong trào đến 100% công chức.\n- Tổ chức 02 buổi tuyên truyền",
            "Không có vụ việc mất an ninh trật tự tại cơ quan.",
            "Văn phòng Sở: xây dựng phương án bảo vệ cơ quan.",
        )
    )
    cr.save_report(cr.ReportInput(c.id, 2024, 2, date(2024, 6, 27), "Duy trì tuần tra, canh gác."))
    hung = next(p for p in people.person_rows() if p.full_name == "Nguyễn Văn Hùng")
    te.create_example(
        te.ExampleInput(
            2024,
            ExampleKind.TYPICAL,
            c.id,
            person_id=hung.id,
            deeds="Phát hiện, ngăn chặn kịp thời đối tượng xâm nhập",
            spread="Biểu dương trên trang tin của Sở",
        )
    )
    return int(c.id)


@pytest.fixture
def security(sample_db: pw.SqliteDatabase, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    return fill_year()


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_the_launch_plan_of_a_departments_campaign(sample_db: pw.SqliteDatabase) -> None:
    c = campaigns.create_campaign(
        campaigns.CampaignInput(
            2024,
            "Phong trào thi đua chào mừng kỷ niệm 79 năm Ngày thành lập ngành Ngoại giao",
            kind=CampaignKind.THEMATIC,
            date_from=date(2024, 6, 1),
            date_to=date(2024, 8, 28),
            cadence=Cadence.MONTHLY,
            goals="Khơi dậy niềm tự hào về truyền thống ngành.",
            criteria="- Hoàn thành xuất sắc nhiệm vụ đối ngoại\n- Không có công chức vi phạm kỷ luật",
            lead_unit_id=Unit.get(Unit.name == "Văn phòng Sở").id,
        )
    )
    document = campaign_report.campaign_plan_document(c.id)
    text = _text(render_pdf(document))
    assert "KẾ HOẠCH" in text and "Phát động Phong trào thi đua chào mừng" in text
    for part in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG THI ĐUA",
        "IV. THỜI GIAN THỰC HIỆN",
        "VI. TỔ CHỨC THỰC HIỆN",
    ):
        assert part in text
    assert "Không có công chức vi phạm kỷ luật" in text
    assert "Từ ngày 01/06/2024 đến ngày 28/08/2024" in text
    assert "hằng tháng" in text and "Văn phòng Sở chủ trì" in text
    assert "/KH-SNgV" in text and "GIÁM ĐỐC" in text
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert any("NỘI DUNG THI ĐUA" in p.text for p in word.paragraphs)


def test_a_provincial_campaigns_plan_says_who_launched_it(security: int) -> None:
    text = _text(render_pdf(campaign_report.campaign_plan_document(security)))
    assert "Triển khai Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc năm 2024”" in text
    assert "do UBND tỉnh phát động" in text and "hằng quý" in text
    assert "Triển khai các nội dung thi đua theo yêu cầu của UBND tỉnh." in text
    assert "Phạm vi:" not in text  # the plan does not say; nothing is invented


def test_the_registration_summary_counts_and_lists(security: int) -> None:
    document = campaign_report.registrations_document(2024)
    assert document.landscape
    text = _text(render_pdf(document))
    assert "BẢNG TỔNG HỢP" in text and "Đăng ký thi đua năm 2024" in text
    assert "Tập thể lao động xuất sắc" in text and "Chiến sĩ thi đua cơ sở" in text
    assert "Tổng cộng 5" in text  # two units, the director and two people of the office
    assert re.search(
        r"Nguyễn Văn Hùng Chuyên viên Văn phòng Sở Lao động tiên tiến 20/01/2024", text
    )
    word = docx.Document(io.BytesIO(render_docx(document)))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Trần Thị Lan" in cells and "Tập thể lao động tiên tiến" in cells
    with pytest.raises(NotFound):
        campaign_report.registrations_document(2030)


def test_a_units_registration_sheet(security: int) -> None:
    office = Unit.get(Unit.name == "Văn phòng Sở")
    document = campaign_report.unit_sheet_document(2024, office.id)
    text = _text(render_pdf(document))
    assert "BẢN ĐĂNG KÝ THI ĐUA" in text and "VĂN PHÒNG SỞ" in text
    assert "ngày 20 tháng 01 năm 2024" in text
    assert "Văn phòng Sở đăng ký danh hiệu “Tập thể lao động xuất sắc”" in text
    assert "1 Nguyễn Văn Hùng Chuyên viên Lao động tiên tiến" in text
    assert "Phạm Thị Anh Thư" not in text  # the director belongs to another unit
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert "Trần Thị Lan" in [c.text for t in word.tables for row in t.rows for c in row.cells]
    empty = Unit.get(Unit.name == "Ban Thi đua, Khen thưởng tỉnh")
    with pytest.raises(NotFound, match="chưa đăng ký"):
        campaign_report.unit_sheet_document(2024, empty.id)


def test_a_quarters_report(security: int) -> None:
    document = campaign_report.campaign_report_document(security, 2024, 1)
    text = _text(render_pdf(document))
    assert "BÁO CÁO" in text and "Quý I năm 2024" in text
    assert "báo cáo kết quả thực hiện quý I năm 2024 như sau" in text
    assert "ngày 28 tháng 3 năm 2024" in text
    for part in (
        "I. KẾT QUẢ THỰC HIỆN",
        "II. NHỮNG ĐIỂM NỔI BẬT",
        "III. ĐÓNG GÓP CỦA CÁC ĐƠN VỊ",
        "IV. ĐIỂN HÌNH TIÊN TIẾN",
    ):
        assert part in text
    assert "Tổ chức 02 buổi tuyên truyền" in text and "Nguyễn Văn Hùng" in text
    assert "Ban Thi đua - Khen thưởng tỉnh" in text
    second = _text(render_pdf(campaign_report.campaign_report_document(security, 2024, 2)))
    assert "Duy trì tuần tra" in second and "II. ĐIỂN HÌNH" in second
    with pytest.raises(NotFound, match="Quý III/2024"):
        campaign_report.campaign_report_document(security, 2024, 3)


def test_campaign_papers_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "phong-trào.sqlite"
    assert main.main(["init", "--db", str(db), "--sample"]) == 0
    database, _info = open_app_database(db)
    campaign_id = fill_year()
    board = Unit.get(Unit.name == "Ban Giám đốc").id
    close_app_database(database)
    runs = (
        ("plan", ["campaign-plan", "--campaign", str(campaign_id)]),
        ("summary", ["registrations", "--year", "2024"]),
        ("sheet", ["registrations", "--year", "2024", "--unit", str(board)]),
        ("campaign-report", ["campaign-report", "--campaign", str(campaign_id), "--period", "2"]),
    )
    for name, args in runs:
        for suffix in ("pdf", "docx"):
            out = tmp_path / f"{name}.{suffix}"
            assert main.main(["export", *args, "--out", str(out), "--db", str(db)]) == 0
            assert out.stat().st_size > 1000
    assert "BAN GIÁM ĐỐC" in _text((tmp_path / "sheet.pdf").read_bytes())
    assert "Duy trì tuần tra" in _text((tmp_path / "campaign-report.pdf").read_bytes())
    capsys.readouterr()
    refused = (
        ["campaign-plan"],
        ["registrations"],
        ["campaign-report", "--campaign", str(campaign_id)],
        ["campaign-report", "--campaign", str(campaign_id), "--period", "4"],
        ["campaign-plan", "--campaign", "999"],
    )
    for args in refused:
        assert main.main(["export", *args, "--out", str(tmp_path / "x.pdf"), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "--campaign" in err and "--year" in err and "--period" in err and "Quý IV/2024" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_collective_row_of_the_registration_list_has_no_position(security: int) -> None:
    """A unit holds no Chức vụ: the cell stays empty instead of repeating “Tập thể”."""
    pdf = render_pdf(campaign_report.registrations_document(2024))
    if SHOTS:
        (Path(SHOTS) / "registrations.pdf").write_bytes(pdf)
    text = _text(pdf)
    for unit, award in (
        ("Văn phòng Sở", "Tập thể lao động xuất sắc"),
        ("Ban Giám đốc", "Tập thể lao động tiên tiến"),
    ):
        assert re.search(rf"\d {unit} {award} 20/01/2024", text), text
    assert "Tập thể Tập thể" not in text
