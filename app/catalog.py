"""The award catalog: emulation titles and commendation forms, seeded into every new database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import peewee as pw

from app import records
from app.catalog_data import AWARD_TYPES, RULES
from db.enums import AwardFamily, AwardLevel, RecipientKind, Severity
from db.models import AwardRule, AwardType


@dataclass(frozen=True)
class AwardTypeRow:
    id: int
    code: str
    name: str
    short_name: str
    family: AwardFamily
    recipient: RecipientKind
    level: AwardLevel
    granting_authority: str
    rule_count: int
    active: bool
    search_key: str


@dataclass(frozen=True)
class RuleRow:
    id: int
    award_code: str
    rule_code: str
    title: str
    legal_basis: str
    effective_from: date
    effective_to: date | None
    severity: Severity
    params: dict[str, object]
    confidence: str


def seed_catalog() -> None:
    """Insert the catalog and its dated rules (inside the caller's transaction)."""
    with records.transaction():
        by_code: dict[str, AwardType] = {}
        for position, spec in enumerate(AWARD_TYPES):
            by_code[spec.code] = records.create(
                AwardType,
                code=spec.code,
                name=spec.name,
                short_name=spec.short_name,
                family=spec.family,
                recipient=spec.recipient,
                level=spec.level,
                granting_authority=spec.granting_authority,
                position=position,
            )
        for rule in RULES:
            records.create(
                AwardRule,
                award_type=by_code[rule.award_code] if rule.award_code else None,
                rule_code=rule.rule_code,
                title=rule.title,
                legal_basis=rule.legal_basis,
                effective_from=rule.effective_from,
                effective_to=rule.effective_to,
                severity=rule.severity,
                params=json.dumps(rule.params, ensure_ascii=False, sort_keys=True),
                confidence=rule.confidence,
            )


def award_type_rows() -> list[AwardTypeRow]:
    counts: dict[int, int] = {}
    for rule in AwardRule.select(AwardRule.award_type):
        if rule.award_type_id is not None:
            counts[rule.award_type_id] = counts.get(rule.award_type_id, 0) + 1
    return [
        AwardTypeRow(
            id=t.id,
            code=t.code,
            name=t.name,
            short_name=t.short_name,
            family=t.family,
            recipient=t.recipient,
            level=t.level,
            granting_authority=t.granting_authority,
            rule_count=counts.get(t.id, 0),
            active=t.active,
            search_key=t.search_key,
        )
        for t in AwardType.select().order_by(AwardType.position)
    ]


def _rule_row(rule: AwardRule, award_code: str) -> RuleRow:
    return RuleRow(
        id=rule.id,
        award_code=award_code,
        rule_code=rule.rule_code,
        title=rule.title,
        legal_basis=rule.legal_basis,
        effective_from=rule.effective_from,
        effective_to=rule.effective_to,
        severity=rule.severity,
        params=json.loads(rule.params),
        confidence=rule.confidence,
    )


def rules_in_force(on: date, rule_code: str | None = None) -> list[RuleRow]:
    """The rules in force on a date: for each (award, rule code) the latest effective one."""
    query = AwardRule.select(AwardRule, AwardType).join(AwardType, join_type=pw.JOIN.LEFT_OUTER)
    query = query.where(
        (AwardRule.effective_from <= on)
        & ((AwardRule.effective_to.is_null()) | (AwardRule.effective_to >= on))
    )
    if rule_code:
        query = query.where(AwardRule.rule_code == rule_code)
    latest: dict[tuple[str, str], AwardRule] = {}
    for rule in query.order_by(AwardRule.effective_from, AwardRule.id):  # later wins a tie
        code = rule.award_type.code if rule.award_type_id else ""
        latest[(code, rule.rule_code)] = rule
    return [_rule_row(r, code) for (code, _), r in sorted(latest.items())]


def rules_of(award_type_id: int | None) -> list[RuleRow]:
    """Every version of every rule of one title or form (None: the rules across the catalog)."""
    query = AwardRule.select(AwardRule, AwardType).join(AwardType, join_type=pw.JOIN.LEFT_OUTER)
    query = query.where(
        AwardRule.award_type.is_null()
        if award_type_id is None
        else AwardRule.award_type == award_type_id
    )
    return [
        _rule_row(r, r.award_type.code if r.award_type_id else "")
        for r in query.order_by(AwardRule.rule_code, AwardRule.effective_from)
    ]
