"""Campaigns: the sample year's campaigns, CRUD, close, archive, carry over, reports due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import peewee as pw
import pytest

from app import campaign_reports as cr
from app import campaigns, trash
from app.campaign_stats import campaign_stats, form_0601_rows, summary_text
from app.errors import ValidationError
from db.enums import Cadence, CampaignKind, CampaignScope, CampaignStatus, Launcher
from db.models import Campaign, CampaignReport

PM = (
    "Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”",
    "Phong trào “Vì người nghèo - Không ai bị bỏ lại phía sau”",
    "Phong trào “Cả nước chung sức xây dựng nông thôn mới”",
    "Phong trào “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”",
)


def _by_name(name: str) -> Campaign:
    return Campaign.get(Campaign.name == name)


def test_sample_campaigns_carry_launcher_and_cadence(sample_db: pw.SqliteDatabase) -> None:
    rows = campaigns.campaign_rows(2024)
    launchers = [r.launcher for r in rows]
    assert launchers.count(Launcher.PRIME_MINISTER) == 4
    assert launchers.count(Launcher.PROVINCE) == 6
    assert launchers.count(Launcher.DEPARTMENT) == 3
    for name in PM:  # the plan gives no cadence for the Prime Minister's campaigns
        c = _by_name(name)
        assert c.launcher == Launcher.PRIME_MINISTER and c.cadence is None
    province = [r for r in rows if r.launcher == Launcher.PROVINCE]
    assert {r.cadence for r in province} == {Cadence.QUARTERLY}  # "Tổ chức hàng quý"
    traffic = next(r for r in rows if "trật tự an toàn giao thông" in r.name)
    assert traffic.launcher == Launcher.DEPARTMENT and traffic.cadence == Cadence.QUARTERLY
    yearly = _by_name("Phong trào thi đua yêu nước tại Sở")
    assert yearly.launcher == Launcher.DEPARTMENT


def test_periods_follow_the_cadence_and_the_dates() -> None:
    quarters = cr.periods(Cadence.QUARTERLY, 2024, None, None)
    assert [p.label for p in quarters] == [
        "Quý I/2024",
        "Quý II/2024",
        "Quý III/2024",
        "Quý IV/2024",
    ]
    assert quarters[1].start == date(2024, 4, 1) and quarters[1].end == date(2024, 6, 30)
    months = cr.periods(Cadence.MONTHLY, 2024, date(2024, 4, 15), date(2024, 6, 10))
    assert [p.index for p in months] == [4, 5, 6]
    halves = cr.periods(Cadence.HALF_YEARLY, 2024, date(2024, 5, 1), date(2025, 3, 1))
    assert [(p.year, p.index) for p in halves] == [(2024, 1), (2024, 2), (2025, 1)]
    assert [p.label for p in cr.periods(Cadence.YEARLY, 2024, None, None)] == ["Năm 2024"]


def test_reports_due_and_overdue_move_with_the_day(sample_db: pw.SqliteDatabase) -> None:
    c = _by_name("Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc năm 2024”")
    states = {r.label: r.state for r in cr.period_rows(c.id, date(2024, 5, 20))}
    assert states["Quý I/2024"] == cr.PeriodState.OVERDUE
    assert states["Quý II/2024"] == cr.PeriodState.DUE
    assert states["Quý III/2024"] == cr.PeriodState.UPCOMING
    due, overdue = cr.attention_counts(2024, date(2024, 5, 20))
    assert (due, overdue) == (7, 7)  # six provincial campaigns and the traffic one, quarterly
    for index in (1, 2):
        cr.save_report(
            cr.ReportInput(c.id, 2024, index, date(2024, 3 * index, 25), f"Kết quả quý {index}")
        )
    states = {r.label: r.state for r in cr.period_rows(c.id, date(2024, 5, 20))}
    assert states["Quý I/2024"] == states["Quý II/2024"] == cr.PeriodState.REPORTED
    assert states["Quý III/2024"] == cr.PeriodState.UPCOMING
    assert cr.period_rows(c.id, date(2024, 7, 1))[2].state == cr.PeriodState.DUE
    row = next(r for r in campaigns.campaign_rows(2024, date(2024, 10, 3)) if r.id == c.id)
    assert (row.reports_due, row.reports_overdue) == (1, 1)
    assert row.attention == "Quá hạn: Quý III/2024; Đến kỳ: Quý IV/2024"


def test_a_report_replaces_the_periods_report_and_is_checked(sample_db: pw.SqliteDatabase) -> None:
    c = _by_name("Phong trào thi đua tăng cường chấp hành kỷ luật, kỷ cương hành chính năm 2024")
    first = cr.save_report(cr.ReportInput(c.id, 2024, 1, None, "Bản nháp"))
    second = cr.save_report(cr.ReportInput(c.id, 2024, 1, None, "Bản chính thức"))
    assert first.id == second.id and CampaignReport.get_by_id(first.id).results == "Bản chính thức"
    with pytest.raises(ValidationError, match="kết quả"):
        cr.save_report(cr.ReportInput(c.id, 2024, 2, None, "  "))
    with pytest.raises(ValidationError, match="không thuộc"):
        cr.save_report(cr.ReportInput(c.id, 2024, 5, None, "Quý thứ năm"))
    pm = _by_name(PM[0])
    with pytest.raises(ValidationError, match="chưa có kỳ báo cáo"):
        cr.save_report(cr.ReportInput(pm.id, 2024, 1, None, "Không có kỳ"))
    trash_id = cr.delete_report(first.id)
    assert CampaignReport.get_or_none(CampaignReport.id == first.id) is None
    trash.restore(trash_id)
    assert CampaignReport.get_by_id(first.id).results == "Bản chính thức"


def test_create_edit_close_archive_and_delete(sample_db: pw.SqliteDatabase) -> None:
    data = campaigns.CampaignInput(
        2024,
        "Phong trào thi đua chào mừng kỷ niệm 79 năm ngành Ngoại giao",
        kind=CampaignKind.THEMATIC,
        date_from=date(2024, 6, 1),
        date_to=date(2024, 8, 28),
        cadence=Cadence.MONTHLY,
        criteria="- Hoàn thành xuất sắc nhiệm vụ đối ngoại",
    )
    c = campaigns.create_campaign(data)
    assert "ngoai giao" in c.search_key
    with pytest.raises(ValidationError, match="sau ngày bắt đầu"):
        campaigns.update_campaign(c.id, replace(data, date_to=date(2024, 5, 1)))
    with pytest.raises(ValidationError, match="ghi rõ"):
        campaigns.create_campaign(replace(data, launcher=Launcher.OTHER))
    with pytest.raises(ValidationError, match="tên phong trào"):
        campaigns.create_campaign(replace(data, name="   "))
    campaigns.update_campaign(c.id, replace(data, scope=CampaignScope.AGENCY))
    assert campaigns.campaign_input(c.id).scope == CampaignScope.AGENCY
    campaigns.close_campaign(c.id, date(2024, 8, 28))
    assert Campaign.get_by_id(c.id).status == CampaignStatus.CLOSED
    assert c.id not in cr.attention(2024, date(2024, 12, 1))  # a closed campaign asks for nothing
    with pytest.raises(ValidationError, match="đã kết thúc"):
        campaigns.close_campaign(c.id)
    campaigns.archive_campaign(c.id)
    assert Campaign.get_by_id(c.id).status == CampaignStatus.ARCHIVED
    campaigns.reopen_campaign(c.id)
    trash_id = campaigns.delete_campaign(c.id)
    assert Campaign.get_or_none(Campaign.id == c.id) is None
    assert trash.restore(trash_id) == c.id


def test_carry_over_into_the_next_year(sample_db: pw.SqliteDatabase) -> None:
    c = _by_name("Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc năm 2024”")
    new = campaigns.carry_over(c.id)
    assert (
        new.year == 2025
        and new.name == "Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc năm 2025”"
    )
    assert new.carried_from_id == c.id and new.cadence == Cadence.QUARTERLY
    assert new.launcher == Launcher.PROVINCE and new.status == CampaignStatus.ACTIVE
    assert Campaign.get_by_id(c.id).status == CampaignStatus.CLOSED
    assert [r.name for r in campaigns.campaign_rows(2025)] == [new.name]
    with pytest.raises(ValidationError, match="đã được chuyển"):
        campaigns.carry_over(c.id)


def test_statistics_for_form_0601(sample_db: pw.SqliteDatabase) -> None:
    campaigns.create_campaign(
        campaigns.CampaignInput(
            2024,
            "Đợt thi đua cao điểm",
            kind=CampaignKind.THEMATIC,
            scope=CampaignScope.AGENCY,
            date_from=date(2024, 3, 1),
            date_to=date(2024, 5, 31),
        )
    )
    stats = campaign_stats(2024)
    assert stats.total == 14
    assert stats.by_level == {"central": 4, "ministry_province": 6, "agency": 4}
    assert stats.by_duration == {"1": 13, "lt1": 1}
    assert stats.by_method == {"": 12, "thematic": 2}
    rows = dict(form_0601_rows(stats))
    assert rows["Tổng số phong trào thi đua"] == 14
    assert rows["Cấp phát động: Trung ương (Thủ tướng Chính phủ)"] == 4
    assert rows["Thời gian: Dưới 1 năm"] == 1
    assert rows["Hình thức: Theo chuyên đề"] == 2
    assert rows["Phạm vi: Trong cơ quan"] == 1
    assert summary_text(stats).startswith(
        "14 phong trào — Trung ương: 4; Bộ, tỉnh: 6; Cơ quan, đơn vị: 4"
    )
