"""Award papers (Decree 30/2020 layout): the submission with the list proposed (tờ trình), the
decision with its attached list (quyết định), and the certificates, one per page (giấy khen)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from app.agency import AgencyDetails, details_on
from app.decisions import authority_level, number_symbol
from app.documents import (
    AdminDocument,
    Display,
    Header,
    Heading,
    PageBreak,
    Paragraph,
    SignatureBlock,
    Signer,
    Spacer,
    Table,
)
from app.documents.layout import MOTTO, NATIONAL_TITLE
from app.errors import NotFound
from app.membership import positions_in_years, units_in_year, units_in_years
from app.reports.meeting_report import COUNCIL
from app.reports.plan_report import BLANK, NO_AGENCY, place_date
from app.vntext import admin_date, clean, fold, name_sort_key, roman, short_date
from db.enums import AwardFamily, AwardLevel, CouncilRole, Gender, ProposalStatus
from db.models import AwardType, CouncilMember, Decision, Person, Proposal, Unit

SUBMITTED = (ProposalStatus.PASSED, ProposalStatus.SENT_UP, ProposalStatus.GRANTED)
COUNCIL_TEXT = "Hội đồng Thi đua - Khen thưởng"
LAW_BASIS = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"


@dataclass(frozen=True)
class Entry:
    """One recipient of one award, as the papers print it."""

    proposal_id: int
    individual: bool
    name: str
    sort: str
    gender: Gender | None
    position: str
    unit_name: str
    award_name: str
    award_position: int
    award_family: AwardFamily
    achievements: str

    @property
    def salutation(self) -> str:
        if not self.individual:
            return self.name
        prefix = {Gender.MALE: "Ông ", Gender.FEMALE: "Bà "}.get(self.gender, "")  # type: ignore[arg-type]
        return f"{prefix}{self.name}"

    @property
    def position_unit(self) -> str:
        if not self.individual:
            return ""
        return ", ".join(part for part in (self.position, self.unit_name) if part)


def _entries(proposals: Iterable[Proposal]) -> list[Entry]:
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    awards = {a.id: a for a in AwardType.select()}
    proposals = list(proposals)
    wanted = {p.person_id for p in proposals if p.person_id is not None}
    people: dict[int, Person] = {}
    ids = sorted(wanted)
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        for person in Person.select().where(Person.id.in_(ids[start : start + 500])):
            people[person.id] = person
    # the unit each person was in during the proposal's year, not the one of today
    pairs = [(p.person_id, p.year) for p in proposals if p.person_id is not None]
    homes = units_in_years(pairs)
    positions = positions_in_years(pairs)  # and the position held then
    out = []
    for p in proposals:
        award = awards[p.award_type_id]
        if p.person_id is not None:
            person = people[p.person_id]
            entry = Entry(
                p.id,
                True,
                person.full_name,
                name_sort_key(person.sort_name),
                person.gender,
                positions[(p.person_id, p.year)],
                units.get(homes[(p.person_id, p.year)], ""),
                award.name,
                award.position,
                award.family,
                p.achievements,
            )
        else:
            name = units.get(p.unit_id, "")
            entry = Entry(
                p.id, False, name, fold(name), None, "", name, award.name, award.position,
                award.family, p.achievements,
            )  # fmt: skip
        out.append(entry)
    # individuals first, then collectives; by the catalog's order of awards; by name
    return sorted(out, key=lambda e: (not e.individual, e.award_position, e.award_name, e.sort))


def _groups(entries: list[Entry]) -> list[tuple[str, list[tuple[str, list[Entry]]]]]:
    """[(“CÁ NHÂN”, [(award name, entries)…]), (“TẬP THỂ”, …)] without empty groups."""
    out = []
    for individual, label in ((True, "CÁ NHÂN"), (False, "TẬP THỂ")):
        awards: dict[str, list[Entry]] = {}
        for e in entries:
            if e.individual is individual:
                awards.setdefault(e.award_name, []).append(e)
        if awards:
            out.append((label, list(awards.items())))
    return out


def _list_blocks(entries: list[Entry]) -> list[object]:
    """The attached list: individuals then collectives, one numbered table per award."""
    blocks: list[object] = []
    for g, (label, awards) in enumerate(_groups(entries), start=1):
        blocks.append(Heading(f"{roman(g)}. {label}", 1))
        for a, (award, rows) in enumerate(awards, start=1):
            blocks.append(Heading(f"{a}. {award} ({len(rows)})", 2))
            if label == "CÁ NHÂN":
                blocks.append(
                    Table(
                        ("STT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích"),
                        tuple(
                            (str(i), e.name, e.position_unit, e.achievements)
                            for i, e in enumerate(rows, start=1)
                        ),
                        (0.08, 0.28, 0.32, 0.32),
                        align=("center", "left", "left", "left"),
                    )
                )
            else:
                blocks.append(
                    Table(
                        ("STT", "Tên tập thể", "Thành tích"),
                        tuple(
                            (str(i), e.name, e.achievements) for i, e in enumerate(rows, start=1)
                        ),
                        (0.08, 0.46, 0.46),
                        align=("center", "left", "left"),
                    )
                )
    return blocks


def _count_phrase(entries: list[Entry]) -> str:
    people = sum(e.individual for e in entries)
    groups = len(entries) - people
    parts = [f"{people:02d} cá nhân" if people else "", f"{groups:02d} tập thể" if groups else ""]
    return " và ".join(p for p in parts if p) or "00 cá nhân, tập thể"


def _agency(on: date) -> AgencyDetails:
    return details_on(on) or NO_AGENCY


def _chair_name() -> str:
    chair = CouncilMember.select().where(CouncilMember.role == CouncilRole.CHAIR).first()
    return str(Person.get_by_id(chair.person_id).full_name) if chair else ""


def _sentence(lines: list[str]) -> tuple[str, ...]:
    """Legal bases one per line, each ending ";" and the last "." (Decree 30/2020)."""
    cleaned = [clean(line).rstrip(";.,") for line in lines if clean(line)]
    return tuple(f"{line}{'.' if i == len(cleaned) - 1 else ';'}" for i, line in enumerate(cleaned))


# ---------------------------------------------------------------- the submission (tờ trình)


def proposal_list_proposals(
    year: int,
    unit_id: int | None = None,
    status: ProposalStatus | None = None,
    level: AwardLevel | None = None,
) -> list[Proposal]:
    query = Proposal.select().where(Proposal.year == year)
    query = (
        query.where(Proposal.status == status)
        if status
        else query.where(Proposal.status.in_(list(SUBMITTED)))
    )
    if level is not None:
        query = query.where(
            Proposal.award_type.in_(AwardType.select(AwardType.id).where(AwardType.level == level))
        )
    found = list(query.order_by(Proposal.id))
    if unit_id is None:
        return found
    # a unit's list holds the unit and the people who were in it during the year
    homes = units_in_year(year, {p.person_id for p in found if p.person_id is not None})
    return [
        p
        for p in found
        if p.unit_id == unit_id or (p.person_id is not None and homes.get(p.person_id) == unit_id)
    ]


def agency_text(agency: AgencyDetails) -> str:
    """ "SỞ NGOẠI VỤ" as a sentence writes it: "Sở Ngoại vụ" (other names as recorded)."""
    words = agency.agency_name.split()
    if len(words) >= 2 and fold(words[0]) == "so":
        return " ".join(["Sở", words[1].capitalize(), *(w.lower() for w in words[2:])])
    return agency.agency_name or "Sở"


def _director_name(agency: AgencyDetails) -> str:
    return agency.director_name or _chair_name()


def proposal_list_document(
    year: int,
    unit_id: int | None = None,
    status: ProposalStatus | None = None,
    *,
    level: AwardLevel | None = None,
    on: date | None = None,
) -> AdminDocument:
    """A submission with the list proposed attached.

    Without ``level`` (or at department level) the council submits to the Director what it
    passed; at a higher level the agency submits to that level's authority (e.g. the Chairman
    of the province) only the awards that authority grants, signed by the Director."""
    entries = _entries(proposal_list_proposals(year, unit_id, status, level))
    if not entries:
        raise NotFound(f"Năm {year} chưa có đề nghị khen thưởng nào phù hợp để lập tờ trình.")
    agency = _agency(on or date(year, 12, 31))
    upward = level is not None and level is not AwardLevel.DEPARTMENT
    awards = {a.name: a for a in AwardType.select()}
    department = next(
        (a.granting_authority for a in awards.values() if a.level is AwardLevel.DEPARTMENT),
        "Giám đốc Sở",
    )
    if upward:
        addressee = next(awards[e.award_name].granting_authority for e in entries)
        proposer = agency_text(agency)
        symbol = f"TTr-{agency.abbreviation}" if agency.abbreviation else "TTr"
        signer = Signer("", "GIÁM ĐỐC", _director_name(agency))
        header = Header(agency.parent_body, agency.agency_name, f"Số:{BLANK}/{symbol}",
                        place_date(agency.place_name, on, year))  # fmt: skip
        ask = f"Kính trình {addressee} xem xét, quyết định./."
    else:
        addressee = department
        proposer = f"{COUNCIL_TEXT} Sở"
        symbol = "TTr-HĐTĐKT"
        signer = Signer(f"TM. {COUNCIL}", "CHỦ TỊCH", _chair_name())
        header = Header(agency.agency_name, COUNCIL, f"Số:{BLANK}/{symbol}",
                        place_date(agency.place_name, on, year))  # fmt: skip
        above = sorted({awards[e.award_name].granting_authority for e in entries} - {department})
        ask = (
            f"Kính trình {department} xem xét, quyết định khen thưởng theo thẩm quyền"
            + (
                f" và trình {', '.join(above)} khen thưởng các trường hợp vượt thẩm quyền"
                if above
                else ""
            )  # fmt: skip
            + "./."
        )
    unit_text = ""
    if unit_id is not None:
        unit = Unit.get_or_none(Unit.id == unit_id)
        unit_text = f" của {unit.name}" if unit else ""
    subject = f"Về việc đề nghị xét tặng danh hiệu thi đua, hình thức khen thưởng năm {year}"
    body: list[object] = [
        Paragraph(f"Kính gửi: {addressee}.", indent_first_line=False, align="center"),
        Paragraph(f"{LAW_BASIS};"),
        Paragraph(
            f"Căn cứ kết quả bình xét thi đua, khen thưởng năm {year}{unit_text} và ý kiến thống "
            f"nhất của {COUNCIL_TEXT} Sở, {proposer} kính trình xét tặng danh hiệu thi đua, hình "
            f"thức khen thưởng cho {_count_phrase(entries)}, cụ thể như sau:"
        ),
    ]
    for label, groups in _groups(entries):
        parts = "; ".join(f"{award}: {len(rows):02d}" for award, rows in groups)
        body.append(Paragraph(f"- {label.capitalize()}: {parts}."))
    body.append(Paragraph("(Có danh sách kèm theo)", indent_first_line=False, italic=True,
                          align="center"))  # fmt: skip
    body.append(Paragraph(ask))
    filed = "Lưu: VT, TĐKT." if upward else "Lưu: VT, HĐTĐKT."
    body.append(SignatureBlock(signer, recipients=("Như trên;", filed)))
    body += [
        PageBreak(),
        Paragraph("DANH SÁCH", bold=True, indent_first_line=False, align="center"),
        Paragraph(
            f"CÁ NHÂN, TẬP THỂ ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG NĂM {year}",
            bold=True,
            indent_first_line=False,
            align="center",
        ),
        Paragraph(
            f"(Kèm theo Tờ trình số{BLANK}/{symbol} "
            f"{admin_date(on) if on else f'ngày{BLANK}tháng{BLANK}năm {year}'} "
            f"của {proposer})",
            italic=True,
            indent_first_line=False,
            align="center",
        ),
        *_list_blocks(entries),
    ]
    return AdminDocument(
        header=header,
        doc_type="TỜ TRÌNH",
        subject=(subject,),
        body=tuple(body),  # type: ignore[arg-type]
        title=f"Tờ trình đề nghị khen thưởng năm {year}",
        author=agency.agency_name,
    )


# ---------------------------------------------------------------- the decision (quyết định)


@dataclass(frozen=True)
class DecisionFacts:
    decision: Decision
    agency: AgencyDetails
    level: AwardLevel
    entries: tuple[Entry, ...]

    @property
    def number_symbol(self) -> str:
        return number_symbol(self.decision.number, self.decision.symbol)

    @property
    def issuing_body(self) -> tuple[str, str]:
        """(parent body, issuing body) of the header."""
        if self.level is AwardLevel.DEPARTMENT:
            return self.agency.parent_body, self.agency.agency_name
        if self.level is AwardLevel.PROVINCE:
            return "", self.agency.parent_body
        words = self.decision.authority.split()
        body = " ".join(words[2:]) if fold(" ".join(words[:2])) == "bo truong" else ""
        return "", (body or self.decision.authority).upper()

    @property
    def authority_title(self) -> str:
        """The line under the subject: "GIÁM ĐỐC SỞ NGOẠI VỤ"."""
        if self.level is AwardLevel.DEPARTMENT:
            return f"GIÁM ĐỐC {self.agency.agency_name}".upper()
        if self.level is AwardLevel.PROVINCE:
            return f"CHỦ TỊCH {self.agency.parent_body}".upper()
        return self.decision.authority.upper()

    @property
    def authority_text(self) -> str:
        """ "Giám đốc Sở", for "(Kèm theo Quyết định số … của …)"."""
        return clean(self.decision.authority)


def decision_facts(decision_id: int) -> DecisionFacts:
    decision = Decision.get_or_none(Decision.id == decision_id)
    if decision is None:
        raise NotFound(f"Không có quyết định số (ID) {decision_id}.")
    proposals = Proposal.select().where(Proposal.decision == decision).order_by(Proposal.id)
    return DecisionFacts(
        decision,
        _agency(decision.signed_on),
        authority_level(decision.authority) or AwardLevel.DEPARTMENT,
        tuple(_entries(proposals)),
    )


def _article_one(facts: DecisionFacts) -> str:
    parts = []
    for label, groups in _groups(list(facts.entries)):
        for award, rows in groups:
            family = next(e.award_family for e in rows)
            what = "cá nhân" if label == "CÁ NHÂN" else "tập thể"
            if family is AwardFamily.TITLE:
                parts.append(f"công nhận danh hiệu “{award}” cho {len(rows):02d} {what}")
            else:
                parts.append(f"tặng {award} cho {len(rows):02d} {what}")
    text = "; ".join(parts) if parts else f"tặng{BLANK * 3}"
    year = max((p.year for p in facts.decision.proposals), default=facts.decision.signed_on.year)
    return (
        f"Điều 1. {text[:1].upper()}{text[1:]} đã có thành tích trong công tác năm {year} "
        "(có danh sách kèm theo)."
    )


def decision_document(decision_id: int) -> AdminDocument:
    facts = decision_facts(decision_id)
    d = facts.decision
    parent, issuing = facts.issuing_body
    bases = [line for line in d.legal_basis.splitlines() if clean(line)] or [LAW_BASIS]
    own = facts.level is AwardLevel.DEPARTMENT
    if own and not any(fold(b).startswith(("theo de nghi", "xet de nghi")) for b in bases):
        bases.append(f"Theo đề nghị của Chủ tịch {COUNCIL_TEXT} Sở")
    bases_text = bases
    body: list[object] = [
        Paragraph(facts.authority_title, bold=True, indent_first_line=False, align="center"),
        *(Paragraph(b, italic=True) for b in _sentence(bases_text)),
        Paragraph("QUYẾT ĐỊNH:", bold=True, indent_first_line=False, align="center"),
        Paragraph(_article_one(facts)),
        Paragraph(
            "Điều 2. Tiền thưởng kèm theo danh hiệu thi đua, hình thức khen thưởng được chi từ "
            "Quỹ thi đua, khen thưởng theo quy định hiện hành."
        ),
        Paragraph(
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. "
            + (
                "Chánh Văn phòng, Trưởng các phòng, đơn vị thuộc Sở"
                if own
                else "Thủ trưởng các cơ quan, đơn vị liên quan"
            )
            + " và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
            "này./."
        ),
        SignatureBlock(
            Signer(d.signer_authority, d.signer_title, d.signer_name),
            recipients=("Như Điều 3;", "Lưu: VT, HĐTĐKT."),
        ),
    ]
    if facts.entries:
        body += [
            PageBreak(),
            Paragraph("DANH SÁCH", bold=True, indent_first_line=False, align="center"),
            Paragraph(
                "CÁ NHÂN, TẬP THỂ ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA, TẶNG HÌNH THỨC KHEN THƯỞNG",
                bold=True,
                indent_first_line=False,
                align="center",
            ),
            Paragraph(
                f"(Kèm theo Quyết định số {facts.number_symbol} {admin_date(d.signed_on)} "
                f"của {facts.authority_text})",
                italic=True,
                indent_first_line=False,
                align="center",
            ),
            *_list_blocks(list(facts.entries)),
        ]
    subject = clean(d.subject) or "Về việc khen thưởng"
    return AdminDocument(
        header=Header(
            parent_body=parent,
            issuing_body=issuing,
            number_symbol=f"Số: {facts.number_symbol}",
            place_date=admin_date(d.signed_on, facts.agency.place_name),
        ),
        doc_type="QUYẾT ĐỊNH",
        subject=(subject,),
        body=tuple(body),  # type: ignore[arg-type]
        title=f"Quyết định số {facts.number_symbol}",
        author=issuing,
    )


# ---------------------------------------------------------------- certificates (giấy khen)


def _certificate_word(entry: Entry) -> str:
    key = fold(entry.award_name)
    if key.startswith("bang khen"):
        return "BẰNG KHEN"
    if key.startswith("giay khen"):
        return "GIẤY KHEN"
    return "GIẤY CHỨNG NHẬN"


CERTIFICATE_TEXT = 300  # characters of the achievement a certificate prints


def _short(text: str) -> str:
    """The first line of a proposal's achievements, cut at a word near 300 characters: a
    certificate is one page, whatever was written in the proposal."""
    lines = [line.strip() for line in clean(text).splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if len(first) <= CERTIFICATE_TEXT:
        return first
    cut = first[:CERTIFICATE_TEXT].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def _deed(achievements: str, year: int) -> str:
    """ "Đã có thành tích …", whether or not the proposal's text starts with those words."""
    text = _short(achievements)
    key = fold(text)
    if not text:
        return f"Đã có thành tích xuất sắc trong công tác năm {year}"
    if key.startswith(("da ", "đa ")):
        return text
    if key.startswith("co thanh tich"):
        return f"Đã {text[:1].lower()}{text[1:]}"
    return f"Đã có thành tích {text[:1].lower()}{text[1:]}"


