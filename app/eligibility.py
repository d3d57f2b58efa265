"""Eligibility of award proposals, from the catalog's rules in force on the review date.

Each finding names its rule and legal basis. The rules are data (app/catalog_data.py, plus the
agency's own): the version in force on the review date applies, a rule switched off
(severity "off") is not checked. A warning may be overridden with a reason, kept as a
ProposalEvent (rule_code, note); a blocking finding cannot be overridden."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from app import meetings, records
from app.catalog import OWN_KEYS, RuleRow, rule_in_force, rules_in_force
from app.catalog_data import bk_tinh_title
from app.eligibility_checks import (
    CHECKS,
    INACTIVE,
    Candidate,
    Context,
    Unrecorded,
    cap_counts,
    cap_detail,
)
from app.errors import NotFound, ValidationError
from app.proposals import ProposalInput, log_event, transition
from app.vntext import clean, fold
from db.enums import (
    ProposalStatus,
    RecipientKind,
    Severity,
)
from db.models import (
    AwardRule,
    AwardType,
    Meeting,
    Person,
    Proposal,
    ProposalEvent,
    Unit,
)

S = ProposalStatus


@dataclass(frozen=True, slots=True)
class Finding:
    rule_code: str
    severity: Severity
    rule_title: str
    legal_basis: str
    detail: str  # what is wrong with this proposal
    proposal_id: int | None = None
    recipient: str = ""
    award_name: str = ""
    overridden: bool = False
    override_note: str = ""
    # overridden once, but its facts differ since (it is open again): that override's reason
    earlier_override: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.BLOCK

    @property
    def message(self) -> str:
        return f"{self.detail} — Quy định: {self.rule_title} ({self.legal_basis})."

    @property
    def open_message(self) -> str:
        """The message, saying so when an earlier override no longer covers it."""
        if not self.earlier_override:
            return self.message
        return (
            f"{self.message} Đã bỏ qua trước đây (lý do: “{self.earlier_override}”), "
            "nay sự việc đã khác."
        )

    @property
    def search_key(self) -> str:
        return fold(f"{self.recipient} | {self.award_name} | {self.message} | {self.override_note}")


def _applicable(rules: list[RuleRow], award: AwardType) -> list[RuleRow]:
    return [
        r
        for r in rules
        if r.rule_code in CHECKS
        and r.severity is not Severity.OFF
        and r.award_code in ("", award.code)
    ]


@dataclass(frozen=True, slots=True)
class _Override:
    note: str
    facts: frozenset[str] | None  # what it accepted; None: recorded before details were kept


def _overrides(proposal_ids: Iterable[int]) -> dict[tuple[int, str], _Override]:
    ids = list(proposal_ids)
    out: dict[tuple[int, str], _Override] = {}
    if not ids:
        return out
    for chunk in range(0, len(ids), 500):
        query = ProposalEvent.select().where(
            ProposalEvent.proposal.in_(ids[chunk : chunk + 500]) & (ProposalEvent.rule_code != "")
        )
        for e in query.order_by(ProposalEvent.id):
            facts = frozenset(e.detail.split("\n")) if e.detail else None
            out[(e.proposal_id, e.rule_code)] = _Override(e.note, facts)
    return out


def _evaluate(
    cand: Candidate, ctx: Context, rules: list[RuleRow], on: date, who: str = ""
) -> list[Finding]:
    findings = []
    for rule in _applicable(rules, cand.award):
        if rule.rule_code == "cstdcs_cap" and cand.award.code != "CSTDCS":
            continue
        for detail in CHECKS[rule.rule_code](rule, cand, ctx, on):
            # data not recorded yet (no rating) warns; the rule judges it once recorded
            severity = Severity.WARN if isinstance(detail, Unrecorded) else rule.severity
            findings.append(
                Finding(
                    rule.rule_code,
                    severity,
                    rule.title,
                    rule.legal_basis,
                    detail,
                    cand.proposal_id,
                    who,
                    cand.award.name,
                )
            )
    return findings


def _with_overrides(findings: list[Finding]) -> list[Finding]:
    """A warning overridden for its proposal is marked so, while its facts are the ones the
    override accepted; once they differ (another duplicate, other counts…) it is open again."""
    overrides = _overrides({f.proposal_id for f in findings if f.proposal_id is not None})
    out = []
    for f in findings:
        done = overrides.get((f.proposal_id or 0, f.rule_code))
        if done is not None and not f.blocking:
            if done.facts is None or f.detail in done.facts:
                f = replace(f, overridden=True, override_note=done.note)
            else:
                f = replace(f, earlier_override=done.note)
        out.append(f)
    return out


def check_input(data: ProposalInput, on: date, proposal_id: int | None = None) -> list[Finding]:
    """The findings for a proposal as the operator types it (saved or not)."""
    award = (
        AwardType.get_or_none(AwardType.id == data.award_type_id)
        if data.award_type_id is not None
        else None
    )
    individual = data.recipient_kind is RecipientKind.INDIVIDUAL
    person_id = data.person_id if individual else None
    unit_id = None if individual else data.unit_id
    if award is None or (person_id is None and unit_id is None):
        return []
    status = S.DRAFT
    if proposal_id is not None:
        saved = Proposal.get_or_none(Proposal.id == proposal_id)
        status = saved.status if saved is not None else S.DRAFT
    cand = Candidate(
        proposal_id,
        data.year,
        person_id,
        unit_id,
        award,
        data.achievements,
        data.initiative,
        status,
        data.kind,
    )
    ctx = Context.load(
        data.year, {person_id} if person_id else set(), {unit_id} if unit_id else set()
    )
    findings = _evaluate(cand, ctx, rules_in_force(on), on)
    return _with_overrides(findings)


def _candidate(p: Proposal, award: AwardType) -> Candidate:
    return Candidate(
        p.id, p.year, p.person_id, p.unit_id, award, p.achievements, p.initiative, p.status, p.kind
    )


def review_date(proposal_id: int, today: date) -> date:
    """The date a proposal is judged on: once it is before a council meeting, the date that
    meeting reviews on (app.meetings.review_date: its day, or for a meeting with only a month
    the day of it nearest today); otherwise ``today``."""
    p = Proposal.get_or_none(Proposal.id == proposal_id)
    if p is None or p.meeting_id is None:
        return today
    meeting = Meeting.get_or_none(Meeting.id == p.meeting_id)
    return meetings.review_date(meeting, today) if meeting is not None else today


def check_proposal(proposal_id: int, on: date) -> list[Finding]:
    p = Proposal.get_or_none(Proposal.id == proposal_id)
    if p is None:
        raise NotFound("Không tìm thấy đề nghị khen thưởng; có thể đã bị xóa.")
    ctx = Context.load(
        p.year, {p.person_id} if p.person_id else set(), {p.unit_id} if p.unit_id else set()
    )
    findings = _evaluate(_candidate(p, ctx.awards[p.award_type_id]), ctx, rules_in_force(on), on)
    return _with_overrides(findings)


def check_year(year: int, on: date) -> list[Finding]:
    """Every proposal of the year still in play, then the year's own limits (the cap)."""
    ctx = Context.load(year)
    rules = rules_in_force(on)
    names = dict(Person.select(Person.id, Person.full_name).tuples())
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    findings: list[Finding] = []
    query = Proposal.select().where(
        (Proposal.year == year) & Proposal.status.not_in(list(INACTIVE))
    )
    for p in query.order_by(Proposal.id):
        award = ctx.awards[p.award_type_id]
        cand = _candidate(p, award)
        rules_here = [r for r in rules if r.rule_code != "cstdcs_cap"]
        who = names.get(p.person_id, "") if p.person_id else units.get(p.unit_id, "")
        findings.extend(_evaluate(cand, ctx, rules_here, on, who))
    for rule in rules:
        if rule.rule_code == "cstdcs_cap" and rule.severity is not Severity.OFF:
            for detail in cap_detail(rule, *cap_counts(year)):
                findings.append(
                    Finding(rule.rule_code, rule.severity, rule.title, rule.legal_basis, detail)
                )
    return _with_overrides(findings)


