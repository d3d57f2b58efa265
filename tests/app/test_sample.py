"""The sample year holds the whole real 2024 plan, and nothing the document does not say."""

from __future__ import annotations

import peewee as pw
import pytest

from app import plan, sample
from app.errors import ValidationError
from db.enums import Cadence, CampaignKind, CouncilRole, Launcher, MeetingKind, ScheduleKind
from db.models import Campaign, Council, CouncilMember, Meeting, Person, Plan, Unit


def test_every_line_of_the_seed_is_in_the_records_in_order(
    sample_db: pw.SqliteDatabase, seed_lines: list[str]
) -> None:
    doc = plan.load_plan(2024)
    assert doc is not None
    rendered = plan.plan_lines(doc)
    position = 0
    missing = []
    for line in seed_lines:
        try:
            position = rendered.index(line, position) + 1
        except ValueError:
            missing.append(line)
    assert missing == []
    assert len(rendered) == len(seed_lines)  # and nothing extra


def test_the_check_would_catch_a_missing_line(
    sample_db: pw.SqliteDatabase, seed_lines: list[str]
) -> None:
    doc = plan.load_plan(2024)
    assert doc is not None
    rendered = plan.plan_lines(doc)
    rendered.remove("- Thời gian thực hiện: Tổ chức hàng quý.")
    assert "- Thời gian thực hiện: Tổ chức hàng quý." in seed_lines
    assert "- Thời gian thực hiện: Tổ chức hàng quý." not in rendered


def test_the_seed_copy_matches_the_shared_seed() -> None:
    from tests.conftest import SEED_FILE, SHARED_SEED_FILE

    if not SHARED_SEED_FILE.exists():
        pytest.skip("../shared/seed is not beside this checkout; the copy in tests/data is used")
    assert SEED_FILE.read_bytes() == SHARED_SEED_FILE.read_bytes()


def test_plan_header_and_numbering(sample_db: pw.SqliteDatabase) -> None:
    doc = plan.load_plan(2024)
    assert doc is not None
    assert doc.number == "" and doc.issued_on is None  # the seed gives neither
    assert doc.signer_title == "GIÁM ĐỐC" and doc.signer_name == "Phạm Thị Anh Thư"
    paths = [row.path for row in doc.items]
    assert paths[:7] == ["I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b"]
    assert "II.5.2" in paths and paths[-1] == "III.3"
    labels = {row.path: row.label for row in doc.items}
    assert labels["II.5.1"] == "5.1." and labels["II.1.b"] == "b)" and labels["III"] == "III."
    periodic = next(r for r in doc.items if r.path == "II.1.a")
    assert periodic.schedule_kind is ScheduleKind.MONTHS and periodic.schedule_months == (3, 6, 12)
    province = next(r for r in doc.items if r.path == "II.5.2")
    assert province.schedule_kind is ScheduleKind.QUARTERLY and province.lead_unit == "Văn phòng Sở"


def test_periodic_meetings_march_june_december_chaired_by_the_director(
    sample_db: pw.SqliteDatabase,
) -> None:
    meetings = list(Meeting.select().order_by(Meeting.month))
    assert [(m.year, m.month, m.kind) for m in meetings] == [
        (2024, 3, MeetingKind.PERIODIC),
        (2024, 6, MeetingKind.PERIODIC),
        (2024, 12, MeetingKind.PERIODIC),
    ]
    assert {m.chair.full_name for m in meetings} == {"Phạm Thị Anh Thư"}
    assert all(m.held_on is None for m in meetings)  # the plan names months, not days


def test_campaigns_carry_their_launcher_and_cadence(sample_db: pw.SqliteDatabase) -> None:
    by_launcher: dict[Launcher, list[Campaign]] = {}
    for c in Campaign.select():
        by_launcher.setdefault(c.launcher, []).append(c)
    assert len(by_launcher[Launcher.PRIME_MINISTER]) == 4
    assert len(by_launcher[Launcher.PROVINCE]) == 6
    assert all(c.cadence is None for c in by_launcher[Launcher.PRIME_MINISTER])
    assert all(c.cadence is Cadence.QUARTERLY for c in by_launcher[Launcher.PROVINCE])
    department = {c.name: c for c in by_launcher[Launcher.DEPARTMENT]}
    traffic = department[
        "Phong trào thi đua bảo đảm trật tự an toàn giao thông năm 2024 của Sở Ngoại vụ"
    ]
    assert traffic.cadence is Cadence.QUARTERLY
    thematic = [c for c in department.values() if "76 năm" in c.name]
    assert len(thematic) == 1 and thematic[0].kind is CampaignKind.THEMATIC
    assert Campaign.select().where(Campaign.plan_item.is_null()).count() == 0


def test_council_units_and_agency(sample_db: pw.SqliteDatabase) -> None:
    council = Council.get()
    assert council.standing_unit.name == "Văn phòng Sở"
    chair = CouncilMember.get(CouncilMember.role == CouncilRole.CHAIR)
    assert chair.person.full_name == "Phạm Thị Anh Thư"
    assert {u.name for u in Unit.select()} == {
        "Ban Giám đốc",
        "Văn phòng Sở",
        "Ban Thi đua, Khen thưởng tỉnh",
    }
    assert Person.select().count() == 1
    from app import agency

    details = agency.details_on()
    assert (
        details is not None
        and details.agency_name == "SỞ NGOẠI VỤ"
        and details.abbreviation == "SNgV"
    )


def test_loading_the_sample_twice_is_refused_and_changes_nothing(
    sample_db: pw.SqliteDatabase,
) -> None:
    count = Plan.select().count()
    with pytest.raises(ValidationError):
        sample.load_sample_year()
    assert Plan.select().count() == count
