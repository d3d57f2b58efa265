"""Table model of award proposals (tens of thousands of rows: keep cells cheap)."""

from __future__ import annotations

from app.awards import ProposalRow
from ui.models.columns import label, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class ProposalTableModel(RecordTableModel[ProposalRow]):
    COL_YEAR, COL_NAME, COL_RECIPIENT, COL_UNIT, COL_AWARD, COL_KIND, COL_STATUS = range(7)
    columns = (
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=60, align_right=True),
        Column(
            "Cá nhân / tập thể được đề nghị",
            lambda r: r.recipient_name,
            sort=lambda r: name_sort(r.recipient_sort),
            width=260,
        ),
        Column("Đối tượng", lambda r: label(r.recipient_kind), width=80),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=200),
        Column(
            "Danh hiệu / hình thức",
            lambda r: r.award_name,
            sort=lambda r: r.award_position,
            width=260,
        ),
        Column("Loại hình", lambda r: label(r.kind), width=200),
        Column("Trạng thái", lambda r: label(r.status), width=150),
    )
