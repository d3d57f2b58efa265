"""A large synthetic dataset for `make bench`: 10 years, 3,000 people, 40,000 proposals, …

The database is created by the app itself (schema, award catalog, the real sample year);
the synthetic rows are then bulk-inserted with ``insert_many`` (app/records audits row by
row, far too slow for 80,000 rows), but every derived column (full name, sort name, search
keys) is computed with the same app/ functions, and text is NFC like the app stores it, so
`tdkt check` passes and the app reads the rows as its own. ``random.Random(seed)`` makes the
data deterministic.

    python bench/generate.py OUT.sqlite
"""

from __future__ import annotations

import random
import sys
import time as clock
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from typing import Any

import peewee as pw

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import sample  # noqa: E402
from app.session import close_app_database, open_app_database  # noqa: E402
from app.vntext import clean, fold_many, full_name, name_sort_value  # noqa: E402
from bench.vocabulary import (  # noqa: E402
    ACHIEVEMENTS,
    AWARDS_COLLECTIVE,
    AWARDS_INDIVIDUAL,
    DECIDERS,
    FAMILY,
    FORM_KINDS,
    GIVEN_FEMALE,
    GIVEN_MALE,
    HEADS,
    INITIATIVES,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
    OTHER_LAUNCHERS,
    PERIODS_PER_YEAR,
    PLACES,
    REPORT_RESULTS,
    STAFF,
    STATUS_LAST,
    STATUS_PAST,
    THEMES,
    TITLES,
    UNITS,
    VOTED,
    WITHDRAWN_REASONS,
    Weighted,
)
from db.enums import (  # noqa: E402
    Cadence,
    CampaignKind,
    CampaignScope,
    CampaignStatus,
    CommendationKind,
    Gender,
    Launcher,
    MeetingKind,
    MeetingStatus,
    ProposalStatus,
    UnitKind,
    VoteMethod,
)
from db.models import (  # noqa: E402
    AwardType,
    Campaign,
    CampaignReport,
    Decision,
    Meeting,
    Person,
    PersonUnitHistory,
    Proposal,
    Unit,
    Vote,
    database_proxy,
)

# Bump whenever the generated data changes: `make bench` then rebuilds its cached dataset.
VERSION = 2
LAST_YEAR = 2024
CHUNK = 500


