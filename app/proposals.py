"""Award proposals: create, edit, the dossier checklist, and the dated, logged status lifecycle.

draft → before the council → passed | failed (the vote) → sent up (when the granting authority
is above the director) → granted | not granted. Every change of status writes a
ProposalEvent; a proposal once voted on is never deleted, only withdrawn with a reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time

from app import records, trash
from app.catalog import rules_in_force
from app.catalog_data import DOSSIER_TEMPLATES
from app.errors import NotFound, ValidationError, raise_first
from app.membership import unit_in_year
from app.vntext import clean, has_control_chars
from db.enums import (
    AwardFamily,
    AwardLevel,
    CommendationKind,
    ProposalStatus,
    RecipientKind,
)
from db.models import (
    AwardType,
    Campaign,
    Decision,
    DossierItem,
    Person,
    Proposal,
    ProposalEvent,
    Unit,
    Vote,
)

S = ProposalStatus

# The allowed moves. A vote may be corrected (passed ↔ failed); a decision may be released
# (granted → passed / sent up, as app/decisions does); withdrawn is final.
TRANSITIONS: dict[ProposalStatus, frozenset[ProposalStatus]] = {
    S.DRAFT: frozenset({S.BEFORE_COUNCIL, S.WITHDRAWN}),
    S.BEFORE_COUNCIL: frozenset({S.DRAFT, S.PASSED, S.FAILED, S.WITHDRAWN}),
    S.PASSED: frozenset({S.FAILED, S.SENT_UP, S.GRANTED, S.NOT_GRANTED, S.WITHDRAWN}),
    S.FAILED: frozenset({S.PASSED, S.BEFORE_COUNCIL, S.WITHDRAWN}),
    S.SENT_UP: frozenset({S.PASSED, S.GRANTED, S.NOT_GRANTED, S.WITHDRAWN}),
    S.GRANTED: frozenset({S.PASSED, S.SENT_UP}),
    S.NOT_GRANTED: frozenset({S.PASSED, S.SENT_UP, S.WITHDRAWN}),
    S.WITHDRAWN: frozenset(),
}
VOTED = frozenset({S.PASSED, S.FAILED, S.SENT_UP, S.GRANTED, S.NOT_GRANTED})
EDITABLE = frozenset({S.DRAFT, S.BEFORE_COUNCIL})
MAX_TEXT = 4000


def _proposal(proposal_id: int) -> Proposal:
    proposal = Proposal.get_or_none(Proposal.id == proposal_id)
    if proposal is None:
        raise NotFound("Không tìm thấy đề nghị khen thưởng; có thể đã bị xóa.")
    return proposal


def recipient_name(proposal: Proposal) -> str:
    if proposal.person_id is not None:
        return str(Person.get_by_id(proposal.person_id).full_name)
    return str(Unit.get_by_id(proposal.unit_id).name)


def _describe(proposal: Proposal) -> str:
    award = AwardType.get_by_id(proposal.award_type_id)
    return f"đề nghị “{award.name}” năm {proposal.year} cho {recipient_name(proposal)}"


def _when(on: date) -> datetime:
    return on if isinstance(on, datetime) else datetime.combine(on, time())


def log_event(
    proposal: Proposal,
    *,
    on: date,
    from_status: ProposalStatus | None = None,
    to_status: ProposalStatus | None = None,
    rule_code: str = "",
    note: str = "",
    detail: str = "",
) -> ProposalEvent:
    return records.create(
        ProposalEvent,
        proposal=proposal.id,
        happened_on=_when(on),
        from_status=from_status,
        to_status=to_status,
        rule_code=rule_code,
        note=note,
        detail=detail,
    )


def _decision_name(proposal: Proposal) -> str:
    decision = Decision.get_or_none(Decision.id == proposal.decision_id)
    if decision is None:
        return "một Quyết định khen thưởng"
    symbol = f"/{decision.symbol}" if decision.symbol else ""
    return f"Quyết định số {decision.number}{symbol} ngày {decision.signed_on:%d/%m/%Y}"


def transition_problem(proposal: Proposal, to: ProposalStatus) -> str:
    """Why ``proposal`` cannot move to ``to`` (empty when it can).

    A decision and the status agree: a proposal becomes granted only through a decision that
    covers it (app/decisions attaches it first), and leaves granted only once out of it."""
    current = proposal.status
    if current is S.GRANTED and to is not S.GRANTED and proposal.decision_id is not None:
        return (
            f"{_describe(proposal)[0].upper()}{_describe(proposal)[1:]} đã được công nhận tại "
            f"{_decision_name(proposal)}; hãy gỡ đề nghị khỏi quyết định trước (Khen thưởng → "
            "trang Quyết định, sửa quyết định)."
        )
    if to not in TRANSITIONS[current]:
        return f"Không chuyển được {_describe(proposal)} từ “{current.label}” sang “{to.label}”."
    if to is S.GRANTED and proposal.decision_id is None:
        return (
            f"Chưa có quyết định khen thưởng cho {_describe(proposal)}: đề nghị được chuyển sang "
            "“Được khen thưởng” khi đưa vào một Quyết định ở trang Quyết định "
            "(thẻ Khen thưởng → Quyết định)."
        )
    if to is S.SENT_UP:
        award = AwardType.get_by_id(proposal.award_type_id)
        if award.level is AwardLevel.DEPARTMENT:
            return (
                f"“{award.name}” do {award.granting_authority} quyết định; "
                "không cần trình cấp trên."
            )
    return ""


def allowed_transitions(proposal_id: int) -> list[ProposalStatus]:
    """The steps an operator may take by hand; a proposal a decision covers changes only
    through that decision (app/decisions)."""
    proposal = _proposal(proposal_id)
    if proposal.decision_id is not None:
        return []
    return [
        s
        for s in ProposalStatus
        if s is not S.WITHDRAWN and s in TRANSITIONS[proposal.status]
        if not transition_problem(proposal, s)
    ]


def decision_steps(proposal_id: int) -> list[tuple[ProposalStatus, str]]:
    """The lifecycle's steps that only a decision takes (granting, and leaving granted while a
    decision covers it), each with why the operator cannot take it by hand: what the detail
    pane shows greyed instead of offering."""
    proposal = _proposal(proposal_id)
    if proposal.status is S.GRANTED and proposal.decision_id is not None:
        targets = sorted(TRANSITIONS[S.GRANTED], key=list(ProposalStatus).index)
    elif S.GRANTED in TRANSITIONS[proposal.status] and proposal.decision_id is None:
        targets = [S.GRANTED]
    else:
        return []
    return [(s, transition_problem(proposal, s)) for s in targets]


def transition(proposal_id: int, to: ProposalStatus, *, on: date, note: str = "") -> None:
    """Move the proposal to ``to`` on the date ``on``, logged as a ProposalEvent.

    Refuses (changing nothing) a move the lifecycle does not allow. Moving to the status it
    already has does nothing. Withdrawing needs a reason (see ``withdraw``)."""
    proposal = _proposal(proposal_id)
    if proposal.status is to:
        return
    problem = transition_problem(proposal, to)
    if problem:
        raise ValidationError(problem)
    note = clean(note)
    if to is S.WITHDRAWN and not note:
        raise ValidationError("Hãy ghi lý do rút đề nghị.", field="note")
    with records.transaction():
        log_event(proposal, on=on, from_status=proposal.status, to_status=to, note=note)
        fields: dict[str, object] = {"status": to}
        if to is S.WITHDRAWN:
            fields["withdrawn_reason"] = note
        records.update(proposal, **fields)


def withdraw(proposal_id: int, reason: str, on: date) -> None:
    """Withdraw a proposal (kept, with the reason); the only way out once it has been voted."""
    if not clean(reason):
        raise ValidationError("Hãy ghi lý do rút đề nghị.", field="reason")
    transition(proposal_id, S.WITHDRAWN, on=on, note=reason)


# --- input, validation, create, edit, delete ---------------------------------------------
@dataclass(frozen=True)
class ProposalInput:
    year: int
    award_type_id: int | None
    recipient_kind: RecipientKind = RecipientKind.INDIVIDUAL
    person_id: int | None = None
    unit_id: int | None = None
    kind: CommendationKind = CommendationKind.REGULAR
    period: str = ""
    campaign_id: int | None = None
    achievements: str = ""
    initiative: str = ""


def _recipient_problem(data: ProposalInput) -> str:
    if data.recipient_kind is RecipientKind.INDIVIDUAL:
        if data.person_id is None:
            return "Chưa chọn cá nhân được đề nghị."
        if Person.get_or_none(Person.id == data.person_id) is None:
            return "Cá nhân được chọn không còn trong danh mục."
        return ""
    if data.unit_id is None:
        return "Chưa chọn tập thể được đề nghị."
    if Unit.get_or_none(Unit.id == data.unit_id) is None:
        return "Tập thể được chọn không còn trong danh mục."
    return ""


def _award_problems(data: ProposalInput) -> dict[str, str]:
    award = (
        AwardType.get_or_none(AwardType.id == data.award_type_id)
        if data.award_type_id is not None
        else None
    )
    if award is None:
        return {"award": "Chưa chọn danh hiệu thi đua hoặc hình thức khen thưởng."}
    problems: dict[str, str] = {}
    individual = data.recipient_kind is RecipientKind.INDIVIDUAL
    if award.recipient is RecipientKind.INDIVIDUAL and not individual:
        problems["award"] = f"“{award.name}” chỉ xét tặng cho cá nhân."
    elif award.recipient is RecipientKind.COLLECTIVE and individual:
        problems["award"] = f"“{award.name}” chỉ xét tặng cho tập thể."
    if award.family is AwardFamily.FORM and not clean(data.achievements):
        problems["achievements"] = (
            f"Hãy ghi thành tích đề nghị khen thưởng “{award.name}” "
            "(một thành tích chỉ khen một lần)."
        )
    return problems


def validate_proposal(data: ProposalInput) -> dict[str, str]:
    """Field → Vietnamese message; empty when the input can be saved."""
    problems: dict[str, str] = {}
    if not 2000 <= data.year <= 2100:
        problems["year"] = "Năm đề nghị phải từ 2000 đến 2100."
    recipient = _recipient_problem(data)
    if recipient:
        problems["recipient"] = recipient
    problems.update(_award_problems(data))
    if data.kind is CommendationKind.THEMATIC and data.campaign_id is None:
        problems["campaign"] = "Khen thưởng theo đợt, chuyên đề: hãy chọn phong trào thi đua."
    if (
        data.campaign_id is not None
        and Campaign.get_or_none(Campaign.id == data.campaign_id) is None
    ):
        problems["campaign"] = "Phong trào thi đua được chọn không còn trong danh sách."
    for name, label in (
        ("achievements", "Thành tích"),
        ("initiative", "Sáng kiến, đề tài"),
        ("period", "Thời kỳ, giai đoạn"),
    ):
        text = getattr(data, name)
        if has_control_chars(text):
            problems[name] = (
                f"{label} chứa ký tự điều khiển không hợp lệ (có thể do sao chép từ chương "
                "trình khác); hãy gõ lại."
            )
        elif len(clean(text)) > MAX_TEXT:
            problems[name] = f"{label} dài quá {MAX_TEXT} ký tự."
    if len(clean(data.period)) > 100:
        problems["period"] = "Thời kỳ, giai đoạn dài quá 100 ký tự."
    return problems


def _fields(data: ProposalInput) -> dict[str, object]:
    individual = data.recipient_kind is RecipientKind.INDIVIDUAL
    return {
        "year": data.year,
        "period": data.period,
        "person": data.person_id if individual else None,
        "unit": None if individual else data.unit_id,
        "award_type": data.award_type_id,
        "kind": data.kind,
        "campaign": data.campaign_id,
        "achievements": data.achievements,
        "initiative": data.initiative,
    }


FOREIGN_SUMMARY = "foreign_summary"


def dossier_template(
    award: AwardType, on: date, kind: CommendationKind = CommendationKind.REGULAR
) -> list[tuple[str, str]]:
    """The dossier checklist of a title or form: its level's papers, plus what a dated
    ``dossier`` rule of the catalog asks for on ``on``; the summary report for foreigners
    only when the commendation is "đối ngoại"."""
    titles = dict(pair for template in DOSSIER_TEMPLATES.values() for pair in template)
    items = [i for i in DOSSIER_TEMPLATES.get(award.level, ()) if i[0] != FOREIGN_SUMMARY]
    if kind is CommendationKind.FOREIGN and FOREIGN_SUMMARY in titles:
        items.append((FOREIGN_SUMMARY, titles[FOREIGN_SUMMARY]))
    known = {code for code, _ in items}
    for rule in rules_in_force(on, "dossier"):
        if rule.award_code != award.code:
            continue
        for code in rule.params.get("items", []):  # type: ignore[union-attr]
            if code not in known:
                items.append((str(code), titles.get(str(code), str(code))))
                known.add(code)
    return items


def _sync_dossier(proposal: Proposal, award: AwardType, on: date) -> None:
    """Rows for the award's checklist; what was attached is kept, what no longer applies and
    was never attached goes."""
    wanted = dossier_template(award, on, proposal.kind)
    have = {d.code: d for d in DossierItem.select().where(DossierItem.proposal == proposal)}
    codes = {code for code, _ in wanted}
    for code, title in wanted:
        if code not in have:
            records.create(DossierItem, proposal=proposal, code=code, title=title)
    for code, item in have.items():
        if code not in codes and not item.attached:
            records.delete(item)


def create_proposal(data: ProposalInput, *, on: date | None = None, note: str = "") -> Proposal:
    raise_first(validate_proposal(data))
    on = on or date.today()
    with records.transaction():
        proposal = records.create(Proposal, status=S.DRAFT, **_fields(data))
        log_event(proposal, on=on, to_status=S.DRAFT, note=note or "Lập đề nghị")
        _sync_dossier(proposal, AwardType.get_by_id(data.award_type_id), on)
    return proposal


def update_proposal(proposal_id: int, data: ProposalInput, *, on: date | None = None) -> Proposal:
    proposal = _proposal(proposal_id)
    if proposal.status not in EDITABLE:
        raise ValidationError(
            f"Đề nghị đang ở trạng thái “{proposal.status.label}”; không sửa được nữa. "
            "Hãy rút đề nghị (ghi lý do) và lập đề nghị mới nếu cần."
        )
    raise_first(validate_proposal(data))
    with records.transaction():
        records.update(proposal, **_fields(data))
        _sync_dossier(proposal, AwardType.get_by_id(data.award_type_id), on or date.today())
    return proposal


def proposal_input(proposal_id: int) -> ProposalInput:
    p = _proposal(proposal_id)
    return ProposalInput(
        year=p.year,
        award_type_id=p.award_type_id,
        recipient_kind=RecipientKind.INDIVIDUAL if p.person_id else RecipientKind.COLLECTIVE,
        person_id=p.person_id,
        unit_id=p.unit_id,
        kind=p.kind,
        period=p.period,
        campaign_id=p.campaign_id,
        achievements=p.achievements,
        initiative=p.initiative,
    )


def was_voted(proposal: Proposal) -> bool:
    if Vote.select().where(Vote.proposal == proposal).exists():
        return True
    return (
        ProposalEvent.select()
        .where((ProposalEvent.proposal == proposal) & ProposalEvent.to_status.in_(list(VOTED)))
        .exists()
    )


def delete_proposal(proposal_id: int) -> int:
    """Into the Thùng rác, only while never voted on; returns the bin entry's id."""
    proposal = _proposal(proposal_id)
    if was_voted(proposal) or proposal.decision_id is not None:
        raise ValidationError(
            "Đề nghị đã được Hội đồng biểu quyết; không xóa được. "
            "Hãy dùng “Rút đề nghị…” và ghi lý do."
        )
    return trash.discard(proposal, _describe(proposal)[0].upper() + _describe(proposal)[1:])


