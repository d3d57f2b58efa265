"""Table model of the catalog's rules in force on a date (the eligibility checks)."""

from __future__ import annotations

from app.eligibility import RuleView
from app.vntext import short_date
from ui.models.columns import label, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class RuleTableModel(RecordTableModel[RuleView]):
    columns = (
        Column("Áp dụng", lambda r: label(r.severity), width=90),
        Column("Áp dụng cho", lambda r: r.award_name, width=120),
        Column("Quy định", lambda r: r.title, sort=lambda r: text_sort(r.title), width=400),
        Column("Căn cứ (văn bản đang có hiệu lực)", lambda r: r.legal_basis, width=300),
        Column(
            "Văn bản từ",
            lambda r: short_date(r.effective_from),
            sort=lambda r: r.effective_from.isoformat(),
            width=90,
        ),
        Column(
            "Cài đặt của cơ quan",
            lambda r: r.setting_text,
            sort=lambda r: r.setting_from.isoformat() if r.setting_from else "",
            width=150,
        ),
        Column("Độ tin cậy", lambda r: r.confidence, width=80),
    )
