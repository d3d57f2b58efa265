"""A meeting's papers through the documents engine: agenda, invitation, minutes, ballot."""

from __future__ import annotations

import io
import re
from datetime import date, time
from pathlib import Path

import docx
import peewee as pw
import pytest
from pypdf import PdfReader

import main
from app import meeting_edit as me
from app import meeting_votes as mv
from app import people, records
from app.documents import render_docx, render_pdf
from app.reports import meeting_report
from app.vntext import split_name
from app.voting import VoteCount
from db.enums import AttendanceStatus, CouncilRole, VoteMethod
from db.models import Attendance, AwardType, Council, CouncilMember, Proposal


@pytest.fixture
def june(sample_db: pw.SqliteDatabase, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    body = Council.get()
    for name in ("Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Nam"):
        person = people.create_person(people.PersonInput(*split_name(name)))
        records.create(CouncilMember, council=body, person=person, role=CouncilRole.MEMBER)
    secretary = people.create_person(people.PersonInput("Vũ", "Thị", "Hoa"))
    records.create(CouncilMember, council=body, person=secretary, role=CouncilRole.SECRETARY)
    meeting = me.create_meeting(
        me.MeetingInput(
            2024,
            "Phiên họp định kỳ tháng 6 năm 2024",
            held_on=date(2024, 6, 25),
            start_time=time(8, 0),
            end_time=time(10, 30),
            place="Phòng họp Sở Ngoại vụ",
            chair_id=CouncilMember.get(CouncilMember.role == CouncilRole.CHAIR).person_id,
            secretary_id=secretary.id,
        )
    )
    me.add_agenda_item(meeting.id, "Khai mạc, thông qua chương trình", "Chủ tịch Hội đồng", 10)
    me.add_agenda_item(meeting.id, "Báo cáo kết quả thi đua 6 tháng đầu năm", "Văn phòng Sở", 30)
    me.add_agenda_item(meeting.id, "Biểu quyết đề nghị khen thưởng", "Thư ký Hội đồng", 20)
    for row in me.attendance_rows(meeting.id)[:4]:
        me.set_attendance(row.id, AttendanceStatus.PRESENT)
    person = people.create_person(people.PersonInput("Bùi", "Văn", "Tâm"))
    proposal = records.create(
        Proposal,
        year=2024,
        person=person,
        award_type=AwardType.get(AwardType.code == "LDTT"),
        meeting=meeting,
    )
    mv.record_vote(
        meeting.id,
        proposal.id,
        VoteCount(VoteMethod.SHOW_OF_HANDS, 5, 4, votes_for=3, votes_against=1),
    )
    return int(meeting.id)


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_the_agenda_lists_the_items_in_order_with_their_times(june: int) -> None:
    text = _text(render_pdf(meeting_report.agenda_document(june)))
    assert "CHƯƠNG TRÌNH" in text and "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in text
    positions = [
        text.index(s)
        for s in (
            "08:00 Khai mạc, thông qua chương trình",
            "08:10 Báo cáo kết quả thi đua",
            "08:40 Biểu quyết đề nghị",
        )
    ]
    assert positions == sorted(positions)
    assert "08 giờ 00, ngày 25 tháng 6 năm 2024" in text


def test_the_invitation_names_the_invitees(june: int) -> None:
    text = _text(render_pdf(meeting_report.invitation_document(june)))
    assert "GIẤY MỜI" in text and "trân trọng kính mời" in text
    assert "Nguyễn Văn Hùng" in text and "Tới dự: Phiên họp định kỳ tháng 6 năm 2024" in text
    one = me.attendance_rows(june)[1]
    single = _text(render_pdf(meeting_report.invitation_document(june, one.id)))
    assert one.name in single and "Trần Thị Lan" not in single.replace(one.name, "")


def test_the_minutes_record_quorum_votes_base_and_signatures(june: int) -> None:
    document = meeting_report.minutes_document(june)
    text = _text(render_pdf(document))
    assert "BIÊN BẢN" in text and "Có mặt 4/5 thành viên Hội đồng" in text
    assert "đủ điều kiện tiến hành" in text
    assert "Bùi Văn Tâm" in text and "3/4" in text and "75%" in text and "Đạt" in text
    assert "ngưỡng 51% trên 4 thành viên có mặt" in text
    assert "kết thúc vào lúc 10 giờ 30" in text
    assert "THƯ KÝ" in text and "CHỦ TỌA" in text and "Vũ Thị Hoa" in text
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert any("BIÊN BẢN" in p.text for p in word.paragraphs)


def test_the_ballot_lists_the_proposals_with_boxes(june: int) -> None:
    text = _text(render_pdf(meeting_report.ballot_document(june)))
    assert "PHIẾU BẦU" in text and "Bùi Văn Tâm" in text and "Lao động tiên tiến" in text


def test_meeting_papers_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "họp.sqlite"
    assert main.main(["init", "--db", str(db), "--sample"]) == 0
    for kind in ("agenda", "invitation", "minutes", "ballot"):
        out = tmp_path / f"{kind}.pdf"
        assert (
            main.main(["export", kind, "--meeting", "2", "--out", str(out), "--db", str(db)]) == 0
        )
        assert out.read_bytes().startswith(b"%PDF")
    assert (
        main.main(
            [
                "export",
                "minutes",
                "--meeting",
                "2",
                "--out",
                str(tmp_path / "m.docx"),
                "--db",
                str(db),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main.main(["export", "agenda", "--out", str(tmp_path / "x.pdf"), "--db", str(db)]) == 2
    assert (
        main.main(
            [
                "export",
                "agenda",
                "--meeting",
                "99",
                "--out",
                str(tmp_path / "x.pdf"),
                "--db",
                str(db),
            ]
        )
        == 2
    )
    assert "Không có phiên họp số 99" in capsys.readouterr().err


def test_one_invitation_per_invitee_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "họp.sqlite"
    assert main.main(["init", "--db", str(db), "--sample"]) == 0
    from app.session import close_app_database, open_app_database

    handle, _ = open_app_database(db)
    meeting = me.create_meeting(me.MeetingInput(2024, "Phiên họp tháng 8", month=8))
    guest = me.add_guest(meeting.id, "Bà Lê Thị Hồng")
    close_app_database(handle)
    out = tmp_path / "giấy mời.pdf"
    assert (
        main.main(
            [
                "export",
                "invitation",
                "--meeting",
                str(meeting.id),
                "--invitee",
                str(guest),
                "--out",
                str(out),
                "--db",
                str(db),
            ]
        )
        == 0
    )
    text = re.sub(r"\s+", " ", PdfReader(str(out)).pages[0].extract_text())
    assert "- Bà Lê Thị Hồng, Khách mời;" in text and "Phạm Thị Anh Thư," not in text


def test_the_minutes_give_one_line_per_voting_rule_naming_its_titles(june: int) -> None:
    person = Proposal.get().person
    second = records.create(
        Proposal,
        year=2024,
        person=person,
        award_type=AwardType.get(AwardType.code == "GK_SO"),
        achievements="Hoàn thành xuất sắc nhiệm vụ 6 tháng đầu năm",
        meeting=june,
    )
    mv.record_vote(
        june, second.id, VoteCount(VoteMethod.SHOW_OF_HANDS, 5, 4, votes_for=4, votes_against=0)
    )
    text = _text(render_pdf(meeting_report.minutes_document(june)))
    assert text.count("Cơ sở tính:") == 1
    assert "Cơ sở tính: Lao động tiên tiến, Giấy khen của Giám đốc Sở: ngưỡng 51% trên 4" in text


def test_minutes_of_a_meeting_with_nothing_recorded_leave_lines_to_fill_in(
    sample_db: pw.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    meeting = me.create_meeting(
        me.MeetingInput(2024, "Phiên họp bất thường", held_on=date(2024, 9, 9))
    )
    for row in Attendance.select().where(Attendance.meeting == meeting.id):
        records.delete(row)
    text = _text(render_pdf(meeting_report.minutes_document(meeting.id)))
    assert "0/0" not in text and "cần ít nhất 0" not in text
    assert "Thành viên Hội đồng có mặt: ……" in text
    assert "II. NỘI DUNG PHIÊN HỌP Nội dung thảo luận và kết luận: ……" in text
