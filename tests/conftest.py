"""Shared fixtures: offscreen Qt, a data folder per test, a database per test, the messages seam."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import peewee as pw  # noqa: E402

from app.session import close_app_database, open_app_database  # noqa: E402
from tests.fake_messages import FakeMessages  # noqa: E402


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


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the test (fake_messages looks at the call's outcome)."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def fake_messages(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[FakeMessages]:
    """ui.messages replaced by tests/fake_messages.py (strict: read its docstring)."""
    fake = FakeMessages()
    fake.install(monkeypatch)
    yield fake
    call = getattr(request.node, "report_call", None)
    if call is None or not call.passed:  # a failed test leaves answers queued anyway
        return
    unused = fake.unused()
    if unused:
        pytest.fail(f"queued but never asked for: {unused}", pytrace=False)
    unread = fake.unread_errors()
    if unread:
        pytest.fail(
            "an error shown that the test never looked at: " + "; ".join(unread), pytrace=False
        )


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
