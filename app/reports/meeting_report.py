"""A meeting's papers (Decree 30/2020 layout): agenda, invitation, minutes and ballot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from app.agency import AgencyDetails, details_on
from app.documents import AdminDocument, Header, Heading, Paragraph, Signer, Table
from app.errors import NotFound
from app.meeting_edit import AgendaRow, AttendanceRow, agenda_rows, attendance_rows, meeting_quorum
from app.meeting_votes import count_of
from app.meetings import review_date
from app.reports.plan_report import BLANK, NO_AGENCY, place_date
from app.vntext import admin_date
from app.voting import Threshold, judge, threshold_for
from db.enums import AttendanceStatus
from db.models import AgendaItem, AwardType, Council, Meeting, Person, Proposal, Unit, Vote

COUNCIL = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
FILL = "…" * 16  # dots for the secretary to write on (short enough not to wrap)


def clock(value: time | None) -> str:
    """ "08 giờ 00", or a blank to fill in."""
    return f"{value.hour:02d} giờ {value.minute:02d}" if value else f"{BLANK} giờ {BLANK}"


@dataclass(frozen=True)
class MeetingFacts:
    id: int
    title: str
    year: int
    held_on: date | None
    start: time | None
    end: time | None
    place: str
    content: str
    chair: str
    secretary: str
    agency: AgencyDetails
    agenda: tuple[AgendaRow, ...]
    attendance: tuple[AttendanceRow, ...]
    review_on: date  # the date the council reviews on (app.meetings.review_date)

    def when(self) -> str:
        day = (
            admin_date(self.held_on) if self.held_on else f"ngày{BLANK}tháng{BLANK}năm {self.year}"
        )
        return f"{clock(self.start)}, {day}"


def meeting_facts(meeting_id: int) -> MeetingFacts:
    m = Meeting.get_or_none(Meeting.id == meeting_id)
    if m is None:
        raise NotFound(f"Không có phiên họp số {meeting_id}.")
    wanted = [i for i in (m.chair_id, m.secretary_id) if i]  # two names, not every person's
    names = dict(Person.select(Person.id, Person.full_name).where(Person.id.in_(wanted)).tuples())
    on = review_date(m)
    return MeetingFacts(
        m.id,
        m.title,
        m.year,
        m.held_on,
        m.start_time,
        m.end_time,
        m.place,
        m.content,
        names.get(m.chair_id, m.chair_text) if m.chair_id else m.chair_text,
        names.get(m.secretary_id, "") if m.secretary_id else "",
        details_on(on) or NO_AGENCY,
        tuple(agenda_rows(m.id)),
        tuple(attendance_rows(m.id)),
        on,
    )


def _header(facts: MeetingFacts, symbol: str) -> Header:
    agency = facts.agency
    return Header(
        parent_body=agency.agency_name,
        issuing_body=COUNCIL,
        number_symbol=f"Số:{BLANK}/{symbol}-HĐTĐKT",
        place_date=place_date(agency.place_name, None, facts.year),
    )


def council_name() -> str:
    """The council's name as recorded (e.g. "Hội đồng Thi đua - Khen thưởng Sở Ngoại vụ")."""
    council = Council.select().first()
    return council.name if council else "Hội đồng Thi đua - Khen thưởng"


def _chair_signer(facts: MeetingFacts) -> Signer:
    return Signer(f"TM. {COUNCIL}", "CHỦ TỊCH", facts.chair)


def agenda_document(meeting_id: int) -> AdminDocument:
    facts = meeting_facts(meeting_id)
    rows = tuple(
        (f"{r.starts:%H:%M}" if r.starts else "", r.title, r.presenter) for r in facts.agenda
    )
    body = (
        Paragraph(f"Thời gian: {facts.when()}."),
        Paragraph(f"Địa điểm: {facts.place or BLANK * 3}."),
        Paragraph(f"Chủ trì: {facts.chair or BLANK * 3}."),
        Paragraph("Thành phần: Thành viên Hội đồng Thi đua - Khen thưởng Sở và khách mời."),
        Table(
            ("Thời gian", "Nội dung", "Người thực hiện"),
            rows,
            (0.16, 0.56, 0.28),
            align=("center", "left", "left"),
        ),
    )
    return AdminDocument(
        header=_header(facts, "CTr"),
        doc_type="CHƯƠNG TRÌNH",
        subject=(facts.title,),
        body=body,
        recipients=("Thành viên Hội đồng;", "Lưu: VT."),
        signer=_chair_signer(facts),
        title=f"Chương trình {facts.title}",
        author=facts.agency.agency_name,
    )


