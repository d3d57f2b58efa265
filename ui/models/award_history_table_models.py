"""Table models of the award history page: people and units to pick, their years, next year's list."""

from __future__ import annotations

from app.award_history import EligibleRow, RecipientRow, Suggestion, YearRecord
from db.enums import Discipline
from ui.models.columns import label, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class RecipientTableModel(RecordTableModel[RecipientRow]):
    COL_NAME, COL_KIND, COL_UNIT = range(3)
    columns = (
        Column("Cá nhân / tập thể", lambda r: r.name, sort=lambda r: name_sort(r.sort), width=170),
        Column("Đối tượng", lambda r: label(r.recipient_kind), width=80),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=130),
    )


def _discipline(row: YearRecord) -> str:
    return "" if row.discipline is Discipline.NONE else row.discipline.label


class YearTableModel(RecordTableModel[YearRecord]):
    COL_YEAR, COL_RATING, COL_TITLES, COL_FORMS, COL_DECISIONS, COL_INITIATIVE, COL_DISC = range(7)
    columns = (
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=55, align_right=True),
        Column("Xếp loại", lambda r: label(r.rating), width=190),
        Column("Danh hiệu thi đua", lambda r: r.titles_text, width=260),
        Column("Hình thức khen thưởng", lambda r: r.forms_text, width=200),
        Column("Quyết định", lambda r: r.decisions_text, width=220),
        Column("Sáng kiến, đề tài", lambda r: r.initiative, width=200),
        Column("Kỷ luật", _discipline, width=80),
    )


class SuggestionTableModel(RecordTableModel[Suggestion]):
    COL_AWARD, COL_BASIS, COL_CONDITION, COL_LEGAL = range(4)
    columns = (
        Column("Có thể đề nghị", lambda r: r.award_name, width=190),
        Column("Căn cứ (kết quả các năm)", lambda r: r.basis, width=280),
        Column("Điều kiện cần đạt", lambda r: r.condition, width=320),
        Column("Căn cứ pháp lý", lambda r: f"{r.legal_basis} {r.confidence}".strip(), width=240),
    )


class EligibleTableModel(RecordTableModel[EligibleRow]):
    COL_NAME, COL_KIND, COL_UNIT, COL_AWARD, COL_BASIS, COL_CONDITION, COL_LEGAL = range(7)
    columns = (
        Column("Cá nhân / tập thể", lambda r: r.name, sort=lambda r: name_sort(r.sort), width=190),
        Column("Đối tượng", lambda r: label(r.recipient_kind), width=80),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=150),
        Column(
            "Có thể đề nghị", lambda r: r.award_name, sort=lambda r: r.award_position, width=190
        ),
        Column("Căn cứ (kết quả các năm)", lambda r: r.basis, width=280),
        Column("Điều kiện cần đạt", lambda r: r.condition, width=320),
        Column("Căn cứ pháp lý", lambda r: r.legal_basis, width=240),
    )
