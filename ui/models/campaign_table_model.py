"""Table model of emulation campaigns."""

from __future__ import annotations

from app.campaigns import CampaignRow
from ui.models.columns import date_sort, date_text, label, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class CampaignTableModel(RecordTableModel[CampaignRow]):
    COL_NAME, COL_LAUNCHER, COL_KIND, COL_CADENCE, COL_LEAD, COL_FROM, COL_STATUS, COL_YEAR = range(
        8
    )
    columns = (
        Column("Tên phong trào", lambda r: r.name, sort=lambda r: text_sort(r.name), width=460),
        Column("Cấp phát động", lambda r: label(r.launcher), width=150),
        Column("Hình thức", lambda r: label(r.kind), width=160),
        Column("Kỳ báo cáo", lambda r: label(r.cadence), width=100),
        Column("Đơn vị chủ trì", lambda r: r.lead, sort=lambda r: text_sort(r.lead), width=200),
        Column(
            "Bắt đầu",
            lambda r: date_text(r.date_from),
            sort=lambda r: date_sort(r.date_from),
            width=90,
        ),
        Column("Trạng thái", lambda r: label(r.status), width=120),
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=60, align_right=True),
    )
