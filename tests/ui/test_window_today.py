"""The window's ``today`` is the app's today: no page falls back to the computer's clock."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_loaded
from ui.main_window import ALL_YEARS, MainWindow


def _all_years(window: MainWindow) -> None:
    window.year_combo.setCurrentIndex(window.year_combo.findData(ALL_YEARS))
    assert window.selected_year() is None


def test_all_years_on_the_awards_pages_means_the_windows_current_year(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.today == date(2024, 5, 20)  # not the computer's year
    _all_years(window)
    tab = window.awards_tab
    window.tabs.setCurrentWidget(tab)
    stats = tab.stats_page
    tab.pages.setCurrentWidget(stats)
    wait_loaded(qtbot, stats)
    assert stats.stats is not None and stats.stats.year == 2024
    eligible = tab.eligible_page
    tab.pages.setCurrentWidget(eligible)
    wait_loaded(qtbot, eligible)
    assert eligible.heading.text() == "Đủ điều kiện đề nghị năm 2025 (theo kết quả đến năm 2024)"
    assert eligible.propose_button.text() == "Lập đề nghị năm 2025…"


def test_the_plan_progress_note_date_starts_at_the_windows_today(
    qtbot: QtBot, window: MainWindow
) -> None:
    _all_years(window)
    tab = window.plan_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.detail.note_date_edit.date().toPython() == date(2024, 5, 20)


def test_the_meetings_calendar_opens_on_the_windows_today(qtbot: QtBot, window: MainWindow) -> None:
    _all_years(window)
    tab = window.meetings_tab
    window.tabs.setCurrentWidget(tab)
    wait_loaded(qtbot, tab)
    assert tab.calendar.selectedDate().toPython() == date(2024, 5, 20)
    assert (tab.calendar.yearShown(), tab.calendar.monthShown()) == (2024, 5)
