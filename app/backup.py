"""Backups with SQLite's online backup: on demand, automatic (daily, rotated), and safe restore.

Automatic copies are named auto-YYYY-MM-DD.sqlite (the last 7 kept) and monthly-YYYY-MM.sqlite
(the last 12 kept); copies made on demand (tdkt-YYYYMMDD-HHMMSS.sqlite) and the copy taken
before a restore (before-restore-…) are never rotated away.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import peewee as pw

from app.errors import AppError
from db.database import backup_to
from db.migrations import APPLICATION_ID, SCHEMA_VERSION

KEEP_DAILY, KEEP_MONTHLY = 7, 12


class BackupRefused(AppError):
    title = "Không dùng được bản sao lưu"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # auto, monthly, manual, before-restore
    made: datetime
    size: int


def _write_failed(folder: Path, exc: OSError) -> AppError:
    return AppError(
        f"Không sao lưu được vào “{folder}”: thư mục không ghi được hoặc ổ đĩa đã đầy.",
        detail=str(exc),
    )


def backup_now(db: pw.SqliteDatabase, backup_dir: Path, when: datetime) -> Path:
    """Copy the database to ``backup_dir`` as tdkt-YYYYMMDD-HHMMSS.sqlite; returns the file."""
    return _copy(db, backup_dir, f"tdkt-{when:%Y%m%d-%H%M%S}.sqlite")


def backup_to_folder(db: pw.SqliteDatabase, folder: Path, when: datetime) -> Path:
    return _copy(db, folder, f"tdkt-{when:%Y%m%d-%H%M%S}.sqlite")


def _copy(db: pw.SqliteDatabase, folder: Path, name: str) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return backup_to(db, folder / name)
    except (OSError, sqlite3.Error) as exc:
        raise _write_failed(folder, exc if isinstance(exc, OSError) else OSError(str(exc))) from exc


def auto_backup(db: pw.SqliteDatabase, backup_dir: Path, today: date) -> Path | None:
    """Today's automatic copy (at most one a day) and this month's; then rotate old ones."""
    daily = backup_dir / f"auto-{today:%Y-%m-%d}.sqlite"
    if daily.exists():
        return None
    made = _copy(db, backup_dir, daily.name)
    monthly = backup_dir / f"monthly-{today:%Y-%m}.sqlite"
    if not monthly.exists():
        shutil.copyfile(made, monthly)
    rotate(backup_dir)
    return made


def rotate(backup_dir: Path) -> list[Path]:
    """Delete automatic copies beyond the last 7 daily and 12 monthly ones; returns what went."""
    removed = []
    for prefix, keep in (("auto-", KEEP_DAILY), ("monthly-", KEEP_MONTHLY)):
        files = sorted(backup_dir.glob(f"{prefix}*.sqlite"), reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
            removed.append(old)
    return removed


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder, newest first."""
    if not backup_dir.is_dir():
        return []
    out = []
    for path in backup_dir.glob("*.sqlite"):
        name = path.stem
        kind = next(
            (k for k in ("auto", "monthly", "before-restore") if name.startswith(k + "-")), "manual"
        )
        stat = path.stat()
        out.append(BackupInfo(path, kind, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(out, key=lambda b: b.made, reverse=True)


def verify_backup(path: Path) -> None:
    """Refuse, with the reason, a file that is not a sound database of this app and version."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise BackupRefused(f"Không đọc được tệp “{name}”.", detail=str(exc)) from exc
    if head != b"SQLite format 3\x00":
        raise BackupRefused(f"Tệp “{name}” không phải là cơ sở dữ liệu SQLite.")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            integrity = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(f"Tệp “{name}” bị hỏng, không đọc được.", detail=str(exc)) from exc
    if app_id != APPLICATION_ID:
        raise BackupRefused(f"Tệp “{name}” là cơ sở dữ liệu của chương trình khác.")
    if version > SCHEMA_VERSION:
        raise BackupRefused(f"Tệp “{name}” do phiên bản mới hơn của TĐKT Desk tạo ra.")
    if integrity != [("ok",)]:
        raise BackupRefused(
            f"Tệp “{name}” bị hỏng (kiểm tra toàn vẹn không đạt).",
            detail="; ".join(str(r[0]) for r in integrity[:5]),
        )


def newest_good_backup(backup_dir: Path) -> Path | None:
    for info in list_backups(backup_dir):
        try:
            verify_backup(info.path)
        except BackupRefused:
            continue
        return info.path
    return None


def restore_file(db_path: Path, backup: Path, backup_dir: Path, when: datetime) -> Path:
    """Put ``backup`` in place of the (closed) database at ``db_path``.

    The backup is verified first; the current file is copied aside as before-restore-…; the
    backup is copied under a temporary name beside the database, flushed, then renamed over it.
    Any failure leaves the current database as it was. Returns the copy of the old file.
    """
    verify_backup(backup)
    db_path = Path(db_path)
    saved = backup_dir / f"before-restore-{when:%Y%m%d-%H%M%S}.sqlite"
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        if db_path.exists():
            try:
                _consistent_copy(db_path, saved)
            except sqlite3.DatabaseError:  # a damaged file: keep its bytes as they are
                shutil.copyfile(db_path, saved)
                wal = Path(f"{db_path}-wal")
                if wal.exists():
                    shutil.copyfile(wal, Path(f"{saved}-wal"))
        shutil.copyfile(backup, tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, db_path)
        # the old file's WAL was checkpointed into it (and copied aside) above: now empty
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise AppError(
            "Không khôi phục được: không ghi được vào thư mục dữ liệu. Dữ liệu hiện tại giữ nguyên.",
            detail=str(exc),
        ) from exc
    return saved


def _consistent_copy(source: Path, dest: Path) -> None:
    """Fold a closed database's WAL into it, then copy it with the online backup API."""
    src = sqlite3.connect(str(source))
    try:
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target = sqlite3.connect(str(dest))
        try:
            src.backup(target)
        finally:
            target.close()
    finally:
        src.close()
