"""Award decisions (quyết định khen thưởng): a numbered, dated, signed decision that grants the
proposals it covers. Attaching a proposal marks it granted (a dated, logged status change);
detaching or deleting the decision puts it back where it was (passed or sent up)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import peewee as pw

from app import records, trash
from app.errors import InUse, NotFound, ValidationError, raise_first
from app.membership import units_in_years
from app.proposals import transition
from app.vntext import admin_date, clean, fold, fold_many, short_date
from db.enums import AwardLevel, ProposalStatus, RecipientKind
from db.models import AwardType, Decision, Person, Proposal, ProposalEvent, Unit

ATTACHABLE = (ProposalStatus.PASSED, ProposalStatus.SENT_UP)
MAX_TEXT = {"number": 20, "symbol": 40, "authority": 200, "signer_name": 120}


@dataclass(frozen=True)
class DecisionInput:
    number: str
    symbol: str
    signed_on: date
    authority: str  # who grants: "Giám đốc Sở", "Chủ tịch UBND tỉnh" (the catalog's wording)
    signer_authority: str = ""  # "KT. GIÁM ĐỐC" or empty
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    legal_basis: str = ""  # one "Căn cứ …" per line
    subject: str = ""  # "Về việc tặng danh hiệu … năm 2024"


@dataclass(frozen=True, slots=True)
class DecisionRow:
    id: int
    number_symbol: str  # "12/QĐ-SNgV"
    signed_on: date
    authority: str
    signer_name: str
    subject: str
    proposal_count: int
    search_key: str


@dataclass(frozen=True, slots=True)
class Authority:
    """A granting authority named in the catalog and the level it decides at."""

    name: str
    level: AwardLevel


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """A proposal a decision may cover (or already covers)."""

    id: int
    year: int
    recipient_kind: RecipientKind
    recipient_name: str
    unit_name: str
    award_name: str
    award_level: AwardLevel
    granting_authority: str
    status: ProposalStatus
    attached: bool
    search_key: str


def number_symbol(number: str, symbol: str) -> str:
    return f"{number}/{symbol}" if symbol else number


def padded_number(number: str) -> str:
    """Numbers below 10 take a leading zero (Decree 30/2020): "5" → "05"."""
    text = clean(number)
    return f"{int(text):02d}" if text.isdigit() and int(text) < 10 else text


def authorities() -> list[Authority]:
    """The granting authorities of the active catalog, lowest level first."""
    order = list(AwardLevel)
    seen: dict[str, Authority] = {}
    for award in AwardType.select().where(AwardType.active == True):  # noqa: E712
        name = clean(award.granting_authority)
        if name and fold(name) not in seen:
            seen[fold(name)] = Authority(name, award.level)
    return sorted(seen.values(), key=lambda a: (order.index(a.level), fold(a.name)))


def authority_level(authority: str) -> AwardLevel | None:
    key = fold(authority)
    for award in AwardType.select(AwardType.granting_authority, AwardType.level):
        if fold(award.granting_authority) == key:
            return award.level  # type: ignore[no-any-return]
    return None


def validate_decision(data: DecisionInput, decision_id: int | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    number = padded_number(data.number)
    if not number:
        problems["number"] = "Chưa nhập số quyết định."
    elif "/" in number:
        problems["number"] = "Số quyết định chỉ gồm số (ký hiệu nhập ở ô riêng, ví dụ QĐ-SNgV)."
    if data.signed_on is None:
        problems["signed_on"] = "Chưa nhập ngày ký."
    if not clean(data.authority):
        problems["authority"] = "Chưa chọn cấp có thẩm quyền quyết định."
    elif authority_level(data.authority) is None:
        problems["authority"] = (
            f"“{clean(data.authority)}” không phải là cấp có thẩm quyền nào trong Danh mục "
            "danh hiệu, hình thức khen thưởng."
        )
    for name, limit in MAX_TEXT.items():
        if len(clean(getattr(data, name))) > limit:
            problems.setdefault(name, f"Nội dung quá dài (tối đa {limit} ký tự).")
    if number and data.signed_on is not None and "number" not in problems:
        same = Decision.select().where(
            (Decision.number == number)
            & (Decision.symbol == clean(data.symbol))
            & (Decision.signed_on.year == data.signed_on.year)
        )
        if decision_id is not None:
            same = same.where(Decision.id != decision_id)
        if same.exists():
            problems["number"] = (
                f"Đã có Quyết định số {number_symbol(number, clean(data.symbol))} "
                f"năm {data.signed_on.year}."
            )
    return problems


def _fields(data: DecisionInput, decision_id: int | None = None) -> dict[str, object]:
    raise_first(validate_decision(data, decision_id))
    return {
        "number": padded_number(data.number),
        "symbol": data.symbol,
        "signed_on": data.signed_on,
        "authority": data.authority,
        "signer_authority": data.signer_authority,
        "signer_title": data.signer_title,
        "signer_name": data.signer_name,
        "legal_basis": data.legal_basis,
        "subject": data.subject,
    }


def _decision(decision_id: int) -> Decision:
    decision = Decision.get_or_none(Decision.id == decision_id)
    if decision is None:
        raise NotFound("Không tìm thấy quyết định; có thể đã bị xóa.")
    return decision


def decision_input(decision_id: int) -> DecisionInput:
    d = _decision(decision_id)
    return DecisionInput(
        d.number,
        d.symbol,
        d.signed_on,
        d.authority,
        d.signer_authority,
        d.signer_title,
        d.signer_name,
        d.legal_basis,
        d.subject,
    )


def create_decision(data: DecisionInput, proposal_ids: Iterable[int] = ()) -> Decision:
    """A new decision, granting the given proposals."""
    with records.transaction():
        decision = records.create(Decision, **_fields(data))
        attach(decision.id, proposal_ids)
    return decision


def update_decision(
    decision_id: int, data: DecisionInput, proposal_ids: Iterable[int] | None = None
) -> Decision:
    """Edit the decision; with ``proposal_ids`` the proposals it covers become exactly those."""
    decision = _decision(decision_id)
    with records.transaction():
        records.update(decision, **_fields(data, decision_id))
        level = authority_level(decision.authority)
        for proposal in Proposal.select().where(Proposal.decision == decision):
            if proposal_ids is not None and proposal.id not in set(proposal_ids):
                continue
            award = AwardType.get_by_id(proposal.award_type_id)
            if award.level != level:
                raise ValidationError(
                    f"Quyết định đang công nhận “{award.name}” (do {award.granting_authority} "
                    f"quyết định); không đổi cấp quyết định thành “{decision.authority}” được.",
                    field="authority",
                )
        if proposal_ids is not None:
            set_proposals(decision_id, proposal_ids)
    return decision


def check_level(decision_id: int) -> None:
    """Refuse a decision whose authority no longer matches the level of what it grants (an
    undone edit is checked as the edit was)."""
    decision = _decision(decision_id)
    level = authority_level(decision.authority)
    for proposal in Proposal.select().where(Proposal.decision == decision):
        award = AwardType.get_by_id(proposal.award_type_id)
        if award.level != level:
            raise ValidationError(
                f"Quyết định đang công nhận “{award.name}” (do {award.granting_authority} "
                f"quyết định); không đổi cấp quyết định thành “{decision.authority}” được.",
                field="authority",
            )


def proposal_ids_of(decision_id: int) -> list[int]:
    return [
        p.id
        for p in Proposal.select(Proposal.id)
        .where(Proposal.decision == decision_id)
        .order_by(Proposal.id)
    ]


def set_proposals(decision_id: int, proposal_ids: Iterable[int]) -> None:
    """The decision covers exactly ``proposal_ids``: new ones are granted, dropped ones released."""
    wanted = list(dict.fromkeys(proposal_ids))
    current = proposal_ids_of(decision_id)
    with records.transaction():
        detach(decision_id, [p for p in current if p not in wanted])
        attach(decision_id, [p for p in wanted if p not in current])


def _recipient(proposal: Proposal) -> str:
    if proposal.person_id is not None:
        return str(Person.get_by_id(proposal.person_id).full_name)
    return str(Unit.get_by_id(proposal.unit_id).name)


def _why_not(proposal: Proposal, decision: Decision, level: AwardLevel | None) -> str:
    """Why ``proposal`` cannot be granted by ``decision`` (empty when it can)."""
    who = _recipient(proposal)
    award = AwardType.get_by_id(proposal.award_type_id)
    if proposal.decision_id is not None and proposal.decision_id != decision.id:
        other = Decision.get_by_id(proposal.decision_id)
        return (
            f"Đề nghị “{award.name}” cho {who} đã được công nhận tại Quyết định số "
            f"{number_symbol(other.number, other.symbol)}."
        )
    if proposal.status not in ATTACHABLE:
        return (
            f"Đề nghị “{award.name}” cho {who} đang ở trạng thái “{proposal.status.label}”; "
            "chỉ đề nghị đã được Hội đồng thông qua hoặc đã trình cấp trên mới đưa vào quyết "
            "định khen thưởng."
        )
    if award.level != level:
        return (
            f"“{award.name}” do {award.granting_authority} ({award.level.label}) quyết định; "
            f"quyết định này của {decision.authority}. Hãy đưa đề nghị vào một quyết định của "
            f"{award.granting_authority}."
        )
    return ""


def _note(decision: Decision) -> str:
    return (
        f"Quyết định số {number_symbol(decision.number, decision.symbol)} "
        f"{admin_date(decision.signed_on)}"
    )


def _move(proposal: Proposal, to: ProposalStatus, on: date, note: str) -> None:
    """The one place a decision changes a proposal's status: a dated, logged transition."""
    transition(proposal.id, to, on=on, note=note)


