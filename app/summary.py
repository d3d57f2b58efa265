"""The year-end summary's facts, read from the data, and its narrative sections, kept per year.

``summary_facts(year)`` gathers what the report says about the plan, the meetings, the
campaigns, the typical examples and the awards, as plain frozen rows; ``award_tables`` is the
one place the awards are counted (the awards issue's statistics can replace it later).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from datetime import date

from app import records
from app.errors import ValidationError
from app.plan import load_plan
from app.schedule import Schedule, last_due_date
from app.vntext import clean
from db.enums import AwardFamily, MeetingStatus, TaskStatus
from db.models import (
    AgendaItem,
    Campaign,
    CampaignReport,
    Meeting,
    Person,
    Registration,
    TypicalExample,
    Unit,
    YearSummary,
)

# ---------------------------------------------------------------- narrative (operator's text)


@dataclass(frozen=True)
class Narrative:
    """The sections the operator writes; each is free text, paragraphs and "- " bullets."""

    results: str = ""
    shortcomings: str = ""
    lessons: str = ""
    directions: str = ""
    recommendations: str = ""


NARRATIVE_LABELS: dict[str, str] = {
    "results": "Kết quả nổi bật",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân",
    "lessons": "Bài học kinh nghiệm",
    "directions": "Phương hướng, nhiệm vụ năm tiếp theo",
    "recommendations": "Đề xuất, kiến nghị",
}
MAX_SECTION = 20000


def load_narrative(year: int) -> Narrative:
    row = YearSummary.get_or_none(YearSummary.year == year)
    if row is None:
        return Narrative()
    return Narrative(**{f.name: getattr(row, f.name) for f in fields(Narrative)})


def save_narrative(year: int, narrative: Narrative) -> None:
    """Keep the narrative with the year (created on first save, audited like every write)."""
    if not 1900 <= year <= 2100:
        raise ValidationError(f"Năm {year} không hợp lệ.", field="year")
    values = {f.name: clean(getattr(narrative, f.name)) for f in fields(Narrative)}
    for name, text in values.items():
        if len(text) > MAX_SECTION:
            raise ValidationError(
                f"Phần “{NARRATIVE_LABELS[name]}” quá dài (tối đa {MAX_SECTION:,} ký tự).".replace(
                    ",", "."
                ),
                field=name,
            )
    with records.transaction():
        row = YearSummary.get_or_none(YearSummary.year == year)
        if row is None:
            records.create(YearSummary, year=year, **values)
        else:
            records.update(row, **values)


# ---------------------------------------------------------------- facts from the data


@dataclass(frozen=True)
class TaskLine:
    label: str
    title: str
    lead: str
    due: date | None
    status: str


@dataclass(frozen=True)
class PlanFacts:
    exists: bool
    total: int
    done: int
    in_progress: int
    not_started: int
    late: int
    unfinished: tuple[TaskLine, ...]  # not done, late ones first


@dataclass(frozen=True)
class MeetingLine:
    held_on: date | None
    title: str
    status: MeetingStatus
    conclusions: tuple[str, ...]


@dataclass(frozen=True)
class CampaignLine:
    name: str
    launcher: str
    status: str
    registrations: int
    reports: int
    results: str  # the latest report's results
    examples: int


@dataclass(frozen=True)
class ExampleLine:
    name: str
    kind: str
    campaign: str
    deeds: str


@dataclass(frozen=True)
class AwardLine:
    """One award type: this year's individual and collective counts, and last year's total."""

    name: str
    family: AwardFamily
    individual: int
    collective: int
    previous: int

    @property
    def total(self) -> int:
        return self.individual + self.collective


@dataclass(frozen=True)
class UnitLine:
    unit: str
    individual: int
    collective: int

    @property
    def total(self) -> int:
        return self.individual + self.collective


@dataclass(frozen=True)
class AwardTables:
    year: int
    by_type: tuple[AwardLine, ...]
    by_unit: tuple[UnitLine, ...]
    individual: int
    collective: int
    previous_total: int

    @property
    def total(self) -> int:
        return self.individual + self.collective


@dataclass(frozen=True)
class SummaryFacts:
    year: int
    plan: PlanFacts
    meetings: tuple[MeetingLine, ...]
    campaigns: tuple[CampaignLine, ...]
    examples: tuple[ExampleLine, ...]
    awards: AwardTables

    @property
    def held_meetings(self) -> tuple[MeetingLine, ...]:
        return tuple(m for m in self.meetings if m.status is MeetingStatus.HELD)


def judged_on(year: int, today: date | None = None) -> date:
    """The day lateness is judged on: today within the year, the year's last day after it."""
    today = today or date.today()
    return min(today, date(year, 12, 31))