def invitation_document(meeting_id: int, attendance_id: int | None = None) -> AdminDocument:
    """One invitation with the list of invitees, or one for a single invitee."""
    facts = meeting_facts(meeting_id)
    invitees = [a for a in facts.attendance if attendance_id in (None, a.id)]
    if attendance_id is not None and not invitees:
        raise NotFound("Người được mời không thuộc phiên họp này.")
    names = [f"{a.name}, {a.role}" if a.role else a.name for a in invitees]
    body = [Paragraph(f"{council_name()} trân trọng kính mời:")]
    body += [Paragraph(f"- {n};", indent_first_line=True) for n in names] or [
        Paragraph("- Thành viên Hội đồng.")
    ]
    body += [
        Paragraph(f"Tới dự: {facts.title}."),
        Paragraph(f"Thời gian: {facts.when()}."),
        Paragraph(f"Địa điểm: {facts.place or BLANK * 3}."),
    ]
    if facts.content:
        body.append(Paragraph(f"Nội dung: {facts.content}"))
    body.append(Paragraph("Rất mong các đồng chí tham dự đầy đủ, đúng giờ./."))
    return AdminDocument(
        header=_header(facts, "GM"),
        doc_type="GIẤY MỜI",
        subject=(facts.title,),
        body=tuple(body),
        recipients=("Như trên;", "Lưu: VT."),
        signer=_chair_signer(facts),
        title=f"Giấy mời {facts.title}",
        author=facts.agency.agency_name,
    )


def _vote_rows(meeting_id: int, on: date) -> tuple[list[tuple[str, ...]], list[str]]:
    voted = Proposal.select(Proposal.person).join(Vote).where(Vote.meeting == meeting_id)
    names = dict(  # the people voted on, not every person's name
        Person.select(Person.id, Person.full_name).where(Person.id.in_(voted)).tuples()
    )
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    awards = {a.id: a for a in AwardType.select()}
    rows: list[tuple[str, ...]] = []
    bases: dict[str, list[str]] = {}  # rule applied -> the titles it was applied to
    thresholds: dict[str, Threshold] = {}
    proposals = {  # one query for the proposals voted on, not one per vote
        p.id: p
        for p in Proposal.select().where(
            Proposal.id.in_(Vote.select(Vote.proposal).where(Vote.meeting == meeting_id))
        )
    }
    for vote in Vote.select().where(Vote.meeting == meeting_id).order_by(Vote.id):
        proposal = proposals[vote.proposal_id]
        award = awards[proposal.award_type_id]
        if award.code not in thresholds:  # one catalog lookup per title, not per vote
            thresholds[award.code] = threshold_for(award.code, on)
        threshold = thresholds[award.code]
        count = count_of(vote)
        result = judge(count, threshold)
        who = (
            names.get(proposal.person_id, "")
            if proposal.person_id
            else units.get(proposal.unit_id, "")
        )
        rows.append(
            (
                who,
                award.name,
                vote.method.label,
                f"{vote.votes_for}/{result.base}",
                result.percent_text,
                "Đạt" if result.passed else "Không đạt",
            )
        )
        rule = f"ngưỡng {threshold.percent}% trên {result.base_label} ({threshold.source})"
        titles = bases.setdefault(rule, [])
        if award.name not in titles:
            titles.append(award.name)
    # one line per rule, naming every title it was applied to (not one line per title)
    return rows, [f"{', '.join(titles)}: {rule}." for rule, titles in bases.items()]