def attach(decision_id: int, proposal_ids: Iterable[int]) -> int:
    """Grant the proposals by this decision; refuses (changing nothing) if one cannot be."""
    decision = _decision(decision_id)
    level = authority_level(decision.authority)
    count = 0
    with records.transaction():
        for pid in dict.fromkeys(proposal_ids):
            proposal = Proposal.get_or_none(Proposal.id == pid)
            if proposal is None:
                raise NotFound(f"Không tìm thấy đề nghị số {pid}; có thể đã bị xóa.")
            if proposal.decision_id == decision.id:
                continue
            reason = _why_not(proposal, decision, level)
            if reason:
                raise ValidationError(reason)
            records.update(proposal, decision=decision.id)
            _move(proposal, ProposalStatus.GRANTED, decision.signed_on, _note(decision))
            count += 1
    return count


def _status_before_grant(proposal: Proposal) -> ProposalStatus:
    event = (
        ProposalEvent.select()
        .where(
            (ProposalEvent.proposal == proposal)
            & (ProposalEvent.to_status == ProposalStatus.GRANTED)
        )
        .order_by(ProposalEvent.happened_on.desc(), ProposalEvent.id.desc())
        .first()
    )
    if event is not None and event.from_status in ATTACHABLE:
        return event.from_status  # type: ignore[no-any-return]
    award = AwardType.get_by_id(proposal.award_type_id)
    return ProposalStatus.PASSED if award.level is AwardLevel.DEPARTMENT else ProposalStatus.SENT_UP


