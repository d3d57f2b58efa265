"""Issue 6's acceptance cycle through the window, on the sample year with a generated staff list:
registrations, proposals through the dialog, the warnings that should fire (and no other), the
vote in the year-end meeting, a decision of the director, and its certificates."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import meeting_edit, people, records
from app.vntext import split_name
from db.enums import (
    AttendanceStatus,
    CouncilRole,
    Discipline,
    ProposalStatus,
    Rating,
    RecipientKind,
)
from db.models import Council, CouncilMember, Decision, Meeting, Proposal, ProposalEvent
from tests.conftest import FakeMessages
from tests.staff_gen import Staff, award_id, evaluate, generate_staff, register
from tests.ui.conftest import show, wait_loaded
from ui.dialogs.decision_dialog import DecisionDialog
from ui.dialogs.evaluation_dialog import EvaluationDialog
from ui.dialogs.form_dialog import select_data
from ui.dialogs.meeting_parts import ChooseProposalsDialog
from ui.dialogs.proposal_dialog import ProposalDialog
from ui.dialogs.proposal_parts import StepDialog
from ui.dialogs.vote_dialog import VoteDialog
from ui.dialogs.year_check_dialog import YearCheckDialog
from ui.main_window import MainWindow

S = ProposalStatus


def _staff() -> Staff:
    """Three divisions of five. In the first, the fifth member was disciplined (cảnh cáo); in the
    second, the fifth only "hoàn thành nhiệm vụ"; in the third, the fifth did not register and
    the first's rating has not been typed in yet."""
    staff = generate_staff(2024, per_unit=5, seed=11)
    a, b, c = (staff.in_unit(u) for u in staff.units)
    evaluate(staff.people[a[0]], 2024, Rating.EXCELLENT)
    evaluate(staff.people[c[0]], 2024, None)
    evaluate(staff.people[a[4]], 2024, Rating.GOOD, discipline=Discipline.WARNING)
    evaluate(staff.people[b[4]], 2024, Rating.COMPLETED)
    for name in a + b + c[:4]:
        register(2024, "LDTT", person=staff.people[name])
    for name in (a[0], b[0]):
        register(2024, "CSTDCS", person=staff.people[name])
    for unit in list(staff.units.values())[:2]:
        register(2024, "TTLDTT", unit=unit)
    return staff


def test_a_year_of_awards_from_registration_to_certificates(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = _staff()
    window.set_year(2024)
    show(qtbot, window, window.awards_tab)
    _propose_through_the_dialog(qtbot, window, fake_messages, staff)
    _check_the_whole_list(qtbot, window, fake_messages, staff)
    _record_the_missing_rating(qtbot, window, fake_messages, staff)
    _withdraw_the_blocked_one(qtbot, window, fake_messages, staff)
    failing = _vote_in_the_year_end_meeting(qtbot, window, fake_messages, staff)
    _decide_and_print(qtbot, window, fake_messages, staff, failing, monkeypatch)


def _propose_through_the_dialog(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, staff: Staff
) -> None:
    a, b, c = (staff.in_unit(u) for u in staff.units)
    tab = window.awards_tab
    unit_a, unit_b, _unit_c = staff.units.values()
    # --- proposals through the dialog, the findings shown as they are typed ---------------------
    live: dict[tuple[str, str], list[str]] = {}

    def propose(recipient: int, code: str, key: str, collective: bool = False, **text: str):  # type: ignore[no-untyped-def]
        def fill(dialog: ProposalDialog) -> bool:
            if collective:
                dialog.recipient_kind_combo.setCurrentIndex(1)
            dialog.set_recipient(recipient)
            dialog.set_award(award_id(code))
            if "initiative" in text:
                dialog.initiative_edit.setPlainText(text["initiative"])
            live[(key, code)] = [f.rule_code for f in dialog.refresh_findings()]
            return dialog.save_button.isEnabled()

        fake_messages.dialog_handlers.append(fill)
        tab.add_record()

    for name in a[:4] + b + c:
        propose(staff.people[name], "LDTT", name)
    propose(staff.people[a[0]], "CSTDCS", a[0])
    propose(
        staff.people[b[0]],
        "CSTDCS",
        b[0],
        initiative="Sáng kiến “Tra cứu hồ sơ lãnh sự trực tuyến” được công nhận",
    )
    propose(unit_a, "TTLDTT", "A", collective=True)
    propose(unit_b, "TTLDTT", "B", collective=True)
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 18)
    assert {k: v for k, v in live.items() if v} == {
        (b[4], "LDTT"): ["ldtt_criteria"],
        (c[0], "LDTT"): ["ldtt_criteria"],  # no rating yet: a warning
        (c[4], "LDTT"): ["registration_required"],
        ("A", "TTLDTT"): ["ttldtt_criteria"],
    }


