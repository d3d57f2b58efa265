"""A generated staff list for the award tests: divisions, people, their yearly evaluations.

Deterministic (a seeded Random); everything is written through the services and records."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from app import people, records
from db.enums import Discipline, Gender, RankGroup, Rating, UnitKind
from db.models import AwardType, Evaluation, Registration

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE_M = ("Văn", "Minh", "Quốc", "Đức", "Hữu")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Thanh", "Mai")
GIVEN_M = ("An", "Bảo", "Cường", "Dũng", "Hải", "Khánh", "Long", "Nam", "Phúc", "Quân")
GIVEN_F = ("Anh", "Bích", "Chi", "Dung", "Hà", "Hương", "Lan", "Linh", "Nga", "Yến")
DIVISIONS = (
    "Phòng Lãnh sự",
    "Phòng Hợp tác quốc tế",
    "Phòng Thông tin đối ngoại",
    "Trung tâm Dịch vụ đối ngoại",
)


@dataclass
class Staff:
    year: int
    units: dict[str, int] = field(default_factory=dict)  # name → id
    people: dict[str, int] = field(default_factory=dict)  # full name → id
    unit_of: dict[str, str] = field(default_factory=dict)  # full name → unit name

    def in_unit(self, unit: str) -> list[str]:
        return [name for name, u in self.unit_of.items() if u == unit]


def award_id(code: str) -> int:
    return int(AwardType.get(AwardType.code == code).id)


def generate_staff(year: int = 2024, per_unit: int = 5, seed: int = 7, units: int = 3) -> Staff:
    """``units`` divisions of ``per_unit`` people each, hired years ago, all rated "hoàn thành
    tốt nhiệm vụ" for ``year`` with no discipline (tests then change what they need)."""
    rng = random.Random(seed)
    staff = Staff(year)
    used: set[str] = set()
    with records.transaction():
        for name in DIVISIONS[:units]:
            unit = people.create_unit(people.UnitInput(name, kind=UnitKind.DIVISION))
            staff.units[name] = unit.id
            for i in range(per_unit):
                while True:
                    female = rng.random() < 0.5
                    family = rng.choice(FAMILY)
                    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
                    given = rng.choice(GIVEN_F if female else GIVEN_M)
                    full = f"{family} {middle} {given}"
                    if full not in used:
                        used.add(full)
                        break
                person = people.create_person(
                    people.PersonInput(
                        family,
                        middle,
                        given,
                        gender=Gender.FEMALE if female else Gender.MALE,
                        rank_group=RankGroup.DIVISION_LEADER if i == 0 else RankGroup.STAFF,
                        unit_id=unit.id,
                        position="Trưởng phòng" if i == 0 else "Chuyên viên",
                        hired_on=date(year - 5 - i, 3, 1),
                    )
                )
                staff.people[full] = person.id
                staff.unit_of[full] = name
                evaluate(person.id, year, Rating.GOOD)
    return staff


def evaluate(
    person_id: int,
    year: int,
    rating: Rating | None,
    *,
    discipline: Discipline = Discipline.NONE,
    initiative: str = "",
) -> None:
    existing = Evaluation.get_or_none((Evaluation.person == person_id) & (Evaluation.year == year))
    fields = {"rating": rating, "discipline": discipline, "initiative": initiative}
    if existing is None:
        records.create(Evaluation, year=year, person=person_id, **fields)
    else:
        records.update(existing, **fields)


def evaluate_unit(unit_id: int, year: int, rating: Rating, member_count: int | None = None) -> None:
    records.create(Evaluation, year=year, unit=unit_id, rating=rating, member_count=member_count)


def register(year: int, code: str, *, person: int | None = None, unit: int | None = None) -> None:
    records.create(
        Registration,
        year=year,
        person=person,
        unit=unit,
        award_type=award_id(code),
        registered_on=date(year, 1, 15),
    )
