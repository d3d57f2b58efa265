"""Báo cáo tổng kết năm: the operator writes the narrative sections (kept with the year), sees
what the data will say, and previews, prints or saves the report (PDF, Word, Excel)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.documents import write_atomically
from app.errors import AppError
from app.summary import NARRATIVE_LABELS, Narrative, SummaryFacts, load_narrative, save_narrative
from app.vntext import number_text
from ui import messages
from ui.dialogs.sizing import fit_to_screen
from ui.tasks import run_in_background

HINTS = {
    "results": "Những kết quả nổi bật của công tác thi đua, khen thưởng trong năm…",
    "shortcomings": "Những tồn tại, hạn chế và nguyên nhân (chủ quan, khách quan)…",
    "lessons": "Bài học kinh nghiệm rút ra…",
    "directions": "Phương hướng, nhiệm vụ trọng tâm năm tới; mỗi ý một dòng, bắt đầu bằng “- ”…",
    "recommendations": "Đề xuất, kiến nghị với cấp trên…",
}


def facts_text(facts: SummaryFacts) -> str:
    plan, awards = facts.plan, facts.awards
    plan_text = (
        f"kế hoạch {plan.total} nhiệm vụ (xong {plan.done}, chậm {plan.late})"
        if plan.exists
        else "chưa có kế hoạch"
    )
    return (
        f"Số liệu tự động năm {facts.year}: {plan_text}; {len(facts.held_meetings)} phiên họp; "
        f"{len(facts.campaigns)} phong trào; {len(facts.examples)} điển hình; "
        f"{number_text(awards.total)} lượt khen thưởng (năm trước "
        f"{number_text(awards.previous_total)})."
    )


class YearSummaryDialog(QDialog):
    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Báo cáo tổng kết năm")
        self.editors: dict[str, QPlainTextEdit] = {}
        self.loaded = Narrative()
        self.shown_year = year
        self._build_ui(year)
        self._connect_signals()
        self.load_year()
        fit_to_screen(self, 820, 640)

    def _build_ui(self, year: int) -> None:
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(year)
        self.facts_label = QLabel("Đang đọc số liệu…", self)
        self.facts_label.setWordWrap(True)
        self.sections = QTabWidget(self)
        for name, label in NARRATIVE_LABELS.items():
            editor = QPlainTextEdit(self)
            editor.setPlaceholderText(HINTS[name])
            self.editors[name] = editor
            self.sections.addTab(editor, label)
        self.status_label = QLabel("", self)
        self.save_button = QPushButton("Lưu", self)
        self.preview_button = QPushButton("Xem trước, in…", self)
        self.excel_button = QPushButton("Lưu Excel…", self)
        self.usb_button = QPushButton("Xuất ra USB…", self)
        self.close_button = QPushButton("Đóng", self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:", self))
        top.addWidget(self.year_spin)
        top.addWidget(self.facts_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for button in (
            self.save_button,
            self.preview_button,
            self.excel_button,
            self.usb_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        note = QLabel(
            "Các phần dưới đây do người dùng viết và được lưu cùng năm; số liệu về kế "
            "hoạch, phiên họp, phong trào, điển hình và khen thưởng được lấy tự động.",
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.sections, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.year_spin.valueChanged.connect(self._on_year_changed)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.preview_button.clicked.connect(self.preview)
        self.excel_button.clicked.connect(self.save_excel)
        self.usb_button.clicked.connect(self.export_to_usb)
        self.close_button.clicked.connect(self.close)

    # --- data ---------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return self.year_spin.value()

    def narrative(self) -> Narrative:
        return Narrative(**{n: self.editors[n].toPlainText() for n in self.editors})

    def is_modified(self) -> bool:
        return self.narrative() != self.loaded

    def load_year(self) -> None:
        self.shown_year = self.year
        self.loaded = load_narrative(self.year)
        for f in fields(Narrative):
            self.editors[f.name].setPlainText(getattr(self.loaded, f.name))
        self.status_label.setText("")
        self.facts_label.setText("Đang đọc số liệu…")
        year = self.year

        def build() -> SummaryFacts:
            from app.summary import summary_facts

            return summary_facts(year)

        run_in_background(build, self._on_facts, self._on_facts_failed)

    def _on_facts(self, facts: SummaryFacts) -> None:
        if facts.year == self.year:
            self.facts_label.setText(facts_text(facts))

    def _on_facts_failed(self, error: BaseException) -> None:
        self.facts_label.setText("Không đọc được số liệu.")
        if not isinstance(error, AppError):
            raise error

    def _on_year_changed(self, _value: int) -> None:
        previous = self.shown_year
        if self.is_modified() and messages.confirm(
            self,
            "Lưu thay đổi",
            f"Lưu các phần đã viết cho năm {previous} trước khi chuyển năm?",
            yes="Lưu",
            no="Không lưu",
        ):
            self._save_year(previous)
        self.load_year()

    def _save_year(self, year: int) -> bool:
        try:
            save_narrative(year, self.narrative())
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        self.loaded = self.narrative()
        self.status_label.setText(f"Đã lưu báo cáo năm {year}.")
        return True

    def save(self) -> bool:
        return self._save_year(self.year)

    # --- outputs ------------------------------------------------------------------------
    def _saved_first(self) -> bool:
        return not self.is_modified() or self.save()

    def preview(self) -> QDialog | None:
        from app.reports.summary_report import summary_document
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        if not self._saved_first():
            return None
        year = self.year
        job = DocumentJob(
            f"Báo cáo tổng kết năm {year}", f"BaoCaoTongKet_{year}", lambda: summary_document(year)
        )
        dialog = DocumentPreview(job, Path.home(), self)
        dialog.show()
        return dialog

    def save_excel(self) -> Path | None:
        from app.reports.summary_workbook import summary_workbook

        if not self._saved_first():
            return None
        suggested = Path.home() / f"BaoCaoTongKet_{self.year}.xlsx"
        path = messages.save_file(self, "Lưu bảng số liệu", suggested, "Bảng tính Excel (*.xlsx)")
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_atomically(path, summary_workbook(self.year))
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        self.status_label.setText(f"Đã lưu {path.name}")
        return path

    def export_to_usb(self) -> QDialog | None:
        from ui.dialogs.usb_export_dialog import UsbExportDialog

        if not self._saved_first():
            return None
        dialog = UsbExportDialog(self.year, self)
        dialog.show()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_modified() and messages.confirm(
            self, "Lưu thay đổi", "Lưu các phần đã viết trước khi đóng?", yes="Lưu", no="Không lưu"
        ):
            self.save()
        super().closeEvent(event)