def _certificate(facts: DecisionFacts, entry: Entry, year: int) -> list[object]:
    d = facts.decision
    word = _certificate_word(entry)
    verb = "CÔNG NHẬN" if entry.award_family is AwardFamily.TITLE else "TẶNG"
    if entry.award_family is AwardFamily.TITLE:
        deed = f"Đạt danh hiệu “{entry.award_name}” năm {year}"
        deed += f": {_short(entry.achievements)}" if entry.achievements.strip() else ""
    else:
        deed = _deed(entry.achievements, year)
    blocks: list[object] = [
        Display(NATIONAL_TITLE, 14, bold=True),
        Display(MOTTO, 14, bold=True),
        Display(facts.authority_title, 16, bold=True, space_before_mm=6),
        Display(verb, 16, bold=True),
        Display(word, 40, bold=True, space_before_mm=2),
        Display(entry.salutation, 24, bold=True, italic=True, space_before_mm=2),
    ]
    if entry.position_unit:
        blocks.append(Display(entry.position_unit, 16))
    deed = deed if deed.endswith("…") else deed.rstrip(".") + "."
    blocks.append(Display(deed, 16 if len(deed) <= 160 else 14, italic=True))
    blocks.append(
        SignatureBlock(
            Signer(d.signer_authority, d.signer_title, d.signer_name),
            place_date=admin_date(d.signed_on, facts.agency.place_name),
            note=f"Quyết định số {facts.number_symbol}\nngày {short_date(d.signed_on)}",
        )
    )
    return blocks


