"""Campaign statistics: the year-end summary and Circular 02/2023 form 0601.N (số phong trào).

Form 0601 counts campaigns by who launched them, by scope, by duration and by method. The
launching levels of the form are the central level (Thủ tướng Chính phủ), the ministry or
province (Bộ Ngoại giao, UBND tỉnh) and the agency itself; "other" launchers are counted
apart. A campaign without dates is taken to last one year (the yearly campaigns of the plan).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db.enums import CampaignKind, CampaignScope, CampaignStatus, Launcher
from db.models import Campaign

LEVELS = (
    ("central", "Trung ương (Thủ tướng Chính phủ)"),
    ("ministry_province", "Bộ, tỉnh"),
    ("agency", "Cơ quan, đơn vị"),
    ("other", "Khác"),
)
LEVEL_OF = {
    Launcher.PRIME_MINISTER: "central",
    Launcher.MINISTRY: "ministry_province",
    Launcher.PROVINCE: "ministry_province",
    Launcher.DEPARTMENT: "agency",
    Launcher.OTHER: "other",
}
DURATIONS = (
    ("lt1", "Dưới 1 năm"),
    ("1", "1 năm"),
    ("1to3", "Trên 1 năm đến dưới 3 năm"),
    ("3to5", "Từ 3 năm đến dưới 5 năm"),
    ("ge5", "Từ 5 năm trở lên"),
)
METHODS = (("thematic", "Theo chuyên đề"), ("regular", "Thường xuyên hằng năm"))


def duration_class(days: int | None) -> str:
    """The form's duration column for a campaign lasting ``days`` (None: a yearly campaign)."""
    if days is None:
        return "1"
    years = days / 365.25
    if years < 0.95:
        return "lt1"
    if years <= 1.05:
        return "1"
    if years < 3:
        return "1to3"
    if years < 5:
        return "3to5"
    return "ge5"


@dataclass(frozen=True)
class CampaignStats:
    year: int
    total: int
    by_level: dict[str, int] = field(default_factory=dict)
    by_scope: dict[str, int] = field(default_factory=dict)  # CampaignScope values, "" = not set
    by_duration: dict[str, int] = field(default_factory=dict)
    by_method: dict[str, int] = field(default_factory=dict)  # "thematic", "regular", "" = not set
    by_status: dict[str, int] = field(default_factory=dict)
    reports: int = 0
    examples: int = 0
    registrations: int = 0

    def lines(self) -> list[tuple[str, int]]:
        """(label, count) for showing on the tab and in the year's summary."""
        out = [("Tổng số phong trào", self.total)]
        out += [
            (label, self.by_level.get(key, 0)) for key, label in LEVELS if self.by_level.get(key)
        ]
        return out


def campaign_stats(year: int) -> CampaignStats:
    from db.models import CampaignReport, Registration, TypicalExample

    by_level: dict[str, int] = {}
    by_scope: dict[str, int] = {}
    by_duration: dict[str, int] = {}
    by_method: dict[str, int] = {}
    by_status: dict[str, int] = {}
    campaigns = list(Campaign.select().where(Campaign.year == year))
    for c in campaigns:
        level = LEVEL_OF[c.launcher]
        by_level[level] = by_level.get(level, 0) + 1
        scope = c.scope.value if c.scope else ""
        by_scope[scope] = by_scope.get(scope, 0) + 1
        days = (c.date_to - c.date_from).days + 1 if c.date_from and c.date_to else None
        span = duration_class(days)
        by_duration[span] = by_duration.get(span, 0) + 1
        method = c.kind.value if c.kind else ""
        by_method[method] = by_method.get(method, 0) + 1
        by_status[c.status.value] = by_status.get(c.status.value, 0) + 1
    ids = [c.id for c in campaigns]
    return CampaignStats(
        year=year,
        total=len(campaigns),
        by_level=by_level,
        by_scope=by_scope,
        by_duration=by_duration,
        by_method=by_method,
        by_status=by_status,
        reports=CampaignReport.select().where(CampaignReport.campaign.in_(ids)).count()
        if ids
        else 0,
        examples=TypicalExample.select().where(TypicalExample.year == year).count(),
        registrations=Registration.select().where(Registration.year == year).count(),
    )


def form_0601_rows(stats: CampaignStats) -> list[tuple[str, int]]:
    """Biểu 0601.N as (column, count), in the form's order."""
    rows = [("Tổng số phong trào thi đua", stats.total)]
    rows += [(f"Cấp phát động: {label}", stats.by_level.get(k, 0)) for k, label in LEVELS]
    rows += [
        (f"Phạm vi: {scope.label}", stats.by_scope.get(scope.value, 0)) for scope in CampaignScope
    ]
    if stats.by_scope.get(""):
        rows.append(("Phạm vi: chưa xác định", stats.by_scope[""]))
    rows += [(f"Thời gian: {label}", stats.by_duration.get(k, 0)) for k, label in DURATIONS]
    rows += [(f"Hình thức: {label}", stats.by_method.get(k, 0)) for k, label in METHODS]
    if stats.by_method.get(""):
        rows.append(("Hình thức: chưa xác định", stats.by_method[""]))
    return rows


def summary_text(stats: CampaignStats) -> str:
    """One line for the tab: how many campaigns, by launcher, and what is going on."""
    parts = [f"{stats.total} phong trào"]
    levels = [
        f"{label.split(' (')[0]}: {stats.by_level[k]}"
        for k, label in LEVELS
        if stats.by_level.get(k)
    ]
    if levels:
        parts.append("; ".join(levels))
    thematic = stats.by_method.get(CampaignKind.THEMATIC.value, 0)
    parts.append(f"chuyên đề: {thematic}")
    active = stats.by_status.get(CampaignStatus.ACTIVE.value, 0)
    parts.append(f"đang triển khai: {active}")
    parts.append(f"{stats.registrations} lượt đăng ký, {stats.examples} điển hình")
    return " — ".join(parts)
