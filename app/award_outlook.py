"""What a person or a unit may be proposed for next year, from its history and the catalog's rules
in force on 1 January of that year (app/catalog.py): the numbers come from the rules' params, and
a rule switched off (severity OFF) suggests nothing. Each suggestion says what it rests on and
what is still needed in the next year; the council still decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from app.catalog import RuleRow, rules_in_force
from app.membership import members_in_year
from db.enums import AwardFamily, CommendationKind, Discipline, ProposalStatus, Rating, Severity
from db.models import AwardType, Evaluation, Proposal

RATING_ORDER = {Rating.NOT_COMPLETED: 0, Rating.COMPLETED: 1, Rating.GOOD: 2, Rating.EXCELLENT: 3}
GROUNDS = {
    "rating_htxs": "hoàn thành xuất sắc nhiệm vụ",
    "initiative": "sáng kiến được công nhận",
    "research": "đề tài khoa học được nghiệm thu",
}
SCOPE = {"province": "cấp tỉnh", "national": "toàn quốc"}


@dataclass(frozen=True, slots=True)
class AwardEntry:
    proposal_id: int
    year: int
    award_code: str
    award_name: str
    family: AwardFamily
    kind: CommendationKind
    decision: str  # "Quyết định số 12/QĐ-SNgV ngày 07/4/2024", or "" when none is recorded
    decision_date: date | None


@dataclass(frozen=True, slots=True)
class Suggestion:
    award_code: str
    award_name: str
    basis: str  # what the history shows: "Chiến sĩ thi đua cơ sở 2023, 2024 (2 năm liên tục)"
    condition: str  # what is still needed in the next year
    rule_code: str
    legal_basis: str
    confidence: str


# --- facts ------------------------------------------------------------------------------------
@dataclass
class Facts:
    """One recipient's granted awards and yearly evaluations."""

    awards: dict[int, list[AwardEntry]] = field(default_factory=lambda: defaultdict(list))
    ratings: dict[int, Rating] = field(default_factory=dict)
    disciplines: dict[int, Discipline] = field(default_factory=dict)
    initiatives: dict[int, str] = field(default_factory=dict)

    def codes(self, year: int) -> set[str]:
        return {a.award_code for a in self.awards.get(year, ())}

    def years_with(self, code: str) -> list[int]:
        return sorted(
            y for y, entries in self.awards.items() if any(a.award_code == code for a in entries)
        )

    def good_year(self, year: int, min_rating: Rating) -> bool:
        """Rated at least ``min_rating``, or (no rating recorded) held a title that implies it."""
        rating = self.ratings.get(year)
        if rating is not None:
            return RATING_ORDER[rating] >= RATING_ORDER[min_rating]
        return bool(self.codes(year) & {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ"})


# --- rules ------------------------------------------------------------------------------------
class Rules:
    """The rules in force on 1 January of the year proposals are prepared for."""

    def __init__(self, year: int) -> None:
        self.by_key = {
            (r.award_code, r.rule_code): r
            for r in rules_in_force(date(year, 1, 1))
            if r.severity is not Severity.OFF
        }
        self.names = {
            code: (name, position)
            for code, name, position in AwardType.select(
                AwardType.code, AwardType.name, AwardType.position
            )
            .where(AwardType.active == True)  # noqa: E712
            .tuples()
        }

    def get(self, award_code: str, rule_code: str) -> RuleRow | None:
        rule = self.by_key.get((award_code, rule_code))
        return rule if rule is not None and award_code in self.names else None

    def name(self, code: str) -> str:
        return self.names.get(code, (code, 0))[0]

    def suggestion(self, rule: RuleRow, basis: str, condition: str) -> Suggestion:
        return Suggestion(
            award_code=rule.award_code,
            award_name=self.name(rule.award_code),
            basis=basis,
            condition=condition,
            rule_code=rule.rule_code,
            legal_basis=rule.legal_basis,
            confidence=rule.confidence,
        )


def _streak(years: Iterable[int], end: int, after: int | None = None) -> list[int]:
    """The consecutive years ending at ``end`` (all later than ``after``), oldest first."""
    held = set(years)
    out: list[int] = []
    year = end
    while year in held and (after is None or year > after):
        out.insert(0, year)
        year -= 1
    return out


def _years_text(years: list[int]) -> str:
    return ", ".join(str(y) for y in years)


def _int(params: dict[str, object], key: str, default: int) -> int:
    value = params.get(key, default)
    return int(value) if isinstance(value, int | float | str) else default


def _cstdcs(facts: Facts, year: int, rules: Rules) -> Suggestion | None:
    rule = rules.get("CSTDCS", "cstdcs_criteria")
    if rule is None:
        return None
    requires = str(rule.params.get("requires", "LDTT"))
    if requires not in facts.codes(year):
        return None
    grounds = [GROUNDS.get(str(g), str(g)) for g in rule.params.get("one_of", [])]  # type: ignore[union-attr]
    seen = []
    if facts.ratings.get(year) is Rating.EXCELLENT:
        seen.append(f"năm {year} hoàn thành xuất sắc nhiệm vụ")
    if facts.initiatives.get(year):
        seen.append(f"sáng kiến, đề tài năm {year}: {facts.initiatives[year]}")
    basis = f"{rules.name(requires)} năm {year}" + (f"; {'; '.join(seen)}" if seen else "")
    condition = f"Đạt {rules.name(requires)} năm {year + 1} và có một trong: {', '.join(grounds)}"
    return rules.suggestion(rule, basis, condition)


def _consecutive_title(
    facts: Facts, year: int, rules: Rules, code: str, rule_code: str
) -> Suggestion | None:
    """A title earned by N consecutive lower titles (CSTĐ tỉnh from CSTĐCS)."""
    rule = rules.get(code, rule_code)
    if rule is None:
        return None
    need = _int(rule.params, "consecutive_years", 3)
    lower = str(rule.params.get("of", ""))
    earlier = [y for y in facts.years_with(code) if y <= year]
    streak = _streak(facts.years_with(lower), year, after=earlier[-1] if earlier else None)
    if len(streak) < need - 1 or not streak:
        return None
    basis = f"{rules.name(lower)} {_years_text(streak)} ({len(streak)} năm liên tục)"
    condition = f"Đạt {rules.name(lower)} năm {year + 1} (lần thứ {len(streak) + 1} liên tục)"
    scope = SCOPE.get(str(rule.params.get("needs_initiative_scope", "")))
    if scope:
        condition += f" và có sáng kiến, đề tài có hiệu quả, phạm vi ảnh hưởng {scope}"
    return rules.suggestion(rule, basis, condition)


def _cstd_tq(facts: Facts, year: int, rules: Rules) -> Suggestion | None:
    """Proposed right after the second consecutive provincial title (Art. 21)."""
    rule = rules.get("CSTD_TQ", "cstd_tq_criteria")
    lower_rule = rules.get("CSTD_TINH", "cstd_tinh_criteria")
    if rule is None:
        return None
    need = _int(rule.params, "consecutive_years", 2)
    lower = str(rule.params.get("of", "CSTD_TINH"))
    period = _int(lower_rule.params, "consecutive_years", 3) if lower_rule else 3
    held = [y for y in facts.years_with(lower) if y <= year]
    if not held or held[-1] != year:
        return None
    chain = [held[-1]]
    for earlier in reversed(held[:-1]):
        if chain[0] - earlier > period:
            break
        chain.insert(0, earlier)
    if len(chain) < need or "CSTD_TQ" in facts.codes(year):
        return None
    basis = f"{rules.name(lower)} {_years_text(chain)} ({len(chain)} lần liên tục)"
    scope = SCOPE.get(str(rule.params.get("needs_initiative_scope", "")), "toàn quốc")
    condition = f"Có sáng kiến, đề tài được áp dụng hiệu quả, phạm vi ảnh hưởng {scope}"
    return rules.suggestion(rule, basis, condition)


def _bk_ttg(facts: Facts, year: int, rules: Rules) -> Suggestion | None:
    """A Bằng khen of a ministry or the province, then years of good work with CSTĐCS."""
    rule = rules.get("BK_TTG", "bk_ttg_route")
    if rule is None:
        return None
    forms = [str(c) for c in rule.params.get("requires_form", [])]  # type: ignore[union-attr]
    need = _int(rule.params, "consecutive_years", 5)
    times = _int(rule.params, "cstdcs_times", 3)
    min_rating = Rating(str(rule.params.get("min_rating", Rating.GOOD.value)))
    granted = sorted(y for code in forms for y in facts.years_with(code) if y <= year)
    if not granted:
        return None
    since = granted[-1]
    good = [y for y in range(since + 1, year + 1) if facts.good_year(y, min_rating)]
    streak = _streak(good, year, after=since)[-(need - 1) :] if need > 1 else []
    if len(streak) < need - 1:
        return None
    cstdcs = [y for y in facts.years_with("CSTDCS") if y in streak]
    if len(cstdcs) < times - 1:
        return None
    rating = min_rating.label.lower()
    condition = f"Năm {year + 1} {rating} trở lên"
    if len(cstdcs) < times:
        condition += f" và đạt {rules.name('CSTDCS')} (lần thứ {times})"
    form_name = rules.name(next(c for c in forms if since in facts.years_with(c)))
    basis = (
        f"{form_name} năm {since}; {len(streak)} năm liên tục {rating} trở lên "
        f"({_years_text(streak)}); {rules.name('CSTDCS')}: {_years_text(cstdcs) or 'chưa có'}"
    )
    return rules.suggestion(rule, basis, condition)


def _bk_tinh(facts: Facts, year: int, rules: Rules) -> Suggestion | None:
    """Point d of Art. 74 cl. 1: consecutive years "hoàn thành xuất sắc nhiệm vụ" (recorded
    ratings) with CSTĐCS among them, counted after the last provincial Bằng khen; suggested
    when the next year can complete them. Points a-c rest on achievements: not suggested."""
    rule = rules.get("BK_TINH", "bk_tinh_criteria")
    if rule is None:
        return None
    need = max(1, _int(rule.params, "htxs_years", 2))
    times = _int(rule.params, "cstdcs_times", 0)
    earlier = [y for y in facts.years_with("BK_TINH") if y <= year]
    excellent = [y for y, r in facts.ratings.items() if r is Rating.EXCELLENT]
    streak = _streak(excellent, year, after=earlier[-1] if earlier else None)
    if not streak or len(streak) < need - 1:
        return None
    window = streak[-(need - 1) :] if need > 1 else []
    cstdcs = [y for y in facts.years_with("CSTDCS") if y in window]
    if len(cstdcs) < times - 1:
        return None
    excellent_text = "hoàn thành xuất sắc nhiệm vụ"
    condition = f"Năm {year + 1} {excellent_text}"
    if need > 1:
        condition += f" ({need} năm liên tục)"
    if len(cstdcs) < times:
        condition += f" và đạt {rules.name('CSTDCS')} (lần thứ {times} trong {need} năm)"
    shown = window or streak[-1:]
    basis = f"{excellent_text.capitalize()} {_years_text(shown)}"
    if times:
        basis += f"; {rules.name('CSTDCS')}: {_years_text(cstdcs) or 'chưa có'}"
    basis += " (điểm d)"
    return rules.suggestion(rule, basis, condition)


def person_suggestions(facts: Facts, year: int, rules: Rules) -> list[Suggestion]:
    found = [
        _cstdcs(facts, year, rules),
        _consecutive_title(facts, year, rules, "CSTD_TINH", "cstd_tinh_criteria"),
        _cstd_tq(facts, year, rules),
        _bk_ttg(facts, year, rules),
        _bk_tinh(facts, year, rules),
    ]
    return [s for s in found if s is not None]


@dataclass(frozen=True)
class Members:
    total: int
    ldtt: int
    cstdcs: int
    disciplined: int  # at warning or above


def unit_suggestions(
    facts: Facts, members: Members | None, year: int, rules: Rules
) -> list[Suggestion]:
    out: list[Suggestion] = []
    codes = facts.codes(year)
    staff = ""
    if members and members.total:
        share = members.ldtt * 100 // members.total
        staff = (
            f"; năm {year}: {members.ldtt}/{members.total} thành viên đạt "
            f"{rules.name('LDTT')} ({share}%), {members.cstdcs} {rules.name('CSTDCS')}"
        )
    rule = rules.get("TTLDXS", "ttldxs_criteria")
    if rule is not None and codes & {"TTLDTT", "TTLDXS"}:
        p = rule.params
        held = rules.name("TTLDXS" if "TTLDXS" in codes else "TTLDTT")
        condition = (
            f"Năm {year + 1}: tập thể hoàn thành xuất sắc nhiệm vụ; 100% thành viên hoàn thành "
            f"nhiệm vụ, từ {_int(p, 'min_share_percent', 70)}% đạt "
            f"{rules.name(str(p.get('of', 'LDTT')))}; có ít nhất "
            f"{_int(p, 'min_cstdcs_members', 1)} {rules.name('CSTDCS')}; không có thành viên bị "
            "kỷ luật từ cảnh cáo trở lên"
        )
        out.append(rules.suggestion(rule, f"{held} năm {year}{staff}", condition))
    rule = rules.get("CO_TINH", "co_tinh_criteria")
    if rule is not None and "TTLDXS" in codes:
        condition = f"Năm {year + 1} là tập thể dẫn đầu khối, cụm thi đua của tỉnh"
        out.append(rules.suggestion(rule, f"{rules.name('TTLDXS')} năm {year}", condition))
    return out


def unit_members(year: int, unit_ids: Iterable[int] | None = None) -> dict[int, Members]:
    """Per unit: the results of the year (titles granted, discipline) of the people who were
    in it during that year (app.membership.members_in_year), not of today's staff."""
    staff = members_in_year(year, unit_ids)
    all_ids = [p for ids in staff.values() for p in ids]
    titles: dict[int, set[str]] = defaultdict(set)
    for pid, code in (
        Proposal.select(Proposal.person, AwardType.code)
        .join(AwardType)
        .where(
            Proposal.year == year,
            Proposal.status == ProposalStatus.GRANTED,
            Proposal.person.in_(all_ids),
        )
        .tuples()
    ):
        titles[pid].add(code)
    bad = {Discipline.WARNING, Discipline.HIGHER}
    disciplined = {
        pid
        for pid, discipline in Evaluation.select(Evaluation.person, Evaluation.discipline)
        .where(Evaluation.year == year, Evaluation.person.in_(all_ids))
        .tuples()
        if Discipline(discipline) in bad
    }
    return {
        uid: Members(
            total=len(ids),
            ldtt=sum(1 for p in ids if "LDTT" in titles[p]),
            cstdcs=sum(1 for p in ids if "CSTDCS" in titles[p]),
            disciplined=sum(1 for p in ids if p in disciplined),
        )
        for uid, ids in staff.items()
    }