# --- overriding a warning, submitting to the council -----------------------------------------
def override(proposal_id: int, rule_code: str, reason: str, on: date) -> None:
    """Accept a warning for this proposal, with the reason (kept in its log)."""
    if not clean(reason):
        raise ValidationError("Hãy ghi lý do bỏ qua cảnh báo.", field="reason")
    findings = [f for f in check_proposal(proposal_id, on) if f.rule_code == rule_code]
    if not findings:
        raise ValidationError("Đề nghị không có cảnh báo này (có thể đã được khắc phục).")
    if any(f.blocking for f in findings):
        raise ValidationError(
            f"“{findings[0].rule_title}” là điều kiện bắt buộc ({findings[0].legal_basis}); "
            "không bỏ qua được."
        )
    detail = "\n".join(dict.fromkeys(f.detail for f in findings))  # what is accepted
    with records.transaction():
        log_event(
            Proposal.get_by_id(proposal_id), on=on, rule_code=rule_code, note=reason, detail=detail
        )


def open_findings(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if not f.overridden]


WHOLE_YEAR_FROM = 200  # more proposals of a year than this: load the whole year's data once


def findings_of(proposal_ids: Iterable[int], on: date) -> dict[int, list[Finding]]:
    """Each proposal's findings on ``on`` (overrides applied), as ``check_proposal`` gives them,
    the data read once per year: a meeting's list of candidates is checked in one go."""
    ids = list(dict.fromkeys(proposal_ids))
    out: dict[int, list[Finding]] = {pid: [] for pid in ids}
    if not ids:
        return out
    names = dict(Person.select(Person.id, Person.full_name).tuples())
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    rules = rules_in_force(on)
    chosen: list[Proposal] = []
    for chunk in range(0, len(ids), 500):
        chosen.extend(Proposal.select().where(Proposal.id.in_(ids[chunk : chunk + 500])))
    missing = set(ids) - {p.id for p in chosen}
    if missing:
        raise NotFound("Không tìm thấy đề nghị khen thưởng; có thể đã bị xóa.")
    found: list[Finding] = []
    for year in sorted({p.year for p in chosen}):
        mine = [p for p in chosen if p.year == year]
        if len(mine) > WHOLE_YEAR_FROM:
            ctx = Context.load(year)
        else:
            ctx = Context.load(
                year,
                {p.person_id for p in mine if p.person_id},
                {p.unit_id for p in mine if p.unit_id},
            )
        for p in mine:
            who = names.get(p.person_id, "") if p.person_id else units.get(p.unit_id, "")
            cand = _candidate(p, ctx.awards[p.award_type_id])
            found.extend(_evaluate(cand, ctx, rules, on, who))
    for f in _with_overrides(found):
        out[f.proposal_id or 0].append(f)
    return out


