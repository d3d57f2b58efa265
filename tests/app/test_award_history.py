"""History of titles and awards, and who may be proposed for what next year (from the rules)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import peewee as pw
import pytest
from openpyxl import load_workbook

from app import award_history as ah
from app import people, records
from app.errors import NotFound
from app.vntext import split_name
from db.enums import Discipline, ProposalStatus, Rating, RecipientKind, Severity
from db.models import AwardRule, AwardType, Decision, Evaluation, Person, Proposal, Unit


def award(code: str) -> AwardType:
    return AwardType.get(AwardType.code == code)


def grant(
    who: Person | Unit,
    code: str,
    year: int,
    decision: Decision | None = None,
    status: ProposalStatus = ProposalStatus.GRANTED,
) -> Proposal:
    recipient = {"person": who} if isinstance(who, Person) else {"unit": who}
    return records.create(
        Proposal, year=year, award_type=award(code), status=status, decision=decision, **recipient
    )


def rate(person: Person, year: int, rating: Rating, initiative: str = "") -> None:
    records.create(Evaluation, year=year, person=person, rating=rating, initiative=initiative)


@pytest.fixture
def office(db: pw.SqliteDatabase) -> Unit:
    return people.create_unit(people.UnitInput("Văn phòng"))


def person(name: str, unit: Unit) -> Person:
    return people.create_person(people.PersonInput(*split_name(name), unit_id=unit.id))


def codes(history: ah.History) -> list[str]:
    return [s.award_code for s in history.suggestions]


def test_a_persons_years_show_granted_titles_decisions_and_ratings(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    decision = records.create(
        Decision, number="12", symbol="QĐ-SNgV", signed_on=date(2024, 1, 8), authority="Giám đốc Sở"
    )
    grant(an, "LDTT", 2023, decision)
    grant(an, "GK_SO", 2023)
    grant(an, "CSTDCS", 2024, status=ProposalStatus.PASSED)  # not granted: not history
    rate(an, 2023, Rating.GOOD)
    rate(an, 2024, Rating.EXCELLENT, initiative="Số hóa hồ sơ lãnh sự")
    records.create(Evaluation, year=2021, person=an, discipline=Discipline.REPRIMAND)
    history = ah.person_history(an.id, 2024)
    assert history.name == "Nguyễn Văn An" and history.unit_name == "Văn phòng"
    assert [y.year for y in history.years] == [2024, 2023, 2021]
    assert history.years[2].discipline is Discipline.REPRIMAND and history.years[2].rating is None
    latest, earlier = history.years[:2]
    assert latest.awards == () and latest.rating is Rating.EXCELLENT
    assert latest.initiative == "Số hóa hồ sơ lãnh sự"
    assert earlier.titles_text == "Lao động tiên tiến"
    assert earlier.forms_text == "Giấy khen của Giám đốc Sở"
    assert earlier.decisions_text == "Quyết định số 12/QĐ-SNgV ngày 08/01/2024"
    with pytest.raises(NotFound):
        ah.person_history(9999, 2024)


def test_ldtt_this_year_may_lead_to_cstdcs_next_year(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    grant(an, "LDTT", 2024)
    rate(an, 2024, Rating.EXCELLENT)
    history = ah.person_history(an.id, 2024)
    assert history.next_year == 2025
    (suggestion,) = history.suggestions
    assert suggestion.award_name == "Chiến sĩ thi đua cơ sở"
    assert suggestion.basis == (
        "Lao động tiên tiến năm 2024; năm 2024 hoàn thành xuất sắc nhiệm vụ"
    )
    assert suggestion.condition == (
        "Đạt Lao động tiên tiến năm 2025 và có một trong: hoàn thành xuất sắc nhiệm vụ, "
        "sáng kiến được công nhận, đề tài khoa học được nghiệm thu"
    )
    assert "Điều 23" in suggestion.legal_basis
    assert codes(ah.person_history(an.id, 2023)) == []  # nothing held in 2023


def test_two_consecutive_cstdcs_point_to_cstd_tinh_with_the_third(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    for year in (2022, 2023, 2024):
        grant(an, "LDTT", year)
    grant(an, "CSTDCS", 2021)  # broken by 2022: not part of the streak
    grant(an, "CSTDCS", 2023)
    grant(an, "CSTDCS", 2024)
    suggestion = next(
        s for s in ah.person_history(an.id, 2024).suggestions if s.award_code == "CSTD_TINH"
    )
    assert suggestion.basis == "Chiến sĩ thi đua cơ sở 2023, 2024 (2 năm liên tục)"
    assert suggestion.condition == (
        "Đạt Chiến sĩ thi đua cơ sở năm 2025 (lần thứ 3 liên tục) và có sáng kiến, đề tài có "
        "hiệu quả, phạm vi ảnh hưởng cấp tỉnh"
    )
    assert "CSTD_TINH" not in codes(ah.person_history(an.id, 2023))  # one CSTĐCS by then


def test_the_numbers_come_from_the_rule_in_force(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    grant(an, "LDTT", 2024)
    grant(an, "CSTDCS", 2024)
    assert "CSTD_TINH" not in codes(ah.person_history(an.id, 2024))
    old = AwardRule.get(AwardRule.rule_code == "cstd_tinh_criteria")
    params = json.loads(old.params) | {"consecutive_years": 2}
    records.create(
        AwardRule,
        award_type=old.award_type,
        rule_code=old.rule_code,
        title=old.title,
        effective_from=date(2025, 1, 1),
        severity=Severity.WARN,
        params=json.dumps(params),
        is_custom=True,
    )
    suggestion = next(
        s for s in ah.person_history(an.id, 2024).suggestions if s.award_code == "CSTD_TINH"
    )
    assert "lần thứ 2 liên tục" in suggestion.condition
    assert "CSTD_TINH" not in codes(ah.person_history(an.id, 2023))  # 2024's rule: the old one
    cstdcs = AwardRule.get(AwardRule.rule_code == "cstdcs_criteria")
    records.update(cstdcs, severity=Severity.OFF)
    assert "CSTDCS" not in codes(ah.person_history(an.id, 2024))


def test_bang_khen_of_the_prime_minister_after_years_of_good_work(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    grant(an, "BK_TINH", 2020)
    for year in (2021, 2022, 2023, 2024):
        rate(an, year, Rating.GOOD)
    grant(an, "CSTDCS", 2022)
    grant(an, "CSTDCS", 2024)
    suggestion = next(
        s for s in ah.person_history(an.id, 2024).suggestions if s.award_code == "BK_TTG"
    )
    assert suggestion.basis == (
        "Bằng khen của Chủ tịch UBND tỉnh năm 2020; 4 năm liên tục hoàn thành tốt nhiệm vụ trở "
        "lên (2021, 2022, 2023, 2024); Chiến sĩ thi đua cơ sở: 2022, 2024"
    )
    assert suggestion.condition == (
        "Năm 2025 hoàn thành tốt nhiệm vụ trở lên và đạt Chiến sĩ thi đua cơ sở (lần thứ 3)"
    )
    records.update(Evaluation.get(Evaluation.year == 2022), rating=Rating.COMPLETED)
    assert "BK_TTG" not in codes(ah.person_history(an.id, 2024))  # the run of good years broke


def test_two_provincial_titles_in_a_row_lead_to_the_national_one(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    grant(an, "CSTD_TINH", 2021)
    grant(an, "CSTD_TINH", 2024)
    suggestion = next(
        s for s in ah.person_history(an.id, 2024).suggestions if s.award_code == "CSTD_TQ"
    )
    assert suggestion.basis == "Chiến sĩ thi đua cấp tỉnh 2021, 2024 (2 lần liên tục)"
    assert "phạm vi ảnh hưởng toàn quốc" in suggestion.condition


def test_a_unit_with_ttldtt_may_aim_for_ttldxs_with_its_staff_counted(office: Unit) -> None:
    staff = [person(n, office) for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
    for p in staff[:2]:
        grant(p, "LDTT", 2024)
    grant(staff[0], "CSTDCS", 2024)
    grant(office, "TTLDTT", 2024)
    history = ah.unit_history(office.id, 2024)
    assert history.recipient_kind is RecipientKind.COLLECTIVE
    assert history.years[0].titles_text == "Tập thể lao động tiên tiến"
    (suggestion,) = history.suggestions
    assert suggestion.award_name == "Tập thể lao động xuất sắc"
    assert suggestion.basis == (
        "Tập thể lao động tiên tiến năm 2024; năm 2024: 2/3 thành viên đạt Lao động tiên tiến "
        "(66%), 1 Chiến sĩ thi đua cơ sở"
    )
    assert "từ 70% đạt Lao động tiên tiến" in suggestion.condition


def test_the_agency_wide_list_and_its_workbook(office: Unit) -> None:
    an, binh = person("Nguyễn Văn An", office), person("Trần Thị Bình", office)
    person("Lê Văn Cường", office)  # nothing held: not listed
    grant(an, "LDTT", 2024)
    grant(binh, "LDTT", 2024)
    grant(binh, "CSTDCS", 2023)
    grant(binh, "CSTDCS", 2024)
    grant(office, "TTLDTT", 2024)
    rows = ah.eligible_rows(2024)
    assert [(r.name, r.award_code) for r in rows] == [
        ("Nguyễn Văn An", "CSTDCS"),  # given names in Vietnamese order: An before Bình
        ("Trần Thị Bình", "CSTDCS"),
        ("Trần Thị Bình", "CSTD_TINH"),
        ("Văn phòng", "TTLDXS"),
    ]
    sheet = load_workbook(io.BytesIO(ah.eligible_xlsx(2024))).active
    assert sheet.title == "Đủ điều kiện đề nghị 2025"
    assert [c.value for c in sheet[1]][:5] == [
        "STT",
        "Đối tượng",
        "Họ và tên / Tên tập thể",
        "Đơn vị",
        "Có thể đề nghị",
    ]
    assert [sheet.cell(row=i, column=3).value for i in range(2, 6)] == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Trần Thị Bình",
        "Văn phòng",
    ]
    assert sheet["A2"].value == 1 and sheet["E4"].value == "Chiến sĩ thi đua cấp tỉnh"


def test_recipients_to_pick_are_people_and_the_agencys_units(office: Unit) -> None:
    person("Nguyễn Văn An", office)
    rows = ah.recipients()
    assert [(r.recipient_kind, r.name, r.unit_name) for r in rows] == [
        (RecipientKind.INDIVIDUAL, "Nguyễn Văn An", "Văn phòng"),
        (RecipientKind.COLLECTIVE, "Văn phòng", ""),
    ]
    assert rows[0].search_key == "nguyen van an | van phong"


def test_the_command_line_exports_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main
    from app.session import close_app_database, open_app_database

    path = tmp_path / "tdkt.sqlite"
    database, _ = open_app_database(path)
    try:
        unit = people.create_unit(people.UnitInput("Văn phòng"))
        grant(person("Nguyễn Văn An", unit), "LDTT", 2024)
    finally:
        close_app_database(database)
    out = tmp_path / "du-dieu-kien.xlsx"
    args = ["export", "eligible", "--year", "2024", "--out", str(out), "--db", str(path)]
    assert main.main(args) == 0
    assert "1 gợi ý đề nghị năm 2025" in capsys.readouterr().out
    sheet = load_workbook(out).active
    assert (sheet["C2"].value, sheet["E2"].value) == ("Nguyễn Văn An", "Chiến sĩ thi đua cơ sở")
    assert main.main(["export", "eligible", "--out", str(out), "--db", str(path)]) == 2
    assert "cần --year" in capsys.readouterr().err


def test_drafts_are_made_from_chosen_suggestions_once(office: Unit) -> None:
    from db.models import ProposalEvent

    an, binh = person("Nguyễn Văn An", office), person("Trần Thị Bình", office)
    grant(an, "LDTT", 2024)
    grant(binh, "LDTT", 2024)
    grant(binh, "CSTDCS", 2025, status=ProposalStatus.DRAFT)  # already proposed for 2025
    rows = ah.eligible_rows(2024)
    result = ah.propose_from(rows, 2024)
    assert result.skipped == ["Trần Thị Bình — Chiến sĩ thi đua cơ sở"]
    (created,) = [Proposal.get_by_id(i) for i in result.created]
    assert (created.person_id, created.award_type.code, created.year) == (an.id, "CSTDCS", 2025)
    assert created.status is ProposalStatus.DRAFT
    assert ProposalEvent.get(ProposalEvent.proposal == created).note == (
        "Lập từ danh sách đủ điều kiện đề nghị năm 2025: Lao động tiên tiến năm 2024"
    )
    assert ah.propose_from(rows, 2024).created == []  # nothing twice


def test_a_commendation_form_is_not_drafted_without_its_achievement(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    grant(an, "BK_TINH", 2020)
    for year in range(2021, 2025):
        grant(an, "LDTT", year)
    for year in (2022, 2023, 2024):
        grant(an, "CSTDCS", year)
    rows = [r for r in ah.eligible_rows(2024) if r.award_code in ("BK_TTG", "CSTDCS")]
    assert [r.award_code for r in rows] == ["CSTDCS", "BK_TTG"]
    result = ah.propose_from(rows, 2024)
    assert [Proposal.get_by_id(i).award_type.code for i in result.created] == ["CSTDCS"]
    assert result.need_achievements == ["Nguyễn Văn An — Bằng khen của Thủ tướng Chính phủ"]


def test_excellent_years_with_cstdcs_point_to_the_provincial_bang_khen(office: Unit) -> None:
    an = person("Nguyễn Văn An", office)
    rate(an, 2023, Rating.EXCELLENT)
    rate(an, 2024, Rating.EXCELLENT)
    grant(an, "CSTDCS", 2024)
    suggestion = next(
        s for s in ah.person_history(an.id, 2024).suggestions if s.award_code == "BK_TINH"
    )
    assert suggestion.award_name == "Bằng khen của Chủ tịch UBND tỉnh"
    assert suggestion.basis == (
        "Hoàn thành xuất sắc nhiệm vụ 2024; Chiến sĩ thi đua cơ sở: 2024 (điểm d)"
    )
    assert suggestion.condition == (
        "Năm 2025 hoàn thành xuất sắc nhiệm vụ (2 năm liên tục) và đạt Chiến sĩ thi đua cơ sở "
        "(lần thứ 2 trong 2 năm)"
    )
    assert suggestion.rule_code == "bk_tinh_criteria"
    assert suggestion.legal_basis.startswith("Khoản 1 Điều 74")
    assert suggestion.confidence == "[?]"


def test_no_provincial_bang_khen_without_the_grounds(office: Unit) -> None:
    an, binh, chi = (person(n, office) for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Chí"))
    rate(an, 2024, Rating.GOOD)  # not excellent
    grant(an, "CSTDCS", 2024)
    rate(binh, 2024, Rating.EXCELLENT)  # excellent, but no CSTĐCS in the run
    rate(chi, 2023, Rating.EXCELLENT)
    rate(chi, 2024, Rating.EXCELLENT)
    grant(chi, "CSTDCS", 2024)
    grant(chi, "BK_TINH", 2024)  # just received: a new run starts after it
    for who in (an, binh, chi):
        assert "BK_TINH" not in codes(ah.person_history(who.id, 2024))


def test_the_provincial_bang_khen_follows_the_agencys_point_d(office: Unit) -> None:
    from app import eligibility

    an = person("Nguyễn Văn An", office)
    rate(an, 2024, Rating.EXCELLENT)
    assert "BK_TINH" not in codes(ah.person_history(an.id, 2024))  # 2 CSTĐCS by default
    eligibility.set_bk_tinh_route(2, 0, date(2025, 1, 1))  # the province asks for none
    suggestion = next(
        s for s in ah.person_history(an.id, 2024).suggestions if s.award_code == "BK_TINH"
    )
    assert suggestion.condition == "Năm 2025 hoàn thành xuất sắc nhiệm vụ (2 năm liên tục)"
    assert suggestion.basis == "Hoàn thành xuất sắc nhiệm vụ 2024 (điểm d)"