def _pick(rng: random.Random, weighted: Weighted) -> Any:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _insert(model: Any, rows: Sequence[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        model.insert_many(rows[start : start + CHUNK]).execute()


def _max_id(model: Any) -> int:
    return int(model.select(pw.fn.MAX(model.id)).scalar() or 0)


def _day(rng: random.Random, year: int, month: int | None = None) -> date:
    return date(year, month or rng.randint(1, 12), rng.randint(1, 28))


class _Builder:
    """Builds one table after the other; ids are read back from the database in id order."""

    def __init__(self, rng: random.Random, first_year: int) -> None:
        self.rng = rng
        self.years = range(first_year, LAST_YEAR + 1)
        self.unit_kind: dict[int, UnitKind] = {}
        self.people_by_unit: dict[int, list[int]] = {}
        self.person_ids: list[int] = []
        self.held: dict[int, list[int]] = {}  # year → meetings held that year
        self.campaigns_of: dict[int, list[int]] = {}  # year → campaigns of that year
        self.decision_of: dict[tuple[int, str], int] = {}  # (year, level) → decision

    # --- units and people -------------------------------------------------------------
    def units(self) -> None:
        position = Unit.select().count()
        rows = []
        for i, (name, short, kind, _weight) in enumerate(UNITS):
            name, short = clean(name), clean(short)
            rows.append(
                {
                    "name": name,
                    "short_name": short,
                    "kind": kind,
                    "position": position + i,
                    "active": True,
                    "search_key": fold_many(name, short),
                }
            )
        _insert(Unit, rows)
        for uid, kind in Unit.select(Unit.id, Unit.kind).order_by(Unit.id).tuples():
            if kind != UnitKind.EXTERNAL.value:
                self.unit_kind[uid] = UnitKind(kind)

    def people(self, count: int) -> None:
        rng = self.rng
        by_name = {name: weight for name, _s, _k, weight in UNITS}
        names = dict(Unit.select(Unit.id, Unit.name).tuples())
        weights = {
            uid: by_name.get(names[uid], 0.1 if kind is UnitKind.BOARD else 8)
            for uid, kind in self.unit_kind.items()
        }
        uids = list(weights)
        homes = rng.choices(uids, weights=[weights[u] for u in uids], k=count)
        seen: dict[int, int] = {}
        rows = []
        for unit_id in homes:
            seen[unit_id] = seen.get(unit_id, 0) + 1
            rows.append(self._person(unit_id, seen[unit_id]))
        before = _max_id(Person)
        _insert(Person, rows)
        people = Person.select(Person.id, Person.unit, Person.position).order_by(Person.id)
        history = []
        for pid, unit_id, position in people.tuples():
            self.person_ids.append(pid)
            if unit_id is not None:
                self.people_by_unit.setdefault(unit_id, []).append(pid)
            if pid > before:
                history.append({"person": pid, "unit": unit_id, "position": position})
        _insert(PersonUnitHistory, history)

    def _person(self, unit_id: int, nth: int) -> dict[str, Any]:
        rng = self.rng
        female = rng.random() < 0.52
        family = clean(_pick(rng, FAMILY))
        middle = clean(_pick(rng, MIDDLE_FEMALE if female else MIDDLE_MALE))
        given = clean(rng.choice(GIVEN_FEMALE if female else GIVEN_MALE))
        kind = self.unit_kind[unit_id]
        head, deputy, leader_group = HEADS.get(kind, HEADS[UnitKind.DIVISION])
        if kind is UnitKind.BOARD or nth <= 3:
            position, rank = (head if nth == 1 else deputy), leader_group
        else:
            position, rank = _pick(rng, STAFF)
        position = clean(position)
        born = rng.randint(1964, 2001)
        name = full_name(family, middle, given)
        return {
            "family_name": family,
            "middle_name": middle,
            "given_name": given,
            "full_name": name,
            "manual_sort_key": None,
            "sort_name": name_sort_value(family, middle, given),
            "search_key": fold_many(name, position),
            "gender": Gender.FEMALE if female else Gender.MALE,
            "birth_year": born,
            "position": position,
            "rank_group": rank,
            "unit": unit_id,
            "hired_on": _day(rng, rng.randint(min(born + 22, 2023), 2023)),
            "active": rng.random() > 0.03,
            "note": "",
        }

    # --- meetings, campaigns, decisions -----------------------------------------------
    def meetings(self, count: int) -> None:
        rng = self.rng
        director = Person.get_or_none(Person.position == "Giám đốc Sở") or Person.get_by_id(
            self.person_ids[0]
        )
        clerks = self.people_by_unit.get(Unit.get(Unit.kind == UnitKind.OFFICE).id, self.person_ids)
        rows = []
        for n in range(count):
            year = self.years[n % len(self.years)]
            rows.append(self._meeting(year, n // len(self.years), director.id, rng.choice(clerks)))
        _insert(Meeting, rows)
        for mid, year, status in Meeting.select(Meeting.id, Meeting.year, Meeting.status).tuples():
            if status == MeetingStatus.HELD.value:
                self.held.setdefault(year, []).append(mid)

    def _meeting(self, year: int, nth: int, chair: int, secretary: int) -> dict[str, Any]:
        rng = self.rng
        month = (nth % 12) + 1
        kind = (
            MeetingKind.YEAR_END
            if month == 12 and nth < 12
            else _pick(rng, ((MeetingKind.PERIODIC, 70), (MeetingKind.AD_HOC, 30)))
        )
        if kind is MeetingKind.YEAR_END:
            title = f"Phiên họp tổng kết công tác thi đua, khen thưởng năm {year}"
            content = f"Xét danh hiệu thi đua và hình thức khen thưởng năm {year}"
        elif kind is MeetingKind.PERIODIC:
            title = f"Phiên họp định kỳ tháng {month:02d} năm {year} của Hội đồng Thi đua - Khen thưởng Sở"
            content = "Đánh giá phong trào thi đua; xét đề nghị khen thưởng theo đợt"
        else:
            title = f"Phiên họp xét khen thưởng đột xuất tháng {month:02d} năm {year}"
            content = "Xét khen thưởng đột xuất cho tập thể, cá nhân có thành tích"
        status = _pick(
            rng,
            ((MeetingStatus.HELD, 88), (MeetingStatus.POSTPONED, 7), (MeetingStatus.CANCELLED, 5)),
        )
        start = rng.choice((8, 9, 14))
        place = rng.choice(PLACES)
        title, content = clean(title), clean(content)
        return {
            "year": year,
            "month": month,
            "title": title,
            "kind": kind,
            "status": status,
            "held_on": _day(rng, year, month),
            "start_time": time(start, 0),
            "end_time": time(start + 2, 30),
            "place": place,
            "content": content,
            "chair": chair,
            "chair_text": "Giám đốc Sở, Chủ tịch Hội đồng",
            "secretary": secretary,
            "number": f"{nth + 1:02d}/BB-HĐTĐKT",
            "search_key": fold_many(title, place, content),
        }

    def campaigns(self, count: int) -> None:
        rng = self.rng
        per_year = -(-count // len(self.years))
        themes = {year: rng.sample(THEMES, min(per_year, len(THEMES))) for year in self.years}
        rows = []
        for n in range(count):
            year = self.years[n % len(self.years)]
            theme = themes[year][(n // len(self.years)) % len(themes[year])]
            rows.append(self._campaign(year, theme))
        _insert(Campaign, rows)
        reports = []
        campaigns = Campaign.select(Campaign.id, Campaign.year, Campaign.cadence)
        for cid, year, cadence in campaigns.order_by(Campaign.id).tuples():
            self.campaigns_of.setdefault(year, []).append(cid)
            if year in self.years and cadence is not None:
                reports += self._reports(cid, year, Cadence(cadence))
        _insert(CampaignReport, reports)

    def _campaign(self, year: int, theme: str) -> dict[str, Any]:
        rng = self.rng
        launcher = _pick(
            rng,
            (
                (Launcher.PRIME_MINISTER, 10),
                (Launcher.PROVINCE, 40),
                (Launcher.MINISTRY, 15),
                (Launcher.DEPARTMENT, 30),
                (Launcher.OTHER, 5),
            ),
        )
        name = clean(f"Phong trào thi đua “{theme}” năm {year}")
        launcher_text = rng.choice(OTHER_LAUNCHERS) if launcher is Launcher.OTHER else ""
        lead_text = "Văn phòng Sở chủ trì, phối hợp với các phòng, đơn vị thuộc Sở"
        goals = clean(f"Phát huy tinh thần “{theme}”, hoàn thành toàn diện nhiệm vụ năm {year}")
        start = _day(rng, year, rng.randint(1, 4))
        status = CampaignStatus.ACTIVE if year == LAST_YEAR else CampaignStatus.CLOSED
        return {
            "year": year,
            "name": name,
            "launcher": launcher,
            "launcher_text": launcher_text,
            "kind": _pick(rng, ((CampaignKind.REGULAR, 60), (CampaignKind.THEMATIC, 40))),
            "scope": rng.choice(list(CampaignScope)),
            "date_from": start,
            "date_to": date(year, 12, 31),
            "cadence": _pick(
                rng,
                (
                    (Cadence.YEARLY, 40),
                    (Cadence.HALF_YEARLY, 25),
                    (Cadence.QUARTERLY, 30),
                    (Cadence.MONTHLY, 5),
                ),
            ),
            "lead_unit": rng.choice(list(self.unit_kind)),
            "lead_text": lead_text,
            "goals": goals,
            "criteria": "Hoàn thành xuất sắc nhiệm vụ chuyên môn; đoàn kết, sáng tạo",
            "status": status,
            "search_key": fold_many(name, launcher_text, lead_text, goals),
        }

    def _reports(self, campaign: int, year: int, cadence: Cadence) -> list[dict[str, Any]]:
        rng = self.rng
        periods = PERIODS_PER_YEAR[cadence]
        done = periods if year < LAST_YEAR else max(1, periods * 3 // 4)
        return [
            {
                "campaign": campaign,
                "period_year": year,
                "period_index": index,
                "reported_on": _day(rng, year, min(12, index * 12 // periods)),
                "results": rng.choice(REPORT_RESULTS),
                "highlights": "",
                "contributions": "",
            }
            for index in range(1, done + 1)
        ]

    def decisions(self) -> None:
        for year in self.years:
            for number, (level, (authority, symbol)) in enumerate(DECIDERS.items(), start=1):
                signed = date(year, 12, 20) if year < LAST_YEAR else date(year, 12, 5)
                self.decision_of[(year, level)] = Decision.insert(
                    number=str(number * 1000 + year % 100 * 10 + number),
                    symbol=symbol,
                    signed_on=signed,
                    authority=authority,
                    signer_authority=authority,
                    legal_basis="Luật Thi đua, khen thưởng số 06/2022/QH15",
                    subject=f"Về việc khen thưởng thành tích năm {year}",
                ).execute()

    # --- proposals and votes ----------------------------------------------------------
    def proposals(self, count: int) -> int:
        rng = self.rng
        awards = {
            code: (aid, level)
            for aid, code, level in AwardType.select(
                AwardType.id, AwardType.code, AwardType.level
            ).tuples()
        }
        units = list(self.unit_kind)
        rows = []
        # A few more proposals each year than the year before.
        weights = [1 + 0.05 * i for i in range(len(self.years))]
        for year in rng.choices(self.years, weights=weights, k=count):
            rows.append(self._proposal(year, awards, units))
        before = _max_id(Proposal)
        _insert(Proposal, rows)
        votes = []
        query = Proposal.select(Proposal.id, Proposal.meeting, Proposal.status)
        for pid, meeting, status in query.where(Proposal.id > before).tuples():
            if ProposalStatus(status) in VOTED:
                votes.append(self._vote(pid, meeting, ProposalStatus(status)))
        _insert(Vote, votes)
        return len(votes)

    def _proposal(
        self, year: int, awards: dict[str, tuple[int, str]], units: list[int]
    ) -> dict[str, Any]:
        rng = self.rng
        collective = rng.random() < 0.1
        code = _pick(rng, AWARDS_COLLECTIVE if collective else AWARDS_INDIVIDUAL)
        award_id, level = awards[code]
        kind = CommendationKind.REGULAR if code in TITLES else _pick(rng, FORM_KINDS)
        campaign = None
        if kind is CommendationKind.THEMATIC and self.campaigns_of.get(year):
            campaign = rng.choice(self.campaigns_of[year])
        status = _pick(rng, STATUS_LAST if year == LAST_YEAR else STATUS_PAST)
        meeting = rng.choice(self.held[year]) if status in VOTED and self.held.get(year) else None
        if meeting is None and status in VOTED:
            status = ProposalStatus.BEFORE_COUNCIL
        achievements = clean(rng.choice(ACHIEVEMENTS).format(y=year))
        initiative = rng.choice(INITIATIVES) if code.startswith("CSTD") else ""
        return {
            "year": year,
            "period": f"Năm {year}" if kind is CommendationKind.REGULAR else "",
            "person": None if collective else rng.choice(self.person_ids),
            "unit": rng.choice(units) if collective else None,
            "award_type": award_id,
            "kind": kind,
            "campaign": campaign,
            "achievements": achievements,
            "initiative": initiative,
            "status": status,
            "meeting": meeting,
            "decision": self.decision_of.get((year, level))
            if status is ProposalStatus.GRANTED
            else None,
            "withdrawn_reason": rng.choice(WITHDRAWN_REASONS)
            if status is ProposalStatus.WITHDRAWN
            else "",
            "search_key": fold_many(achievements, initiative),
        }

    def _vote(self, proposal: int, meeting: int, status: ProposalStatus) -> dict[str, Any]:
        rng = self.rng
        total = 11
        present = rng.randint(8, total)
        if status is ProposalStatus.FAILED:
            votes_for = rng.randint(0, present // 2)
        else:
            votes_for = rng.randint(present // 2 + 1, present)
        against = rng.randint(0, present - votes_for)
        return {
            "meeting": meeting,
            "proposal": proposal,
            "agenda_item": None,
            "method": VoteMethod.SHOW_OF_HANDS,
            "members_total": total,
            "members_present": present,
            "ballots_issued": 0,
            "ballots_returned": 0,
            "ballots_valid": 0,
            "votes_for": votes_for,
            "votes_against": against,
            "votes_abstain": present - votes_for - against,
        }


def generate(
    path: Path,
    *,
    years: int = 10,
    people: int = 3000,
    proposals: int = 40000,
    meetings: int = 500,
    campaigns: int = 150,
    seed: int = 2024,
) -> dict[str, int]:
    """Create a NEW database at ``path``: the sample year plus the synthetic years; the counts."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; not overwriting it")
    builder = _Builder(random.Random(seed), LAST_YEAR - years + 1)
    db, _info = open_app_database(path)
    try:
        sample.load_sample_year()
        with database_proxy.atomic():
            builder.units()
            builder.people(people)
            builder.meetings(meetings)
            builder.campaigns(campaigns)
            builder.decisions()
            votes = builder.proposals(proposals)
        counts = {
            "years": years,
            "units": Unit.select().count(),
            "people": Person.select().count(),
            "meetings": Meeting.select().count(),
            "campaigns": Campaign.select().count(),
            "campaign_reports": CampaignReport.select().count(),
            "decisions": Decision.select().count(),
            "proposals": Proposal.select().count(),
            "votes": votes,
        }
    finally:
        close_app_database(db)
    return counts


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python bench/generate.py OUT.sqlite", file=sys.stderr)
        return 2
    out = Path(argv[0])
    if out.exists():
        print(f"{out} already exists; refusing to overwrite it", file=sys.stderr)
        return 1
    started = clock.perf_counter()
    counts = generate(out)
    elapsed = clock.perf_counter() - started
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()) + f" — {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
