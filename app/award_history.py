"""A person's and a unit's titles and awards across the years, and what they may be proposed for
next year ("đủ điều kiện đề nghị năm N+1"), from their history and the catalog's rules in force.

History counts granted proposals only (with their decision when one is recorded) and the
yearly ratings (Evaluation). The suggestions read their numbers from the rules in force on
1 January of the next year (app/catalog.py); a rule switched off (severity OFF) suggests nothing.
Each suggestion says what it rests on and what is still needed in the next year: it prepares
the year-end list, the council still decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import peewee as pw

from app.award_outlook import (
    AwardEntry,
    Facts,
    Rules,
    Suggestion,
    person_suggestions,
    unit_members,
    unit_suggestions,
)
from app.decisions import number_symbol
from app.errors import NotFound
from app.people import open_in_year
from app.vntext import fold_many, name_sort_key, short_date
from db.enums import (
    AwardFamily,
    Discipline,
    ProposalStatus,
    Rating,
    RecipientKind,
    UnitKind,
)
from db.models import AwardType, Decision, Evaluation, Person, Proposal, Unit

__all__ = ["AwardEntry", "EligibleRow", "History", "Suggestion", "YearRecord"]


@dataclass(frozen=True, slots=True)
class YearRecord:
    year: int
    rating: Rating | None
    discipline: Discipline
    initiative: str
    awards: tuple[AwardEntry, ...]

    @property
    def titles_text(self) -> str:
        return "; ".join(a.award_name for a in self.awards if a.family is AwardFamily.TITLE)

    @property
    def forms_text(self) -> str:
        return "; ".join(a.award_name for a in self.awards if a.family is AwardFamily.FORM)

    @property
    def decisions_text(self) -> str:
        return "; ".join(dict.fromkeys(a.decision for a in self.awards if a.decision))


@dataclass(frozen=True)
class History:
    recipient_kind: RecipientKind
    recipient_id: int
    name: str
    unit_name: str
    through_year: int
    years: tuple[YearRecord, ...]  # newest first
    suggestions: tuple[Suggestion, ...]  # for through_year + 1

    @property
    def next_year(self) -> int:
        return self.through_year + 1


@dataclass(frozen=True, slots=True)
class RecipientRow:
    """A person or a unit to pick in the history page."""

    recipient_kind: RecipientKind
    id: int
    name: str
    sort: str  # person sort value (given name first) or unit name
    unit_name: str
    search_key: str


@dataclass(frozen=True, slots=True)
class EligibleRow:
    recipient_kind: RecipientKind
    recipient_id: int
    name: str
    sort: str
    unit_name: str
    award_code: str
    award_name: str
    award_position: int
    basis: str
    condition: str
    legal_basis: str
    search_key: str


def _decision_text(number: str | None, symbol: str | None, signed_on: date | None) -> str:
    if not number:
        return ""
    return f"Quyết định số {number_symbol(number, symbol or '')} ngày {short_date(signed_on)}"


def _load_facts(
    person_ids: Iterable[int] | None = None, unit_ids: Iterable[int] | None = None
) -> tuple[dict[int, Facts], dict[int, Facts]]:
    """Facts per person and per unit (all of them when no ids are given): two queries."""
    people: dict[int, Facts] = defaultdict(Facts)
    units: dict[int, Facts] = defaultdict(Facts)
    query = (
        Proposal.select(
            Proposal.id,
            Proposal.year,
            Proposal.person,
            Proposal.unit,
            Proposal.kind,
            AwardType.code,
            AwardType.name,
            AwardType.family,
            Decision.number,
            Decision.symbol,
            Decision.signed_on,
        )
        .join(AwardType)
        .switch(Proposal)
        .join(Decision, pw.JOIN.LEFT_OUTER)
        .where(Proposal.status == ProposalStatus.GRANTED)
        .order_by(Proposal.year, AwardType.position, Proposal.id)
    )
    evaluations = Evaluation.select()
    if person_ids is not None or unit_ids is not None:
        pids, uids = list(person_ids or ()), list(unit_ids or ())
        query = query.where(Proposal.person.in_(pids) | Proposal.unit.in_(uids))
        evaluations = evaluations.where(Evaluation.person.in_(pids) | Evaluation.unit.in_(uids))
    for p in query.objects():
        entry = AwardEntry(
            proposal_id=p.id,
            year=p.year,
            award_code=p.code,
            award_name=p.name,
            family=AwardFamily(p.family),
            kind=p.kind,
            decision=_decision_text(p.number, p.symbol, p.signed_on),
            decision_date=p.signed_on,
        )
        facts = people[p.person_id] if p.person_id is not None else units[p.unit_id]
        facts.awards[p.year].append(entry)
    for e in evaluations:
        facts = people[e.person_id] if e.person_id is not None else units[e.unit_id]
        if e.rating is not None:
            facts.ratings[e.year] = e.rating
        facts.disciplines[e.year] = e.discipline
        if e.initiative:
            facts.initiatives[e.year] = e.initiative
    return people, units


# --- public -----------------------------------------------------------------------------------
def _years(facts: Facts, through_year: int) -> tuple[YearRecord, ...]:
    years = set(facts.awards) | set(facts.ratings) | set(facts.initiatives)
    years |= {y for y, d in facts.disciplines.items() if d is not Discipline.NONE}
    return tuple(
        YearRecord(
            year=y,
            rating=facts.ratings.get(y),
            discipline=facts.disciplines.get(y, Discipline.NONE),
            initiative=facts.initiatives.get(y, ""),
            awards=tuple(facts.awards.get(y, ())),
        )
        for y in sorted(years, reverse=True)
        if y <= through_year
    )


def person_history(person_id: int, through_year: int) -> History:
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise NotFound("Không tìm thấy người này; có thể đã bị xóa.")
    facts = _load_facts(person_ids=[person_id])[0].get(person_id, Facts())
    rules = Rules(through_year + 1)
    return History(
        recipient_kind=RecipientKind.INDIVIDUAL,
        recipient_id=person_id,
        name=person.full_name,
        unit_name=person.unit.name if person.unit_id else "",
        through_year=through_year,
        years=_years(facts, through_year),
        suggestions=tuple(person_suggestions(facts, through_year, rules)),
    )


def unit_history(unit_id: int, through_year: int) -> History:
    unit = Unit.get_or_none(Unit.id == unit_id)
    if unit is None:
        raise NotFound("Không tìm thấy đơn vị này; có thể đã bị xóa.")
    facts = _load_facts(unit_ids=[unit_id])[1].get(unit_id, Facts())
    rules = Rules(through_year + 1)
    members = unit_members(through_year, [unit_id]).get(unit_id)
    return History(
        recipient_kind=RecipientKind.COLLECTIVE,
        recipient_id=unit_id,
        name=unit.name,
        unit_name=unit.parent.name if unit.parent_id else "",
        through_year=through_year,
        years=_years(facts, through_year),
        suggestions=tuple(unit_suggestions(facts, members, through_year, rules)),
    )


def history(kind: RecipientKind, recipient_id: int, through_year: int) -> History:
    if kind is RecipientKind.INDIVIDUAL:
        return person_history(recipient_id, through_year)
    return unit_history(recipient_id, through_year)


def recipients() -> list[RecipientRow]:
    """Active people (given name first) and the agency's own units, to pick from."""
    units = {uid: name for uid, name in Unit.select(Unit.id, Unit.name).tuples()}
    rows = [
        RecipientRow(
            RecipientKind.INDIVIDUAL,
            pid,
            name,
            sort,
            units.get(uid, ""),
            fold_many(name, units.get(uid, "")),
        )
        for pid, name, sort, uid in Person.select(
            Person.id, Person.full_name, Person.sort_name, Person.unit
        )
        .where(Person.active == True)  # noqa: E712
        .tuples()
    ]
    rows += [
        RecipientRow(RecipientKind.COLLECTIVE, uid, name, name, "", fold_many(name, short))
        for uid, name, short in Unit.select(Unit.id, Unit.name, Unit.short_name)
        .where(Unit.active == True, Unit.kind != UnitKind.EXTERNAL)  # noqa: E712
        .order_by(Unit.position)
        .tuples()
    ]
    return rows