def detach(decision_id: int, proposal_ids: Iterable[int], *, on: date | None = None) -> int:
    """Take proposals out of the decision: back to passed (or sent up), logged."""
    decision = _decision(decision_id)
    count = 0
    with records.transaction():
        for pid in dict.fromkeys(proposal_ids):
            proposal = Proposal.get_or_none(Proposal.id == pid)
            if proposal is None or proposal.decision_id != decision.id:
                continue
            records.update(proposal, decision=None)
            if proposal.status is ProposalStatus.GRANTED:
                _move(
                    proposal,
                    _status_before_grant(proposal),
                    on or date.today(),
                    f"Gỡ khỏi {_note(decision)}",
                )
            count += 1
    return count


def delete_decision(decision_id: int, *, release: bool = False) -> int:
    """Into the Thùng rác. A decision that grants proposals is refused unless ``release``: the
    proposals then go back to passed or sent up first (restoring the decision from the bin
    brings it back without them)."""
    decision = _decision(decision_id)
    covered = proposal_ids_of(decision_id)
    if covered and not release:
        raise InUse(
            f"Quyết định số {number_symbol(decision.number, decision.symbol)} đang công nhận "
            f"{len(covered)} đề nghị. Xóa quyết định sẽ đưa các đề nghị này về trạng thái "
            "trước khi được khen thưởng (đã thông qua hoặc đã trình)."
        )
    with records.transaction():
        detach(decision_id, covered)
        return trash.discard(
            decision, f"Quyết định số {number_symbol(decision.number, decision.symbol)}"
        )