def council_refusal(findings: Iterable[Finding]) -> str:
    """Why these findings keep a proposal from the council (empty when nothing blocks): each
    blocking finding with its recipient, the rule and its legal basis."""
    blocks = [f for f in findings if f.blocking]
    if not blocks:
        return ""
    shown = [
        f"{f.recipient} — {f.award_name}: {f.message}" if f.recipient else f.message
        for f in blocks[:3]
    ]
    more = f" (và {len(blocks) - 3} điều kiện khác)" if len(blocks) > 3 else ""
    return "Chưa trình Hội đồng được: " + " ".join(shown) + more


def before_council(proposal_ids: Iterable[int], on: date) -> dict[int, list[Finding]]:
    """The one gate to the council, for every door (the awards tab's *Trình Hội đồng…*, the
    meetings tab's *Đưa đề nghị vào…*): refuses (ValidationError, changing nothing) while a
    blocking finding stands for any of the proposals; returns each one's warnings still open
    (shown to the operator, who may override them)."""
    findings = findings_of(proposal_ids, on)
    refusal = council_refusal(f for found in findings.values() for f in found)
    if refusal:
        raise ValidationError(refusal)
    return {pid: open_findings(found) for pid, found in findings.items()}


def submit_to_council(proposal_id: int, on: date, note: str = "") -> list[Finding]:
    """Put a draft before the council; refused while a blocking finding stands. Returns the
    warnings still open (shown to the operator, who may override them)."""
    opened = before_council([proposal_id], on)[proposal_id]
    transition(proposal_id, S.BEFORE_COUNCIL, on=on, note=note or "Trình Hội đồng")
    return opened


@dataclass(frozen=True)
class Submission:
    submitted: int
    held_back: tuple[str, ...]  # "recipient — award" of the drafts a condition holds back


def submit_year(year: int, on: date) -> Submission:
    """Every draft of the year put before the council in one transaction, except those a
    blocking finding holds back (named, so the operator sees why)."""
    drafts = Proposal.select(Proposal.id).where(
        (Proposal.year == year) & (Proposal.status == S.DRAFT)
    )
    findings = findings_of([pid for (pid,) in drafts.tuples()], on)
    held: list[str] = []
    count = 0
    with records.transaction():
        for pid, found in findings.items():
            if council_refusal(found):
                f = found[0]
                held.append(f"{f.recipient} — {f.award_name}")
                continue
            transition(pid, S.BEFORE_COUNCIL, on=on, note="Trình Hội đồng (cả danh sách)")
            count += 1
    return Submission(count, tuple(held))


