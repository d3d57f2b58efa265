"""Schema versions: create a new file at the latest version, or upgrade step by step.

The version lives in PRAGMA user_version and the file is marked as ours with
PRAGMA application_id. Each step runs in one transaction with its version bump,
after a copy of the file has been made. Steps name tables and columns as literals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from db.database import FileFacts, backup_to, probe_file
from db.errors import DatabaseTooNew, ForeignDatabase
from db.models import ALL_MODELS

APPLICATION_ID = 0x54444B54  # "TDKT"
SCHEMA_VERSION = 12

Step = Callable[[pw.SqliteDatabase], None]


def _step_2_trash(db: pw.SqliteDatabase) -> None:
    """Version 2: the recycle bin (Thùng rác)."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "trash" ('
        '"id" INTEGER NOT NULL PRIMARY KEY, "deleted_at" DATETIME NOT NULL, '
        '"table" VARCHAR(255) NOT NULL, "row_id" INTEGER NOT NULL, '
        '"label" TEXT NOT NULL, "payload" TEXT NOT NULL)'
    )
    db.execute_sql('CREATE INDEX IF NOT EXISTS "trash_deleted_at" ON "trash" ("deleted_at")')


def _step_3_written_votes(db: pw.SqliteDatabase) -> None:
    """Version 3: a vote keeps the absent members' written votes it was judged with."""
    columns = {row[1] for row in db.execute_sql('PRAGMA table_info("vote")').fetchall()}
    if "written_votes" not in columns:
        db.execute_sql('ALTER TABLE "vote" ADD COLUMN "written_votes" INTEGER NOT NULL DEFAULT 0')


def _step_8_year_summary(db: pw.SqliteDatabase) -> None:
    """Version 8: the narrative sections of the year-end summary, one row per year."""
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "year_summary" ('
        '"id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT NULL, '
        '"results" TEXT NOT NULL, "shortcomings" TEXT NOT NULL, "lessons" TEXT NOT NULL, '
        '"directions" TEXT NOT NULL, "recommendations" TEXT NOT NULL)'
    )
    db.execute_sql(
        'CREATE UNIQUE INDEX IF NOT EXISTS "year_summary_year" ON "year_summary" ("year")'
    )


# The rule version 9 brings to files created before it, as app/catalog_data.py seeds it into
# new files (a test keeps the two equal): one version under Decree 98/2023, one under Decree
# 152/2025. Literals: later changes to the catalog are later steps.
_BK_TINH_TITLE = (
    "Bằng khen của Chủ tịch UBND tỉnh (cá nhân): một trong a) thành tích xuất sắc trong phong "
    "trào thi đua của bộ, tỉnh; b) nhiều thành tích hoặc thành tích đột xuất; c) đóng góp lớn; "
    "d) 2 năm liên tục hoàn thành xuất sắc nhiệm vụ, trong đó 2 lần Chiến sĩ thi đua cơ sở "
    "(điểm d theo quy chế, chưa xác minh)"
)
_BK_TINH_BASIS = "Khoản 1 Điều 74 Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số "
_BK_TINH_RULES = tuple(
    {
        "rule_code": "bk_tinh_criteria",
        "title": _BK_TINH_TITLE,
        "legal_basis": _BK_TINH_BASIS + decree,
        "effective_from": start,
        "effective_to": end,
        "severity": "warn",
        "params": '{"cstdcs_times": 2, "htxs_years": 2, "kinds": ["cong_trang"]}',
        "is_custom": 0,
        "confidence": "[?]",
    }
    for decree, start, end in (
        ("98/2023/NĐ-CP", "2024-01-01", "2025-06-30"),
        ("152/2025/NĐ-CP", "2025-07-01", None),
    )
)


def _step_9_bk_tinh_rule(db: pw.SqliteDatabase) -> None:
    """Version 9: the eligibility rule of the provincial Bằng khen (Art. 74 cl. 1), which files
    created before it lacked."""
    row = db.execute_sql("SELECT id FROM \"award_type\" WHERE code = 'BK_TINH'").fetchone()
    if row is None:
        return  # a catalog without the form: nothing to attach the rule to
    for rule in _BK_TINH_RULES:
        exists = db.execute_sql(
            'SELECT 1 FROM "award_rule" WHERE award_type_id = ? AND rule_code = ?'
            " AND effective_from = ?",
            (row[0], rule["rule_code"], rule["effective_from"]),
        ).fetchone()
        if exists is not None:
            continue
        columns = ["award_type_id", *rule]
        db.execute_sql(
            f'INSERT INTO "award_rule" ({", ".join(columns)}) '
            f"VALUES ({', '.join('?' for _ in columns)})",
            (row[0], *rule.values()),
        )


