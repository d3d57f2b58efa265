"""Nhập kết quả đánh giá: the units' yearly ratings of their staff and of themselves, recorded
all at once (or not at all); results already recorded are replaced once the operator agrees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app import rating_import
from app.list_import import ImportReport
from app.rating_import import ImportResult, RatingReport
from ui import messages
from ui.dialogs.list_import_dialog import ListImportDialog
from ui.dialogs.sizing import fit_to_screen
from ui.models.award_import_table_model import ListPreviewTableModel, RatingPreviewTableModel

LISTED = 15  # rows named in the confirmation; the others counted


class RatingList:
    """The units' yearly ratings of their staff and of themselves."""

    window_title = "Nhập kết quả đánh giá, xếp loại"
    choose_title = "Chọn danh sách kết quả đánh giá"
    choose_tip = "Mở danh sách kết quả đánh giá, xếp loại của đơn vị (Excel .xlsx hoặc Word .docx)"
    template_tip = "Lưu tệp mẫu để gửi các đơn vị điền kết quả đánh giá, xếp loại cuối năm"
    template_name = "mau-ket-qua-danh-gia-xep-loai.xlsx"
    year_tip = "Năm đánh giá cho các dòng không ghi năm"
    idle_text = (
        "Chọn tệp Excel hoặc Word có bảng kết quả đánh giá, xếp loại (dùng tệp mẫu để các đơn vị "
        "điền cho đúng cột). Mỗi dòng được kiểm tra trước khi nhập; kết quả đã ghi của năm đó "
        "chỉ được thay khi bạn đồng ý."
    )
    confirm_prompt = "Chọn một dòng “Cần xác nhận” để chỉ rõ cá nhân, tập thể được đánh giá."

    def make_model(self, parent: QWidget) -> ListPreviewTableModel:
        return RatingPreviewTableModel(parent)

    def read(self, path: Path, year: int) -> ImportReport[Any]:
        return rating_import.read_file(path, year)

    def template_bytes(self) -> bytes:
        return rating_import.template_xlsx()

    def report_bytes(self, report: ImportReport[Any]) -> bytes:
        assert isinstance(report, RatingReport)
        return rating_import.report_xlsx(report)

    def ready_text(self, report: ImportReport[Any]) -> str:
        assert isinstance(report, RatingReport)
        text = f"Sẵn sàng nhập kết quả của {len(report.rows)} cá nhân, tập thể."
        if report.replacing:
            text += (
                f" {len(report.replacing)} kết quả đã ghi sẽ được thay (hỏi lại trước khi nhập)."
            )
        return text

    def ask_before_writing(self, parent: QWidget, report: ImportReport[Any]) -> bool:
        assert isinstance(report, RatingReport)
        replacing = report.replacing
        if not replacing:
            return True
        listing = "\n".join(
            f"Dòng {r.row_number}: {r.recipient_label} — {r.change_text}"
            for r in replacing[:LISTED]
        )
        more = f"\n… và {len(replacing) - LISTED} dòng khác" if len(replacing) > LISTED else ""
        return messages.confirm(
            parent,
            "Thay kết quả đã ghi",
            f"{len(replacing)} dòng thay kết quả đánh giá đã ghi:\n\n{listing}{more}\n\n"
            "Thay các kết quả này và nhập cả danh sách?",
            yes="Thay và nhập",
        )

    def commit(self, report: ImportReport[Any]) -> ImportResult:
        assert isinstance(report, RatingReport)
        return rating_import.commit(report, replace_existing=bool(report.replacing))

    def done_text(self, report: ImportReport[Any], result: Any) -> str:
        assert isinstance(result, ImportResult)
        text = (
            f"Đã nhập kết quả đánh giá của {result.written} cá nhân, tập thể từ tệp "
            f"“{report.source_name}”"
        )
        if result.replaced:
            text += f", trong đó {result.replaced} thay kết quả đã ghi"
        if result.unchanged:
            text += f"; {result.unchanged} dòng giống kết quả đã ghi, không đổi"
        return text + "."


class RatingImportDialog(ListImportDialog):
    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(RatingList(), year, parent)
        fit_to_screen(self, 1250, 620)  # the rating's full wording and the reason both fit

    @property
    def imported(self) -> ImportResult | None:
        """What was imported (None until the list is)."""
        return self.written


def open_rating_import_dialog(parent: QWidget, year: int) -> ImportResult | None:
    """Show the dialog; what was imported (None when closed without importing)."""
    dialog = RatingImportDialog(year, parent)
    return dialog.imported if messages.run_dialog(dialog) else None


__all__ = ["RatingImportDialog", "open_rating_import_dialog"]
