"""The agency's own settings (a switch, its cap, point d of the provincial Bằng khen) apply from
their date until the agency changes them, across later legal versions of the rule (Decree
152/2025 from 1/7/2025); the legal basis shown is the one in force on the review date."""

from __future__ import annotations

import json
from datetime import date

import peewee as pw
import pytest

from app import eligibility, records
from app.catalog import rule_in_force
from app.proposals import ProposalInput
from db.enums import Rating, RecipientKind, Severity
from db.models import AwardRule, AwardType
from tests.staff_gen import Staff, award_id, evaluate, generate_staff

D152 = "Nghị định số 152/2025/NĐ-CP"
D98 = "Nghị định số 98/2023/NĐ-CP"
IN_2024, LATE_2025, IN_2026 = date(2024, 3, 1), date(2025, 12, 31), date(2026, 3, 1)


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=3)


def person_of(staff: Staff) -> int:
    return next(iter(staff.people.values()))


def bk_tinh(person: int, year: int, on: date) -> list[eligibility.Finding]:
    data = ProposalInput(
        year,
        award_id("BK_TINH"),
        recipient_kind=RecipientKind.INDIVIDUAL,
        person_id=person,
        achievements="Thành tích",
    )
    return [f for f in eligibility.check_input(data, on) if f.rule_code == "bk_tinh_criteria"]


def catalog_rule(award: str, code: str) -> AwardRule:
    return (
        AwardRule.select()
        .join(AwardType)
        .where((AwardType.code == award) & (AwardRule.rule_code == code) & ~AwardRule.is_custom)
        .order_by(AwardRule.effective_from)
        .first()
    )


def later_legal_version(award: str, code: str, **changes: object) -> None:
    """A catalog version of the rule from 1/7/2025 (as a catalog update would bring)."""
    old = catalog_rule(award, code)
    records.update(old, effective_to=date(2025, 6, 30))
    records.create(
        AwardRule,
        award_type=old.award_type,
        rule_code=code,
        title=changes.pop("title", old.title),
        legal_basis=f"{old.legal_basis}; {D152}",
        effective_from=date(2025, 7, 1),
        severity=changes.pop("severity", old.severity),
        params=json.dumps({**json.loads(old.params), **changes}),
        confidence=old.confidence,
    )


def test_a_switch_made_in_2024_still_applies_under_decree_152(staff: Staff) -> None:
    person = person_of(staff)
    assert bk_tinh(person, 2026, IN_2026)  # warns by default
    rule = catalog_rule("BK_TINH", "bk_tinh_criteria")
    eligibility.switch_rule(rule.id, Severity.OFF, IN_2024, "Quy chế của Sở năm 2024")
    assert bk_tinh(person, 2024, date(2024, 2, 29))  # before the switch
    assert bk_tinh(person, 2024, date(2024, 12, 1)) == []
    assert bk_tinh(person, 2026, IN_2026) == []  # the catalog's version under Decree 152
    row = rule_in_force(IN_2026, "BK_TINH", "bk_tinh_criteria")
    assert row is not None and row.severity is Severity.OFF and row.setting_from == IN_2024
    assert row.effective_from == date(2025, 7, 1)  # the legal version in force
    assert row.legal_basis.endswith(f"{D152}; Quy chế của Sở năm 2024")


def test_a_later_agency_change_takes_over_from_its_date(staff: Staff) -> None:
    person = person_of(staff)
    rule = catalog_rule("BK_TINH", "bk_tinh_criteria")
    eligibility.switch_rule(rule.id, Severity.OFF, IN_2024)
    eligibility.switch_rule(rule.id, Severity.WARN, date(2026, 1, 1), "Quy chế mới")
    assert bk_tinh(person, 2025, LATE_2025) == []
    [finding] = bk_tinh(person, 2026, IN_2026)
    assert finding.legal_basis.endswith(f"; {D152}; Quy chế mới")  # the basis in force
    row = rule_in_force(IN_2026, "BK_TINH", "bk_tinh_criteria")
    assert row is not None and row.setting_from == date(2026, 1, 1)


def test_point_d_set_in_2024_applies_in_2026_with_the_basis_in_force(staff: Staff) -> None:
    person = person_of(staff)
    eligibility.set_bk_tinh_route(3, 1, date(2024, 12, 1), "Quyết định 12/2024/QĐ-UBND")
    assert AwardRule.select().where(AwardRule.is_custom).count() == 1  # no carry-over copies
    [finding] = bk_tinh(person, 2026, IN_2026)
    assert "3 năm liên tục hoàn thành xuất sắc nhiệm vụ (2024–2026), trong đó 1 lần" in (
        finding.detail
    )
    assert finding.legal_basis == (
        f"Khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15; {D152}; điểm d theo Quy "
        "chế thi đua, khen thưởng của tỉnh (Quyết định 12/2024/QĐ-UBND)"
    )
    [earlier] = bk_tinh(person, 2024, date(2024, 12, 10))
    assert f"{D98}; điểm d" in earlier.legal_basis and D152 not in earlier.legal_basis
    # the agency switches the rule off, then on: its numbers stay
    row = rule_in_force(IN_2026, "BK_TINH", "bk_tinh_criteria")
    assert row is not None and row.setting_from == date(2024, 12, 1)
    eligibility.switch_rule(row.id, Severity.OFF, date(2026, 1, 1))
    assert bk_tinh(person, 2026, IN_2026) == []
    eligibility.switch_rule(row.id, Severity.WARN, date(2026, 2, 1))
    [again] = bk_tinh(person, 2026, IN_2026)
    assert "3 năm liên tục" in again.detail and "Quyết định 12/2024" in again.legal_basis
    # new numbers from a later date take over from it
    eligibility.set_bk_tinh_route(2, 0, date(2026, 2, 15))
    for year in (2025, 2026):
        evaluate(person, year, Rating.EXCELLENT)
    assert bk_tinh(person, 2026, IN_2026) == []
    assert "3 năm liên tục" in bk_tinh(person, 2026, date(2026, 2, 14))[0].detail


