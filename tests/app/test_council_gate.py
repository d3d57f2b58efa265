"""One gate before the council: the awards tab's "Trình Hội đồng…" and the meetings tab's
"Đưa đề nghị vào…" refuse a proposal with a blocking finding alike (naming the rule and its
basis) and let warnings through, shown to the operator."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import peewee as pw
import pytest

from app import eligibility, meeting_votes, proposals
from app.errors import ValidationError
from app.proposals import ProposalInput
from db.enums import ProposalStatus, RecipientKind
from db.models import Meeting, Proposal
from tests.staff_gen import Staff, award_id, generate_staff, register

S = ProposalStatus
ON = date(2024, 12, 10)


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=4)


def _proposal(code: str, person: int) -> int:
    data = ProposalInput(2024, award_id(code), RecipientKind.INDIVIDUAL, person_id=person)
    return int(proposals.create_proposal(data, on=ON).id)


def _december() -> Meeting:
    meeting = Meeting.get(Meeting.month == 12)
    Meeting.update(held_on=date(2024, 12, 18)).where(Meeting.id == meeting.id).execute()
    return Meeting.get_by_id(meeting.id)


def _blocked_and_warned(staff: Staff) -> tuple[int, int]:
    first, second = list(staff.people.values())[:2]
    register(2024, "CSTDCS", person=first)
    blocked = _proposal("CSTDCS", first)  # no LĐTT, no ground: Điều 23 blocks
    warned = _proposal("LDTT", second)  # not registered: a warning
    return blocked, warned


def test_the_meeting_refuses_a_blocked_proposal_naming_the_rule(staff: Staff) -> None:
    blocked, warned = _blocked_and_warned(staff)
    meeting = _december()
    with pytest.raises(ValidationError) as refused:
        meeting_votes.put_before_meeting(meeting.id, [warned, blocked])
    message = refused.value.message
    assert "Chưa trình Hội đồng được" in message
    assert list(staff.people)[0] in message and "Chiến sĩ thi đua cơ sở" in message
    assert "Điều 23 Luật Thi đua, khen thưởng" in message
    for pid in (blocked, warned):  # nothing changed, not even the one that could go
        assert Proposal.get_by_id(pid).status is S.DRAFT
        assert Proposal.get_by_id(pid).meeting_id is None
    meeting_votes.put_before_meeting(meeting.id, [warned])  # a warning does not hold it back
    assert Proposal.get_by_id(warned).status is S.BEFORE_COUNCIL
    assert Proposal.get_by_id(warned).meeting_id == meeting.id


def test_both_doors_give_the_same_refusal(staff: Staff) -> None:
    blocked, _warned = _blocked_and_warned(staff)
    meeting = _december()
    with pytest.raises(ValidationError) as by_meeting:
        meeting_votes.put_before_meeting(meeting.id, [blocked])
    with pytest.raises(ValidationError) as by_awards:
        eligibility.submit_to_council(blocked, date(2024, 12, 18))
    assert by_meeting.value.message == by_awards.value.message


def test_the_candidates_say_what_holds_back_and_what_warns(staff: Staff) -> None:
    blocked, warned = _blocked_and_warned(staff)
    meeting = _december()
    rows = {r.id: r for r in meeting_votes.candidates(meeting.id)}
    assert rows[blocked].refusal and "Điều 23" in rows[blocked].refusal
    assert not rows[warned].refusal
    assert any("chưa đăng ký thi đua năm 2024" in w for w in rows[warned].warnings)
    eligibility.override(warned, "registration_required", "Đăng ký muộn, có xác nhận", ON)
    after = {r.id: r for r in meeting_votes.candidates(meeting.id)}
    assert after[warned].warnings == ()  # overridden: no longer open


@pytest.mark.parametrize("whole_year", [False, True])
def test_the_gate_finds_what_each_proposal_check_finds(
    staff: Staff, whole_year: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = list(staff.people.values())
    register(2024, "LDTT", person=people[0])
    ids = [_proposal("LDTT", p) for p in people[:3]]
    ids.append(_proposal("CSTDCS", people[0]))
    ids.append(_proposal("LDTT", people[1]))  # a second LĐTT the same year
    if whole_year:
        monkeypatch.setattr(eligibility, "WHOLE_YEAR_FROM", 0)
    found = eligibility.findings_of(ids, ON)
    unnamed = {pid: [replace(f, recipient="") for f in fs] for pid, fs in found.items()}
    assert unnamed == {pid: eligibility.check_proposal(pid, ON) for pid in ids}
    assert all(f.recipient for fs in found.values() for f in fs)  # each names its recipient
    assert {f.rule_code for fs in found.values() for f in fs} >= {
        "registration_required",
        "one_title_per_year",
    }
