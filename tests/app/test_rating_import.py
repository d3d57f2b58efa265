"""Importing the units' yearly ratings: Excel and Word, every row checked, recorded results
replaced only when agreed to, all or nothing."""

from __future__ import annotations

import io
from typing import Any

import peewee as pw
import pytest
from openpyxl import load_workbook

from app import award_history, evaluations, records
from app import rating_import as ri
from app.errors import ValidationError
from app.evaluations import EvaluationInput
from app.list_import import RowStatus
from db.enums import Discipline, Rating, RecipientKind
from db.models import AuditLog, Evaluation, Person
from tests.import_files import filled_template, namesake_staff, word_table


@pytest.fixture
def staff(db: pw.SqliteDatabase) -> dict[str, int]:
    """Two units and five people; two of them share a name in different units."""
    return namesake_staff()


def workbook(rows: list[tuple[object, ...]]) -> bytes:
    return filled_template(ri.template_xlsx(), rows)


def evaluation(kind: str, rid: int, year: int) -> Evaluation:
    field = Evaluation.person if kind == "p" else Evaluation.unit
    return Evaluation.get(field == rid, Evaluation.year == year)


VALID = [
    (1, "Cá nhân", "Nguyễn Văn An", "Văn phòng", 2024, "Hoàn thành xuất sắc nhiệm vụ", "", "SK 1", "", ""),
    (2, "", "Trần Thị Bích Ngọc", "Văn phòng", None, "hoan thanh tot nhiem vu", "Không", "", "", ""),
    (3, "Cá nhân", "Lê Minh Tuấn", "Phòng Lãnh sự", 2024, "HTNV", "Khiển trách", "", "", "QĐ 5"),
    (4, "Tập thể", "Phòng Lãnh sự", "", 2024, "HTTNV", "", "", 8, ""),
    (5, "Cá nhân", "Đặng Thu Hà", "", "2024", "Chưa xếp loại", "", "", "", "Mới tuyển"),
]  # fmt: skip


def test_the_template_has_vietnamese_headers_a_note_and_an_example() -> None:
    sheet = load_workbook(io.BytesIO(ri.template_xlsx())).active
    assert sheet["A1"].value == "DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI"
    assert "HTXSNV, HTTNV, HTNV, KHTNV" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == [
        "STT",
        "Đối tượng (Cá nhân/Tập thể)",
        "Họ và tên cá nhân / Tên tập thể",
        "Đơn vị công tác",
        "Năm",
        "Xếp loại",
        "Kỷ luật",
        "Sáng kiến, đề tài được công nhận",
        "Số thành viên (tập thể)",
        "Ghi chú",
    ]
    assert "Chưa xếp loại" in sheet["F3"].comment.text
    assert sheet["A4"].value == "VD" and sheet["F4"].value == "Hoàn thành tốt nhiệm vụ"


def test_a_valid_workbook_records_every_rating_in_one_audited_transaction(
    staff: dict[str, int],
) -> None:
    report = ri.read_bytes(workbook(VALID), "xep-loai.xlsx", default_year=2024)
    assert report.file_kind == "Excel"
    assert [r.status for r in report.rows] == [RowStatus.ACCEPTED] * 5
    assert [r.row_number for r in report.rows] == [5, 6, 7, 8, 9]  # the example row (4) skipped
    assert report.rows[2].recipient_label == "Lê Minh Tuấn — Phòng Lãnh sự"  # by the unit column
    assert report.rows[3].recipient_kind is RecipientKind.COLLECTIVE
    assert not report.replacing
    heard: list[frozenset[str]] = []
    stop = records.subscribe(heard.append)
    try:
        result = ri.commit(report)
    finally:
        stop()
    assert (result.created, result.replaced, result.unchanged) == (5, 0, 0)
    assert len(heard) == 1 and "evaluation" in heard[0]  # one transaction, announced once
    an = evaluation("p", staff["Nguyễn Văn An/Văn phòng"], 2024)
    assert (an.rating, an.discipline, an.initiative) == (Rating.EXCELLENT, Discipline.NONE, "SK 1")
    ngoc = evaluation("p", staff["Trần Thị Bích Ngọc/Văn phòng"], 2024)  # blank year: 2024
    assert ngoc.rating is Rating.GOOD
    tuan = evaluation("p", staff["Lê Minh Tuấn/Phòng Lãnh sự"], 2024)
    assert (tuan.rating, tuan.discipline, tuan.note) == (
        Rating.COMPLETED,
        Discipline.REPRIMAND,
        "QĐ 5",
    )
    unit = evaluation("u", staff["Phòng Lãnh sự"], 2024)
    assert (unit.rating, unit.member_count) == (Rating.GOOD, 8)
    assert evaluation("p", staff["Đặng Thu Hà/Phòng Lãnh sự"], 2024).rating is None
    logged = AuditLog.select().where(AuditLog.table == "evaluation", AuditLog.action == "create")
    assert logged.count() == 5
    # The history (and the eligibility it rests on) reads the imported ratings.
    history = award_history.history(RecipientKind.INDIVIDUAL, an.person_id, 2024)
    assert history.years[0].rating is Rating.EXCELLENT


