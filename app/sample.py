"""The sample year: the real 2024 plan of a Department of Foreign Affairs turned into records.

Source: ../shared/seed/ke-hoach-hdtdkt-2024.txt. Nothing is added that the document does not
say: fields it leaves open (document number, dates, meeting days, cadence of the Prime
Minister's campaigns) stay empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app import agency, records
from app.errors import ValidationError
from db.enums import (
    Cadence,
    CampaignKind,
    CampaignStatus,
    CouncilRole,
    ItemKind,
    Launcher,
    MeetingKind,
    MeetingStatus,
    Numbering,
    RankGroup,
    ScheduleKind,
    UnitKind,
)
from db.models import Campaign, Council, CouncilMember, Meeting, Person, Plan, PlanItem, Unit

YEAR = 2024
SAMPLE_AGENCY = agency.AgencyDetails(
    parent_body="UBND TỈNH BÌNH PHƯỚC",
    agency_name="SỞ NGOẠI VỤ",
    abbreviation="SNgV",
    place_name="Bình Phước",
    director_name="Phạm Thị Anh Thư",
)
DIRECTOR = ("Phạm", "Thị Anh", "Thư")
BOARD, OFFICE, PROVINCE_BOARD = "Ban Giám đốc", "Văn phòng Sở", "Ban Thi đua, Khen thưởng tỉnh"
CHAIR_TEXT = "Giám đốc Sở, Chủ tịch Hội đồng."
STANDING_TEXT = "Thường trực Hội đồng TĐ-KT Sở (Văn phòng Sở)."


@dataclass(frozen=True)
class Node:
    title: str
    key: str = ""  # how campaigns and meetings refer to the item
    numbering: Numbering = Numbering.ARABIC  # of its children
    kind: ItemKind = ItemKind.ITEM
    body: str = ""
    content: str = ""
    lead: str = ""
    timing: str = ""
    field_order: str = "content,lead,timing"
    is_task: bool = False
    lead_unit: str = ""
    schedule: ScheduleKind = ScheduleKind.NONE
    months: str = ""
    children: tuple[Node, ...] = field(default_factory=tuple)


PLAN_TITLE = "Hoạt động của Hội đồng Thi đua Khen thưởng\nSở Ngoại vụ năm 2024"
RECIPIENTS = (
    "Ban Thi đua, Khen thưởng tỉnh;\nThành viên HĐTĐKT Sở;\nCác phòng chuyên môn;\nLưu: VT."
)

PLAN: tuple[Node, ...] = (
    Node(
        "MỤC ĐÍCH, YÊU CẦU",
        kind=ItemKind.SECTION,
        children=(
            Node(
                "Tham mưu cho Ban Giám đốc tiếp tục đổi mới phong trào thi đua và công tác khen "
                "thưởng theo Chỉ thị số 34-CT/TW ngày 7/4/2014 của Bộ Chính trị."
            ),
            Node(
                "Tổ chức phát động, triển khai các phong trào thi đua sôi nổi, thiết thực phấn đấu "
                "thực hiện thắng lợi các chỉ tiêu trọng tâm về phát triển kinh tế - xã hội năm 2024."
            ),
        ),
    ),
    Node(
        "NỘI DUNG",
        kind=ItemKind.SECTION,
        children=(
            Node(
                "Tổ chức các phiên họp của Hội đồng",
                numbering=Numbering.ALPHA,
                children=(
                    Node(
                        "Tổ chức các phiên họp định kỳ",
                        key="periodic",
                        content="Đánh giá kết quả tổ chức các phong trào thi đua và thực hiện công "
                        "tác khen thưởng 6 tháng đầu năm; đề xuất phương hướng, nhiệm vụ 6 tháng "
                        "cuối năm; họp tổng kết năm; thảo luận, cho ý kiến các nội dung nhằm nâng "
                        "cao chất lượng công tác của Hội đồng Thi đua - Khen thưởng Sở (Hội đồng).",
                        lead=CHAIR_TEXT,
                        timing="Tháng 03, 06 và tháng 12 năm 2024.",
                        is_task=True,
                        schedule=ScheduleKind.MONTHS,
                        months="3,6,12",
                    ),
                    Node(
                        "Tổ chức các phiên họp Hội đồng (không định kỳ):",
                        key="ad_hoc",
                        content="Thảo luận, cho ý kiến về những nội dung công việc của Hội đồng "
                        "(khi cần thiết). Xem xét, thảo luận về các trường hợp đề nghị khen thưởng "
                        "chuyên đề.",
                        lead=CHAIR_TEXT,
                        is_task=True,
                        schedule=ScheduleKind.AS_NEEDED,
                    ),
                ),
            ),
            Node(
                "Phát động đẩy mạnh các phong trào thi đua yêu nước",
                key="launch",
                is_task=True,
                body="Tổ chức phát động phong trào thi đua yêu nước tại Sở. Phối hợp với các sở, ban, "
                "ngành trong tỉnh đẩy mạnh và đổi mới các phong trào thi đua thiết thực, hiệu quả, bám "
                "sát nhiệm vụ chính trị được giao, hướng phong trào thi đua thực hiện các nhiệm vụ, đề "
                "án trọng tâm, góp phần thực hiện thắng lợi các nhiệm vụ phát triển kinh tế - xã hội "
                "của tỉnh; gắn với các phong trào thi đua chuyên đề nhân kỷ niệm 76 năm Ngày Bác Hồ ra "
                "Lời kêu gọi thi đua ái quốc; chỉ đạo tổ chức thực hiện có hiệu quả các nội dung thi "
                "đua của UBND tỉnh về triển khai thực hiện nhiệm vụ quản lý Nhà nước về thi đua, khen "
                "thưởng năm 2024.",
            ),
            Node(
                "Chỉ đạo đẩy mạnh tuyên truyền các phong trào thi đua",
                key="propaganda",
                is_task=True,
                body="- Đẩy mạnh công tác thông tin tuyên truyền, phát hiện, bồi dưỡng và nhân rộng "
                "điển hình tiên tiến, các mô hình mới, nhân tố mới.\n"
                "- Tiếp tục thực hiện có hiệu quả tuyên truyền công tác thi đua, khen thưởng trên "
                "website của Sở, trang Facebook Ngoại vụ Bình Phước nhằm đẩy mạnh công tác tuyên "
                "truyền tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh, chủ trương của Đảng, chính "
                "sách và pháp luật của Nhà nước về thi đua, khen thưởng. Biểu dương, tôn vinh, nhân "
                "rộng điển hình tiên tiến trong các phong trào thi đua, gương người tốt, việc tốt trên "
                "các lĩnh vực của đời sống xã hội.\n"
                "- Phối hợp các sở, ban, ngành trong tỉnh triển khai có hiệu quả công tác xây dựng và "
                "nhân rộng mô hình điển hình tiên tiến của giai đoạn 2020 – 2025.",
            ),
            Node(
                "Chỉ đạo thực hiện tốt công tác khen thưởng:",
                key="awards",
                is_task=True,
                content="Chỉ đạo thực hiện công tác khen thưởng đảm bảo đúng quy định và kịp thời; "
                "tạo sự chuyển biến mạnh mẽ trong việc khen thưởng cho người lao động trực tiếp lao "
                "động; khen thưởng thành tích đột xuất; khen thưởng thông qua phát hiện các tập thể, "
                "cá nhân tiêu biểu trong các phong trào thi đua yêu nước.",
                lead=CHAIR_TEXT,
            ),
            Node(
                "Tham mưu Giám đốc Sở triển khai thực hiện một số nội dung trọng tâm của Hội đồng "
                "năm 2024. Cụ thể:",
                numbering=Numbering.DOTTED,
                children=(
                    Node(
                        "Tiếp tục triển khai thực hiện có hiệu quả 04 phong trào thi đua do Thủ "
                        "tướng Chính phủ phát động gồm: Phong trào thi đua “Doanh nghiệp Việt Nam "
                        "hội nhập và phát triển”; Phong trào “Vì người nghèo - Không ai bị bỏ lại "
                        "phía sau”; Phong trào “Cả nước chung sức xây dựng nông thôn mới”; Phong "
                        "trào “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” năm "
                        "2024 đến toàn thể công chức và người lao động tại Sở, tiếp tục phấn đấu "
                        "hoàn thành các nội dung, chỉ tiêu thi đua do Chính phủ phát động góp phần "
                        "phát triển kinh tế - xã hội, bảo đảm an sinh xã hội.",
                        key="pm",
                        is_task=True,
                    ),
                    Node(
                        "Thực hiện các phong trào thi đua do UBND tỉnh phát động: phát động phong "
                        "trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, quốc "
                        "phòng, an ninh năm 2024; phong trào thi đua “Toàn dân bảo vệ an ninh Tổ "
                        "quốc năm 2024”; phong trào thi đua “Cán bộ, công chức thi đua thực hiện văn "
                        "hóa công sở; phong trào thi đua tăng cường chấp hành kỷ luật, kỷ cương hành "
                        "chính năm 2024; phong trào thi đua “Toàn dân đoàn kết xây dựng đời sống văn "
                        "hóa” và Cuộc vận động “Người Bình Phước nói lời hay, làm việc tốt” năm 2024; "
                        "phong trào thi đua bảo đảm trật tự an toàn giao thông năm 2024 của Sở Ngoại vụ",
                        key="province",
                        timing="Tổ chức hàng quý.",
                        content="triển khai các nội dung thi đua theo yêu cầu của UBND tỉnh.",
                        lead="Thường trực Hội đồng TĐ-KT Sở (Văn phòng Sở).",
                        field_order="timing,content,lead",
                        is_task=True,
                        lead_unit=OFFICE,
                        schedule=ScheduleKind.QUARTERLY,
                    ),
                ),
            ),
        ),
    ),
    Node(
        "TỔ CHỨC THỰC HIỆN",
        kind=ItemKind.SECTION,
        children=(
            Node(
                "Các thành viên Hội đồng triển khai thực hiện các nhiệm vụ được giao theo Kế hoạch."
            ),
            Node(
                "Trên cơ sở Kế hoạch này và chức năng, nhiệm vụ được phân công, các Phòng nghiệp vụ "
                "tổ chức triển khai thực hiện đảm bảo phù hợp, chất lượng, hiệu quả."
            ),
            Node(
                "Văn phòng Sở (Thường trực Hội đồng) chủ trì, phối hợp với các Phòng nghiệp vụ tham "
                "mưu tổ chức triển khai kế hoạch và thực hiện các nhiệm vụ được giao theo quy định./."
            ),
        ),
    ),
)


@dataclass(frozen=True)
class CampaignSpec:
    name: str
    launcher: Launcher
    item: str
    kind: CampaignKind | None = None
    cadence: Cadence | None = None
    lead_unit: str = ""
    lead_text: str = ""
    criteria: str = ""


_PROVINCE_CRITERIA = "triển khai các nội dung thi đua theo yêu cầu của UBND tỉnh."
_Q = {"cadence": Cadence.QUARTERLY, "lead_unit": OFFICE, "lead_text": STANDING_TEXT.rstrip(".")}

CAMPAIGNS: tuple[CampaignSpec, ...] = (
    CampaignSpec("Phong trào thi đua yêu nước tại Sở", Launcher.DEPARTMENT, "launch"),
    CampaignSpec(
        "Phong trào thi đua chuyên đề nhân kỷ niệm 76 năm Ngày Bác Hồ ra Lời kêu gọi thi đua ái quốc",
        Launcher.DEPARTMENT,
        "launch",
        kind=CampaignKind.THEMATIC,
    ),
    CampaignSpec(
        "Phong trào thi đua “Doanh nghiệp Việt Nam hội nhập và phát triển”",
        Launcher.PRIME_MINISTER,
        "pm",
    ),
    CampaignSpec(
        "Phong trào “Vì người nghèo - Không ai bị bỏ lại phía sau”", Launcher.PRIME_MINISTER, "pm"
    ),
    CampaignSpec(
        "Phong trào “Cả nước chung sức xây dựng nông thôn mới”", Launcher.PRIME_MINISTER, "pm"
    ),
    CampaignSpec(
        "Phong trào “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”",
        Launcher.PRIME_MINISTER,
        "pm",
    ),
    *(
        CampaignSpec(name, Launcher.PROVINCE, "province", criteria=_PROVINCE_CRITERIA, **_Q)  # type: ignore[arg-type]
        for name in (
            "Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, "
            "an ninh năm 2024",
            "Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc năm 2024”",
            "Phong trào thi đua “Cán bộ, công chức thi đua thực hiện văn hóa công sở”",
            "Phong trào thi đua tăng cường chấp hành kỷ luật, kỷ cương hành chính năm 2024",
            "Phong trào thi đua “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
            "Cuộc vận động “Người Bình Phước nói lời hay, làm việc tốt” năm 2024",
        )
    ),
    CampaignSpec(
        "Phong trào thi đua bảo đảm trật tự an toàn giao thông năm 2024 của Sở Ngoại vụ",
        Launcher.DEPARTMENT,
        "province",
        **_Q,  # type: ignore[arg-type]
    ),
)

PERIODIC_MONTHS = (3, 6, 12)


def load_sample_year() -> int:
    """Write the sample year into the open database; returns the plan's id."""
    if Plan.get_or_none(Plan.year == YEAR) is not None:
        raise ValidationError(f"Cơ sở dữ liệu đã có kế hoạch năm {YEAR}; không nạp lại năm mẫu.")
    with records.transaction():
        if not agency.is_configured():
            agency.save_details(SAMPLE_AGENCY, valid_from=date(YEAR, 1, 1))
        units = _units()
        director = _director(units[BOARD])
        _council(units[OFFICE], director)
        plan = records.create(
            Plan,
            year=YEAR,
            doc_type="KẾ HOẠCH",
            title=PLAN_TITLE,
            recipients=RECIPIENTS,
            signer_title="GIÁM ĐỐC",
            signer_name=director.full_name,
        )
        keyed: dict[str, PlanItem] = {}
        _items(plan, None, PLAN, units, keyed)
        _meetings(keyed["periodic"], director)
        _campaigns(keyed, units)
    return int(plan.id)


