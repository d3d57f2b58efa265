"""Importing the units' proposal lists: Excel and Word, every row checked, all or nothing."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import docx
import peewee as pw
import pytest
from openpyxl import Workbook, load_workbook

from app import award_import as ai
from app import people, records
from app.award_import import RowStatus
from app.errors import ValidationError
from db.enums import CommendationKind, Launcher, ProposalStatus, RecipientKind
from db.models import AuditLog, Campaign, DossierItem, Person, Proposal, ProposalEvent, Unit
from tests.import_files import filled_template, namesake_staff, word_table


@pytest.fixture
def staff(db: pw.SqliteDatabase) -> dict[str, int]:
    """Two units and five people (two namesakes), and a campaign of 2024."""
    ids = namesake_staff()
    records.create(
        Campaign,
        year=2024,
        name="Phong trào thi đua chuyển đổi số năm 2024",
        launcher=Launcher.DEPARTMENT,
    )
    return ids


def template_with(rows: Sequence[Sequence[object]]) -> bytes:
    return filled_template(ai.template_xlsx(), rows)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


VALID_ROWS = [
    (
        1,
        "Cá nhân",
        "Nguyễn Văn An",
        "Văn phòng",
        "Lao động tiên tiến",
        2024,
        "",
        "Hoàn thành tốt",
        "",
    ),
    (
        2,
        "Cá nhân",
        "Trần Thị Bích Ngọc",
        "Văn phòng",
        "CSTĐCS",
        2024,
        "",
        "Xuất sắc",
        "Sáng kiến A",
    ),
    (3, "Tập thể", "Phòng Lãnh sự", "", "Tập thể lao động tiên tiến", None, "", "", ""),
    (4, "Cá nhân", "Lê Minh Tuấn", "Phòng Lãnh sự", "Giấy khen", 2024, "Đột xuất", "Cứu hộ", ""),
]


def test_the_template_has_vietnamese_headers_a_note_widths_and_an_example() -> None:
    book = load_workbook(io.BytesIO(ai.template_xlsx()))
    sheet = book.active
    assert sheet["A1"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    assert "Dòng có STT “VD” là ví dụ" in sheet["A2"].value
    headers = [c.value for c in sheet[3]]
    assert headers[:5] == [
        "STT",
        "Đối tượng (Cá nhân/Tập thể)",
        "Họ và tên cá nhân / Tên tập thể",
        "Đơn vị công tác",
        "Danh hiệu, hình thức khen thưởng",
    ]
    assert sheet["A4"].value == "VD" and sheet["C4"].value == "Nguyễn Văn An"
    assert sheet.column_dimensions["H"].width == 50
    assert sheet.freeze_panes == "A4"


def test_a_valid_workbook_imports_every_row_as_a_draft(
    staff: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path, "van-phong.xlsx", template_with(VALID_ROWS))
    report = ai.read_file(path, default_year=2025)
    assert report.file_kind == "Excel"
    assert [r.status for r in report.rows] == [RowStatus.ACCEPTED] * 4
    assert [r.row_number for r in report.rows] == [5, 6, 7, 8]  # the example row (4) skipped
    assert report.rows[2].year == 2025  # blank year: the year chosen in the dialog
    assert report.rows[2].recipient_kind is RecipientKind.COLLECTIVE
    # Two "Lê Minh Tuấn": the unit column tells which one.
    assert report.rows[3].recipient_label == "Lê Minh Tuấn — Phòng Lãnh sự"
    ids = ai.commit(report)
    assert len(ids) == 4
    made = [Proposal.get_by_id(i) for i in ids]
    assert [p.status for p in made] == [ProposalStatus.DRAFT] * 4
    assert made[0].person.full_name == "Nguyễn Văn An" and made[0].award_type.code == "LDTT"
    assert made[1].award_type.code == "CSTDCS" and made[1].initiative == "Sáng kiến A"
    assert made[2].unit.name == "Phòng Lãnh sự" and made[2].year == 2025
    assert made[3].person_id == staff["Lê Minh Tuấn/Phòng Lãnh sự"]
    assert made[3].kind is CommendationKind.UNSCHEDULED
    assert made[1].search_key == "xuat sac | sang kien a"  # stored as records.create does
    event = ProposalEvent.get(ProposalEvent.proposal == made[0])
    assert event.note == "Nhập từ tệp van-phong.xlsx, dòng 5"
    assert AuditLog.select().where(AuditLog.table == "proposal").count() == 4


def test_a_word_table_imports_with_sections_and_numbering_rows(
    staff: dict[str, int], tmp_path: Path
) -> None:
    data = word_table(
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Hình thức đề nghị", "Thành tích"],
        [
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["I", "CÁ NHÂN", "", "", ""],
            ["1", "Đặng Thu Hà", "Chuyên viên, Phòng Lãnh sự", "LĐTT", ""],
            ["2", "Nguyễn Văn An", "Văn phòng", "Giấy khen của Giám đốc Sở", "Tổ chức hội nghị"],
            "II. TẬP THỂ",
            ["1", "Văn phòng", "", "Giấy khen của Giám đốc Sở", "Dẫn đầu khối thi đua"],
        ],
    )
    report = ai.read_bytes(data, "de-nghi.docx", default_year=2024)
    assert report.file_kind == "Word"
    assert [r.status for r in report.rows] == [RowStatus.ACCEPTED] * 3
    assert [r.recipient_kind for r in report.rows] == [
        RecipientKind.INDIVIDUAL,
        RecipientKind.INDIVIDUAL,
        RecipientKind.COLLECTIVE,  # the "TẬP THỂ" section: Giấy khen goes to both kinds
    ]
    ids = ai.commit(report)
    assert Proposal.get_by_id(ids[2]).unit_id == staff["Văn phòng"]
    assert Proposal.get_by_id(ids[2]).achievements == "Dẫn đầu khối thi đua"
    assert Proposal.get_by_id(ids[0]).year == 2024
    # created through app/proposals: with the dossier checklist of the award's level
    assert DossierItem.select().where(DossierItem.proposal == ids[0]).count() == 3


def test_bad_rows_are_reported_with_their_reasons_and_nothing_is_imported(
    staff: dict[str, int], tmp_path: Path
) -> None:
    rows = [
        (1, "Cá nhân", "Nguyễn Văn An", "", "Lao động tiên tiến", 2024, "", "", ""),
        (2, "Cá nhân", "Hoàng Văn Không Có", "", "Lao động tiên tiến", 2024, "", "", ""),
        (3, "Cá nhân", "Đặng Thu Hà", "", "Huân chương Mặt Trời", 2024, "", "", ""),
        (4, "Tập thể", "Văn phòng", "", "Lao động tiên tiến", 2024, "", "", ""),
        (5, "Cá nhân", "Đặng Thu Hà", "", "LĐTT", "năm nay", "", "", ""),
        (6, "", "", "", "LĐTT", 2024, "", "", ""),
        (7, "Cá nhân", "Nguyễn Văn An", "", "LĐTT", 2024, "", "", ""),
        (8, "Ai đó", "Đặng Thu Hà", "", "LĐTT", 1890, "Thưởng nóng", "", ""),
        (9, "Cá nhân", "Đặng Thu Hà", "", "Bằng khen", 2024, "", "", ""),
    ]
    report = ai.read_bytes(template_with(rows), "loi.xlsx", default_year=2024)
    reasons = {r.row_number: r.reason_text for r in report.rows}
    assert [r.status for r in report.rows] == [RowStatus.ACCEPTED] + [RowStatus.REJECTED] * 8
    assert reasons[6] == "Không tìm thấy cá nhân “Hoàng Văn Không Có” trong danh bạ"
    assert reasons[7] == "Không có danh hiệu, hình thức “Huân chương Mặt Trời” trong danh mục"
    assert reasons[8] == "“Lao động tiên tiến” chỉ xét cho cá nhân, không cho tập thể"
    assert reasons[9] == "Năm “năm nay” không phải là số"
    assert reasons[10] == "Thiếu họ tên cá nhân hoặc tên tập thể"
    assert reasons[11] == "Trùng với dòng 5 (cùng đối tượng, danh hiệu và năm)"
    assert "Năm 1890 nằm ngoài khoảng 2000–2100" in reasons[12]
    assert "Loại hình khen thưởng “Thưởng nóng” không hợp lệ" in reasons[12]
    assert "Đối tượng “Ai đó” không hợp lệ" in reasons[12]
    assert reasons[13] == (
        "“Bằng khen” chưa rõ là Bằng khen của Chủ tịch UBND tỉnh; Bằng khen của Bộ trưởng Bộ "
        "Ngoại giao; Bằng khen của Thủ tướng Chính phủ: ghi đầy đủ tên"
    )
    with pytest.raises(ValidationError, match="Còn 8 dòng bị từ chối"):
        ai.commit(report)
    assert Proposal.select().count() == 0
    # The report goes back to the unit as a workbook with the reasons.
    sheet = load_workbook(io.BytesIO(ai.report_xlsx(report))).active
    assert [c.value for c in sheet[1]][:2] == ["Dòng", "Trạng thái"]
    assert sheet["B3"].value == "Bị từ chối" and "Hoàng Văn Không Có" in sheet["G3"].value


def test_a_proposal_already_recorded_is_refused(staff: dict[str, int]) -> None:
    rows = [(1, "Cá nhân", "Nguyễn Văn An", "", "LĐTT", 2024, "", "", "")]
    ai.commit(ai.read_bytes(template_with(rows), "a.xlsx", 2024))
    again = ai.read_bytes(template_with(rows), "a.xlsx", 2024)
    assert again.rows[0].status is RowStatus.REJECTED
    assert again.rows[0].reason_text.startswith("Đã có đề nghị “Lao động tiên tiến” năm 2024")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ghi-chu.txt", "Danh sách đề nghị\nNguyễn Văn An".encode(), "không phải là bảng tính"),
        ("cu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "định dạng Office cũ"),
        ("rong.xlsx", b"", "rỗng"),
        ("hong.xlsx", b"PK\x03\x04 not really a zip", "không phải là bảng tính"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused_and_changes_nothing(
    staff: dict[str, int], tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ValidationError, match=message):
        ai.read_file(path, 2024)
    assert Proposal.select().count() == 0


def test_a_workbook_or_document_without_the_columns_is_refused(
    staff: dict[str, int],
) -> None:
    book = Workbook()
    book.active.append(["Mã", "Giá trị"])
    book.active.append(["A", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ValidationError, match="Không tìm thấy trang tính nào"):
        ai.read_bytes(buffer.getvalue(), "khac.xlsx", 2024)
    plain = docx.Document()
    plain.add_paragraph("Kính gửi Hội đồng Thi đua - Khen thưởng")
    buffer = io.BytesIO()
    plain.save(buffer)
    with pytest.raises(ValidationError, match="Không tìm thấy bảng nào"):
        ai.read_bytes(buffer.getvalue(), "cong-van.docx", 2024)
    with pytest.raises(ValidationError, match="không có dòng đề nghị nào"):
        ai.read_bytes(template_with([]), "trong.xlsx", 2024)


def test_a_name_written_without_diacritics_needs_confirmation(staff: dict[str, int]) -> None:
    rows = [
        (0, "Cá nhân", "Lê Minh Tuấn", "", "LĐTT", 2024, "", "", ""),
        (1, "Cá nhân", "dang thu ha", "", "LĐTT", 2024, "", "", ""),
        (2, "Cá nhân", "Trần Thị Bích Ngoc", "", "LĐTT", 2024, "", "", ""),
        (3, "Cá nhân", "Trần Thị Bích Ngọ", "", "CSTĐCS", 2024, "", "", ""),
    ]
    report = ai.read_bytes(template_with(rows), "khong-dau.xlsx", 2024)
    assert [r.status for r in report.rows] == [RowStatus.CONFIRM] * 4
    assert [c.label for c in report.rows[0].candidates] == [
        "Lê Minh Tuấn — Văn phòng",
        "Lê Minh Tuấn — Phòng Lãnh sự",
    ]
    assert report.rows[0].reason_text.startswith("2 đối tượng trùng tên")
    report = report.confirm(5, staff["Lê Minh Tuấn/Văn phòng"])
    assert report.rows[0].status is RowStatus.ACCEPTED
    assert report.rows[1].reason_text == (
        "Tên khác cách viết (dấu, chữ hoa): Đặng Thu Hà — Phòng Lãnh sự"
    )
    assert report.rows[3].reason_text.startswith("Không có tên đúng như vậy; gần giống:")
    with pytest.raises(ValidationError, match="Còn 3 dòng chưa xác nhận tên"):
        ai.commit(report)
    with pytest.raises(ValidationError, match="không nằm trong các gợi ý"):
        report.confirm(6, staff["Nguyễn Văn An/Văn phòng"])
    ngoc = staff["Trần Thị Bích Ngọc/Văn phòng"]
    report = report.confirm(6, staff["Đặng Thu Hà/Phòng Lãnh sự"]).confirm(7, ngoc)
    report = report.confirm(8, ngoc)
    ids = ai.commit(report)
    assert [Proposal.get_by_id(i).person_id for i in ids] == [
        staff["Lê Minh Tuấn/Văn phòng"],
        staff["Đặng Thu Hà/Phòng Lãnh sự"],
        ngoc,
        ngoc,
    ]


def test_a_failure_midway_imports_nothing(staff: dict[str, int]) -> None:
    report = ai.read_bytes(template_with(VALID_ROWS[:3]), "a.xlsx", 2024)
    calls = []

    def failing(row: ai.ImportRow, note: str) -> Proposal:
        calls.append(row.row_number)
        if len(calls) == 3:
            raise ValidationError("Ổ đĩa đầy.")
        return ai._create_proposal(row, note)

    with pytest.raises(ValidationError, match="Dòng 7: Ổ đĩa đầy. Không có gì được nhập."):
        ai.commit(report, create=failing)
    assert calls == [5, 6, 7]
    assert Proposal.select().count() == 0 and ProposalEvent.select().count() == 0


def test_a_person_removed_after_the_preview_stops_the_import(staff: dict[str, int]) -> None:
    report = ai.read_bytes(template_with(VALID_ROWS[:2]), "a.xlsx", 2024)
    records.update(Person.get_by_id(staff["Trần Thị Bích Ngọc/Văn phòng"]), active=False)
    with pytest.raises(ValidationError, match="Dòng 6: “Trần Thị Bích Ngọc — Văn phòng” không còn"):
        ai.commit(report)
    assert Proposal.select().count() == 0


def test_a_unit_named_by_its_short_name_matches(staff: dict[str, int]) -> None:
    rows = [(1, "Tập thể", "vp", "", "Giấy khen", 2024, "", "Dẫn đầu khối", "")]
    report = ai.read_bytes(template_with(rows), "a.xlsx", 2024)
    assert report.rows[0].status is RowStatus.CONFIRM  # "vp" ≠ "VP" as written: confirm
    assert report.rows[0].candidates[0].id == Unit.get(Unit.name == "Văn phòng").id


def test_awards_years_and_kinds_as_units_write_them(staff: dict[str, int]) -> None:
    rows = [
        (
            1,
            "",
            "Nguyễn Văn An",
            "",
            "Danh hiệu Chiến sĩ thi đua cơ sở",
            "năm 2024",
            "Thường xuyên",
            "",
            "",
        ),
        (
            2,
            "",
            "Nguyễn Văn An",
            "",
            "Bằng khen UBND tỉnh",
            "15/12/2024",
            "Chuyên đề",
            "Cứu hộ",
            "",
            "chuyển đổi số",
        ),
        (3, "", "Văn phòng", "", "Giấy khen Giám đốc Sở", 2024.0, "", "Dẫn đầu", ""),
        (4, "", "Đặng Thu Hà", "", "CSTĐ cơ sở", "2024", "đột xuất", "", ""),
    ]
    report = ai.read_bytes(template_with(rows), "a.xlsx", 2025)
    assert [r.status for r in report.rows] == [RowStatus.ACCEPTED] * 4, report.rows
    assert [r.award_name for r in report.rows] == [
        "Chiến sĩ thi đua cơ sở",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Giám đốc Sở",
        "Chiến sĩ thi đua cơ sở",
    ]
    assert {r.year for r in report.rows} == {2024}
    assert [r.kind for r in report.rows] == [
        CommendationKind.REGULAR,
        CommendationKind.THEMATIC,
        CommendationKind.REGULAR,
        CommendationKind.UNSCHEDULED,
    ]
    # Giấy khen goes to both: without a recipient column the name decides (a unit here).
    assert report.rows[2].recipient_kind is RecipientKind.COLLECTIVE
    assert report.rows[1].campaign_name == "Phong trào thi đua chuyển đổi số năm 2024"
    ids = ai.commit(report)
    assert Proposal.get_by_id(ids[1]).campaign_id == report.rows[1].campaign_id


def test_the_rules_of_an_ordinary_proposal_apply(staff: dict[str, int]) -> None:
    rows = [
        (1, "Cá nhân", "Nguyễn Văn An", "", "Giấy khen", 2024, "", "", ""),
        (2, "Cá nhân", "Đặng Thu Hà", "", "Giấy khen", 2024, "Chuyên đề", "Cứu hộ", ""),
        (3, "Cá nhân", "Đặng Thu Hà", "", "LĐTT", 2024, "", "", "", "Không có phong trào này"),
    ]
    reasons = [r.reason_text for r in ai.read_bytes(template_with(rows), "a.xlsx", 2024).rows]
    assert reasons == [
        "Hãy ghi thành tích đề nghị khen thưởng “Giấy khen của Giám đốc Sở” (một thành tích chỉ "
        "khen một lần).",
        "Khen thưởng theo đợt, chuyên đề: hãy chọn phong trào thi đua.",
        "Không có phong trào thi đua “Không có phong trào này”",
    ]


def test_two_rows_confirmed_as_the_same_person_are_caught(staff: dict[str, int]) -> None:
    rows = [
        (1, "Cá nhân", "dang thu ha", "", "LĐTT", 2024, "", "", ""),
        (2, "Cá nhân", "Dang Thu Ha", "", "LĐTT", 2024, "", "", ""),
    ]
    report = ai.read_bytes(template_with(rows), "a.xlsx", 2024)
    ha = staff["Đặng Thu Hà/Phòng Lãnh sự"]
    report = report.confirm(5, ha).confirm(6, ha)
    assert [r.status for r in report.rows] == [RowStatus.ACCEPTED, RowStatus.REJECTED]
    assert report.rows[1].reason_text == "Trùng với dòng 5 (cùng đối tượng, danh hiệu và năm)"


def test_hostile_cells_are_refused_or_kept_as_text(staff: dict[str, int]) -> None:
    rows = [
        (1, "Cá nhân", "-2+3", "", "LĐTT", 2024, "", "", ""),
        (2, "Cá nhân", "Đặng Thu Hà", "", "LĐTT", 2024, "", "x" * 4001, ""),
    ]
    report = ai.read_bytes(template_with(rows), "a.xlsx", 2024)
    assert [r.reason_text for r in report.rows] == [
        "Không tìm thấy cá nhân “-2+3” trong danh bạ",
        "Thành tích quá dài (tối đa 4000 ký tự)",
    ]
    sheet = load_workbook(io.BytesIO(ai.report_xlsx(report))).active
    assert sheet["C2"].value == "-2+3" and sheet["C2"].data_type == "s"  # text, not a formula


def test_a_name_both_a_person_and_a_unit_must_say_which(staff: dict[str, int]) -> None:
    people.create_person(people.PersonInput("", "", "Văn phòng", manual_sort_key="Văn phòng"))
    rows = [
        (1, "", "Văn phòng", "", "Giấy khen", 2024, "", "Dẫn đầu", ""),
        (2, "Tập thể", "Văn phòng", "", "Giấy khen", 2024, "", "Dẫn đầu", ""),
    ]
    report = ai.read_bytes(template_with(rows), "a.xlsx", 2024)
    assert report.rows[0].status is RowStatus.REJECTED
    assert report.rows[0].reason_text.startswith("“Văn phòng” vừa là tên một cá nhân")
    assert report.rows[1].status is RowStatus.ACCEPTED
    assert report.rows[1].recipient_kind is RecipientKind.COLLECTIVE
