"""Child process for the cold-start figure: start the GUI as main.py does, say READY when the
main window is shown and its first tab's rows are on screen, then quit."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.paths import resolve_paths
    from ui.application import open_window

    app = QApplication(sys.argv[:1])
    paths = resolve_paths(sys.argv[1]).ensure()
    window = open_window(paths.db_file, paths)
    assert window is not None
    tab = window.tabs.currentWidget()

    def ready(_count: int = 0) -> None:
        print("READY", flush=True)
        QTimer.singleShot(0, app.quit)

    tab.rows_loaded.connect(ready)
    window.show()
    if tab.is_current():
        ready()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