def decision_years() -> list[int]:
    return sorted({d.signed_on.year for d in Decision.select(Decision.signed_on)}, reverse=True)


def decision_rows(year: int | None = None) -> list[DecisionRow]:
    """Decisions signed in ``year`` or covering proposals of that year (all when None)."""
    counts: dict[int, int] = {}
    years: dict[int, set[int]] = {}
    grouped = (
        Proposal.select(Proposal.decision, Proposal.year, pw.fn.COUNT(Proposal.id))
        .where(Proposal.decision.is_null(False))
        .group_by(Proposal.decision, Proposal.year)
    )
    for did, pyear, count in grouped.tuples():
        counts[did] = counts.get(did, 0) + count
        years.setdefault(did, set()).add(pyear)
    rows = []
    for d in Decision.select().order_by(Decision.signed_on.desc(), Decision.id.desc()):
        if year is not None and d.signed_on.year != year and year not in years.get(d.id, set()):
            continue
        ns = number_symbol(d.number, d.symbol)
        rows.append(
            DecisionRow(
                d.id,
                ns,
                d.signed_on,
                d.authority,
                d.signer_name,
                d.subject,
                counts.get(d.id, 0),
                fold_many(ns, d.authority, d.signer_name, d.subject, short_date(d.signed_on)),
            )
        )
    return rows


def candidate_rows(
    decision_id: int | None,
    year: int | None = None,
    *,
    previous_year: bool = False,
    only_covered: bool = False,
) -> list[CandidateRow]:
    """Proposals passed or sent up and not yet decided (of ``year``, and of the year before
    with ``previous_year``: titles are often decided in the following January), plus every
    proposal this decision covers, whatever its year."""
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    people = dict(Person.select(Person.id, Person.full_name).tuples())
    awards = {a.id: a for a in AwardType.select()}
    open_ones = Proposal.status.in_(list(ATTACHABLE)) & Proposal.decision.is_null()
    if year is not None:
        years = [year, year - 1] if previous_year else [year]
        open_ones = open_ones & Proposal.year.in_(years)
    if decision_id is not None:
        covered = Proposal.decision == decision_id
        open_ones = covered if only_covered else open_ones | covered
    mine = Proposal.decision.is_null(False)  # this decision's own first
    found = list(
        Proposal.select().where(open_ones).order_by(mine.desc(), Proposal.year.desc(), Proposal.id)
    )
    # the unit each person was in during the proposal's year, as the decision's list prints it
    homes = units_in_years((p.person_id, p.year) for p in found if p.person_id is not None)
    rows = []
    for p in found:
        award = awards[p.award_type_id]
        if p.person_id is not None:
            name = people.get(p.person_id, "")
            kind = RecipientKind.INDIVIDUAL
            unit_name = units.get(homes[(p.person_id, p.year)], "")
        else:
            name = unit_name = units.get(p.unit_id, "")
            kind = RecipientKind.COLLECTIVE
        rows.append(
            CandidateRow(
                p.id,
                p.year,
                kind,
                name,
                unit_name,
                award.name,
                award.level,
                award.granting_authority,
                p.status,
                p.decision_id is not None and p.decision_id == decision_id,
                fold_many(name, unit_name, award.name),
            )
        )
    return rows


