"""Table model of registrations for emulation titles (đăng ký thi đua)."""

from __future__ import annotations

from app.registrations import RegistrationRow
from ui.models.columns import date_sort, date_text, name_sort, text_sort
from ui.models.record_table_model import Column, RecordTableModel


class RegistrationTableModel(RecordTableModel[RegistrationRow]):
    COL_NAME, COL_KIND, COL_POSITION, COL_UNIT, COL_AWARD, COL_DATE, COL_NOTE = range(7)
    columns = (
        Column(
            "Tập thể, cá nhân",
            lambda r: r.name,
            sort=lambda r: text_sort(r.name) if r.is_unit else name_sort(r.sort_name),
            width=220,
        ),
        Column("Đối tượng", lambda r: "Tập thể" if r.is_unit else "Cá nhân", width=80),
        Column("Chức vụ", lambda r: r.position, sort=lambda r: text_sort(r.position), width=150),
        Column("Đơn vị", lambda r: r.unit_name, sort=lambda r: text_sort(r.unit_name), width=170),
        Column(
            "Danh hiệu đăng ký",
            lambda r: r.award_name,
            sort=lambda r: text_sort(r.award_name),
            width=210,
        ),
        Column(
            "Ngày đăng ký",
            lambda r: date_text(r.registered_on),
            sort=lambda r: date_sort(r.registered_on),
            width=100,
        ),
        Column("Ghi chú", lambda r: r.note, sort=lambda r: text_sort(r.note), width=160),
    )
