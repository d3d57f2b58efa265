"""The main window on the sample year: tabs list, search, year switch, sorting, menus, state."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import records
from db.enums import CommendationKind, Launcher, ProposalStatus
from db.models import AwardType, Campaign, Person, Proposal, Unit
from tests.conftest import FakeMessages
from tests.ui.conftest import make_window, show, show_directory, wait_loaded
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

TAB_TITLES = ["Kế hoạch", "Phiên họp", "Phong trào thi đua", "Khen thưởng", "Danh mục"]


def test_tabs_menus_and_title_are_vietnamese(window: MainWindow) -> None:
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "Trợ &giúp"]
    assert window.year_combo.currentText() == "2024"


def test_each_menu_item_has_its_own_access_key(window: MainWindow) -> None:
    """Alt+T then a letter runs the item: two items on one letter only move between them."""
    for menu_action in window.menuBar().actions():
        keys: dict[str, str] = {}
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            text = action.text()
            assert "&" in text, text
            key = text[text.index("&") + 1].casefold()
            assert key not in keys, (text, keys[key])
            keys[key] = text


def test_each_tab_lists_the_sample_year(qtbot: QtBot, window: MainWindow) -> None:
    plan_titles = [r.title for r in window.plan_tab.visible_rows()]
    assert len(plan_titles) == 17 and plan_titles[0] == "MỤC ĐÍCH, YÊU CẦU"
    row = window.plan_tab.visible_rows()[12]
    assert window.plan_tab.model.index_of(row.id).data().startswith("5.2. Thực hiện")
    show(qtbot, window, window.meetings_tab)
    assert [r.month for r in window.meetings_tab.visible_rows()] == [3, 6, 12]
    assert window.meetings_tab.model.index(0, 0).data() == "Tháng 03/2024"
    show(qtbot, window, window.campaigns_tab)
    launchers = [r.launcher for r in window.campaigns_tab.visible_rows()]
    assert launchers.count(Launcher.PRIME_MINISTER) == 4 and len(launchers) == 13
    show(qtbot, window, window.awards_tab)
    assert window.awards_tab.model.rowCount() == 0  # the plan holds no proposals
    assert show_directory(qtbot, window, 0).model.rowCount() == 3
    assert [r.full_name for r in show_directory(qtbot, window, 1).visible_rows()] == [
        "Phạm Thị Anh Thư"
    ]
    council = show_directory(qtbot, window, 2).visible_rows()
    assert [(r.full_name, r.role.label) for r in council] == [
        ("Phạm Thị Anh Thư", "Chủ tịch Hội đồng")
    ]
    assert show_directory(qtbot, window, 3).model.rowCount() == 12


def _add_people(*names: str) -> None:
    from app import people
    from app.vntext import split_name

    for name in names:
        people.create_person(people.PersonInput(*split_name(name)))


def test_search_ignores_diacritics_and_case(qtbot: QtBot, window: MainWindow) -> None:
    _add_people("Nguyễn Thị Hương", "Đặng Văn Lâm", "Trần Nguyên Thịnh", "Lê Văn Nam")
    people_tab = show_directory(qtbot, window, 1)
    qtbot.waitUntil(lambda: people_tab.model.rowCount() == 5)
    qtbot.keyClicks(people_tab.search_edit, "nguyen thi")
    names = {r.full_name for r in people_tab.visible_rows()}
    assert names == {"Nguyễn Thị Hương", "Trần Nguyên Thịnh"}
    people_tab.search_edit.clear()
    qtbot.keyClicks(people_tab.search_edit, "DANG")
    assert [r.full_name for r in people_tab.visible_rows()] == ["Đặng Văn Lâm"]
    assert people_tab.count_label.text() == "1 / 5 người"
    people_tab.search_edit.setText("Đặng")  # typed with marks: the same result
    assert [r.full_name for r in people_tab.visible_rows()] == ["Đặng Văn Lâm"]
    people_tab.search_edit.clear()
    assert people_tab.proxy.rowCount() == 5


def test_year_selector_scopes_the_lists(qtbot: QtBot, window: MainWindow) -> None:
    records.create(Campaign, year=2023, name="Phong trào năm trước", launcher=Launcher.PROVINCE)
    show(qtbot, window, window.campaigns_tab)
    assert window.year_combo.findData(2023) >= 0  # the new year appeared in the selector
    window.set_year(2023)
    wait_loaded(qtbot, window.campaigns_tab)
    assert [r.name for r in window.campaigns_tab.visible_rows()] == ["Phong trào năm trước"]
    window.set_year(None)
    wait_loaded(qtbot, window.campaigns_tab)
    assert window.campaigns_tab.model.rowCount() == 14
    window.set_year(2024)
    wait_loaded(qtbot, window.campaigns_tab)
    assert window.campaigns_tab.model.rowCount() == 13
    show(qtbot, window, window.plan_tab)
    assert len(window.plan_tab.visible_rows()) == 17


def test_awards_list_searches_and_sorts_on_raw_values(qtbot: QtBot, window: MainWindow) -> None:
    _add_people("Nguyễn Văn Bảy", "Trần Thị An", "Đặng Văn Chín")
    ldtt = AwardType.get(AwardType.code == "LDTT")
    for year, person in [(2024, "Nguyễn Văn Bảy"), (2024, "Trần Thị An"), (2024, "Đặng Văn Chín")]:
        records.create(
            Proposal,
            year=year,
            person=Person.get(Person.full_name == person),
            award_type=ldtt,
            kind=CommendationKind.REGULAR,
            status=ProposalStatus.DRAFT,
        )
    unit = Unit.get(Unit.name == "Văn phòng Sở")
    records.create(
        Proposal, year=2024, unit=unit, award_type=AwardType.get(AwardType.code == "TTLDTT")
    )
    show(qtbot, window, window.awards_tab)
    tab = window.awards_tab
    tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [r.recipient_name for r in tab.visible_rows()] == [
        "Trần Thị An",
        "Nguyễn Văn Bảy",
        "Đặng Văn Chín",
        "Văn phòng Sở",
    ]
    tab.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert tab.visible_rows()[0].recipient_name == "Văn phòng Sở"
    tab.search_edit.setText("lao dong tien tien")
    assert {r.recipient_name for r in tab.visible_rows()} == {
        "Trần Thị An",
        "Nguyễn Văn Bảy",
        "Đặng Văn Chín",
        "Văn phòng Sở",
    }
    tab.search_edit.setText("tap the")
    assert [r.recipient_name for r in tab.visible_rows()] == ["Văn phòng Sở"]


def test_sorting_numbers_and_dates_not_their_text(qtbot: QtBot, window: MainWindow) -> None:
    for year in (2009, 2010, 2100):
        records.create(Campaign, year=year, name=f"Phong trào {year}", launcher=Launcher.OTHER)
    window.set_year(None)
    show(qtbot, window, window.campaigns_tab)
    tab = window.campaigns_tab
    tab.table.sortByColumn(tab.model.COL_YEAR, Qt.SortOrder.AscendingOrder)
    years = [r.year for r in tab.visible_rows()]
    assert years == sorted(years) and years[0] == 2009 and years[-1] == 2100


def test_window_state_is_remembered(
    qtbot: QtBot, window: MainWindow, sample_db, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.resize(790, 570)  # the offscreen screen is 800 x 600; restoreGeometry clamps to it
    window.tabs.setCurrentIndex(2)
    window.set_year(None)
    window.close()
    again = make_window(qtbot, sample_db, db_path)
    assert again.tabs.currentIndex() == 2
    assert again.selected_year() is None
    assert (again.size().width(), again.size().height()) == (790, 570)
    again.close()


def test_about_names_the_version_and_data_file(
    window: MainWindow, fake_messages: FakeMessages, db_path: Path
) -> None:
    window.about_action.trigger()
    assert "phiên bản 0.1.0" in fake_messages.texts()
    assert str(db_path) in fake_messages.texts()


def test_back_up_now_writes_a_copy(window: MainWindow, fake_messages: FakeMessages) -> None:
    target = window.backup_now()
    assert target is not None and target.exists() and target.stat().st_size > 0
    assert "Đã sao lưu" in fake_messages.texts()


def test_opening_a_bad_file_keeps_the_current_data(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, tmp_path: Path
) -> None:
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_text("hello", encoding="utf-8")
    fake_messages.open_paths.append(bad)
    window.open_action.trigger()
    assert "không phải là cơ sở dữ liệu SQLite" in fake_messages.texts()
    wait_loaded(qtbot, window.plan_tab)
    assert len(window.plan_tab.visible_rows()) == 17
    # "Mở" picks an existing file only: a new database is made first (`main.py init`)
    fresh = tmp_path / "moi.sqlite"
    made = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "init", "--db", str(fresh)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert made.returncode == 0, made.stderr.decode()
    fake_messages.open_paths.append(fresh)
    window.open_action.trigger()
    wait_loaded(qtbot, window.plan_tab)
    assert window.current.path == fresh.resolve() or window.current.path == fresh
    assert len(window.plan_tab.visible_rows()) == 0
    assert "Chưa có kế hoạch" in window.plan_tab.header_label.text()


@pytest.mark.parametrize("shortcut", ["Ctrl+F"])
def test_find_shortcut_focuses_the_search_box(
    qtbot: QtBot, window: MainWindow, shortcut: str
) -> None:
    window.activateWindow()
    window.find_action.trigger()
    assert (
        window.plan_tab.search_edit.hasFocus()
        or window.focusWidget() is window.plan_tab.search_edit
    )


def test_the_catalog_shows_the_rules_of_the_selected_award(
    qtbot: QtBot, window: MainWindow
) -> None:
    catalog_list = show_directory(qtbot, window, 3)
    assert catalog_list.select_where(lambda r: r.code == "LDTT")
    text = window.directory_tab.rules_view.toPlainText()
    assert "Điều 24 Luật Thi đua, khen thưởng số 06/2022/QH15" in text
    assert "Áp dụng từ 01/01/2024" in text and "Chặn" in text
    assert "0.3 lần mức lương cơ sở" in text and "01/07/2025" in text


def test_a_list_exports_what_it_shows(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import openpyxl

    from ui import messages

    records.create(Campaign, year=2024, name='=HYPERLINK("http://x")', launcher=Launcher.OTHER)
    show(qtbot, window, window.campaigns_tab)
    tab = window.campaigns_tab
    tab.search_edit.setText("hyperlink")
    monkeypatch.setattr(messages, "save_file", lambda *args: tmp_path / "phong trào")
    saved = tab.export_rows()
    assert saved == tmp_path / "phong trào.xlsx"
    rows = list(openpyxl.load_workbook(saved).active.iter_rows(values_only=True))
    assert rows[0][0] == "Tên phong trào"
    assert len(rows) == 2 and rows[1][0] == '=HYPERLINK("http://x")'
    assert rows[1][-1] == 2024  # the year column as a number


def test_a_sorted_list_stays_sorted_when_it_reloads(qtbot: QtBot, window: MainWindow) -> None:
    _add_people("Trần Văn Bình", "Lê Thị Yến")
    people_tab = show_directory(qtbot, window, 1)
    qtbot.waitUntil(lambda: people_tab.model.total_count() == 3)
    people_tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [r.full_name for r in people_tab.visible_rows()] == [
        "Lê Thị Yến",
        "Phạm Thị Anh Thư",
        "Trần Văn Bình",
    ]
    _add_people("Ngô Văn Sáu")  # the list reloads; the rows come back sorted from the worker
    qtbot.waitUntil(lambda: people_tab.is_current() and people_tab.model.total_count() == 4)
    assert [r.full_name for r in people_tab.visible_rows()] == [
        "Lê Thị Yến",
        "Phạm Thị Anh Thư",
        "Ngô Văn Sáu",
        "Trần Văn Bình",
    ]


def test_the_catalog_marks_the_agencys_settings(qtbot: QtBot, window: MainWindow) -> None:
    from datetime import date

    from app import eligibility

    eligibility.set_bk_tinh_route(3, 1, date(2024, 12, 1))
    catalog_list = show_directory(qtbot, window, 3)
    assert catalog_list.select_where(lambda r: r.code == "BK_TINH")
    text = window.directory_tab.rules_view.toPlainText()
    assert "Áp dụng từ 01/01/2024 đến 30/06/2025" in text  # the legal versions, dated
    assert "Cơ quan đặt, áp dụng từ 01/12/2024 đến khi cơ quan thay đổi" in text


def test_create_a_new_database_from_the_menu(
    qtbot: QtBot,
    window: MainWindow,
    fake_messages: FakeMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tệp → Tạo cơ sở dữ liệu mới…: never over an existing file; the new one opens empty and
    asks the agency's details as a first start does."""
    from tests.ui.test_dialogs import _fill_agency
    from ui import messages

    old = window.current.path
    taken = tmp_path / "da-co.sqlite"
    taken.write_bytes(b"not ours")
    answers = [taken, tmp_path / "van-phong-moi"]  # the second without extension
    monkeypatch.setattr(messages, "save_file", lambda *_: answers.pop(0))
    window.new_db_action.trigger()
    assert "đã có" in fake_messages.texts() and taken.read_bytes() == b"not ours"
    assert window.current.path == old
    fake_messages.dialog_handlers.append(_fill_agency(sample=False))
    window.new_db_action.trigger()
    made = tmp_path / "van-phong-moi.sqlite"
    assert window.current.path in (made, made.resolve()) and made.exists()
    wait_loaded(qtbot, window.plan_tab)
    assert len(window.plan_tab.visible_rows()) == 0
    assert window.db_label.text() == "Dữ liệu: van-phong-moi.sqlite"
    from app import agency

    details = agency.details_on()
    assert details is not None and details.agency_name == "SỞ NGOẠI VỤ"
    assert not answers
