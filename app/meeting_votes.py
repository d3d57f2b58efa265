"""What a meeting decides: the proposals before it, their votes, results written back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import eligibility, records
from app.eligibility import Finding
from app.eligibility_checks import INACTIVE
from app.errors import NotFound, ValidationError, raise_first
from app.meeting_edit import _meeting, attendance_rows
from app.meetings import review_date
from app.proposals import transition
from app.vntext import admin_date, clean, fold
from app.voting import Threshold, VoteCount, VoteResult, judge, threshold_for, validate_count
from db.enums import AttendanceStatus, ProposalStatus, VoteMethod
from db.models import AwardType, Meeting, Person, Proposal, Unit, Vote


@dataclass(frozen=True)
class VoteOutcome:
    threshold: Threshold
    result: VoteResult
    status: ProposalStatus
    warnings: tuple[Finding, ...] = ()  # still open: the caller asks for a reason (or not)
    overridden: tuple[Finding, ...] = ()  # accepted with the reason given to record_vote
    checked_on: date | None = None  # the review date eligibility was checked on


@dataclass(frozen=True)
class VoteCheck:
    on: date  # the meeting's review date
    findings: tuple[Finding, ...]  # open: blocking ones, and warnings not yet overridden


def vote_check(meeting_id: int, proposal_id: int) -> VoteCheck:
    """The proposal's eligibility checked again on the meeting's review date: what the vote
    dialog shows before the council's result is recorded."""
    meeting = _meeting(meeting_id)
    if Proposal.get_or_none(Proposal.id == proposal_id) is None:
        raise NotFound("Không tìm thấy đề nghị khen thưởng; có thể đã bị xóa.")
    on = review_on(meeting)
    found = eligibility.findings_of([proposal_id], on)[proposal_id]
    return VoteCheck(on, tuple(eligibility.open_findings(found)))


def vote_refusal(findings: tuple[Finding, ...], on: date) -> str:
    """Why a passing result cannot be recorded (empty when nothing blocks): each blocking
    finding with its rule and legal basis."""
    blocks = [f for f in findings if f.blocking]
    if not blocks:
        return ""
    shown = " ".join(f.message for f in blocks[:3])
    more = f" (và {len(blocks) - 3} điều kiện khác)" if len(blocks) > 3 else ""
    return (
        f"Không ghi kết quả ĐẠT được: xét lại {admin_date(on)}, đề nghị không còn đủ điều "
        f"kiện — {shown}{more} Có thể ghi kết quả không đạt, hoặc khắc phục rồi ghi lại."
    )


def record_vote(
    meeting_id: int, proposal_id: int, count: VoteCount, override_reason: str = ""
) -> VoteOutcome:
    """Record (or correct) the council's vote on a proposal; its status follows the result.

    Eligibility is checked again, and the threshold taken, on the meeting's review date
    (``review_on``, one date for both): a blocking
    finding refuses a passing result (ValidationError naming the rule and its basis; a failing
    one is recorded — the council rejecting what cannot be granted is right). Warnings not yet
    overridden do not stop it: with ``override_reason`` they are overridden (logged like any
    override, in the same transaction) when the result passes, otherwise returned still open
    so the caller can ask for a reason."""
    meeting = _meeting(meeting_id)
    proposal = Proposal.get_or_none(Proposal.id == proposal_id)
    if proposal is None:
        raise NotFound("Không tìm thấy đề nghị khen thưởng.")
    raise_first(validate_count(count))
    award = AwardType.get_by_id(proposal.award_type_id)
    checked = vote_check(meeting_id, proposal_id)
    reviewed, found = checked.on, checked.findings
    on = reviewed  # one review date: the threshold and the eligibility on the same day
    threshold = threshold_for(award.code, on)
    result = judge(count, threshold)
    status = ProposalStatus.PASSED if result.passed else ProposalStatus.FAILED
    if result.passed:
        refusal = vote_refusal(found, reviewed)
        if refusal:
            raise ValidationError(refusal)
    warned = [f for f in found if not f.blocking]
    reason = clean(override_reason)
    accepted = warned if (reason and result.passed) else []
    fields = {
        "method": count.method,
        "members_total": count.members_total,
        "members_present": count.members_present,
        "written_votes": count.written_votes,
        "ballots_issued": count.ballots_issued,
        "ballots_returned": count.ballots_returned,
        "ballots_valid": count.ballots_valid,
        "votes_for": count.votes_for,
        "votes_against": count.votes_against,
        "votes_abstain": count.votes_abstain,
    }
    with records.transaction():
        for rule_code in dict.fromkeys(f.rule_code for f in accepted):
            eligibility.override(proposal.id, rule_code, reason, reviewed)  # logged as any other
        vote = Vote.get_or_none((Vote.meeting == meeting) & (Vote.proposal == proposal))
        if vote is None:
            records.create(Vote, meeting=meeting, proposal=proposal, **fields)
        else:
            records.update(vote, **fields)
        records.update(proposal, meeting=meeting)
        if proposal.status is ProposalStatus.DRAFT:
            transition(proposal.id, ProposalStatus.BEFORE_COUNCIL, on=on, note=_note(meeting))
        if not (proposal.status is ProposalStatus.GRANTED and result.passed):
            # a corrected count that still passes leaves a granted proposal granted
            transition(proposal.id, status, on=on, note=f"Biểu quyết tại {_note(meeting)}")
    left = tuple(f for f in warned if f not in accepted)
    return VoteOutcome(threshold, result, status, left, tuple(accepted), reviewed)


