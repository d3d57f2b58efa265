"""Award statistics: counts by title, unit, recipient, rank group, kind, year; form 0603; XLSX."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import peewee as pw
import pytest
from openpyxl import load_workbook

from app import decisions, membership, people
from app.award_stats import award_statistics, statistic_tables, statistics_xlsx
from db.enums import ProposalStatus, RankGroup
from tests.award_data import AwardWorld, build_world, director_decision_input, proposal


@pytest.fixture
def world(sample_db: pw.SqliteDatabase) -> AwardWorld:
    w = build_world()
    p = w.proposals
    decisions.create_decision(
        director_decision_input(),
        [p[k] for k in ("an_ldtt", "an_cstdcs", "binh_ldtt", "duc_gk", "vp_ttldtt", "lshc_gk")],
    )
    decisions.create_decision(
        replace(director_decision_input("45"), symbol="QĐ-UBND", authority="Chủ tịch UBND tỉnh"),
        [p["hoa_bk"]],
    )
    # the previous year: one LĐTT granted, one still only passed (not counted)
    old = proposal("LDTT", person=w.people["an"], year=2023)
    proposal("LDTT", person=w.people["duc"], year=2023)
    decisions.create_decision(director_decision_input("30", date(2023, 12, 28)), [old])
    return w


def test_counts_by_award_recipient_and_against_the_previous_year(world: AwardWorld) -> None:
    stats = award_statistics(2024)
    assert (stats.total, stats.previous_total) == (7, 1)
    by_name = {a.award_name: a for a in stats.by_award}
    assert (
        by_name["Lao động tiên tiến"].individuals,
        by_name["Lao động tiên tiến"].previous_total,
    ) == (2, 1)
    gk = by_name["Giấy khen của Giám đốc Sở"]
    assert (gk.individuals, gk.collectives, gk.total) == (1, 1, 2)
    assert "Chiến sĩ thi đua toàn quốc" not in by_name  # nothing granted, then or before
    assert [(r.label, r.count, r.previous) for r in stats.by_recipient] == [
        ("Cá nhân", 5, 1),
        ("Tập thể", 2, 0),
    ]
    assert award_statistics(2022).total == 0


def test_counts_by_unit_rank_kind_and_year(world: AwardWorld) -> None:
    stats = award_statistics(2024)
    units = {u.unit_name: (u.individuals, u.collectives) for u in stats.by_unit}
    # An (2), Đức and Hòa work in the office, which also got TTLĐTT; Bình and her division
    assert units == {
        "Phòng Hành chính - Tổng hợp": (4, 1),
        "Phòng Lãnh sự - Hợp tác quốc tế": (1, 1),
    }
    ranks = {r.label: r.count for r in stats.by_rank}
    assert ranks["Công chức, viên chức"] == 2
    assert ranks["Lãnh đạo cấp phòng"] == 1
    assert ranks["Người lao động trực tiếp"] == 1
    assert ranks["Lãnh đạo cấp sở"] == 1
    kinds = {k.label: k.count for k in stats.by_kind}
    assert kinds["Đột xuất"] == 1 and kinds["Thường xuyên (công trạng, thành tích)"] == 6
    assert sum(kinds.values()) == 7
    assert [(y.year, y.total) for y in stats.by_year] == [(2023, 1), (2024, 7)]


def test_form_0603_counts_province_level_awards_by_recipient_and_kind(world: AwardWorld) -> None:
    stats = award_statistics(2024)
    rows = {r.label: r for r in stats.form_0603_recipients}
    assert rows["Cá nhân"].bang_khen == 1 and rows["Cá nhân"].total == 1
    assert rows["- Lãnh đạo cấp sở và tương đương"].bang_khen == 1
    assert rows["Tập thể"].total == 0
    assert sum(r.total for r in stats.form_0603_kinds) == 1
    assert stats.form_0603_kinds[-1].label == "Kháng chiến"


def test_xlsx_one_sheet_per_table_numbers_stay_numbers(world: AwardWorld) -> None:
    stats = award_statistics(2024)
    book = load_workbook(io.BytesIO(statistics_xlsx(stats)))
    assert book.sheetnames == [t.sheet for t in statistic_tables(stats)]
    sheet = book["Theo danh hiệu"]
    assert sheet["A1"].value.startswith("Danh hiệu thi đua, hình thức khen thưởng năm 2024")
    assert sheet["A2"].value == "Danh hiệu, hình thức"
    rows = {r[0]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["Lao động tiên tiến"][3:8] == (2, 0, 2, 1, 1)
    assert rows["Tổng cộng"][5] == 7 and isinstance(rows["Tổng cộng"][5], int)
    form = book["Biểu 0603.N"]
    labels = [r[0] for r in form.iter_rows(min_row=3, values_only=True)]
    assert "- Lãnh đạo cấp sở và tương đương" in labels  # a leading dash stays text


def test_a_person_promoted_later_counts_in_the_group_of_each_year(world: AwardWorld) -> None:
    """An, a civil servant, is made head of division on 1 March 2025: his 2024 awards stay in
    the staff's counts (by rank group and form 0603), his 2025 one counts among the leaders."""
    an = world.people["an"]
    proposal("BK_TINH", person=an, year=2024, status=ProposalStatus.GRANTED)
    proposal("BK_TINH", person=an, year=2025, status=ProposalStatus.GRANTED)
    data = people.person_input(an)
    people.update_person(
        an, replace(data, rank_group=RankGroup.DIVISION_LEADER), moved_on=date(2025, 3, 1)
    )
    assert membership.rank_groups_in_years([(an, 2024), (an, 2025)]) == {
        (an, 2024): RankGroup.STAFF,
        (an, 2025): RankGroup.DIVISION_LEADER,
    }

    def form_0603(year: int) -> dict[str, int]:
        return {r.label: r.bang_khen for r in award_statistics(year).form_0603_recipients}

    leaders, staff = "- Lãnh đạo từ cấp phó trưởng phòng trở lên", "- Công chức, viên chức và "
    before, after = form_0603(2024), form_0603(2025)
    assert before[leaders] == 0 and before[staff + "cá nhân khác"] == 1
    assert after[leaders] == 1 and after[staff + "cá nhân khác"] == 0
    ranks_2024 = {r.label: r.count for r in award_statistics(2024).by_rank}
    assert ranks_2024["Công chức, viên chức"] == 3  # LĐTT, CSTĐCS and the Bằng khen
    assert ranks_2024["Lãnh đạo cấp phòng"] == 1  # Bình alone
    ranks_2025 = {r.label: (r.count, r.previous) for r in award_statistics(2025).by_rank}
    assert ranks_2025["Lãnh đạo cấp phòng"] == (1, 1)  # An in 2025; Bình the year before
    assert ranks_2025["Công chức, viên chức"] == (0, 3)
