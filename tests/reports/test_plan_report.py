"""The 2024 plan printed through the documents engine reproduces the seed document."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import peewee as pw
import pytest
from pypdf import PdfReader

import main
from app.reports import plan_report
from tests.documents.pdftext import body_text, missing_in_order, words

MM = 72 / 25.4


@pytest.fixture
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")


@pytest.fixture
def plan_pdf(sample_db: pw.SqliteDatabase, bundled_font: None) -> bytes:
    from app.documents import render_pdf

    return render_pdf(plan_report.plan_document_for_year(2024))


def test_every_seed_line_is_in_the_pdf_in_order_under_the_official_header(
    plan_pdf: bytes, seed_lines: list[str]
) -> None:
    text = body_text(plan_pdf)
    assert missing_in_order(text, seed_lines) == []
    header = [
        "UBND TỈNH BÌNH PHƯỚC",
        "SỞ NGOẠI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert missing_in_order(text, header) == []
    assert text.index("Độc lập - Tự do - Hạnh phúc") < text.index("KẾ HOẠCH Hoạt động")
    assert "Số: /KH-SNgV" in text.replace("  ", " ") or re.search(r"Số:\s+/KH-SNgV", text)
    assert "Bình Phước, ngày tháng năm 2024" in text


def test_the_check_fails_when_a_line_is_missing(plan_pdf: bytes, seed_lines: list[str]) -> None:
    text = body_text(plan_pdf)
    assert missing_in_order(text, [*seed_lines, "Dòng không có trong kế hoạch"]) == [
        "Dòng không có trong kế hoạch"
    ]


def test_page_geometry_and_embedded_fonts(plan_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(plan_pdf))
    assert len(reader.pages) >= 2
    xs: list[float] = []
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) - 210 * MM) < 1 and abs(float(box.height) - 297 * MM) < 1

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
            if text.strip():
                xs.append(cm[4] + tm[4] * cm[0])

        page.extract_text(visitor_text=visit)
    assert min(xs) >= 30 * MM - 1  # left margin 30 mm
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font
            fonts.add(str(font["/BaseFont"]))
    assert any("LiberationSerif" in f or "Times" in f for f in fonts)


def test_page_numbers_from_page_two(plan_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(plan_pdf))
    first_lines = [p.extract_text().strip().splitlines()[0].strip() for p in reader.pages]
    assert first_lines[0] != "1"
    assert first_lines[1] == "2"


def test_same_data_same_bytes(
    sample_db: pw.SqliteDatabase, bundled_font: None, plan_pdf: bytes
) -> None:
    from app.documents import render_pdf

    assert render_pdf(plan_report.plan_document_for_year(2024)) == plan_pdf


def test_word_file_has_the_same_structure(
    sample_db: pw.SqliteDatabase, seed_lines: list[str]
) -> None:
    import docx
    from docx.shared import Mm

    from app.documents import render_docx

    document = docx.Document(io.BytesIO(render_docx(plan_report.plan_document_for_year(2024))))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert abs(section.left_margin - Mm(30)) < Mm(1)
    header = document.tables[0]
    assert "UBND TỈNH BÌNH PHƯỚC" in header.cell(0, 0).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.cell(0, 1).text
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    assert missing_in_order(words(" ".join(texts)), seed_lines) == []


def test_word_file_opens_in_libreoffice(
    sample_db: pw.SqliteDatabase, seed_lines: list[str], tmp_path: Path
) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed: the DOCX is checked with python-docx only")
    from app.documents import render_docx

    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(render_docx(plan_report.plan_document_for_year(2024)))
    subprocess.run(
        [
            office,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = body_text((tmp_path / "ke-hoach.pdf").read_bytes())
    assert missing_in_order(text, seed_lines) == []


def test_export_plan_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ke hoạch.sqlite"
    assert main.main(["init", "--db", str(db), "--sample"]) == 0
    pdf = tmp_path / "Kế hoạch 2024.pdf"
    assert main.main(["export", "plan", "--year", "2024", "--out", str(pdf), "--db", str(db)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    word = tmp_path / "ke-hoach.docx"
    assert (
        main.main(
            [
                "export",
                "plan",
                "--year",
                "2024",
                "--format",
                "docx",
                "--out",
                str(word),
                "--db",
                str(db),
            ]
        )
        == 0
    )
    assert word.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name] == []
    capsys.readouterr()
    assert (
        main.main(
            ["export", "plan", "--year", "2030", "--out", str(tmp_path / "x.pdf"), "--db", str(db)]
        )
        == 2
    )
    assert "Chưa có kế hoạch năm 2030" in capsys.readouterr().err
    assert main.main(["export", "plan", "--out", str(tmp_path / "x.pdf"), "--db", str(db)]) == 2
    assert (
        main.main(
            [
                "export",
                "plan",
                "--year",
                "2024",
                "--out",
                str(tmp_path / "x.pdf"),
                "--db",
                str(tmp_path / "none.sqlite"),
            ]
        )
        == 2
    )
    assert "Không có tệp cơ sở dữ liệu" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite").exists() and not (tmp_path / "x.pdf").exists()
