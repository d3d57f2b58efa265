"""The child of the cold-start figure: the real start-up (main.main with --db), plus a hook.

The parent runs ``python -c "from bench.coldstart import main; …" --db FILE``, starting its
clock just before the process starts (so the interpreter and every import count), and stops
it when it reads the READY line this child prints once the main window is shown AND the rows
of its current tab are loaded. The child then waits to be killed.

The hook wraps ``ui.application.open_window`` (the window comes back before ``show()``) and,
with ``QTimer.singleShot(0, …)`` (which fires once the event loop runs, after ``show()``),
waits on the current tab's ``rows_loaded``. Any modal dialog (a message box, the first-run
agency dialog, a file dialog) would block a real start: the child prints MODAL and exits 3.
"""

from __future__ import annotations

import os
import sys
from typing import Any

MODAL_FUNCTIONS = (
    "show_info",
    "show_error",
    "show_app_error",
    "confirm",
    "open_file",
    "save_file",
    "run_dialog",
)


def _refuse_modals() -> None:
    from ui import messages

    def modal(name: str) -> Any:
        def refuse(*args: Any, **_kwargs: Any) -> Any:
            shown = " | ".join(str(a) for a in args[1:3]) or type(args[0]).__name__
            print(f"MODAL {name}: {shown}", flush=True)
            os._exit(3)

        return refuse

    for name in MODAL_FUNCTIONS:
        setattr(messages, name, modal(name))


def _hook_window() -> None:
    from PySide6.QtCore import QTimer

    from ui import application

    real_open_window = application.open_window

    def open_window(*args: Any, **kwargs: Any) -> Any:
        window = real_open_window(*args, **kwargs)
        if window is None:
            return None
        widget = window.tabs.currentWidget()
        current_list = getattr(widget, "current_list", None)  # Danh mục: its inner list
        tab = current_list() if current_list is not None else widget  # (not importing its tab)

        def ready(count: int | None = None) -> None:
            if not (window.isVisible() and tab.is_current()):
                return
            tab.rows_loaded.disconnect(ready)
            rows = count if count is not None else "?"
            print(f"READY {type(tab).__name__} {rows}", flush=True)

        def after_show() -> None:
            tab.rows_loaded.connect(ready)
            if tab.is_current():  # loaded before this ran
                ready()

        QTimer.singleShot(0, after_show)
        return window

    application.open_window = open_window


def main(argv: list[str]) -> int:
    import main as entry

    _refuse_modals()
    _hook_window()
    return int(entry.main(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
