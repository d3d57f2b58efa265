"""A campaign's periodic reports: the periods its cadence asks for, and which are due or overdue.

Every function that judges "due" takes ``today``: the caller (the tab, a test) says what day it is.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app import records, trash
from app.errors import NotFound, ValidationError, raise_first
from app.vntext import has_control_chars, roman
from db.enums import Cadence, CampaignStatus
from db.models import Campaign, CampaignReport

# how many months one period spans, by cadence
SPAN = {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}


class PeriodState(StrEnum):
    REPORTED = "reported"
    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"

    @property
    def label(self) -> str:
        return {
            "reported": "Đã báo cáo",
            "overdue": "Quá hạn",
            "due": "Đến kỳ báo cáo",
            "upcoming": "Chưa đến kỳ",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    index: int
    start: date
    end: date
    label: str


def period_label(cadence: Cadence | None, year: int, index: int) -> str:
    if cadence == Cadence.MONTHLY:
        return f"Tháng {index:02d}/{year}"
    if cadence == Cadence.QUARTERLY:
        return f"Quý {roman(index)}/{year}"
    if cadence == Cadence.HALF_YEARLY:
        return f"{'6 tháng đầu năm' if index == 1 else '6 tháng cuối năm'} {year}"
    return f"Năm {year}"


def period_phrase(cadence: Cadence | None, year: int, index: int) -> str:
    """The period inside a sentence: "quý I năm 2024", "tháng 05 năm 2024", "năm 2024"."""
    if cadence == Cadence.MONTHLY:
        return f"tháng {index:02d} năm {year}"
    if cadence == Cadence.QUARTERLY:
        return f"quý {roman(index)} năm {year}"
    if cadence == Cadence.HALF_YEARLY:
        return f"{'6 tháng đầu năm' if index == 1 else '6 tháng cuối năm'} {year}"
    return f"năm {year}"


def period_of(cadence: Cadence | None, year: int, index: int) -> Period:
    span = SPAN.get(cadence, 12) if cadence else 12
    first = (index - 1) * span + 1
    last = first + span - 1
    return Period(
        year,
        index,
        date(year, first, 1),
        date(year, last, monthrange(year, last)[1]),
        period_label(cadence, year, index),
    )


def periods(
    cadence: Cadence | None, year: int, start: date | None, end: date | None
) -> list[Period]:
    """The periods of the campaign's year (and of the years its dates span) that its dates touch."""
    span = SPAN.get(cadence, 12) if cadence else 12
    first_year = start.year if start else year
    last_year = end.year if end else year
    found = []
    for y in range(first_year, last_year + 1):
        for index in range(1, 12 // span + 1):
            p = period_of(cadence, y, index)
            if (start is None or p.end >= start) and (end is None or p.start <= end):
                found.append(p)
    return found


def state_of(period: Period, reported: bool, today: date) -> PeriodState:
    if reported:
        return PeriodState.REPORTED
    if today > period.end:
        return PeriodState.OVERDUE
    if today >= period.start:
        return PeriodState.DUE
    return PeriodState.UPCOMING


@dataclass(frozen=True, slots=True)
class PeriodRow:
    id: int  # the report's id, or a negative number for a period not yet reported
    campaign_id: int
    period_year: int
    period_index: int
    label: str
    start: date
    end: date
    state: PeriodState
    reported_on: date | None
    results: str
    highlights: str
    contributions: str
    search_key: str


def _campaign(campaign_id: int) -> Campaign:
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound("Không tìm thấy phong trào; có thể đã bị xóa.")
    return campaign


def period_rows(campaign_id: int, today: date) -> list[PeriodRow]:
    c = _campaign(campaign_id)
    if c.cadence is None:
        return []
    done = {(r.period_year, r.period_index): r for r in c.reports}
    rows = []
    for p in periods(c.cadence, c.year, c.date_from, c.date_to):
        r = done.get((p.year, p.index))
        state = state_of(p, r is not None, today)
        rows.append(
            PeriodRow(
                id=r.id if r else -(p.year * 100 + p.index),
                campaign_id=c.id,
                period_year=p.year,
                period_index=p.index,
                label=p.label,
                start=p.start,
                end=p.end,
                state=state,
                reported_on=r.reported_on if r else None,
                results=r.results if r else "",
                highlights=r.highlights if r else "",
                contributions=r.contributions if r else "",
                search_key=p.label.lower(),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class Attention:
    """What a campaign's reports need now: the due and the overdue periods' labels."""

    due: tuple[str, ...] = ()
    overdue: tuple[str, ...] = ()

    def text(self) -> str:
        parts = []
        if self.overdue:
            parts.append("Quá hạn: " + ", ".join(self.overdue))
        if self.due:
            parts.append("Đến kỳ: " + ", ".join(self.due))
        return "; ".join(parts)


def attention(year: int | None, today: date) -> dict[int, Attention]:
    """For each running campaign with a cadence (of ``year``, or all): its due and overdue periods."""
    query = Campaign.select().where(
        Campaign.cadence.is_null(False) & (Campaign.status == CampaignStatus.ACTIVE)
    )
    if year is not None:
        query = query.where(Campaign.year == year)
    followed = list(query)
    done = {
        (r.campaign_id, r.period_year, r.period_index)
        for r in CampaignReport.select(
            CampaignReport.campaign, CampaignReport.period_year, CampaignReport.period_index
        ).where(CampaignReport.campaign.in_([c.id for c in followed]))
    }
    found: dict[int, Attention] = {}
    for c in followed:
        due, overdue = [], []
        for p in periods(c.cadence, c.year, c.date_from, c.date_to):
            state = state_of(p, (c.id, p.year, p.index) in done, today)
            if state == PeriodState.DUE:
                due.append(p.label)
            elif state == PeriodState.OVERDUE:
                overdue.append(p.label)
        if due or overdue:
            found[c.id] = Attention(tuple(due), tuple(overdue))
    return found


def attention_counts(year: int | None, today: date) -> tuple[int, int]:
    """(reports due, reports overdue) over the running campaigns of the year."""
    found = attention(year, today).values()
    return sum(len(a.due) for a in found), sum(len(a.overdue) for a in found)


@dataclass(frozen=True)
class ReportInput:
    campaign_id: int
    period_year: int
    period_index: int
    reported_on: date | None = None
    results: str = ""
    highlights: str = ""
    contributions: str = ""


def validate_report(data: ReportInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not data.results.strip():
        problems["results"] = "Chưa nhập kết quả thực hiện trong kỳ."
    for name in ("results", "highlights", "contributions"):
        if has_control_chars(getattr(data, name)):
            problems[name] = "Có ký tự điều khiển không hợp lệ; hãy gõ lại."
    return problems


def save_report(data: ReportInput) -> CampaignReport:
    """Create or replace the report of one period (a period has at most one report)."""
    raise_first(validate_report(data))
    c = _campaign(data.campaign_id)
    if c.cadence is None:
        raise ValidationError("Phong trào chưa có kỳ báo cáo; hãy chọn kỳ báo cáo trước.")
    valid = {(p.year, p.index) for p in periods(c.cadence, c.year, c.date_from, c.date_to)}
    if (data.period_year, data.period_index) not in valid:
        raise ValidationError("Kỳ báo cáo không thuộc thời gian của phong trào.")
    fields = {
        "reported_on": data.reported_on,
        "results": data.results,
        "highlights": data.highlights,
        "contributions": data.contributions,
    }
    with records.transaction():
        existing = CampaignReport.get_or_none(
            (CampaignReport.campaign == c.id)
            & (CampaignReport.period_year == data.period_year)
            & (CampaignReport.period_index == data.period_index)
        )
        if existing is not None:
            return records.update(existing, **fields)
        return records.create(
            CampaignReport,
            campaign=c.id,
            period_year=data.period_year,
            period_index=data.period_index,
            **fields,
        )


def delete_report(report_id: int) -> int:
    report = CampaignReport.get_or_none(CampaignReport.id == report_id)
    if report is None:
        raise NotFound("Không tìm thấy báo cáo kỳ; có thể đã bị xóa.")
    label = period_label(report.campaign.cadence, report.period_year, report.period_index)
    return trash.discard(report, f"Báo cáo {label}: {report.campaign.name}")
