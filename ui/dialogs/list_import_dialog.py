"""The dialog every list import shares: choose an Excel or Word file, see every row checked,
confirm the loose name matches, then import the whole list (or nothing); save the template and
the check report. A ``ListKind`` says what the list is (proposals, yearly ratings) and writes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.documents.files import write_atomically
from app.errors import AppError
from app.list_import import MAX_YEAR, MIN_YEAR, ImportReport, ListRow, RowStatus
from ui import messages
from ui.dialogs.sizing import fit_to_screen
from ui.models.award_import_table_model import ListPreviewTableModel
from ui.tasks import run_in_background

FILE_FILTER = "Excel hoặc Word (*.xlsx *.docx);;Bảng tính Excel (*.xlsx);;Văn bản Word (*.docx)"


class ListKind(Protocol):
    """What one kind of list (proposals, yearly ratings) brings to the dialog: its words, its
    preview model, and the app/ calls that read, template, report and write it."""

    window_title: str
    choose_title: str  # the file dialog's title
    choose_tip: str
    template_tip: str
    template_name: str  # the template's suggested file name
    year_tip: str
    idle_text: str  # before a file is chosen
    confirm_prompt: str  # while rows wait for a confirmation

    def make_model(self, parent: QWidget) -> ListPreviewTableModel: ...

    def read(self, path: Path, year: int) -> ImportReport[Any]:
        """Read and check the file (on a worker thread: no widgets)."""
        ...

    def template_bytes(self) -> bytes: ...

    def report_bytes(self, report: ImportReport[Any]) -> bytes: ...

    def ready_text(self, report: ImportReport[Any]) -> str:
        """The summary's end when every row may be imported."""
        ...

    def ask_before_writing(self, parent: QWidget, report: ImportReport[Any]) -> bool:
        """On the GUI thread before writing: False when the operator stepped back."""
        ...

    def commit(self, report: ImportReport[Any]) -> Any:
        """Write the whole list or nothing (raising AppError to refuse). Runs on a worker
        thread: app/ calls only, no widgets."""
        ...

    def done_text(self, report: ImportReport[Any], result: Any) -> str:
        """What was imported, said once ``commit`` returned ``result``."""
        ...