DEFAULT_BASES = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về "
    "phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng"
)


def default_input(year: int, today: date) -> DecisionInput:
    """What a new decision starts from: the director's decision of the agency, dated today."""
    from app.agency import details_on

    agency = details_on(today)
    abbreviation = agency.abbreviation if agency else ""
    department = next((a.name for a in authorities() if a.level is AwardLevel.DEPARTMENT), "")
    return DecisionInput(
        number="",
        symbol=f"QĐ-{abbreviation}" if abbreviation else "QĐ",
        signed_on=today,
        authority=department,
        signer_title="GIÁM ĐỐC",
        signer_name=agency.director_name if agency else "",
        legal_basis=DEFAULT_BASES,
        subject=f"Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm {year}",
    )


def covered_rows(decision_id: int) -> list[CandidateRow]:
    """The proposals the decision grants, individuals first, by award and name."""
    rows = candidate_rows(decision_id, only_covered=True)
    order = {a.name: a.position for a in AwardType.select(AwardType.name, AwardType.position)}
    return sorted(
        rows,
        key=lambda r: (
            r.recipient_kind is not RecipientKind.INDIVIDUAL,
            order.get(r.award_name, 0),
        ),
    )


# --- finding a decision by what the operator knows of it (command line) -----------------------
def _number_key(number: str) -> str:
    """ "05", "5", " 5 " → "5": numbers compare without their padding."""
    text = "".join(fold(number).split())
    return text.lstrip("0") or text


def _symbol_key(symbol: str) -> str:
    return "".join(fold(symbol).split())


def _described(d: Decision) -> str:
    return (
        f"số {number_symbol(d.number, d.symbol)}, {admin_date(d.signed_on)}, "
        f"{d.authority or 'chưa ghi cấp quyết định'} (ID {d.id})"
    )


def _refuse(found: list[Decision], why: str) -> NotFound:
    lines = "\n".join(f"  - {_described(d)}" for d in found)
    hint = (
        "Ghi đủ số và ký hiệu (ví dụ 15/QĐ-SNgV), thêm --year NĂM (năm ký), hoặc dùng ID."
        if found
        else "Xem danh sách ở Khen thưởng → Quyết định."
    )
    return NotFound(f"{why}\n{lines}\n{hint}" if lines else f"{why} {hint}")


def find_decision(text: str, year: int | None = None) -> int:
    """The decision an operator names on the command line: its number and symbol
    ("15/QĐ-SNgV", matched ignoring case, diacritics and spaces), its number alone when unique
    (in ``year``, the year it was signed, when given), or its database ID (a plain number
    without --year, as before). Raises NotFound listing the candidates when none or several
    match."""
    raw = clean(text)
    if not raw:
        raise NotFound("Chưa ghi quyết định: số và ký hiệu (ví dụ 15/QĐ-SNgV) hoặc ID.")
    query = Decision.select().order_by(Decision.signed_on, Decision.id)
    in_year = [d for d in query if year is None or d.signed_on.year == year]
    where = f" năm {year}" if year is not None else ""
    if "/" in raw:
        number, _, symbol = raw.partition("/")
        found = [
            d
            for d in in_year
            if _number_key(d.number) == _number_key(number)
            and _symbol_key(d.symbol) == _symbol_key(symbol)
        ]
    else:
        key = _number_key(raw)
        if year is None and raw.isdigit():
            by_id = Decision.get_or_none(Decision.id == int(raw))
            if by_id is not None:  # the ID, as the command line always took it
                return int(by_id.id)
        found = [d for d in in_year if _number_key(d.number) == key]
    if len(found) == 1:
        return int(found[0].id)
    if found:
        raise _refuse(found, f"Có {len(found)} quyết định{where} khớp “{raw}”:")
    near = [d for d in query if _number_key(d.number) == _number_key(raw.partition("/")[0])]
    why = f"Không có quyết định{where} nào khớp “{raw}”."
    if near:
        why += " Các quyết định cùng số:"
    raise _refuse(near, why)
