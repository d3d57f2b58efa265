"""Table model of council meetings."""

from __future__ import annotations

from app.meetings import MeetingRow
from ui.models.columns import label, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class MeetingTableModel(RecordTableModel[MeetingRow]):
    COL_WHEN, COL_TITLE, COL_KIND, COL_STATUS, COL_CHAIR, COL_PLACE = range(6)
    columns = (
        Column("Thời gian", lambda r: r.when_text, sort=lambda r: r.when_sort, width=140),
        Column("Phiên họp", lambda r: r.title, sort=lambda r: text_sort(r.title), width=460),
        Column("Loại", lambda r: label(r.kind), width=110),
        Column("Trạng thái", lambda r: label(r.status), width=100),
        Column(
            "Chủ trì", lambda r: r.chair_name, sort=lambda r: name_sort(r.chair_name), width=180
        ),
        Column("Địa điểm", lambda r: r.place, sort=lambda r: text_sort(r.place), width=160),
    )
