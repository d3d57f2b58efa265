"""Why a database file was refused; app/ turns these into messages a user can read."""

from __future__ import annotations

from pathlib import Path


class DatabaseFileError(Exception):
    """A file that cannot be used as this app's database."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{path}: {detail}" if detail else str(path))
        self.path = path
        self.detail = detail


class NotSqliteFile(DatabaseFileError):
    """The file is not an SQLite database at all."""


class ForeignDatabase(DatabaseFileError):
    """An SQLite database made by another program."""


class DatabaseTooNew(DatabaseFileError):
    """A database written by a newer version of the app."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(path, f"schema {found} > {supported}")
        self.found = found
        self.supported = supported


class DatabaseDamaged(DatabaseFileError):
    """SQLite reports the file as damaged."""


class DatabaseUnavailable(DatabaseFileError):
    """The file cannot be opened or written: permissions, a missing folder, a lock."""
