"""The migration runner and the refusal of files that are not this app's current database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee as pw
import pytest

from db import migrations
from db.database import open_database
from db.errors import DatabaseTooNew, ForeignDatabase, NotSqliteFile


def _open(path: Path) -> pw.SqliteDatabase:
    return open_database(path, bind=False)


def test_new_file_is_created_at_the_latest_version_and_marked_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = open_database(path)
    result = migrations.prepare(db, path)
    assert result.created
    assert migrations.schema_version(db) == migrations.SCHEMA_VERSION
    assert migrations.is_ours(db)
    assert migrations.check_file(path) == "current"
    db.close()


def test_steps_run_in_order_each_with_its_version_after_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = open_database(path)
    migrations.prepare(db, path, latest=1)  # a file of version 1
    seen: list[int] = []

    def step2(d: pw.SqliteDatabase) -> None:
        seen.append(2)
        d.execute_sql('ALTER TABLE "unit" ADD COLUMN "code" TEXT DEFAULT \'\'')

    def step3(d: pw.SqliteDatabase) -> None:
        seen.append(3)
        d.execute_sql('CREATE TABLE "extra" ("id" INTEGER PRIMARY KEY)')

    result = migrations.prepare(db, path, steps=[(3, step3), (2, step2)], latest=3)
    assert seen == [2, 3]
    assert result.from_version == 1 and result.to_version == 3
    assert result.backup is not None and result.backup.exists()
    backup = sqlite3.connect(result.backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()
    assert "extra" in db.get_tables()
    db.close()


def test_a_failing_step_rolls_back_its_version(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = open_database(path)
    migrations.prepare(db, path, latest=1)

    def good(d: pw.SqliteDatabase) -> None:
        d.execute_sql('CREATE TABLE "t2" ("id" INTEGER PRIMARY KEY)')

    def bad(d: pw.SqliteDatabase) -> None:
        d.execute_sql('CREATE TABLE "t3" ("id" INTEGER PRIMARY KEY)')
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        migrations.prepare(db, path, steps=[(2, good), (3, bad)], latest=3)
    assert migrations.schema_version(db) == 2
    assert "t2" in db.get_tables() and "t3" not in db.get_tables()
    db.close()


def test_refuses_a_newer_database(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    db = open_database(path)
    migrations.prepare(db, path)
    db.execute_sql(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseTooNew):
        migrations.prepare(db, path)
    db.close()


def test_refuses_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()
    db = _open(path)
    with pytest.raises(ForeignDatabase):
        migrations.prepare(db, path)
    assert db.get_tables() == ["invoices"]
    db.close()


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 10)
    before = path.read_bytes()
    with pytest.raises(NotSqliteFile):
        _open(path)
    assert path.read_bytes() == before


def test_check_file_reads_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabase):
        migrations.check_file(path)
    assert path.read_bytes() == before
    assert migrations.check_file(tmp_path / "missing.sqlite") == "new"
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert migrations.check_file(tmp_path / "empty.sqlite") == "new"


def _version_1_file(path: Path) -> None:
    """A database as version 1 of the app wrote it: no recycle bin, no written votes yet."""
    db = open_database(path)
    migrations.prepare(db, path, latest=1)
    db.execute_sql('DROP TABLE "trash"')
    db.execute_sql('ALTER TABLE "vote" DROP COLUMN "written_votes"')
    db.close()


def test_step_3_keeps_written_votes_and_old_votes_read_zero(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    db = open_database(path)
    migrations.prepare(db, path, latest=2)
    db.execute_sql('ALTER TABLE "vote" DROP COLUMN "written_votes"')
    db.execute_sql(
        "INSERT INTO meeting (year, title, kind, status, place, content, chair_text, number, search_key)"
        " VALUES (2024, 'x', 'periodic', 'held', '', '', '', '', '')"
    )
    db.execute_sql(
        "INSERT INTO person (given_name, full_name, sort_name, family_name, middle_name, search_key,"
        " position, active, note) VALUES ('An', 'An', 'An', '', '', 'an', '', 1, '')"
    )
    db.execute_sql(
        "INSERT INTO award_type (code, name, short_name, family, recipient, level,"
        " granting_authority, position, active, search_key)"
        " VALUES ('LDTT', 'Lao động tiên tiến', '', 'title', 'individual', 'department', '', 0, 1, '')"
    )
    db.execute_sql(
        "INSERT INTO proposal (year, person_id, award_type_id, kind, status, period, achievements,"
        " initiative, withdrawn_reason, search_key) VALUES (2024, 1, 1, 'cong_trang', 'passed', '',"
        " '', '', '', '')"
    )
    db.execute_sql(
        "INSERT INTO vote (meeting_id, proposal_id, method, members_total, members_present,"
        " ballots_issued, ballots_returned, ballots_valid, votes_for, votes_against, votes_abstain)"
        " VALUES (1, 1, 'show_of_hands', 5, 4, 0, 0, 0, 3, 1, 0)"
    )
    result = migrations.prepare(db, path)
    assert (result.from_version, result.to_version) == (2, migrations.SCHEMA_VERSION)
    assert db.execute_sql("SELECT written_votes, votes_for FROM vote").fetchone() == (0, 3)
    db.close()


def test_step_2_adds_the_recycle_bin_to_a_version_1_file(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    _version_1_file(path)
    db = open_database(path)
    assert "trash" not in db.get_tables()
    result = migrations.prepare(db, path)
    assert (result.from_version, result.to_version) == (1, migrations.SCHEMA_VERSION)
    assert "trash" in db.get_tables()
    db.execute_sql(
        "INSERT INTO trash (deleted_at, \"table\", row_id, label, payload) VALUES (?, 'unit', 1, 'x', '{}')",
        ("2024-01-01 00:00:00",),
    )
    assert (
        result.backup is not None
        and sqlite3.connect(result.backup).execute("PRAGMA user_version").fetchone()[0] == 1
    )
    db.close()


def test_the_app_opens_a_version_1_file(tmp_path: Path) -> None:
    from app.session import close_app_database, open_app_database

    path = tmp_path / "v1.sqlite"
    _version_1_file(path)
    db, info = open_app_database(path)
    assert info.schema_version == migrations.SCHEMA_VERSION and info.migration_backup is not None
    close_app_database(db)


def test_step_8_adds_the_year_summary_to_a_version_3_file(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    db = open_database(path)
    migrations.prepare(db, path, latest=3)
    db.execute_sql('DROP TABLE "year_summary"')
    db.close()
    db = open_database(path)
    result = migrations.prepare(db, path)
    assert (result.from_version, result.to_version) == (3, migrations.SCHEMA_VERSION)
    db.execute_sql(
        "INSERT INTO year_summary (year, results, shortcomings, lessons, directions,"
        " recommendations) VALUES (2024, 'Tốt', '', '', '', '')"
    )
    with pytest.raises(pw.IntegrityError):  # one narrative per year
        db.execute_sql(
            "INSERT INTO year_summary (year, results, shortcomings, lessons, directions,"
            " recommendations) VALUES (2024, 'Trùng', '', '', '', '')"
        )
    db.close()


def _rules(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT t.code, r.rule_code, r.title, r.legal_basis, r.effective_from,"
            " r.effective_to, r.severity, r.params, r.is_custom, r.confidence"
            " FROM award_rule r LEFT JOIN award_type t ON t.id = r.award_type_id"
            " ORDER BY t.code, r.rule_code, r.effective_from"
        ).fetchall()
    finally:
        con.close()


def test_step_9_brings_the_provincial_bang_khen_rule_to_a_version_8_file(tmp_path: Path) -> None:
    """A file created at version 8 had the catalog without the Bằng khen tỉnh rule; once
    upgraded it holds the same rules as a new file, and the copy made first is version 8."""
    from app.session import close_app_database, open_app_database

    new, old = tmp_path / "new.sqlite", tmp_path / "v8.sqlite"
    for path in (new, old):
        db, _info = open_app_database(path)
        close_app_database(db)
    con = sqlite3.connect(old)
    con.execute("DELETE FROM award_rule WHERE rule_code = 'bk_tinh_criteria'")
    con.execute("PRAGMA user_version = 8")
    con.commit()
    con.close()
    assert len(_rules(old)) == len(_rules(new)) - 2
    db, info = open_app_database(old)
    try:
        from app import award_outlook

        assert award_outlook.Rules(2025).get("BK_TINH", "bk_tinh_criteria") is not None
    finally:
        close_app_database(db)
    assert info.schema_version == migrations.SCHEMA_VERSION and info.migration_backup is not None
    assert sqlite3.connect(info.migration_backup).execute("PRAGMA user_version").fetchone()[0] == 8
    assert _rules(old) == _rules(new)
    rows = [r for r in _rules(old) if r[1] == "bk_tinh_criteria"]
    assert [(r[0], r[4], r[5], r[9]) for r in rows] == [
        ("BK_TINH", "2024-01-01", "2025-06-30", "[?]"),
        ("BK_TINH", "2025-07-01", None, "[?]"),
    ]
    db, info = open_app_database(old)  # opened again: nothing to do, nothing doubled
    close_app_database(db)
    assert info.migration_backup is None and _rules(old) == _rules(new)


def test_step_10_gives_overrides_their_accepted_details(tmp_path: Path) -> None:
    path = tmp_path / "v9.sqlite"
    db = open_database(path)
    migrations.prepare(db, path, latest=9)
    db.execute_sql('ALTER TABLE "proposal_event" DROP COLUMN "detail"')  # as version 9 had it
    db.execute_sql("PRAGMA foreign_keys = OFF")  # the event alone is enough here
    db.execute_sql(
        "INSERT INTO proposal_event (proposal_id, happened_on, rule_code, note)"
        " VALUES (1, '2024-12-01 00:00:00', 'registration_required', 'Đăng ký muộn')"
    )
    db.close()
    db = open_database(path)
    result = migrations.prepare(db, path)
    assert (result.from_version, result.to_version) == (9, migrations.SCHEMA_VERSION)
    row = db.execute_sql("SELECT note, detail FROM proposal_event").fetchone()
    assert row == ("Đăng ký muộn", "")  # an earlier override: accepts whatever it said
    db.close()


def test_step_11_gives_units_their_closing_day(tmp_path: Path) -> None:
    """A version-10 file: its units keep what they had, the closing day is unknown (NULL) for
    the closed one, and the copy made first is version 10."""
    path = tmp_path / "v10.sqlite"
    db = open_database(path)
    migrations.prepare(db, path, latest=10)
    db.execute_sql('ALTER TABLE "unit" DROP COLUMN "closed_on"')  # as version 10 had it
    db.execute_sql(
        "INSERT INTO unit (name, short_name, kind, position, active, note, search_key) VALUES"
        " ('Phòng Một', 'P1', 'division', 0, 1, '', 'phong mot'),"
        " ('Phòng Hai', 'P2', 'division', 1, 0, 'đã giải thể', 'phong hai')"
    )
    db.close()
    db = open_database(path)
    result = migrations.prepare(db, path)
    assert (result.from_version, result.to_version) == (10, migrations.SCHEMA_VERSION)
    rows = db.execute_sql("SELECT name, active, note, closed_on FROM unit ORDER BY id").fetchall()
    assert rows == [("Phòng Một", 1, "", None), ("Phòng Hai", 0, "đã giải thể", None)]
    assert result.backup is not None
    assert sqlite3.connect(result.backup).execute("PRAGMA user_version").fetchone()[0] == 10
    db.close()


def test_step_12_gives_unit_history_rows_the_persons_rank_group(tmp_path: Path) -> None:
    """A version-11 file: each unit history row takes its person's current rank group (what the
    figures counted until then), a person without one stays without; the copy is version 11."""
    path = tmp_path / "v11.sqlite"
    db = open_database(path)
    migrations.prepare(db, path, latest=11)
    db.execute_sql('ALTER TABLE "person_unit_history" DROP COLUMN "rank_group"')  # as in v11
    db.execute_sql(
        "INSERT INTO unit (name, short_name, kind, position, active, note, search_key) VALUES"
        " ('Phòng Một', 'P1', 'division', 0, 1, '', 'phong mot')"
    )
    db.execute_sql(
        "INSERT INTO person (family_name, middle_name, given_name, full_name, unit_id, position,"
        " rank_group, active, note, search_key, sort_name) VALUES"
        " ('Lê', '', 'An', 'Lê An', 1, 'Trưởng phòng', 'division_leader', 1, '', 'le an', 'an'),"
        " ('Hà', '', 'Bình', 'Hà Bình', 1, '', NULL, 1, '', 'ha binh', 'binh')"
    )
    db.execute_sql(
        "INSERT INTO person_unit_history (person_id, unit_id, position, date_from, date_to)"
        " VALUES (1, 1, 'Chuyên viên', NULL, '2024-05-01'),"
        " (1, 1, 'Trưởng phòng', '2024-05-01', NULL), (2, 1, '', NULL, NULL)"
    )
    db.close()
    db = open_database(path)
    result = migrations.prepare(db, path)
    assert (result.from_version, result.to_version) == (11, 12)
    rows = db.execute_sql(
        "SELECT person_id, position, date_to, rank_group FROM person_unit_history ORDER BY id"
    ).fetchall()
    assert rows == [
        (1, "Chuyên viên", "2024-05-01", "division_leader"),
        (1, "Trưởng phòng", None, "division_leader"),
        (2, "", None, None),
    ]
    assert result.backup is not None
    assert sqlite3.connect(result.backup).execute("PRAGMA user_version").fetchone()[0] == 11
    db.close()
