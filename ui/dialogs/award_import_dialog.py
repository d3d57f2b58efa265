"""Nhập danh sách đề nghị: the units' proposal lists, imported as draft proposals (all or none)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app import award_import
from app.award_import import ImportReport
from ui import messages
from ui.dialogs.list_import_dialog import ListImportDialog
from ui.models.award_import_table_model import ImportPreviewTableModel, ListPreviewTableModel


class AwardList:
    """Proposal lists, imported as draft proposals."""

    window_title = "Nhập danh sách đề nghị khen thưởng"
    choose_title = "Chọn danh sách đề nghị"
    choose_tip = "Mở danh sách đề nghị của đơn vị (Excel .xlsx hoặc Word .docx)"
    template_tip = "Lưu tệp mẫu để gửi các đơn vị điền danh sách đề nghị"
    template_name = "mau-danh-sach-de-nghi-khen-thuong.xlsx"
    year_tip = "Năm đề nghị cho các dòng không ghi năm"
    idle_text = (
        "Chọn tệp Excel hoặc Word có bảng danh sách đề nghị (dùng tệp mẫu để các đơn vị "
        "điền cho đúng cột). Mỗi dòng được kiểm tra trước khi nhập."
    )
    confirm_prompt = "Chọn một dòng “Cần xác nhận” để chỉ rõ cá nhân, tập thể được đề nghị."

    def make_model(self, parent: QWidget) -> ListPreviewTableModel:
        return ImportPreviewTableModel(parent)

    def read(self, path: Path, year: int) -> ImportReport[Any]:
        return award_import.read_file(path, year)

    def template_bytes(self) -> bytes:
        return award_import.template_xlsx()

    def report_bytes(self, report: ImportReport[Any]) -> bytes:
        return award_import.report_xlsx(report)

    def ready_text(self, report: ImportReport[Any]) -> str:
        return f"Sẵn sàng nhập {len(report.rows)} đề nghị (trạng thái Dự thảo)."

    def commit(self, report: ImportReport[Any]) -> list[int]:
        return award_import.commit(report)

    def ask_before_writing(self, parent: QWidget, report: ImportReport[Any]) -> bool:
        return True

    def done_text(self, report: ImportReport[Any], result: Any) -> str:
        return f"Đã nhập {len(result)} đề nghị từ tệp “{report.source_name}” (trạng thái Dự thảo)."


class AwardImportDialog(ListImportDialog):
    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(AwardList(), year, parent)

    @property
    def imported_ids(self) -> list[int]:
        """The proposals imported (empty until the list is)."""
        return list(self.written or [])


def open_import_dialog(parent: QWidget, year: int) -> list[int]:
    """Show the dialog; the ids of the proposals imported (empty when closed without importing)."""
    dialog = AwardImportDialog(year, parent)
    return dialog.imported_ids if messages.run_dialog(dialog) else []


__all__ = ["AwardImportDialog", "open_import_dialog"]
