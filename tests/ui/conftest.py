"""UI fixtures: the main window on the sample year, and helpers to wait for lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import peewee as pw
import pytest
from pytestqt.qtbot import QtBot

from app.paths import resolve_paths
from ui.main_window import MainWindow, OpenDatabase, make_settings
from ui.tabs.list_tab import RecordListTab
from ui.tabs.loading import LoadingTab
from ui.tasks import wait_for_background


def wait_loaded(qtbot: QtBot, tab: LoadingTab) -> None:
    qtbot.waitUntil(tab.is_current, timeout=10000)


def make_window(qtbot: QtBot, db: pw.SqliteDatabase, db_path: Path) -> MainWindow:
    paths = resolve_paths(db_path).ensure()
    window = MainWindow(
        OpenDatabase(db, db_path, paths), make_settings(paths), today=date(2024, 5, 20)
    )
    qtbot.addWidget(window)
    window.show()
    current = window.tabs.currentWidget()
    wait_loaded(
        qtbot,
        current if isinstance(current, RecordListTab) else window.directory_tab.current_list(),
    )
    if isinstance(current, LoadingTab):  # the plan tab too: a test may not click before it is in
        wait_loaded(qtbot, current)
    return window


@pytest.fixture
def window(qtbot: QtBot, sample_db: pw.SqliteDatabase, db_path: Path) -> Iterator[MainWindow]:
    win = make_window(qtbot, sample_db, db_path)
    yield win
    win.close()
    wait_for_background()


def show(qtbot: QtBot, window: MainWindow, tab: RecordListTab) -> None:
    window.tabs.setCurrentWidget(tab)
    wait_loaded(qtbot, tab)


def show_directory(qtbot: QtBot, window: MainWindow, index: int) -> RecordListTab:
    window.tabs.setCurrentWidget(window.directory_tab)
    window.directory_tab.inner_tabs.setCurrentIndex(index)
    tab = window.directory_tab.current_list()
    wait_loaded(qtbot, tab)
    return tab


def shot(widget: object, name: str) -> None:
    """Save a screenshot of ``widget`` as NAME.png in $TDKT_SCREENSHOTS (when set), to look at."""
    import os

    folder = os.environ.get("TDKT_SCREENSHOTS")
    if folder:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # pending layout after the last change
        widget.grab().save(str(Path(folder) / f"{name}.png"))  # type: ignore[attr-defined]
