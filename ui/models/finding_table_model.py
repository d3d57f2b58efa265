"""Table model of eligibility findings (the whole year's check before the council meets)."""

from __future__ import annotations

from app.eligibility import Finding, finding_state
from ui.models.columns import text_sort
from ui.models.record_table_model import Column, RecordTableModel


class FindingTableModel(RecordTableModel[Finding]):
    columns = (
        Column("Mức", finding_state, width=125),
        Column(
            "Cá nhân / tập thể",
            lambda f: f.recipient or "(cả danh sách)",
            sort=lambda f: text_sort(f.recipient),
            width=170,
        ),
        Column("Danh hiệu / hình thức", lambda f: f.award_name, width=170),
        Column("Vấn đề", lambda f: f.detail, sort=lambda f: text_sort(f.detail), width=380),
        Column(
            "Quy định, căn cứ",
            lambda f: f"{f.rule_title} ({f.legal_basis})",
            width=360,
        ),
        Column("Lý do bỏ qua", lambda f: f.override_note, width=200),
    )
