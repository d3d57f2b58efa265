"""Table model of typical examples (điển hình tiên tiến, mô hình mới, nhân tố mới)."""

from __future__ import annotations

from app.typical_examples import ExampleRow
from ui.models.columns import label, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class TypicalExampleTableModel(RecordTableModel[ExampleRow]):
    COL_YEAR, COL_KIND, COL_NAME, COL_UNIT, COL_DEEDS, COL_SPREAD, COL_CAMPAIGN = range(7)
    columns = (
        Column("Năm", lambda r: str(r.year), sort=lambda r: r.year, width=55, align_right=True),
        Column("Loại", lambda r: label(r.kind), width=130),
        Column("Tên", lambda r: r.name, sort=lambda r: name_sort(r.sort_name), width=200),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=150),
        Column(
            "Thành tích, việc làm",
            lambda r: " ".join(r.deeds.split()),
            sort=lambda r: text_sort(r.deeds),
            width=300,
        ),
        Column(
            "Cách nhân rộng",
            lambda r: " ".join(r.spread.split()),
            sort=lambda r: text_sort(r.spread),
            width=220,
        ),
        Column(
            "Phong trào",
            lambda r: r.campaign_name,
            sort=lambda r: text_sort(r.campaign_name),
            width=260,
        ),
    )
