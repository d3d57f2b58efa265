"""The award catalog as data: every rule has a legal basis and a period; the one in force applies."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import peewee as pw
import pytest

from app import catalog
from app.catalog_data import AWARD_TYPES, DOSSIER_TEMPLATES, RULES, RuleSpec, rules_for
from db.enums import AwardLevel, Severity
from db.models import AwardRule, AwardType

CODES = {t.code for t in AWARD_TYPES}


def test_every_rule_is_well_formed() -> None:
    for rule in RULES:
        assert rule.award_code is None or rule.award_code in CODES, rule
        assert rule.legal_basis.strip() and rule.title.strip(), rule
        assert rule.confidence in {"[V]", "[S]", "[?]"}, rule
        assert rule.effective_to is None or rule.effective_to > rule.effective_from, rule
        assert json.loads(json.dumps(rule.params)) == rule.params
        if rule.severity is Severity.BLOCK:
            assert rule.confidence == "[V]", f"only verified facts may block: {rule}"


def test_versions_of_a_rule_do_not_overlap() -> None:
    versions: dict[tuple[str | None, str], list[RuleSpec]] = defaultdict(list)
    for rule in RULES:
        versions[(rule.award_code, rule.rule_code)].append(rule)
    for same in versions.values():
        same.sort(key=lambda r: r.effective_from)
        for earlier, later in zip(same, same[1:], strict=False):
            assert earlier.effective_to is not None and earlier.effective_to < later.effective_from


def test_dossier_templates_cover_every_level() -> None:
    for level in AwardLevel:
        codes = [code for code, _title in DOSSIER_TEMPLATES[level]]
        assert {"submission", "achievement_report", "minutes"} <= set(codes)
    assert {r.rule_code for r in rules_for("CSTDCS")} >= {"cstdcs_criteria", "cstdcs_cap"}


def test_the_catalog_is_seeded_into_a_new_database(db: pw.SqliteDatabase) -> None:
    assert AwardType.select().count() == len(AWARD_TYPES)
    assert AwardRule.select().count() == len(RULES)
    ldtt = next(r for r in catalog.award_type_rows() if r.code == "LDTT")
    assert ldtt.rule_count == len(rules_for("LDTT"))


def _rule(on: date, award: str, code: str) -> catalog.RuleRow | None:
    return next((r for r in catalog.rules_in_force(on, code) if r.award_code == award), None)


def test_the_rule_in_force_on_the_review_date_applies(db: pw.SqliteDatabase) -> None:
    before = _rule(date(2024, 12, 20), "BK_TTG", "dossier")
    after = _rule(date(2025, 12, 20), "BK_TTG", "dossier")
    assert before is not None and "98/2023" in before.legal_basis
    assert after is not None and "152/2025" in after.legal_basis
    assert _rule(date(2025, 6, 30), "BK_TTG", "dossier").legal_basis == before.legal_basis  # type: ignore[union-attr]
    assert _rule(date(2025, 7, 1), "BK_TTG", "dossier").legal_basis == after.legal_basis  # type: ignore[union-attr]
    coefficient = _rule(date(2025, 8, 1), "LDTT", "reward_coefficient")
    assert coefficient is not None and coefficient.params == {"coefficient": "0.3"}
    assert (
        _rule(date(2024, 6, 1), "LDTT", "reward_coefficient") is None
    )  # not given before 152/2025
    assert _rule(date(2023, 12, 31), "LDTT", "ldtt_criteria") is None  # the 2022 Law starts 2024


@pytest.mark.parametrize("code", ["cstdcs_cap"])
def test_agency_options_are_off_by_default(db: pw.SqliteDatabase, code: str) -> None:
    rule = _rule(date(2024, 6, 1), "CSTDCS", code)
    assert (
        rule is not None
        and rule.severity is Severity.OFF
        and rule.params["max_percent_of_ldtt"] == 15
    )


def test_rules_of_one_award_list_every_version(db: pw.SqliteDatabase) -> None:
    award = AwardType.get(AwardType.code == "BK_TTG")
    dossier = [r for r in catalog.rules_of(award.id) if r.rule_code == "dossier"]
    assert [r.effective_from for r in dossier] == [date(2024, 1, 1), date(2025, 7, 1)]
    assert {r.rule_code for r in catalog.rules_of(None)} == {
        "one_title_per_year",
        "no_double_reward",
        "registration_required",
    }
