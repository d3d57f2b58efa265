"""The audit log for people to read: a record's history, and the whole log with filters."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time

from app.vntext import fold, fold_many
from db.enums import AuditAction
from db.models import AuditLog

TABLE_LABELS = {
    "plan": ("Kế hoạch", "Kế hoạch"),
    "plan_item": ("Kế hoạch", "Mục kế hoạch"),
    "plan_item_unit": ("Kế hoạch", "Đơn vị phối hợp"),
    "progress_note": ("Kế hoạch", "Tiến độ"),
    "meeting": ("Phiên họp", "Phiên họp"),
    "agenda_item": ("Phiên họp", "Nội dung chương trình"),
    "attendance": ("Phiên họp", "Điểm danh"),
    "vote": ("Phiên họp", "Biểu quyết"),
    "campaign": ("Phong trào thi đua", "Phong trào"),
    "registration": ("Phong trào thi đua", "Đăng ký thi đua"),
    "campaign_report": ("Phong trào thi đua", "Báo cáo định kỳ"),
    "typical_example": ("Phong trào thi đua", "Điển hình tiên tiến"),
    "proposal": ("Khen thưởng", "Đề nghị khen thưởng"),
    "proposal_event": ("Khen thưởng", "Diễn biến đề nghị"),
    "dossier_item": ("Khen thưởng", "Hồ sơ"),
    "decision": ("Khen thưởng", "Quyết định"),
    "unit": ("Danh mục", "Đơn vị"),
    "person": ("Danh mục", "Cán bộ"),
    "person_unit_history": ("Danh mục", "Quá trình công tác"),
    "evaluation": ("Danh mục", "Đánh giá, xếp loại"),
    "council": ("Danh mục", "Hội đồng"),
    "council_member": ("Danh mục", "Thành viên Hội đồng"),
    "award_type": ("Danh mục", "Danh hiệu, hình thức"),
    "award_rule": ("Danh mục", "Quy định khen thưởng"),
    "agency_name": ("Cài đặt", "Thông tin cơ quan"),
    "trash": ("Cài đặt", "Thùng rác"),
}
AREAS = tuple(dict.fromkeys(area for area, _label in TABLE_LABELS.values()))

FIELD_LABELS = {
    "title": "Nội dung, tiêu đề",
    "body": "Đoạn văn",
    "content": "Nội dung",
    "lead_text": "Chủ trì",
    "lead_unit": "Đơn vị chủ trì",
    "timing_text": "Thời gian thực hiện",
    "status": "Trạng thái",
    "schedule_kind": "Lịch",
    "schedule_months": "Các tháng",
    "date_from": "Từ ngày",
    "date_to": "Đến ngày",
    "is_task": "Là nhiệm vụ",
    "parent": "Mục cha",
    "kind": "Loại",
    "family_name": "Họ",
    "middle_name": "Tên đệm",
    "given_name": "Tên",
    "full_name": "Họ và tên",
    "unit": "Đơn vị",
    "rank_group": "Nhóm đối tượng",
    "gender": "Giới tính",
    "birth_year": "Năm sinh",
    "active": "Đang hoạt động",
    "closed_on": "Ngừng hoạt động từ ngày",
    "name": "Tên",
    "short_name": "Viết tắt",
    "number": "Số",
    "symbol": "Ký hiệu",
    "issued_on": "Ngày ban hành",
    "recipients": "Nơi nhận",
    "signer_authority": "Quyền hạn ký",
    "signer_title": "Chức vụ người ký",
    "signer_name": "Người ký",
    "note": "Ghi chú",
    "text": "Nội dung",
    "noted_on": "Ngày",
}
TABLE_FIELD_LABELS = {
    ("person", "position"): "Chức vụ",
    ("plan_item", "position"): "Thứ tự",
    ("unit", "position"): "Thứ tự",
}
SUMMARY_KEYS = ("full_name", "name", "title", "label", "number", "text")
DERIVED = {"search_key", "sort_name"}  # kept by the app itself, not typed by anyone


def _summary(value: str) -> str:
    """A created or deleted record is shown by its name or title rather than as JSON."""
    if not value.startswith("{"):
        return value
    try:
        data = json.loads(value)
    except ValueError:
        return value
    return next((str(data[k]) for k in SUMMARY_KEYS if data.get(k)), value)


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    happened_at: datetime
    area: str
    what: str
    table: str
    row_id: int
    action: AuditAction
    field: str
    old_value: str
    new_value: str
    search_key: str


def _row(entry: AuditLog) -> AuditRow:
    area, what = TABLE_LABELS.get(entry.table, ("Khác", entry.table))
    old, new = _summary(entry.old_value or ""), _summary(entry.new_value or "")
    field = TABLE_FIELD_LABELS.get(
        (entry.table, entry.field), FIELD_LABELS.get(entry.field, entry.field)
    )
    return AuditRow(
        id=entry.id,
        happened_at=entry.happened_at,
        area=area,
        what=what,
        table=entry.table,
        row_id=entry.row_id,
        action=entry.action,
        field=field,
        old_value=old,
        new_value=new,
        search_key=fold_many(what, field, old[:500], new[:500]),
    )


def history(table: str, row_id: int) -> list[AuditRow]:
    """Everything that happened to one record, newest first."""
    query = (
        AuditLog.select()
        .where((AuditLog.table == table) & (AuditLog.row_id == row_id))
        .where(AuditLog.field.not_in(DERIVED))
        .order_by(AuditLog.happened_at.desc(), AuditLog.id.desc())
    )
    return [_row(e) for e in query]


def search(
    date_from: date | None = None,
    date_to: date | None = None,
    area: str | None = None,
    text: str = "",
    limit: int = 5000,
) -> list[AuditRow]:
    """The log, newest first, filtered by period, area and words (marks and case ignored)."""
    query = (
        AuditLog.select()
        .where(AuditLog.field.not_in(DERIVED))
        .order_by(AuditLog.happened_at.desc(), AuditLog.id.desc())
    )
    if date_from is not None:
        query = query.where(AuditLog.happened_at >= datetime.combine(date_from, time.min))
    if date_to is not None:
        query = query.where(AuditLog.happened_at <= datetime.combine(date_to, time.max))
    if area:
        tables = [t for t, (a, _label) in TABLE_LABELS.items() if a == area]
        query = query.where(AuditLog.table.in_(tables))
    words = fold(text).split()
    out: list[AuditRow] = []
    for entry in query.iterator():
        row = _row(entry)
        if all(w in row.search_key for w in words):
            out.append(row)
            if len(out) >= limit:
                break
    return out
