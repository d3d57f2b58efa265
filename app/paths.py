"""Every path the app uses, resolved in one place (per-user data folder, overrides, resources)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "TDKT Desk"
APP_AUTHOR = "TDKT"
DB_FILENAME = "tdkt.sqlite"
ENV_HOME = "TDKT_HOME"  # moves the whole data folder (tests, portable installs)
ENV_DB = "TDKT_DB"  # opens another database file


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    db_file: Path
    backup_dir: Path

    def ensure(self) -> Paths:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(db_file: str | Path | None = None, env: Mapping[str, str] | None = None) -> Paths:
    """The data folder (platformdirs, or $TDKT_HOME) and the database (argument, $TDKT_DB, default)."""
    env = os.environ if env is None else env
    home = env.get(ENV_HOME)
    data_dir = Path(home) if home else platformdirs.user_data_path(APP_NAME, APP_AUTHOR)
    chosen = db_file or env.get(ENV_DB)
    db_path = Path(chosen).expanduser().resolve() if chosen else data_dir / DB_FILENAME
    # Backups sit beside the database they protect (for the default one: in the data folder).
    return Paths(data_dir=data_dir, db_file=db_path, backup_dir=db_path.parent / "backups")


def project_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/, in a source tree, an installed package or a frozen bundle."""
    return project_root().joinpath("resources", *parts)