def certificates_document(
    decision_id: int, proposal_ids: Iterable[int] | None = None
) -> AdminDocument:
    """One landscape page per recipient of the decision (or of those of ``proposal_ids``, to
    print one again)."""
    facts = decision_facts(decision_id)
    if proposal_ids is not None:
        wanted = set(proposal_ids)
        facts = replace(facts, entries=tuple(e for e in facts.entries if e.proposal_id in wanted))
    if not facts.entries:
        raise NotFound(
            f"Quyết định số {facts.number_symbol} chưa có cá nhân, tập thể nào để in giấy khen."
        )
    year = max((p.year for p in facts.decision.proposals), default=facts.decision.signed_on.year)
    body: list[object] = []
    for i, entry in enumerate(facts.entries):
        if i:
            body.append(PageBreak())
        body += [Spacer(16), *_certificate(facts, entry, year)]
    return AdminDocument(
        header=Header("", facts.issuing_body[1], "", ""),
        doc_type="",
        subject=(),
        body=tuple(body),  # type: ignore[arg-type]
        landscape=True,
        bare=True,
        title=f"Giấy khen theo Quyết định số {facts.number_symbol}",
        author=facts.issuing_body[1],
    )


DOCUMENTS = {"decision": decision_document, "certificates": certificates_document}