def plan_facts(year: int, today: date | None = None) -> PlanFacts:
    doc = load_plan(year, judged_on(year, today))
    if doc is None:
        return PlanFacts(False, 0, 0, 0, 0, 0, ())
    tasks = [r for r in doc.items if r.is_task]
    counts = Counter(r.status for r in tasks)
    unfinished = sorted(
        (r for r in tasks if r.status is not TaskStatus.DONE),
        key=lambda r: (not r.overdue, r.order),
    )
    lines = tuple(
        TaskLine(
            r.path,
            " ".join(r.title.split()),
            r.lead_unit or r.lead_text,
            last_due_date(
                Schedule(r.schedule_kind, r.schedule_months, r.date_from, r.date_to), year
            ),
            ("Chậm tiến độ" if r.overdue else r.status.label),
        )
        for r in unfinished
    )
    return PlanFacts(
        True,
        len(tasks),
        counts[TaskStatus.DONE],
        counts[TaskStatus.IN_PROGRESS],
        counts[TaskStatus.NOT_STARTED],
        sum(1 for r in tasks if r.overdue),
        lines,
    )


def meeting_facts(year: int) -> tuple[MeetingLine, ...]:
    conclusions: dict[int, list[str]] = {}
    query = (
        AgendaItem.select(AgendaItem.meeting, AgendaItem.title, AgendaItem.conclusion)
        .join(Meeting)
        .where(Meeting.year == year)
        .order_by(AgendaItem.meeting, AgendaItem.position, AgendaItem.id)
    )
    for meeting_id, title, conclusion in query.tuples():
        if conclusion.strip():
            conclusions.setdefault(meeting_id, []).append(f"{title}: {conclusion.strip()}")
    lines = [
        MeetingLine(m.held_on, m.title, m.status, tuple(conclusions.get(m.id, ())))
        for m in Meeting.select().where(Meeting.year == year)
    ]
    lines.sort(key=lambda m: (m.held_on or date(year, 12, 31), m.title))
    return tuple(lines)


def _names() -> tuple[dict[int, str], dict[int, str]]:
    people = dict(Person.select(Person.id, Person.full_name).tuples())
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    return people, units


def campaign_facts(year: int) -> tuple[CampaignLine, ...]:
    campaigns = list(Campaign.select().where(Campaign.year == year).order_by(Campaign.id))
    ids = [c.id for c in campaigns]
    registrations = Counter(
        cid
        for (cid,) in Registration.select(Registration.campaign)
        .where(Registration.campaign.in_(ids))
        .tuples()
    )
    examples = Counter(
        cid
        for (cid,) in TypicalExample.select(TypicalExample.campaign)
        .where(TypicalExample.campaign.in_(ids))
        .tuples()
    )
    reports: dict[int, list[CampaignReport]] = {}
    for report in (
        CampaignReport.select()
        .where(CampaignReport.campaign.in_(ids))
        .order_by(CampaignReport.period_year, CampaignReport.period_index)
    ):
        reports.setdefault(report.campaign_id, []).append(report)
    out = []
    for c in campaigns:
        own = reports.get(c.id, [])
        latest = next((r.results.strip() for r in reversed(own) if r.results.strip()), "")
        launcher = c.launcher_text.strip() if c.launcher_text.strip() else c.launcher.label
        out.append(
            CampaignLine(
                c.name,
                launcher,
                c.status.label,
                registrations[c.id],
                len(own),
                latest,
                examples[c.id],
            )
        )
    return tuple(out)


def example_facts(year: int) -> tuple[ExampleLine, ...]:
    people, units = _names()
    campaigns = dict(Campaign.select(Campaign.id, Campaign.name).tuples())
    out = []
    for e in TypicalExample.select().where(TypicalExample.year == year).order_by(TypicalExample.id):
        name = (
            people.get(e.person_id, "")
            if e.person_id
            else units.get(e.unit_id, "")
            if e.unit_id
            else e.name
        )
        out.append(
            ExampleLine(name or e.name, e.kind.label, campaigns.get(e.campaign_id, ""), e.deeds)
        )
    return tuple(out)


def award_tables(year: int) -> AwardTables:
    """Awards granted in ``year`` by award type (against ``year - 1``) and by unit.

    The figures are the awards tab's statistics (app/award_stats.py), so the summary and the
    Thống kê page never disagree; a person's award counts for the unit the person was in during
    ``year`` (app.membership.units_in_year), not the one they are in today.
    """
    from app.award_stats import award_statistics

    stats = award_statistics(year)
    by_type = tuple(
        AwardLine(a.award_name, a.family, a.individuals, a.collectives, a.previous_total)
        # titles first, each part in the catalog's order (kept by the sort's stability)
        for a in sorted(stats.by_award, key=lambda a: a.family is not AwardFamily.TITLE)
    )
    by_unit = tuple(UnitLine(u.unit_name, u.individuals, u.collectives) for u in stats.by_unit)
    return AwardTables(
        year,
        by_type,
        by_unit,
        sum(a.individuals for a in stats.by_award),
        sum(a.collectives for a in stats.by_award),
        stats.previous_total,
    )


def summary_facts(year: int, today: date | None = None) -> SummaryFacts:
    return SummaryFacts(
        year,
        plan_facts(year, today),
        meeting_facts(year),
        campaign_facts(year),
        example_facts(year),
        award_tables(year),
    )