def eligible_rows(through_year: int) -> list[EligibleRow]:
    """Everyone who may be proposed for something in ``through_year + 1``, with the grounds."""
    people_facts, unit_facts = _load_facts()
    rules = Rules(through_year + 1)
    units = {
        uid: (name, kind)
        for uid, name, kind in Unit.select(Unit.id, Unit.name, Unit.kind)
        .where(open_in_year(through_year + 1))  # working in the year proposed for
        .tuples()
    }
    positions = {code: pos for code, (_n, pos) in rules.names.items()}
    out: list[EligibleRow] = []

    def add(kind: RecipientKind, rid: int, name: str, sort: str, unit: str, s: Suggestion) -> None:
        out.append(
            EligibleRow(
                kind,
                rid,
                name,
                sort,
                unit,
                s.award_code,
                s.award_name,
                positions.get(s.award_code, 0),
                s.basis,
                s.condition,
                s.legal_basis,
                fold_many(name, unit, s.award_name, s.basis),
            )
        )

    for pid, name, sort, uid in (
        Person.select(Person.id, Person.full_name, Person.sort_name, Person.unit)
        .where(Person.active == True, Person.id.in_(list(people_facts)))  # noqa: E712
        .tuples()
    ):
        unit_name = units.get(uid, ("", None))[0]
        for s in person_suggestions(people_facts[pid], through_year, rules):
            add(RecipientKind.INDIVIDUAL, pid, name, sort, unit_name, s)
    members = unit_members(through_year, [u for u in unit_facts if u in units])
    for uid, facts in unit_facts.items():
        if uid not in units or units[uid][1] is UnitKind.EXTERNAL:
            continue
        name = units[uid][0]
        for s in unit_suggestions(facts, members.get(uid), through_year, rules):
            add(RecipientKind.COLLECTIVE, uid, name, name, name, s)
    out.sort(key=lambda r: (r.award_position, r.recipient_kind.value, name_sort_key(r.sort)))
    return out


