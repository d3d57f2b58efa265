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

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
D98 = "Nghị định số 98/2023/NĐ-CP"
D152 = "Nghị định số 152/2025/NĐ-CP"
TT01 = "Thông tư số 01/2024/TT-BNV"
Y2024 = date(2024, 1, 1)
BEFORE_152, FROM_152 = date(2025, 6, 30), date(2025, 7, 1)
BLOCK, WARN, OFF = Severity.BLOCK, Severity.WARN, Severity.OFF
SIMPLE_MAJORITY = {"percent": 51, "base": "present", "written_votes_count": False}

BK_TINH_DEFAULTS = {"htxs_years": 2, "cstdcs_times": 2, "kinds": ["cong_trang"]}


def bk_tinh_title(htxs_years: int, cstdcs_times: int) -> str:
    """The rule's title with the numbers of its point d (a setting: domain.md marks it [?])."""
    d = f"{htxs_years} năm liên tục hoàn thành xuất sắc nhiệm vụ"
    if cstdcs_times:
        d += f", trong đó {cstdcs_times} lần Chiến sĩ thi đua cơ sở"
    return (
        "Bằng khen của Chủ tịch UBND tỉnh (cá nhân): một trong a) thành tích xuất sắc trong "
        "phong trào thi đua của bộ, tỉnh; b) nhiều thành tích hoặc thành tích đột xuất; "
        f"c) đóng góp lớn; d) {d} (điểm d theo quy chế, chưa xác minh)"
    )


