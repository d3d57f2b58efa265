"""Eligibility: each rule fires when it should and stays quiet when it should not; the rule in
force on the review date applies; warnings are overridden with a recorded reason."""

from __future__ import annotations

from datetime import date

import peewee as pw
import pytest

from app import decisions, eligibility, proposals
from app.decisions import DecisionInput
from app.errors import ValidationError
from app.proposals import ProposalInput, transition
from db.enums import Discipline, ProposalStatus, Rating, RecipientKind, Severity
from db.models import AwardRule, AwardType, Evaluation, Person, ProposalEvent
from tests.staff_gen import Staff, award_id, evaluate, evaluate_unit, generate_staff, register

S = ProposalStatus
ON = date(2024, 12, 10)


@pytest.fixture
def staff(sample_db: pw.SqliteDatabase) -> Staff:
    return generate_staff(2024, per_unit=4)


def pid_of(staff: Staff, i: int = 0) -> int:
    return list(staff.people.values())[i]


def inp(
    code: str, person: int | None = None, unit: int | None = None, **kw: object
) -> ProposalInput:
    kind = RecipientKind.INDIVIDUAL if person else RecipientKind.COLLECTIVE
    return ProposalInput(
        kw.pop("year", 2024),  # type: ignore[arg-type]
        award_id(code),
        recipient_kind=kind,
        person_id=person,
        unit_id=unit,
        **kw,  # type: ignore[arg-type]
    )


def codes(findings: list[eligibility.Finding]) -> list[str]:
    return sorted(f.rule_code for f in findings)


def granted(code: str, person: int, year: int) -> int:
    data = inp(code, person, year=year, achievements=f"Thành tích năm {year}")
    pid = proposals.create_proposal(data, on=date(year, 11, 1)).id
    for status in (S.BEFORE_COUNCIL, S.PASSED):
        transition(pid, status, on=date(year, 12, 1))
    authority = AwardType.get_by_id(award_id(code)).granting_authority
    decision = DecisionInput(str(pid), "QĐ", date(year, 12, 20), authority)
    decisions.create_decision(decision, [pid])  # granted through its decision
    return pid


def test_ldtt_registered_and_rated_good_has_no_finding(staff: Staff) -> None:
    register(2024, "LDTT", person=pid_of(staff))
    assert eligibility.check_input(inp("LDTT", pid_of(staff)), ON) == []


def test_not_registered_warns_naming_the_rule_and_its_basis(staff: Staff) -> None:
    [finding] = eligibility.check_input(inp("LDTT", pid_of(staff)), ON)
    assert finding.rule_code == "registration_required"
    assert finding.severity is Severity.WARN
    assert "chưa đăng ký thi đua năm 2024" in finding.message
    assert "Quy định: Cá nhân, tập thể đề nghị xét tặng danh hiệu phải đăng ký" in finding.message
    assert "Hướng dẫn công tác thi đua" in finding.message


def test_a_registration_for_a_higher_title_covers_a_lower_one(staff: Staff) -> None:
    register(2024, "CSTDCS", person=pid_of(staff))
    assert "registration_required" not in codes(
        eligibility.check_input(inp("LDTT", pid_of(staff)), ON)
    )


def test_ldtt_rating_and_months_and_discipline(staff: Staff) -> None:
    person = pid_of(staff)
    register(2024, "LDTT", person=person)
    evaluate(person, 2024, Rating.COMPLETED, discipline=Discipline.REPRIMAND)
    found = eligibility.check_input(inp("LDTT", person), ON)
    assert codes(found) == ["ldtt_criteria", "ldtt_exclusions"]
    criteria = next(f for f in found if f.rule_code == "ldtt_criteria")
    assert criteria.blocking and "Hoàn thành nhiệm vụ" in criteria.message
    assert "Điều 24 Luật Thi đua, khen thưởng số 06/2022/QH15" in criteria.message
    Person.update(hired_on=date(2024, 9, 1)).where(Person.id == person).execute()
    evaluate(person, 2024, Rating.GOOD)
    [months] = eligibility.check_input(inp("LDTT", person), ON)
    assert "chưa đủ 6 tháng" in months.message


