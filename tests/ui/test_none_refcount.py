"""PySide6 6.12.0 on Python 3.11 drops a reference to None on each void call (see ui/__init__).

Without the guard in ui/__init__, this loop aborts the whole test process.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

import ui  # noqa: F401  (the guard runs on import)


def test_many_void_qt_calls_do_not_free_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(50_000):
        label.setText(str(i % 10))
    assert label.text() == "9"
