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
    # Windows of up to 0.15 s: a child needs ~0.03 s to start, so most kills land mid-write;
    # how many commits fit depends on the machine's load, hence a loose lower bound.
    report = run_crash_loop(path, kills=200, max_delay=0.15)
    assert report.kills == 200
    assert report.commits >= 50, report  # the children did commit between the kills
    assert report.integrity_failures == 0, report
    assert report.lost_commits == 0, report
    assert report.invariant_problems == (), report
