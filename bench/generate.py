"""A large synthetic dataset for `make bench`: 10 years, 3,000 people, 40,000 proposals, …

Rows are bulk-inserted (not through app/records, which audits row by row), but every derived
column is computed with the same app/ functions, so the app reads them as its own.
"""

from __future__ import annotations

import random
import sys
from datetime import date, time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import sample  # noqa: E402
from app.session import close_app_database, open_app_database  # noqa: E402
from app.vntext import fold_many, full_name, name_sort_value  # noqa: E402
from db.enums import (  # noqa: E402
    Cadence,
    CampaignKind,
    CampaignStatus,
    CommendationKind,
    Gender,
    Launcher,
    MeetingKind,
    MeetingStatus,
    ProposalStatus,
    RankGroup,
    UnitKind,
)
from db.models import AwardType, Campaign, Meeting, Person, Proposal, Unit, database_proxy  # noqa: E402

VERSION = 1  # bump when the generated data changes, so cached datasets are rebuilt
FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 10),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân", "Ngọc", "Anh"]
MIDDLE_F = ["Thị", "Thị Ngọc", "Thị Thu", "Thị Thanh", "Ngọc", "Thu", "Thị Kim", "Thị Hồng", "Bảo"]
GIVEN_M = [
    "An",
    "Bình",
    "Dũng",
    "Đạt",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Tuấn",
    "Việt",
    "Thắng",
    "Trung",
    "Hiếu",
    "Đông",
    "Lâm",
    "Cường",
]
GIVEN_F = [
    "Chi",
    "Giang",
    "Hà",
    "Hạnh",
    "Hòa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Ngọc",
    "Phương",
    "Tâm",
    "Thảo",
    "Thư",
    "Trang",
    "Vân",
    "Yến",
    "Ánh",
    "Hằng",
]
UNITS = [
    "Văn phòng Sở",
    "Thanh tra Sở",
    "Phòng Lãnh sự",
    "Phòng Hợp tác quốc tế",
    "Phòng Quản lý biên giới",
    "Phòng Người Việt Nam ở nước ngoài",
    "Phòng Thông tin đối ngoại",
    "Phòng Kinh tế đối ngoại",
    "Phòng Tổng hợp",
    "Phòng Kế hoạch - Tài chính",
    "Trung tâm Dịch vụ đối ngoại",
    "Trung tâm Phiên dịch",
    "Trung tâm Thông tin",
    "Phòng Tổ chức cán bộ",
    "Phòng Pháp chế",
    "Phòng Lễ tân",
    "Phòng Báo chí",
    "Phòng Văn hóa đối ngoại",
    "Phòng Hành chính",
    "Phòng Xúc tiến đầu tư",
    "Phòng Quản lý đoàn ra, đoàn vào",
    "Phòng Công tác phi chính phủ",
    "Phòng Nghiên cứu",
    "Phòng Đào tạo",
    "Phòng Quản trị",
]
POSITIONS = [
    ("Chuyên viên", RankGroup.STAFF, 60),
    ("Chuyên viên chính", RankGroup.STAFF, 15),
    ("Phó Trưởng phòng", RankGroup.DIVISION_LEADER, 10),
    ("Trưởng phòng", RankGroup.DIVISION_LEADER, 5),
    ("Nhân viên", RankGroup.WORKER, 9),
    ("Phó Giám đốc Sở", RankGroup.DEPT_LEADER, 1),
]
AWARDS_IND = [
    ("LDTT", 70),
    ("CSTDCS", 12),
    ("GK_SO", 12),
    ("BK_TINH", 4),
    ("CSTD_TINH", 1),
    ("BK_TTG", 1),
]
AWARDS_COL = [("TTLDTT", 60), ("TTLDXS", 20), ("GK_SO", 10), ("BK_TINH", 8), ("CO_TINH", 2)]
CHUNK = 500


