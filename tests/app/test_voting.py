"""Quorum and vote results: integer arithmetic, the base said, thresholds from the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import peewee as pw
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.voting import (
    Threshold,
    VoteCount,
    judge,
    percent_text,
    quorum,
    threshold_for,
    validate_count,
)
from db.enums import VoteBase, VoteMethod

HANDS, SECRET = VoteMethod.SHOW_OF_HANDS, VoteMethod.SECRET_BALLOT
MAJORITY = Threshold(51, VoteBase.PRESENT, False, "test")
SEVENTY_ALL = Threshold(70, VoteBase.ALL_MEMBERS, True, "test")


@pytest.mark.parametrize(
    ("total", "present", "met", "required"),
    [(9, 6, True, 6), (9, 5, False, 6), (10, 7, True, 7), (10, 6, False, 7), (0, 0, False, 0)],
)
def test_quorum_two_thirds(total: int, present: int, met: bool, required: int) -> None:
    result = quorum(total, present, 2, 3)
    assert (result.met, result.required) == (met, required)
    assert result.rule == "2/3 tổng số thành viên"


def test_a_tie_fails_a_majority() -> None:
    result = judge(VoteCount(HANDS, 7, 6, votes_for=3, votes_against=3), MAJORITY)
    assert not result.passed and result.required == 4 and result.percent_text == "50%"


def test_the_base_changes_the_result_and_is_said() -> None:
    count = VoteCount(
        SECRET,
        10,
        8,
        written_votes=1,
        ballots_issued=9,
        ballots_returned=9,
        ballots_valid=9,
        votes_for=7,
        votes_against=2,
    )
    on_present = judge(count, Threshold(70, VoteBase.PRESENT, False, "x"))
    assert (
        on_present.passed
        and on_present.base == 8
        and on_present.base_label == "8 thành viên có mặt"
    )
    with_written = judge(count, Threshold(70, VoteBase.PRESENT, True, "x"))
    assert with_written.base == 9 and "1 phiếu bằng văn bản" in with_written.base_label
    on_all = judge(count, SEVENTY_ALL)
    assert on_all.passed and on_all.base == 10 and on_all.percent_text == "70%"
    assert not judge(replace(count, votes_for=6, votes_against=3), SEVENTY_ALL).passed


@pytest.mark.parametrize(
    ("count", "field"),
    [
        (VoteCount(HANDS, 7, 8), "members_present"),
        (VoteCount(HANDS, 7, 5, written_votes=3), "written_votes"),
        (VoteCount(HANDS, 7, 5, votes_for=4, votes_against=2), "votes_for"),
        (
            VoteCount(SECRET, 7, 6, ballots_issued=6, ballots_returned=6, ballots_valid=7),
            "ballots_valid",
        ),
        (VoteCount(SECRET, 7, 6, ballots_issued=8), "ballots_issued"),
        (
            VoteCount(
                SECRET, 7, 6, ballots_issued=6, ballots_returned=6, ballots_valid=5, votes_for=6
            ),
            "votes_for",
        ),
        (VoteCount(HANDS, 7, -1), "count"),
    ],
)
def test_impossible_counts_are_named(count: VoteCount, field: str) -> None:
    assert field in validate_count(count)


def test_percent_text_uses_the_decimal_comma() -> None:
    assert [percent_text(5, 7), percent_text(2, 3), percent_text(1, 1), percent_text(0, 0)] == [
        "71,4%",
        "66,6%",
        "100%",
        "0%",
    ]


@given(
    total=st.integers(1, 60),
    present=st.integers(0, 60),
    votes=st.integers(0, 60),
    percent=st.integers(1, 100),
    base=st.sampled_from(list(VoteBase)),
)
def test_integer_result_equals_exact_fractions_and_is_monotonic(
    total: int, present: int, votes: int, percent: int, base: VoteBase
) -> None:
    present = min(present, total)
    votes = min(votes, present)
    threshold = Threshold(percent, base, False, "x")
    result = judge(VoteCount(HANDS, total, present, votes_for=votes), threshold)
    denominator = total if base is VoteBase.ALL_MEMBERS else present
    exact = denominator > 0 and Fraction(votes, denominator) >= Fraction(percent, 100)
    assert result.passed == exact
    if votes < present:
        assert (
            judge(VoteCount(HANDS, total, present, votes_for=votes + 1), threshold).passed
            >= result.passed
        )


def test_thresholds_come_from_the_catalog_then_the_council(sample_db: pw.SqliteDatabase) -> None:
    provincial = threshold_for("CSTD_TINH", date(2024, 12, 20))
    assert (provincial.percent, provincial.base, provincial.written_votes_count) == (
        70,
        VoteBase.ALL_MEMBERS,
        True,
    )
    assert "Quy chế" in provincial.source
    council = threshold_for("BK_BNG", date(2024, 12, 20))  # no rule in the catalog
    assert (council.percent, council.base) == (51, VoteBase.PRESENT)
