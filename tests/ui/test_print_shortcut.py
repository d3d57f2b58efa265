"""Ctrl+P on the plan, meetings and campaigns tabs and the decisions page: each its own, never two."""

from __future__ import annotations

import peewee as pw
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import decisions
from tests.award_data import AwardWorld, build_world, director_decision_input
from tests.fake_messages import FakeMessages
from tests.ui.conftest import show, wait_loaded
from ui.main_window import MainWindow

CTRL_P = QKeySequence("Ctrl+P")


@pytest.fixture
def world(sample_db: pw.SqliteDatabase) -> AwardWorld:
    w = build_world()
    decisions.create_decision(director_decision_input(), [w.proposals["an_ldtt"]])
    return w


def _live_ctrl_p(window: MainWindow) -> list[object]:
    """Buttons and actions bound to Ctrl+P that a key press could reach now."""
    live: list[object] = []
    for button in window.findChildren(QAbstractButton):
        if button.shortcut() == CTRL_P and button.isVisible() and button.isEnabled():
            live.append(button)
    for action in window.findChildren(QAction):
        if CTRL_P in action.shortcuts() and action.isEnabled():
            live.append(action)
    return live


def _press_ctrl_p(qtbot: QtBot, window: MainWindow, focus: QWidget) -> list[QWidget]:
    """Ctrl+P as the operator presses it; the popup menus it opened (closed again)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focus.setFocus()
    qtbot.waitUntil(focus.hasFocus)
    popups: list[QWidget] = []
    looked: list[bool] = []

    def look() -> None:  # runs inside the menu's own loop when one opened
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popups.append(popup)
            popup.close()
        looked.append(True)

    QTimer.singleShot(0, look)
    qtbot.keyClick(focus, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(looked))
    return popups


# Qt's other warnings still fail the test, "Ambiguous shortcut overload" among them; the offscreen
# platform only cannot raise a popup menu nor grab the keyboard for it.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_ctrl_p_on_each_tab_opens_that_tabs_papers_and_nothing_else(
    qtbot: QtBot, window: MainWindow, world: AwardWorld, fake_messages: FakeMessages
) -> None:
    window.resize(1280, 800)
    window.show()
    meetings = window.meetings_tab
    show(qtbot, window, meetings)
    assert meetings.select_where(lambda r: r.month == 3)
    assert meetings.papers_button.toolTip().endswith("(Ctrl+P)")
    assert _live_ctrl_p(window) == [meetings.papers_button]
    assert _press_ctrl_p(qtbot, window, meetings.table) == [meetings.papers_button.menu()]
    assert fake_messages.dialogs == []

    campaigns = window.campaigns_tab
    show(qtbot, window, campaigns)
    campaigns.table.selectRow(0)
    assert campaigns.papers_button.toolTip().endswith("(Ctrl+P)")
    assert _live_ctrl_p(window) == [campaigns.papers_button]  # not the registrations' Văn bản
    assert _press_ctrl_p(qtbot, window, campaigns.table) == [campaigns.papers_button.menu()]
    assert fake_messages.dialogs == []

    awards = window.awards_tab
    window.tabs.setCurrentWidget(awards)
    page = awards.decisions_page
    awards.pages.setCurrentWidget(page)
    wait_loaded(qtbot, page)
    page.table.selectRow(0)
    assert page.papers_button.toolTip().endswith("(Ctrl+P)")
    assert _live_ctrl_p(window) == [page.papers_button]
    assert _press_ctrl_p(qtbot, window, page.table) == [page.papers_button.menu()]
    assert fake_messages.dialogs == []

    plan = window.plan_tab
    show(qtbot, window, plan)
    assert _live_ctrl_p(window) == [plan.preview_button]
    fake_messages.dialog_handlers.append(lambda _dialog: False)
    assert _press_ctrl_p(qtbot, window, plan.tree) == []
    qtbot.waitUntil(lambda: bool(fake_messages.dialogs))  # a push button clicks a moment later
    assert [type(d).__name__ for d in fake_messages.dialogs] == ["DocumentPreview"]
