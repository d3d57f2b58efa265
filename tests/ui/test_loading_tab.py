"""LoadingTab: only the latest load speaks; a superseded one is ignored, whether it succeeds
or fails (a slow failing load must not show an error after a newer one has succeeded). The
tests take the db fixture because a worker closes its thread's connection when done."""

from __future__ import annotations

import threading
from typing import Any

import peewee as pw
from pytestqt.qtbot import QtBot

from app.errors import NotFound
from tests.fake_messages import FakeMessages
from ui import tasks
from ui.tabs.loading import LoadingTab


class _Tab(LoadingTab):
    def __init__(self, loader: Any) -> None:
        super().__init__(loader, tables=frozenset({"unit"}))
        self.shown_results: list[Any] = []
        self.failures = 0

    def show_result(self, result: Any) -> int:
        self.shown_results.append(result)
        return 1

    def loading_failed(self) -> None:
        self.failures += 1


def test_a_slow_failing_load_superseded_by_a_fast_one_shows_nothing(
    qtbot: QtBot, fake_messages: FakeMessages, db: pw.SqliteDatabase
) -> None:
    release = threading.Event()
    started = threading.Event()

    def loader(year: int | None) -> str:
        if year == 2023:  # the old, slow load: fails once released
            started.set()
            release.wait(10)
            raise NotFound("Không tìm thấy dữ liệu năm 2023.")
        return f"rows of {year}"

    tab = _Tab(loader)
    qtbot.addWidget(tab)
    tab.set_year(2023)
    tab.show()  # the 2023 load starts and blocks
    qtbot.waitUntil(started.is_set)
    tab.set_year(2024)  # the user picks another year: a new load, which finishes first
    qtbot.waitUntil(tab.is_current)
    assert tab.shown_results == ["rows of 2024"]
    release.set()  # now the old load fails
    qtbot.waitUntil(lambda: not tasks.jobs_pending())
    assert fake_messages.shown == []
    assert tab.failures == 0 and tab.is_current() and tab.shown_results == ["rows of 2024"]


def test_the_current_loads_failure_is_still_shown(
    qtbot: QtBot, fake_messages: FakeMessages, db: pw.SqliteDatabase
) -> None:
    def loader(year: int | None) -> str:
        raise NotFound("Không tìm thấy dữ liệu.")

    tab = _Tab(loader)
    qtbot.addWidget(tab)
    tab.set_year(2024)
    tab.show()
    qtbot.waitUntil(lambda: tab.failures == 1)
    assert [text for _kind, _title, text in fake_messages.shown] == ["Không tìm thấy dữ liệu."]
    assert not tab.is_loading()
