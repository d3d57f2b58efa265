"""The awards tab: proposals added through the dialog with live findings, the detail pane's
dossier, log and overrides, the lifecycle buttons, the year's check, the pages beside."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app import eligibility, proposals
from app.proposals import ProposalInput
from db.enums import CommendationKind, ProposalStatus, RecipientKind, Severity
from db.models import Campaign, Proposal, ProposalEvent
from tests.conftest import FakeMessages
from tests.staff_gen import Staff, award_id, generate_staff, register
from tests.ui.conftest import shot, show, wait_loaded
from ui.dialogs.proposal_dialog import ProposalDialog
from ui.dialogs.proposal_parts import StepDialog
from ui.dialogs.year_check_dialog import YearCheckDialog
from ui.main_window import MainWindow
from ui.models.finding_table_model import FindingTableModel
from ui.tabs.awards_tab import AwardsTab

S = ProposalStatus


@pytest.fixture
def staff(window: MainWindow) -> Staff:
    return generate_staff(2024, per_unit=4)


@pytest.fixture
def tab(qtbot: QtBot, window: MainWindow, staff: Staff) -> AwardsTab:
    window.set_year(2024)
    show(qtbot, window, window.awards_tab)
    return window.awards_tab


def first(staff: Staff, i: int = 0) -> tuple[str, int]:
    name = list(staff.people)[i]
    return name, staff.people[name]


def fill(dialog: ProposalDialog, person: int, code: str, **text: str) -> None:
    dialog.set_recipient(person)
    dialog.set_award(award_id(code))
    if "achievements" in text:
        dialog.achievements_edit.setPlainText(text["achievements"])
    if "initiative" in text:
        dialog.initiative_edit.setPlainText(text["initiative"])


def test_the_dialog_shows_findings_as_the_fields_change(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    name, person = first(staff)
    seen: list[list[str]] = []

    def handle(dialog: ProposalDialog) -> bool:
        assert not dialog.save_button.isEnabled()  # nothing chosen yet
        assert "Chọn cá nhân" in dialog.findings_list.item(0).text()
        fill(dialog, person, "CSTDCS")
        qtbot.waitUntil(lambda: bool(dialog.findings))  # the timer fires
        seen.append([f.rule_code for f in dialog.findings])
        dialog.initiative_edit.setPlainText("Sáng kiến “Số hóa hồ sơ lãnh sự” được công nhận")
        seen.append([f.rule_code for f in dialog.refresh_findings()])
        assert dialog.save_button.isEnabled()
        return True

    fake_messages.dialog_handlers.append(handle)
    qtbot.mouseClick(tab.add_button, _left())
    assert seen[0] == ["registration_required", "cstdcs_criteria", "cstdcs_criteria"]
    assert seen[1] == ["registration_required", "cstdcs_criteria"]  # the ground is given now
    wait_loaded(qtbot, tab)
    assert [r.recipient_name for r in tab.visible_rows()] == [name]
    assert tab.detail.detail is not None and tab.detail.detail.recipient_name == name
    texts = [
        tab.detail.findings_list.item(i).text() for i in range(tab.detail.findings_list.count())
    ]
    assert any(t.startswith("Không đủ điều kiện: Chưa có đề nghị hoặc danh hiệu") for t in texts)
    assert any("Điều 23" in t for t in texts)


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_override_submit_and_the_log(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    _name, person = first(staff)
    pid = proposals.create_proposal(
        ProposalInput(2024, award_id("LDTT"), person_id=person), on=date(2024, 5, 20)
    ).id
    wait_loaded(qtbot, tab)
    tab.select_where(lambda r: r.id == pid)
    pane = tab.detail
    assert pane.pages.tabText(0) == "Điều kiện (1)"
    pane.findings_list.setCurrentRow(0)
    assert pane.override_button.isEnabled()

    def reason(dialog: StepDialog) -> bool:
        assert not dialog.save_button.isEnabled()  # a reason is required
        dialog.note_edit.setPlainText("Cán bộ mới chuyển đến, đăng ký tại đơn vị cũ")
        return True

    fake_messages.dialog_handlers.append(reason)
    pane.findings_list.itemDoubleClicked.emit(pane.findings_list.item(0))  # as a double click
    assert pane.pages.tabText(0) == "Điều kiện (0)"
    assert "Đã bỏ qua" in pane.findings_list.item(0).text()
    fake_messages.dialog_handlers.append(lambda d: True)
    qtbot.mouseClick(pane.submit_button, _left())
    assert Proposal.get_by_id(pid).status is S.BEFORE_COUNCIL
    log = [pane.events_list.item(i).text() for i in range(pane.events_list.count())]
    assert log[0].startswith("20/05/2024  Dự thảo")
    assert "Bỏ qua cảnh báo “registration_required”: Cán bộ mới chuyển đến" in log[1]
    assert "Dự thảo → Trình Hội đồng" in log[2]
    assert fake_messages.shown == []


def test_a_blocked_proposal_is_not_submitted_and_says_why(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    _name, person = first(staff)
    register(2024, "CSTDCS", person=person)
    pid = proposals.create_proposal(ProposalInput(2024, award_id("CSTDCS"), person_id=person)).id
    wait_loaded(qtbot, tab)
    tab.select_where(lambda r: r.id == pid)
    tab.detail.findings_list.setCurrentRow(0)
    assert not tab.detail.override_button.isEnabled()  # a condition, not a warning
    fake_messages.dialog_handlers.append(lambda d: True)
    qtbot.mouseClick(tab.detail.submit_button, _left())
    [(kind, _title, text)] = fake_messages.shown
    assert kind == "error" and "Chưa trình Hội đồng được" in text and "Điều 23" in text
    assert Proposal.get_by_id(pid).status is S.DRAFT


def test_withdraw_after_the_vote_and_delete_refused(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    _name, person = first(staff)
    pid = proposals.create_proposal(ProposalInput(2024, award_id("LDTT"), person_id=person)).id
    proposals.transition(pid, S.BEFORE_COUNCIL, on=date(2024, 5, 1))
    proposals.transition(pid, S.PASSED, on=date(2024, 5, 2))
    wait_loaded(qtbot, tab)
    tab.select_where(lambda r: r.id == pid)
    fake_messages.confirm_answers.append(True)
    tab.delete_selected()
    assert "không xóa được" in fake_messages.shown[-1][2]
    tab.edit_selected()  # no dialog: what was voted on stays as it was
    assert fake_messages.shown[-1][1] == "Không sửa được"

    def why(dialog: StepDialog) -> bool:
        dialog.note_edit.setPlainText("Cá nhân xin rút vì chuyển công tác")
        return True

    fake_messages.dialog_handlers.append(why)
    qtbot.mouseClick(tab.detail.withdraw_button, _left())
    wait_loaded(qtbot, tab)
    assert tab.visible_rows()[0].status is S.WITHDRAWN
    assert "Lý do rút: Cá nhân xin rút" in tab.detail.summary.text()
    assert not tab.detail.withdraw_button.isEnabled()


def test_status_menu_offers_only_allowed_steps(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    _name, person = first(staff)
    data = ProposalInput(2024, award_id("BK_TINH"), person_id=person, achievements="Thành tích")
    pid = proposals.create_proposal(data).id
    proposals.transition(pid, S.BEFORE_COUNCIL, on=date(2024, 5, 1))
    proposals.transition(pid, S.PASSED, on=date(2024, 5, 2))
    wait_loaded(qtbot, tab)
    tab.select_where(lambda r: r.id == pid)
    texts = [a.text() for a in tab.detail.step_menu.actions() if a.isEnabled()]
    assert texts == [
        "Không được thông qua…",
        "Trình cấp trên…",
        "Không được khen thưởng…",
    ]
    fake_messages.dialog_handlers.append(lambda d: True)
    tab.detail.step_menu.actions()[1].trigger()
    assert Proposal.get_by_id(pid).status is S.SENT_UP


def test_granting_is_left_to_the_decision_and_said_so(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    from app import decisions
    from tests.award_data import director_decision_input

    _name, person = first(staff)
    pid = proposals.create_proposal(ProposalInput(2024, award_id("LDTT"), person_id=person)).id
    proposals.transition(pid, S.BEFORE_COUNCIL, on=date(2024, 5, 1))
    proposals.transition(pid, S.PASSED, on=date(2024, 5, 2))
    wait_loaded(qtbot, tab)
    tab.select_where(lambda r: r.id == pid)
    detail = tab.detail
    actions = {a.text(): a for a in detail.step_menu.actions()}
    grant = actions["Được khen thưởng (qua Quyết định)"]
    assert not grant.isEnabled() and "trang Quyết định" in grant.toolTip()
    assert detail.step_menu.toolTipsVisible()
    assert [a.text() for a in actions.values() if a.isEnabled()] == [
        "Không được thông qua…",
        "Không được khen thưởng…",
    ]
    assert detail.step_button.isEnabled()

    decisions.create_decision(director_decision_input(), [pid])
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.status is S.GRANTED)
    assert not detail.step_button.isEnabled()  # leaving granted goes through the decision
    assert "Quyết định số 12/QĐ-SNgV" in detail.step_button.toolTip()
    assert "gỡ đề nghị khỏi quyết định" in detail.step_button.toolTip()
    assert not detail.withdraw_button.isEnabled()
    assert "Quyết định số 12/QĐ-SNgV" in detail.withdraw_button.toolTip()
    tab.resize(1280, 760)
    shot(detail, "proposal_detail_granted")
    assert fake_messages.shown == []


def test_dossier_ticked_with_its_reference(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    _name, person = first(staff)
    pid = proposals.create_proposal(ProposalInput(2024, award_id("LDTT"), person_id=person)).id
    wait_loaded(qtbot, tab)
    tab.select_where(lambda r: r.id == pid)
    pane = tab.detail
    assert pane.dossier_list.count() == 3
    pane.dossier_list.setCurrentRow(0)

    def reference(dialog: Any) -> bool:
        dialog.reference_edit.setText("Tờ trình số 15/TTr-VP ngày 02/12/2024")
        return True

    fake_messages.dialog_handlers.append(reference)
    qtbot.mouseClick(pane.reference_button, _left())
    [first_item, *_] = proposals.dossier_rows(pid)
    assert first_item.attached and first_item.reference.startswith("Tờ trình số 15")
    from PySide6.QtCore import Qt

    pane.dossier_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert proposals.dossier_rows(pid)[1].attached


def test_check_the_whole_year(
    qtbot: QtBot,
    tab: AwardsTab,
    staff: Staff,
    fake_messages: FakeMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import openpyxl

    from ui import messages

    names = list(staff.people)
    for name in names[:2]:
        register(2024, "LDTT", person=staff.people[name])
    for name in names[:3]:
        proposals.create_proposal(
            ProposalInput(2024, award_id("LDTT"), person_id=staff.people[name])
        )
    dialogs: list[YearCheckDialog] = []

    def look(dialog: YearCheckDialog) -> bool:
        dialogs.append(dialog)
        qtbot.waitUntil(dialog.ready)
        assert [(f.recipient, f.rule_code) for f in dialog.rows()] == [
            (names[2], "registration_required")
        ]
        dialog.table.selectRow(0)
        assert dialog.override_button.isEnabled()
        fake_messages.dialog_handlers.append(_reason("Đăng ký muộn, có xác nhận"))
        dialog.override_selected()
        qtbot.waitUntil(dialog.ready)
        assert dialog.rows()[0].overridden
        assert "0 cảnh báo chưa xử lý, 1 cảnh báo đã bỏ qua" in dialog.summary_label.text()
        saved = tmp_path / "kiem-tra"
        monkeypatch.setattr(messages, "save_file", lambda *_a: saved)
        out = dialog.export_rows()
        assert out == tmp_path / "kiem-tra.xlsx"
        sheet = openpyxl.load_workbook(out).active
        assert sheet.cell(1, 2).value == "Cá nhân / tập thể"
        assert sheet.cell(2, 2).value == names[2] and sheet.cell(2, 6).value.startswith("Đăng ký")
        return False

    fake_messages.dialog_handlers.append(look)
    qtbot.mouseClick(tab.check_button, _left())
    assert dialogs and ProposalEvent.select().where(ProposalEvent.rule_code != "").count() == 1


def _reason(text: str) -> Any:
    def handle(dialog: StepDialog) -> bool:
        dialog.note_edit.setPlainText(text)
        return True

    return handle


def test_new_proposal_for_a_campaign_and_pages_beside(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    from PySide6.QtWidgets import QLabel

    campaign = Campaign.select().where(Campaign.year == 2024).first()
    _name, person = first(staff)

    def handle(dialog: ProposalDialog) -> bool:
        assert dialog.campaign_combo.currentData() == campaign.id
        assert dialog.kind_combo.currentData() == CommendationKind.THEMATIC.value
        fill(dialog, person, "GK_SO", achievements="Có thành tích trong phong trào")
        return True

    fake_messages.dialog_handlers.append(handle)
    new_id = tab.new_proposal(campaign.id)
    saved = Proposal.get_by_id(new_id)
    assert (saved.campaign_id, saved.kind) == (campaign.id, CommendationKind.THEMATIC)
    page = QLabel("Lịch sử")
    index = tab.add_page(page, "Lịch sử")
    assert tab.pages.tabText(index) == "Lịch sử" and tab.page("Lịch sử") is page
    assert tab.pages.tabText(0) == "Đề nghị"


def test_collective_proposals_list_units_and_their_titles(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    unit = next(iter(staff.units.values()))

    def handle(dialog: ProposalDialog) -> bool:
        dialog.recipient_kind_combo.setCurrentIndex(1)
        awards = [dialog.award_combo.itemText(i) for i in range(dialog.award_combo.count())]
        assert "Tập thể lao động tiên tiến (Cấp Sở)" in awards
        assert not any(a.startswith("Lao động tiên tiến") for a in awards)
        dialog.set_recipient(unit)
        dialog.set_award(award_id("TTLDTT"))
        return True

    fake_messages.dialog_handlers.append(handle)
    tab.add_record()
    saved = Proposal.get(Proposal.unit == unit)
    assert saved.person_id is None
    data = proposals.proposal_input(saved.id)
    assert data.recipient_kind is RecipientKind.COLLECTIVE


def test_the_rules_model_passes_the_model_tester(qtmodeltester: Any, staff: Staff) -> None:
    from ui.models.rule_table_model import RuleTableModel

    model = RuleTableModel()
    model.set_rows(eligibility.checked_rules(date(2025, 7, 1)))
    assert model.rowCount() >= 12
    qtmodeltester.check(model)


def test_the_findings_model_passes_the_model_tester(qtmodeltester: Any, staff: Staff) -> None:
    _name, person = first(staff)
    proposals.create_proposal(ProposalInput(2024, award_id("CSTDCS"), person_id=person))
    model = FindingTableModel()
    model.set_rows(eligibility.check_year(2024, date(2024, 12, 1)))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_the_agency_switches_a_warning_off_and_sets_its_cap(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    from ui.dialogs.award_rules_dialog import AwardRulesDialog, CapDialog

    _name, person = first(staff)
    pid = proposals.create_proposal(ProposalInput(2024, award_id("LDTT"), person_id=person)).id
    assert [f.rule_code for f in eligibility.check_proposal(pid, tab.today)] == [
        "registration_required"
    ]

    def rules(dialog: AwardRulesDialog) -> bool:
        codes = [r.rule_code for r in dialog.rows()]
        assert "registration_required" in codes and "vote_threshold" not in codes
        law = codes.index("cstdcs_criteria")
        dialog.table.selectRow(law)
        assert not dialog.off_button.isEnabled()  # the Law's condition stays
        dialog.table.selectRow(codes.index("registration_required"))

        def off(step: StepDialog) -> bool:
            step.date_edit.setDate(step.date_edit.date().addDays(-30))
            step.note_edit.setPlainText("Quy chế thi đua của Sở năm 2024")
            return True

        fake_messages.dialog_handlers.append(off)
        dialog.off_button.click()
        row = next(r for r in dialog.rows() if r.rule_code == "registration_required")
        assert row.severity is Severity.OFF and "Quy chế thi đua của Sở" in row.legal_basis

        def cap(step: CapDialog) -> bool:
            step.percent_spin.setValue(20)
            return True

        fake_messages.dialog_handlers.append(cap)
        dialog.cap_button.click()
        cap_row = next(r for r in dialog.rows() if r.rule_code == "cstdcs_cap")
        assert cap_row.severity is Severity.WARN and cap_row.params == {"max_percent_of_ldtt": 20}
        return False

    fake_messages.dialog_handlers.append(rules)
    qtbot.mouseClick(tab.rules_button, _left())
    assert eligibility.check_proposal(pid, tab.today) == []
    assert tab.detail.pages.tabText(0) == "Điều kiện (0)" or tab.detail.proposal_id != pid


def test_the_agency_sets_point_d_of_the_provincial_bang_khen(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    import os
    from pathlib import Path

    from ui.dialogs.award_rules_dialog import AwardRulesDialog, BkTinhDialog

    shots = os.environ.get("TDKT_SCREENSHOTS")
    _name, person = first(staff)
    data = ProposalInput(2024, award_id("BK_TINH"), person_id=person, achievements="Thành tích")
    [before] = eligibility.check_input(data, tab.today)
    assert "2 năm liên tục hoàn thành xuất sắc nhiệm vụ" in before.detail

    def rules(dialog: AwardRulesDialog) -> bool:
        row = next(r for r in dialog.rows() if r.rule_code == "bk_tinh_criteria")
        assert row.award_name == "Bằng khen tỉnh" and row.confidence == "[?]"
        assert row.params["htxs_years"] == 2 and row.params["cstdcs_times"] == 2
        dialog.table.selectRow(dialog.rows().index(row))
        assert dialog.off_button.isEnabled()  # a warning: the agency may switch it off

        def point_d(step: BkTinhDialog) -> bool:
            assert (step.years_spin.value(), step.times_spin.value()) == (2, 2)
            step.years_spin.setValue(3)
            step.times_spin.setValue(4)
            assert not step.save_button.isEnabled()
            assert "không vượt" in step.error_label.text() or "từ 0 đến" in step.error_label.text()
            step.times_spin.setValue(1)
            assert step.save_button.isEnabled() and step.error_label.text() == ""
            step.date_edit.setDate(step.date_edit.date().addDays(-30))
            step.note_edit.setText("Quy chế thi đua của tỉnh")
            if shots:
                step.grab().save(str(Path(shots) / "bk-tinh-point-d.png"))
            return True

        fake_messages.dialog_handlers.append(point_d)
        dialog.bk_tinh_button.click()
        row = next(r for r in dialog.rows() if r.rule_code == "bk_tinh_criteria")
        assert row.params["htxs_years"] == 3 and row.params["cstdcs_times"] == 1
        assert "d) 3 năm liên tục" in row.title and "Quy chế thi đua của tỉnh" in row.legal_basis
        set_on = tab.today - timedelta(days=30)
        assert row.setting_text == f"Cơ quan đặt từ {set_on:%d/%m/%Y}"
        column = [c.header for c in dialog.model.columns].index("Cài đặt của cơ quan")
        shown = dialog.model.index(dialog.rows().index(row), column).data()
        assert shown == row.setting_text
        # under Decree 152/2025 the agency's numbers stay, the basis is the one in force
        dialog.date_edit.setDate(QDate(2026, 3, 1))
        row = next(r for r in dialog.rows() if r.rule_code == "bk_tinh_criteria")
        assert row.params["htxs_years"] == 3 and row.setting_from == set_on
        assert "Nghị định số 152/2025/NĐ-CP; điểm d" in row.legal_basis
        assert row.effective_from == date(2025, 7, 1)
        if shots:
            dialog.table.selectRow(dialog.rows().index(row))
            dialog.grab().save(str(Path(shots) / "award-rules-dialog.png"))
        return False

    fake_messages.dialog_handlers.append(rules)
    qtbot.mouseClick(tab.rules_button, _left())
    [after] = eligibility.check_input(data, tab.today)
    assert "3 năm liên tục hoàn thành xuất sắc nhiệm vụ (2022–2024), trong đó 1 lần" in (
        after.detail
    )


def test_a_typed_name_that_names_nobody_is_not_a_recipient(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    name, person = first(staff)

    def handle(dialog: ProposalDialog) -> bool:
        dialog.set_award(award_id("LDTT"))
        dialog.set_recipient(person)
        assert dialog.input().person_id == person
        dialog.recipient_combo.setEditText("khong co ai")
        assert dialog.input().person_id is None
        assert not dialog.save_button.isEnabled()
        assert "Chưa chọn cá nhân" in dialog.error_label.text()
        index = dialog.recipient_combo.findData(person)
        dialog.recipient_combo.setEditText(dialog.recipient_combo.itemText(index))
        assert dialog.input().person_id == person and dialog.save_button.isEnabled()
        assert name in dialog.recipient_combo.currentText()
        return False

    fake_messages.dialog_handlers.append(handle)
    tab.add_record()
    assert Proposal.select().count() == 0


def test_submit_the_years_drafts_holding_back_the_blocked(
    qtbot: QtBot, tab: AwardsTab, staff: Staff, fake_messages: FakeMessages
) -> None:
    from db.enums import Rating
    from tests.staff_gen import evaluate

    names = list(staff.people)
    ids = []
    for name in names[:3]:
        register(2024, "LDTT", person=staff.people[name])
        data = ProposalInput(2024, award_id("LDTT"), person_id=staff.people[name])
        ids.append(proposals.create_proposal(data).id)
    evaluate(staff.people[names[2]], 2024, Rating.COMPLETED)

    def look(dialog: YearCheckDialog) -> bool:
        qtbot.waitUntil(dialog.ready)
        fake_messages.confirm_answers.append(True)
        done = dialog.submit_drafts()
        assert done is not None and done.submitted == 2
        assert done.held_back == (f"{names[2]} — Lao động tiên tiến",)
        qtbot.waitUntil(dialog.ready)
        return False

    fake_messages.dialog_handlers.append(look)
    tab.check_year()
    assert [Proposal.get_by_id(i).status for i in ids] == [
        S.BEFORE_COUNCIL,
        S.BEFORE_COUNCIL,
        S.DRAFT,
    ]
    info = fake_messages.shown[-1]
    assert info[0] == "info" and f"Chưa trình (chưa đủ điều kiện): {names[2]}" in info[2]


def test_the_history_of_a_proposal_names_it(qtbot: QtBot, tab: AwardsTab, staff: Staff) -> None:
    name, person = first(staff)
    pid = proposals.create_proposal(ProposalInput(2024, award_id("LDTT"), person_id=person)).id
    wait_loaded(qtbot, tab)
    tab.select_where(lambda r: r.id == pid)
    dialog = tab.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Lịch sử thay đổi — Lao động tiên tiến — {name}"
    wait_loaded(qtbot, dialog.history_list)
    assert dialog.history_list.model.total_count() >= 1
