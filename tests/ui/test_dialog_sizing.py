"""Dialogs open no larger than the screen: on a small office screen their buttons stay on it.

The offscreen screen is 800×800, smaller than the sizes these dialogs ask for (the rules 1320
wide, the year's check 1380, the document preview 1000 high), as a 1024×768 screen is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import FakeMessages
from tests.ui.conftest import show
from ui.dialogs.sizing import FRAME, fit_to_screen
from ui.main_window import MainWindow


def _fits(widget: QWidget) -> bool:
    room = widget.screen().availableGeometry()
    return widget.width() <= room.width() - FRAME and widget.height() <= room.height() - FRAME


def test_wide_and_tall_dialogs_fit_the_screen(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    seen: list[str] = []

    def look(dialog: QDialog) -> bool:
        assert _fits(dialog), (type(dialog).__name__, dialog.size())
        seen.append(type(dialog).__name__)
        dialog.reject()
        return False

    tab = window.awards_tab
    show(qtbot, window, tab)
    fake_messages.dialog_handlers.extend([look, look, look])
    tab.edit_rules()
    tab.check_year()
    tab.pages.setCurrentWidget(tab.history_page)
    tab.history_page.import_button.click()  # Nhập kết quả đánh giá…
    preview = window.plan_tab.make_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert _fits(preview), preview.size()
    preview.close()
    assert seen == ["AwardRulesDialog", "YearCheckDialog", "RatingImportDialog"]
    # a long line that did not wrap widened these past the screen (1017 and 922 px)
    tab.pages.setCurrentWidget(tab.decisions_page)
    fake_messages.dialog_handlers.append(look)
    tab.decisions_page.add_button.click()
    assert seen[-1] == "DecisionDialog"
    summary = window.show_year_summary()
    qtbot.waitUntil(lambda: "Đang đọc" not in summary.facts_label.text())
    assert _fits(summary), summary.size()
    summary.close()


def test_the_window_starts_within_the_screen(qtbot: QtBot, db: object, db_path: Path) -> None:
    """The first start (no size remembered) asked 1280×800 whatever the screen."""
    from app.paths import resolve_paths
    from ui.main_window import MainWindow, OpenDatabase, make_settings

    paths = resolve_paths(db_path).ensure()
    window = MainWindow(OpenDatabase(db, db_path, paths), make_settings(paths))
    qtbot.addWidget(window)
    assert _fits(window), window.size()


def test_a_size_the_screen_holds_is_kept(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    fit_to_screen(widget, 500, 400)
    assert (widget.width(), widget.height()) == (500, 400)