def test_a_word_table_with_sections_and_a_numbering_row(staff: dict[str, int]) -> None:
    header = ["STT", "Họ và tên", "Đơn vị", "Xếp loại", "Kỷ luật"]
    rows: list[list[str] | str] = [
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        "I. CÁ NHÂN",
        ["1", "Nguyễn Văn An", "Văn phòng", "Hoàn thành tốt NV", ""],
        ["2", "Đặng Thu Hà", "Phòng Lãnh sự", "Không hoàn thành nhiệm vụ", "Cảnh cáo"],
        "II. TẬP THỂ",
        ["1", "Văn phòng", "", "HTXSNV", ""],
    ]
    data = word_table(header, rows, "KẾT QUẢ XẾP LOẠI NĂM 2024")
    report = ri.read_bytes(data, "xep-loai.docx", default_year=2024)
    assert report.file_kind == "Word"
    assert [r.status for r in report.rows] == [RowStatus.ACCEPTED] * 3
    assert report.rows[2].recipient_kind is RecipientKind.COLLECTIVE
    assert report.rows[2].recipient_id == staff["Văn phòng"]
    ri.commit(report)
    ha = evaluation("p", staff["Đặng Thu Hà/Phòng Lãnh sự"], 2024)
    assert (ha.rating, ha.discipline) == (Rating.NOT_COMPLETED, Discipline.WARNING)
    assert evaluation("u", staff["Văn phòng"], 2024).rating is Rating.EXCELLENT


def test_bad_rows_are_reported_with_their_reasons_and_nothing_is_recorded(
    staff: dict[str, int],
) -> None:
    rows = [
        (1, "Cá nhân", "Nguyễn Văn An", "", 2024, "Giỏi", "", "", "", ""),
        (2, "Cá nhân", "Trần Thị Bích Ngọc", "", "năm ngoái", "HTTNV", "", "", "", ""),
        (3, "Cá nhân", "Người Lạ", "", 2024, "HTTNV", "", "", "", ""),
        (4, "Cá nhân", "Đặng Thu Hà", "", 2024, "", "", "", "", ""),
        (5, "Cá nhân", "Đặng Thu Hà", "", 2024, "HTNV", "Phê bình", "", 12, ""),
        (6, "Tập thể", "Văn phòng", "", 2024, "HTTNV", "", "", "", ""),
        (7, "", "Văn phòng", "", 2024, "HTXSNV", "", "", "", ""),
        (8, "Hội đồng", "Văn phòng", "", 1999, "HTNV", "", "", "", ""),
    ]
    report = ri.read_bytes(workbook(rows), "sai.xlsx", default_year=2024)
    reasons = {r.row_number - 4: r.reason_text for r in report.rejected}
    assert reasons[1].startswith("Xếp loại “Giỏi” không hợp lệ")
    assert reasons[2] == "Năm “năm ngoái” không phải là số"
    assert reasons[3] == "Không tìm thấy cá nhân “Người Lạ” trong danh bạ"
    assert reasons[4] == "Thiếu xếp loại (ghi “Chưa xếp loại” nếu chưa xếp loại)"
    assert reasons[5] == (
        "Kỷ luật “Phê bình” không hợp lệ (để trống, hoặc ghi Khiển trách, Cảnh cáo, Cách chức…); "
        "Số thành viên chỉ ghi cho tập thể"
    )
    assert reasons[7] == "Trùng với dòng 10 (cùng đối tượng và năm)"
    assert reasons[8].startswith("Năm 1999 nằm ngoài khoảng 2000–2100; Đối tượng “Hội đồng”")
    assert 6 not in reasons
    assert report.summary() == "8 dòng: 1 hợp lệ, 0 cần xác nhận, 7 bị từ chối"
    with pytest.raises(ValidationError, match="Còn 7 dòng bị từ chối"):
        ri.commit(report)
    assert Evaluation.select().count() == 0
    sheet = load_workbook(io.BytesIO(ri.report_xlsx(report))).active
    assert [c.value for c in sheet[1]][:3] == [
        "Dòng",
        "Trạng thái",
        "Họ tên / tên tập thể (trong tệp)",
    ]
    assert (sheet["A2"].value, sheet["B2"].value, sheet["F2"].value) == (5, "Bị từ chối", "Giỏi")