# --- dossier ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DossierRow:
    id: int
    code: str
    title: str
    attached: bool
    reference: str


def dossier_rows(proposal_id: int) -> list[DossierRow]:
    return [
        DossierRow(d.id, d.code, d.title, d.attached, d.reference)
        for d in DossierItem.select()
        .where(DossierItem.proposal == proposal_id)
        .order_by(DossierItem.id)
    ]


def set_dossier_item(item_id: int, attached: bool, reference: str = "") -> None:
    item = DossierItem.get_or_none(DossierItem.id == item_id)
    if item is None:
        raise NotFound("Không tìm thấy mục hồ sơ; có thể đã bị xóa.")
    if len(clean(reference)) > 500:
        raise ValidationError("Số văn bản hoặc đường dẫn tệp dài quá 500 ký tự.", "reference")
    records.update(item, attached=attached, reference=reference if attached else "")


def missing_dossier(proposal_id: int) -> list[str]:
    return [d.title for d in dossier_rows(proposal_id) if not d.attached]


# --- the log ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    happened_on: datetime
    from_status: ProposalStatus | None
    to_status: ProposalStatus | None
    rule_code: str
    note: str

    @property
    def text(self) -> str:
        if self.rule_code:
            return f"Bỏ qua cảnh báo “{self.rule_code}”: {self.note}"
        if self.to_status is None:
            return self.note
        head = (
            f"{self.from_status.label} → {self.to_status.label}"
            if self.from_status
            else self.to_status.label
        )
        return f"{head}: {self.note}" if self.note else head


