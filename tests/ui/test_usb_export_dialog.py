"""Xuất ra USB and Báo cáo tổng kết năm, through the main window's menu."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import summary
from app.drives import Drive
from app.usb_export import ExportCancelled, ExportHooks, ExportResult, verify_folder
from tests.conftest import FakeMessages
from tests.summary_year import fill_year
from ui import messages
from ui.dialogs.document_preview import DocumentPreview
from ui.dialogs.summary_dialog import YearSummaryDialog
from ui.dialogs.usb_export_dialog import UsbExportDialog
from ui.main_window import MainWindow
from ui.tasks import wait_for_background


@pytest.fixture
def filled(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    fill_year()
    window.set_year(2024)
    return window


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "USB"
    folder.mkdir()
    return folder


class Gate:
    """A write that waits until the test lets it through: the export stays mid-file."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.open = threading.Event()

    def write(self, fd: int, data: bytes) -> int:
        import os

        self.entered.set()
        self.open.wait(10)
        return os.write(fd, data)


@pytest.fixture
def usb(
    qtbot: QtBot, filled: MainWindow, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[UsbExportDialog]:
    monkeypatch.setattr(messages, "choose_folder", lambda *_a, **_k: stick)
    texts = [a.text() for a in filled.menuBar().actions()[0].menu().actions()]
    assert "&Báo cáo tổng kết năm…" in texts and "&Xuất ra USB…" in texts
    filled.usb_action.trigger()  # Tệp → Xuất ra USB…
    (dialog,) = filled.findChildren(UsbExportDialog)
    assert dialog.isVisible()
    yield dialog
    if dialog.worker is not None:  # a failed test: stop the export before the window goes
        dialog.worker.cancel_flag.set()
        dialog.worker.wait()
    dialog.deleteLater()
    wait_for_background()


def _pick_folder(qtbot: QtBot, dialog: UsbExportDialog, stick: Path) -> None:
    qtbot.mouseClick(dialog.folder_button, qtbot_button())
    assert dialog.target() == stick
    assert dialog.export_button.isEnabled()


def qtbot_button():  # noqa: ANN201 - the left button, as a user clicks
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_export_runs_off_the_gui_thread_with_progress_and_says_the_drive_can_go(
    qtbot: QtBot, usb: UsbExportDialog, stick: Path, fake_messages: FakeMessages
) -> None:
    _pick_folder(qtbot, usb, stick)
    assert usb.year_spin.value() == 2024
    values: list[int] = []
    usb.progress.valueChanged.connect(values.append)
    gate = Gate()
    usb.hooks = ExportHooks(write=gate.write)
    qtbot.mouseClick(usb.export_button, qtbot_button())
    assert usb.running and usb.cancel_button.isEnabled() and not usb.close_button.isEnabled()
    # the worker is held inside a write: the window still answers (the test runs on its thread)
    qtbot.waitUntil(gate.entered.is_set, timeout=20000)
    qtbot.waitUntil(lambda: usb.status_label.text().startswith("Đang ghi"), timeout=5000)
    usb.year_spin.setEnabled(usb.year_spin.isEnabled())  # a GUI call answered at once
    assert usb.progress.value() > 0 and usb.running
    with qtbot.waitSignal(usb.finished_export, timeout=60000) as done:
        gate.open.set()
    result = done.args[0]
    assert isinstance(result, ExportResult)
    assert values == sorted(values) and values[-1] == 1000 and len(set(values)) > 5
    assert "Có thể rút ổ USB ra an toàn" in usb.status_label.text()
    assert fake_messages.shown[-1][1] == "Đã xuất xong"
    verify_folder(result.folder)
    assert (result.folder / "BaoCaoTongKet_2024.pdf").exists()
    assert not usb.running and usb.close_button.isEnabled()


def test_cancel_stops_the_export_and_leaves_nothing(
    qtbot: QtBot, usb: UsbExportDialog, stick: Path, fake_messages: FakeMessages
) -> None:
    _pick_folder(qtbot, usb, stick)
    gate = Gate()
    usb.hooks = ExportHooks(write=gate.write)
    qtbot.mouseClick(usb.export_button, qtbot_button())
    qtbot.waitUntil(gate.entered.is_set, timeout=20000)
    qtbot.mouseClick(usb.cancel_button, qtbot_button())
    assert "Đang hủy" in usb.status_label.text()
    with qtbot.waitSignal(usb.finished_export, timeout=20000) as done:
        gate.open.set()
    assert isinstance(done.args[0], ExportCancelled)
    assert list(stick.rglob("*")) == []
    assert usb.progress.value() == 0 and "không để lại gì" in usb.status_label.text()
    assert fake_messages.shown == []  # a cancel is not an error
    assert usb.export_button.isEnabled()


def test_a_read_only_drive_is_told_in_vietnamese(
    qtbot: QtBot, usb: UsbExportDialog, stick: Path, fake_messages: FakeMessages
) -> None:
    import errno
    import os

    def refuse(_fd: int, _data: bytes) -> int:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    _pick_folder(qtbot, usb, stick)
    usb.hooks = ExportHooks(write=refuse)
    with qtbot.waitSignal(usb.finished_export, timeout=60000):
        qtbot.mouseClick(usb.export_button, qtbot_button())
    assert "chỉ cho phép đọc" in fake_messages.texts()
    assert list(stick.rglob("*")) == []


def test_removable_drives_are_listed_first_with_label_and_free_space(
    usb: UsbExportDialog, tmp_path: Path
) -> None:
    drives = [Drive(tmp_path, "KINGSTON", 3 * (1 << 30), 8 * (1 << 30))]
    usb.refresh_drives(drives)
    assert usb.drive_list.item(0).text().startswith("KINGSTON")
    assert "trống 3,0 GB / 8,0 GB" in usb.drive_list.item(0).text()
    assert usb.target() == tmp_path
    usb.refresh_drives([])
    assert usb.target() is None and not usb.export_button.isEnabled()
    assert "Không thấy ổ USB" in usb.drive_list.item(0).text()


def test_the_year_summary_dialog_keeps_the_narrative_and_previews_the_report(
    qtbot: QtBot, filled: MainWindow, fake_messages: FakeMessages
) -> None:
    dialog = filled.show_year_summary()
    assert isinstance(dialog, YearSummaryDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "12 lượt khen thưởng" in dialog.facts_label.text(), timeout=10000)
    dialog.editors["results"].setPlainText("Phong trào thi đua được triển khai sâu rộng.")
    dialog.editors["directions"].setPlainText("- Đổi mới công tác thi đua.")
    assert dialog.is_modified()
    qtbot.keyClick(dialog, "s", modifier=qtbot_ctrl())
    saved = summary.load_narrative(2024)
    assert saved.results == "Phong trào thi đua được triển khai sâu rộng."
    assert saved.directions == "- Đổi mới công tác thi đua."
    assert not dialog.is_modified()
    preview = dialog.preview()
    assert isinstance(preview, DocumentPreview)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        pass
    assert preview.page_count() >= 3
    preview.close()
    dialog.editors["lessons"].setPlainText("Bài học chưa lưu")
    fake_messages.confirm_answers.append(False)
    dialog.year_spin.setValue(2023)  # asked whether to keep 2024's change: no
    assert summary.load_narrative(2024).lessons == ""
    assert dialog.editors["results"].toPlainText() == ""
    dialog.year_spin.setValue(2024)
    assert dialog.editors["results"].toPlainText().startswith("Phong trào")
    dialog.close()
    wait_for_background()


def test_the_summary_workbook_is_saved_where_the_operator_says(
    qtbot: QtBot, filled: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "tổng kết"
    monkeypatch.setattr(messages, "save_file", lambda *_a: target)
    dialog = filled.show_year_summary()
    qtbot.addWidget(dialog)
    path = dialog.save_excel()
    assert path == target.with_name("tổng kết.xlsx")
    assert "Khen thưởng theo loại" in load_workbook(path).sheetnames
    dialog.close()
    wait_for_background()


def qtbot_ctrl():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier
