"""The eligibility checks, one per rule code of the catalog, and what they read.

A check takes the rule in force (its params), the proposal as checked, the loaded context of
its year, and the review date; it returns what is wrong, in Vietnamese (empty when nothing)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import peewee as pw

from app.catalog import RuleRow
from app.membership import members_in_year
from app.vntext import clean, fold
from db.enums import AwardFamily, CommendationKind, Discipline, ProposalStatus, Rating
from db.models import AwardType, DossierItem, Evaluation, Person, Proposal, Registration

S = ProposalStatus
INACTIVE = frozenset({S.WITHDRAWN, S.FAILED, S.NOT_GRANTED})
RATING_ORDER = {Rating.EXCELLENT: 3, Rating.GOOD: 2, Rating.COMPLETED: 1, Rating.NOT_COMPLETED: 0}
DISCIPLINE_ORDER = {
    Discipline.NONE: 0,
    Discipline.REPRIMAND: 1,
    Discipline.WARNING: 2,
    Discipline.HIGHER: 3,
}
HISTORY_YEARS = 6  # CSTĐ toàn quốc looks back over two provincial titles (3 years each)


@dataclass(frozen=True)
class Candidate:
    """A proposal as checked: saved (with its id and status) or being typed."""

    proposal_id: int | None
    year: int
    person_id: int | None
    unit_id: int | None
    award: AwardType
    achievements: str
    initiative: str
    status: ProposalStatus = S.DRAFT
    kind: CommendationKind = CommendationKind.REGULAR


@dataclass
class _Held:
    id: int
    year: int
    person_id: int | None
    unit_id: int | None
    award_id: int
    status: ProposalStatus
    achievements: str  # folded only when compared (few are)


@dataclass(frozen=True, slots=True)
class _Eval:
    """A yearly evaluation as the checks read it."""

    rating: Rating | None
    discipline: Discipline
    initiative: str
    member_count: int | None


@dataclass
class Context:
    """What the checks read, loaded once for a year (and the years before it)."""

    year: int
    awards: dict[int, AwardType] = field(default_factory=dict)
    by_code: dict[str, AwardType] = field(default_factory=dict)
    by_person: dict[int, list[_Held]] = field(default_factory=lambda: defaultdict(list))
    by_unit: dict[int, list[_Held]] = field(default_factory=lambda: defaultdict(list))
    evals: dict[tuple[str, int, int], _Eval] = field(default_factory=dict)
    members: dict[int, list[Person]] = field(default_factory=lambda: defaultdict(list))
    registered: set[tuple[str, int, int]] = field(default_factory=set)
    hired: dict[int, date | None] = field(default_factory=dict)
    _holds: dict[tuple[int, str, int], bool] = field(default_factory=dict)
    _folded: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(
        cls, year: int, person_ids: set[int] | None = None, unit_ids: set[int] | None = None
    ) -> Context:
        """Everything for the year, or (``person_ids``/``unit_ids`` given) only what concerns
        those recipients and the units' members: checking one proposal as the operator types
        stays quick on a database of tens of thousands of proposals."""
        ctx = cls(year)
        for award in AwardType.select():
            ctx.awards[award.id] = award
            ctx.by_code[award.code] = award
        scoped = person_ids is not None or unit_ids is not None
        units = set(unit_ids or ())
        # a unit's members are the people who were in it during the year, not today's staff
        staff = members_in_year(year, units if scoped else None)
        home = {pid: uid for uid, pids in staff.items() for pid in pids}
        # not today's active flag: members_in_year keeps who left after the year (dated)
        people_query = Person.select()
        if scoped:
            people_query = people_query.where(
                Person.id.in_(sorted(home)) | Person.id.in_(list(person_ids or ()))
            )
        persons = set(person_ids or ())
        for person in people_query.order_by(Person.id):
            ctx.hired[person.id] = person.hired_on
            if person.id in home:
                ctx.members[home[person.id]].append(person)
                persons.add(person.id)

        def mine(model: type) -> object:
            if not scoped:
                return True
            return model.person.in_(list(persons)) | model.unit.in_(list(units))

        first = year - HISTORY_YEARS
        query = Proposal.select(
            Proposal.id,
            Proposal.year,
            Proposal.person,
            Proposal.unit,
            Proposal.award_type,
            Proposal.status,
            Proposal.achievements,
        ).where(Proposal.year.between(first, year) & mine(Proposal))
        # plain tuples: a whole year and its history is tens of thousands of rows
        for pid, p_year, person_id, unit_id, award_id, status, achievements in query.tuples():
            # achievements are folded by ctx.folded, only when compared (few are)
            held = _Held(pid, p_year, person_id, unit_id, award_id, status, achievements)
            if person_id is not None:
                ctx.by_person[person_id].append(held)
            else:
                ctx.by_unit[unit_id].append(held)
        evaluations = Evaluation.select().where(
            Evaluation.year.between(first, year) & mine(Evaluation)
        )
        for e in evaluations:
            key = ("p", e.person_id, e.year) if e.person_id else ("u", e.unit_id, e.year)
            ctx.evals[key] = e
        registrations = Registration.select().where(
            (Registration.year == year) & mine(Registration)
        )
        for r in registrations:
            side, who = ("p", r.person_id) if r.person_id else ("u", r.unit_id)
            ctx.registered.add((side, who, r.award_type_id))
        return ctx

    # what a recipient holds
    def held(self, cand: Candidate) -> list[_Held]:
        if cand.person_id is not None:
            return self.by_person.get(cand.person_id, [])
        return self.by_unit.get(cand.unit_id or 0, [])

    def holds(self, rows: list[_Held], code: str, year: int) -> bool:
        """Holds ``code`` in ``year``: granted, or (for the year under review) still proposed."""
        key = (id(rows), code, year)
        known = self._holds.get(key)
        if known is not None:
            return known
        award = self.by_code.get(code)
        found = award is not None and any(
            h.award_id == award.id
            and h.year == year
            and (h.status is S.GRANTED or (year == self.year and h.status not in INACTIVE))
            for h in rows
        )
        self._holds[key] = found
        return found

    def folded(self, held: _Held) -> str:
        key = self._folded.get(held.id)
        if key is None:
            key = self._folded[held.id] = fold(held.achievements)
        return key

    def person_eval(self, person_id: int | None, year: int) -> _Eval | None:
        return self.evals.get(("p", person_id or 0, year))

    def unit_eval(self, unit_id: int | None, year: int) -> _Eval | None:
        return self.evals.get(("u", unit_id or 0, year))

    def person_holds(self, person_id: int, code: str, year: int) -> bool:
        return self.holds(self.by_person.get(person_id, []), code, year)


Check = Callable[[RuleRow, Candidate, Context, date], list[str]]


class Unrecorded(str):
    """What a check says when the data it needs is not recorded yet (no rating for the year):
    a warning, whatever the rule's severity, overridable with a reason; once the data is
    recorded the rule judges it as it says (a rating short of it blocks a blocking rule)."""


def _unrated(evaluation: _Eval | None) -> bool:
    return evaluation is None or evaluation.rating is None


def _record_rating(year: int, need: str) -> Unrecorded:
    return Unrecorded(
        f"Chưa ghi kết quả xếp loại chất lượng năm {year} ({need}): hãy ghi ở Khen thưởng → "
        f"Lịch sử khen thưởng, chọn người được đề nghị, “Ghi kết quả năm {year}…” (danh sách "
        "cả đơn vị: “Nhập kết quả đánh giá…”); hoặc bỏ qua cảnh báo kèm lý do nếu đơn vị đã "
        "xếp loại nhưng chưa nhập"
    )


def _rating_ok(evaluation: _Eval | None, minimum: str) -> bool:
    if evaluation is None or evaluation.rating is None:
        return False
    return RATING_ORDER[evaluation.rating] >= RATING_ORDER[Rating(minimum)]


def _rating_text(evaluation: _Eval | None, year: int) -> str:
    if evaluation is None or evaluation.rating is None:
        return f"chưa có kết quả xếp loại chất lượng năm {year}"
    return f"năm {year} xếp loại “{evaluation.rating.label}”"


def _too_disciplined(evaluation: _Eval | None, maximum: str) -> bool:
    if evaluation is None:
        return False
    return DISCIPLINE_ORDER[evaluation.discipline] > DISCIPLINE_ORDER[Discipline(maximum)]


def _has_initiative(cand: Candidate, ctx: Context) -> bool:
    evaluation = ctx.person_eval(cand.person_id, cand.year)
    return bool(clean(cand.initiative)) or bool(evaluation and clean(evaluation.initiative))


def _name(award: AwardType | None, fallback: str) -> str:
    return award.name if award is not None else fallback


# --- the checks, one per rule code ------------------------------------------------------------
def _one_title_per_year(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    if cand.award.family is not AwardFamily.TITLE:
        return []
    for h in ctx.held(cand):
        if (
            h.award_id == cand.award.id
            and h.year == cand.year
            and h.id != cand.proposal_id
            and h.status not in INACTIVE
        ):
            return [
                f"Đã có đề nghị “{cand.award.name}” năm {cand.year} cho đối tượng này "
                f"(đề nghị số {h.id}, {h.status.label.lower()})"
            ]
    return []


def _no_double_reward(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    key = fold(cand.achievements)
    if not key:
        return []
    for h in ctx.held(cand):
        if (
            h.year == cand.year
            and h.id != cand.proposal_id
            and h.status not in INACTIVE
            and h.achievements
            and ctx.folded(h) == key
        ):
            other = ctx.awards[h.award_id]
            return [
                f"Cùng thành tích này đã được đề nghị “{other.name}” năm {h.year} "
                f"(đề nghị số {h.id})"
            ]
    return []


def _registration(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    if cand.award.family is not AwardFamily.TITLE:
        return []
    side, ident = ("p", cand.person_id) if cand.person_id else ("u", cand.unit_id)
    for s, who, award_id in ctx.registered:
        if s != side or who != ident:
            continue
        award = ctx.awards.get(award_id)
        if award is None or award.family is not AwardFamily.TITLE:
            continue
        if award.recipient is cand.award.recipient and award.position >= cand.award.position:
            return []
    what = "Cá nhân" if side == "p" else "Tập thể"
    return [f"{what} chưa đăng ký thi đua năm {cand.year} (danh hiệu “{cand.award.name}”)"]


def _ldtt_criteria(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    out = []
    evaluation = ctx.person_eval(cand.person_id, cand.year)
    minimum = Rating(str(rule.params.get("min_rating", "htt")))
    if _unrated(evaluation):
        out.append(_record_rating(cand.year, f"cần từ “{minimum.label.lower()}” trở lên"))
    elif not _rating_ok(evaluation, minimum.value):
        out.append(f"Chưa đạt mức “hoàn thành tốt nhiệm vụ”: {_rating_text(evaluation, cand.year)}")
    months = int(rule.params.get("min_months_employed", 0) or 0)  # type: ignore[call-overload]
    hired = ctx.hired.get(cand.person_id or 0)
    if months and hired is not None:
        served = (on.year - hired.year) * 12 + on.month - hired.month - (on.day < hired.day)
        if served < months:
            out.append(
                f"Được tuyển dụng từ ngày {hired:%d/%m/%Y}, chưa đủ {months} tháng "
                f"tính đến ngày {on:%d/%m/%Y}"
            )
    return out


def _ldtt_exclusions(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    evaluation = ctx.person_eval(cand.person_id, cand.year)
    if _too_disciplined(evaluation, str(rule.params.get("max_discipline", "none"))):
        assert evaluation is not None
        return [f"Bị kỷ luật “{evaluation.discipline.label}” trong năm {cand.year}"]
    return []


def _cstdcs_criteria(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    out = []
    required = str(rule.params.get("requires", "LDTT"))
    if not ctx.holds(ctx.held(cand), required, cand.year):
        out.append(
            f"Chưa có đề nghị hoặc danh hiệu “{_name(ctx.by_code.get(required), required)}” "
            f"năm {cand.year}"
        )
    evaluation = ctx.person_eval(cand.person_id, cand.year)
    excellent = evaluation is not None and evaluation.rating is Rating.EXCELLENT
    if not excellent and not _has_initiative(cand, ctx) and _unrated(evaluation):
        out.append(
            _record_rating(
                cand.year, "căn cứ “hoàn thành xuất sắc nhiệm vụ”, khi chưa ghi sáng kiến, đề tài"
            )
        )
    elif not excellent and not _has_initiative(cand, ctx):
        out.append(
            "Chưa có căn cứ: hoàn thành xuất sắc nhiệm vụ, sáng kiến được công nhận hoặc đề tài "
            f"khoa học được nghiệm thu ({_rating_text(evaluation, cand.year)}, chưa ghi sáng kiến)"
        )
    return out


def cap_counts(year: int, extra: str = "") -> tuple[int, int]:
    """The year's CSTĐCS and LĐTT proposals still in play (one grouped query)."""
    query = (
        Proposal.select(AwardType.code, pw.fn.COUNT(Proposal.id))
        .join(AwardType)
        .where(
            (Proposal.year == year)
            & AwardType.code.in_(["CSTDCS", "LDTT"])
            & Proposal.status.not_in(list(INACTIVE))
        )
        .group_by(AwardType.code)
    )
    counts = {"CSTDCS": 0, "LDTT": 0, **dict(query.tuples())}
    if extra in counts:
        counts[extra] += 1
    return counts["CSTDCS"], counts["LDTT"]