def _check_the_whole_list(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, staff: Staff
) -> None:
    a, b, c = (staff.in_unit(u) for u in staff.units)
    tab = window.awards_tab

    # --- the whole list before the council meets: those four, and nothing else ----------------
    def look(dialog: YearCheckDialog) -> bool:
        qtbot.waitUntil(dialog.ready)
        found = {(f.recipient, f.award_name, f.rule_code, f.severity.value) for f in dialog.rows()}
        assert found == {
            (b[4], "Lao động tiên tiến", "ldtt_criteria", "block"),
            (c[0], "Lao động tiên tiến", "ldtt_criteria", "warn"),
            (c[4], "Lao động tiên tiến", "registration_required", "warn"),
            (
                "Phòng Lãnh sự",
                "Tập thể lao động tiên tiến",
                "ttldtt_criteria",
                "warn",
            ),
        }
        messages_shown = {f.rule_code: f.message for f in dialog.rows() if f.recipient != c[0]}
        assert (
            "Điều 24 Luật Thi đua, khen thưởng số 06/2022/QH15" in messages_shown["ldtt_criteria"]
        )
        unrated = next(f.message for f in dialog.rows() if f.recipient == c[0])
        assert "Chưa ghi kết quả xếp loại chất lượng năm 2024" in unrated
        assert "Lịch sử khen thưởng" in unrated and "Ghi kết quả năm 2024…" in unrated
        assert f"bị kỷ luật từ cảnh cáo trở lên: {a[4]}" in messages_shown["ttldtt_criteria"]
        assert "Khoản 1 Điều 28" in messages_shown["ttldtt_criteria"]
        for who in (c[4], "Phòng Lãnh sự"):
            row = next(i for i, f in enumerate(dialog.rows()) if f.recipient == who)
            dialog.table.selectRow(dialog.proxy.mapFromSource(dialog.model.index(row, 0)).row())
            fake_messages.dialog_handlers.append(
                _reason(
                    "Đăng ký muộn, có xác nhận của đơn vị"
                    if who == c[4]
                    else "Kỷ luật đã chấp hành xong, Hội đồng xem xét"
                )
            )
            dialog.override_selected()
            qtbot.waitUntil(dialog.ready)
        assert "1 trường hợp không đủ điều kiện, 1 cảnh báo chưa xử lý, 2 cảnh báo đã bỏ qua" in (
            dialog.summary_label.text()
        )
        return False

    fake_messages.dialog_handlers.append(look)
    tab.check_year()
    assert ProposalEvent.select().where(ProposalEvent.rule_code != "").count() == 2


def _record_the_missing_rating(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, staff: Staff
) -> None:
    """Where the warning says: Lịch sử khen thưởng, the person, "Ghi kết quả năm 2024…"."""
    _a, _b, c = (staff.in_unit(u) for u in staff.units)
    tab = window.awards_tab
    page = tab.history_page
    tab.pages.setCurrentWidget(page)
    wait_loaded(qtbot, page)
    page.show_recipient(RecipientKind.INDIVIDUAL, staff.people[c[0]])
    qtbot.waitUntil(lambda: page.detail.history is not None and page.detail.history.name == c[0])
    assert page.detail.evaluation_button.text() == "Ghi kết quả năm 2024…"

    def rate(dialog: EvaluationDialog) -> bool:
        select_data(dialog.rating_combo, Rating.GOOD)
        return True

    fake_messages.dialog_handlers.append(rate)
    page.detail.evaluation_button.click()
    tab.pages.setCurrentIndex(0)
    proposal = Proposal.get(
        (Proposal.person == staff.people[c[0]]) & (Proposal.award_type == award_id("LDTT"))
    )
    qtbot.waitUntil(lambda: tab.select_where(lambda r: r.id == proposal.id))
    qtbot.waitUntil(lambda: tab.detail.proposal_id == proposal.id)
    tab.detail.refresh()
    assert [f.rule_code for f in tab.detail.findings] == []  # rated: nothing left to say


def _withdraw_the_blocked_one(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, staff: Staff
) -> None:
    a, b, c = (staff.in_unit(u) for u in staff.units)
    tab = window.awards_tab
    # the blocked one cannot go before the council; it is withdrawn with its reason
    blocked = Proposal.get(
        (Proposal.person == staff.people[b[4]]) & (Proposal.award_type == award_id("LDTT"))
    )
    tab.select_where(lambda r: r.id == blocked.id)
    fake_messages.dialog_handlers.append(lambda d: True)
    tab.detail.submit_button.click()
    assert "Chưa trình Hội đồng được" in fake_messages.shown.pop()[2]
    fake_messages.dialog_handlers.append(_reason("Không đạt mức hoàn thành tốt nhiệm vụ"))
    tab.detail.withdraw_button.click()
    assert Proposal.get_by_id(blocked.id).status is S.WITHDRAWN


