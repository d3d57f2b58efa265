"""Backups of the open database with SQLite's online backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import peewee as pw

from app.errors import AppError
from db.database import backup_to


def backup_now(db: pw.SqliteDatabase, backup_dir: Path, when: datetime) -> Path:
    """Copy the database to ``backup_dir`` as tdkt-YYYYMMDD-HHMMSS.sqlite; returns the file."""
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        return backup_to(db, backup_dir / f"tdkt-{when:%Y%m%d-%H%M%S}.sqlite")
    except OSError as exc:
        raise AppError(
            f"Không sao lưu được vào “{backup_dir}”: thư mục không ghi được hoặc đã đầy.",
            detail=str(exc),
        ) from exc
