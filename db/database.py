"""Opening the SQLite database: header check, pragmas, collations and functions.

Everything SQLite-specific lives in db/ so that another backend stays possible.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from db.errors import DatabaseDamaged, DatabaseUnavailable, NotSqliteFile
from db.models import database_proxy

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "full",
}


def looks_like_sqlite(path: Path) -> bool:
    """True for an SQLite file or an empty/missing one (which SQLite will initialise)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return head == b"" or head == SQLITE_HEADER


@dataclass(frozen=True)
class FileFacts:
    application_id: int
    user_version: int
    tables: int


def probe_file(path: Path) -> FileFacts | None:
    """Read a file's identity without changing it (read-only); None for a missing/empty file."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    if not looks_like_sqlite(path):
        raise NotSqliteFile(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        _raise_translated(path, exc)
        raise  # unreachable: _raise_translated always raises
    return FileFacts(int(app_id), int(version), int(tables))


def open_database(
    path: Path,
    *,
    collations: Mapping[str, Callable[[str, str], int]] | None = None,
    functions: Mapping[str, Callable[..., Any]] | None = None,
    bind: bool = True,
) -> pw.SqliteDatabase:
    """Open ``path`` with WAL, foreign keys and a busy timeout; bind the model proxy to it."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseUnavailable(path, "is a directory")
    if not looks_like_sqlite(path):
        raise NotSqliteFile(path)
    if not path.parent.exists():
        raise DatabaseUnavailable(path, "folder does not exist")
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    for name, fn in (collations or {}).items():
        db.register_collation(fn, name)
    for name, fn in (functions or {}).items():
        db.register_function(fn, name, 1)
    try:
        db.connect()
    except pw.DatabaseError as exc:
        _raise_translated(path, exc)
    if bind:
        database_proxy.initialize(db)
    return db


def _raise_translated(path: Path, exc: Exception) -> None:
    text = str(exc).lower()
    if "not a database" in text:
        raise NotSqliteFile(path, str(exc)) from exc
    if "malformed" in text or "corrupt" in text:
        raise DatabaseDamaged(path, str(exc)) from exc
    raise DatabaseUnavailable(path, str(exc)) from exc


def quick_check(db: pw.SqliteDatabase) -> bool:
    """SQLite's quick_check: True when the file is sound."""
    try:
        rows = db.execute_sql("PRAGMA quick_check").fetchall()
    except (pw.DatabaseError, sqlite3.DatabaseError):
        return False
    return rows == [("ok",)]


def backup_to(db: pw.SqliteDatabase, dest: Path) -> Path:
    """Copy the open database to ``dest`` with SQLite's online backup (temp name, then rename)."""
    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(str(tmp))
    try:
        db.connection().backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    with tmp.open("rb+") as fh:
        import os

        os.fsync(fh.fileno())
    tmp.replace(dest)
    return dest


def close_database(db: pw.SqliteDatabase) -> None:
    if not db.is_closed():
        db.close()


def collated(field: pw.Node, collation: str = "VI") -> pw.Node:
    """``field COLLATE VI`` for ORDER BY (the collation is registered by open_database)."""
    return pw.NodeList((field, pw.SQL(f"COLLATE {collation}")))
