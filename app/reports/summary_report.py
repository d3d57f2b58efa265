"""The year-end summary (báo cáo tổng kết công tác thi đua, khen thưởng năm N).

``summary_document(year)`` gives the AdminDocument (PDF and Word through the documents
engine); app/reports/summary_workbook.py holds the same tables as an XLSX workbook.
"""

from __future__ import annotations

from datetime import date

from app.agency import details_on
from app.documents import (
    AdminDocument,
    BarChart,
    Block,
    Bullet,
    Header,
    Heading,
    Paragraph,
    Signer,
    Table,
)
from app.reports.meeting_report import COUNCIL
from app.reports.plan_report import BLANK, NO_AGENCY, place_date
from app.summary import (
    NARRATIVE_LABELS,
    AwardTables,
    Narrative,
    SummaryFacts,
    load_narrative,
    summary_facts,
)
from app.vntext import short_date
from db.enums import AwardFamily

TO_FILL = "." * 60  # a section the operator has not written yet: room to write by hand


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _change(now: int, before: int) -> str:
    if before == 0:
        return "mới" if now else "0"
    diff = now - before
    sign = "+" if diff > 0 else ""
    # the count with its thousands dot, the percent whole: "-2.605 (-74%)"
    return f"{sign}{_count(diff)} ({sign}{diff / before * 100:.0f}%)"


