"""The statistics page: a table per count for the selected year, reloaded on change, to Excel."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import peewee as pw
import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from app import decisions, records
from tests.award_data import AwardWorld, build_world, director_decision_input
from tests.ui.conftest import wait_loaded
from ui import messages
from ui.tabs.award_stats_page import AwardStatsPage


@pytest.fixture
def world(sample_db: pw.SqliteDatabase) -> AwardWorld:
    w = build_world()
    p = w.proposals
    decisions.create_decision(
        director_decision_input(), [p["an_ldtt"], p["binh_ldtt"], p["vp_ttldtt"]]
    )
    return w


@pytest.fixture
def page(qtbot: QtBot, world: AwardWorld) -> Iterator[AwardStatsPage]:
    widget = AwardStatsPage(date(2024, 5, 20))
    qtbot.addWidget(widget)
    stop = records.subscribe(widget.on_data_changed)
    widget.set_year(2024)
    widget.resize(1000, 560)
    widget.show()
    wait_loaded(qtbot, widget)
    yield widget
    stop()


def cell(page: AwardStatsPage, tab: int, row: int, column: int) -> str:
    model = page.models[tab]
    return str(model.index(row, column).data())


def test_tables_of_the_year_and_reload_after_a_decision(
    qtbot: QtBot, page: AwardStatsPage, world: AwardWorld
) -> None:
    assert page.inner_tabs.count() == 7
    assert page.inner_tabs.tabText(0) == "Theo danh hiệu"
    assert "Năm 2024: 3 lượt khen thưởng" in page.summary_label.text()
    rows = {cell(page, 0, r, 0): r for r in range(page.models[0].rowCount())}
    assert cell(page, 0, rows["Lao động tiên tiến"], 3) == "2"
    assert cell(page, 0, rows["Tổng cộng"], 5) == "3"
    page.grab().save("/tmp/award-stats-page.png")
    page.inner_tabs.setCurrentIndex(6)
    page.grab().save("/tmp/award-stats-0603.png")
    p = world.proposals
    decisions.create_decision(
        director_decision_input("13", date(2024, 12, 21)), [p["duc_gk"], p["lshc_gk"]]
    )
    qtbot.waitUntil(lambda: page.is_current() and "Năm 2024: 5 lượt" in page.summary_label.text())
    assert page.inner_tabs.currentIndex() == 6  # the table being read stays in front


def test_export_to_excel(
    page: AwardStatsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "thống kê"
    monkeypatch.setattr(messages, "save_file", lambda *_a: target)
    saved = page.export_xlsx()
    assert saved == tmp_path / "thống kê.xlsx"
    book = load_workbook(io.BytesIO(saved.read_bytes()))
    assert book.sheetnames[0] == "Theo danh hiệu" and len(book.sheetnames) == 7
    monkeypatch.setattr(messages, "save_file", lambda *_a: None)
    assert page.export_xlsx() is None


def test_thousands_take_the_vietnamese_dot_and_years_do_not(qtbot: QtBot) -> None:
    """The bench data's page showed 2245, 3538 and -2605 where a reader expects 2.245,
    3.538 and -2.605 (the year-end report already wrote them so)."""
    from app.award_stats import StatTable
    from app.vntext import number_text
    from ui.models.stat_table_model import StatTableModel

    model = StatTableModel()
    model.set_table(
        StatTable(
            "Theo năm",
            "Khen thưởng qua các năm",
            ("Năm", "Cá nhân", "Tập thể", "Tổng số"),
            ((2024, 3538, 0, -2605),),
        )
    )
    texts = [model.index(0, c).data() for c in range(4)]
    assert texts == ["2024", "3.538", "0", "-2.605"]
    assert [number_text(v, signed=True) for v in (12, 0, -1668, 1053000)] == [
        "+12",
        "0",
        "-1.668",
        "+1.053.000",
    ]
