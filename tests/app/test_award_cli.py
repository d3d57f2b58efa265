"""export proposal-list | decision | certificates | award-stats on the command line."""

from __future__ import annotations

import io
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
