"""Shown for an unexpected error: what happened, with details to copy for the developers."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Lỗi không mong muốn")
        message = QLabel(
            "Chương trình gặp một lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; "
            "thao tác vừa rồi có thể chưa hoàn tất. Hãy sao chép thông tin dưới đây và gửi "
            "cho bộ phận hỗ trợ.",
            self,
        )
        message.setWordWrap(True)
        self.details_edit = QPlainTextEdit(details, self)
        self.details_edit.setReadOnly(True)
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton("Sao chép", QDialogButtonBox.ButtonRole.ActionRole)
        close_button = buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy_details)
        close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details_edit, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_edit.toPlainText())
