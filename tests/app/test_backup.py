"""Backups, rotation, verified restore, and the integrity and invariant check."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import peewee as pw
import pytest

import main
from app import backup, people, session
from app.backup import BackupRefused
from app.integrity import check_database
from db.migrations import SCHEMA_VERSION
from db.models import Person

WHEN = datetime(2024, 6, 1, 9, 30)


def damage(path: Path) -> None:
    """Overwrite the middle of the file: SQLite's checks find the damage."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12), 4096):
        data[offset + 8 : offset + 600] = b"\xff" * 592
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_now_is_a_sound_copy(sample_db: pw.SqliteDatabase, tmp_path: Path) -> None:
    target = backup.backup_now(sample_db, tmp_path / "bk", WHEN)
    assert target.name == "tdkt-20240601-093000.sqlite"
    backup.verify_backup(target)
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM plan").fetchone()[0] == 1
    con.close()


def test_automatic_backups_once_a_day_and_rotated(
    sample_db: pw.SqliteDatabase, tmp_path: Path
) -> None:
    folder = tmp_path / "bk"
    assert backup.auto_backup(sample_db, folder, date(2024, 1, 1)) is not None
    assert backup.auto_backup(sample_db, folder, date(2024, 1, 1)) is None  # at most once a day
    day = date(2024, 1, 2)
    while day <= date(2025, 3, 31):
        backup.auto_backup(sample_db, folder, day)
        day += timedelta(days=3)
    daily = sorted(p.name for p in folder.glob("auto-*.sqlite"))
    monthly = sorted(p.name for p in folder.glob("monthly-*.sqlite"))
    assert len(daily) == 7 and daily[-1] == "auto-2025-03-30.sqlite"
    assert len(monthly) == 12 and monthly[0] == "monthly-2024-04.sqlite"
    backup.backup_now(sample_db, folder, WHEN)
    backup.rotate(folder)
    assert (folder / "tdkt-20240601-093000.sqlite").exists()  # copies made on demand stay


def test_restore_replaces_the_data_and_keeps_the_old_file(
    sample_db: pw.SqliteDatabase, db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "bk"
    copy = backup.backup_now(sample_db, folder, WHEN)
    people.create_person(people.PersonInput("Trần", "Văn", "Mới"))
    db, _info, saved = session.restore_database(
        sample_db, db_path, copy, folder, WHEN + timedelta(hours=1)
    )
    assert Person.select().count() == 1  # the person added after the backup is gone
    con = sqlite3.connect(saved)
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] == 2  # but kept aside
    con.close()
    session.close_app_database(db)


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()


def _damaged_backup(path: Path, source: pw.SqliteDatabase) -> None:
    backup.backup_now(source, path.parent, WHEN).rename(path)
    damage(path)


def _newer(path: Path, source: pw.SqliteDatabase) -> None:
    backup.backup_now(source, path.parent, WHEN).rename(path)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("text", "không phải là cơ sở dữ liệu SQLite"),
        ("foreign", "chương trình khác"),
        ("damaged", "bị hỏng"),
        ("newer", "phiên bản mới hơn"),
    ],
)
def test_refused_restores_leave_the_current_database_unchanged(
    sample_db: pw.SqliteDatabase, db_path: Path, tmp_path: Path, kind: str, words: str
) -> None:
    candidate = tmp_path / "in" / "candidate.sqlite"
    candidate.parent.mkdir()
    if kind == "text":
        candidate.write_text("đây không phải cơ sở dữ liệu", encoding="utf-8")
    elif kind == "foreign":
        _foreign(candidate)
    elif kind == "damaged":
        _damaged_backup(candidate, sample_db)
    else:
        _newer(candidate, sample_db)
    sample_db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(db_path)
    with pytest.raises(BackupRefused) as refused:
        session.restore_database(sample_db, db_path, candidate, tmp_path / "bk", WHEN)
    assert words in refused.value.message
    assert digest(db_path) == before
    assert Person.select().count() == 1  # still open and usable
    assert not (tmp_path / "bk").exists()  # nothing was even copied aside


def test_newest_good_backup_skips_damaged_ones(
    sample_db: pw.SqliteDatabase, tmp_path: Path
) -> None:
    folder = tmp_path / "bk"
    good = backup.backup_now(sample_db, folder, WHEN)
    bad = backup.backup_now(sample_db, folder, WHEN + timedelta(days=1))
    damage(bad)
    import os

    os.utime(bad, (WHEN.timestamp() + 86400, WHEN.timestamp() + 86400))
    os.utime(good, (WHEN.timestamp(), WHEN.timestamp()))
    assert backup.newest_good_backup(folder) == good


def test_check_finds_broken_invariants(sample_db: pw.SqliteDatabase) -> None:
    assert check_database(sample_db).ok
    sample_db.execute_sql("UPDATE person SET search_key = 'sai'")
    sample_db.execute_sql(
        "INSERT INTO proposal (year, person_id, award_type_id, kind, status, period, achievements,"
        " initiative, withdrawn_reason, search_key) SELECT 2024, id, 1, 'cong_trang', 'passed', '', '',"
        " '', '', '' FROM person"
    )
    report = check_database(sample_db)
    assert not report.ok
    assert any("khóa tìm kiếm" in p for p in report.problems)
    assert any("chưa có kết quả biểu quyết" in p for p in report.problems)


def test_check_backup_and_restore_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "dữ liệu.sqlite"
    assert main.main(["init", "--db", str(db), "--sample"]) == 0
    assert main.main(["check", "--db", str(db)]) == 0
    assert main.main(["backup", "--db", str(db), "--to", str(tmp_path / "sao lưu")]) == 0
    copy = next((tmp_path / "sao lưu").glob("*.sqlite"))
    assert main.main(["restore", str(copy), "--db", str(db)]) == 0
    assert list((tmp_path / "backups").glob("before-restore-*.sqlite"))
    capsys.readouterr()
    con = sqlite3.connect(db)
    con.execute("UPDATE person SET sort_name = 'x'")
    con.commit()
    con.close()
    assert main.main(["check", "--db", str(db)]) == 1
    assert "khóa sắp xếp" in capsys.readouterr().err
    not_db = tmp_path / "ghi chú.sqlite"
    not_db.write_text("x", encoding="utf-8")
    before = digest(db)
    assert main.main(["restore", str(not_db), "--db", str(db)]) == 2
    assert digest(db) == before
