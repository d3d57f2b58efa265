"""Table models of the Danh mục lists: units, people (and one person's unit history), council
members, the award catalog."""

from __future__ import annotations

from datetime import date

from app.catalog import AwardTypeRow
from app.people import CouncilMemberRow, PersonRow, UnitRow
from app.person_history import HistoryRow
from ui.models.columns import date_text, label, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


def _yes(value: bool) -> str:
    return "Có" if value else "Không"


class UnitTableModel(RecordTableModel[UnitRow]):
    COL_NAME, COL_SHORT, COL_KIND, COL_PARENT, COL_PEOPLE, COL_ACTIVE = range(6)
    columns = (
        Column("Tên đơn vị", lambda r: r.name, sort=lambda r: text_sort(r.name), width=300),
        Column("Viết tắt", lambda r: r.short_name, width=90),
        Column("Loại", lambda r: label(r.kind), width=160),
        Column(
            "Trực thuộc",
            lambda r: r.parent_name,
            sort=lambda r: text_sort(r.parent_name),
            width=200,
        ),
        Column(
            "Số người",
            lambda r: str(r.people_count),
            sort=lambda r: r.people_count,
            width=80,
            align_right=True,
        ),
        Column("Đang hoạt động", lambda r: _active_text(r), width=160),
    )


def _active_text(row: UnitRow) -> str:
    if row.active or row.closed_on is None:
        return _yes(row.active)
    return f"Không (từ {date_text(row.closed_on)})"


class PersonTableModel(RecordTableModel[PersonRow]):
    COL_NAME, COL_GENDER, COL_BIRTH, COL_POSITION, COL_UNIT, COL_RANK, COL_ACTIVE = range(7)
    columns = (
        Column(
            "Họ và tên", lambda r: r.full_name, sort=lambda r: name_sort(r.sort_name), width=220
        ),
        Column("Giới tính", lambda r: label(r.gender), width=70),
        Column(
            "Năm sinh",
            lambda r: str(r.birth_year or ""),
            sort=lambda r: r.birth_year,
            width=80,
            align_right=True,
        ),
        Column("Chức vụ", lambda r: r.position, sort=lambda r: text_sort(r.position), width=180),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=200),
        Column("Nhóm đối tượng", lambda r: label(r.rank_group), width=170),
        Column("Đang công tác", lambda r: _yes(r.active), width=100),
    )


class CouncilMemberTableModel(RecordTableModel[CouncilMemberRow]):
    COL_NAME, COL_ROLE, COL_POSITION, COL_UNIT, COL_FROM, COL_TO = range(6)
    columns = (
        Column(
            "Họ và tên", lambda r: r.full_name, sort=lambda r: name_sort(r.sort_name), width=220
        ),
        Column("Chức danh trong Hội đồng", lambda r: label(r.role), width=190),
        Column("Chức vụ", lambda r: r.position, sort=lambda r: text_sort(r.position), width=180),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=200),
        Column("Từ ngày", lambda r: date_text(r.term_from), width=90),
        Column("Đến ngày", lambda r: date_text(r.term_to), width=90),
    )


class AwardTypeTableModel(RecordTableModel[AwardTypeRow]):
    COL_NAME, COL_FAMILY, COL_RECIPIENT, COL_LEVEL, COL_AUTHORITY, COL_RULES = range(6)
    columns = (
        Column(
            "Danh hiệu / hình thức", lambda r: r.name, sort=lambda r: text_sort(r.name), width=280
        ),
        Column("Loại", lambda r: label(r.family), width=150),
        Column("Đối tượng", lambda r: label(r.recipient), width=120),
        Column("Cấp", lambda r: label(r.level), width=110),
        Column("Thẩm quyền quyết định", lambda r: r.granting_authority, width=200),
        Column(
            "Số quy định",
            lambda r: str(r.rule_count),
            sort=lambda r: r.rule_count,
            width=90,
            align_right=True,
        ),
    )


def _until(value: date | None) -> str:
    return "nay" if value is None else date_text(value)


class UnitHistoryTableModel(RecordTableModel[HistoryRow]):
    """A person's units, positions and rank groups, from and to (the person dialog's Quá trình
    công tác)."""

    COL_UNIT, COL_POSITION, COL_RANK, COL_FROM, COL_TO = range(5)
    columns = (
        Column("Đơn vị", lambda r: r.unit_name, width=190),
        Column("Chức vụ", lambda r: r.position, width=130),
        Column("Nhóm đối tượng", lambda r: label(r.rank_group), width=150),
        Column("Từ ngày", lambda r: date_text(r.date_from) or "—", width=85),
        Column("Đến ngày", lambda r: _until(r.date_to), width=85),
    )