def _pick(rng: random.Random, weighted: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    return rng.choices(weighted, weights=[w[-1] for w in weighted])[0]


def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        model.insert_many(rows[start : start + CHUNK]).execute()


def generate(
    path: Path,
    *,
    years: int = 10,
    people: int = 3000,
    proposals: int = 40000,
    meetings: int = 500,
    campaigns: int = 150,
    seed: int = 2024,
) -> dict[str, int]:
    if path.exists():
        raise FileExistsError(path)
    rng = random.Random(seed)
    first_year = 2024 - years + 1
    db, _info = open_app_database(path)
    try:
        sample.load_sample_year()
        with database_proxy.atomic():
            existing = Unit.select().count()
            _insert(
                Unit,
                [
                    {
                        "name": name,
                        "kind": UnitKind.OFFICE if name.startswith("Văn") else UnitKind.DIVISION,
                        "position": existing + i,
                        "search_key": fold_many(name, ""),
                    }
                    for i, name in enumerate(UNITS)
                    if name != "Văn phòng Sở"
                ],
            )
            unit_ids = [u.id for u in Unit.select(Unit.id).where(Unit.kind != UnitKind.EXTERNAL)]
            rows = []
            for _ in range(people):
                female = rng.random() < 0.5
                family = _pick(rng, FAMILY)[0]
                middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
                given = rng.choice(GIVEN_F if female else GIVEN_M)
                position, rank, _w = _pick(rng, POSITIONS)
                name = full_name(family, middle, given)
                rows.append(
                    {
                        "family_name": family,
                        "middle_name": middle,
                        "given_name": given,
                        "full_name": name,
                        "sort_name": name_sort_value(family, middle, given),
                        "search_key": fold_many(name, position),
                        "gender": Gender.FEMALE if female else Gender.MALE,
                        "birth_year": rng.randint(1965, 2000),
                        "position": position,
                        "rank_group": rank,
                        "unit": rng.choice(unit_ids),
                        "hired_on": date(
                            rng.randint(1990, 2023), rng.randint(1, 12), rng.randint(1, 28)
                        ),
                    }
                )
            _insert(Person, rows)
            person_ids = [p.id for p in Person.select(Person.id)]
            awards = {a.code: a.id for a in AwardType.select()}
            chair = Person.select().order_by(Person.id).first()
            _insert(
                Meeting,
                [
                    {
                        "year": (y := rng.randint(first_year, 2024)),
                        "month": (m := rng.randint(1, 12)),
                        "title": (
                            t := f"Phiên họp Hội đồng Thi đua - Khen thưởng tháng {m:02d}/{y}"
                        ),
                        "kind": rng.choice(list(MeetingKind)),
                        "status": rng.choice(list(MeetingStatus)),
                        "held_on": date(y, m, rng.randint(1, 28)),
                        "start_time": time(rng.choice((8, 9, 14)), 0),
                        "place": (p := "Phòng họp Sở"),
                        "chair": chair,
                        "search_key": fold_many(t, p, ""),
                    }
                    for _ in range(meetings)
                ],
            )
            _insert(
                Campaign,
                [
                    {
                        "year": rng.randint(first_year, 2024),
                        "name": (n := f"Phong trào thi đua chuyên đề số {i + 1}"),
                        "launcher": rng.choice(list(Launcher)),
                        "kind": rng.choice(list(CampaignKind)),
                        "cadence": rng.choice(list(Cadence)),
                        "status": rng.choice(list(CampaignStatus)),
                        "lead_unit": rng.choice(unit_ids),
                        "search_key": fold_many(n, "", "", ""),
                    }
                    for i in range(campaigns)
                ],
            )
            rows = []
            for _ in range(proposals):
                collective = rng.random() < 0.1
                code = _pick(rng, AWARDS_COL if collective else AWARDS_IND)[0]
                achievements = (
                    "Hoàn thành xuất sắc nhiệm vụ được giao" if rng.random() < 0.5 else ""
                )
                rows.append(
                    {
                        "year": rng.randint(first_year, 2024),
                        "person": None if collective else rng.choice(person_ids),
                        "unit": rng.choice(unit_ids) if collective else None,
                        "award_type": awards[code],
                        "kind": CommendationKind.REGULAR
                        if rng.random() < 0.8
                        else rng.choice(list(CommendationKind)),
                        "status": rng.choice(list(ProposalStatus)),
                        "achievements": achievements,
                        "search_key": fold_many(achievements, ""),
                    }
                )
            _insert(Proposal, rows)
        counts = {
            "units": Unit.select().count(),
            "people": Person.select().count(),
            "proposals": Proposal.select().count(),
            "meetings": Meeting.select().count(),
            "campaigns": Campaign.select().count(),
            "years": years,
        }
    finally:
        close_app_database(db)
    return counts


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/generate.py OUT.sqlite")
    print(generate(Path(sys.argv[1])))
