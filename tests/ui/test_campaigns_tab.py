"""The campaigns tab: add, edit, close, archive, reopen, carry over, delete and undo, papers."""

from __future__ import annotations

from datetime import date

import peewee as pw
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.enums import Cadence, CampaignKind, CampaignStatus
from db.models import Campaign
from tests.conftest import FakeMessages
from tests.ui.conftest import show, wait_loaded
from ui.dialogs.campaign_dialog import CampaignDialog
from ui.main_window import MainWindow
from ui.tabs.campaigns_tab import CampaignsTab
from ui.tasks import wait_for_background

NAME = "Phong trào thi đua chào mừng kỷ niệm 79 năm ngành Ngoại giao năm 2024"


def test_launch_close_archive_carry_over_and_delete(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.campaigns_tab
    show(qtbot, window, tab)

    def launch(dialog: CampaignDialog) -> bool:
        assert not dialog.save_button.isEnabled()
        dialog.name_edit.setText(NAME)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Theo chuyên đề, theo đợt"))
        dialog.cadence_combo.setCurrentIndex(dialog.cadence_combo.findText("Hằng tháng"))
        dialog.from_check.setChecked(True)
        dialog.to_check.setChecked(True)
        dialog.from_edit.setDate(date(2024, 9, 1))
        dialog.to_edit.setDate(date(2024, 8, 1))
        assert "sau ngày bắt đầu" in dialog.error_label.text()
        assert not dialog.save_button.isEnabled()
        dialog.to_edit.setDate(date(2024, 11, 30))
        dialog.criteria_edit.setPlainText("- Hoàn thành xuất sắc nhiệm vụ đối ngoại")
        assert dialog.save_button.isEnabled()
        return True

    fake_messages.dialog_handlers.append(launch)
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 14)
    c = Campaign.get(Campaign.name == NAME)
    assert (c.kind, c.cadence, c.date_to) == (
        CampaignKind.THEMATIC,
        Cadence.MONTHLY,
        date(2024, 11, 30),
    )
    qtbot.waitUntil(lambda: tab.selected_row() is not None and tab.selected_row().id == c.id)
    assert tab.archive_action.isEnabled() is False and tab.close_action.isEnabled()

    fake_messages.confirm_answers.append(True)
    tab.close_action.trigger()
    qtbot.waitUntil(lambda: tab.is_current() and tab.selected_row().status == CampaignStatus.CLOSED)
    assert tab.archive_action.isEnabled()
    tab.archive_action.trigger()
    qtbot.waitUntil(
        lambda: tab.is_current() and tab.selected_row().status == CampaignStatus.ARCHIVED
    )
    tab.reopen_action.trigger()
    qtbot.waitUntil(lambda: tab.is_current() and tab.selected_row().status == CampaignStatus.ACTIVE)

    fake_messages.confirm_answers.append(True)
    new_id = tab.carry_over_selected()
    assert new_id is not None
    carried = Campaign.get_by_id(new_id)
    assert carried.year == 2025 and carried.name.endswith("năm 2025")
    assert carried.date_from == date(2025, 9, 1)

    qtbot.waitUntil(lambda: tab.is_current() and tab.select_where(lambda r: r.id == c.id))
    tab.table.setFocus()
    fake_messages.confirm_answers.append(True)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 13)
    assert Campaign.get_or_none(Campaign.id == c.id) is None
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.is_current() and tab.model.total_count() == 14)
    assert Campaign.get_by_id(c.id).name == NAME