def test_a_missing_rating_warns_and_says_how_to_record_it(staff: Staff) -> None:
    """An office that has not typed its ratings in yet is warned, not blocked; a rating
    recorded that fails the rule blocks."""
    person = pid_of(staff)
    register(2024, "LDTT", person=person)
    Evaluation.delete().where(Evaluation.person == person).execute()  # nothing recorded
    [missing] = eligibility.check_input(inp("LDTT", person), ON)
    assert missing.rule_code == "ldtt_criteria" and missing.severity is Severity.WARN
    assert "Chưa ghi kết quả xếp loại chất lượng năm 2024" in missing.message
    assert "Lịch sử khen thưởng" in missing.message and "Ghi kết quả năm 2024…" in missing.message
    assert "Điều 24 Luật Thi đua, khen thưởng" in missing.message
    evaluate(person, 2024, None)  # a row with no rating is nothing recorded either
    [again] = eligibility.check_input(inp("LDTT", person), ON)
    assert again.severity is Severity.WARN and "Chưa ghi kết quả" in again.message
    pid = proposals.create_proposal(inp("LDTT", person)).id
    eligibility.override(pid, "ldtt_criteria", "Phòng đã xếp loại, chưa nhập vào máy", ON)
    assert eligibility.open_findings(eligibility.check_proposal(pid, ON)) == []
    eligibility.submit_to_council(pid, ON)  # a warning does not hold it back
    evaluate(person, 2024, Rating.COMPLETED)  # then recorded, and short of the rule: blocks
    [short] = eligibility.check_proposal(pid, ON)
    assert short.blocking and not short.overridden and "Hoàn thành nhiệm vụ" in short.message


def test_a_missing_rating_leaves_the_cstdcs_ground_to_a_warning(staff: Staff) -> None:
    person = pid_of(staff)
    register(2024, "CSTDCS", person=person)
    proposals.create_proposal(inp("LDTT", person))
    evaluate(person, 2024, None)
    [ground] = eligibility.check_input(inp("CSTDCS", person), ON)
    assert ground.rule_code == "cstdcs_criteria" and not ground.blocking
    assert "Ghi kết quả năm 2024…" in ground.message and "Điều 23" in ground.message
    evaluate(person, 2024, Rating.GOOD)  # recorded, not "xuất sắc", no initiative: blocks
    [ground] = eligibility.check_input(inp("CSTDCS", person), ON)
    assert ground.blocking and "Chưa có căn cứ" in ground.message


def test_one_title_per_person_per_year(staff: Staff) -> None:
    person = pid_of(staff)
    register(2024, "LDTT", person=person)
    first = proposals.create_proposal(inp("LDTT", person)).id
    assert eligibility.check_proposal(first, ON) == []
    found = eligibility.check_input(inp("LDTT", person), ON)
    assert codes(found) == ["one_title_per_year"]
    assert f"đề nghị số {first}" in found[0].message
    proposals.withdraw(first, "Lập trùng", ON)
    assert eligibility.check_input(inp("LDTT", person), ON) == []  # withdrawn does not count


def test_cstdcs_needs_ldtt_and_one_ground(staff: Staff) -> None:
    person = pid_of(staff)
    register(2024, "CSTDCS", person=person)
    found = eligibility.check_input(inp("CSTDCS", person), ON)
    assert codes(found) == ["cstdcs_criteria", "cstdcs_criteria"]
    assert all(f.blocking for f in found)
    proposals.create_proposal(inp("LDTT", person))
    [ground] = eligibility.check_input(inp("CSTDCS", person), ON)
    assert "Chưa có căn cứ" in ground.message and "Điều 23" in ground.message
    ok = inp("CSTDCS", person, initiative="Sáng kiến “Số hóa hồ sơ lãnh sự” được công nhận")
    assert eligibility.check_input(ok, ON) == []
    evaluate(person, 2024, Rating.EXCELLENT)
    assert eligibility.check_input(inp("CSTDCS", person), ON) == []


def test_provincial_fighter_needs_three_consecutive_cstdcs(staff: Staff) -> None:
    person = pid_of(staff)
    register(2024, "CSTD_TINH", person=person)
    granted("CSTDCS", person, 2023)
    data = inp("CSTD_TINH", person, initiative="Sáng kiến cấp tỉnh")
    [finding] = eligibility.check_input(data, ON)
    assert finding.rule_code == "cstd_tinh_criteria"
    assert "thiếu năm 2022, 2024" in finding.message and "Điều 22" in finding.message
    granted("CSTDCS", person, 2022)
    proposals.create_proposal(inp("CSTDCS", person, initiative="Sáng kiến"))
    assert eligibility.check_input(data, ON) == []


