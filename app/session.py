"""Opening the app's database: connection, schema, default data; errors told in Vietnamese."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import peewee as pw

from app import catalog
from app.errors import AppError, DatabaseRefused, from_database_error
from app.vntext import collate_vi, fold
from db import errors as dberr
from db import settings
from db.database import close_database, open_database, quick_check
from db.migrations import check_file, prepare
from db.models import database_proxy

T = TypeVar("T")


@dataclass(frozen=True)
class DatabaseInfo:
    path: Path
    created: bool
    schema_version: int
    migration_backup: Path | None


def _seed_defaults() -> None:
    settings.ensure_defaults()
    catalog.seed_catalog()


def open_app_database(path: Path) -> tuple[pw.SqliteDatabase, DatabaseInfo]:
    """Open (creating when new) the database at ``path`` and bind the models to it."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseRefused(
            f"Không tạo được thư mục dữ liệu “{path.parent}”.", detail=str(exc)
        ) from exc
    db: pw.SqliteDatabase | None = None
    try:
        check_file(path)  # read-only: a refused file is left untouched
        db = open_database(path, collations={"VI": collate_vi}, functions={"FOLD": fold})
        result = prepare(db, path, on_create=_seed_defaults)
        with db.atomic():
            settings.ensure_defaults()
    except dberr.DatabaseFileError as exc:
        if db is not None:
            close_database(db)
        raise from_database_error(exc) from exc
    except pw.DatabaseError as exc:
        if db is not None:
            close_database(db)
        raise from_database_error(dberr.DatabaseDamaged(path, str(exc))) from exc
    return db, DatabaseInfo(path, result.created, result.to_version, result.backup)


def close_app_database(db: pw.SqliteDatabase) -> None:
    close_database(db)


def check_database_file(path: Path) -> str:
    """Refuse a file that is not this app's (without binding or changing anything)."""
    try:
        return check_file(Path(path))
    except dberr.DatabaseFileError as exc:
        raise from_database_error(exc) from exc


def switch_database(
    current: pw.SqliteDatabase, current_path: Path, new_path: Path
) -> tuple[pw.SqliteDatabase, DatabaseInfo]:
    """Open ``new_path`` instead of the current database; on failure the current one stays."""
    check_database_file(new_path)
    close_database(current)
    try:
        return open_app_database(new_path)
    except DatabaseRefused:
        open_app_database(current_path)
        raise


def in_worker_thread(fn: Callable[[], T]) -> T:
    """Run ``fn`` on this (non-GUI) thread's own connection, closed afterwards."""
    try:
        return fn()
    finally:
        if not database_proxy.is_closed():
            database_proxy.close()


def restore_database(
    current: pw.SqliteDatabase, current_path: Path, backup: Path, backup_dir: Path, when: datetime
) -> tuple[pw.SqliteDatabase, DatabaseInfo, Path]:
    """Replace the open database with a verified backup; on any failure the current one stays open."""
    from app.backup import restore_file, verify_backup

    verify_backup(backup)  # refuse before touching anything
    close_database(current)
    try:
        saved = restore_file(current_path, backup, backup_dir, when)
        db, info = open_app_database(current_path)
    except AppError:
        open_app_database(current_path)
        raise
    return db, info, saved


def is_sound(db: pw.SqliteDatabase) -> bool:
    """SQLite's quick check, run at start-up."""
    return quick_check(db)
