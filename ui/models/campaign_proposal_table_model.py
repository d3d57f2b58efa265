"""Table model of the award proposals started from a campaign (read-only here)."""

from __future__ import annotations

from app.campaigns import CampaignProposalRow
from ui.models.columns import text_sort
from ui.models.record_table_model import Column, RecordTableModel


class CampaignProposalTableModel(RecordTableModel[CampaignProposalRow]):
    COL_RECIPIENT, COL_AWARD, COL_KIND, COL_STATUS, COL_YEAR = range(5)
    columns = (
        Column(
            "Tập thể, cá nhân",
            lambda r: r.recipient,
            sort=lambda r: text_sort(r.recipient),
            width=240,
        ),
        Column(
            "Hình thức khen thưởng", lambda r: r.award, sort=lambda r: text_sort(r.award), width=240
        ),
        Column("Loại khen thưởng", lambda r: r.kind, width=170),
        Column("Trạng thái", lambda r: r.status, width=160),
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=55, align_right=True),
    )
