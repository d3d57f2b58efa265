"""The catalog as data: titles and forms (Law 06/2022 Arts. 9, 21–28, 73–75) and their dated rules.

Every rule carries its legal basis, the date from which it applies, and the confidence
mark that ../shared/domain.md gives the fact ([V] seen in a source, [S] secondary, [?] unverified).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db.enums import AwardFamily, AwardLevel, RecipientKind, Severity


@dataclass(frozen=True)
class AwardTypeSpec:
    code: str
    name: str
    short_name: str
    family: AwardFamily
    recipient: RecipientKind
    level: AwardLevel
    granting_authority: str


@dataclass(frozen=True)
class RuleSpec:
    award_code: str | None  # None: a rule across the catalog (e.g. one title per year)
    rule_code: str
    title: str
    legal_basis: str
    effective_from: date
    effective_to: date | None
    severity: Severity
    params: dict[str, object] = field(default_factory=dict)
    confidence: str = ""


T, F = AwardFamily.TITLE, AwardFamily.FORM
IND, COL, BOTH = RecipientKind.INDIVIDUAL, RecipientKind.COLLECTIVE, RecipientKind.BOTH
DEPT, PROV, MIN, STATE = (
    AwardLevel.DEPARTMENT,
    AwardLevel.PROVINCE,
    AwardLevel.MINISTRY,
    AwardLevel.STATE,
)

AWARD_TYPES: tuple[AwardTypeSpec, ...] = (
    AwardTypeSpec("LDTT", "Lao động tiên tiến", "LĐTT", T, IND, DEPT, "Giám đốc Sở"),
    AwardTypeSpec("CSTDCS", "Chiến sĩ thi đua cơ sở", "CSTĐCS", T, IND, DEPT, "Giám đốc Sở"),
    AwardTypeSpec(
        "CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", "CSTĐ tỉnh", T, IND, PROV, "Chủ tịch UBND tỉnh"
    ),
    AwardTypeSpec(
        "CSTD_TQ", "Chiến sĩ thi đua toàn quốc", "CSTĐTQ", T, IND, STATE, "Thủ tướng Chính phủ"
    ),
    AwardTypeSpec("TTLDTT", "Tập thể lao động tiên tiến", "TTLĐTT", T, COL, DEPT, "Giám đốc Sở"),
    AwardTypeSpec(
        "TTLDXS", "Tập thể lao động xuất sắc", "TTLĐXS", T, COL, PROV, "Chủ tịch UBND tỉnh"
    ),
    AwardTypeSpec(
        "CO_TINH", "Cờ thi đua của UBND tỉnh", "Cờ thi đua tỉnh", T, COL, PROV, "Chủ tịch UBND tỉnh"
    ),
    AwardTypeSpec(
        "CO_CP", "Cờ thi đua của Chính phủ", "Cờ thi đua CP", T, COL, STATE, "Thủ tướng Chính phủ"
    ),
    AwardTypeSpec("GK_SO", "Giấy khen của Giám đốc Sở", "Giấy khen", F, BOTH, DEPT, "Giám đốc Sở"),
    AwardTypeSpec(
        "BK_TINH",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Bằng khen tỉnh",
        F,
        BOTH,
        PROV,
        "Chủ tịch UBND tỉnh",
    ),
    AwardTypeSpec(
        "BK_BNG",
        "Bằng khen của Bộ trưởng Bộ Ngoại giao",
        "Bằng khen BNG",
        F,
        BOTH,
        MIN,
        "Bộ trưởng Bộ Ngoại giao",
    ),
    AwardTypeSpec(
        "BK_TTG",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen TTg",
        F,
        BOTH,
        STATE,
        "Thủ tướng Chính phủ",
    ),
)

RULES: tuple[RuleSpec, ...] = ()