def test_statistics_and_the_launch_plan_preview(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.campaigns_tab
    show(qtbot, window, tab)
    tab.show_statistics()
    kind, title, text = fake_messages.shown[-1]
    assert "0601" in title and "Tổng số phong trào thi đua: 13" in text
    assert "Cấp phát động: Trung ương (Thủ tướng Chính phủ): 4" in text
    assert tab.select_where(lambda r: r.name.startswith("Phong trào thi đua “Toàn dân bảo vệ"))
    preview = tab.make_paper_preview("campaign-plan")
    assert preview is not None and "Kế hoạch phát động" in preview.windowTitle()
    preview.close()


def test_keys_in_the_detail_act_on_the_detail(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    from app import registrations
    from db.models import AwardType, Person, Registration, Unit

    director = Person.get()
    yearly = Campaign.get(Campaign.name == "Phong trào thi đua yêu nước tại Sở")
    registrations.create_registration(
        registrations.RegistrationInput(
            2024,
            AwardType.get(AwardType.code == "CSTDCS").id,
            person_id=director.id,
            campaign_id=yearly.id,
        )
    )
    board = Unit.get(Unit.name == "Ban Giám đốc")
    registrations.create_registration(  # entered without a campaign: still the year's
        registrations.RegistrationInput(
            2024, AwardType.get(AwardType.code == "TTLDTT").id, unit_id=board.id
        )
    )
    tab = window.campaigns_tab
    show(qtbot, window, tab)
    assert tab.select_where(lambda r: r.id == yearly.id)
    regs = tab.detail.registrations
    qtbot.waitUntil(lambda: regs.is_current() and regs.model.total_count() == 2)
    assert regs.select_where(lambda r: r.is_unit)
    preview = tab.detail.make_preview("unit-sheet")
    assert preview.windowTitle().endswith("Ban Giám đốc")
    preview.close()
    tab.detail.only_campaign_check.setChecked(True)
    qtbot.waitUntil(lambda: regs.is_current() and regs.model.total_count() == 1)
    regs.table.selectRow(0)
    regs.table.setFocus()
    fake_messages.confirm_answers.append(True)
    qtbot.keyClick(regs.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: regs.is_current() and regs.model.total_count() == 0)
    assert tab.model.total_count() == 13  # the campaign itself was not touched
    qtbot.keyClick(regs.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: regs.is_current() and regs.model.total_count() == 1)
    assert Registration.select().count() == 2


def test_without_the_awards_tab_the_proposal_button_says_where_to_go(
    qtbot: QtBot, sample_db: pw.SqliteDatabase, fake_messages: FakeMessages
) -> None:
    tab = CampaignsTab(date(2024, 5, 20))  # alone: nothing listens to propose_requested
    qtbot.addWidget(tab)
    tab.set_year(2024)
    tab.show()
    wait_loaded(qtbot, tab)
    assert tab.select_where(lambda r: r.launcher.value == "department")
    qtbot.waitUntil(lambda: tab.detail.campaign_id is not None)
    tab.detail.propose_button.click()
    assert fake_messages.shown[-1][1] == "Đề nghị khen thưởng theo chuyên đề"
    tab.close()
    wait_for_background()


def test_hostile_text_in_the_campaign_and_report_dialogs(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    import unicodedata

    from app import campaign_reports
    from ui.dialogs.campaign_parts import CampaignReportDialog

    dialog = CampaignDialog(2024, [], [])
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Phong trào\x07 thi đua")
    assert "ký tự điều khiển" in dialog.error_label.text() and not dialog.save_button.isEnabled()
    dialog.name_edit.setText(unicodedata.normalize("NFD", "Phong trào “Dân vận khéo” năm 2024"))
    assert dialog.save_button.isEnabled()
    tab = window.campaigns_tab
    show(qtbot, window, tab)
    tab.editor.save(None, dialog.input())
    assert Campaign.get(Campaign.name == "Phong trào “Dân vận khéo” năm 2024").year == 2024
    c = Campaign.get(Campaign.name.contains("an ninh Tổ quốc"))
    period = campaign_reports.period_rows(c.id, date(2024, 5, 20))[0]
    report = CampaignReportDialog(c.id, period, date(2024, 3, 30))
    qtbot.addWidget(report)
    report.results_edit.setPlainText("Kết quả\x1b tốt")
    assert not report.save_button.isEnabled() and "ký tự điều khiển" in report.error_label.text()
