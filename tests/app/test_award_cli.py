"""export proposal-list | decision | certificates | award-stats on the command line."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

import main
from app import decisions, sample
from app.session import close_app_database, open_app_database
from tests.award_data import build_world, director_decision_input
from tests.documents.pdftext import body_text, reader


@pytest.fixture
def awards_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, int]:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    path = tmp_path / "khen thưởng.sqlite"
    db, _info = open_app_database(path)
    try:
        sample.load_sample_year()
        world = build_world()
        p = world.proposals
        decision = decisions.create_decision(
            director_decision_input(), [p["an_ldtt"], p["duc_gk"], p["vp_ttldtt"]]
        )
        decision_id, unit = int(decision.id), world.units["lshc"]
    finally:
        close_app_database(db)
    return path, decision_id, unit


def run(*args: str) -> int:
    return main.main(["export", *args])


def test_decision_and_certificates(awards_file: tuple[Path, int, int], tmp_path: Path) -> None:
    db, decision_id, _unit = awards_file
    out = tmp_path / "qd.pdf"
    assert run("decision", "--decision", str(decision_id), "--out", str(out), "--db", str(db)) == 0
    assert "Điều 1." in body_text(out.read_bytes())
    out = tmp_path / "giay-khen.pdf"
    assert (
        run("certificates", "--decision", str(decision_id), "--out", str(out), "--db", str(db)) == 0
    )
    assert len(reader(out.read_bytes()).pages) == 3
    out = tmp_path / "giay-khen.docx"
    assert (
        run("certificates", "--decision", str(decision_id), "--out", str(out), "--db", str(db)) == 0
    )
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Ông Lê Minh Đức" in texts


def test_proposal_list_by_unit_and_status(
    awards_file: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, _decision, unit = awards_file
    out = tmp_path / "to-trinh.pdf"
    assert run("proposal-list", "--year", "2024", "--out", str(out), "--db", str(db)) == 0
    text = body_text(out.read_bytes())
    assert "TỜ TRÌNH" in text and "Nguyễn Văn An" in text
    args = ["--year", "2024", "--unit", str(unit), "--status", "passed"]
    assert run("proposal-list", *args, "--out", str(out), "--db", str(db)) == 0
    text = body_text(out.read_bytes())
    assert "Trần Thị Bình" in text and "Nguyễn Văn An" not in text
    args = ["--year", "2024", "--level", "province"]
    assert run("proposal-list", *args, "--out", str(out), "--db", str(db)) == 0
    text = body_text(out.read_bytes())
    assert "Kính gửi: Chủ tịch UBND tỉnh." in text and "Phạm Thị Ngọc Hòa" in text


def test_award_stats_workbook(awards_file: tuple[Path, int, int], tmp_path: Path) -> None:
    db, _decision, _unit = awards_file
    out = tmp_path / "thong-ke.xlsx"
    assert run("award-stats", "--year", "2024", "--out", str(out), "--db", str(db)) == 0
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert "Biểu 0603.N" in book.sheetnames
    rows = {r[0]: r for r in book["Theo danh hiệu"].iter_rows(min_row=3, values_only=True)}
    assert rows["Tổng cộng"][5] == 3


def test_refused_requests_say_why(
    awards_file: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _decision, _unit = awards_file
    out = str(tmp_path / "x.pdf")
    assert run("decision", "--out", out, "--db", str(db)) == 2
    assert "--decision" in capsys.readouterr().err
    assert run("certificates", "--decision", "99", "--out", out, "--db", str(db)) == 2
    assert "Không có quyết định" in capsys.readouterr().err
    assert (
        run("proposal-list", "--year", "2024", "--status", "xyz", "--out", out, "--db", str(db))
        == 2
    )
    assert "Trạng thái" in capsys.readouterr().err
    assert run("award-stats", "--out", out, "--db", str(db)) == 2
    assert not Path(out).exists()


@pytest.fixture
def numbered_decisions(awards_file: tuple[Path, int, int]) -> Path:
    """Beside decision 12/QĐ-SNgV of 20/12/2024 (ID 1): 12/QĐ-SNgV again in 2025 (numbers start
    again each year) and 15/QĐ-SNgV of the province's chairman, 2025."""
    from dataclasses import replace

    path, _decision_id, _unit = awards_file
    db, _info = open_app_database(path)
    try:
        base = director_decision_input()
        decisions.create_decision(replace(base, signed_on=date(2025, 3, 5)))
        decisions.create_decision(
            replace(
                base,
                number="15",
                signed_on=date(2025, 4, 7),
                authority="Chủ tịch UBND tỉnh",
                subject="Về việc tặng Bằng khen",
            )
        )
    finally:
        close_app_database(db)
    return path


