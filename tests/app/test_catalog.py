"""The award catalog as data: each rule has a legal basis and a period; the one in force applies."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import peewee as pw
import pytest

from app import catalog
from app.catalog_data import AWARD_TYPES, DOSSIER_TEMPLATES, RULES, RuleSpec, rules_for
from db.enums import AwardLevel, Severity
from db.models import AwardRule, AwardType

CODES = {t.code for t in AWARD_TYPES}
MARKS = {"[V]", "[S]", "[?]"}
IN_2024, AFTER_152 = date(2024, 6, 1), date(2025, 8, 1)

# Rule codes other code keys on, with the award codes they must cover (None: catalog-wide).
EXPECTED: dict[str, set[str | None]] = {
    "one_title_per_year": {None},
    "no_double_reward": {None},
    "registration_required": {None},
    "ldtt_criteria": {"LDTT"},
    "cstdcs_criteria": {"CSTDCS"},
    "cstd_tinh_criteria": {"CSTD_TINH"},
    "cstd_tq_criteria": {"CSTD_TQ"},
    "ttldtt_criteria": {"TTLDTT"},
    "ttldxs_criteria": {"TTLDXS"},
    "co_tinh_criteria": {"CO_TINH"},
    "co_cp_criteria": {"CO_CP"},
    "bk_ttg_route": {"BK_TTG"},
    "cstdcs_cap": {"CSTDCS"},
}

# ../shared/domain.md §2: reward × lương cơ sở under Decree 152/2025.
COEFFICIENTS = {
    "LDTT": "0.3",
    "CSTDCS": "1.0",
    "CSTD_TINH": "3.0",
    "CSTD_TQ": "4.5",
    "TTLDTT": "0.8",
    "TTLDXS": "1.5",
    "CO_TINH": "8.0",
    "CO_CP": "12.0",
}


@pytest.fixture
def catalog_db(tmp_path: Path) -> Iterator[pw.SqliteDatabase]:
    """A new database: open_app_database seeds the catalog from catalog_data."""
    from app.session import close_app_database, open_app_database

    db, _info = open_app_database(tmp_path / "t.sqlite")
    yield db
    close_app_database(db)


def _spec(award: str | None, code: str) -> list[RuleSpec]:
    return [r for r in RULES if r.award_code == award and r.rule_code == code]


# --- the data itself -----------------------------------------------------------------------


def test_every_rule_is_well_formed() -> None:
    for rule in RULES:
        assert rule.award_code is None or rule.award_code in CODES, rule
        assert rule.legal_basis.strip() and rule.title.strip(), rule
        assert rule.confidence in MARKS, rule
        assert isinstance(rule.severity, Severity), rule
        assert rule.effective_to is None or rule.effective_to > rule.effective_from, rule
        assert json.loads(json.dumps(rule.params, ensure_ascii=False)) == rule.params, rule


def test_only_verified_facts_block() -> None:
    for rule in RULES:
        if rule.severity is Severity.BLOCK:
            assert rule.confidence == "[V]", f"only verified facts may block: {rule}"
        if rule.confidence == "[?]":
            assert rule.severity is not Severity.BLOCK, rule


def test_versions_of_a_rule_do_not_overlap() -> None:
    versions: dict[tuple[str | None, str], list[RuleSpec]] = defaultdict(list)
    for rule in RULES:
        versions[(rule.award_code, rule.rule_code)].append(rule)
    for same in versions.values():
        same.sort(key=lambda r: r.effective_from)
        for earlier, later in zip(same, same[1:], strict=False):
            assert earlier.effective_to is not None, earlier
            assert earlier.effective_to < later.effective_from, (earlier, later)


def test_no_two_rules_share_a_params_dict() -> None:
    ids = [id(rule.params) for rule in RULES if rule.params]
    assert len(ids) == len(set(ids))


def test_the_rule_codes_other_code_keys_on_are_present() -> None:
    for code, awards in EXPECTED.items():
        assert {r.award_code for r in RULES if r.rule_code == code} == awards, code
    assert _spec("LDTT", "ldtt_criteria")[0].params == {
        "min_rating": "htt",
        "min_months_employed": 6,
    }
    assert _spec("CSTDCS", "cstdcs_criteria")[0].params == {
        "requires": "LDTT",
        "one_of": ["rating_htxs", "initiative", "research"],
    }
    assert _spec("CSTD_TINH", "cstd_tinh_criteria")[0].params == {
        "consecutive_years": 3,
        "of": "CSTDCS",
        "needs_initiative_scope": "province",
    }
    ttldtt = _spec("TTLDTT", "ttldtt_criteria")[0].params
    assert ttldtt == {"min_share_percent": 70, "of": "LDTT", "max_discipline": "khien_trach"}
    (cap,) = _spec("CSTDCS", "cstdcs_cap")
    assert cap.severity is Severity.OFF and cap.params == {"max_percent_of_ldtt": 15}
    (registration,) = _spec(None, "registration_required")
    assert registration.severity is Severity.WARN


def test_reward_coefficients_are_those_of_decree_152() -> None:
    rules = [r for r in RULES if r.rule_code == "reward_coefficient"]
    assert {r.award_code: r.params["coefficient"] for r in rules} == COEFFICIENTS
    for rule in rules:
        assert isinstance(rule.params["coefficient"], str)  # a string decimal, never a float
        assert "152/2025" in rule.legal_basis and rule.effective_from == date(2025, 7, 1), rule


def test_vote_thresholds_are_warnings_to_check_with_the_council() -> None:
    thresholds = {r.award_code: r for r in RULES if r.rule_code == "vote_threshold"}
    assert thresholds["CSTD_TINH"].params == {
        "percent": 70,
        "base": "all_members",
        "written_votes_count": True,
    }
    for code in ("LDTT", "CSTDCS", "TTLDTT"):
        assert thresholds[code].params == {
            "percent": 51,
            "base": "present",
            "written_votes_count": False,
        }
    for rule in thresholds.values():
        assert rule.severity is Severity.WARN and rule.confidence == "[?]", rule


def test_decree_98_ends_when_decree_152_starts() -> None:
    for rule in RULES:
        if "98/2023" in rule.legal_basis:
            assert rule.effective_to == date(2025, 6, 30), rule
        if "152/2025" in rule.legal_basis:
            assert rule.effective_from >= date(2025, 7, 1), rule
        assert rule.effective_from >= date(2024, 1, 1), rule  # Law 06/2022 from 1/1/2024


def test_dossier_templates_cover_every_level() -> None:
    allowed = {"submission", "minutes", "achievement_report", "proofs", "foreign_summary"}
    for level in AwardLevel:
        codes = [code for code, _title in DOSSIER_TEMPLATES[level]]
        assert {"submission", "achievement_report", "minutes"} <= set(codes), level
        assert set(codes) <= allowed and len(codes) == len(set(codes)), level
        assert all(title.strip() for _code, title in DOSSIER_TEMPLATES[level]), level
    for level in (AwardLevel.PROVINCE, AwardLevel.MINISTRY, AwardLevel.STATE):
        assert "proofs" in dict(DOSSIER_TEMPLATES[level]), level
    assert "foreign_summary" not in dict(DOSSIER_TEMPLATES[AwardLevel.DEPARTMENT])
    assert "foreign_summary" not in dict(DOSSIER_TEMPLATES[AwardLevel.PROVINCE])


def test_rules_for_picks_one_award() -> None:
    assert {r.rule_code for r in rules_for("CSTDCS")} >= {"cstdcs_criteria", "cstdcs_cap"}
    assert all(r.award_code == "LDTT" for r in rules_for("LDTT"))
    assert {r.rule_code for r in rules_for(None)} == {
        "one_title_per_year",
        "no_double_reward",
        "registration_required",
    }
    assert rules_for("NO_SUCH_AWARD") == ()
    assert sum(len(rules_for(code)) for code in CODES) + len(rules_for(None)) == len(RULES)


# --- through the app -----------------------------------------------------------------------


def test_the_catalog_is_seeded_into_a_new_database(catalog_db: pw.SqliteDatabase) -> None:
    assert AwardType.select().count() == len(AWARD_TYPES)
    assert AwardRule.select().count() == len(RULES)
    ldtt = next(r for r in catalog.award_type_rows() if r.code == "LDTT")
    assert ldtt.rule_count == len(rules_for("LDTT"))


def _in_force(on: date, award: str, code: str) -> catalog.RuleRow | None:
    rows = [r for r in catalog.rules_in_force(on) if r.award_code == award]
    return next((r for r in rows if r.rule_code == code), None)


def test_decree_98_applies_in_2024_and_decree_152_after_july_2025(
    catalog_db: pw.SqliteDatabase,
) -> None:
    before = _in_force(IN_2024, "BK_TTG", "dossier")
    after = _in_force(AFTER_152, "BK_TTG", "dossier")
    assert before is not None and "98/2023" in before.legal_basis
    assert after is not None and "152/2025" in after.legal_basis
    # Never both texts at once, on either side of the switch.
    assert not any("152/2025" in r.legal_basis for r in catalog.rules_in_force(IN_2024))
    assert not any("98/2023" in r.legal_basis for r in catalog.rules_in_force(AFTER_152))
    last_day = _in_force(date(2025, 6, 30), "BK_TTG", "dossier")
    first_day = _in_force(date(2025, 7, 1), "BK_TTG", "dossier")
    assert last_day is not None and last_day.legal_basis == before.legal_basis
    assert first_day is not None and first_day.legal_basis == after.legal_basis


def test_reward_coefficient_exists_only_from_decree_152(catalog_db: pw.SqliteDatabase) -> None:
    coefficient = _in_force(AFTER_152, "LDTT", "reward_coefficient")
    assert coefficient is not None and coefficient.params == {"coefficient": "0.3"}
    assert _in_force(IN_2024, "LDTT", "reward_coefficient") is None  # 98/2023 amounts not given
    assert _in_force(date(2023, 12, 31), "LDTT", "ldtt_criteria") is None  # Law from 2024


def test_a_rule_code_filter_keeps_the_version_in_force(catalog_db: pw.SqliteDatabase) -> None:
    rows = catalog.rules_in_force(AFTER_152, "vote_threshold")
    assert {r.rule_code for r in rows} == {"vote_threshold"}
    cstd = next(r for r in rows if r.award_code == "CSTD_TINH")
    assert cstd.params == {"percent": 70, "base": "all_members", "written_votes_count": True}


def test_agency_options_are_off_by_default(catalog_db: pw.SqliteDatabase) -> None:
    rule = _in_force(IN_2024, "CSTDCS", "cstdcs_cap")
    assert rule is not None and rule.severity is Severity.OFF
    assert rule.params["max_percent_of_ldtt"] == 15


def test_rules_of_one_award_list_every_version(catalog_db: pw.SqliteDatabase) -> None:
    award = AwardType.get(AwardType.code == "BK_TTG")
    dossier = [r for r in catalog.rules_of(award.id) if r.rule_code == "dossier"]
    assert [r.effective_from for r in dossier] == [date(2024, 1, 1), date(2025, 7, 1)]
    assert {r.rule_code for r in catalog.rules_of(None)} == {r.rule_code for r in rules_for(None)}