# Rules of the catalog. BLOCK only where ../shared/domain.md marks the fact [V]; what it marks
# [S] or [?] warns, and the operator may override a warning with a recorded reason.
RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        None,
        "one_title_per_year",
        "Mỗi danh hiệu thi đua chỉ xét tặng một lần cho một cá nhân, tập thể trong một năm",
        f"{LAW} (danh hiệu thi đua xét tặng hằng năm)",
        Y2024,
        None,
        WARN,
        {"scope": "same_title_same_year"},
        "[?]",
    ),
    RuleSpec(
        None,
        "no_double_reward",
        "Một thành tích không khen thưởng nhiều lần, nhiều hình thức",
        f"Điều 5 {LAW} (nguyên tắc khen thưởng)",
        Y2024,
        None,
        WARN,
        {"same": ["recipient", "year", "achievements"]},
        "[V]",
    ),
    RuleSpec(
        None,
        "registration_required",
        "Cá nhân, tập thể đề nghị xét tặng danh hiệu phải đăng ký thi đua đầu năm",
        "Hướng dẫn công tác thi đua, khen thưởng hằng năm của tỉnh (đăng ký thi đua)",
        Y2024,
        None,
        WARN,
        {"registered_for": "same_title_or_higher"},
        "[S]",
    ),
    RuleSpec(
        "LDTT",
        "ldtt_criteria",
        "Lao động tiên tiến: hoàn thành tốt nhiệm vụ trở lên; tuyển dụng từ 6 tháng trở lên",
        f"Điều 24 {LAW}; điểm d khoản 5 Điều 1 {TT01}",
        Y2024,
        None,
        BLOCK,
        {"min_rating": "htt", "min_months_employed": 6},
        "[V]",
    ),
    RuleSpec(
        "LDTT",
        "ldtt_exclusions",
        "Lao động tiên tiến: không xét khi nghỉ dài ngày hoặc bị kỷ luật trong năm",
        "Quy chế thi đua, khen thưởng của cơ quan (quy định trước năm 2024, chưa xác minh)",
        Y2024,
        None,
        WARN,
        {"max_leave_working_days": 40, "max_discipline": "none"},
        "[?]",
    ),
    RuleSpec(
        "CSTDCS",
        "cstdcs_criteria",
        "Chiến sĩ thi đua cơ sở: đạt Lao động tiên tiến cùng năm và có một trong: hoàn thành "
        "xuất sắc nhiệm vụ, sáng kiến được công nhận, đề tài khoa học được nghiệm thu",
        f"Điều 23 {LAW}",
        Y2024,
        None,
        BLOCK,
        {"requires": "LDTT", "one_of": ["rating_htxs", "initiative", "research"]},
        "[V]",
    ),
    RuleSpec(
        "CSTDCS",
        "cstdcs_cap",
        "Số Chiến sĩ thi đua cơ sở không vượt tỷ lệ trên số Lao động tiên tiến (tùy chọn)",
        "Quy chế thi đua, khen thưởng của cơ quan (không có trong Luật 2022)",
        Y2024,
        None,
        OFF,
        {"max_percent_of_ldtt": 15},
        "[?]",
    ),
    RuleSpec(
        "CSTD_TINH",
        "cstd_tinh_criteria",
        "Chiến sĩ thi đua cấp tỉnh: 3 lần liên tục Chiến sĩ thi đua cơ sở và sáng kiến có "
        "hiệu quả, phạm vi ảnh hưởng cấp tỉnh",
        f"Điều 22 {LAW}",
        Y2024,
        None,
        WARN,
        {"consecutive_years": 3, "of": "CSTDCS", "needs_initiative_scope": "province"},
        "[S]",
    ),
    RuleSpec(
        "CSTD_TQ",
        "cstd_tq_criteria",
        "Chiến sĩ thi đua toàn quốc: 2 lần liên tục Chiến sĩ thi đua cấp tỉnh và sáng kiến có "
        "phạm vi ảnh hưởng toàn quốc",
        f"Điều 21 {LAW}",
        Y2024,
        None,
        BLOCK,
        {"consecutive_years": 2, "of": "CSTD_TINH", "needs_initiative_scope": "national"},
        "[V]",
    ),
    RuleSpec(
        "TTLDTT",
        "ttldtt_criteria",
        "Tập thể lao động tiên tiến: từ 70% thành viên đạt Lao động tiên tiến, không có thành "
        "viên bị kỷ luật từ cảnh cáo trở lên",
        f"Khoản 1 Điều 28 {LAW}",
        Y2024,
        None,
        WARN,
        {"min_share_percent": 70, "of": "LDTT", "max_discipline": "khien_trach"},
        "[S]",
    ),
    RuleSpec(
        "TTLDXS",
        "ttldxs_criteria",
        "Tập thể lao động xuất sắc: 100% hoàn thành nhiệm vụ, từ 70% đạt tiêu chuẩn (mặc định: "
        "Lao động tiên tiến), có Chiến sĩ thi đua cơ sở, không có kỷ luật từ cảnh cáo trở lên",
        f"Điều 27 {LAW}",
        Y2024,
        None,
        WARN,
        {
            "all_members_completed": True,
            "min_share_percent": 70,
            "of": "LDTT",
            "min_cstdcs_members": 1,
            "max_discipline": "khien_trach",
            "collective_rating": "htxs",
        },
        "[?]",
    ),
    RuleSpec(
        "CO_TINH",
        "co_tinh_criteria",
        "Cờ thi đua của UBND tỉnh: tập thể dẫn đầu khối, cụm thi đua của tỉnh",
        f"Điều 26 {LAW}",
        Y2024,
        None,
        WARN,
        {"leading_collective": True},
        "[?]",
    ),
    RuleSpec(
        "CO_CP",
        "co_cp_criteria",
        "Cờ thi đua của Chính phủ: tập thể tiêu biểu trong các tập thể dẫn đầu khối, cụm cấp "
        "tỉnh; vượt chỉ tiêu; hoặc dẫn đầu phong trào do Thủ tướng phát động từ 5 năm",
        f"Điều 25 {LAW}",
        Y2024,
        None,
        WARN,
        {"leading_collective": True},
        "[V]",
    ),
    RuleSpec(
        "BK_TTG",
        "bk_ttg_route",
        "Bằng khen của Thủ tướng (một đường xét): đã có Bằng khen cấp bộ, tỉnh, sau đó 5 năm "
        "liên tục hoàn thành tốt nhiệm vụ trở lên, trong đó 3 lần Chiến sĩ thi đua cơ sở",
        f"Điểm b khoản 1 Điều 73 {LAW}",
        Y2024,
        None,
        WARN,
        {
            "requires_form": ["BK_TINH", "BK_BNG"],
            "consecutive_years": 5,
            "min_rating": "htt",
            "cstdcs_times": 3,
        },
        "[V]",
    ),
    # Art. 74 cl. 1, guided by Decree 98/2023 and, from 1/7/2025, by Decree 152/2025 which
    # replaced it. domain.md marks points a-c [V] and point d [?]; a-c rest on achievements the
    # council judges, so what is checked is point d: marked [?], its numbers set by the agency
    # (eligibility.set_bk_tinh_route), and it only warns.
    *(
        RuleSpec(
            "BK_TINH",
            "bk_tinh_criteria",
            bk_tinh_title(2, 2),
            f"Khoản 1 Điều 74 {LAW}; {decree}",
            start,
            end,
            WARN,
            {**BK_TINH_DEFAULTS, "kinds": ["cong_trang"]},
            "[?]",
        )
        for decree, start, end in ((D98, Y2024, BEFORE_152), (D152, FROM_152, None))
    ),
    RuleSpec(
        "BK_TTG",
        "dossier",
        "Hồ sơ đề nghị: Tờ trình (Mẫu 01), báo cáo thành tích (Mẫu 02, 03), biên bản Hội đồng",
        f"{D98}, Phụ lục I",
        Y2024,
        BEFORE_152,
        WARN,
        {"items": ["submission", "achievement_report", "minutes", "proofs"]},
        "[V]",
    ),
    RuleSpec(
        "BK_TTG",
        "dossier",
        "Hồ sơ đề nghị: Tờ trình của tỉnh; báo cáo thành tích có xác nhận; biên bản Hội đồng "
        "thi đua, khen thưởng tỉnh; văn bản theo Điều 33 (nếu có); 01 bộ bản chính",
        f"Điều 42 {D152}",
        FROM_152,
        None,
        WARN,
        {"items": ["submission", "achievement_report", "minutes", "proofs"], "copies": 1},
        "[V]",
    ),
    *(
        RuleSpec(
            code,
            "reward_coefficient",
            f"Tiền thưởng kèm danh hiệu: {coef} lần mức lương cơ sở",
            D152,
            FROM_152,
            None,
            WARN,
            {"coefficient": coef},
            "[V]",
        )
        for code, coef in (
            ("LDTT", "0.3"),
            ("CSTDCS", "1.0"),
            ("CSTD_TINH", "3.0"),
            ("CSTD_TQ", "4.5"),
            ("TTLDTT", "0.8"),
            ("TTLDXS", "1.5"),
            ("CO_TINH", "8.0"),
            ("CO_CP", "12.0"),
        )
    ),
    RuleSpec(
        "CSTD_TINH",
        "vote_threshold",
        "Ngưỡng biểu quyết thường gặp: từ 70% tổng số thành viên Hội đồng, tính cả phiếu bằng "
        "văn bản của thành viên vắng mặt (theo quy chế của Hội đồng)",
        "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng (chưa xác minh)",
        Y2024,
        None,
        WARN,
        {"percent": 70, "base": "all_members", "written_votes_count": True},
        "[?]",
    ),
    RuleSpec(
        "CSTD_TQ",
        "vote_threshold",
        "Ngưỡng biểu quyết thường gặp ở Hội đồng Trung ương: từ 90% tổng số thành viên",
        "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Trung ương (chưa xác minh)",
        Y2024,
        None,
        WARN,
        {"percent": 90, "base": "all_members", "written_votes_count": True},
        "[?]",
    ),
    *(
        RuleSpec(
            code,
            "vote_threshold",
            "Ngưỡng biểu quyết: quá nửa số thành viên có mặt",
            "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Sở (mặc định, chưa xác minh)",
            Y2024,
            None,
            WARN,
            dict(SIMPLE_MAJORITY),  # a copy each: no two rules share one mutable dict
            "[?]",
        )
        for code in ("LDTT", "CSTDCS", "TTLDTT", "GK_SO")
    ),
)