def _vote_in_the_year_end_meeting(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, staff: Staff
) -> int:
    _a, b, _c = (staff.in_unit(u) for u in staff.units)
    # --- the year-end meeting: the council present, the proposals voted ---------------------
    council = Council.get()
    for name in ("Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Nam", "Võ Văn Sơn"):
        person = people.create_person(people.PersonInput(*split_name(name)))
        records.create(CouncilMember, council=council, person=person, role=CouncilRole.MEMBER)
    meeting_edit.delete_meeting(Meeting.get(Meeting.month == 12).id)  # planned before the
    meetings = window.meetings_tab  # council was complete: scheduled again, all invited
    show(qtbot, window, meetings)
    meetings.schedule_periodic()
    december = Meeting.get(Meeting.month == 12)
    records.update(december, held_on=date(2024, 12, 18))
    qtbot.waitUntil(lambda: meetings.select_where(lambda r: r.id == december.id))
    detail = meetings.detail
    qtbot.waitUntil(lambda: detail.meeting_id == december.id)

    for row in meeting_edit.attendance_rows(december.id):
        meeting_edit.set_attendance(row.id, AttendanceStatus.PRESENT)
    detail.setCurrentWidget(detail.votes)
    wait_loaded(qtbot, detail.votes)

    def choose(dialog: ChooseProposalsDialog) -> bool:
        assert dialog.list.count() == 17  # all but the withdrawn one
        for i in range(dialog.list.count()):
            dialog.list.item(i).setCheckState(Qt.CheckState.Checked)
        return True

    fake_messages.dialog_handlers.append(choose)
    detail.votes.add_button.click()
    qtbot.waitUntil(lambda: detail.votes.is_current() and detail.votes.model.total_count() == 17)
    failing = Proposal.get(
        (Proposal.person == staff.people[b[0]]) & (Proposal.award_type == award_id("CSTDCS"))
    )
    for proposal in Proposal.select().where(Proposal.meeting == december).order_by(Proposal.id):
        yes = 2 if proposal.id == failing.id else 5

        def count(dialog: VoteDialog, yes: int = yes) -> bool:
            dialog.spins["votes_for"].setValue(yes)
            dialog.spins["votes_against"].setValue(5 - yes)
            return True

        qtbot.waitUntil(
            lambda p=proposal: (
                detail.votes.is_current() and detail.votes.select_where(lambda r: r.id == p.id)
            )
        )
        fake_messages.dialog_handlers.append(count)
        detail.votes.vote_button.click()
        want = S.FAILED if proposal.id == failing.id else S.PASSED
        assert fake_messages.shown == [], fake_messages.shown
        qtbot.waitUntil(lambda p=proposal, w=want: Proposal.get_by_id(p.id).status is w)
    log = [
        e.to_status
        for e in ProposalEvent.select()
        .where((ProposalEvent.proposal == failing.id) & ProposalEvent.to_status.is_null(False))
        .order_by(ProposalEvent.id)
    ]
    assert log == [S.DRAFT, S.BEFORE_COUNCIL, S.FAILED]

    return int(failing.id)


def _decide_and_print(
    qtbot: QtBot,
    window: MainWindow,
    fake_messages: FakeMessages,
    staff: Staff,
    failing: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, c = (staff.in_unit(u) for u in staff.units)
    tab = window.awards_tab
    # --- the director's decision on the Quyết định page, and its certificates -----------------
    show(qtbot, window, tab)
    page = tab.page("Quyết định")
    tab.pages.setCurrentWidget(page)
    wait_loaded(qtbot, page)

    def decide(dialog: DecisionDialog) -> bool:
        dialog.number_edit.setText("25")
        dialog.all_button.click()
        assert len(dialog.proposal_ids()) == 16  # passed; not the failed nor the withdrawn
        return dialog.save_button.isEnabled()

    fake_messages.dialog_handlers.append(decide)
    page.add_button.click()
    decision = Decision.get(Decision.number == "25")
    granted = list(Proposal.select().where(Proposal.decision == decision))
    assert len(granted) == 16 and {p.status for p in granted} == {S.GRANTED}
    assert Proposal.get_by_id(failing).status is S.FAILED
    last = (
        ProposalEvent.select()
        .where(ProposalEvent.proposal == granted[0].id)
        .order_by(ProposalEvent.id.desc())
        .first()
    )
    assert last.to_status is S.GRANTED and "Quyết định số 25" in last.note

    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    from app.documents import render_pdf
    from app.reports import award_report

    pdf = PdfReader(io.BytesIO(render_pdf(award_report.certificates_document(decision.id))))
    assert len(pdf.pages) == 16
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    for name in (a[0], b[0], c[4], "Phòng Lãnh sự"):
        assert name in text
    assert b[4] not in text  # withdrawn

    tab.pages.setCurrentIndex(0)
    tab.select_where(lambda r: r.id == granted[0].id)
    assert "Quyết định số 25" in tab.detail.summary.text()
    assert fake_messages.shown == []


def _reason(text: str):  # type: ignore[no-untyped-def]
    def handle(dialog: StepDialog) -> bool:
        dialog.note_edit.setPlainText(text)
        return True

    return handle