def _percent(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%".replace(".", ",") if whole else "0%"


def _text_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(("- ", "+ ")):
            blocks.append(Bullet(line[2:]))
        elif line:
            blocks.append(Paragraph(line))
    return blocks or [Paragraph(TO_FILL)]


# ---------------------------------------------------------------- the sections


def _plan_section(facts: SummaryFacts) -> list[Block]:
    plan = facts.plan
    out: list[Block] = [Heading("I. TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH", 1)]
    if not plan.exists:
        return [
            *out,
            Paragraph(f"Chưa có kế hoạch công tác thi đua, khen thưởng năm {facts.year}."),
        ]
    out.append(
        Paragraph(
            f"Kế hoạch năm {facts.year} có {plan.total} nhiệm vụ: đã hoàn thành {plan.done} "
            f"({_percent(plan.done, plan.total)}); đang thực hiện {plan.in_progress}; chưa "
            f"thực hiện {plan.not_started}; trong đó {plan.late} nhiệm vụ chậm so với thời hạn."
        )
    )
    if plan.unfinished:
        out.append(Paragraph("Các nhiệm vụ chưa hoàn thành:"))
        out.append(
            Table(
                ("Mục", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng"),
                tuple(
                    (t.label, t.title, t.lead, short_date(t.due) if t.due else "", t.status)
                    for t in plan.unfinished
                ),
                (0.09, 0.41, 0.18, 0.15, 0.17),
                align=("center", "left", "left", "center", "left"),
            )
        )
    return out


def _meetings_section(facts: SummaryFacts) -> list[Block]:
    held = facts.held_meetings
    out: list[Block] = [Heading("II. HOẠT ĐỘNG CỦA HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", 1)]
    others = [m for m in facts.meetings if m not in held]
    text = f"Trong năm, Hội đồng đã tổ chức {len(held)} phiên họp"
    if others:
        text += f"; {len(others)} phiên họp khác dự kiến, hoãn hoặc hủy"
    out.append(Paragraph(text + "."))
    if held:
        out.append(
            Table(
                ("Ngày họp", "Phiên họp", "Kết luận"),
                tuple(
                    (
                        short_date(m.held_on) if m.held_on else "",
                        m.title,
                        "\n".join(m.conclusions) or "Không ghi kết luận.",
                    )
                    for m in held
                ),
                (0.15, 0.32, 0.53),
                align=("center", "left", "left"),
            )
        )
    return out


def _campaigns_section(facts: SummaryFacts) -> list[Block]:
    out: list[Block] = [Heading("III. CÁC PHONG TRÀO THI ĐUA", 1)]
    if not facts.campaigns:
        return [*out, Paragraph(f"Năm {facts.year} chưa ghi nhận phong trào thi đua nào.")]
    out.append(Paragraph(f"Trong năm triển khai {len(facts.campaigns)} phong trào thi đua:"))
    out.append(
        Table(
            ("STT", "Phong trào", "Cấp phát động", "Đăng ký", "Báo cáo", "Trạng thái"),
            tuple(
                (
                    str(i),
                    c.name,
                    c.launcher,
                    _count(c.registrations),
                    _count(c.reports),
                    c.status,
                )
                for i, c in enumerate(facts.campaigns, start=1)
            ),
            (0.07, 0.39, 0.16, 0.11, 0.10, 0.17),
            align=("center", "left", "left", "right", "right", "left"),
        )
    )
    for c in facts.campaigns:
        if c.results:
            out.append(Bullet(f"{c.name}: {c.results}"))
    return out


def _examples_section(facts: SummaryFacts) -> list[Block]:
    out: list[Block] = [Heading("IV. ĐIỂN HÌNH TIÊN TIẾN, MÔ HÌNH MỚI", 1)]
    if not facts.examples:
        return [*out, Paragraph("Chưa ghi nhận điển hình tiên tiến nào trong năm.")]
    out.append(Paragraph(f"Phát hiện, bồi dưỡng và nhân rộng {len(facts.examples)} điển hình:"))
    out.append(
        Table(
            ("Điển hình", "Loại", "Phong trào", "Thành tích"),
            tuple((e.name, e.kind, e.campaign, e.deeds) for e in facts.examples),
            (0.22, 0.16, 0.22, 0.40),
        )
    )
    return out


def award_chart(tables: AwardTables) -> BarChart | None:
    """Awards by title and form, this year against last year."""
    lines = [line for line in tables.by_type if line.total or line.previous]
    if not lines:
        return None
    return BarChart(
        tuple(line.name for line in lines),
        (
            (f"Năm {tables.year - 1}", tuple(float(line.previous) for line in lines)),
            (f"Năm {tables.year}", tuple(float(line.total) for line in lines)),
        ),
        caption=f"Biểu đồ: Khen thưởng theo danh hiệu, hình thức năm {tables.year} so với "
        f"năm {tables.year - 1}",
    )


def _type_rows(tables: AwardTables, family: AwardFamily) -> list[tuple[str, ...]]:
    return [
        (
            line.name,
            _count(line.individual),
            _count(line.collective),
            _count(line.total),
            _count(line.previous),
            _change(line.total, line.previous),
        )
        for line in tables.by_type
        if line.family is family
    ]


def _awards_section(facts: SummaryFacts) -> list[Block]:
    tables = facts.awards
    out: list[Block] = [Heading("V. CÔNG TÁC KHEN THƯỞNG", 1)]
    out.append(
        Paragraph(
            f"Năm {facts.year} có {_count(tables.total)} lượt khen thưởng (cá nhân "
            f"{_count(tables.individual)}, tập thể {_count(tables.collective)}); năm "
            f"{facts.year - 1}: {_count(tables.previous_total)} lượt "
            f"({_change(tables.total, tables.previous_total)})."
        )
    )
    if not tables.by_type:
        return out
    out.append(Heading("1. Theo danh hiệu thi đua và hình thức khen thưởng", 2))
    rows: list[tuple[str, ...]] = []
    for family in (AwardFamily.TITLE, AwardFamily.FORM):
        own = _type_rows(tables, family)
        if own:
            rows.append((family.label.upper(), "", "", "", "", ""))
            rows += own
    rows.append(
        (
            "Tổng cộng",
            _count(tables.individual),
            _count(tables.collective),
            _count(tables.total),
            _count(tables.previous_total),
            _change(tables.total, tables.previous_total),
        )
    )
    out.append(
        Table(
            (
                "Danh hiệu, hình thức",
                "Cá nhân",
                "Tập thể",
                f"Năm {facts.year}",
                f"Năm {facts.year - 1}",
                "Tăng, giảm",
            ),
            tuple(rows),
            (0.36, 0.11, 0.11, 0.12, 0.12, 0.18),
            align=("left", "right", "right", "right", "right", "right"),
        )
    )
    chart = award_chart(tables)
    if chart is not None:
        out.append(chart)
    if tables.by_unit:
        out.append(Heading("2. Theo đơn vị", 2))
        out.append(
            Table(
                ("STT", "Đơn vị", "Cá nhân", "Tập thể", "Tổng số"),
                tuple(
                    (
                        str(i),
                        u.unit,
                        _count(u.individual),
                        _count(u.collective),
                        _count(u.total),
                    )
                    for i, u in enumerate(tables.by_unit, start=1)
                ),
                (0.08, 0.50, 0.14, 0.14, 0.14),
                align=("center", "left", "right", "right", "right"),
            )
        )
    return out


def _narrative(name: str, number: str, narrative: Narrative) -> list[Block]:
    return [
        Heading(f"{number} {NARRATIVE_LABELS[name].upper()}", 1),
        *_text_blocks(getattr(narrative, name)),
    ]


def summary_body(facts: SummaryFacts, narrative: Narrative) -> tuple[Block, ...]:
    year = facts.year
    body: list[Block] = [
        Heading(f"Phần thứ nhất. KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}", 1),
        *_plan_section(facts),
        *_meetings_section(facts),
        *_campaigns_section(facts),
        *_examples_section(facts),
        *_awards_section(facts),
        *_narrative("results", "VI.", narrative),
        *_narrative("shortcomings", "VII.", narrative),
        *_narrative("lessons", "VIII.", narrative),
        Heading(f"Phần thứ hai. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}", 1),
        *_text_blocks(narrative.directions),
        Heading("Phần thứ ba. ĐỀ XUẤT, KIẾN NGHỊ", 1),
        *_text_blocks(narrative.recommendations),
    ]
    return tuple(body)


def summary_document(year: int, today: date | None = None) -> AdminDocument:
    facts = summary_facts(year, today)
    agency = details_on(date(year, 12, 31)) or NO_AGENCY
    narrative = load_narrative(year)
    subject = (
        f"Tổng kết công tác thi đua, khen thưởng năm {year}",
        f"và phương hướng, nhiệm vụ năm {year + 1}",
    )
    return AdminDocument(
        header=Header(
            parent_body=agency.agency_name,
            issuing_body=COUNCIL,
            number_symbol=f"Số:{BLANK}/BC-HĐTĐKT",
            place_date=place_date(agency.place_name, None, year),
        ),
        doc_type="BÁO CÁO",
        subject=subject,
        body=summary_body(facts, narrative),
        recipients=(
            "Hội đồng Thi đua - Khen thưởng tỉnh (Ban Thi đua - Khen thưởng);",
            "Thành viên Hội đồng;",
            "Các phòng, đơn vị thuộc Sở;",
            "Lưu: VT.",
        ),
        signer=Signer(f"TM. {COUNCIL}", "CHỦ TỊCH", agency.director_name),
        title=f"Báo cáo {' '.join(subject)}",
        author=agency.agency_name,
    )
