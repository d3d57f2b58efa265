"""Imports only go one way: db ← app ← ui ← main; db imports no Qt, app no QtWidgets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


FORBIDDEN = {
    "db": ("app", "ui", "main", "PySide6"),
    "app": ("ui", "main", "PySide6.QtWidgets", "PySide6.QtGui"),
    "ui": ("main",),
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports_only_downwards(package: str) -> None:
    offenders = []
    for path in _files(package):
        for name in _imports(path):
            for banned in FORBIDDEN[package]:
                if name == banned or name.startswith(banned + "."):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_ui_runs_no_queries() -> None:
    """ui/ never touches the Peewee models or peewee itself; it asks app/."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _files("ui")
        for name in _imports(path)
        if name.startswith(("db.models", "db.database", "db.migrations", "peewee"))
    ]
    assert offenders == []


def test_the_check_itself_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from ui.messages import confirm\nimport PySide6.QtWidgets\n", encoding="utf-8")
    assert {"ui.messages", "PySide6.QtWidgets"} <= _imports(bad)


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(path.relative_to(ROOT))
        for package in ("db", "app", "ui")
        for path in _files(package)
        if path.stat().st_size
        and ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []


def _modules_after_start(tmp_path: Path, wanted: tuple[str, ...], settings: str = "") -> list[str]:
    """Build the real main window in a fresh interpreter (``settings``: its giao-dien.ini),
    show it, and name the modules of ``wanted`` that were imported."""
    import os
    import subprocess
    import sys

    code = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.paths import resolve_paths
from app.session import open_app_database
from ui.main_window import MainWindow, OpenDatabase, make_settings
app = QApplication([])
path = Path(sys.argv[1])
db, _info = open_app_database(path)
paths = resolve_paths(path).ensure()
window = MainWindow(OpenDatabase(db, path, paths), make_settings(paths))
window.show()
app.processEvents()
print(sorted(m for m in sys.argv[2:] if m in sys.modules))
"""
    home = tmp_path / "home"
    home.mkdir(parents=True)
    if settings:
        (home / "giao-dien.ini").write_text(settings, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TDKT_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-c", code, str(home / "start.sqlite"), *wanted],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


DOCUMENT_LIBRARIES = ("reportlab", "docx", "openpyxl", "app.documents")
LATER_PAGES = (
    "ui.tabs.meetings_tab",
    "ui.tabs.campaigns_tab",
    "ui.tabs.awards_tab",
    "ui.tabs.directory_tab",
    "ui.tabs.decisions_page",
    "ui.tabs.award_stats_page",
    "ui.tabs.award_history_page",
    "app.award_stats",
    "app.award_history",
    "app.decisions",
    "ui.dialogs.audit_dialog",
    "ui.dialogs.trash_dialog",
)


def test_the_window_starts_without_the_document_and_spreadsheet_libraries(
    tmp_path: Path,
) -> None:
    """ReportLab, python-docx and openpyxl cost about 0.3 s to import: they load when a
    document or a spreadsheet is first made, not when the window is built (make bench: cold
    start). The window is built for real in a fresh interpreter, on the awards tab (the
    heaviest) and on the plan tab."""
    on_awards = "[window]\ntab=3\nyear=0\n"
    assert _modules_after_start(tmp_path / "plan", DOCUMENT_LIBRARIES) == []
    assert _modules_after_start(tmp_path / "awards", DOCUMENT_LIBRARIES, on_awards) == []


def test_the_window_builds_only_the_tab_shown_first(tmp_path: Path) -> None:
    """On the plan tab, the other tabs, the awards tab's pages beside "Đề nghị" and the dialogs
    opened by a click are not imported yet: they are built when first shown (make bench: cold
    start). On the awards tab, its own pages still wait until shown."""
    assert _modules_after_start(tmp_path / "plan", LATER_PAGES) == []
    on_awards = "[window]\ntab=3\nyear=0\n"
    shown = _modules_after_start(tmp_path / "awards", LATER_PAGES, on_awards)
    assert shown == ["ui.tabs.awards_tab"]
