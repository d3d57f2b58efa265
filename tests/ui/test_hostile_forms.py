"""Hostile input typed into the forms: stored faithfully, or refused inline with nothing saved."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from db.models import Person, Unit
from tests.conftest import FakeMessages
from tests.ui.conftest import show_directory
from ui.dialogs.person_dialog import PersonDialog
from ui.dialogs.unit_dialog import UnitDialog
from ui.main_window import MainWindow


def type_text(edit: QLineEdit, text: str) -> None:
    """Type any text (qtbot.keyClicks aborts on Vietnamese): key events that carry the text."""
    for ch in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (unicodedata.normalize("NFD", "Hương"), "Hương"),
        ("Thư 😀", "Thư 😀"),
        ("<b>An</b> & Bình", "<b>An</b> & Bình"),
    ],
)
def test_typed_names_are_stored_faithfully(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages, given: str, stored: str
) -> None:
    people_list = show_directory(qtbot, window, 1)

    def fill(dialog: PersonDialog) -> bool:
        type_text(dialog.family_edit, "Đặng")
        type_text(dialog.given_edit, given)
        return dialog.save_button.isEnabled()

    fake_messages.dialog_handlers.append(fill)
    people_list.add_button.click()
    qtbot.waitUntil(lambda: Person.select().count() == 2)
    assert Person.get(Person.family_name == "Đặng").given_name == stored


@pytest.mark.parametrize("hostile", ["An\x00", "An\x1b[31m", "An" * 100])
def test_hostile_names_are_refused_inline(qtbot: QtBot, window: MainWindow, hostile: str) -> None:
    dialog = PersonDialog([], None, window)
    qtbot.addWidget(dialog)
    dialog.family_edit.setText("Lê")
    dialog.given_edit.setText(hostile)
    assert not dialog.save_button.isEnabled()
    assert dialog.error_label.text()
    dialog.accept()  # Enter pressed anyway: nothing happens
    assert dialog.result() == 0 and Person.select().count() == 1


def test_a_very_long_unit_name_is_refused_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = UnitDialog([], None, None, window)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Phòng " * 2000)
    assert not dialog.save_button.isEnabled() and "quá dài" in dialog.error_label.text()
    assert Unit.select().count() == 3