def test_collective_share_of_ldtt_and_no_disciplined_member(staff: Staff) -> None:
    unit_name = next(iter(staff.units))
    unit = staff.units[unit_name]
    register(2024, "TTLDTT", unit=unit)
    members = [staff.people[n] for n in staff.in_unit(unit_name)]
    for person in members[:2]:
        proposals.create_proposal(inp("LDTT", person))
    [share] = eligibility.check_input(inp("TTLDTT", unit=unit), ON)
    assert "2/4 thành viên" in share.message and "70%" in share.message
    for person in members[2:]:
        proposals.create_proposal(inp("LDTT", person))
    assert eligibility.check_input(inp("TTLDTT", unit=unit), ON) == []
    evaluate(members[3], 2024, Rating.GOOD, discipline=Discipline.WARNING)
    [punished] = eligibility.check_input(inp("TTLDTT", unit=unit), ON)
    assert "bị kỷ luật từ cảnh cáo" in punished.message
    evaluate(members[3], 2024, Rating.GOOD)
    evaluate_unit(unit, 2024, Rating.GOOD, member_count=8)  # the unit counts 8 members
    [share] = eligibility.check_input(inp("TTLDTT", unit=unit), ON)
    assert "4/8" in share.message


def test_prime_minister_certificate_route(staff: Staff) -> None:
    person = pid_of(staff)
    data = inp("BK_TTG", person, achievements="Thành tích xuất sắc 5 năm")
    route = eligibility.check_input(data, ON)
    assert codes(route) == ["bk_ttg_route"] * 3
    assert "Chưa có Bằng khen của Chủ tịch UBND tỉnh" in route[0].message
    assert "thiếu năm 2020, 2021, 2022, 2023" in route[1].message
    assert "0/3 lần Chiến sĩ thi đua cơ sở" in route[2].message
    assert "Điểm b khoản 1 Điều 73" in route[0].message
    granted("BK_TINH", person, 2019)
    for year in range(2020, 2025):
        evaluate(person, year, Rating.GOOD)
    for year in (2021, 2022, 2023):
        granted("CSTDCS", person, year)
    assert eligibility.check_input(data, ON) == []


def test_no_double_reward_for_one_achievement(staff: Staff) -> None:
    person = pid_of(staff)
    text = "Phục vụ xuất sắc Hội nghị hợp tác quốc tế"
    proposals.create_proposal(inp("GK_SO", person, achievements=text))
    found = eligibility.check_input(inp("BK_TINH", person, achievements=text), ON)
    # (the person has no grounds under point d of the Bằng khen's rule: that warns too)
    assert codes(found) == ["bk_tinh_criteria", "no_double_reward"]
    [double] = [f for f in found if f.rule_code == "no_double_reward"]
    assert "Giấy khen" in double.message
    other = inp("BK_TINH", person, achievements="Thành tích khác")
    assert codes(eligibility.check_input(other, ON)) == ["bk_tinh_criteria"]


def test_the_rule_in_force_on_the_review_date(staff: Staff) -> None:
    """The dossier of a PM certificate: Decree 98/2023 until 30/6/2025, Decree 152/2025 after."""
    person = pid_of(staff)
    granted("BK_TINH", person, 2019)
    data = inp("BK_TTG", person, achievements="Thành tích", year=2024)
    pid = proposals.create_proposal(data).id
    transition(pid, S.BEFORE_COUNCIL, on=ON)
    transition(pid, S.PASSED, on=ON)
    before = [
        f for f in eligibility.check_proposal(pid, date(2025, 6, 30)) if f.rule_code == "dossier"
    ]
    after = [
        f for f in eligibility.check_proposal(pid, date(2025, 7, 1)) if f.rule_code == "dossier"
    ]
    assert "Nghị định số 98/2023/NĐ-CP" in before[0].message
    assert "Điều 42 Nghị định số 152/2025/NĐ-CP" in after[0].message
    assert eligibility.check_proposal(pid, date(2023, 12, 31)) == []  # before the 2022 Law


def test_the_agency_switches_a_rule_off_from_a_date(staff: Staff) -> None:
    rule = AwardRule.get(AwardRule.rule_code == "registration_required")
    eligibility.switch_rule(rule.id, Severity.OFF, date(2024, 12, 1))
    assert eligibility.check_input(inp("LDTT", pid_of(staff)), date(2024, 12, 2)) == []
    before = eligibility.check_input(inp("LDTT", pid_of(staff)), date(2024, 11, 30))
    assert codes(before) == ["registration_required"]


