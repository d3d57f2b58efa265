"""Preview of a document (QtPdf) with Print, Save as PDF and Save as Word."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSizeF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents import AdminDocument, render_docx, render_pdf, write_atomically
from app.errors import AppError
from ui import messages
from ui.dialogs.sizing import fit_to_screen
from ui.tasks import run_in_background


@dataclass(frozen=True)
class DocumentJob:
    """What to preview: a title, a file name to suggest, and how to build the document."""

    title: str
    suggested_name: str
    build: Callable[[], AdminDocument]


class DocumentPreview(QDialog):
    rendered = Signal()

    def __init__(self, job: DocumentJob, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.folder = folder
        self.document: AdminDocument | None = None
        self.pdf_bytes = b""
        self.setWindowTitle(f"Xem trước — {job.title}")
        self.status_label = QLabel("Đang tạo văn bản…", self)
        self.pdf = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf)
        self.print_button = QPushButton("In…", self)
        self.print_button.setShortcut("Ctrl+P")
        self.pdf_button = QPushButton("Lưu PDF…", self)
        self.word_button = QPushButton("Lưu Word…", self)
        close_button = QPushButton("Đóng", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for button in (self.print_button, self.pdf_button, self.word_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_document)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        close_button.clicked.connect(self.reject)
        self._set_ready(False)
        fit_to_screen(self, 900, 1000)
        run_in_background(self._build, self._on_built, self._on_failed)

    def _build(self) -> tuple[AdminDocument, bytes]:
        document = self.job.build()
        return document, render_pdf(document)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.word_button):
            button.setEnabled(ready)

    def _on_built(self, result: tuple[AdminDocument, bytes]) -> None:
        self.document, self.pdf_bytes = result
        self.buffer.close()
        self.buffer.setData(QByteArray(self.pdf_bytes))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self.buffer)
        self.status_label.setText(f"{self.pdf.pageCount()} trang")
        self._set_ready(True)
        self.rendered.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.status_label.setText("Không tạo được văn bản.")
        if isinstance(error, AppError):
            messages.show_app_error(self, error)
        else:
            raise error

    def page_count(self) -> int:
        return int(self.pdf.pageCount())

    def print_document(self) -> None:
        printer = messages.ask_printer(self)
        if printer is not None:
            print_pdf(self.pdf, printer)

    def _save(self, suffix: str, name_filter: str, data: Callable[[], bytes]) -> Path | None:
        suggested = self.folder / f"{self.job.suggested_name}{suffix}"
        path = messages.save_file(self, "Lưu văn bản", suggested, name_filter)
        if path is None:
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            write_atomically(path, data())
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        self.status_label.setText(f"Đã lưu {path.name}")
        return path

    def save_pdf(self) -> Path | None:
        return self._save(".pdf", "Tệp PDF (*.pdf)", lambda: self.pdf_bytes)

    def save_word(self) -> Path | None:
        assert self.document is not None
        document = self.document
        return self._save(".docx", "Tài liệu Word (*.docx)", lambda: render_docx(document))


def print_pdf(pdf: QPdfDocument, printer: QPrinter) -> None:
    """Draw every page of the PDF on the printer at its resolution, its shape kept; a landscape
    document (certificates) turns the paper to landscape."""
    if pdf.pageCount():
        first = pdf.pagePointSize(0)
        if first.width() > first.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    painter = QPainter()
    if not painter.begin(printer):
        raise AppError("Không mở được máy in.")
    try:
        for page in range(pdf.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = pdf.pagePointSize(page).scaled(
                QSizeF(target.size()), Qt.AspectRatioMode.KeepAspectRatio
            )
            image = pdf.render(page, size.toSize())
            painter.drawImage(QRect(target.topLeft(), size.toSize()), image)
    finally:
        painter.end()