def event_rows(proposal_id: int) -> list[EventRow]:
    return [
        EventRow(e.id, e.happened_on, e.from_status, e.to_status, e.rule_code, e.note)
        for e in ProposalEvent.select()
        .where(ProposalEvent.proposal == proposal_id)
        .order_by(ProposalEvent.id)  # the order things were done (dates may be back-dated)
    ]


@dataclass(frozen=True)
class ProposalDetail:
    id: int
    year: int
    recipient_kind: RecipientKind
    recipient_name: str
    unit_name: str
    award_code: str
    award_name: str
    award_level: AwardLevel
    granting_authority: str
    kind: CommendationKind
    period: str
    campaign_name: str
    achievements: str
    initiative: str
    status: ProposalStatus
    withdrawn_reason: str
    meeting_title: str
    decision_text: str
    voted: bool
    allowed: tuple[ProposalStatus, ...]
    by_decision: tuple[tuple[ProposalStatus, str], ...] = ()  # steps a decision takes, and why


def proposal_detail(proposal_id: int) -> ProposalDetail:
    p = _proposal(proposal_id)
    award = AwardType.get_by_id(p.award_type_id)
    if p.person_id is not None:
        person = Person.get_by_id(p.person_id)
        # the unit the person was in during the proposal's year
        unit = Unit.get_or_none(Unit.id == unit_in_year(person.id, p.year))
        name, unit_name, kind = (
            person.full_name,
            unit.name if unit else "",
            RecipientKind.INDIVIDUAL,
        )
    else:
        unit = Unit.get_by_id(p.unit_id)
        name, unit_name, kind = unit.name, unit.name, RecipientKind.COLLECTIVE
    campaign = Campaign.get_or_none(Campaign.id == p.campaign_id) if p.campaign_id else None
    meeting = p.meeting if p.meeting_id else None
    decision = p.decision if p.decision_id else None
    decision_text = ""
    if decision is not None:
        symbol = f"/{decision.symbol}" if decision.symbol else ""
        decision_text = (
            f"Quyết định số {decision.number}{symbol} ngày {decision.signed_on:%d/%m/%Y}"
        )
    return ProposalDetail(
        id=p.id,
        year=p.year,
        recipient_kind=kind,
        recipient_name=name,
        unit_name=unit_name,
        award_code=award.code,
        award_name=award.name,
        award_level=award.level,
        granting_authority=award.granting_authority,
        kind=p.kind,
        period=p.period,
        campaign_name=campaign.name if campaign else "",
        achievements=p.achievements,
        initiative=p.initiative,
        status=p.status,
        withdrawn_reason=p.withdrawn_reason,
        meeting_title=meeting.title if meeting else "",
        decision_text=decision_text,
        voted=was_voted(p),
        allowed=tuple(allowed_transitions(p.id)),
        by_decision=tuple(decision_steps(p.id)),
    )


def params_of(rule_params: str) -> dict[str, object]:
    return dict(json.loads(rule_params or "{}"))