def accept_warnings(proposal_id: int, warnings: tuple[Finding, ...], reason: str, on: date) -> None:
    """Override the warnings a vote returned still open, with one reason (in one transaction),
    as the awards tab's *Bỏ qua cảnh báo…* does."""
    with records.transaction():
        for rule_code in dict.fromkeys(f.rule_code for f in warnings):
            eligibility.override(proposal_id, rule_code, reason, on)


@dataclass(frozen=True, slots=True)
class BallotRow:
    id: int  # the proposal
    recipient: str
    award: str
    award_code: str
    status: ProposalStatus
    votes: str  # "5/7" or ""
    percent: str
    search_key: str
    blocking: tuple[str, ...] = ()  # open findings on the meeting's review date: what blocks
    warnings: tuple[str, ...] = ()  # … and warnings not yet overridden

    @property
    def findings_text(self) -> str:
        """The list's marker: how many findings are open (empty when none)."""
        parts = []
        if self.blocking:
            parts.append(f"{len(self.blocking)} không đủ điều kiện")
        if self.warnings:
            parts.append(f"{len(self.warnings)} cảnh báo")
        return ", ".join(parts)

    @property
    def findings_tip(self) -> str:
        lines = [f"Không đủ điều kiện: {m}" for m in self.blocking]
        lines += [f"Cảnh báo: {m}" for m in self.warnings]
        return "\n".join(lines)


SETTLED = INACTIVE | {ProposalStatus.GRANTED}  # the council's work on these is done


def count_of(vote: Vote) -> VoteCount:
    """A stored vote as the count it was judged from."""
    return VoteCount(
        vote.method,
        vote.members_total,
        vote.members_present,
        vote.written_votes,
        vote.ballots_issued,
        vote.ballots_returned,
        vote.ballots_valid,
        vote.votes_for,
        vote.votes_against,
        vote.votes_abstain,
    )