def _units() -> dict[str, Unit]:
    found: dict[str, Unit] = {}
    for position, (name, kind) in enumerate(
        ((BOARD, UnitKind.BOARD), (OFFICE, UnitKind.OFFICE), (PROVINCE_BOARD, UnitKind.EXTERNAL))
    ):
        unit = Unit.get_or_none(Unit.name == name) or records.create(
            Unit, name=name, kind=kind, position=position
        )
        found[name] = unit
    return found


def _director(board: Unit) -> Person:
    from app import people

    family, middle, given = DIRECTOR
    existing = Person.get_or_none(
        (Person.family_name == family)
        & (Person.middle_name == middle)
        & (Person.given_name == given)
    )
    if existing is not None:
        return existing
    return people.create_person(
        people.PersonInput(
            family_name=family,
            middle_name=middle,
            given_name=given,
            position="Giám đốc Sở",
            rank_group=RankGroup.DEPT_LEADER,
            unit_id=board.id,
        )
    )


def _council(office: Unit, director: Person) -> None:
    council = Council.select().first() or records.create(
        Council, name="Hội đồng Thi đua - Khen thưởng Sở Ngoại vụ", standing_unit=office
    )
    if council.standing_unit_id is None:
        records.update(council, standing_unit=office)
    if not CouncilMember.select().where(CouncilMember.person == director).exists():
        records.create(CouncilMember, council=council, person=director, role=CouncilRole.CHAIR)


