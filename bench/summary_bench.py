"""`make bench`, year-end summary: the summary PDF, the whole verified export to a local folder,
and, where LibreOffice is installed, the same summary converted DOCX → PDF by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SUMMARY_PDF_TARGET_S = 3.0
EXPORT_TARGET_S = 5.0


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def _libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _libreoffice_pdf(docx: bytes, folder: Path) -> float | None:
    """Seconds LibreOffice takes to turn the DOCX into a PDF (its own start-up included)."""
    office = _libreoffice()
    if office is None:
        return None
    source = folder / "summary.docx"
    source.write_bytes(docx)
    profile = (folder / "lo-profile").as_uri()
    command = [
        office,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder / "lo"),
        str(source),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, timeout=300)
    seconds = time.perf_counter() - started
    if done.returncode != 0 or not (folder / "lo" / "summary.pdf").exists():
        return None
    return seconds


def measure_summary(
    db: Path,
    year: int,
    record: Callable[[Any], None],
    detail: Callable[[str], None],
    figure: Callable[..., Any],
) -> None:
    from app.documents import render_docx, render_pdf
    from app.reports.summary_report import summary_document
    from app.session import close_app_database, open_app_database
    from app.usb_export import export_year

    with tempfile.TemporaryDirectory(prefix="tdkt-summary-") as home:
        folder = Path(home)
        copy = folder / "large.sqlite"
        shutil.copyfile(db, copy)
        database, _info = open_app_database(copy)
        try:
            render_pdf(summary_document(year - 1))  # fonts registered, modules imported
            document, build_s = _timed(lambda: summary_document(year))
            pdf, pdf_s = _timed(lambda: render_pdf(document))
            record(
                figure(
                    f"summary report {year}: data + PDF",
                    build_s + pdf_s,
                    "s",
                    SUMMARY_PDF_TARGET_S,
                    note=f"({build_s:.2f} s data, {pdf_s:.2f} s PDF)",
                )
            )
            target = folder / "usb"
            target.mkdir()
            result, export_s = _timed(lambda: export_year(year, target))
            record(
                figure(
                    f"export {year} to a local folder, verified",
                    export_s,
                    "s",
                    EXPORT_TARGET_S,
                    note=f"({len(result.entries)} files, {result.total_bytes / 2**20:.1f} MB)",
                )
            )
            docx, docx_s = _timed(lambda: render_docx(document))
        finally:
            close_app_database(database)
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        office = _libreoffice_pdf(docx, folder)
        if office is None:
            detail("LibreOffice not installed (or failed): no DOCX → PDF comparison")
        else:
            ours = build_s + pdf_s
            detail(
                f"summary {year} ({pages} pages): our PDF {ours:.2f} s; DOCX {docx_s:.2f} s then "
                f"LibreOffice DOCX → PDF {office:.2f} s (its start-up included): LibreOffice "
                f"takes {office / ours:.1f}× as long"
            )
