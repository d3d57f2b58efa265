"""export eligibility-check --year N: the year's proposals against the rules in force (XLSX)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

import main
from app import proposals, sample
from app.proposals import ProposalInput
from app.session import close_app_database, open_app_database
from tests.staff_gen import award_id, generate_staff, register


def test_the_year_check_as_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "kiểm tra.sqlite"
    db, _info = open_app_database(path)
    try:
        sample.load_sample_year()
        staff = generate_staff(2024, per_unit=2)
        names = list(staff.people)
        register(2024, "LDTT", person=staff.people[names[0]])
        for name in names[:2]:
            proposals.create_proposal(
                ProposalInput(2024, award_id("LDTT"), person_id=staff.people[name])
            )
    finally:
        close_app_database(db)
    out = tmp_path / "kiem-tra.xlsx"
    args = ["export", "eligibility-check", "--year", "2024", "--out", str(out), "--db", str(path)]
    assert main.main(args) == 0
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Mức", "Cá nhân / tập thể", "Danh hiệu / hình thức", "Vấn đề")
    assert rows[1:] == [
        (
            "Cảnh báo",
            names[1],
            "Lao động tiên tiến",
            "Cá nhân chưa đăng ký thi đua năm 2024 (danh hiệu “Lao động tiên tiến”)",
            "Cá nhân, tập thể đề nghị xét tặng danh hiệu phải đăng ký thi đua đầu năm",
            "Hướng dẫn công tác thi đua, khen thưởng hằng năm của tỉnh (đăng ký thi đua)",
            None,
        )
    ]


def test_the_year_is_required(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.sqlite"
    db, _info = open_app_database(path)
    close_app_database(db)
    code = main.main(
        ["export", "eligibility-check", "--out", str(tmp_path / "x.xlsx"), "--db", str(path)]
    )
    assert code != 0
    assert "cần --year" in capsys.readouterr().err
