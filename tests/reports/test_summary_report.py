"""The year-end summary: facts from the data, the narrative kept per year, PDF, DOCX and XLSX."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import docx
import peewee as pw
import pytest
from openpyxl import load_workbook

from app import summary
from app.documents import BarChart, render_docx, render_pdf
from app.errors import ValidationError
from app.reports import summary_report, summary_workbook
from db.models import AuditLog, YearSummary
from tests.documents.pdftext import body_text
from tests.summary_year import GRANTED_2023, GRANTED_2024, fill_year

TODAY = date(2025, 2, 1)


@pytest.fixture
def year(sample_db: pw.SqliteDatabase, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    return fill_year()


def _pdf_text(data: bytes) -> str:
    return body_text(data)


def test_facts_count_the_plan_meetings_campaigns_examples_and_awards(year: dict[str, int]) -> None:
    facts = summary.summary_facts(2024, TODAY)
    assert (facts.plan.total, facts.plan.done, facts.plan.in_progress) == (7, 2, 1)
    assert facts.plan.late == 1  # due 31/03/2024, still in progress at the year's end
    assert facts.plan.unfinished[0].status == "Chậm tiến độ"
    assert [m.title for m in facts.held_meetings] == ["Phiên họp tổng kết năm 2024"]
    assert "Lao động tiên tiến" in facts.held_meetings[0].conclusions[0]
    first = facts.campaigns[0]
    assert (first.registrations, first.reports, first.examples) == (1, 1, 1)
    assert first.results == "Có 95% công chức hoàn thành tốt nhiệm vụ"
    assert facts.examples[0].deeds == "Sáng kiến số hóa hồ sơ lãnh sự"
    awards = facts.awards
    assert (awards.individual, awards.collective) == (year["individual"], year["collective"])
    assert awards.total == sum(GRANTED_2024.values())  # the proposal not granted is left out
    assert awards.previous_total == sum(GRANTED_2023.values())
    by_name = {line.name: line for line in awards.by_type}
    assert (by_name["Lao động tiên tiến"].total, by_name["Lao động tiên tiến"].previous) == (5, 4)
    assert by_name["Giấy khen của Giám đốc Sở"].previous == 0
    assert sum(u.total for u in awards.by_unit) == awards.total
    assert {u.unit for u in awards.by_unit} == {"Văn phòng Sở", "Phòng Lãnh sự"}


def test_the_narrative_is_kept_with_the_year_and_audited(sample_db: pw.SqliteDatabase) -> None:
    assert summary.load_narrative(2024) == summary.Narrative()
    summary.save_narrative(2024, summary.Narrative(results="Hoàn thành tốt", lessons="Sát sao"))
    summary.save_narrative(2024, summary.Narrative(results="Hoàn thành xuất sắc"))
    assert summary.load_narrative(2024).results == "Hoàn thành xuất sắc"
    assert summary.load_narrative(2024).lessons == ""
    assert summary.load_narrative(2023) == summary.Narrative()
    assert YearSummary.select().count() == 1
    assert AuditLog.select().where(AuditLog.table == "year_summary").count() >= 2
    with pytest.raises(ValidationError):
        summary.save_narrative(2024, summary.Narrative(results="x" * 20001))
    assert summary.load_narrative(2024).results == "Hoàn thành xuất sắc"


def test_the_pdf_holds_every_section_the_tables_and_the_narrative(year: dict[str, int]) -> None:
    summary.save_narrative(
        2024,
        summary.Narrative(
            results="Phong trào thi đua được triển khai sâu rộng.",
            shortcomings="- Một số đơn vị báo cáo chậm.",
            directions="Tiếp tục đổi mới công tác thi đua.",
            recommendations="Đề nghị tỉnh tăng cường tập huấn.",
        ),
    )
    document = summary_report.summary_document(2024, TODAY)
    text = _pdf_text(render_pdf(document))
    for expected in (
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm 2024",
        "TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH",
        "Kế hoạch năm 2024 có 7 nhiệm vụ: đã hoàn thành 2",
        "Phiên họp tổng kết năm 2024",
        "Có 95% công chức hoàn thành tốt nhiệm vụ",
        "Sáng kiến số hóa hồ sơ lãnh sự",
        "Năm 2024 có 12 lượt khen thưởng",
        "Phòng Lãnh sự",
        "Biểu đồ: Khen thưởng theo danh hiệu",
        "Phong trào thi đua được triển khai sâu rộng.",
        "Một số đơn vị báo cáo chậm.",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
        "Đề nghị tỉnh tăng cường tập huấn.",
    ):
        assert expected in text, expected
    assert any(isinstance(block, BarChart) for block in document.body)


def test_an_unwritten_section_leaves_room_to_write(year: dict[str, int]) -> None:
    text = _pdf_text(render_pdf(summary_report.summary_document(2024, TODAY)))
    assert "BÀI HỌC KINH NGHIỆM" in text and summary_report.TO_FILL[:20] in text


def test_the_docx_holds_the_tables_and_the_chart_as_a_picture(year: dict[str, int]) -> None:
    data = render_docx(summary_report.summary_document(2024, TODAY))
    word = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "CÔNG TÁC KHEN THƯỞNG" in text
    assert "Biểu đồ: Khen thưởng theo danh hiệu" in text
    cells = {c.text for t in word.tables for row in t.rows for c in row.cells}
    assert {"Lao động tiên tiến", "Phòng Lãnh sự", "Tổng cộng"} <= cells
    pictures = [r for r in word.part.rels.values() if "image" in r.reltype]
    assert len(pictures) == 1
    assert pictures[0].target_part.blob.startswith(b"\x89PNG")
    assert render_docx(summary_report.summary_document(2024, TODAY)) == data  # same bytes


def test_the_workbook_has_one_sheet_per_table_with_numbers_as_numbers(
    year: dict[str, int],
) -> None:
    book = load_workbook(io.BytesIO(summary_workbook.summary_workbook(2024, TODAY)))
    assert book.sheetnames == [
        "Kế hoạch",
        "Nhiệm vụ chưa xong",
        "Phiên họp",
        "Phong trào",
        "Điển hình",
        "Khen thưởng theo loại",
        "Khen thưởng theo đơn vị",
    ]
    plan = book["Kế hoạch"]
    assert [c.value for c in plan["B"]][1:] == [7, 2, 1, 4, 1]
    awards = book["Khen thưởng theo loại"]
    rows = {r[0]: r for r in awards.iter_rows(min_row=2, values_only=True)}
    assert rows["Lao động tiên tiến"][2:] == (5, 0, 5, 4)
    assert rows["Tổng cộng"][4:] == (12, 8)
    assert isinstance(rows["Tổng cộng"][4], int)
    late = book["Nhiệm vụ chưa xong"]["D2"].value
    assert late is not None and late.date() == date(2024, 3, 31)


def test_formula_like_text_stays_text_in_the_workbook(sample_db: pw.SqliteDatabase) -> None:
    sheet = summary_workbook.Sheet("Thử", ("A",), (("=HYPERLINK(1)",), (3,)))
    book = load_workbook(io.BytesIO(summary_workbook.workbook_bytes([sheet])))
    assert book["Thử"]["A2"].data_type == "s" and book["Thử"]["A3"].value == 3


def test_an_empty_year_still_gives_a_sound_report(sample_db: pw.SqliteDatabase) -> None:
    text = _pdf_text(render_pdf(summary_report.summary_document(2030, TODAY)))
    assert "Chưa có kế hoạch công tác thi đua, khen thưởng năm 2030" in text
    assert "Năm 2030 có 0 lượt khen thưởng" in text


def test_a_change_of_thousands_is_printed_with_the_thousands_dot(
    year: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen on the bench data: 933 awards against 3.538 printed '-2,605 (-74%)', which reads as
    minus two point six: the percent's comma replaced the count's thousands dot."""
    facts = summary.summary_facts(2024, TODAY)
    awards = dataclasses.replace(facts.awards, previous_total=facts.awards.total + 2605)
    bigger = dataclasses.replace(facts, awards=awards)
    monkeypatch.setattr(summary_report, "summary_facts", lambda *_a, **_k: bigger)
    text = _pdf_text(render_pdf(summary_report.summary_document(2024, TODAY)))
    assert "lượt (-2.605 (-100%))" in " ".join(text.split())
    assert "-2,605" not in text


def test_the_summary_dialog_writes_thousands_with_a_dot(year: dict[str, int]) -> None:
    from ui.dialogs.summary_dialog import facts_text

    facts = summary.summary_facts(2024, TODAY)
    awards = dataclasses.replace(facts.awards, previous_total=3538)
    text = facts_text(dataclasses.replace(facts, awards=awards))
    assert "(năm trước 3.538)" in text