def minutes_document(meeting_id: int) -> AdminDocument:
    facts = meeting_facts(meeting_id)
    members = [a for a in facts.attendance if a.is_member]
    present = [a for a in members if a.status is AttendanceStatus.PRESENT]
    guests = [a for a in facts.attendance if not a.is_member]
    quorum = meeting_quorum(meeting_id)
    body: list[object] = [
        Paragraph(f"Thời gian bắt đầu: {facts.when()}."),
        Paragraph(f"Địa điểm: {facts.place or BLANK * 3}."),
        Paragraph(f"Chủ trì: {facts.chair or BLANK * 3}. Thư ký: {facts.secretary or BLANK * 3}."),
        Heading("I. THÀNH PHẦN THAM DỰ", 1),
    ]
    if members or guests:
        body += [
            Paragraph(
                f"Có mặt {len(present)}/{len(members)} thành viên Hội đồng; theo quy chế cần ít "
                f"nhất {quorum.required} ({quorum.rule}): phiên họp "
                + (
                    "đủ điều kiện tiến hành."
                    if quorum.met
                    else "không đủ số thành viên theo quy định."
                )
            ),
            Table(
                ("Họ và tên", "Chức danh", "Tình hình tham dự"),
                tuple(
                    (a.name, a.role, a.status.label + (f" ({a.reason})" if a.reason else ""))
                    for a in members + guests
                ),
                (0.38, 0.32, 0.30),
            ),
        ]
    else:  # nothing recorded yet: lines for the secretary to fill in, not "0/0, at least 0"
        body += [
            Paragraph(f"Thành viên Hội đồng có mặt: {FILL}"),
            Paragraph(f"Vắng mặt (lý do): {FILL}"),
        ]
    body.append(Heading("II. NỘI DUNG PHIÊN HỌP", 1))
    if not facts.agenda:
        body.append(Paragraph(f"Nội dung thảo luận và kết luận: {FILL}"))
        body.append(Paragraph("…" * 29))  # a whole line under the first-line indent
    for number, item in enumerate(facts.agenda, start=1):
        body.append(Heading(f"{number}. {item.title}", 2))
        record = _agenda_record(item.id)
        body.append(
            Paragraph(
                f"Thảo luận: {record[0]}" if record[0] else "Thảo luận: không có ý kiến khác."
            )
        )
        if record[1]:
            body.append(Paragraph(f"Kết luận: {record[1]}"))
    rows, bases = _vote_rows(meeting_id, facts.review_on)
    if rows:
        body.append(Heading("III. KẾT QUẢ BIỂU QUYẾT, BỎ PHIẾU", 1))
        body.append(
            Table(
                (
                    "Cá nhân, tập thể",
                    "Danh hiệu, hình thức",
                    "Hình thức biểu quyết",
                    "Đồng ý",
                    "Tỷ lệ",
                    "Kết quả",
                ),
                tuple(rows),
                (0.24, 0.22, 0.16, 0.1, 0.12, 0.16),
            )
        )
        body += [Paragraph(f"Cơ sở tính: {b}") for b in bases]
    body.append(Paragraph(f"Phiên họp kết thúc vào lúc {clock(facts.end)} cùng ngày."))
    body.append(
        Paragraph(
            "Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và thống nhất thông qua./."
        )
    )
    return AdminDocument(
        header=_header(facts, "BB"),
        doc_type="BIÊN BẢN",
        subject=(facts.title,),
        body=tuple(body),  # type: ignore[arg-type]
        signer=Signer("", "CHỦ TỌA", facts.chair),
        left_signer=Signer("", "THƯ KÝ", facts.secretary),
        title=f"Biên bản {facts.title}",
        author=facts.agency.agency_name,
    )


def _agenda_record(item_id: int) -> tuple[str, str]:
    item = AgendaItem.get_by_id(item_id)
    return item.discussion, item.conclusion


def ballot_document(meeting_id: int) -> AdminDocument:
    """Ballot papers: the proposals before the council, with boxes to tick."""
    facts = meeting_facts(meeting_id)
    names = dict(Person.select(Person.id, Person.full_name).tuples())
    units = dict(Unit.select(Unit.id, Unit.name).tuples())
    awards = dict(AwardType.select(AwardType.id, AwardType.name).tuples())
    proposals = list(Proposal.select().where(Proposal.meeting == meeting_id).order_by(Proposal.id))
    rows = tuple(
        (
            str(i),
            names.get(p.person_id, "") if p.person_id else units.get(p.unit_id, ""),
            awards.get(p.award_type_id, ""),
            "",  # the cells are the boxes to tick: the bundled font has no ☐ glyph
            "",
        )
        for i, p in enumerate(proposals, start=1)
    )
    body = (
        Paragraph(
            "Đồng ý: đánh dấu X vào ô “Đồng ý”; không đồng ý: đánh dấu X vào ô “Không đồng ý”. "
            "Phiếu đánh dấu cả hai ô hoặc không đánh dấu ô nào cho một người là không hợp lệ đối "
            "với người đó."
        ),
        Table(
            (
                "STT",
                "Cá nhân, tập thể được đề nghị",
                "Danh hiệu, hình thức",
                "Đồng ý",
                "Không đồng ý",
            ),
            rows or (("", "", "", "", ""),),
            (0.08, 0.4, 0.28, 0.12, 0.12),
            align=("center", "left", "left", "center", "center"),
        ),
        Paragraph(
            f"({council_name()})",
            indent_first_line=False,
            italic=True,
            align="center",
        ),
    )
    return AdminDocument(
        header=_header(facts, "PB"),
        doc_type="PHIẾU BẦU",
        subject=(facts.title,),
        body=body,
        title=f"Phiếu bầu {facts.title}",
        author=facts.agency.agency_name,
    )


DOCUMENTS = {
    "agenda": agenda_document,
    "invitation": invitation_document,
    "minutes": minutes_document,
    "ballot": ballot_document,
}
