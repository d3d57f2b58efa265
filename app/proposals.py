"""Award proposals: create, edit, the dossier checklist, and the dated, logged status lifecycle.

draft → before the council → passed | failed (the vote) → sent up (when the granting authority
is above the director) → granted | not granted. Every change of status writes a
ProposalEvent; a proposal once voted on is never deleted, only withdrawn with a reason.
"""

from __future__ import annotations

from datetime import date, datetime, time

from app import records
from app.errors import NotFound, ValidationError
from app.vntext import clean
from db.enums import (
    AwardLevel,
    ProposalStatus,
)
from db.models import (
    AwardType,
    Person,
    Proposal,
    ProposalEvent,
    Unit,
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
) -> ProposalEvent:
    return records.create(
        ProposalEvent,
        proposal=proposal.id,
        happened_on=_when(on),
        from_status=from_status,
        to_status=to_status,
        rule_code=rule_code,
        note=note,
    )


def transition_problem(proposal: Proposal, to: ProposalStatus) -> str:
    """Why ``proposal`` cannot move to ``to`` (empty when it can)."""
    current = proposal.status
    if to not in TRANSITIONS[current]:
        return f"Không chuyển được {_describe(proposal)} từ “{current.label}” sang “{to.label}”."
    if to is S.SENT_UP:
        award = AwardType.get_by_id(proposal.award_type_id)
        if award.level is AwardLevel.DEPARTMENT:
            return (
                f"“{award.name}” do {award.granting_authority} quyết định; "
                "không cần trình cấp trên."
            )
    return ""


def allowed_transitions(proposal_id: int) -> list[ProposalStatus]:
    proposal = _proposal(proposal_id)
    return [
        s
        for s in ProposalStatus
        if s is not S.WITHDRAWN and s in TRANSITIONS[proposal.status]
        if not transition_problem(proposal, s)
    ]


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
