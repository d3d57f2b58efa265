"""Tabs and the awards tab's pages are built the first time they are shown (ui/tabs/lazy_tabs.py):
a page built late starts on the year selected, then follows the year and the data changes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.conftest import shot, wait_loaded
from ui.main_window import AWARDS, MainWindow
from ui.tabs.award_history_page import AwardHistoryPage, EligiblePage
from ui.tabs.award_stats_page import AwardStatsPage
from ui.tabs.decisions_page import DecisionsPage
from ui.tabs.plan_tab import PlanTab


def test_only_the_tab_shown_is_built_and_a_late_one_starts_on_the_selected_year(
    qtbot: QtBot, window: MainWindow
) -> None:
    built = [window.tabs.indexOf(page) for page in window.tabs.built_pages()]
    assert isinstance(window.tabs.currentWidget(), PlanTab)
    assert 1 not in built and 2 not in built and 3 not in built  # (the fixture asked Danh mục)
    window.set_year(None)  # "Tất cả các năm" before the awards tab exists
    window.tabs.setCurrentIndex(3)  # a click on "Khen thưởng"
    tab = window.tabs.currentWidget()
    assert window.tabs.tabText(3) == AWARDS and tab is window.awards_tab
    wait_loaded(qtbot, tab)
    assert tab.year is None
    assert [type(p) for p in tab.pages.built_pages()] == [type(tab.proposals_page)]
    window.set_year(2024)
    wait_loaded(qtbot, tab)
    assert tab.year == 2024 and tab.model.rowCount() == 0  # the sample plan holds no proposals


def test_each_awards_page_is_built_when_shown_and_follows_the_year(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = window.awards_tab
    window.tabs.setCurrentWidget(tab)
    wait_loaded(qtbot, tab)
    window.resize(1280, 800)
    shot(window, "awards-page-0")
    kinds = [DecisionsPage, AwardStatsPage, AwardHistoryPage, EligiblePage]
    for index, kind in enumerate(kinds, start=1):
        title = tab.pages.tabText(index)
        tab.pages.setCurrentIndex(index)  # a click on the page's tab
        page = tab.pages.currentWidget()
        assert isinstance(page, kind) and tab.page(title) is page
        assert tab.pages.tabText(index) == title and tab.pages.currentIndex() == index
        wait_loaded(qtbot, page)
        shot(window, f"awards-page-{index}")
    assert tab.pages.count() == 5
    assert tab.decisions_page.year == 2024 and tab.eligible_page.year == 2024
    window.set_year(None)
    wait_loaded(qtbot, tab.eligible_page)  # shown: reloads at once, for all years
    assert tab.decisions_page.year is None and tab.eligible_page.year is None
    assert tab.stats_page.year is None and tab.history_page.year is None
