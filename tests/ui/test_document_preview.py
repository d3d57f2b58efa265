"""The plan's preview: rendered off the GUI thread, printed, saved as PDF and as Word."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from tests.conftest import FakeMessages
from ui import messages
from ui.main_window import MainWindow


@pytest.fixture
def preview(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    # the window waits for another list: on a busy machine the plan may still be loading
    qtbot.waitUntil(window.plan_tab.is_current)
    dialog = window.plan_tab.make_preview()
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=20000):
        dialog.show()
    return dialog


def test_preview_shows_every_page_and_saves_both_formats(
    preview, fake_messages: FakeMessages, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert preview.page_count() >= 2
    assert preview.status_label.text() == f"{preview.page_count()} trang"
    assert preview.windowTitle() == "Xem trước — Kế hoạch năm 2024"
    chosen: list[Path] = [tmp_path / "kế hoạch 2024.pdf", tmp_path / "kế hoạch 2024"]
    monkeypatch.setattr(messages, "save_file", lambda *args: chosen.pop(0))
    saved_pdf = preview.save_pdf()
    assert saved_pdf == tmp_path / "kế hoạch 2024.pdf"
    assert "KẾ HOẠCH" in PdfReader(str(saved_pdf)).pages[0].extract_text()
    saved_word = preview.save_word()
    assert saved_word == tmp_path / "kế hoạch 2024.docx"  # the extension is added
    assert saved_word.read_bytes().startswith(b"PK")
    assert "Đã lưu kế hoạch 2024.docx" in preview.status_label.text()


def test_print_draws_every_page(preview, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "in.pdf"

    def pdf_printer(_parent: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(messages, "ask_printer", pdf_printer)
    preview.print_button.click()
    assert len(PdfReader(str(target)).pages) == preview.page_count()


def test_a_refused_save_says_why_and_leaves_nothing(
    preview, fake_messages: FakeMessages, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "không có" / "kế hoạch.pdf"
    monkeypatch.setattr(messages, "save_file", lambda *args: missing)
    assert preview.save_pdf() is None
    assert "Không ghi được tệp “kế hoạch.pdf”" in fake_messages.texts()
    assert not missing.parent.exists()
    monkeypatch.setattr(messages, "save_file", lambda *args: None)
    assert preview.save_word() is None  # cancelled: nothing happens
