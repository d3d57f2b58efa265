"""Award decisions: validation, granting the proposals they cover, release, the bin."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app import decisions, trash
from app.errors import InUse, ValidationError
from db.enums import ProposalStatus
from db.models import Decision, Proposal, ProposalEvent
from tests.award_data import build_world, director_decision_input


def status(pid: int) -> ProposalStatus:
    return Proposal.get_by_id(pid).status


def test_a_decision_grants_what_it_covers_with_a_dated_logged_event(sample_db) -> None:
    world = build_world()
    p = world.proposals
    decision = decisions.create_decision(
        director_decision_input(), [p["an_ldtt"], p["vp_ttldtt"], p["duc_gk"]]
    )
    assert {status(p[k]) for k in ("an_ldtt", "vp_ttldtt", "duc_gk")} == {ProposalStatus.GRANTED}
    assert status(p["binh_ldtt"]) is ProposalStatus.PASSED
    event = ProposalEvent.get(
        (ProposalEvent.proposal == p["an_ldtt"])
        & (ProposalEvent.to_status == ProposalStatus.GRANTED)
    )
    assert event.happened_on.date() == date(2024, 12, 20)
    assert "12/QĐ-SNgV" in event.note
    [row] = decisions.decision_rows(2024)
    assert (row.number_symbol, row.proposal_count) == ("12/QĐ-SNgV", 3)
    assert decisions.decision_rows(2024)[0].id == decision.id
    assert decisions.decision_rows(2023) == []


def test_only_passed_or_sent_up_proposals_of_the_matching_level(sample_db) -> None:
    p = build_world().proposals
    decision = decisions.create_decision(director_decision_input())
    with pytest.raises(ValidationError, match="Dự thảo|trạng thái"):
        decisions.attach(decision.id, [p["binh_draft"]])
    with pytest.raises(ValidationError, match="Chủ tịch UBND tỉnh"):
        decisions.attach(decision.id, [p["an_ldtt"], p["hoa_bk"]])
    # refused as a whole: the first one was not granted either
    assert status(p["an_ldtt"]) is ProposalStatus.PASSED
    province = decisions.create_decision(
        replace(director_decision_input("45"), symbol="QĐ-UBND", authority="Chủ tịch UBND tỉnh")
    )
    decisions.attach(province.id, [p["hoa_bk"]])
    assert status(p["hoa_bk"]) is ProposalStatus.GRANTED
    with pytest.raises(ValidationError, match="đã được công nhận tại Quyết định số 45"):
        decisions.attach(decision.id, [p["hoa_bk"]])


def test_validation_messages(sample_db) -> None:
    good = director_decision_input()
    assert decisions.validate_decision(good) == {}
    assert "number" in decisions.validate_decision(replace(good, number=" "))
    assert "number" in decisions.validate_decision(replace(good, number="12/QĐ"))
    assert "authority" in decisions.validate_decision(replace(good, authority="Ông Ba"))
    decisions.create_decision(good)
    with pytest.raises(ValidationError, match="Đã có Quyết định số 12/QĐ-SNgV năm 2024"):
        decisions.create_decision(replace(good, signed_on=date(2024, 12, 21)))
    assert Decision.select().count() == 1


def test_set_proposals_releases_the_dropped_ones_to_their_former_status(sample_db) -> None:
    p = build_world().proposals
    province = decisions.create_decision(
        replace(director_decision_input("45"), symbol="QĐ-UBND", authority="Chủ tịch UBND tỉnh"),
        [p["hoa_bk"]],
    )
    decisions.set_proposals(province.id, [])
    assert status(p["hoa_bk"]) is ProposalStatus.SENT_UP
    assert Proposal.get_by_id(p["hoa_bk"]).decision_id is None
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"]])
    decisions.update_decision(d.id, director_decision_input(), [p["binh_ldtt"]])
    assert status(p["an_ldtt"]) is ProposalStatus.PASSED
    assert decisions.proposal_ids_of(d.id) == [p["binh_ldtt"]]


def test_the_authority_cannot_change_under_granted_proposals(sample_db) -> None:
    p = build_world().proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"]])
    with pytest.raises(ValidationError, match="không đổi cấp quyết định"):
        decisions.update_decision(
            d.id, replace(director_decision_input(), authority="Chủ tịch UBND tỉnh")
        )
    assert Decision.get_by_id(d.id).authority == "Giám đốc Sở"


def test_delete_asks_first_then_releases_and_goes_to_the_bin(sample_db) -> None:
    p = build_world().proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"], p["vp_ttldtt"]])
    with pytest.raises(InUse, match="đang công nhận 2 đề nghị"):
        decisions.delete_decision(d.id)
    assert status(p["an_ldtt"]) is ProposalStatus.GRANTED
    trash_id = decisions.delete_decision(d.id, release=True)
    assert Decision.get_or_none(Decision.id == d.id) is None
    assert status(p["an_ldtt"]) is ProposalStatus.PASSED
    assert status(p["vp_ttldtt"]) is ProposalStatus.PASSED
    trash.restore(trash_id)
    assert Decision.get_by_id(d.id).number == "12"
    assert decisions.proposal_ids_of(d.id) == []


def test_candidates_are_open_proposals_and_this_decisions_own(sample_db) -> None:
    p = build_world().proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"]])
    ids = {r.id: r for r in decisions.candidate_rows(d.id, 2024)}
    assert ids[p["an_ldtt"]].attached
    assert p["binh_draft"] not in ids
    assert p["hoa_bk"] in ids and not ids[p["hoa_bk"]].attached
    other = {r.id for r in decisions.candidate_rows(None, 2024)}
    assert p["an_ldtt"] not in other


def test_candidates_of_a_year_keep_the_decisions_own_of_other_years(sample_db) -> None:
    from tests.award_data import proposal

    world = build_world()
    old = proposal("LDTT", person=world.people["duc"], year=2023)
    ancient = proposal("LDTT", person=world.people["binh"], year=2021)
    d = decisions.create_decision(director_decision_input(on=date(2025, 1, 10)), [ancient])
    ids = {r.id for r in decisions.candidate_rows(d.id, 2024, previous_year=True)}
    assert old in ids and ancient in ids and world.proposals["an_ldtt"] in ids
    assert old not in {r.id for r in decisions.candidate_rows(d.id, 2024)}


def test_numbers_below_ten_take_a_leading_zero(sample_db) -> None:
    d = decisions.create_decision(replace(director_decision_input(), number="5"))
    assert Decision.get_by_id(d.id).number == "05"
    assert decisions.decision_rows(2024)[0].number_symbol == "05/QĐ-SNgV"
    assert "number" in decisions.validate_decision(replace(director_decision_input(), number="05"))
    assert "number" in decisions.validate_decision(replace(director_decision_input(), number="5"))