def cap_detail(rule: RuleRow, cstdcs: int, ldtt: int) -> list[str]:
    percent = int(rule.params.get("max_percent_of_ldtt", 15) or 0)  # type: ignore[call-overload]
    if cstdcs * 100 <= percent * ldtt:
        return []
    share = f"{cstdcs * 100 / ldtt:.0f}%" if ldtt else "không có Lao động tiên tiến"
    return [
        f"{cstdcs} Chiến sĩ thi đua cơ sở trên {ldtt} Lao động tiên tiến ({share}) "
        f"vượt tỷ lệ {percent}%"
    ]


def _cstdcs_cap(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    cstdcs, ldtt = cap_counts(cand.year, "" if cand.proposal_id else "CSTDCS")
    return cap_detail(rule, cstdcs, ldtt)


def _consecutive(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    out = []
    code = str(rule.params.get("of", ""))
    times = int(rule.params.get("consecutive_years", 1) or 1)  # type: ignore[call-overload]
    rows = ctx.held(cand)
    of_name = _name(ctx.by_code.get(code), code)
    if code == "CSTDCS":
        years = list(range(cand.year - times + 1, cand.year + 1))
        missing = [y for y in years if not ctx.holds(rows, code, y)]
        if missing:
            out.append(
                f"Chưa đủ {times} năm liên tục “{of_name}” ({years[0]}–{years[-1]}); "
                f"thiếu năm {', '.join(str(y) for y in missing)}"
            )
    else:
        got = [y for y in range(cand.year - HISTORY_YEARS, cand.year) if ctx.holds(rows, code, y)]
        if len(got) < times:
            had = ", ".join(str(y) for y in got) or "chưa có"
            out.append(f"Cần {times} lần liên tục “{of_name}”; đã có: {had}")
    if rule.params.get("needs_initiative_scope") and not _has_initiative(cand, ctx):
        out.append("Chưa ghi sáng kiến, đề tài có phạm vi ảnh hưởng theo yêu cầu")
    return out


def _collective(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    out: list[str] = []
    members = ctx.members.get(cand.unit_id or 0, [])
    unit_eval = ctx.unit_eval(cand.unit_id, cand.year)
    total = (unit_eval.member_count if unit_eval and unit_eval.member_count else None) or len(
        members
    )
    code = str(rule.params.get("of", "LDTT"))
    share = int(rule.params.get("min_share_percent", 0) or 0)  # type: ignore[call-overload]
    holders = sum(ctx.person_holds(m.id, code, cand.year) for m in members)
    if share and holders * 100 < share * total:
        percent = f"{holders * 100 / total:.0f}%" if total else "0%"
        out.append(
            f"{holders}/{total} thành viên đạt “{_name(ctx.by_code.get(code), code)}” "
            f"({percent}), chưa đạt {share}%"
        )
    maximum = rule.params.get("max_discipline")
    if maximum:
        punished = [
            m.full_name
            for m in members
            if _too_disciplined(ctx.person_eval(m.id, cand.year), str(maximum))
        ]
        if punished:
            out.append(f"Có thành viên bị kỷ luật từ cảnh cáo trở lên: {', '.join(punished)}")
    if rule.params.get("all_members_completed"):
        short = [
            m.full_name
            for m in members
            if not _rating_ok(ctx.person_eval(m.id, cand.year), Rating.COMPLETED.value)
        ]
        if short:
            out.append(f"Thành viên chưa có xếp loại hoàn thành nhiệm vụ: {', '.join(short)}")
    needed = int(rule.params.get("min_cstdcs_members", 0) or 0)  # type: ignore[call-overload]
    if needed and sum(ctx.person_holds(m.id, "CSTDCS", cand.year) for m in members) < needed:
        out.append("Không có thành viên đạt Chiến sĩ thi đua cơ sở")
    wanted = rule.params.get("collective_rating")
    if wanted and not _rating_ok(unit_eval, str(wanted)):
        out.append(f"Tập thể {_rating_text(unit_eval, cand.year)}")
    return out


def _bk_ttg_route(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    out = []
    rows = ctx.held(cand)
    forms = [str(c) for c in rule.params.get("requires_form", [])]  # type: ignore[union-attr]
    if not any(ctx.holds(rows, c, y) for c in forms for y in range(cand.year - 6, cand.year)):
        names = " hoặc ".join(_name(ctx.by_code.get(c), c) for c in forms)
        out.append(f"Chưa có {names} trước năm {cand.year}")
    if cand.person_id is not None:
        times = int(rule.params.get("consecutive_years", 5) or 5)  # type: ignore[call-overload]
        years = range(cand.year - times + 1, cand.year + 1)
        minimum = str(rule.params.get("min_rating", "htt"))
        weak = [y for y in years if not _rating_ok(ctx.person_eval(cand.person_id, y), minimum)]
        if weak:
            out.append(
                f"Chưa đủ {times} năm liên tục hoàn thành tốt nhiệm vụ trở lên; "
                f"thiếu năm {', '.join(str(y) for y in weak)}"
            )
        need = int(rule.params.get("cstdcs_times", 0) or 0)  # type: ignore[call-overload]
        got = sum(ctx.holds(rows, "CSTDCS", y) for y in years)
        if got < need:
            out.append(f"Có {got}/{need} lần Chiến sĩ thi đua cơ sở trong {times} năm")
    return out


def _bk_tinh_criteria(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    """Art. 74 cl. 1: points a-c rest on achievements the council judges; point d on the
    recorded years: N consecutive years "hoàn thành xuất sắc nhiệm vụ" ending with the year
    proposed for, with M times CSTĐCS among them (N, M: the rule's params, set by the agency).
    Warns, for a regular (yearly) proposal of an individual, when point d is not met."""
    if cand.person_id is None:
        return []
    kinds = [str(k) for k in rule.params.get("kinds", ["cong_trang"])]  # type: ignore[union-attr]
    if cand.kind.value not in kinds:
        return []  # thematic or unscheduled: points a-b, judged on the achievements
    need = max(1, int(rule.params.get("htxs_years", 2) or 2))  # type: ignore[call-overload]
    times = int(rule.params.get("cstdcs_times", 0) or 0)  # type: ignore[call-overload]
    years = list(range(cand.year - need + 1, cand.year + 1))
    evals = {y: ctx.person_eval(cand.person_id, y) for y in years}
    unrated = [y for y in years if _unrated(evals[y])]
    short = [y for y in years if y not in unrated and evals[y].rating is not Rating.EXCELLENT]  # type: ignore[union-attr]
    got = sum(ctx.holds(ctx.held(cand), "CSTDCS", y) for y in years)
    if not unrated and not short and got >= times:
        return []
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    wanted = f"{need} năm liên tục hoàn thành xuất sắc nhiệm vụ ({span})"
    if times:
        wanted += f", trong đó {times} lần Chiến sĩ thi đua cơ sở"
    gaps = [_rating_text(evals[y], y) for y in short]
    if unrated:
        listed = ", ".join(str(y) for y in unrated)
        gaps.append(
            f"chưa ghi kết quả xếp loại năm {listed} (Lịch sử khen thưởng → Ghi kết quả năm…)"
        )
    if got < times:
        gaps.append(f"có {got}/{times} lần Chiến sĩ thi đua cơ sở")
    return [
        f"Chưa thấy căn cứ điểm d ({wanted}): {'; '.join(gaps)}. Nếu đề nghị theo điểm a–c "
        "(thành tích trong phong trào thi đua của bộ, tỉnh; thành tích đột xuất; đóng góp lớn), "
        "hãy ghi rõ thành tích và bỏ qua cảnh báo kèm lý do"
    ]


def _dossier(rule: RuleRow, cand: Candidate, ctx: Context, on: date) -> list[str]:
    if cand.proposal_id is None or cand.status not in (S.PASSED, S.SENT_UP):
        return []
    wanted = [str(c) for c in rule.params.get("items", [])]  # type: ignore[union-attr]
    missing = [
        d.title
        for d in DossierItem.select().where(
            (DossierItem.proposal == cand.proposal_id) & (DossierItem.attached == False)  # noqa: E712
        )
        if d.code in wanted
    ]
    return [f"Hồ sơ còn thiếu: {'; '.join(missing)}"] if missing else []


CHECKS: dict[str, Check] = {
    "one_title_per_year": _one_title_per_year,
    "no_double_reward": _no_double_reward,
    "registration_required": _registration,
    "ldtt_criteria": _ldtt_criteria,
    "ldtt_exclusions": _ldtt_exclusions,
    "cstdcs_criteria": _cstdcs_criteria,
    "cstdcs_cap": _cstdcs_cap,
    "cstd_tinh_criteria": _consecutive,
    "cstd_tq_criteria": _consecutive,
    "ttldtt_criteria": _collective,
    "ttldxs_criteria": _collective,
    "bk_ttg_route": _bk_ttg_route,
    "bk_tinh_criteria": _bk_tinh_criteria,
    "dossier": _dossier,
}