def test_the_optional_cstdcs_cap(staff: Staff) -> None:
    people = list(staff.people.values())
    for person in people[:4]:
        register(2024, "CSTDCS", person=person)
        proposals.create_proposal(inp("LDTT", person))
    for person in people[:2]:
        proposals.create_proposal(inp("CSTDCS", person, initiative="Sáng kiến"))
    assert "cstdcs_cap" not in codes(eligibility.check_year(2024, ON))  # off by default
    eligibility.set_cstdcs_cap(25, date(2024, 1, 1))
    caps = [f for f in eligibility.check_year(2024, ON) if f.rule_code == "cstdcs_cap"]
    assert (
        "2 Chiến sĩ thi đua cơ sở trên 4 Lao động tiên tiến (50%) vượt tỷ lệ 25%" in caps[0].message
    )
    assert "cstdcs_cap" in codes(eligibility.check_input(inp("CSTDCS", people[2]), ON))


def test_override_a_warning_with_a_reason(staff: Staff) -> None:
    person = pid_of(staff)
    pid = proposals.create_proposal(inp("LDTT", person)).id
    with pytest.raises(ValidationError, match="lý do"):
        eligibility.override(pid, "registration_required", "", ON)
    eligibility.override(pid, "registration_required", "Chuyển đến từ đơn vị khác tháng 3", ON)
    [finding] = eligibility.check_proposal(pid, ON)
    assert finding.overridden and finding.override_note == "Chuyển đến từ đơn vị khác tháng 3"
    event = ProposalEvent.get((ProposalEvent.proposal == pid) & (ProposalEvent.rule_code != ""))
    assert event.note == "Chuyển đến từ đơn vị khác tháng 3"
    assert eligibility.open_findings(eligibility.check_proposal(pid, ON)) == []


def test_a_blocking_finding_cannot_be_overridden_nor_submitted(staff: Staff) -> None:
    person = pid_of(staff)
    register(2024, "CSTDCS", person=person)
    pid = proposals.create_proposal(inp("CSTDCS", person)).id
    with pytest.raises(ValidationError, match="điều kiện bắt buộc"):
        eligibility.override(pid, "cstdcs_criteria", "Lý do", ON)
    with pytest.raises(ValidationError, match="Chưa trình Hội đồng được"):
        eligibility.submit_to_council(pid, ON)
    assert proposals.proposal_detail(pid).status is S.DRAFT


def test_the_whole_year_names_each_recipient(staff: Staff) -> None:
    names = list(staff.people)
    for name in names[:3]:
        register(2024, "LDTT", person=staff.people[name])
        proposals.create_proposal(inp("LDTT", staff.people[name]))
    proposals.create_proposal(inp("LDTT", staff.people[names[3]]))  # not registered
    found = eligibility.check_year(2024, ON)
    assert [(f.recipient, f.rule_code) for f in found] == [(names[3], "registration_required")]


def test_a_proposal_is_judged_on_its_meeting_day(staff: Staff) -> None:
    from app import meeting_votes
    from db.models import Meeting

    pid = proposals.create_proposal(inp("LDTT", pid_of(staff))).id
    assert eligibility.review_date(pid, ON) == ON
    meeting = Meeting.select().order_by(Meeting.id.desc()).first()
    meeting_votes.put_before_meeting(meeting.id, [pid])
    assert eligibility.review_date(pid, ON) == ON  # the meeting has no day yet
    Meeting.update(held_on=date(2024, 12, 18)).where(Meeting.id == meeting.id).execute()
    assert eligibility.review_date(pid, ON) == date(2024, 12, 18)


# --- Bằng khen của Chủ tịch UBND tỉnh (Art. 74 cl. 1; point d a setting) ------------------------
def bk_tinh(findings: list[eligibility.Finding]) -> list[eligibility.Finding]:
    return [f for f in findings if f.rule_code == "bk_tinh_criteria"]


