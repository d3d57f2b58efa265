"""Quorum and vote results by the council's rules, in integer arithmetic (never floats).

Thresholds are data: the catalog's "vote_threshold" rule in force on the meeting's date for
the title or form voted on, else the council's own default (../shared/domain.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.catalog import rules_in_force
from db.enums import VoteBase, VoteMethod
from db.models import Council


@dataclass(frozen=True)
class Threshold:
    percent: int
    base: VoteBase
    written_votes_count: bool
    source: str  # where the threshold comes from, said in the minutes


@dataclass(frozen=True)
class Quorum:
    members_total: int
    present: int
    required: int
    met: bool
    rule: str  # "2/3 tổng số thành viên"


@dataclass(frozen=True)
class VoteCount:
    method: VoteMethod
    members_total: int
    members_present: int
    written_votes: int = 0  # absent members' written votes (counted only where the rule says)
    ballots_issued: int = 0
    ballots_returned: int = 0
    ballots_valid: int = 0
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0


@dataclass(frozen=True)
class VoteResult:
    base: int
    base_label: str
    required: int
    percent_text: str  # "71,4%"
    passed: bool


def quorum(members_total: int, present: int, numerator: int, denominator: int) -> Quorum:
    """Valid when present / total ≥ numerator / denominator (e.g. two thirds)."""
    required = -(-members_total * numerator // denominator) if denominator else members_total
    met = members_total > 0 and present * denominator >= members_total * numerator
    return Quorum(
        members_total, present, required, met, f"{numerator}/{denominator} tổng số thành viên"
    )


def council_quorum(members_total: int, present: int) -> Quorum:
    council = Council.select().first()
    numerator, denominator = (
        (council.quorum_numerator, council.quorum_denominator) if council else (2, 3)
    )
    return quorum(members_total, present, numerator, denominator)


def validate_count(count: VoteCount) -> dict[str, str]:
    """Field → message for counts that cannot be (empty when the count is consistent)."""
    problems: dict[str, str] = {}
    numbers = (
        count.members_total,
        count.members_present,
        count.written_votes,
        count.ballots_issued,
        count.ballots_returned,
        count.ballots_valid,
        count.votes_for,
        count.votes_against,
        count.votes_abstain,
    )
    if any(n < 0 for n in numbers):
        return {"count": "Các con số không được âm."}
    if count.members_present > count.members_total:
        problems["members_present"] = "Số thành viên có mặt nhiều hơn tổng số thành viên."
    if count.written_votes > count.members_total - count.members_present:
        problems["written_votes"] = "Số phiếu bằng văn bản nhiều hơn số thành viên vắng mặt."
    cast = count.votes_for + count.votes_against + count.votes_abstain
    if count.method is VoteMethod.SECRET_BALLOT:
        if count.ballots_issued > count.members_present + count.written_votes:
            problems["ballots_issued"] = "Số phiếu phát ra nhiều hơn số người được bỏ phiếu."
        if not count.ballots_valid <= count.ballots_returned <= count.ballots_issued:
            problems["ballots_valid"] = "Phải có: phiếu hợp lệ ≤ phiếu thu vào ≤ phiếu phát ra."
        if cast > count.ballots_valid:
            problems["votes_for"] = (
                "Tổng số phiếu đồng ý, không đồng ý, không ý kiến vượt số phiếu hợp lệ."
            )
    elif cast > count.members_present + count.written_votes:
        problems["votes_for"] = "Tổng số biểu quyết vượt số thành viên có mặt."
    return problems


def percent_text(part: int, whole: int) -> str:
    """ "71,4%": one decimal, rounded down, with the Vietnamese decimal comma."""
    if whole <= 0:
        return "0%"
    tenths = part * 1000 // whole
    return f"{tenths // 10},{tenths % 10}%" if tenths % 10 else f"{tenths // 10}%"


def judge(count: VoteCount, threshold: Threshold) -> VoteResult:
    """Passed when votes for × 100 ≥ threshold × base, the base as the rule says."""
    if threshold.base is VoteBase.ALL_MEMBERS:
        base, label = count.members_total, f"tổng số {count.members_total} thành viên Hội đồng"
    else:
        written = count.written_votes if threshold.written_votes_count else 0
        base = count.members_present + written
        label = f"{count.members_present} thành viên có mặt" + (
            f" và {written} phiếu bằng văn bản" if written else ""
        )
    required = -(-threshold.percent * base // 100)
    passed = base > 0 and count.votes_for * 100 >= threshold.percent * base
    return VoteResult(base, label, required, percent_text(count.votes_for, base), passed)


def threshold_for(award_code: str, on: date) -> Threshold:
    """The threshold in force on ``on`` for a title or form; the council's default otherwise."""
    rule = next(
        (r for r in rules_in_force(on, "vote_threshold") if r.award_code == award_code), None
    )
    if rule is not None:
        return Threshold(
            int(rule.params["percent"]),  # type: ignore[call-overload]
            VoteBase(rule.params["base"]),
            bool(rule.params.get("written_votes_count", False)),
            rule.legal_basis,
        )
    council = Council.select().first()
    if council is None:
        return Threshold(51, VoteBase.PRESENT, False, "Mặc định: quá nửa số thành viên có mặt")
    return Threshold(
        council.default_threshold_percent,
        council.default_vote_base,
        council.written_votes_count,
        council.rules_basis or "Quy chế hoạt động của Hội đồng",
    )
