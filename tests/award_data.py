"""Award proposals for the decisions, documents and statistics tests (built through records)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import people, records
from db.enums import CommendationKind, Gender, ProposalStatus, RankGroup, UnitKind
from db.models import AwardType, Proposal


@dataclass
class AwardWorld:
    units: dict[str, int]
    people: dict[str, int]
    proposals: dict[str, int]


def award_id(code: str) -> int:
    return int(AwardType.get(AwardType.code == code).id)


def proposal(
    code: str,
    *,
    person: int | None = None,
    unit: int | None = None,
    year: int = 2024,
    status: ProposalStatus = ProposalStatus.PASSED,
    kind: CommendationKind = CommendationKind.REGULAR,
    achievements: str = "",
) -> int:
    return int(
        records.create(
            Proposal,
            year=year,
            person=person,
            unit=unit,
            award_type=award_id(code),
            kind=kind,
            status=status,
            achievements=achievements,
        ).id
    )


def build_world(year: int = 2024) -> AwardWorld:
    """Two divisions, four people, and proposals at department and province level."""
    units = {
        "vp": people.create_unit(
            people.UnitInput("Phòng Hành chính - Tổng hợp", kind=UnitKind.OFFICE)
        ).id,
        "lshc": people.create_unit(
            people.UnitInput("Phòng Lãnh sự - Hợp tác quốc tế", kind=UnitKind.DIVISION)
        ).id,
    }
    staff = {
        "an": ("Nguyễn", "Văn", "An", Gender.MALE, RankGroup.STAFF, "vp", "Chuyên viên"),
        "binh": (
            "Trần",
            "Thị",
            "Bình",
            Gender.FEMALE,
            RankGroup.DIVISION_LEADER,
            "lshc",
            "Trưởng phòng",
        ),
        "duc": ("Lê", "Minh", "Đức", Gender.MALE, RankGroup.WORKER, "vp", "Nhân viên"),
        "hoa": (
            "Phạm",
            "Thị Ngọc",
            "Hòa",
            Gender.FEMALE,
            RankGroup.DEPT_LEADER,
            "vp",
            "Phó Giám đốc Sở",
        ),
    }
    persons = {}
    for key, (family, middle, given, gender, rank, unit, position) in staff.items():
        persons[key] = people.create_person(
            people.PersonInput(
                family,
                middle,
                given,
                gender=gender,
                rank_group=rank,
                unit_id=units[unit],
                position=position,
            )
        ).id
    made = {
        "an_ldtt": proposal("LDTT", person=persons["an"], year=year),
        "an_cstdcs": proposal(
            "CSTDCS",
            person=persons["an"],
            year=year,
            achievements="Hoàn thành xuất sắc nhiệm vụ; sáng kiến “Số hóa hồ sơ lãnh sự”",
        ),
        "binh_ldtt": proposal("LDTT", person=persons["binh"], year=year),
        "duc_gk": proposal(
            "GK_SO",
            person=persons["duc"],
            year=year,
            kind=CommendationKind.UNSCHEDULED,
            achievements="Có thành tích xuất sắc trong phục vụ Hội nghị hợp tác quốc tế",
        ),
        "vp_ttldtt": proposal("TTLDTT", unit=units["vp"], year=year),
        "lshc_gk": proposal("GK_SO", unit=units["lshc"], year=year),
        "hoa_bk": proposal(
            "BK_TINH", person=persons["hoa"], year=year, status=ProposalStatus.SENT_UP
        ),
        "binh_draft": proposal(
            "CSTDCS", person=persons["binh"], year=year, status=ProposalStatus.DRAFT
        ),
    }
    return AwardWorld(units, persons, made)


def director_decision_input(number: str = "12", on: date = date(2024, 12, 20)):  # noqa: ANN201
    from app.decisions import DecisionInput

    return DecisionInput(
        number=number,
        symbol="QĐ-SNgV",
        signed_on=on,
        authority="Giám đốc Sở",
        signer_title="GIÁM ĐỐC",
        signer_name="Phạm Thị Anh Thư",
        legal_basis="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
        subject="Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2024",
    )
