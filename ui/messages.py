"""The only place that opens message boxes, file dialogs and modal dialogs (tests replace it).

Qt has no Vietnamese translation, so every button gets its Vietnamese text here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from app.errors import AppError


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if detail:
        box.setDetailedText(detail)
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title, text, detail)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_app_error(parent: QWidget | None, error: AppError) -> None:
    show_error(parent, error.title, error.message)


def confirm(
    parent: QWidget | None, title: str, text: str, yes: str = "Đồng ý", no: str = "Hủy"
) -> bool:
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def _file_dialog(parent: QWidget | None, title: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setNameFilter(name_filter)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, "Thư mục:")
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, "Tên tệp:")
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, "Loại tệp:")
    dialog.setLabelText(QFileDialog.DialogLabel.Reject, "Hủy")
    return dialog


def open_file(
    parent: QWidget | None, title: str, name_filter: str, folder: Path | None = None
) -> Path | None:
    dialog = _file_dialog(parent, title, name_filter)
    if folder is not None and folder.is_dir():
        dialog.setDirectory(str(folder))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Mở")
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def save_file(parent: QWidget | None, title: str, suggested: Path, name_filter: str) -> Path | None:
    dialog = _file_dialog(parent, title, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Lưu")
    dialog.selectFile(str(suggested))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog; True when the user accepted it."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The print dialog; the chosen printer, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(300)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In văn bản")
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_folder(parent: QWidget | None, title: str, folder: Path | None = None) -> Path | None:
    """A folder picker (the export's target); None when cancelled."""
    dialog = QFileDialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, "Thư mục:")
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, "Thư mục:")
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Chọn")
    dialog.setLabelText(QFileDialog.DialogLabel.Reject, "Hủy")
    if folder is not None and folder.is_dir():
        dialog.setDirectory(str(folder))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
