"""Opening databases: Vietnamese refusals, nothing changed on refusal, switching safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import agency, session
from app.errors import DatabaseRefused
from db.migrations import SCHEMA_VERSION
from db.models import Plan


def test_a_new_file_is_created_with_the_catalog(tmp_path: Path) -> None:
    db, info = session.open_app_database(tmp_path / "sub" / "new.sqlite")
    try:
        assert info.created and info.schema_version == SCHEMA_VERSION
        assert not agency.is_configured()
    finally:
        session.close_app_database(db)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b"%PDF-1.7 not a database"), "không phải là cơ sở dữ liệu SQLite"),
        (lambda p: _foreign(p), "chương trình khác"),
        (lambda p: _newer(p), "phiên bản mới hơn"),
    ],
)
def test_refusals_are_in_vietnamese_and_leave_the_file_alone(
    tmp_path: Path, make, words: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "file.sqlite"
    make(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused) as raised:
        session.open_app_database(path)
    assert words in raised.value.message
    assert path.read_bytes() == before


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()


def _newer(path: Path) -> None:
    db, _ = session.open_app_database(path)
    db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    session.close_app_database(db)


def test_switching_to_a_bad_file_keeps_the_current_database(tmp_path: Path) -> None:
    from app import sample

    good = tmp_path / "good.sqlite"
    db, _ = session.open_app_database(good)
    sample.load_sample_year()
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(DatabaseRefused):
        session.switch_database(db, good, bad)
    assert Plan.select().count() == 1  # still bound to the good file
    other = tmp_path / "other.sqlite"
    new_db, info = session.switch_database(db, good, other)
    assert info.created and Plan.select().count() == 0
    session.close_app_database(new_db)
