"""Backups through the window: restore from the menu, a backup on close, a damaged file at start."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import peewee as pw
from pytestqt.qtbot import QtBot

from app import backup, people
from app.paths import resolve_paths
from app.session import close_app_database
from db.models import Person
from tests.app.test_backup import damage, digest
from tests.conftest import FakeMessages
from tests.ui.conftest import wait_loaded
from ui.application import open_window
from ui.main_window import MainWindow


def test_restore_from_the_menu(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, tmp_path: Path
) -> None:
    copy = backup.backup_now(window.current.db, tmp_path / "bk", datetime(2024, 6, 1, 8, 0))
    people.create_person(people.PersonInput("Lý", "Thị", "Mới"))
    fake_messages.open_paths.append(copy)
    fake_messages.confirm_answers.append(True)
    window.restore_action.trigger()
    assert "Đã khôi phục" in fake_messages.texts()
    assert Person.select().count() == 1
    wait_loaded(qtbot, window.plan_tab)
    assert len(window.plan_tab.visible_rows()) == 17


def test_a_refused_restore_changes_nothing(
    window: MainWindow, fake_messages: FakeMessages, tmp_path: Path, db_path: Path
) -> None:
    other = tmp_path / "khac.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (id INTEGER)")
    con.close()
    window.current.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(db_path)
    fake_messages.open_paths.append(other)
    assert not window.restore_from_backup()
    assert "chương trình khác" in fake_messages.texts()
    assert digest(db_path) == before
    assert Person.select().count() == 1


def test_closing_makes_todays_automatic_backup(window: MainWindow) -> None:
    folder = window.current.paths.backup_dir
    window.close()
    assert (folder / f"auto-{date.today():%Y-%m-%d}.sqlite").exists()
    assert (folder / f"monthly-{date.today():%Y-%m}.sqlite").exists()


def test_check_data_from_the_menu(window: MainWindow, fake_messages: FakeMessages) -> None:
    window.check_action.trigger()
    assert "toàn vẹn" in fake_messages.texts()


def test_a_damaged_file_at_start_offers_the_newest_good_backup(
    qtbot: QtBot, sample_db: pw.SqliteDatabase, db_path: Path, fake_messages: FakeMessages
) -> None:
    paths = resolve_paths(db_path).ensure()
    backup.backup_now(sample_db, paths.backup_dir, datetime(2024, 6, 1, 8, 0))
    close_app_database(sample_db)
    damage(db_path)
    fake_messages.confirm_answers.append(True)
    window = open_window(db_path, paths)
    assert window is not None
    qtbot.addWidget(window)
    assert "bị hỏng" in fake_messages.texts()
    window.show()
    wait_loaded(qtbot, window.plan_tab)
    assert len(window.plan_tab.visible_rows()) == 17
    kept = list(paths.backup_dir.glob("before-restore-*.sqlite"))
    assert kept, "the damaged file is kept"
    window.close()
