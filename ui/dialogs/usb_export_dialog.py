"""Xuất ra USB: pick a removable drive (or any folder), export the year off the GUI thread with
a progress bar and a cancel button, then say the drive can be removed."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.drives import Drive, removable_drives
from app.errors import AppError
from app.session import in_worker_thread
from app.usb_export import ExportCancelled, ExportHooks, ExportResult, export_year
from ui import messages

STEPS = 1000
PathRole = Qt.ItemDataRole.UserRole + 1


class ExportWorker(QThread):
    """Runs the export on its own thread (its own database connection, closed at the end)."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, year: int, target: Path, hooks: ExportHooks | None = None) -> None:
        super().__init__()
        self.year, self.target, self.hooks = year, target, hooks
        self.cancel_flag = threading.Event()

    def run(self) -> None:
        try:
            result = in_worker_thread(
                lambda: export_year(
                    self.year,
                    self.target,
                    progress=self.progressed.emit,
                    cancelled=self.cancel_flag.is_set,
                    hooks=self.hooks,
                )
            )
        except Exception as exc:  # told to the GUI thread, which shows it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class UsbExportDialog(QDialog):
    finished_export = Signal(object)  # ExportResult, or the error

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Xuất ra USB")
        self.worker: ExportWorker | None = None
        self.hooks: ExportHooks | None = None  # tests inject failures here
        self.result: ExportResult | None = None
        self.other_folder: Path | None = None
        self.drives: list[Drive] = []
        self._build_ui(year)
        self._connect_signals()
        self.refresh_drives()
        self.resize(620, 460)

    def _build_ui(self, year: int) -> None:
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(year)
        self.drive_list = QListWidget(self)
        self.refresh_button = QPushButton("Làm mới", self)
        self.folder_button = QPushButton("Chọn thư mục khác…", self)
        self.content_label = QLabel(
            "Sẽ ghi vào một thư mục ghi ngày: báo cáo tổng kết (PDF, Word, Excel), kế hoạch, "
            "chương trình và biên bản các phiên họp, quyết định khen thưởng của năm, bản sao cơ sở "
            "dữ liệu và tệp "
            "manifest.json (kích thước, mã SHA-256 của từng tệp). Mọi tệp được đọc lại để "
            "kiểm tra sau khi ghi.",
            self,
        )
        self.content_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, STEPS)
        self.progress.setValue(0)
        self.status_label = QLabel("Chọn ổ USB hoặc thư mục nhận rồi bấm “Xuất”.", self)
        self.status_label.setWordWrap(True)
        # room for the longest message (the folder's path and the result) without clipping
        self.status_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 4)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("Xuất", self)
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton("Hủy xuất", self)
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton("Đóng", self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:", self))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        drives = QHBoxLayout()
        drives.addWidget(self.refresh_button)
        drives.addWidget(self.folder_button)
        drives.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Ổ đĩa di động đang cắm (hoặc thư mục đã chọn):", self))
        layout.addWidget(self.drive_list, 1)
        layout.addLayout(drives)
        layout.addWidget(self.content_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.close)
        self.drive_list.currentItemChanged.connect(self._on_selection_changed)

    # --- targets ------------------------------------------------------------------------
    def refresh_drives(self, drives: list[Drive] | None = None) -> None:
        chosen = self.target()
        self.drives = removable_drives() if drives is None else drives
        self.drive_list.clear()
        for drive in self.drives:
            self._add_target(drive.text, drive.path)
        if self.other_folder is not None:
            self._add_target(f"Thư mục: {self.other_folder}", self.other_folder)
        if self.drive_list.count() == 0:
            placeholder = QListWidgetItem(
                "Không thấy ổ USB nào. Cắm ổ rồi bấm “Làm mới”, hoặc chọn một thư mục khác."
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.drive_list.addItem(placeholder)
        self._select(chosen)
        self._on_selection_changed()

    def _add_target(self, text: str, path: Path) -> None:
        item = QListWidgetItem(text)
        item.setData(PathRole, str(path))
        self.drive_list.addItem(item)

    def _select(self, path: Path | None) -> None:
        for row in range(self.drive_list.count()):
            item = self.drive_list.item(row)
            data = item.data(PathRole)
            if data and (path is None or Path(data) == path):
                self.drive_list.setCurrentRow(row)
                return

    def _on_folder_button_clicked(self) -> None:
        folder = messages.choose_folder(self, "Chọn thư mục nhận dữ liệu xuất", Path.home())
        if folder is not None:
            self.choose_target(folder)

    def choose_target(self, folder: Path) -> None:
        self.other_folder = folder
        self.refresh_drives(self.drives)
        self._select(folder)

    def target(self) -> Path | None:
        item = self.drive_list.currentItem()
        data = item.data(PathRole) if item is not None else None
        return Path(data) if data else None

    def _on_selection_changed(self, *_args: object) -> None:
        self.export_button.setEnabled(self.target() is not None and not self.running)

    # --- the export ---------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.worker is not None

    def start_export(self) -> None:
        target = self.target()
        if target is None or self.running:
            return
        self.result = None
        self.progress.setValue(0)
        self.status_label.setText("Đang chuẩn bị…")
        self.worker = ExportWorker(self.year_spin.value(), target, self.hooks)
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_succeeded)
        self.worker.failed.connect(self._on_failed)
        self._set_running(True)
        self.worker.start()

    def _set_running(self, running: bool) -> None:
        for widget in (self.year_spin, self.drive_list, self.refresh_button, self.folder_button):
            widget.setEnabled(not running)
        self.export_button.setEnabled(not running and self.target() is not None)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel_flag.set()
            self.cancel_button.setEnabled(False)
            self.status_label.setText("Đang hủy, xóa các tệp đã ghi…")

    def _on_progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(fraction * STEPS))
        self.status_label.setText(text)

    def _finish(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
        self.worker = None
        self._set_running(False)

    def _on_succeeded(self, result: ExportResult) -> None:
        self._finish()
        self.result = result
        self.progress.setValue(STEPS)
        size = f"{result.total_bytes / (1 << 20):.1f}".replace(".", ",")
        text = (
            f"Đã xuất {len(result.entries)} tệp ({size} MB) vào “{result.folder}” và đọc lại "
            "kiểm tra: tất cả khớp. Có thể rút ổ USB ra an toàn."
        )
        self.status_label.setText(text)
        self.finished_export.emit(result)
        messages.show_info(self, "Đã xuất xong", text)

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        self.progress.setValue(0)
        self.finished_export.emit(error)
        if isinstance(error, ExportCancelled):
            self.status_label.setText(error.message)
            return
        if not isinstance(error, AppError):
            raise error
        self.status_label.setText(error.message)
        messages.show_error(self, error.title, error.message, error.detail)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            if not messages.confirm(
                self, "Đang xuất dữ liệu", "Hủy việc xuất đang chạy?", yes="Hủy xuất", no="Tiếp tục"
            ):
                event.ignore()
                return
            self.cancel_export()
            if self.worker is not None:
                self.worker.wait()
        super().closeEvent(event)
