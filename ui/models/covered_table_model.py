"""Table model of the proposals a decision grants."""

from __future__ import annotations

from app.decisions import CandidateRow
from ui.models.columns import label, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class CoveredTableModel(RecordTableModel[CandidateRow]):
    columns = (
        Column(
            "Cá nhân, tập thể",
            lambda r: r.recipient_name,
            sort=lambda r: name_sort(r.recipient_name),
            width=220,
        ),  # fmt: skip
        Column("Đối tượng", lambda r: label(r.recipient_kind), width=80),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=230),
        Column(
            "Danh hiệu, hình thức",
            lambda r: r.award_name,
            sort=lambda r: text_sort(r.award_name),
            width=240,
        ),  # fmt: skip
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=60),
        Column("Trạng thái", lambda r: label(r.status), width=120),
    )
