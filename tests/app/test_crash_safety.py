"""Crash safety: a writer killed with SIGKILL at random moments, a few hundred times."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from app import sample
from app.session import close_app_database, open_app_database
from bench.crashloop import run_crash_loop

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork (Linux, macOS)"
)


def test_no_committed_change_is_lost_and_the_file_stays_sound(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite"
    db, _info = open_app_database(path)
    sample.load_sample_year()
    close_app_database(db)
    report = run_crash_loop(path, kills=200)
    assert report.kills == 200
    assert report.commits > 200  # the children did commit between the kills
    assert report.integrity_failures == 0
    assert report.lost_commits == 0
    assert report.invariant_problems == ()
