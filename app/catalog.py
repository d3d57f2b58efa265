"""The award catalog: emulation titles and commendation forms, seeded into every new database."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
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
    # the agency's own setting (a switch, its numbers) applies from this date; None: the
    # catalog's version as it stands
    setting_from: date | None = None
    own_keys: tuple[str, ...] = ()  # the params that are the agency's own numbers

    @property
    def agency_set(self) -> bool:
        return self.setting_from is not None


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
        params=_public(json.loads(rule.params)),
        confidence=rule.confidence,
        setting_from=rule.effective_from if rule.is_custom else None,
    )


# How an agency setting and the catalog's legal versions of a rule meet (one place for every
# setting: switch_rule, set_cstdcs_cap, set_bk_tinh_route, council.set_title_threshold).
#
# A rule is known by (title or form, rule code). The catalog's rows (``is_custom`` false) are
# its legal versions, each in force from ``effective_from`` to ``effective_to``. The agency's
# rows (``is_custom`` true) are its settings: each applies from its date until the agency's
# next one, whatever legal versions come in between (its ``effective_to`` is not read). On a
# review date the rule is the legal version in force that day with the agency's latest
# setting laid over it:
#   - the agency's switch (its severity) and its own numbers (the params it set that differ
#     from the legal version it was made against) persist across later legal versions;
#   - everything else comes from the legal version in force: its other params, its confidence,
#     its title (unless the agency worded its own, e.g. "không vượt 20%"), and its legal basis,
#     to which the agency's source is added ("…; Nghị định 152/2025/NĐ-CP; <quy chế>");
#     where the agency wrote a basis of its own instead (its cap, the council's thresholds:
#     rules of its own regulations), that basis stands while the legal version it was made
#     against is in force, and follows a later version's basis after;
#   - a legal version that blocks is the Law's condition: no agency setting changes it;
#   - a rule whose legal versions have all ended (or not begun) is not in force, whatever the
#     agency set; a rule the catalog never had (a threshold for a form without one) is the
#     agency's alone.
# The agency's own numbers are the params its setting names in OWN_KEYS (what it chose, even
# where equal to the law's at the time), and any param of its row differing from the legal
# version it was made against (rows written before the marker).
OWN_KEYS = "_own"
_MISSING = object()


def _public(params: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in params.items() if k != OWN_KEYS}


@dataclass(frozen=True)
class _Setting:
    row: AwardRule
    title: str | None  # the agency's own wording, or None: the legal version's
    basis: str  # the agency's source
    replaces_basis: bool  # its own basis instead of the legal one's (a rule of its own)
    params: dict[str, object]

    def same(self, other: _Setting) -> bool:
        return (self.row.severity, self.title, self.basis, self.replaces_basis, self.params) == (
            other.row.severity,
            other.title,
            other.basis,
            other.replaces_basis,
            other.params,
        )


def _in_force(rule: AwardRule, on: date) -> bool:
    return rule.effective_from <= on and (rule.effective_to is None or rule.effective_to >= on)


def _legal_on(versions: list[AwardRule], on: date) -> AwardRule | None:
    """The catalog's version in force on ``on`` (the later of two starting the same day)."""
    found = None
    for rule in versions:  # ordered by (effective_from, id)
        if _in_force(rule, on):
            found = rule
    return found


def _setting(row: AwardRule, versions: list[AwardRule]) -> _Setting:
    """What the agency's row sets, against the legal version in force on its date."""
    base = _legal_on(versions, row.effective_from)
    params = json.loads(row.params)
    named = set(params.pop(OWN_KEYS, []))
    if base is None:
        return _Setting(row, row.title, row.legal_basis, True, params)
    base_params = json.loads(base.params)
    own = {k: v for k, v in params.items() if k in named or base_params.get(k, _MISSING) != v}
    title = row.title if (row.title != base.title or own) else None  # its numbers, its words
    if row.legal_basis == base.legal_basis:
        return _Setting(row, title, "", False, own)
    if row.legal_basis.startswith(base.legal_basis + "; "):
        return _Setting(row, title, row.legal_basis[len(base.legal_basis) + 2 :], False, own)
    return _Setting(row, title, row.legal_basis, True, own)


def _resolve(
    code: str, versions: list[AwardRule], settings: list[AwardRule], on: date
) -> RuleRow | None:
    legal = _legal_on(versions, on)
    if not settings or (legal is not None and legal.severity is Severity.BLOCK):
        return _rule_row(legal, code) if legal is not None else None
    if legal is None and versions:
        return None  # the legal rule has ended (or not begun): nothing to set
    chain = [_setting(row, versions) for row in settings]
    latest = chain[-1]
    since = latest.row.effective_from
    for earlier in reversed(chain[:-1]):  # the same setting repeated (e.g. carried over)
        if not earlier.same(latest):
            break
        since = earlier.row.effective_from
    if legal is None:  # the agency's own rule
        row = _rule_row(latest.row, code)
        return replace(row, effective_to=None, setting_from=since, own_keys=tuple(row.params))
    basis = legal.legal_basis
    if latest.replaces_basis and _legal_on(versions, latest.row.effective_from) is legal:
        basis = latest.basis  # its own basis, against the legal version it was made against
    elif latest.basis:
        basis = f"{basis}; {latest.basis}"  # a later legal version's basis comes first
    return RuleRow(
        id=latest.row.id,
        award_code=code,
        rule_code=legal.rule_code,
        title=latest.title if latest.title is not None else legal.title,
        legal_basis=basis,
        effective_from=legal.effective_from,
        effective_to=legal.effective_to,
        severity=latest.row.severity,
        params={**_public(json.loads(legal.params)), **latest.params},
        confidence=legal.confidence,
        setting_from=since,
        own_keys=tuple(sorted(latest.params)),
    )


def rules_in_force(on: date, rule_code: str | None = None) -> list[RuleRow]:
    """The rules in force on a date: for each (award, rule code) the legal version in force
    with the agency's latest setting laid over it (see above)."""
    query = AwardRule.select(AwardRule, AwardType).join(AwardType, join_type=pw.JOIN.LEFT_OUTER)
    query = query.where(AwardRule.effective_from <= on)
    if rule_code:
        query = query.where(AwardRule.rule_code == rule_code)
    versions: dict[tuple[str, str], list[AwardRule]] = {}
    settings: dict[tuple[str, str], list[AwardRule]] = {}
    for rule in query.order_by(AwardRule.effective_from, AwardRule.id):  # later wins a tie
        key = (rule.award_type.code if rule.award_type_id else "", rule.rule_code)
        versions.setdefault(key, [])
        (settings.setdefault(key, []) if rule.is_custom else versions[key]).append(rule)
    out = []
    for key in sorted(versions):
        row = _resolve(key[0], versions[key], settings.get(key, []), on)
        if row is not None:
            out.append(row)
    return out


def rule_in_force(on: date, award_code: str, rule_code: str) -> RuleRow | None:
    """One rule as in force on ``on`` (None when it is not)."""
    return next((r for r in rules_in_force(on, rule_code) if r.award_code == award_code), None)


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