# --- the agency's own rules ------------------------------------------------------------------
# Each setting is one dated row of the agency's (is_custom), holding the rule as the agency
# made it that day: it applies from its date until the agency's next, across later legal
# versions of the rule; how the two meet is decided in one place, app/catalog.py (_resolve).
def _agency_setting(
    award: AwardType | None,
    rule_code: str,
    effective_from: date,
    *,
    severity: Severity | None = None,
    title: str | None = None,
    basis: str | None = None,
    params: dict[str, object] | None = None,
    current: RuleRow | None = None,
) -> int:
    """A new setting of the agency's from ``effective_from``: the rule in force that day
    (``current``, or looked up) with what the agency changes."""
    code = award.code if award is not None else ""
    if current is None:
        current = rule_in_force(effective_from, code, rule_code)
    if current is None:
        raise NotFound(f"Ngày {effective_from:%d/%m/%Y} chưa có quy định này trong danh mục.")
    with records.transaction():
        new = records.create(
            AwardRule,
            award_type=award,
            rule_code=rule_code,
            title=title if title is not None else current.title,
            legal_basis=basis if basis is not None else current.legal_basis,
            effective_from=effective_from,
            severity=severity if severity is not None else current.severity,
            params=json.dumps(
                # its own numbers: those it had (a switch keeps them) and those set now
                {
                    **current.params,
                    **(params or {}),
                    OWN_KEYS: sorted({*current.own_keys, *(params or {})}),
                },
                ensure_ascii=False,
                sort_keys=True,
            ),
            is_custom=True,
            confidence=current.confidence,
        )
    return int(new.id)


def switch_rule(rule_id: int, severity: Severity, effective_from: date, note: str = "") -> int:
    """From ``effective_from`` the rule applies with ``severity`` (off switches it off), until
    the agency switches it again: its earlier setting stays for earlier reviews, and later
    legal versions of the rule keep the switch (they bring their own basis and text)."""
    picked = AwardRule.get_or_none(AwardRule.id == rule_id)
    if picked is None:
        raise NotFound("Không tìm thấy quy định trong danh mục.")
    award = AwardType.get_by_id(picked.award_type_id) if picked.award_type_id else None
    code = award.code if award is not None else ""
    current = rule_in_force(effective_from, code, picked.rule_code)
    if current is None:
        raise NotFound(f"Ngày {effective_from:%d/%m/%Y} chưa có quy định này trong danh mục.")
    if current.severity is Severity.BLOCK:
        raise ValidationError(
            f"“{current.title}” là điều kiện bắt buộc ({current.legal_basis}); không tắt được."
        )
    if severity is Severity.BLOCK:
        raise ValidationError("Quy định của cơ quan chỉ cảnh báo hoặc tắt; không chặn được.")
    if severity is current.severity:
        return int(current.id)
    basis = f"{current.legal_basis}; {clean(note)}" if clean(note) else None
    return _agency_setting(
        award, picked.rule_code, effective_from, severity=severity, basis=basis, current=current
    )


def set_cstdcs_cap(percent: int, effective_from: date, severity: Severity = Severity.WARN) -> int:
    """The agency's optional cap of CSTĐCS at a share of LĐTT holders, from a date until the
    agency changes it."""
    if severity is Severity.BLOCK:
        raise ValidationError("Quy định của cơ quan chỉ cảnh báo hoặc tắt; không chặn được.")
    if not 1 <= percent <= 100:
        raise ValidationError("Tỷ lệ phải từ 1% đến 100%.", field="percent")
    return _agency_setting(
        AwardType.get(AwardType.code == "CSTDCS"),
        "cstdcs_cap",
        effective_from,
        severity=severity,
        title=f"Số Chiến sĩ thi đua cơ sở không vượt {percent}% số cá nhân đạt Lao động tiên tiến",
        basis="Quy chế thi đua, khen thưởng của cơ quan",
        params={"max_percent_of_ldtt": percent},
    )


def validate_bk_tinh_route(htxs_years: int, cstdcs_times: int) -> dict[str, str]:
    """Field → message for point d's numbers (empty when valid)."""
    if not 1 <= htxs_years <= 10:
        return {"htxs_years": "Số năm phải từ 1 đến 10."}
    if not 0 <= cstdcs_times <= htxs_years:
        return {"cstdcs_times": "Số lần Chiến sĩ thi đua cơ sở phải từ 0 đến số năm xét."}
    return {}


