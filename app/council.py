"""The council: its members (with roles and terms) and its rules of procedure (settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import records, trash
from app.errors import NotFound, raise_first
from app.vntext import clean
from db.enums import CouncilRole, VoteBase
from db.models import Council, CouncilMember, Person, Unit


@dataclass(frozen=True)
class CouncilSettings:
    name: str
    standing_unit_id: int | None
    quorum_numerator: int
    quorum_denominator: int
    default_threshold_percent: int
    default_vote_base: VoteBase
    written_votes_count: bool
    rules_basis: str


@dataclass(frozen=True)
class MemberInput:
    person_id: int | None
    role: CouncilRole = CouncilRole.MEMBER
    term_from: date | None = None
    term_to: date | None = None


def the_council() -> Council:
    """The agency's council (created with defaults the first time it is asked for)."""
    council = Council.select().first()
    return council or records.create(Council, name="Hội đồng Thi đua - Khen thưởng")


def settings_of() -> CouncilSettings:
    c = the_council()
    return CouncilSettings(
        c.name,
        c.standing_unit_id,
        c.quorum_numerator,
        c.quorum_denominator,
        c.default_threshold_percent,
        c.default_vote_base,
        c.written_votes_count,
        c.rules_basis,
    )


def validate_settings(data: CouncilSettings) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not clean(data.name):
        problems["name"] = "Chưa nhập tên Hội đồng."
    if not 0 < data.quorum_numerator <= data.quorum_denominator:
        problems["quorum"] = "Tỷ lệ có mặt phải là một phân số từ lớn hơn 0 đến 1 (VD: 2/3)."
    if not 1 <= data.default_threshold_percent <= 100:
        problems["threshold"] = "Ngưỡng biểu quyết phải từ 1% đến 100%."
    if (
        data.standing_unit_id is not None
        and Unit.get_or_none(Unit.id == data.standing_unit_id) is None
    ):
        problems["standing_unit_id"] = "Đơn vị thường trực không tồn tại."
    return problems


def save_settings(data: CouncilSettings) -> None:
    raise_first(validate_settings(data))
    records.update(
        the_council(),
        name=data.name,
        standing_unit=data.standing_unit_id,
        quorum_numerator=data.quorum_numerator,
        quorum_denominator=data.quorum_denominator,
        default_threshold_percent=data.default_threshold_percent,
        default_vote_base=data.default_vote_base,
        written_votes_count=data.written_votes_count,
        rules_basis=data.rules_basis,
    )


def validate_member(data: MemberInput, member_id: int | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    if data.person_id is None or Person.get_or_none(Person.id == data.person_id) is None:
        problems["person_id"] = "Chưa chọn người."
    else:
        same = CouncilMember.select().where(CouncilMember.person == data.person_id)
        if member_id is not None:
            same = same.where(CouncilMember.id != member_id)
        if same.exists():
            problems["person_id"] = "Người này đã là thành viên Hội đồng."
    if data.role is CouncilRole.CHAIR:
        chairs = CouncilMember.select().where(CouncilMember.role == CouncilRole.CHAIR)
        if member_id is not None:
            chairs = chairs.where(CouncilMember.id != member_id)
        if chairs.exists():
            problems["role"] = "Hội đồng đã có Chủ tịch."
    if data.term_from and data.term_to and data.term_to < data.term_from:
        problems["term_to"] = "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."
    return problems


def add_member(data: MemberInput) -> CouncilMember:
    raise_first(validate_member(data))
    position = CouncilMember.select().count()
    return records.create(
        CouncilMember,
        council=the_council(),
        person=data.person_id,
        role=data.role,
        term_from=data.term_from,
        term_to=data.term_to,
        position=position,
    )


def update_member(member_id: int, data: MemberInput) -> CouncilMember:
    member = CouncilMember.get_or_none(CouncilMember.id == member_id)
    if member is None:
        raise NotFound("Không tìm thấy thành viên này.")
    raise_first(validate_member(data, member_id))
    return records.update(
        member,
        person=data.person_id,
        role=data.role,
        term_from=data.term_from,
        term_to=data.term_to,
    )


def member_input(member_id: int) -> MemberInput:
    m = CouncilMember.get_by_id(member_id)
    return MemberInput(m.person_id, m.role, m.term_from, m.term_to)


def remove_member(member_id: int) -> int:
    member = CouncilMember.get_or_none(CouncilMember.id == member_id)
    if member is None:
        raise NotFound("Không tìm thấy thành viên này.")
    return trash.discard(member, f"Thành viên Hội đồng: {member.person.full_name}")


@dataclass(frozen=True)
class TitleThreshold:
    award_code: str
    award_name: str
    percent: int
    base: VoteBase
    written_votes_count: bool
    source: str


def title_thresholds(on: date) -> list[TitleThreshold]:
    """The threshold that applies to each title and form on a date (catalog, own rule, default)."""
    from app.voting import threshold_for
    from db.models import AwardType

    out = []
    for award in AwardType.select().order_by(AwardType.position):
        t = threshold_for(award.code, on)
        out.append(
            TitleThreshold(
                award.code, award.name, t.percent, t.base, t.written_votes_count, t.source
            )
        )
    return out


def set_title_threshold(
    award_code: str, percent: int, base: VoteBase, written_votes_count: bool, from_date: date
) -> None:
    """The council's own threshold for a title or form, applying from ``from_date`` on."""
    import json

    from app.catalog import OWN_KEYS
    from app.errors import ValidationError
    from db.enums import Severity
    from db.models import AwardRule, AwardType

    award = AwardType.get_or_none(AwardType.code == award_code)
    if award is None:
        raise NotFound("Không tìm thấy danh hiệu, hình thức này.")
    if not 1 <= percent <= 100:
        raise ValidationError("Ngưỡng biểu quyết phải từ 1% đến 100%.", field="percent")
    chosen = {"percent": percent, "base": base.value, "written_votes_count": written_votes_count}
    params = json.dumps({**chosen, OWN_KEYS: sorted(chosen)})  # all its own (app/catalog.py)
    existing = AwardRule.get_or_none(
        (AwardRule.award_type == award)
        & (AwardRule.rule_code == "vote_threshold")
        & (AwardRule.is_custom == True)  # noqa: E712 (a SQL comparison)
        & (AwardRule.effective_from == from_date)
    )
    basis = the_council().rules_basis or "Quy chế hoạt động của Hội đồng"
    if existing is not None:
        records.update(existing, params=params, legal_basis=basis)
        return
    records.create(
        AwardRule,
        award_type=award,
        rule_code="vote_threshold",
        title=f"Ngưỡng biểu quyết do Hội đồng quy định: {percent}% {base.label.lower()}",
        legal_basis=basis,
        effective_from=from_date,
        severity=Severity.WARN,
        params=params,
        is_custom=True,
        confidence="",
    )