_COMMON_DOSSIER = (
    ("submission", "Tờ trình đề nghị khen thưởng"),
    ("minutes", "Biên bản họp Hội đồng Thi đua - Khen thưởng (kết quả biểu quyết, bỏ phiếu)"),
    ("achievement_report", "Báo cáo thành tích có xác nhận của thủ trưởng đơn vị"),
)
_PROOFS = (("proofs", "Văn bản công nhận sáng kiến, đề tài và phạm vi ảnh hưởng"),)

# Dossier checklist per granting level (../shared/domain.md §6).
DOSSIER_TEMPLATES: dict[AwardLevel, tuple[tuple[str, str], ...]] = {
    AwardLevel.DEPARTMENT: _COMMON_DOSSIER,
    AwardLevel.PROVINCE: _COMMON_DOSSIER + _PROOFS,
    AwardLevel.MINISTRY: _COMMON_DOSSIER + _PROOFS,
    AwardLevel.STATE: _COMMON_DOSSIER
    + _PROOFS
    + (("foreign_summary", "Báo cáo tóm tắt thành tích (khen thưởng người nước ngoài)"),),
}


def rules_for(award_code: str | None) -> tuple[RuleSpec, ...]:
    """The rules of one title or form (None: the rules across the catalog)."""
    return tuple(rule for rule in RULES if rule.award_code == award_code)