def _items(
    plan: Plan,
    parent: PlanItem | None,
    nodes: tuple[Node, ...],
    units: dict[str, Unit],
    keyed: dict[str, PlanItem],
) -> None:
    for position, node in enumerate(nodes):
        item = records.create(
            PlanItem,
            plan=plan,
            parent=parent,
            position=position,
            kind=node.kind,
            child_numbering=node.numbering,
            title=node.title,
            body=node.body,
            content=node.content,
            lead_text=node.lead,
            timing_text=node.timing,
            field_order=node.field_order,
            is_task=node.is_task,
            lead_unit=units[node.lead_unit] if node.lead_unit else None,
            schedule_kind=node.schedule,
            schedule_months=node.months,
        )
        if node.key:
            keyed[node.key] = item
        _items(plan, item, node.children, units, keyed)


def _meetings(task: PlanItem, director: Person) -> None:
    for month in PERIODIC_MONTHS:
        records.create(
            Meeting,
            year=YEAR,
            month=month,
            title=f"Phiên họp định kỳ tháng {month:02d} năm {YEAR} của Hội đồng Thi đua - Khen thưởng Sở",
            kind=MeetingKind.PERIODIC,
            status=MeetingStatus.PLANNED,
            chair=director,
            chair_text=CHAIR_TEXT.rstrip("."),
            plan_item=task,
        )


def _campaigns(keyed: dict[str, PlanItem], units: dict[str, Unit]) -> None:
    for spec in CAMPAIGNS:
        records.create(
            Campaign,
            year=YEAR,
            name=spec.name,
            launcher=spec.launcher,
            kind=spec.kind,
            cadence=spec.cadence,
            lead_unit=units[spec.lead_unit] if spec.lead_unit else None,
            lead_text=spec.lead_text,
            criteria=spec.criteria,
            status=CampaignStatus.ACTIVE,
            plan_item=keyed[spec.item],
        )