def ballot_rows(meeting_id: int) -> list[BallotRow]:
    """The proposals before this meeting, with their vote where recorded."""
    meeting = _meeting(meeting_id)
    names = dict(Person.select(Person.id, Person.full_name).tuples())
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}
    awards = {a.id: a for a in AwardType.select()}
    votes = {v.proposal_id: v for v in Vote.select().where(Vote.meeting == meeting)}
    on = review_on(meeting)
    chosen = list(Proposal.select().where(Proposal.meeting == meeting).order_by(Proposal.id))
    # one batched check for the whole agenda (the year-end meeting has hundreds)
    findings = eligibility.findings_of([p.id for p in chosen if p.status not in SETTLED], on)
    rows = []
    for p in chosen:
        opened = eligibility.open_findings(findings.get(p.id, ()))
        who = names.get(p.person_id, "") if p.person_id else units.get(p.unit_id, "")
        award = awards[p.award_type_id]
        vote = votes.get(p.id)
        votes_text = percent = ""
        if vote is not None:
            count = count_of(vote)
            result = judge(count, threshold_for(award.code, on))
            votes_text, percent = f"{vote.votes_for}/{result.base}", result.percent_text
        rows.append(
            BallotRow(
                p.id,
                who,
                award.name,
                award.code,
                p.status,
                votes_text,
                percent,
                fold(f"{who} {award.name}"),
                tuple(f.open_message for f in opened if f.blocking),
                tuple(f.open_message for f in opened if not f.blocking),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class AgendaCandidate:
    """A proposal that may be put before the meeting, with what its eligibility check says."""

    id: int
    recipient: str
    award: str
    award_code: str
    status: ProposalStatus
    refusal: str  # why it cannot go before the council (a blocking finding); empty when it can
    warnings: tuple[str, ...]  # warnings not yet overridden: it may go, the council sees them
    search_key: str
    warning_details: tuple[str, ...] = ()  # the same, only what is wrong (without the rule)

    @property
    def text(self) -> str:
        return f"{self.recipient} — {self.award}"


def review_on(meeting: Meeting) -> date:
    """The day the council reviews on at this meeting (app.meetings.review_date): eligibility,
    the vote threshold and the transitions of its proposals all take this one date."""
    return review_date(meeting)


def candidates(meeting_id: int) -> list[AgendaCandidate]:
    """Proposals of the meeting's year not yet before a council: what can be put on its agenda,
    each with its findings on the meeting's day (blocking ones hold it back)."""
    meeting = _meeting(meeting_id)
    names = dict(Person.select(Person.id, Person.full_name).tuples())
    units = {u.id: u.name for u in Unit.select(Unit.id, Unit.name)}
    awards = {a.id: a for a in AwardType.select()}
    query = Proposal.select().where(
        (Proposal.year == meeting.year)
        & Proposal.meeting.is_null()
        & Proposal.status.in_([ProposalStatus.DRAFT, ProposalStatus.BEFORE_COUNCIL])
    )
    chosen = list(query.order_by(Proposal.id))
    findings = eligibility.findings_of([p.id for p in chosen], review_on(meeting))
    out = []
    for p in chosen:
        who = names.get(p.person_id, "") if p.person_id else units.get(p.unit_id, "")
        award = awards[p.award_type_id]
        found = findings[p.id]
        warned = [f for f in eligibility.open_findings(found) if not f.blocking]
        out.append(
            AgendaCandidate(
                p.id,
                who,
                award.name,
                award.code,
                p.status,
                eligibility.council_refusal(found),
                tuple(f.message for f in warned),
                fold(f"{who} {award.name}"),
                tuple(f.detail for f in warned),
            )
        )
    return out


def _note(meeting: Meeting) -> str:
    return f"phiên họp “{meeting.title}”"


def put_before_meeting(meeting_id: int, proposal_ids: list[int]) -> None:
    """Put the proposals on the meeting's agenda (before the council). Refused, changing
    nothing, while one of them has a blocking finding on the meeting's day: the same gate as
    the awards tab's *Trình Hội đồng…* (app/eligibility.before_council)."""
    meeting = _meeting(meeting_id)
    on = review_on(meeting)
    eligibility.before_council(proposal_ids, on)
    with records.transaction():
        for pid in proposal_ids:
            proposal = Proposal.get_by_id(pid)
            records.update(proposal, meeting=meeting)
            transition(pid, ProposalStatus.BEFORE_COUNCIL, on=on, note=f"Đưa vào {_note(meeting)}")


def take_off_meeting(proposal_id: int) -> None:
    proposal = Proposal.get_by_id(proposal_id)
    if Vote.select().where(Vote.proposal == proposal).exists():
        raise ValidationError("Đề nghị đã được biểu quyết; không đưa ra khỏi phiên họp được.")
    meeting = Meeting.get_or_none(Meeting.id == proposal.meeting_id)
    with records.transaction():
        records.update(proposal, meeting=None)
        note = f"Đưa ra khỏi {_note(meeting)}" if meeting is not None else ""
        transition(proposal_id, ProposalStatus.DRAFT, on=date.today(), note=note)


def preview_vote(
    meeting_id: int, proposal_id: int, count: VoteCount
) -> tuple[dict[str, str], VoteResult | None, Threshold]:
    """What a count would give, before it is saved: problems, or the result with its threshold."""
    meeting = _meeting(meeting_id)
    award = AwardType.get_by_id(Proposal.get_by_id(proposal_id).award_type_id)
    threshold = threshold_for(award.code, review_on(meeting))
    problems = validate_count(count)
    return problems, (None if problems else judge(count, threshold)), threshold


def vote_start(meeting_id: int, proposal_id: int) -> VoteCount:
    """What the vote dialog opens with: the vote recorded (to correct it), else the defaults."""
    vote = Vote.get_or_none((Vote.meeting == meeting_id) & (Vote.proposal == proposal_id))
    return count_of(vote) if vote is not None else vote_defaults(meeting_id)


def vote_defaults(meeting_id: int) -> VoteCount:
    """A count prefilled from the attendance: members, present, written votes."""
    rows = [a for a in attendance_rows(meeting_id) if a.is_member]
    present = sum(a.status is AttendanceStatus.PRESENT for a in rows)
    written = sum(a.written_vote for a in rows)
    return VoteCount(
        VoteMethod.SHOW_OF_HANDS,
        len(rows),
        present,
        written,
        present + written,
        present + written,
        present + written,
    )