def _step_10_override_detail(db: pw.SqliteDatabase) -> None:
    """Version 10: an override keeps the details of the warnings it accepted."""
    columns = {row[1] for row in db.execute_sql('PRAGMA table_info("proposal_event")').fetchall()}
    if "detail" not in columns:
        db.execute_sql(
            'ALTER TABLE "proposal_event" ADD COLUMN "detail" TEXT NOT NULL DEFAULT \'\''
        )


def _step_11_unit_closed_on(db: pw.SqliteDatabase) -> None:
    """Version 11: the day a unit stopped working, so a year's figures keep a unit closed
    later. Units closed before it have none (unknown: left out of every year, as before)."""
    columns = {row[1] for row in db.execute_sql('PRAGMA table_info("unit")').fetchall()}
    if "closed_on" not in columns:
        db.execute_sql('ALTER TABLE "unit" ADD COLUMN "closed_on" DATE')


def _step_12_history_rank_group(db: pw.SqliteDatabase) -> None:
    """Version 12: the rank group (Nhóm đối tượng) of each unit history row, so a year's
    statistics count a person in the group they were in that year. Rows written before it take
    the person's current group (what every figure read until then)."""
    columns = {
        row[1] for row in db.execute_sql('PRAGMA table_info("person_unit_history")').fetchall()
    }
    if "rank_group" not in columns:
        db.execute_sql('ALTER TABLE "person_unit_history" ADD COLUMN "rank_group" VARCHAR(32)')
        db.execute_sql(
            'UPDATE "person_unit_history" SET "rank_group" = (SELECT "rank_group" FROM "person"'
            ' WHERE "person"."id" = "person_unit_history"."person_id")'
        )


# (version reached, step) for files older than SCHEMA_VERSION. Version 1 is the baseline.
STEPS: list[tuple[int, Step]] = [
    (2, _step_2_trash),
    (3, _step_3_written_votes),
    (8, _step_8_year_summary),
    (9, _step_9_bk_tinh_rule),
    (10, _step_10_override_detail),
    (11, _step_11_unit_closed_on),
    (12, _step_12_history_rank_group),
]


@dataclass(frozen=True)
class MigrationResult:
    created: bool
    from_version: int
    to_version: int
    backup: Path | None


def _pragma(db: pw.SqliteDatabase, name: str) -> int:
    return int(db.execute_sql(f"PRAGMA {name}").fetchone()[0])


def schema_version(db: pw.SqliteDatabase) -> int:
    return _pragma(db, "user_version")


def is_ours(db: pw.SqliteDatabase) -> bool:
    return _pragma(db, "application_id") == APPLICATION_ID


def prepare(
    db: pw.SqliteDatabase,
    path: Path,
    *,
    on_create: Callable[[], None] | None = None,
    steps: list[tuple[int, Step]] | None = None,
    latest: int = SCHEMA_VERSION,
) -> MigrationResult:
    """Create, check or upgrade the schema of the open database at ``path``."""
    steps = STEPS if steps is None else steps
    version = schema_version(db)
    if not is_ours(db):
        if version == 0 and not db.get_tables():
            return _create(db, on_create, latest)
        raise ForeignDatabase(path)
    if version > latest:
        raise DatabaseTooNew(path, version, latest)
    if version == latest:
        return MigrationResult(False, version, version, None)
    backup = backup_to(db, path.with_name(f"{path.name}.v{version}.bak"))
    for target, step in sorted(steps, key=lambda s: s[0]):
        if target <= version:
            continue
        with db.atomic():
            step(db)
            db.execute_sql(f"PRAGMA user_version = {int(target)}")
    return MigrationResult(False, version, schema_version(db), backup)


def _create(
    db: pw.SqliteDatabase, on_create: Callable[[], None] | None, latest: int
) -> MigrationResult:
    with db.atomic():
        db.create_tables(ALL_MODELS)
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute_sql(f"PRAGMA user_version = {int(latest)}")
        if on_create is not None:
            on_create()
    return MigrationResult(True, 0, latest, None)


def check_file(path: Path, latest: int = SCHEMA_VERSION) -> str:
    """Judge a file before opening it for writing: "new", "current" or "older"; raises when refused.

    Read-only, so a file of another program is left exactly as it was.
    """
    facts: FileFacts | None = probe_file(path)
    if facts is None:
        return "new"
    if facts.application_id != APPLICATION_ID:
        if facts.user_version == 0 and facts.tables == 0:
            return "new"
        raise ForeignDatabase(path)
    if facts.user_version > latest:
        raise DatabaseTooNew(path, facts.user_version, latest)
    return "current" if facts.user_version == latest else "older"
