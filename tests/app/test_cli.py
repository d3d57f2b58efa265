"""The command line: init (with the sample), refusals with exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from app import plan
from app.session import close_app_database, open_app_database

ROOT = Path(__file__).resolve().parents[2]


def test_init_with_sample_creates_a_database_holding_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "năm mẫu.sqlite"
    assert main.main(["init", "--db", str(path), "--sample"]) == 0
    assert "Đã tạo" in capsys.readouterr().out
    db, _ = open_app_database(path)
    try:
        assert plan.plan_years() == [2024]
    finally:
        close_app_database(db)


def test_init_refuses_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ghi-chu.txt"
    path.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert main.main(["init", "--db", str(path)]) == 2
    assert "không phải là cơ sở dữ liệu SQLite" in capsys.readouterr().err


def test_init_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["init"]) == 2
    assert "--db" in capsys.readouterr().err


def test_the_real_command_line_runs_in_a_fresh_process(tmp_path: Path) -> None:
    path = tmp_path / "cli.sqlite"
    env = {**os.environ, "TDKT_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "init", "--db", str(path), "--sample"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Đã tạo" in done.stdout.decode("utf-8")  # UTF-8 even when the console says otherwise
    assert path.exists()


def test_env_tdkt_db_selects_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.paths import resolve_paths

    monkeypatch.setenv("TDKT_DB", str(tmp_path / "env.sqlite"))
    assert resolve_paths().db_file == (tmp_path / "env.sqlite").resolve()
    assert resolve_paths(tmp_path / "arg.sqlite").db_file == (tmp_path / "arg.sqlite").resolve()
    monkeypatch.delenv("TDKT_DB")
    assert resolve_paths().db_file.name == "tdkt.sqlite"


def test_demo_database_holds_the_sample_and_is_removed(tmp_path: Path) -> None:
    from app import cli

    path = cli.make_demo_database()
    try:
        db, _ = open_app_database(path)
        assert plan.plan_years() == [2024]
        close_app_database(db)
    finally:
        cli.remove_demo_database(path)
    assert not path.parent.exists()
