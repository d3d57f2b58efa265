"""The year-end summary's tables as an XLSX workbook: one sheet each, numbers as numbers."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.exports.tables import is_formula_like
from app.summary import SummaryFacts, summary_facts
from app.vntext import nfc

Cell = str | int | float | date | None


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def summary_sheets(facts: SummaryFacts) -> tuple[Sheet, ...]:
    plan, awards, year = facts.plan, facts.awards, facts.year
    return (
        Sheet(
            "Kế hoạch",
            ("Chỉ tiêu", "Số nhiệm vụ"),
            (
                ("Tổng số nhiệm vụ", plan.total),
                ("Đã hoàn thành", plan.done),
                ("Đang thực hiện", plan.in_progress),
                ("Chưa thực hiện", plan.not_started),
                ("Chậm tiến độ", plan.late),
            ),
        ),
        Sheet(
            "Nhiệm vụ chưa xong",
            ("Mục", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng"),
            tuple((t.label, t.title, t.lead, t.due, t.status) for t in plan.unfinished),
        ),
        Sheet(
            "Phiên họp",
            ("Ngày họp", "Phiên họp", "Trạng thái", "Kết luận"),
            tuple(
                (m.held_on, m.title, m.status.label, "\n".join(m.conclusions))
                for m in facts.meetings
            ),
        ),
        Sheet(
            "Phong trào",
            (
                "Phong trào",
                "Cấp phát động",
                "Đăng ký",
                "Báo cáo",
                "Điển hình",
                "Trạng thái",
                "Kết quả",
            ),
            tuple(
                (c.name, c.launcher, c.registrations, c.reports, c.examples, c.status, c.results)
                for c in facts.campaigns
            ),
        ),
        Sheet(
            "Điển hình",
            ("Điển hình", "Loại", "Phong trào", "Thành tích"),
            tuple((e.name, e.kind, e.campaign, e.deeds) for e in facts.examples),
        ),
        Sheet(
            "Khen thưởng theo loại",
            (
                "Danh hiệu, hình thức",
                "Loại",
                "Cá nhân",
                "Tập thể",
                f"Năm {year}",
                f"Năm {year - 1}",
            ),
            tuple(
                (a.name, a.family.label, a.individual, a.collective, a.total, a.previous)
                for a in awards.by_type
            )
            + (
                (
                    "Tổng cộng",
                    "",
                    awards.individual,
                    awards.collective,
                    awards.total,
                    awards.previous_total,
                ),
            ),
        ),
        Sheet(
            "Khen thưởng theo đơn vị",
            ("Đơn vị", "Cá nhân", "Tập thể", "Tổng số"),
            tuple((u.unit, u.individual, u.collective, u.total) for u in awards.by_unit),
        ),
    )


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """One sheet per table; numbers and dates keep their types, formula-like text stays text."""
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec.title[:31])
        sheet.append([nfc(h) for h in spec.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for values in spec.rows:
            sheet.append([nfc(v) if isinstance(v, str) else v for v in values])
            for cell in sheet[sheet.max_row]:
                if is_formula_like(cell.value) or cell.data_type == "f":
                    cell.data_type = "s"
                    cell.quotePrefix = True
                elif isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
        for index, header in enumerate(spec.headers, start=1):
            longest = max([len(header)] + [len(str(r[index - 1] or "")) for r in spec.rows[:200]])
            sheet.column_dimensions[get_column_letter(index)].width = max(10, min(60, longest + 2))
        sheet.freeze_panes = "A2"
    book.properties.creator = "TĐKT Desk"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def summary_workbook(year: int, today: date | None = None) -> bytes:
    return workbook_bytes(summary_sheets(summary_facts(year, today)))