def test_bang_khen_tinh_without_grounds_warns_naming_the_rule(staff: Staff) -> None:
    person = pid_of(staff)  # rated "hoàn thành tốt" for 2024 only, no CSTĐCS
    [finding] = eligibility.check_input(inp("BK_TINH", person, achievements="Thành tích"), ON)
    assert finding.rule_code == "bk_tinh_criteria" and finding.severity is Severity.WARN
    assert finding.detail.startswith(
        "Chưa thấy căn cứ điểm d (2 năm liên tục hoàn thành xuất sắc nhiệm vụ (2023–2024), "
        "trong đó 2 lần Chiến sĩ thi đua cơ sở): năm 2024 xếp loại “Hoàn thành tốt nhiệm vụ”; "
        "chưa ghi kết quả xếp loại năm 2023"
    )
    assert "có 0/2 lần Chiến sĩ thi đua cơ sở" in finding.detail
    assert "bỏ qua cảnh báo kèm lý do" in finding.detail
    assert "Quy định: Bằng khen của Chủ tịch UBND tỉnh (cá nhân)" in finding.message
    assert "Khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15" in finding.message
    assert finding.legal_basis.endswith("; Nghị định số 98/2023/NĐ-CP")
    later = eligibility.check_input(inp("BK_TINH", person, year=2025), date(2025, 12, 1))
    assert bk_tinh(later)[0].legal_basis.endswith("; Nghị định số 152/2025/NĐ-CP")


def test_bang_khen_tinh_with_two_excellent_years_and_cstdcs_has_no_finding(staff: Staff) -> None:
    person = pid_of(staff)
    data = inp("BK_TINH", person, achievements="Thành tích")
    for year in (2023, 2024):
        evaluate(person, year, Rating.EXCELLENT)
    granted("CSTDCS", person, 2023)
    [short] = bk_tinh(eligibility.check_input(data, ON))
    assert short.detail.split(":")[1].strip().startswith("có 1/2 lần Chiến sĩ thi đua cơ sở")
    proposals.create_proposal(inp("CSTDCS", person, initiative="Sáng kiến"))  # this year's
    assert eligibility.check_input(data, ON) == []
    evaluate(person, 2023, Rating.GOOD)  # the run of excellent years broke
    [broken] = bk_tinh(eligibility.check_input(data, ON))
    assert "năm 2023 xếp loại “Hoàn thành tốt nhiệm vụ”" in broken.detail


def test_bang_khen_tinh_points_a_to_c_and_collectives_are_not_judged_on_the_years(
    staff: Staff,
) -> None:
    from db.enums import CommendationKind

    person = pid_of(staff)
    for kind in (CommendationKind.THEMATIC, CommendationKind.UNSCHEDULED):
        data = inp("BK_TINH", person, kind=kind, achievements="Thành tích đột xuất")
        assert eligibility.check_input(data, ON) == []
    unit = list(staff.units.values())[0]
    assert bk_tinh(eligibility.check_input(inp("BK_TINH", unit=unit), ON)) == []


def test_the_agency_sets_point_d_from_its_provinces_rules(staff: Staff) -> None:
    person = pid_of(staff)
    for year in (2023, 2024):
        evaluate(person, year, Rating.EXCELLENT)
    granted("CSTDCS", person, 2023)
    proposals.create_proposal(inp("CSTDCS", person, initiative="Sáng kiến"))
    data = inp("BK_TINH", person, achievements="Thành tích")
    assert eligibility.check_input(data, ON) == []
    eligibility.set_bk_tinh_route(3, 1, date(2024, 12, 1), "Quyết định 12/2024/QĐ-UBND")
    [finding] = eligibility.check_input(data, ON)
    assert "3 năm liên tục hoàn thành xuất sắc nhiệm vụ (2022–2024), trong đó 1 lần" in (
        finding.detail
    )
    assert "chưa ghi kết quả xếp loại năm 2022" in finding.detail
    assert "d) 3 năm liên tục hoàn thành xuất sắc nhiệm vụ, trong đó 1 lần" in finding.rule_title
    assert finding.legal_basis.endswith(
        "; điểm d theo Quy chế thi đua, khen thưởng của tỉnh (Quyết định 12/2024/QĐ-UBND)"
    )
    assert eligibility.check_input(data, date(2024, 11, 30)) == []  # the earlier version
    # the agency's numbers outlive the catalog's version under Decree 152/2025 (its basis shown)
    [later] = bk_tinh(eligibility.check_input(inp("BK_TINH", person, year=2025), date(2025, 8, 1)))
    assert "3 năm liên tục" in later.detail and "Nghị định số 152/2025/NĐ-CP; điểm d" in (
        later.legal_basis
    )
    evaluate(person, 2022, Rating.EXCELLENT)
    assert eligibility.check_input(data, ON) == []
    with pytest.raises(ValidationError):
        eligibility.set_bk_tinh_route(2, 3, ON)
    with pytest.raises(ValidationError):
        eligibility.set_bk_tinh_route(0, 0, ON)