BK_TINH_SOURCE = "điểm d theo Quy chế thi đua, khen thưởng của tỉnh"


def set_bk_tinh_route(
    htxs_years: int, cstdcs_times: int, effective_from: date, note: str = ""
) -> int:
    """Point d of the provincial Bằng khen (Art. 74 cl. 1), as the province's Quy chế words it:
    ``htxs_years`` consecutive years "hoàn thành xuất sắc nhiệm vụ" with ``cstdcs_times``
    CSTĐCS among them, from a date until the agency sets them again (domain.md marks these
    numbers [?]); later legal versions of the rule (Decree 152/2025 from 1/7/2025) keep them
    and bring their own basis. It keeps warning (or stays off). Returns the setting's id."""
    for name, message in validate_bk_tinh_route(htxs_years, cstdcs_times).items():
        raise ValidationError(message, field=name)
    award = AwardType.get_or_none(AwardType.code == "BK_TINH")
    if award is None:
        raise NotFound("Danh mục chưa có Bằng khen của Chủ tịch UBND tỉnh.")
    legal = rule_in_force(effective_from, "BK_TINH", "bk_tinh_criteria")
    if legal is None:
        raise NotFound(
            f"Ngày {effective_from:%d/%m/%Y} chưa có quy định xét Bằng khen của Chủ tịch UBND tỉnh."
        )
    # the legal basis in force that day, without an earlier point-d source of the agency's
    basis = f"{legal.legal_basis.split('; ' + BK_TINH_SOURCE)[0]}; {BK_TINH_SOURCE}"
    if clean(note):
        basis = f"{basis} ({clean(note)})"
    return _agency_setting(
        award,
        "bk_tinh_criteria",
        effective_from,
        severity=Severity.OFF if legal.severity is Severity.OFF else Severity.WARN,
        title=bk_tinh_title(htxs_years, cstdcs_times),
        basis=basis,
        params={"htxs_years": htxs_years, "cstdcs_times": cstdcs_times},
        current=legal,
    )


CHECKED_CODES = frozenset(CHECKS)


@dataclass(frozen=True, slots=True)
class RuleView:
    """A rule as the agency's rules dialog lists it."""

    id: int
    rule_code: str
    award_name: str  # the title's or form's short name; "Chung" across the catalog
    title: str
    legal_basis: str
    effective_from: date
    severity: Severity
    params: dict[str, object]
    confidence: str
    search_key: str
    setting_from: date | None = None  # the agency's own setting applies from this date

    @property
    def setting_text(self) -> str:
        """Which setting applies, from when: the agency's (until it changes it) or the catalog's."""
        if self.setting_from is None:
            return "Theo danh mục"
        verb = "Tắt" if self.severity is Severity.OFF else "Cơ quan đặt"
        return f"{verb} từ {self.setting_from:%d/%m/%Y}"


def checked_rules(on: date) -> list[RuleView]:
    """The rules this module checks, as in force on ``on`` (switched-off ones included)."""
    names = {a.code: a.short_name or a.name for a in AwardType.select()}
    return [
        RuleView(
            r.id,
            r.rule_code,
            names.get(r.award_code, "Chung"),
            r.title,
            r.legal_basis,
            r.effective_from,
            r.severity,
            r.params,
            r.confidence,
            fold(f"{r.title} {r.legal_basis}"),
            r.setting_from,
        )
        for r in rules_in_force(on)
        if r.rule_code in CHECKED_CODES
    ]


FINDING_HEADERS = (
    "Mức",
    "Cá nhân / tập thể",
    "Danh hiệu / hình thức",
    "Vấn đề",
    "Quy định",
    "Căn cứ",
    "Lý do bỏ qua",
)


def finding_state(finding: Finding) -> str:
    if finding.overridden:
        return "Đã bỏ qua"
    return "Không đủ điều kiện" if finding.blocking else "Cảnh báo"


def findings_xlsx(year: int, on: date, findings: list[Finding]) -> bytes:
    """The year's check as a workbook (one row per finding), as the operator sends it round."""
    from app.exports.tables import xlsx_bytes  # openpyxl only when exporting

    rows = [
        (
            finding_state(f),
            f.recipient or "(cả danh sách)",
            f.award_name,
            f.detail,
            f.rule_title,
            f.legal_basis,
            f.override_note,
        )
        for f in findings
    ]
    return xlsx_bytes(f"Kiểm tra {year} ngày {on:%d-%m-%Y}", FINDING_HEADERS, rows)
