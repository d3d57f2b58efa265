"""Emulation campaigns (phong trào thi đua): rows, create, edit, close, archive, carry over."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app import records, trash
from app.campaign_reports import attention
from app.errors import NotFound, ValidationError, raise_first
from app.vntext import clean, fold, has_control_chars
from db.enums import Cadence, CampaignKind, CampaignScope, CampaignStatus, Launcher
from db.models import Campaign, Plan, PlanItem, Proposal, Unit

MAX_NAME = 500


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: int
    year: int
    name: str
    launcher: Launcher
    launcher_text: str
    kind: CampaignKind | None
    scope: CampaignScope | None
    cadence: Cadence | None
    lead: str
    date_from: date | None
    date_to: date | None
    status: CampaignStatus
    reports_due: int
    reports_overdue: int
    attention: str
    carried_from_id: int | None
    search_key: str

    @property
    def launcher_name(self) -> str:
        return self.launcher_text or self.launcher.label


def campaign_rows(year: int | None, today: date | None = None) -> list[CampaignRow]:
    """The campaigns of ``year`` (all when None), with their reports due and overdue on ``today``."""
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}
    query = Campaign.select().order_by(Campaign.year, Campaign.id)
    if year is not None:
        query = query.where(Campaign.year == year)
    flags = attention(year, today) if today is not None else {}
    rows = []
    for c in query:
        flag = flags.get(c.id)
        rows.append(
            CampaignRow(
                id=c.id,
                year=c.year,
                name=c.name,
                launcher=c.launcher,
                launcher_text=c.launcher_text,
                kind=c.kind,
                scope=c.scope,
                cadence=c.cadence,
                lead=units.get(c.lead_unit_id, "") if c.lead_unit_id else c.lead_text,
                date_from=c.date_from,
                date_to=c.date_to,
                status=c.status,
                reports_due=len(flag.due) if flag else 0,
                reports_overdue=len(flag.overdue) if flag else 0,
                attention=flag.text() if flag else "",
                carried_from_id=c.carried_from_id,
                search_key=c.search_key,
            )
        )
    return rows


def campaign_years() -> list[int]:
    return [y for (y,) in Campaign.select(Campaign.year).distinct().tuples()]


@dataclass(frozen=True)
class CampaignInput:
    year: int
    name: str
    launcher: Launcher = Launcher.DEPARTMENT
    launcher_text: str = ""
    kind: CampaignKind | None = CampaignKind.REGULAR
    scope: CampaignScope | None = CampaignScope.AGENCY
    date_from: date | None = None
    date_to: date | None = None
    cadence: Cadence | None = None
    lead_unit_id: int | None = None
    lead_text: str = ""
    goals: str = ""
    criteria: str = ""
    status: CampaignStatus = CampaignStatus.ACTIVE
    plan_item_id: int | None = None


def validate_campaign(data: CampaignInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not clean(data.name):
        problems["name"] = "Chưa nhập tên phong trào."
    elif len(clean(data.name)) > MAX_NAME:
        problems["name"] = f"Tên phong trào dài quá {MAX_NAME} ký tự."
    if data.launcher == Launcher.OTHER and not clean(data.launcher_text):
        problems["launcher_text"] = "Cấp phát động “Khác”: hãy ghi rõ cơ quan phát động."
    if data.date_from and data.date_to and data.date_to < data.date_from:
        problems["date_to"] = "Ngày kết thúc phải sau ngày bắt đầu."
    if not 1900 <= data.year <= 2100:
        problems["year"] = "Năm không hợp lệ."
    for name in ("name", "launcher_text", "lead_text", "goals", "criteria"):
        if has_control_chars(getattr(data, name)):
            problems[name] = "Có ký tự điều khiển không hợp lệ; hãy gõ lại."
    return problems


def _fields(data: CampaignInput) -> dict[str, object]:
    raise_first(validate_campaign(data))
    return {
        "year": data.year,
        "name": data.name,
        "launcher": data.launcher,
        "launcher_text": data.launcher_text if data.launcher == Launcher.OTHER else "",
        "kind": data.kind,
        "scope": data.scope,
        "date_from": data.date_from,
        "date_to": data.date_to,
        "cadence": data.cadence,
        "lead_unit": data.lead_unit_id,
        "lead_text": data.lead_text,
        "goals": data.goals,
        "criteria": data.criteria,
        "status": data.status,
        "plan_item": data.plan_item_id,
    }


def _campaign(campaign_id: int) -> Campaign:
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound("Không tìm thấy phong trào; có thể đã bị xóa.")
    return campaign


def create_campaign(data: CampaignInput) -> Campaign:
    with records.transaction():
        return records.create(Campaign, **_fields(data))


def update_campaign(campaign_id: int, data: CampaignInput) -> Campaign:
    with records.transaction():
        return records.update(_campaign(campaign_id), **_fields(data))


def campaign_input(campaign_id: int) -> CampaignInput:
    c = _campaign(campaign_id)
    return CampaignInput(
        year=c.year,
        name=c.name,
        launcher=c.launcher,
        launcher_text=c.launcher_text,
        kind=c.kind,
        scope=c.scope,
        date_from=c.date_from,
        date_to=c.date_to,
        cadence=c.cadence,
        lead_unit_id=c.lead_unit_id,
        lead_text=c.lead_text,
        goals=c.goals,
        criteria=c.criteria,
        status=c.status,
        plan_item_id=c.plan_item_id,
    )


def delete_campaign(campaign_id: int) -> int:
    """Into the recycle bin with its reports and registrations; proposals keep existing."""
    c = _campaign(campaign_id)
    return trash.discard(c, f"Phong trào: {c.name}")


def set_status(campaign_id: int, status: CampaignStatus) -> Campaign:
    c = _campaign(campaign_id)
    with records.transaction():
        return records.update(c, status=status)


def close_campaign(campaign_id: int, on: date | None = None) -> Campaign:
    """Kết thúc: the campaign stops asking for reports; its end date is set if it had none."""
    c = _campaign(campaign_id)
    if c.status in (CampaignStatus.CLOSED, CampaignStatus.ARCHIVED):
        raise ValidationError("Phong trào này đã kết thúc.")
    with records.transaction():
        fields: dict[str, object] = {"status": CampaignStatus.CLOSED}
        if c.date_to is None and on is not None:
            if c.date_from is not None and on < c.date_from:
                raise ValidationError("Ngày kết thúc phải sau ngày bắt đầu.")
            fields["date_to"] = on
        return records.update(c, **fields)


def archive_campaign(campaign_id: int) -> Campaign:
    c = _campaign(campaign_id)
    if c.status == CampaignStatus.ARCHIVED:
        raise ValidationError("Phong trào này đã được lưu trữ.")
    return set_status(campaign_id, CampaignStatus.ARCHIVED)


def reopen_campaign(campaign_id: int) -> Campaign:
    return set_status(campaign_id, CampaignStatus.ACTIVE)


def _shift(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def carry_over(campaign_id: int, year: int | None = None) -> Campaign:
    """A copy of the campaign for the next year (or ``year``), linked to the one it continues.

    Reports, registrations and examples stay with the old year; the plan task is the next
    year's plan task of the same title when there is one.
    """
    c = _campaign(campaign_id)
    target = year if year is not None else c.year + 1
    if target <= c.year:
        raise ValidationError("Chỉ chuyển phong trào sang một năm sau năm của nó.")
    exists = Campaign.get_or_none((Campaign.carried_from == c.id) & (Campaign.year == target))
    if exists is not None:
        raise ValidationError(f"Phong trào này đã được chuyển sang năm {target}.")
    data = replace(
        campaign_input(campaign_id),
        year=target,
        name=c.name.replace(str(c.year), str(target)),
        date_from=_shift(c.date_from, target - c.year),
        date_to=_shift(c.date_to, target - c.year),
        status=CampaignStatus.ACTIVE,
        plan_item_id=_same_task(c.plan_item_id, target),
    )
    with records.transaction():
        new = records.create(Campaign, **_fields(data), carried_from=c.id)
        if c.status == CampaignStatus.ACTIVE:
            records.update(c, status=CampaignStatus.CLOSED)
    return new


def _same_task(plan_item_id: int | None, year: int) -> int | None:
    if plan_item_id is None:
        return None
    item = PlanItem.get_or_none(PlanItem.id == plan_item_id)
    if item is None:
        return None
    key = fold(item.title)
    for other in PlanItem.select().join(Plan).where(Plan.year == year):
        if fold(other.title) == key:
            return int(other.id)
    return None


@dataclass(frozen=True, slots=True)
class CampaignProposalRow:
    """A proposal started from the campaign (read-only here; the awards tab edits it)."""

    id: int
    year: int
    recipient: str
    award: str
    kind: str
    status: str
    search_key: str


def proposal_rows(campaign_id: int) -> list[CampaignProposalRow]:
    rows = []
    query = Proposal.select().where(Proposal.campaign == campaign_id).order_by(Proposal.id)
    for p in query:
        recipient = p.person.full_name if p.person_id else (p.unit.name if p.unit_id else "")
        award = p.award_type.name
        rows.append(
            CampaignProposalRow(
                id=p.id,
                year=p.year,
                recipient=recipient,
                award=award,
                kind=p.kind.label,
                status=p.status.label,
                search_key=fold(f"{recipient} {award}"),
            )
        )
    return rows
