"""Shared fixtures: offscreen Qt, a data folder per test, a database per test, the messages seam."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import peewee as pw  # noqa: E402

from app.session import close_app_database, open_app_database  # noqa: E402


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing touches the user's real one."""
    home = tmp_path / "home"
    monkeypatch.setenv("TDKT_HOME", str(home))
    monkeypatch.delenv("TDKT_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def fail_on_logged_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A test fails when it logs a WARNING it did not expect (qutebrowser's logfail)."""
    yield
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if bad and not getattr(caplog, "expected_warnings", False):
        pytest.fail("unexpected log: " + "; ".join(r.getMessage() for r in bad))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tdkt.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[pw.SqliteDatabase]:
    """A new database file at the latest schema, bound to the models."""
    database, _info = open_app_database(db_path)
    yield database
    close_app_database(database)


@pytest.fixture
def sample_db(db: pw.SqliteDatabase) -> pw.SqliteDatabase:
    """The database holding the 2024 sample year."""
    from app import sample

    sample.load_sample_year()
    return db


@dataclass
class FakeMessages:
    """Replaces ui.messages: records what was shown, answers what was asked."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    confirm_answers: list[bool] = field(default_factory=list)
    dialog_handlers: list[Callable[[Any], bool]] = field(default_factory=list)
    open_paths: list[Path | None] = field(default_factory=list)
    dialogs: list[Any] = field(default_factory=list)

    def texts(self) -> str:
        return "\n".join(f"{t}: {m}" for _kind, t, m in self.shown)


@pytest.fixture
def fake_messages(monkeypatch: pytest.MonkeyPatch) -> FakeMessages:
    from ui import messages

    fake = FakeMessages()

    def show(kind: str) -> Callable[..., None]:
        def record(_parent: Any, title: str, text: str, *_: Any) -> None:
            fake.shown.append((kind, title, text))

        return record

    def show_app_error(_parent: Any, error: Any) -> None:
        fake.shown.append(("error", error.title, error.message))

    def confirm(_parent: Any, title: str, text: str, **_: Any) -> bool:
        fake.shown.append(("confirm", title, text))
        if not fake.confirm_answers:
            raise AssertionError(f"unexpected confirmation: {text}")
        return fake.confirm_answers.pop(0)

    def run_dialog(dialog: Any) -> bool:
        fake.dialogs.append(dialog)
        if not fake.dialog_handlers:
            raise AssertionError(f"unexpected dialog: {dialog.windowTitle()}")
        return fake.dialog_handlers.pop(0)(dialog)

    def open_file(*_: Any) -> Path | None:
        if not fake.open_paths:
            raise AssertionError("unexpected file dialog")
        return fake.open_paths.pop(0)

    monkeypatch.setattr(messages, "show_info", show("info"))
    monkeypatch.setattr(messages, "show_error", show("error"))
    monkeypatch.setattr(messages, "show_app_error", show_app_error)
    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "run_dialog", run_dialog)
    monkeypatch.setattr(messages, "open_file", open_file)
    return fake


# The seed plan, copied into the repository so the sample-year tests always run; a test checks
# the copy against ../shared/seed/ whenever that folder is present.
SEED_FILE = Path(__file__).resolve().parent / "data" / "ke-hoach-hdtdkt-2024.txt"
SHARED_SEED_FILE = Path(__file__).resolve().parents[2] / "shared" / "seed" / SEED_FILE.name


@pytest.fixture
def seed_lines() -> list[str]:
    """The seed plan's non-empty lines, NFC, stripped."""
    import unicodedata

    text = SEED_FILE.read_text(encoding="utf-8")
    return [
        unicodedata.normalize("NFC", line.strip()) for line in text.splitlines() if line.strip()
    ]
