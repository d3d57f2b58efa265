"""A campaign's papers (Decree 30/2020 layout): the launch plan, the registration summary and
a period's report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.agency import AgencyDetails, details_on
from app.campaign_reports import period_of, period_phrase
from app.campaigns import campaign_input, proposal_rows
from app.documents import AdminDocument, Bullet, Header, Heading, Paragraph, Signer, Table
from app.errors import NotFound
from app.registrations import registration_rows, registration_summary
from app.reports.plan_report import BLANK, NO_AGENCY, place_date
from app.typical_examples import example_rows
from app.vntext import roman, short_date
from db.enums import Cadence, CampaignKind, Launcher
from db.models import Campaign, CampaignReport, Unit

DIRECTOR = "GIÁM ĐỐC"
PROVINCE_RECIPIENT = "Ban Thi đua - Khen thưởng tỉnh (Sở Nội vụ);"


def _agency(on: date) -> AgencyDetails:
    return details_on(on) or NO_AGENCY


def _header(agency: AgencyDetails, kind: str, year: int) -> Header:
    symbol = f"{kind}-{agency.abbreviation}" if agency.abbreviation else kind
    return Header(
        parent_body=agency.parent_body,
        issuing_body=agency.agency_name,
        number_symbol=f"Số:{BLANK}/{symbol}",
        place_date=place_date(agency.place_name, None, year),
    )


def _signer(agency: AgencyDetails) -> Signer:
    return Signer("", DIRECTOR, agency.director_name)


def _name_in_text(agency: AgencyDetails) -> str:
    """ "SỞ NGOẠI VỤ" as written inside a sentence: "Sở Ngoại vụ"."""
    name = agency.agency_name
    if not name:
        return "Sở"
    if not name.isupper():
        return name
    words = name.lower().split()
    return " ".join(w.capitalize() if i < 2 else w for i, w in enumerate(words))


def _campaign(campaign_id: int) -> Campaign:
    c = Campaign.get_or_none(Campaign.id == campaign_id)
    if c is None:
        raise NotFound(f"Không có phong trào số {campaign_id}.")
    return c


def _lines(text: str) -> list[object]:
    """A multi-line text as paragraphs; "- " lines become bullets."""
    blocks: list[object] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(("- ", "+ ")):
            blocks.append(Bullet(line[2:]))
        elif line:
            blocks.append(Paragraph(line[0].upper() + line[1:]))
    return blocks


def _lead(c: Campaign) -> str:
    if c.lead_unit_id:
        unit = Unit.get_or_none(Unit.id == c.lead_unit_id)
        return unit.name if unit else c.lead_text
    return c.lead_text


def _when(c: Campaign) -> str:
    if c.date_from and c.date_to:
        return f"Từ ngày {short_date(c.date_from)} đến ngày {short_date(c.date_to)}."
    if c.date_from:
        return f"Từ ngày {short_date(c.date_from)}."
    return f"Trong năm {c.year}."


def _launched_by(c: Campaign) -> str:
    if c.launcher == Launcher.DEPARTMENT:
        return ""
    return c.launcher_text or c.launcher.label


def campaign_plan_document(campaign_id: int) -> AdminDocument:
    """Kế hoạch phát động: aims, content and criteria, scope, time, reporting, organisation."""
    c = _campaign(campaign_id)
    data = campaign_input(campaign_id)
    agency = _agency(c.date_from or date(c.year, 1, 1))
    agency_name = _name_in_text(agency)
    launched = _launched_by(c)
    body: list[object] = []
    if launched:
        body.append(
            Paragraph(
                f"Thực hiện phong trào thi đua do {launched} phát động, {agency_name} "
                f"xây dựng Kế hoạch triển khai {c.name}, cụ thể như sau:"
            )
        )
    else:
        body.append(
            Paragraph(f"{agency_name} xây dựng Kế hoạch phát động {c.name}, cụ thể như sau:")
        )
    body.append(Heading("I. MỤC ĐÍCH, YÊU CẦU", 1))
    body += _lines(data.goals) or [
        Paragraph(
            "Phát huy tinh thần thi đua yêu nước của công chức, viên chức và người lao động, "
            "phấn đấu hoàn thành xuất sắc nhiệm vụ được giao; phát hiện, bồi dưỡng, nhân rộng "
            "các điển hình tiên tiến."
        )
    ]
    body.append(Heading("II. NỘI DUNG THI ĐUA", 1))
    body += _lines(data.criteria) or [Paragraph(BLANK * 6)]
    body.append(Heading("III. ĐỐI TƯỢNG, PHẠM VI, HÌNH THỨC", 1))
    told = []
    if c.scope is not None:
        told.append(f"Phạm vi: {c.scope.label.lower()}.")
    if c.kind is not None:
        told.append(f"Hình thức thi đua: {c.kind.label.lower()}.")
    if told:
        body.append(Paragraph(" ".join(told)))
    body.append(
        Paragraph("Đối tượng: các phòng, đơn vị thuộc Sở; công chức, viên chức và người lao động.")
    )
    body.append(Heading("IV. THỜI GIAN THỰC HIỆN", 1))
    body.append(Paragraph(_when(c)))
    body.append(Heading("V. CHẾ ĐỘ BÁO CÁO, SƠ KẾT, TỔNG KẾT", 1))
    if c.cadence is not None:
        body.append(
            Paragraph(
                f"Các phòng, đơn vị báo cáo kết quả thực hiện {c.cadence.label.lower()} "
                f"về {_lead(c) or 'Văn phòng Sở (Thường trực Hội đồng)'} để tổng hợp."
            )
        )
    body.append(
        Paragraph(
            "Kết thúc phong trào, Hội đồng Thi đua - Khen thưởng Sở tổng kết, xét đề nghị khen "
            + ("thưởng theo chuyên đề" if c.kind == CampaignKind.THEMATIC else "thưởng")
            + " các tập thể, cá nhân có thành tích xuất sắc."
        )
    )
    body.append(Heading("VI. TỔ CHỨC THỰC HIỆN", 1))
    lead = _lead(c)
    body.append(
        Paragraph(
            f"{lead or 'Văn phòng Sở (Thường trực Hội đồng)'} chủ trì, theo dõi, đôn đốc và tổng hợp "
            "kết quả thực hiện; các phòng, đơn vị thuộc Sở tổ chức quán triệt, đăng ký thi đua và "
            "triển khai thực hiện./."
        )
    )
    recipients = ["Ban Giám đốc Sở;", "Các phòng, đơn vị thuộc Sở;"]
    if c.launcher in (Launcher.PROVINCE, Launcher.PRIME_MINISTER):
        recipients.insert(0, PROVINCE_RECIPIENT)
    recipients.append("Lưu: VT, HĐTĐKT.")
    return AdminDocument(
        header=_header(agency, "KH", c.year),
        doc_type="KẾ HOẠCH",
        subject=(("Triển khai " if launched else "Phát động ") + c.name,),
        body=tuple(body),  # type: ignore[arg-type]
        recipients=tuple(recipients),
        signer=_signer(agency),
        title=f"Kế hoạch {c.name}",
        author=agency.agency_name,
    )


def registrations_document(year: int, campaign_id: int | None = None) -> AdminDocument:
    """Bảng tổng hợp đăng ký thi đua: the count per title, then who registered, unit by unit."""
    agency = _agency(date(year, 1, 1))
    rows = registration_rows(year, campaign_id=campaign_id)
    if not rows:
        raise NotFound(f"Năm {year} chưa có đăng ký thi đua nào.")
    summary = registration_summary(year, campaign_id)
    body: list[object] = [Heading("I. TỔNG HỢP THEO DANH HIỆU", 1)]
    body.append(
        Table(
            ("STT", "Danh hiệu đăng ký", "Đối tượng", "Số lượng"),
            tuple(
                (
                    str(i),
                    line.award_name,
                    "Tập thể" if line.for_units else "Cá nhân",
                    str(line.count),
                )
                for i, line in enumerate(summary, 1)
            )
            + (("", "Tổng cộng", "", str(sum(line.count for line in summary))),),
            (0.08, 0.52, 0.2, 0.2),
            align=("center", "left", "center", "right"),
        )
    )
    body.append(Heading("II. DANH SÁCH ĐĂNG KÝ", 1))
    table_rows = []
    for i, r in enumerate(rows, 1):
        table_rows.append(
            (
                str(i),
                r.name,
                r.position,  # a unit holds no position: empty (units have no parent to name)
                r.unit_name if not r.is_unit else "",
                r.award_name,
                short_date(r.registered_on) if r.registered_on else "",
            )
        )
    body.append(
        Table(
            ("STT", "Tập thể, cá nhân", "Chức vụ", "Đơn vị", "Danh hiệu đăng ký", "Ngày đăng ký"),
            tuple(table_rows),
            (0.06, 0.22, 0.18, 0.22, 0.2, 0.12),
            align=("center", "left", "left", "left", "left", "center"),
        )
    )
    subject = f"Đăng ký thi đua năm {year}"
    if campaign_id is not None:
        subject += f" — {_campaign(campaign_id).name}"
    return AdminDocument(
        header=_header(agency, "BTH", year),
        doc_type="BẢNG TỔNG HỢP",
        subject=(subject,),
        body=tuple(body),  # type: ignore[arg-type]
        recipients=("Hội đồng Thi đua - Khen thưởng Sở;", "Lưu: VT, HĐTĐKT."),
        signer=_signer(agency),
        landscape=True,
        title=f"Bảng tổng hợp đăng ký thi đua năm {year}",
        author=agency.agency_name,
    )


def unit_sheet_document(year: int, unit_id: int) -> AdminDocument:
    """Bản đăng ký thi đua of one unit: the unit's title, then each of its people's."""
    unit = Unit.get_or_none(Unit.id == unit_id)
    if unit is None:
        raise NotFound(f"Không có đơn vị số {unit_id}.")
    agency = _agency(date(year, 1, 1))
    rows = registration_rows(year, unit_id=unit_id)
    if not rows:
        raise NotFound(f"{unit.name} chưa đăng ký thi đua năm {year}.")
    own = [r for r in rows if r.is_unit]
    staff = [r for r in rows if not r.is_unit]
    on = min((r.registered_on for r in rows if r.registered_on), default=None)
    body: list[object] = [
        Paragraph(
            f"Thực hiện phong trào thi đua yêu nước năm {year} của {_name_in_text(agency)}, "
            f"{unit.name} đăng ký thi đua năm {year} như sau:"
        ),
        Heading("I. ĐĂNG KÝ DANH HIỆU TẬP THỂ", 1),
    ]
    body += [Paragraph(f"{unit.name} đăng ký danh hiệu “{r.award_name}”.") for r in own] or [
        Paragraph("Không đăng ký.")
    ]
    body.append(Heading("II. ĐĂNG KÝ DANH HIỆU CÁ NHÂN", 1))
    if staff:
        body.append(
            Table(
                ("STT", "Họ và tên", "Chức vụ", "Danh hiệu đăng ký"),
                tuple((str(i), r.name, r.position, r.award_name) for i, r in enumerate(staff, 1)),
                (0.08, 0.34, 0.28, 0.3),
                align=("center", "left", "left", "left"),
            )
        )
    else:
        body.append(Paragraph("Không có cá nhân đăng ký."))
    body.append(
        Paragraph(
            f"{unit.name} cam kết phấn đấu hoàn thành các chỉ tiêu, danh hiệu thi đua đã đăng ký./."
        )
    )
    return AdminDocument(
        header=Header(
            parent_body=agency.agency_name,
            issuing_body=unit.name.upper(),
            number_symbol="",
            place_date=place_date(agency.place_name, on, year),
        ),
        doc_type="BẢN ĐĂNG KÝ THI ĐUA",
        subject=(f"Năm {year}",),
        body=tuple(body),  # type: ignore[arg-type]
        recipients=("Hội đồng Thi đua - Khen thưởng Sở;", "Lưu: đơn vị."),
        signer=Signer("", "THỦ TRƯỞNG ĐƠN VỊ", ""),
        title=f"Bản đăng ký thi đua năm {year} — {unit.name}",
        author=agency.agency_name,
    )


def campaign_report_document(
    campaign_id: int, period_year: int, period_index: int
) -> AdminDocument:
    """Báo cáo kết quả of one period: results, highlights, the units' contributions, examples."""
    c = _campaign(campaign_id)
    report = CampaignReport.get_or_none(
        (CampaignReport.campaign == c.id)
        & (CampaignReport.period_year == period_year)
        & (CampaignReport.period_index == period_index)
    )
    period = period_of(c.cadence or Cadence.YEARLY, period_year, period_index)
    phrase = period_phrase(c.cadence or Cadence.YEARLY, period_year, period_index)
    if report is None:
        raise NotFound(f"Chưa nhập báo cáo {period.label} của phong trào này.")
    agency = _agency(report.reported_on or period.end)
    body: list[object] = [
        Paragraph(
            f"Thực hiện {c.name}"
            + (f" do {_launched_by(c)} phát động" if _launched_by(c) else "")
            + f", {_name_in_text(agency)} "
            f"báo cáo kết quả thực hiện {phrase} như sau:"
        ),
        Heading("I. KẾT QUẢ THỰC HIỆN", 1),
        *_lines(report.results),
    ]
    if report.highlights.strip():
        body += [Heading("II. NHỮNG ĐIỂM NỔI BẬT", 1), *_lines(report.highlights)]
    number = 3 if report.highlights.strip() else 2
    if report.contributions.strip():
        body += [
            Heading(f"{roman(number)}. ĐÓNG GÓP CỦA CÁC ĐƠN VỊ", 1),
            *_lines(report.contributions),
        ]
        number += 1
    examples = [e for e in example_rows(campaign_id=c.id) if e.year == period_year]
    if examples:
        body.append(Heading(f"{roman(number)}. ĐIỂN HÌNH TIÊN TIẾN, MÔ HÌNH MỚI, NHÂN TỐ MỚI", 1))
        body.append(
            Table(
                ("STT", "Tên", "Loại", "Thành tích, việc làm", "Cách nhân rộng"),
                tuple(
                    (str(i), e.name, e.kind.label, e.deeds, e.spread)
                    for i, e in enumerate(examples, 1)
                ),
                (0.07, 0.2, 0.15, 0.33, 0.25),
                align=("center", "left", "left", "left", "left"),
            )
        )
        number += 1
    proposals = [p for p in proposal_rows(c.id) if p.year == period_year]
    if proposals:
        body.append(Heading(f"{roman(number)}. KHEN THƯỞNG", 1))
        body.append(
            Paragraph(f"Đã đề nghị khen thưởng {len(proposals)} trường hợp gắn với phong trào:")
        )
        body += [Bullet(f"{p.recipient}: {p.award} ({p.status.lower()});") for p in proposals]
    body.append(Paragraph(f"Trên đây là báo cáo kết quả thực hiện {phrase}./."))
    recipients = []
    if c.launcher in (Launcher.PROVINCE, Launcher.PRIME_MINISTER):
        recipients.append(PROVINCE_RECIPIENT)
    recipients += ["Ban Giám đốc Sở;", "Lưu: VT, HĐTĐKT."]
    header = _header(agency, "BC", period_year)
    if report.reported_on is not None:
        header = Header(
            header.parent_body,
            header.issuing_body,
            header.number_symbol,
            place_date(agency.place_name, report.reported_on, period_year),
        )
    return AdminDocument(
        header=header,
        doc_type="BÁO CÁO",
        subject=(f"Kết quả thực hiện {c.name}", phrase[0].upper() + phrase[1:]),
        body=tuple(body),  # type: ignore[arg-type]
        recipients=tuple(recipients),
        signer=_signer(agency),
        title=f"Báo cáo {period.label} — {c.name}",
        author=agency.agency_name,
    )


DOCUMENTS: dict[str, Callable[..., AdminDocument]] = {
    "campaign-plan": campaign_plan_document,
    "registrations": registrations_document,
    "campaign-report": campaign_report_document,
}
