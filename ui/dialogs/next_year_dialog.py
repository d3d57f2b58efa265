"""“Tạo kế hoạch năm sau”: the copied plan shown for review before it is saved."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.plan_copy import PlanDraft, draft_lines
from ui.dialogs.sizing import fit_to_screen


class NextYearDialog(QDialog):
    def __init__(self, draft: PlanDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setWindowTitle(f"Tạo kế hoạch năm {draft.year}")
        intro = QLabel(
            f"Kế hoạch năm {draft.source_year} được sao sang năm {draft.year}: lịch thực hiện lùi "
            "một năm, trạng thái đặt lại “Chưa thực hiện”, số và ngày văn bản để trống. Hãy xem "
            "lại trước khi lưu; sau khi lưu vẫn sửa được từng mục.",
            self,
        )
        intro.setWordWrap(True)
        self.preview = QPlainTextEdit("\n".join(draft_lines(draft)), self)
        self.preview.setReadOnly(True)
        self.preview.setFont(QFont(self.preview.font().family(), 10))
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            f"Lưu kế hoạch năm {draft.year}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 560)
