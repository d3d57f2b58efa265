"""Issue 5's acceptance cycle through the window: register for 2024, report two quarters, see
the third become due, record a typical example, start a thematic proposal."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from app import people, registrations
from app.campaign_reports import PeriodState
from app.vntext import split_name
from db.enums import Cadence, CommendationKind, Launcher
from db.models import AwardType, Campaign, Person, Proposal, Registration
from tests.conftest import FakeMessages
from tests.ui.conftest import show
from ui.dialogs.campaign_parts import CampaignReportDialog, TypicalExampleDialog, UnitSheetDialog
from ui.dialogs.proposal_dialog import ProposalDialog
from ui.main_window import MainWindow
from ui.models.campaign_table_model import CampaignTableModel

YEARLY = "Phong trào thi đua yêu nước tại Sở"
SECURITY = "Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc năm 2024”"
STAFF = {
    "Văn phòng Sở": ("Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Văn Nam"),
    "Ban Giám đốc": ("Võ Văn Sơn",),
}


def _add_staff() -> None:
    units = dict((name, uid) for uid, name in registrations.registering_units())
    for unit, names in STAFF.items():
        for name in names:
            people.create_person(people.PersonInput(*split_name(name), unit_id=units[unit]))


def test_register_report_and_follow_the_2024_campaigns(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    _add_staff()
    tab = window.campaigns_tab
    show(qtbot, window, tab)
    model = tab.model
    assert model.total_count() == 13
    launchers = {r.name: (r.launcher, r.cadence) for r in model.rows()}
    assert launchers[SECURITY] == (Launcher.PROVINCE, Cadence.QUARTERLY)
    assert launchers[YEARLY] == (Launcher.DEPARTMENT, None)
    row = model.find_row(lambda r: r.name == SECURITY)
    assert model.index(row, CampaignTableModel.COL_LAUNCHER).data() == "UBND tỉnh"
    assert model.index(row, CampaignTableModel.COL_CADENCE).data() == "Hằng quý"
    # on 20 May the first quarter is overdue and the second due, for each quarterly campaign
    assert model.index(row, CampaignTableModel.COL_REPORTS).data() == (
        "Quá hạn: Quý I/2024; Đến kỳ: Quý II/2024"
    )
    assert tab.report_counts() == (7, 7)
    assert "7 quá hạn" in tab.summary_label.text()

    # --- registration: every unit and its people, on the yearly campaign ---------------------
    assert tab.select_where(lambda r: r.name == YEARLY)
    detail = tab.detail
    qtbot.waitUntil(lambda: detail.campaign_id == Campaign.get(Campaign.name == YEARLY).id)
    detail.setCurrentWidget(detail.registrations)
    units = registrations.registering_units()
    for index, (_unit_id, unit_name) in enumerate(units):

        def fill(dialog: UnitSheetDialog, index: int = index, unit_name: str = unit_name) -> bool:
            dialog.unit_combo.setCurrentIndex(index)
            dialog.unit_title_combo.setCurrentIndex(
                dialog.unit_title_combo.findText("Tập thể lao động tiên tiến")
            )
            dialog.all_combo.setCurrentIndex(dialog.all_combo.findText("Lao động tiên tiến"))
            dialog.all_combo.activated.emit(dialog.all_combo.currentIndex())
            assert dialog.unit_combo.currentText() == unit_name
            assert dialog.save_button.isEnabled()
            return True

        fake_messages.dialog_handlers.append(fill)
        detail.sheet_button.click()
    registered = len(units) + sum(len(n) for n in STAFF.values()) + 1  # and the director
    qtbot.waitUntil(
        lambda: (
            detail.registrations.is_current()
            and detail.registrations.model.total_count() == registered
        )
    )
    assert registrations.coverage(2024).text() == "Đã đăng ký: 2/2 đơn vị, 5/5 cá nhân"
    assert "2/2 đơn vị, 5/5 cá nhân" in detail.coverage_label.text()
    hung = next(p for p in people.person_rows() if p.full_name == "Nguyễn Văn Hùng")
    assert registrations.registered_award_codes(2024, person_id=hung.id) == {"LDTT"}
    lan = Registration.get(
        Registration.person
        == next(p.id for p in people.person_rows() if p.full_name == "Trần Thị Lan")
    )
    assert lan.registered_on == date(2024, 1, 15) and lan.award_type == AwardType.get(
        AwardType.code == "LDTT"
    )

    # --- the first and second quarter reports of a provincial campaign ----------------------
    assert tab.select_where(lambda r: r.name == SECURITY)
    security = Campaign.get(Campaign.name == SECURITY).id
    qtbot.waitUntil(lambda: detail.campaign_id == security)
    detail.setCurrentWidget(detail.reports)
    reports = detail.reports
    qtbot.waitUntil(lambda: reports.is_current() and reports.model.total_count() == 4)
    states = [r.state for r in reports.model.rows()]
    assert states == [
        PeriodState.OVERDUE,
        PeriodState.DUE,
        PeriodState.UPCOMING,
        PeriodState.UPCOMING,
    ]
    for quarter, text in (
        (1, "Tuyên truyền đến 100% công chức."),
        (2, "Duy trì tuần tra, canh gác."),
    ):
        assert reports.select_where(lambda r, q=quarter: r.period_index == q)

        def write(dialog: CampaignReportDialog, text: str = text) -> bool:
            assert not dialog.save_button.isEnabled()  # the results are required
            dialog.results_edit.setPlainText(text)
            dialog.highlights_edit.setPlainText("Không phát sinh vụ việc phức tạp.")
            assert dialog.save_button.isEnabled()
            return True

        fake_messages.dialog_handlers.append(write)
        detail.report_button.click()
        qtbot.waitUntil(
            lambda q=quarter: (
                reports.is_current() and reports.model.rows()[q - 1].state == PeriodState.REPORTED
            )
        )
    assert reports.model.rows()[1].reported_on == date(2024, 5, 20)
    assert reports.model.rows()[2].state == PeriodState.UPCOMING
    qtbot.waitUntil(lambda: tab.is_current() and tab.report_counts() == (6, 6))
    # time passes: on 1 July the third quarter becomes due
    tab.set_today(date(2024, 7, 1))
    qtbot.waitUntil(
        lambda: reports.is_current() and reports.model.rows()[2].state == PeriodState.DUE
    )
    qtbot.waitUntil(lambda: tab.is_current() and tab.report_counts() == (7, 12))
    row = model.find_row(lambda r: r.name == SECURITY)
    assert model.index(row, CampaignTableModel.COL_REPORTS).data() == "Đến kỳ: Quý III/2024"
    assert "<b>7</b> đến kỳ" in tab.summary_label.text()

    # --- a typical example, listed on the campaign and across the years ----------------------
    detail.setCurrentWidget(detail.examples)

    def example(dialog: TypicalExampleDialog) -> bool:
        assert dialog.campaign_combo.currentData() == security
        dialog.person_combo.setCurrentIndex(dialog.person_combo.findText("Nguyễn Văn Hùng"))
        dialog.deeds_edit.setPlainText("Phát hiện, ngăn chặn kịp thời đối tượng xâm nhập trụ sở")
        dialog.spread_edit.setPlainText("Biểu dương tại hội nghị cán bộ, công chức")
        return True

    fake_messages.dialog_handlers.append(example)
    detail.examples.add_button.click()
    examples = detail.examples
    qtbot.waitUntil(lambda: examples.is_current() and examples.model.total_count() == 1)
    assert examples.model.rows()[0].name == "Nguyễn Văn Hùng"
    assert tab.select_where(lambda r: r.name == YEARLY)
    qtbot.waitUntil(lambda: examples.is_current() and examples.model.total_count() == 0)
    detail.all_years_check.setChecked(True)
    qtbot.waitUntil(lambda: examples.is_current() and examples.model.total_count() == 1)

    # --- a thematic proposal is asked for from the campaign -----------------------------------
    detail.setCurrentWidget(detail.proposals)
    yearly = Campaign.get(Campaign.name == YEARLY)
    hung = Person.get(Person.full_name == "Nguyễn Văn Hùng")

    def thematic(dialog: ProposalDialog) -> bool:
        # the main window opened the awards tab's dialog with the campaign and kind chosen
        data = dialog.input()
        assert (data.campaign_id, data.kind) == (yearly.id, CommendationKind.THEMATIC)
        dialog.set_recipient(hung.id)
        dialog.set_award(AwardType.get(AwardType.code == "GK_SO").id)
        dialog.achievements_edit.setPlainText("Hoàn thành xuất sắc nhiệm vụ của phong trào")
        return True

    fake_messages.dialog_handlers.append(thematic)
    with qtbot.waitSignal(tab.propose_requested) as blocker:
        detail.propose_button.click()
    assert blocker.args == [yearly.id]
    assert window.tabs.currentWidget() is window.awards_tab
    proposal = Proposal.get(Proposal.campaign == yearly.id)
    assert (proposal.person_id, proposal.kind) == (hung.id, CommendationKind.THEMATIC)
    # and it is listed on the campaign
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(
        lambda: detail.proposals.is_current() and detail.proposals.model.total_count() == 1
    )