def test_a_file_that_is_not_a_rating_list_is_refused(staff: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="không phải là bảng tính Excel"):
        ri.read_bytes("Kính gửi".encode(), "thu.txt", 2024)
    proposals = word_table(["STT", "Họ và tên", "Danh hiệu"], [["1", "Nguyễn Văn An", "LĐTT"]])
    with pytest.raises(ValidationError, match="có cột “Họ và tên” và cột “Xếp loại”"):
        ri.read_bytes(proposals, "de-nghi.docx", 2024)
    with pytest.raises(ValidationError, match="không có dòng kết quả đánh giá nào"):
        ri.read_bytes(workbook([]), "trong.xlsx", 2024)
    assert Evaluation.select().count() == 0


def test_recorded_results_are_replaced_only_when_agreed(staff: dict[str, int]) -> None:
    an, ngoc = staff["Nguyễn Văn An/Văn phòng"], staff["Trần Thị Bích Ngọc/Văn phòng"]
    evaluations.save_evaluation(
        RecipientKind.INDIVIDUAL, an, 2024, EvaluationInput(Rating.GOOD, initiative="SK cũ")
    )
    evaluations.save_evaluation(RecipientKind.INDIVIDUAL, ngoc, 2024, EvaluationInput(Rating.GOOD))
    # The file has no initiative column: the one recorded is kept.
    header = ["STT", "Họ và tên", "Năm", "Xếp loại"]
    data = word_table(
        header,
        [["1", "Nguyễn Văn An", "2024", "HTXSNV"], ["2", "Trần Thị Bích Ngọc", "2024", "HTTNV"]],
    )
    report = ri.read_bytes(data, "xep-loai.docx", 2024)
    assert [r.row_number for r in report.replacing] == [2]
    assert [r.row_number for r in report.unchanged] == [3]
    assert report.rows[0].reason_text == (
        "Thay kết quả đã ghi năm 2024: Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ"
    )
    assert report.rows[1].reason_text == "Đã ghi đúng như vậy; không thay đổi"
    assert report.summary().endswith("1 dòng thay kết quả đã ghi; 1 dòng giống kết quả đã ghi")
    with pytest.raises(ValidationError, match="1 dòng thay kết quả đã ghi; hãy đồng ý thay thế"):
        ri.commit(report)
    assert evaluation("p", an, 2024).rating is Rating.GOOD
    before = AuditLog.select().count()
    result = ri.commit(report, replace_existing=True)
    assert (result.created, result.replaced, result.unchanged) == (0, 1, 1)
    updated = evaluation("p", an, 2024)
    assert (updated.rating, updated.initiative) == (Rating.EXCELLENT, "SK cũ")
    assert Evaluation.select().count() == 2  # replaced, not doubled
    change = AuditLog.select().where(AuditLog.id > before, AuditLog.table == "evaluation").get()
    assert (change.field, change.old_value, change.new_value) == ("rating", "htt", "htxs")


def test_a_result_recorded_after_the_preview_is_not_overwritten_silently(
    staff: dict[str, int],
) -> None:
    an = staff["Nguyễn Văn An/Văn phòng"]
    report = ri.read_bytes(workbook(VALID[:2]), "xep-loai.xlsx", 2024)
    assert not report.replacing
    evaluations.save_evaluation(RecipientKind.INDIVIDUAL, an, 2024, EvaluationInput(Rating.GOOD))
    with pytest.raises(ValidationError, match="Dòng 5: Nguyễn Văn An — Văn phòng đã có kết quả"):
        ri.commit(report)
    assert Evaluation.select().count() == 1  # the second row was not written either


