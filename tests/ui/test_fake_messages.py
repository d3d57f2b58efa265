"""The messages fake is no more lenient than the window: a dialog a user cannot accept fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from app.agency import AgencyDetails
from tests.fake_messages import FakeMessages
from ui import messages
from ui.dialogs.agency_dialog import AgencyDialog

FILLED = AgencyDetails("UBND TỈNH BÌNH PHƯỚC", "SỞ NGOẠI VỤ", "SNgV", "Bình Phước", "Phạm Thị Thư")


def _agency(qtbot: QtBot, details: AgencyDetails | None = None) -> AgencyDialog:
    dialog = AgencyDialog(details, first_run=False)
    qtbot.addWidget(dialog)
    return dialog


def test_accepting_a_form_whose_save_is_disabled_fails(
    qtbot: QtBot, fake_messages: FakeMessages
) -> None:
    dialog = _agency(qtbot)  # empty: the form is invalid, Lưu is disabled
    assert not dialog.save_button.isEnabled()
    fake_messages.dialog_handlers.append(lambda _d: True)
    with pytest.raises(AssertionError, match="AgencyDialog “Thông tin cơ quan”.*“Lưu” \\(disabled"):
        messages.run_dialog(dialog)


def test_a_handler_calling_accept_past_a_disabled_ok_fails(
    qtbot: QtBot, fake_messages: FakeMessages
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Hộp thử")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
    QVBoxLayout(dialog).addWidget(box)
    box.button(QDialogButtonBox.StandardButton.Ok).setText("Đồng ý")
    box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def sneak(d: QDialog) -> bool:
        d.accept()  # what no user can do: the button is greyed out
        return True

    fake_messages.dialog_handlers.append(sneak)
    with pytest.raises(AssertionError, match="“Hộp thử”.*“Đồng ý” \\(disabled\\)"):
        messages.run_dialog(dialog)


def test_a_disabled_default_button_refuses_too_and_an_enabled_one_accepts(
    qtbot: QtBot, fake_messages: FakeMessages
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Nhập")
    go = QPushButton("Nhập danh sách", dialog)
    go.setDefault(True)
    go.setEnabled(False)
    fake_messages.dialog_handlers.append(lambda _d: True)
    with pytest.raises(AssertionError, match="“Nhập danh sách” \\(disabled\\)"):
        messages.run_dialog(dialog)
    go.setEnabled(True)
    fake_messages.dialog_handlers.append(lambda _d: True)
    assert messages.run_dialog(dialog)


def test_a_valid_form_is_accepted_and_a_cancelled_one_is_not(
    qtbot: QtBot, fake_messages: FakeMessages
) -> None:
    dialog = _agency(qtbot, FILLED)
    assert dialog.save_button.isEnabled()
    fake_messages.dialog_handlers.append(lambda _d: True)
    assert messages.run_dialog(dialog)
    fake_messages.dialog_handlers.append(lambda _d: False)
    assert not messages.run_dialog(dialog)

    def click_save(d: AgencyDialog) -> None:  # the handler presses Lưu itself: exec's answer
        qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)

    fake_messages.dialog_handlers.append(click_save)
    assert messages.run_dialog(dialog)


def test_a_handler_that_cancels_but_says_accepted_fails(
    qtbot: QtBot, fake_messages: FakeMessages
) -> None:
    dialog = _agency(qtbot, FILLED)

    def cancel(d: AgencyDialog) -> bool:
        d.cancel_button.click()
        return True

    fake_messages.dialog_handlers.append(cancel)
    with pytest.raises(AssertionError, match="was closed, but its handler returned True"):
        messages.run_dialog(dialog)


def test_a_dialog_without_an_accepting_button_cannot_be_accepted(
    qtbot: QtBot, fake_messages: FakeMessages
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Nhật ký")
    QDialogButtonBox(dialog).addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
    fake_messages.dialog_handlers.append(lambda _d: True)
    with pytest.raises(AssertionError, match="“Nhật ký” has no button that accepts it"):
        messages.run_dialog(dialog)


def test_unanswered_file_dialogs_fail_instead_of_blocking(fake_messages: FakeMessages) -> None:
    with pytest.raises(AssertionError, match="unexpected save-file dialog"):
        messages.save_file(None, "Lưu", Path("x.pdf"), "PDF (*.pdf)")
    with pytest.raises(AssertionError, match="unexpected folder dialog"):
        messages.choose_folder(None, "Chọn")
    with pytest.raises(AssertionError, match="unexpected print dialog"):
        messages.ask_printer(None)


def test_a_file_dialog_picks_only_an_existing_file_its_filter_offers(
    fake_messages: FakeMessages, tmp_path: Path
) -> None:
    sheet = tmp_path / "danh-sach.xlsx"
    sheet.write_bytes(b"PK")
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("x", encoding="utf-8")
    excel = "Excel hoặc Word (*.xlsx *.docx);;Bảng tính Excel (*.xlsx)"
    fake_messages.open_paths.extend([sheet, None])
    assert messages.open_file(None, "Chọn tệp", excel) == sheet
    assert messages.open_file(None, "Chọn tệp", excel) is None  # cancelled
    fake_messages.open_paths.append(notes)
    with pytest.raises(AssertionError, match="“Chọn tệp”: ghi-chu.txt is not offered by the"):
        messages.open_file(None, "Chọn tệp", excel)
    fake_messages.open_paths.append(notes)
    assert messages.open_file(None, "Mở", "Cơ sở dữ liệu (*.sqlite);;Mọi tệp (*)") == notes
    fake_messages.open_paths.append(tmp_path / "moi.sqlite")
    with pytest.raises(AssertionError, match="moi.sqlite is not an existing file"):
        messages.open_file(None, "Mở", "Cơ sở dữ liệu (*.sqlite);;Mọi tệp (*)")


def test_answers_never_asked_for_are_reported(fake_messages: FakeMessages, tmp_path: Path) -> None:
    assert fake_messages.unused() == ""
    fake_messages.confirm_answers.append(True)  # "Xóa?" expected, never asked
    fake_messages.dialog_handlers.append(lambda _d: True)
    assert fake_messages.unused() == "1 confirmation answer(s), 1 dialog handler(s)"
    fake_messages.confirm_answers.clear()  # (or this test would fail at teardown, as it should)
    fake_messages.dialog_handlers.clear()


def test_a_save_button_that_disagrees_with_the_form_fails(
    qtbot: QtBot, fake_messages: FakeMessages
) -> None:
    dialog = _agency(qtbot, FILLED)
    dialog.agency_name_edit.blockSignals(True)  # as a field not wired to revalidate
    dialog.agency_name_edit.setText("")
    assert dialog.save_button.isEnabled() and dialog.problems()
    fake_messages.dialog_handlers.append(lambda _d: True)
    with pytest.raises(AssertionError, match="“Lưu” is enabled but the form refuses"):
        messages.run_dialog(dialog)


def test_an_error_the_test_never_looked_at_is_reported(fake_messages: FakeMessages) -> None:
    messages.show_error(None, "Không xóa được", "Đơn vị còn 1 người.")
    assert fake_messages.unread_errors() == ["Không xóa được: Đơn vị còn 1 người."]
    assert "Đơn vị còn 1 người" in fake_messages.texts()  # looked at: no longer unread
    messages.show_info(None, "Đã lưu", "Xong.")  # information needs no look
    assert fake_messages.unread_errors() == []
    messages.show_error(None, "Không tìm thấy", "Không tìm thấy phiên họp.")
    assert fake_messages.unread_errors() == ["Không tìm thấy: Không tìm thấy phiên họp."]
    fake_messages.shown.clear()  # (or this test would fail at teardown, as it should)
