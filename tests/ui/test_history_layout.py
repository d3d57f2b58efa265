"""Khen thưởng › Lịch sử khen thưởng fits a small screen: no column off to the right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QTableView, QToolTip
from pytestqt.qtbot import QtBot

from app import records
from db.enums import ProposalStatus
from db.models import AwardType, Person, Proposal
from tests.ui.conftest import shot, wait_loaded
from ui.main_window import MainWindow


def _overflow(table: QTableView) -> int:
    """How many pixels of the table's columns lie past its right edge."""
    header = table.horizontalHeader()
    last = max(i for i in range(header.count()) if not header.isSectionHidden(i))
    right = header.sectionPosition(last) + header.sectionSize(last)
    return max(right - table.viewport().width(), 0)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_the_history_pages_columns_fit_the_window(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    director = Person.get()  # the sample's one person
    for code in ("LDTT", "CSTDCS"):
        records.create(
            Proposal,
            year=2024,
            person=director,
            award_type=AwardType.get(AwardType.code == code),
            status=ProposalStatus.GRANTED,
        )
    window.resize(*size)
    window.show()
    tab = window.awards_tab
    window.tabs.setCurrentWidget(tab)
    page = tab.history_page
    tab.pages.setCurrentWidget(page)
    wait_loaded(qtbot, page)
    page.select_where(lambda r: r.name == director.full_name)
    qtbot.waitUntil(lambda: page.detail.history is not None)
    assert page.detail.suggestions.rowCount() > 0
    shot(window, f"history-{size[0]}x{size[1]}")
    detail = page.detail
    for table in (page.table, detail.years_table, detail.suggestions_table):
        assert _overflow(table) == 0, (table.model().headerData(0, Qt.Orientation.Horizontal), size)
    # a cell cut short shows its whole text when the mouse rests on it, short texts too (the
    # model gives a tooltip only to those over 40 characters)
    checked = []
    for table in (detail.years_table, detail.suggestions_table):
        model = table.model()
        for column in range(model.columnCount()):
            index = model.index(0, column)
            text = index.data()
            if table.fontMetrics().horizontalAdvance(text) <= table.columnWidth(column) - 8:
                continue
            point = table.visualRect(index).center()
            event = QHelpEvent(QEvent.Type.ToolTip, point, table.viewport().mapToGlobal(point))
            QApplication.sendEvent(table.viewport(), event)
            assert QToolTip.text() == text
            QToolTip.hideText()
            checked.append(text)
    assert "Lao động tiên tiến; Chiến sĩ thi đua cơ sở" in checked
    if size[0] == 1024:
        assert "Chiến sĩ thi đua cơ sở" in checked
    eligible = tab.eligible_page  # the agency-wide list beside it, same columns
    tab.pages.setCurrentWidget(eligible)
    wait_loaded(qtbot, eligible)
    assert eligible.model.rowCount() > 0
    shot(window, f"eligible-{size[0]}x{size[1]}")
    assert _overflow(eligible.table) == 0
