"""A file the first release wrote (schema version 3, the sample year loaded) opens in today's app.

tests/data/release-v3-sample.sql is the dump of a database created by commit efe4cc1 (the end of
the first session, schema version 3) with the sample year loaded. Upgraded, it must have the
same tables, columns, indexes and award catalog as a file created today, and keep its records.
A model change without a migration step fails here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.session import close_app_database, open_app_database
from db import migrations

DUMP = Path(__file__).parents[1] / "data" / "release-v3-sample.sql"
RECORD_TABLES = ("unit", "person", "plan", "plan_item", "meeting", "campaign", "audit_log")


def _release_file(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        con.executescript(DUMP.read_text(encoding="utf-8"))
        con.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
        con.execute("PRAGMA user_version = 3")
        con.commit()
    finally:
        con.close()


def _schema(path: Path) -> dict[str, object]:
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        shape: dict[str, object] = {}
        for table in tables:
            columns = sorted(
                (r[1], r[2].upper(), r[3], r[5])
                for r in con.execute(f'PRAGMA table_info("{table}")')
            )
            indexes = sorted((r[1], r[2]) for r in con.execute(f'PRAGMA index_list("{table}")'))
            keys = sorted(
                (r[2], r[3], r[4]) for r in con.execute(f'PRAGMA foreign_key_list("{table}")')
            )
            shape[table] = (columns, indexes, keys)
        return shape
    finally:
        con.close()


def _catalog(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        types = con.execute("SELECT * FROM award_type ORDER BY code").fetchall()
        rules = con.execute(
            "SELECT t.code, r.rule_code, r.title, r.legal_basis, r.effective_from,"
            " r.effective_to, r.severity, r.params, r.is_custom, r.confidence"
            " FROM award_rule r LEFT JOIN award_type t ON t.id = r.award_type_id"
            " ORDER BY t.code, r.rule_code, r.effective_from"
        ).fetchall()
        return types, rules
    finally:
        con.close()


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in RECORD_TABLES}
    finally:
        con.close()


def test_the_first_release_file_upgrades_to_what_a_new_file_is(tmp_path: Path) -> None:
    old, new = tmp_path / "release.sqlite", tmp_path / "new.sqlite"
    _release_file(old)
    before = _counts(old)
    assert before["plan_item"] > 0 and before["meeting"] == 3 and before["campaign"] == 13

    db, info = open_app_database(old)
    close_app_database(db)
    db, _created = open_app_database(new)
    close_app_database(db)

    assert info.schema_version == migrations.SCHEMA_VERSION
    assert info.migration_backup is not None and info.migration_backup.exists()
    con = sqlite3.connect(info.migration_backup)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 3
    con.close()
    assert _schema(old) == _schema(new)
    assert _catalog(old) == _catalog(new)
    after = _counts(old)
    assert {t: after[t] for t in RECORD_TABLES if t != "audit_log"} == {
        t: before[t] for t in RECORD_TABLES if t != "audit_log"
    }
    assert after["audit_log"] >= before["audit_log"]


def test_the_upgraded_release_file_shows_its_sample_year(tmp_path: Path) -> None:
    from app import campaigns, meetings

    path = tmp_path / "release.sqlite"
    _release_file(path)
    db, _info = open_app_database(path)
    try:
        assert len(meetings.meeting_rows(2024)) == 3
        assert len(campaigns.campaign_rows(2024)) == 13
    finally:
        close_app_database(db)