class ListImportDialog(QDialog):
    """The dialog of one kind of list (``ListKind``); ``written`` holds what ``commit``
    returned once the list is imported."""

    def __init__(self, kind: ListKind, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.written: Any = None  # what kind.commit returned
        self.setWindowTitle(self.kind.window_title)
        self.setModal(True)
        fit_to_screen(self, 1100, 620)
        self.report: ImportReport[Any] | None = None
        self.source: Path | None = None
        self._reading = self._shown = 0  # reads started and the last one finished
        self._writing = False  # the list is being written on a worker thread
        self.model = self.kind.make_model(self)
        self._build_ui(year)
        self._connect_signals()
        self._update_state()

    def _build_ui(self, year: int) -> None:
        self.choose_button = QPushButton("Chọn tệp…", self)
        self.choose_button.setToolTip(self.kind.choose_tip)
        self.template_button = QPushButton("Tải mẫu Excel…", self)
        self.template_button.setToolTip(self.kind.template_tip)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setValue(year)
        self.year_spin.setToolTip(self.kind.year_tip)
        self.file_label = QLabel("Chưa chọn tệp.", self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel("Năm (khi tệp không ghi):", self))
        top.addWidget(self.year_spin)
        top.addWidget(self.template_button)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        self.confirm_label = QLabel(self)
        self.confirm_label.setWordWrap(True)
        self.candidate_combo = QComboBox(self)
        self.candidate_combo.setMinimumWidth(320)
        self.confirm_button = QPushButton("Xác nhận", self)
        self.confirm_button.setToolTip("Dùng đối tượng đã chọn cho dòng này")
        self.confirm_all_button = QPushButton("Xác nhận mọi gợi ý duy nhất…", self)
        self.confirm_all_button.setToolTip(
            "Dùng gợi ý cho mọi dòng chỉ có một gợi ý (ví dụ tên gõ không dấu)"
        )
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_label, 1)
        confirm_row.addWidget(self.candidate_combo)
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(self.confirm_all_button)
        self.save_report_button = QPushButton("Lưu kết quả kiểm tra…", self)
        self.save_report_button.setToolTip(
            "Lưu bảng kết quả (các dòng bị từ chối và lý do) ra Excel để gửi lại đơn vị"
        )
        self.import_button = QPushButton("Nhập danh sách", self)
        self.import_button.setDefault(True)
        self.close_button = QPushButton("Đóng", self)
        self.progress = QProgressBar(self)  # busy while the list is written
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_report_button)
        bottom.addStretch(1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(confirm_row)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.save_template)
        self.year_spin.valueChanged.connect(self._on_year_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.confirm_all_button.clicked.connect(self.confirm_all_single)
        self.save_report_button.clicked.connect(self.save_report)
        self.import_button.clicked.connect(self.import_rows)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Open, self, self.choose_file)

    # --- reading ------------------------------------------------------------------
    def choose_file(self) -> None:
        path = messages.open_file(self, self.kind.choose_title, FILE_FILTER)
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read and check the file on a worker thread (a long list takes seconds)."""
        year = self.year_spin.value()
        self._reading += 1
        generation = self._reading
        self.summary_label.setText(f"Đang đọc và kiểm tra tệp “{path.name}”…")
        self._update_state()
        run_in_background(
            lambda: self.kind.read(path, year),
            lambda report: self._on_read(generation, path, report),
            lambda error: self._on_read_failed(generation, error),
        )

    def is_reading(self) -> bool:
        return self._reading != self._shown

    def is_writing(self) -> bool:
        return self._writing

    def _on_read(self, generation: int, path: Path, report: ImportReport[Any]) -> None:
        if generation != self._reading:  # a later read replaces this one
            return
        self._shown = generation
        if self.report is not None and path == self.source:  # read again: keep the choices
            report = report.with_confirmations_of(self.report)
        self.source = path
        self._show(report)

    def _on_read_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._reading:
            return
        self._shown = generation
        self._update_state()
        if not isinstance(error, AppError):
            raise error
        messages.show_app_error(self, error)

    def _on_year_changed(self, _year: int) -> None:
        if self.source is not None:  # rows without a year take the new one: check again
            self.load(self.source)

    def _show(self, report: ImportReport[Any]) -> None:
        selected = self.selected_row()
        self.report = report
        self.model.set_rows(list(report.rows))
        self.file_label.setText(f"{report.source_name} ({report.file_kind})")
        if selected is not None:
            row = self.model.find_row(lambda r: r.row_number == selected.row_number)
            if row >= 0:
                self.table.selectRow(row)
        self._on_selection_changed()

    # --- confirming ---------------------------------------------------------------
    def selected_row(self) -> ListRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _on_selection_changed(self, *_: QItemSelection) -> None:
        row = self.selected_row()
        self.candidate_combo.clear()
        reasons = "; ".join(row.reasons) if row is not None else ""
        if row is not None and row.status is not RowStatus.CONFIRM and reasons:
            # the table cuts a long reason: the selected row's shows whole here
            self.confirm_label.setText(f"Dòng {row.row_number}: {reasons}.")
        elif row is None or row.status is not RowStatus.CONFIRM:
            self.confirm_label.setText(
                self.kind.confirm_prompt if self.report and self.report.to_confirm else ""
            )
        else:
            self.confirm_label.setText(
                f"Dòng {row.row_number}: “{row.name_text}” là ai? {row.reason_text}."
            )
            for candidate in row.candidates:
                self.candidate_combo.addItem(candidate.label, candidate.id)
        self._update_state()

    def confirm_selected(self) -> None:
        row = self.selected_row()
        if self.report is None or row is None or self.candidate_combo.currentIndex() < 0:
            return
        self._show(self.report.confirm(row.row_number, self.candidate_combo.currentData()))
        following = self.model.find_row(
            lambda r: r.status is RowStatus.CONFIRM and r.row_number > row.row_number
        )
        if following >= 0:  # on to the next one to confirm
            self.table.selectRow(following)

    def confirm_all_single(self) -> None:
        if self.report is None or not self.report.single_suggestions():
            return
        rows = self.report.single_suggestions()
        listing = "\n".join(
            f"Dòng {r.row_number}: “{r.name_text}” → {r.candidates[0].label}" for r in rows[:15]
        )
        more = f"\n… và {len(rows) - 15} dòng khác" if len(rows) > 15 else ""
        if messages.confirm(
            self,
            "Xác nhận các gợi ý",
            f"Dùng gợi ý cho {len(rows)} dòng sau?\n\n{listing}{more}",
            yes="Xác nhận",
        ):
            self._show(self.report.confirm_single_suggestions())

    # --- writing ------------------------------------------------------------------
    def _update_state(self) -> None:
        report = self.report
        row = self.selected_row()
        busy = self.is_reading() or self._writing
        confirmable = row is not None and row.status is RowStatus.CONFIRM and not self._writing
        for widget in (self.candidate_combo, self.confirm_button):
            widget.setEnabled(confirmable)
        self.confirm_all_button.setEnabled(
            report is not None and bool(report.single_suggestions()) and not self._writing
        )
        self.save_report_button.setEnabled(report is not None and not self._writing)
        ready = report is not None and not report.rejected and not report.to_confirm
        self.import_button.setEnabled(ready and not busy)
        self.choose_button.setEnabled(not busy)
        for widget in (self.year_spin, self.template_button, self.close_button):
            widget.setEnabled(not self._writing)
        self.progress.setVisible(self._writing)
        if busy:
            return
        if report is None:
            self.summary_label.setText(self.kind.idle_text)
            return
        text = report.summary() + "."
        if report.rejected:
            text += (
                " Danh sách chỉ được nhập khi không còn dòng bị từ chối: sửa tệp (hoặc gửi kết "
                "quả kiểm tra cho đơn vị) rồi chọn lại tệp."
            )
        elif report.to_confirm:
            text += " Hãy xác nhận các dòng còn lại rồi nhập."
        else:
            text += " " + self.kind.ready_text(report)
        self.summary_label.setText(text)

    def import_rows(self) -> None:
        """Write the list on a worker thread (thousands of rows take a second or more): the
        window keeps responding, the dialog shows a busy bar and cannot be closed meanwhile."""
        report = self.report
        if report is None or self._writing or not self.kind.ask_before_writing(self, report):
            return
        self._writing = True
        self._update_state()
        self.summary_label.setText(f"Đang ghi {len(report.rows)} dòng vào cơ sở dữ liệu…")
        run_in_background(
            lambda: self.kind.commit(report),
            lambda result: self._on_written(report, result),
            self._on_write_failed,
        )

    def _on_written(self, report: ImportReport[Any], result: Any) -> None:
        self._writing = False
        self.written = result
        message = self.kind.done_text(report, result)
        self._update_state()
        messages.show_info(self, "Đã nhập danh sách", message)
        self.accept()

    def _on_write_failed(self, error: BaseException) -> None:
        self._writing = False
        self._update_state()
        if not isinstance(error, AppError):
            raise error
        messages.show_app_error(self, error)

    def reject(self) -> None:
        if self._writing:  # all or nothing: the write finishes (or rolls back) first
            return
        super().reject()

    def save_template(self) -> Path | None:
        path = messages.save_file(
            self, "Lưu tệp mẫu", Path.home() / self.kind.template_name, "Bảng tính Excel (*.xlsx)"
        )
        return None if path is None else self._write(path, self.kind.template_bytes())

    def save_report(self) -> Path | None:
        if self.report is None:
            return None
        stem = Path(self.report.source_name).stem
        path = messages.save_file(
            self,
            "Lưu kết quả kiểm tra",
            Path.home() / f"ket-qua-kiem-tra-{stem}.xlsx",
            "Bảng tính Excel (*.xlsx)",
        )
        return None if path is None else self._write(path, self.kind.report_bytes(self.report))

    def _write(self, path: Path, data: bytes) -> Path | None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_atomically(path, data)
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        return path
