"""Qt's own words (context menus, standard buttons, the file and print dialogs) in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from ui.qt_vietnamese import VietnameseQt

# Qt texts that stay as they are: key names printed on the keys, page sizes, invisible titles.
KEPT_CONTEXTS = {"QShortcut", "QPageSize", "QImageWriter"}
KEPT_TEXTS = {"Form", "Alt+Left", "Alt+Right", "Alt+Up", "...", "%1 TB", "%1 GB", "%1 MB"}


class Recording(VietnameseQt):
    """The app's translator, also noting what it was asked and could not answer."""

    def __init__(self) -> None:
        super().__init__()
        self.missed: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        text = super().translate(context, source, disambiguation, n)
        if text is None and context not in KEPT_CONTEXTS and source not in KEPT_TEXTS:
            self.missed.add((context, source))
        return text


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[Recording]:
    recording = Recording()
    qapp.installTranslator(recording)
    yield recording
    qapp.removeTranslator(recording)


def _texts(widget: object) -> list[str]:
    return [a.text() for a in widget.actions() if a.text()]  # type: ignore[attr-defined]


def test_text_fields_context_menus(qtbot: QtBot, translator: Recording) -> None:
    line, plain = QLineEdit(), QPlainTextEdit()
    qtbot.addWidget(line)
    qtbot.addWidget(plain)
    for menu in (line.createStandardContextMenu(), plain.createStandardContextMenu()):
        texts = _texts(menu)
        assert "&Hoàn tác" in texts[0] and "&Sao chép" in " ".join(texts)
        assert "Chọn tất cả" in " ".join(texts)
        menu.deleteLater()
    assert not translator.missed, translator.missed


def test_message_box_buttons(qtbot: QtBot, translator: Recording) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
    )
    box.setDetailedText("chi tiết")
    box.show()
    texts = {b.text() for b in box.findChildren(QPushButton)}
    assert {"Đồng ý", "Hủy", "&Có", "&Không", "Xem chi tiết…"} <= texts
    box.close()
    assert not translator.missed, translator.missed


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_file_dialog(qtbot: QtBot, translator: Recording, tmp_path: Path, mode: str) -> None:
    (tmp_path / "ke-hoach.pdf").write_bytes(b"%PDF-1.4\n")
    dialog = QFileDialog(None, "Chọn tệp")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setDirectory(str(tmp_path))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.isVisible())
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Look in" not in labels and "File name" not in labels
    dialog.close()
    assert not translator.missed, translator.missed


def test_print_dialog(qtbot: QtBot, translator: Recording) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.isVisible())
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert "&In" in buttons and "Hủy" in buttons
    dialog.close()
    assert not translator.missed, translator.missed


def test_spin_box_menu_and_what_qt_would_say_elsewhere() -> None:
    words = VietnameseQt()
    assert words.translate("QAbstractSpinBox", "&Step up") == "&Tăng"
    assert words.translate("QFileDialog", "%1 already exists.\nDo you want to replace it?") == (
        "%1 đã có.\nBạn có muốn thay nó không?"
    )
    assert words.translate("QLineEdit", "no such text") is None  # Qt's own English, not blank


def test_every_tab_and_page_of_the_window(
    qtbot: QtBot, translator: Recording, sample_db: object, db_path: Path
) -> None:
    """Built after the translator, the window and each of its tabs and pages ask Qt for no
    text it would show in English."""
    from tests.ui.conftest import make_window

    window = make_window(qtbot, sample_db, db_path)  # type: ignore[arg-type]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    awards = window.awards_tab
    for index in range(awards.pages.count()):
        awards.pages.setCurrentIndex(index)
    qtbot.waitUntil(lambda: awards.pages.currentIndex() == awards.pages.count() - 1)
    window.close()
    assert not translator.missed, translator.missed
