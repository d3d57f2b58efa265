"""Table model of award decisions."""

from __future__ import annotations

from app.decisions import DecisionRow
from ui.models.columns import date_sort, date_text, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class DecisionTableModel(RecordTableModel[DecisionRow]):
    COL_NUMBER, COL_DATE, COL_AUTHORITY, COL_SUBJECT, COL_COUNT, COL_SIGNER = range(6)
    columns = (
        Column(
            "Số, ký hiệu",
            lambda r: r.number_symbol,
            sort=lambda r: text_sort(r.number_symbol),
            width=130,
        ),  # fmt: skip
        Column(
            "Ngày ký",
            lambda r: date_text(r.signed_on),
            sort=lambda r: date_sort(r.signed_on),
            width=90,
        ),  # fmt: skip
        Column(
            "Cấp quyết định",
            lambda r: r.authority,
            sort=lambda r: text_sort(r.authority),
            width=150,
        ),  # fmt: skip
        Column("Trích yếu", lambda r: r.subject, sort=lambda r: text_sort(r.subject), width=420),
        Column(
            "Số đề nghị",
            lambda r: str(r.proposal_count),
            sort=lambda r: r.proposal_count,
            width=80,
            align_right=True,
        ),  # fmt: skip
        Column(
            "Người ký", lambda r: r.signer_name, sort=lambda r: name_sort(r.signer_name), width=160
        ),  # fmt: skip
    )