ELIGIBLE_HEADERS = (
    "STT",
    "Đối tượng",
    "Họ và tên / Tên tập thể",
    "Đơn vị",
    "Có thể đề nghị",
    "Căn cứ (kết quả các năm)",
    "Điều kiện cần đạt",
    "Căn cứ pháp lý",
)


def eligible_xlsx(through_year: int, rows: list[EligibleRow] | None = None) -> bytes:
    """The agency-wide list "Đủ điều kiện đề nghị năm N+1" as a workbook."""
    rows = eligible_rows(through_year) if rows is None else rows
    table = [
        (
            i,
            r.recipient_kind.label,
            r.name,
            r.unit_name,
            r.award_name,
            r.basis,
            r.condition,
            r.legal_basis,
        )
        for i, r in enumerate(rows, start=1)
    ]
    from app.exports.tables import xlsx_bytes  # openpyxl: not needed to start the app

    return xlsx_bytes(f"Đủ điều kiện đề nghị {through_year + 1}", ELIGIBLE_HEADERS, table)


@dataclass(frozen=True)
class DraftResult:
    created: list[int]  # proposal ids
    skipped: list[str]  # "Nguyễn Văn An — Chiến sĩ thi đua cơ sở" already proposed
    need_achievements: list[str] = field(default_factory=list)  # forms: lập trong tab Đề nghị


def propose_from(rows: Iterable[EligibleRow], through_year: int) -> DraftResult:
    """Draft proposals for ``through_year + 1`` from chosen suggestions, in one transaction;
    a recipient already proposed for the same award that year is skipped and named, and so is
    a commendation form (Bằng khen…), which needs its achievement written by the operator."""
    from app import records
    from app.award_import import create_draft

    year = through_year + 1
    codes = {a.code: a for a in AwardType.select(AwardType.id, AwardType.code, AwardType.family)}
    existing = {
        (person_id, unit_id, award_id)
        for person_id, unit_id, award_id in Proposal.select(
            Proposal.person, Proposal.unit, Proposal.award_type
        )
        .where(Proposal.year == year, Proposal.status != ProposalStatus.WITHDRAWN)
        .tuples()
    }
    created: list[int] = []
    skipped: list[str] = []
    forms: list[str] = []
    with records.transaction():
        for row in rows:
            award_id = codes[row.award_code].id
            if codes[row.award_code].family is AwardFamily.FORM:
                forms.append(f"{row.name} — {row.award_name}")
                continue
            individual = row.recipient_kind is RecipientKind.INDIVIDUAL
            key = (
                (row.recipient_id, None, award_id)
                if individual
                else (None, row.recipient_id, award_id)
            )
            if key in existing:
                skipped.append(f"{row.name} — {row.award_name}")
                continue
            existing.add(key)
            note = f"Lập từ danh sách đủ điều kiện đề nghị năm {year}: {row.basis}"
            draft = create_draft(row.recipient_kind, row.recipient_id, award_id, year, note)
            created.append(int(draft.id))
    return DraftResult(created, skipped, forms)