def test_decision_by_number_and_symbol_ignores_case_marks_and_spaces(
    numbered_decisions: Path, tmp_path: Path
) -> None:
    db, out = str(numbered_decisions), tmp_path / "qd.pdf"
    args = ["--decision", " 12 / qd-sngv ", "--year", "2024", "--out", str(out), "--db", db]
    assert run("decision", *args) == 0
    text = body_text(out.read_bytes())
    assert "12/QĐ-SNgV" in text and "ngày 20 tháng 12 năm 2024" in text
    args = ["--decision", "15/QĐ-SNGV", "--out", str(out), "--db", db]
    assert run("decision", *args) == 0
    text = body_text(out.read_bytes())
    assert "15/QĐ-SNgV" in text and "ngày 07 tháng 4 năm 2025" in text
    assert "Về việc tặng Bằng khen" in text
    out = tmp_path / "giay-khen.pdf"
    args = ["--decision", "12/QĐ-SNgV", "--year", "2024", "--out", str(out), "--db", db]
    assert run("certificates", *args) == 0
    assert len(reader(out.read_bytes()).pages) == 3


def test_decision_by_plain_number_when_unique(numbered_decisions: Path, tmp_path: Path) -> None:
    db, out = str(numbered_decisions), tmp_path / "qd.pdf"
    assert run("decision", "--decision", "15", "--out", str(out), "--db", db) == 0  # no ID 15
    assert "15/QĐ-SNgV" in body_text(out.read_bytes())
    args = ["--decision", "12", "--year", "2025", "--out", str(out), "--db", db]
    assert run("decision", *args) == 0
    assert "ngày 05 tháng 3 năm 2025" in body_text(out.read_bytes())
    # a plain number without --year is the ID, as it always was: ID 1 is 12/QĐ-SNgV of 2024
    assert run("decision", "--decision", "1", "--out", str(out), "--db", db) == 0
    assert "ngày 20 tháng 12 năm 2024" in body_text(out.read_bytes())


def test_an_ambiguous_decision_lists_the_candidates(
    numbered_decisions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, out = str(numbered_decisions), tmp_path / "qd.pdf"
    assert run("decision", "--decision", "12/QĐ-SNgV", "--out", str(out), "--db", db) == 2
    err = capsys.readouterr().err
    assert "Có 2 quyết định khớp “12/QĐ-SNgV”" in err
    assert "số 12/QĐ-SNgV, ngày 20 tháng 12 năm 2024, Giám đốc Sở (ID 1)" in err
    assert "số 12/QĐ-SNgV, ngày 05 tháng 3 năm 2025, Giám đốc Sở (ID 2)" in err
    assert "--year" in err and "Traceback" not in err
    assert not out.exists()


def test_an_unknown_decision_says_so_in_a_fresh_process(
    numbered_decisions: Path, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys

    out = tmp_path / "qd.pdf"
    main_py = str(Path(__file__).resolve().parents[2] / "main.py")
    command = [sys.executable, main_py, "export", "certificates", "--decision", "12/QĐ-SNgV"]
    command += ["--year", "2023", "--out", str(out), "--db", str(numbered_decisions)]
    env = {**os.environ, "TDKT_HOME": str(tmp_path / "home")}
    done = subprocess.run(command, capture_output=True, env=env, timeout=60, check=False)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert "Không có quyết định năm 2023 nào khớp “12/QĐ-SNgV”. Các quyết định cùng số:" in err
    assert "số 12/QĐ-SNgV, ngày 05 tháng 3 năm 2025, Giám đốc Sở (ID 2)" in err
    assert "Traceback" not in err and not out.exists()
    done = subprocess.run(
        [*command[:5], "99", *command[6:]], capture_output=True, env=env, timeout=60, check=False
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "Không có quyết định năm 2023 nào khớp “99”." in err
    assert "Traceback" not in err


def test_help_tells_how_to_name_a_decision(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main.main(["export", "--help"])
    assert "15/QĐ-SNgV" in capsys.readouterr().out