def test_the_cap_set_in_2024_outlives_a_later_legal_version(staff: Staff) -> None:
    eligibility.set_cstdcs_cap(25, IN_2024)
    later_legal_version("CSTDCS", "cstdcs_cap", max_percent_of_ldtt=10, note="mới")
    row = rule_in_force(IN_2026, "CSTDCS", "cstdcs_cap")
    assert row is not None and row.severity is Severity.WARN  # the catalog's is off
    assert row.params == {"max_percent_of_ldtt": 25, "note": "mới"}  # its number, the rest new
    assert row.title.startswith("Số Chiến sĩ thi đua cơ sở không vượt 25%")
    assert row.legal_basis.endswith(f"; {D152}; Quy chế thi đua, khen thưởng của cơ quan")
    before = rule_in_force(date(2025, 1, 1), "CSTDCS", "cstdcs_cap")
    assert before is not None and before.legal_basis == "Quy chế thi đua, khen thưởng của cơ quan"
    eligibility.set_cstdcs_cap(30, date(2026, 1, 1))
    now = rule_in_force(IN_2026, "CSTDCS", "cstdcs_cap")
    assert now is not None and now.params["max_percent_of_ldtt"] == 30
    assert now.setting_from == date(2026, 1, 1)


def test_a_legal_version_that_blocks_is_not_switched_off(staff: Staff) -> None:
    rule = AwardRule.get(AwardRule.rule_code == "registration_required")
    eligibility.switch_rule(rule.id, Severity.OFF, IN_2024)
    later_legal_version_across("registration_required", severity=Severity.BLOCK)
    before = rule_in_force(date(2025, 6, 1), "", "registration_required")
    assert before is not None and before.severity is Severity.OFF
    row = rule_in_force(IN_2026, "", "registration_required")
    assert row is not None and row.severity is Severity.BLOCK and row.setting_from is None


def later_legal_version_across(code: str, **changes: object) -> None:
    old = AwardRule.get((AwardRule.rule_code == code) & ~AwardRule.is_custom)
    records.update(old, effective_to=date(2025, 6, 30))
    records.create(
        AwardRule,
        award_type=None,
        rule_code=code,
        title=old.title,
        legal_basis=D152,
        effective_from=date(2025, 7, 1),
        severity=changes.get("severity", old.severity),
        params=old.params,
        confidence="[V]",
    )


def test_the_carry_over_rows_of_an_existing_file_read_as_one_setting(staff: Staff) -> None:
    """Files where set_bk_tinh_route copied the numbers into the Decree 152 version."""
    award = AwardType.get(AwardType.code == "BK_TINH")
    base = "Khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15"
    params = json.dumps({"cstdcs_times": 1, "htxs_years": 3, "kinds": ["cong_trang"]})
    for decree, start, end in (
        (D98, date(2024, 12, 1), date(2025, 6, 30)),
        (D152, date(2025, 7, 1), None),
    ):
        records.create(
            AwardRule,
            award_type=award,
            rule_code="bk_tinh_criteria",
            title=eligibility.bk_tinh_title(3, 1),
            legal_basis=f"{base}; {decree}; {eligibility.BK_TINH_SOURCE}",
            effective_from=start,
            effective_to=end,
            severity=Severity.WARN,
            params=params,
            is_custom=True,
            confidence="[?]",
        )
    row = rule_in_force(IN_2026, "BK_TINH", "bk_tinh_criteria")
    assert row is not None and row.setting_from == date(2024, 12, 1)
    assert row.params["htxs_years"] == 3
    assert row.legal_basis == f"{base}; {D152}; {eligibility.BK_TINH_SOURCE}"


def test_numbers_the_agency_chose_stay_even_where_equal_to_the_law_then(staff: Staff) -> None:
    eligibility.set_bk_tinh_route(2, 2, date(2024, 12, 1))  # the catalog's numbers in 2024
    law = eligibility.bk_tinh_title(3, 3)
    later_legal_version("BK_TINH", "bk_tinh_criteria", title=law, htxs_years=3, cstdcs_times=3)
    row = rule_in_force(IN_2026, "BK_TINH", "bk_tinh_criteria")
    assert row is not None and (row.params["htxs_years"], row.params["cstdcs_times"]) == (2, 2)
    assert "_own" not in row.params and "d) 2 năm liên tục" in row.title
    eligibility.switch_rule(row.id, Severity.OFF, date(2025, 1, 1))  # a switch keeps them
    off = rule_in_force(IN_2026, "BK_TINH", "bk_tinh_criteria")
    assert off is not None and off.severity is Severity.OFF and off.params["htxs_years"] == 2
    assert rule_in_force(IN_2026, "CSTDCS", "cstdcs_cap").params == {"max_percent_of_ldtt": 15}
