"""Nhập kết quả đánh giá from the awards tab's history page, by qtbot: a file with bad rows
(reported, savable, nothing written), then a good one with a name to confirm and a recorded
result to replace; the history and the proposals' checks follow the import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import peewee as pw
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import evaluations, rating_import, records
from app.evaluations import EvaluationInput
from app.list_import import RowStatus
from db.enums import ProposalStatus, Rating, RecipientKind
from db.models import AwardType, Evaluation, Proposal
from tests.conftest import FakeMessages
from tests.import_files import filled_template, small_staff
from tests.ui.conftest import make_window, shot, show, wait_loaded
from ui import messages
from ui.dialogs.rating_import_dialog import RatingImportDialog
from ui.models.award_import_table_model import RatingPreviewTableModel

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def staff(db: pw.SqliteDatabase) -> dict[str, int]:
    """Three people, one rated already for 2024, one proposed whose check waits for a rating."""
    ids = small_staff()
    evaluations.save_evaluation(
        RecipientKind.INDIVIDUAL, ids["Nguyễn Văn An"], 2024, EvaluationInput(Rating.GOOD)
    )
    records.create(
        Proposal,
        year=2024,
        person=ids["Đặng Thu Hà"],
        award_type=AwardType.get(AwardType.code == "LDTT"),
        status=ProposalStatus.DRAFT,
    )
    return ids


def rating_file(tmp_path: Path, name: str, rows: list[tuple[object, ...]]) -> Path:
    path = tmp_path / name
    path.write_bytes(filled_template(rating_import.template_xlsx(), rows))
    return path


BAD = [
    (1, "Cá nhân", "Nguyễn Văn An", "Văn phòng", 2024, "Xuất sắc lắm", "", "", "", ""),
    (2, "Cá nhân", "Người Lạ", "", 2024, "HTTNV", "", "", "", ""),
    (3, "Cá nhân", "Trần Thị Bích Ngọc", "Văn phòng", 2024, "HTTNV", "", "", "", ""),
    (4, "Cá nhân", "Trần Thị Bích Ngọc", "Văn phòng", 2024, "HTNV", "", "", "", ""),
]
GOOD = [
    (1, "Cá nhân", "Nguyễn Văn An", "Văn phòng", 2024, "HTXSNV", "", "Sáng kiến A", "", ""),
    (2, "Cá nhân", "dang thu ha", "", 2024, "Hoàn thành tốt nhiệm vụ", "", "", "", ""),
    (3, "Cá nhân", "Trần Thị Bích Ngọc", "Văn phòng", None, "HTTNV", "Khiển trách", "", "", ""),
    (4, "Tập thể", "Văn phòng", "", 2024, "Hoàn thành tốt nhiệm vụ", "", "", 2, ""),
]


def test_import_ratings_from_the_history_page(
    qtbot: QtBot,
    staff: dict[str, int],
    db: pw.SqliteDatabase,
    db_path: Path,
    tmp_path: Path,
    fake_messages: FakeMessages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, db, db_path)
    tab = window.awards_tab
    show(qtbot, window, tab)
    ha_proposal = Proposal.get(Proposal.person == staff["Đặng Thu Hà"])
    tab.select_where(lambda r: r.id == ha_proposal.id)
    qtbot.waitUntil(lambda: tab.detail.proposal_id == ha_proposal.id)
    assert any("Chưa ghi kết quả xếp loại" in f.detail for f in tab.detail.findings)
    page = tab.history_page
    tab.pages.setCurrentWidget(page)
    wait_loaded(qtbot, page)
    assert page.import_button.isVisible()
    assert page.import_button.text() == "Nhập kết quả đánh giá…"
    page.show_recipient(RecipientKind.INDIVIDUAL, staff["Nguyễn Văn An"])
    qtbot.waitUntil(lambda: page.detail.history is not None)
    rating_column = page.detail.years.index(0, page.detail.years.COL_RATING)
    assert rating_column.data() == "Hoàn thành tốt nhiệm vụ"

    def import_two_files(dialog: RatingImportDialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.resize(1250, 560)
        dialog.show()
        assert dialog.windowTitle() == "Nhập kết quả đánh giá, xếp loại"
        assert dialog.year_spin.value() == 2024  # the year chosen in the window
        # 1. A file with bad rows: each says why; nothing can be imported.
        fake_messages.open_paths.append(rating_file(tmp_path, "xep-loai-sai.xlsx", BAD))
        qtbot.mouseClick(dialog.choose_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=10000)
        assert dialog.summary_label.text().startswith(
            "4 dòng: 1 hợp lệ, 0 cần xác nhận, 3 bị từ chối"
        )
        reasons = [r.reason_text for r in dialog.model.rows()]
        assert reasons[0].startswith("Xếp loại “Xuất sắc lắm” không hợp lệ")
        assert reasons[1] == "Không tìm thấy cá nhân “Người Lạ” trong danh bạ"
        assert reasons[3] == "Trùng với dòng 7 (cùng đối tượng và năm)"
        assert not dialog.import_button.isEnabled()
        shot(dialog, "rating-import-rejected")
        monkeypatch.setattr(messages, "save_file", lambda *_: tmp_path / "ket-qua")
        assert dialog.save_report() == tmp_path / "ket-qua.xlsx"
        assert load_workbook(tmp_path / "ket-qua.xlsx").active["B2"].value == "Bị từ chối"
        # 2. The corrected file: one name to confirm, one recorded result to replace.
        fake_messages.open_paths.append(rating_file(tmp_path, "xep-loai.xlsx", GOOD))
        qtbot.mouseClick(dialog.choose_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=10000)
        assert dialog.model.row_at(1).status is RowStatus.CONFIRM
        assert not dialog.import_button.isEnabled()
        dialog.table.selectRow(1)
        assert dialog.candidate_combo.currentText() == "Đặng Thu Hà — Phòng Lãnh sự"
        qtbot.mouseClick(dialog.confirm_button, LEFT)
        assert dialog.import_button.isEnabled()
        assert dialog.summary_label.text() == (
            "4 dòng: 4 hợp lệ, 0 cần xác nhận, 0 bị từ chối; 1 dòng thay kết quả đã ghi. "
            "Sẵn sàng nhập kết quả của 4 cá nhân, tập thể. 1 kết quả đã ghi sẽ được thay (hỏi "
            "lại trước khi nhập)."
        )
        replaced = dialog.model.index(0, RatingPreviewTableModel.COL_REASON).data()
        assert replaced == (
            "Thay kết quả đã ghi năm 2024: Hoàn thành tốt nhiệm vụ → Hoàn thành xuất sắc nhiệm vụ"
        )
        shot(dialog, "rating-import-ready")
        # Replacing is asked first: "no" writes nothing and keeps the dialog open.
        fake_messages.confirm_answers.append(False)
        qtbot.mouseClick(dialog.import_button, LEFT)
        assert "Dòng 5: Nguyễn Văn An — Văn phòng — Thay kết quả" in fake_messages.shown[-1][2]
        assert Evaluation.select().count() == 1 and dialog.result() == 0
        fake_messages.confirm_answers.append(True)
        qtbot.mouseClick(dialog.import_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.is_writing())
        assert fake_messages.shown[-1][2] == (
            "Đã nhập kết quả đánh giá của 4 cá nhân, tập thể từ tệp “xep-loai.xlsx”, trong đó "
            "1 thay kết quả đã ghi."
        )
        return dialog.result() == dialog.DialogCode.Accepted

    fake_messages.dialog_handlers.append(import_two_files)
    qtbot.mouseClick(page.import_button, LEFT)
    assert fake_messages.dialogs and isinstance(fake_messages.dialogs[0], RatingImportDialog)
    assert Evaluation.select().count() == 4
    # The hub's reload: the history shows the imported rating, the proposal's check no longer
    # waits for Hà's.
    qtbot.waitUntil(lambda: rating_column.data() == "Hoàn thành xuất sắc nhiệm vụ")
    shot(window, "rating-import-history-after")
    assert not any("Chưa ghi kết quả xếp loại" in f.detail for f in tab.detail.findings)
    assert window.statusBar().currentMessage() == "Đã nhập kết quả đánh giá của 4 đối tượng."


def test_the_rating_template_is_saved_from_the_dialog(
    qtbot: QtBot, db: pw.SqliteDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = RatingImportDialog(2024)
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text().startswith("Chọn tệp Excel hoặc Word có bảng kết quả")
    monkeypatch.setattr(messages, "save_file", lambda *_: tmp_path / "mau.xlsx")
    qtbot.mouseClick(dialog.template_button, LEFT)
    assert load_workbook(tmp_path / "mau.xlsx").active["F3"].value == "Xếp loại"


def test_the_preview_model_passes_the_model_tester(
    qtmodeltester: Any, staff: dict[str, int], tmp_path: Path
) -> None:
    report = rating_import.read_file(rating_file(tmp_path, "x.xlsx", BAD + GOOD), 2024)
    model = RatingPreviewTableModel()
    model.set_rows(list(report.rows))
    qtmodeltester.check(model)
