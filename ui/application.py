"""Start the GUI: open the database (asking what to do when it is refused), first-run setup, window."""

from __future__ import annotations

import argparse
import platform
import sys
import traceback
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__, agency, backup, cli, sample, session
from app.errors import AppError, DatabaseDamagedError
from app.paths import Paths, resolve_paths, resource_path
from app.session import open_app_database
from ui import messages, qt_vietnamese
from ui.dialogs.agency_dialog import AgencyDialog
from ui.dialogs.crash_dialog import CrashDialog
from ui.main_window import MainWindow, OpenDatabase, make_settings


def crash_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    return (
        f"TĐKT Desk {__version__}; Python {platform.python_version()}; PySide6 {pyside_version}; "
        f"{platform.platform()}\n\n" + "".join(lines)
    )


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = crash_details(exc_type, exc, tb)
        sys.stderr.write(details)
        if isinstance(exc, AppError):
            messages.show_app_error(None, exc)
            return
        if QApplication.instance() is not None:
            messages.run_dialog(CrashDialog(details))

    sys.excepthook = hook


def first_run_setup(parent: MainWindow | None = None) -> None:
    """Ask the agency's details on an empty database, and offer the sample year."""
    if agency.is_configured():
        return
    dialog = AgencyDialog(first_run=True, parent=parent)
    if not messages.run_dialog(dialog):
        return
    agency.save_details(dialog.details(), valid_from=date(date.today().year, 1, 1))
    if dialog.wants_sample():
        sample.load_sample_year()


def offer_backup(db_path: Path, paths: Paths, reason: str) -> bool:
    """The database is damaged: offer the newest backup that passes its checks instead."""
    newest = backup.newest_good_backup(paths.backup_dir)
    if newest is None:
        messages.show_error(
            None, "Dữ liệu bị hỏng", f"{reason}\n\nKhông tìm thấy bản sao lưu nào dùng được."
        )
        return False
    made = datetime.fromtimestamp(newest.stat().st_mtime).strftime("%d/%m/%Y %H:%M")
    if not messages.confirm(
        None,
        "Dữ liệu bị hỏng",
        f"{reason}\n\nKhôi phục từ bản sao lưu gần nhất còn tốt “{newest.name}” ({made})? "
        "Tệp hỏng được giữ lại trong thư mục sao lưu.",
        yes="Khôi phục",
        no="Không",
    ):
        return False
    try:
        backup.restore_file(db_path, newest, paths.backup_dir, datetime.now())
    except AppError as error:
        messages.show_app_error(None, error)
        return False
    return True


def _open_sound(path: Path, paths: Paths) -> tuple[Any, Any] | None:
    """Open ``path``; a damaged file is replaced by a backup when the operator agrees."""
    try:
        db, info = open_app_database(path)
    except DatabaseDamagedError as error:
        return _open_sound(path, paths) if offer_backup(path, paths, error.message) else None
    if session.is_sound(db):
        return db, info
    session.close_app_database(db)
    reason = f"Kiểm tra nhanh cho thấy tệp dữ liệu “{path.name}” bị hỏng."
    return _open_sound(path, paths) if offer_backup(path, paths, reason) else None


def open_window(db_path: Path, paths: Paths) -> MainWindow | None:
    """Open the database and the main window; None when the operator gives up."""
    path = db_path
    while True:
        try:
            opened = _open_sound(path, paths)
        except AppError as error:
            messages.show_error(None, error.title, error.message, error.detail)
            opened = None
        if opened is not None:
            break
        chosen = messages.open_file(
            None, "Chọn tệp cơ sở dữ liệu khác", "Cơ sở dữ liệu TĐKT (*.sqlite *.db);;Mọi tệp (*)"
        )
        if chosen is None:
            return None
        path = chosen
        paths = replace(paths, db_file=chosen, backup_dir=chosen.parent / "backups")
    db, info = opened
    try:
        first_run_setup()
    except AppError as error:
        messages.show_app_error(None, error)
    return MainWindow(OpenDatabase(db, info.path, paths), make_settings(paths))


def run(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("TĐKT Desk")
    qt_vietnamese.install(app)  # Qt's own menus, buttons and dialogs in Vietnamese
    app.setOrganizationName("TDKT")
    app.setApplicationVersion(__version__)
    icon = QIcon()
    for size in (32, 64, 256):
        icon.addFile(str(resource_path("icons", f"tdkt-{size}.png")))
    app.setWindowIcon(icon)
    install_excepthook()
    demo_path = cli.make_demo_database() if args.demo else None
    paths = resolve_paths(demo_path or args.db).ensure()
    window = open_window(paths.db_file, paths)
    if window is None:
        return 1
    if demo_path is not None:
        window.setWindowTitle(window.windowTitle() + " — BẢN DÙNG THỬ (dữ liệu tạm)")
    window.show()
    try:
        return app.exec()
    finally:
        if demo_path is not None:
            cli.remove_demo_database(demo_path)