def test_names_without_diacritics_and_namesakes_are_confirmed(staff: dict[str, int]) -> None:
    office_tuan = staff["Lê Minh Tuấn/Văn phòng"]
    evaluations.save_evaluation(
        RecipientKind.INDIVIDUAL, office_tuan, 2024, EvaluationInput(Rating.GOOD)
    )
    rows = [
        (1, "", "nguyen van an", "", 2024, "HTTNV", "", "", "", ""),
        (2, "", "Lê Minh Tuấn", "", 2024, "HTXSNV", "", "", "", ""),
    ]
    report = ri.read_bytes(workbook(rows), "xep-loai.xlsx", 2024)
    assert [r.status for r in report.rows] == [RowStatus.CONFIRM] * 2
    assert report.rows[1].reason_text == "2 đối tượng trùng tên: chọn đúng người, đúng tập thể"
    with pytest.raises(ValidationError, match="chưa xác nhận tên"):
        ri.commit(report)
    report = report.confirm_single_suggestions().confirm(6, office_tuan)
    assert not report.to_confirm
    # Known once confirmed: that Lê Minh Tuấn has a result recorded for 2024.
    assert [r.row_number for r in report.replacing] == [6]
    ri.commit(report, replace_existing=True)
    assert evaluation("p", office_tuan, 2024).rating is Rating.EXCELLENT
    assert evaluation("p", staff["Nguyễn Văn An/Văn phòng"], 2024).rating is Rating.GOOD


def test_a_failure_midway_records_nothing(
    staff: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = ri.read_bytes(workbook(VALID), "xep-loai.xlsx", 2024)
    real = records.create
    written: list[object] = []

    def failing(model: Any, **fields: Any) -> Any:
        if model is Evaluation and len(written) == 2:
            raise ValidationError("Ổ đĩa đầy.")
        created = real(model, **fields)
        written.append(created)
        return created

    monkeypatch.setattr(records, "create", failing)
    with pytest.raises(ValidationError, match="Ổ đĩa đầy. Không có gì được nhập."):
        ri.commit(report)
    assert len(written) == 2  # two were written, then rolled back with the rest
    assert Evaluation.select().count() == 0
    assert AuditLog.select().where(AuditLog.table == "evaluation").count() == 0


def test_a_person_removed_after_the_preview_stops_the_import(staff: dict[str, int]) -> None:
    report = ri.read_bytes(workbook(VALID), "xep-loai.xlsx", 2024)
    Person.delete().where(Person.id == staff["Lê Minh Tuấn/Phòng Lãnh sự"]).execute()
    with pytest.raises(ValidationError, match="Dòng 7: “Lê Minh Tuấn — Phòng Lãnh sự” không còn"):
        ri.commit(report)
    assert Evaluation.select().count() == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoàn thành xuất sắc nhiệm vụ", Rating.EXCELLENT),
        ("HOÀN THÀNH XUẤT SẮC NHIỆM VỤ", Rating.EXCELLENT),
        ("hoan thanh xuat sac nhiem vu.", Rating.EXCELLENT),
        ("HTXSNV", Rating.EXCELLENT),
        ("Hoàn thành tốt NV", Rating.GOOD),
        ("httnv", Rating.GOOD),
        ("Hoàn thành nhiệm vụ", Rating.COMPLETED),
        ("Hoàn thành", Rating.COMPLETED),
        ("Không hoàn thành nhiệm vụ", Rating.NOT_COMPLETED),
        ("KHTNV", Rating.NOT_COMPLETED),
        ("Chưa xếp loại", None),
        ("", ""),
        ("Xuất sắc lắm", "invalid"),
        ("Tốt nhiệm vụ khác", "invalid"),
    ],
)
def test_ratings_match_without_diacritics_or_case(text: str, expected: object) -> None:
    assert ri.match_rating(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Discipline.NONE),
        ("Không", Discipline.NONE),
        ("khien trach", Discipline.REPRIMAND),
        ("Khiển trách (QĐ 12/QĐ-SNV)", Discipline.REPRIMAND),
        ("CẢNH CÁO", Discipline.WARNING),
        ("Cách chức", Discipline.HIGHER),
        ("Cao hơn cảnh cáo", Discipline.HIGHER),
        ("Phê bình", None),
    ],
)
def test_discipline_matches_without_diacritics_or_case(text: str, expected: object) -> None:
    assert ri.match_discipline(text) == expected
