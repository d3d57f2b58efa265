"""A dialog's first size, fitted to the screen it opens on (a small office screen is 1024×768)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

FRAME = 40  # the window's title bar and borders, which the available geometry does not leave


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or less where the screen is smaller (its buttons stay on it)."""
    window = widget.parentWidget().window() if widget.parentWidget() else widget
    screen = window.screen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, room.width() - FRAME), min(height, room.height() - FRAME))
