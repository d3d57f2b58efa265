"""The main window: the five tabs, the year selector, the menus; it only wires things together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QToolBar, QWidget

from app import __version__, backup, meetings, session, years
from app.backup import verify_backup
from app.errors import AppError
from app.integrity import check_database
from app.paths import Paths
from ui import messages
from ui.dialogs.sizing import fit_to_screen
from ui.hub import ChangeHub
from ui.tabs.lazy_tabs import LazyTabs
from ui.tabs.loading import LoadingTab
from ui.tasks import wait_for_background

if TYPE_CHECKING:  # the tabs and dialogs are imported when first shown (make bench: cold start)
    from ui.dialogs.audit_dialog import AuditLogDialog
    from ui.dialogs.trash_dialog import TrashDialog
    from ui.tabs.awards_tab import AwardsTab
    from ui.tabs.campaigns_tab import CampaignsTab
    from ui.tabs.directory_tab import DirectoryTab
    from ui.tabs.meetings_tab import MeetingsTab
    from ui.tabs.plan_tab import PlanTab

ALL_YEARS = 0  # the year selector's "Tất cả các năm"
STATUS_LABEL_WIDTH = 420  # px: the next meeting in the status bar, cut beyond
PLAN, MEETINGS, CAMPAIGNS, AWARDS, DIRECTORY = (
    "Kế hoạch",
    "Phiên họp",
    "Phong trào thi đua",
    "Khen thưởng",
    "Danh mục",
)


@dataclass
class OpenDatabase:
    db: Any  # the open database handle, only passed back to app/
    path: Path
    paths: Paths


class MainWindow(QMainWindow):
    def __init__(
        self, current: OpenDatabase, settings: QSettings, *, today: date | None = None
    ) -> None:
        super().__init__()
        self.current = current
        self.settings = settings
        self.today = today or date.today()
        self.hub = ChangeHub(self)
        self._build_ui()
        self._build_menus()
        self._connect_signals()
        self._restore_state()

    # --- construction -----------------------------------------------------------------
    def _build_ui(self) -> None:
        self.setWindowTitle("TĐKT Desk — Thi đua, khen thưởng")
        self.tabs = LazyTabs(self)  # each tab built (and imported) the first time it is shown
        self.tabs.page_built.connect(self._on_tab_built)
        for title, factory in self._tab_factories():
            self.tabs.add_page(factory, title)
        self.setCentralWidget(self.tabs)
        self.toolbar = QToolBar("Thanh công cụ", self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(QLabel(" Năm: ", self))
        self.year_combo = QComboBox(self)
        self.year_combo.setMinimumWidth(140)
        self.toolbar.addWidget(self.year_combo)
        self.addToolBar(self.toolbar)
        self.next_meeting_label = QLabel(self)
        self.db_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.next_meeting_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self._show_db_path()
        self.show_next_meeting()
        self._fill_years()

    def _tab_factories(self) -> list[tuple[str, Callable[[], QWidget]]]:
        def plan() -> QWidget:
            from ui.tabs.plan_tab import PlanTab

            tab = PlanTab(self.today, self)
            tab.year_requested.connect(self._on_plan_tab_year_requested)
            return tab

        def meetings() -> QWidget:
            from ui.tabs.meetings_tab import MeetingsTab

            return MeetingsTab(self.today, self)

        def campaigns() -> QWidget:
            from ui.tabs.campaigns_tab import CampaignsTab

            tab = CampaignsTab(self.today, self)
            tab.propose_requested.connect(self.propose_for_campaign)
            return tab

        def awards() -> QWidget:
            from ui.tabs.awards_tab import AwardsTab

            return AwardsTab(self, today=self.today)

        def directory() -> QWidget:
            from ui.tabs.directory_tab import DirectoryTab

            return DirectoryTab(self.today, self)

        return [
            (PLAN, plan),
            (MEETINGS, meetings),
            (CAMPAIGNS, campaigns),
            (AWARDS, awards),
            (DIRECTORY, directory),
        ]

    def _on_tab_built(self, tab: QWidget) -> None:
        """A tab built late starts on the selected year and reports to the status bar."""
        if isinstance(tab, LoadingTab):
            tab.set_year(self.selected_year())
        message = getattr(tab, "status_message", None)
        if message is not None:
            message.connect(self._on_status_message)

    # the tabs, built on first use
    @property
    def plan_tab(self) -> PlanTab:
        return self.tabs.page(PLAN)  # type: ignore[return-value]

    @property
    def meetings_tab(self) -> MeetingsTab:
        return self.tabs.page(MEETINGS)  # type: ignore[return-value]

    @property
    def campaigns_tab(self) -> CampaignsTab:
        return self.tabs.page(CAMPAIGNS)  # type: ignore[return-value]

    @property
    def awards_tab(self) -> AwardsTab:
        return self.tabs.page(AWARDS)  # type: ignore[return-value]

    @property
    def directory_tab(self) -> DirectoryTab:
        return self.tabs.page(DIRECTORY)  # type: ignore[return-value]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self.open_action = QAction("&Mở cơ sở dữ liệu khác…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.new_db_action = QAction("&Tạo cơ sở dữ liệu mới…", self)
        self.backup_action = QAction("&Sao lưu ngay", self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.restore_action = QAction("&Khôi phục từ bản sao lưu…", self)
        self.check_action = QAction("Kiểm tra &dữ liệu", self)
        self.trash_action = QAction("Thùng &rác…", self)
        self.audit_action = QAction("&Nhật ký thay đổi…", self)
        self.audit_action.setShortcut(QKeySequence("Ctrl+L"))
        self.summary_action = QAction("&Báo cáo tổng kết năm…", self)
        self.usb_action = QAction("&Xuất ra USB…", self)
        self.usb_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.quit_action = QAction("T&hoát", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        file_menu.addAction(self.new_db_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.check_action)
        file_menu.addAction(self.trash_action)
        file_menu.addAction(self.audit_action)
        file_menu.addSeparator()
        file_menu.addAction(self.summary_action)
        file_menu.addAction(self.usb_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        self.about_action = QAction("&Giới thiệu", self)
        self.about_action.setShortcut(QKeySequence("F1"))
        help_menu.addAction(self.about_action)
        self.find_action = QAction("Tìm kiếm", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)

    def _connect_signals(self) -> None:
        self.hub.data_changed.connect(self._on_hub_data_changed)
        self.year_combo.currentIndexChanged.connect(self._on_year_combo_changed)
        self.open_action.triggered.connect(self.open_other_database)
        self.new_db_action.triggered.connect(self.create_database)
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action.triggered.connect(self._on_restore_action_triggered)
        self.check_action.triggered.connect(self.check_data)
        self.audit_action.triggered.connect(self.show_audit_log)
        self.trash_action.triggered.connect(self.show_trash)
        self.summary_action.triggered.connect(self.show_year_summary)
        self.usb_action.triggered.connect(self.show_usb_export)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.show_about)
        self.find_action.triggered.connect(self._on_find_triggered)

    # --- years ----------------------------------------------------------------------------
    def _fill_years(self, keep: int | None = None) -> None:
        available = years.available_years(self.today.year)
        wanted = keep if keep is not None else years.default_year(self.today.year)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in reversed(available):
            self.year_combo.addItem(str(year), year)
        self.year_combo.addItem("Tất cả các năm", ALL_YEARS)
        index = self.year_combo.findData(wanted)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)
        self._apply_year()

    def selected_year(self) -> int | None:
        year = self.year_combo.currentData()
        return None if year in (None, ALL_YEARS) else int(year)

    def set_year(self, year: int | None) -> None:
        index = self.year_combo.findData(ALL_YEARS if year is None else year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def _apply_year(self) -> None:
        for tab in self._built_year_tabs():
            tab.set_year(self.selected_year())

    def _on_year_combo_changed(self, _index: int) -> None:
        self._apply_year()

    def year_tabs(self) -> list[LoadingTab]:
        """The four tabs following the year (built now if they were not yet)."""
        return [self.plan_tab, self.meetings_tab, self.campaigns_tab, self.awards_tab]

    def _built_year_tabs(self) -> list[LoadingTab]:
        return [tab for tab in self.tabs.built_pages() if isinstance(tab, LoadingTab)]

    def _built_directory(self) -> DirectoryTab | None:
        built = [tab for tab in self.tabs.built_pages() if hasattr(tab, "lists")]
        return built[0] if built else None  # type: ignore[return-value]

    def all_lists(self) -> list[LoadingTab]:
        """Every list built so far (the others load fresh when first shown)."""
        directory = self._built_directory()
        return [*self._built_year_tabs(), *(directory.lists() if directory else [])]

    # --- reacting to changes --------------------------------------------------------------
    def show_next_meeting(self) -> None:
        row = meetings.next_meeting(self.today)
        text = f"Phiên họp tới: {row.when_text} — {row.title}" if row else ""
        # cut to leave the status bar room for messages; whole in the tooltip
        metrics = self.next_meeting_label.fontMetrics()
        self.next_meeting_label.setText(
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, STATUS_LABEL_WIDTH)
        )
        self.next_meeting_label.setToolTip(text)

    def _on_hub_data_changed(self, tables: frozenset[str]) -> None:
        if "meeting" in tables:
            self.show_next_meeting()
        for tab in self._built_year_tabs():
            tab.on_data_changed(tables)
        directory = self._built_directory()
        if directory is not None:
            directory.on_data_changed(tables)
        if tables & {"plan", "meeting", "campaign", "proposal"}:
            self._fill_years(keep=self.year_combo.currentData())

    def _on_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_plan_tab_year_requested(self, year: int) -> None:
        self._fill_years(keep=year)

    def _on_find_triggered(self) -> None:
        widget = self.tabs.currentWidget()
        current_list = getattr(widget, "current_list", None)  # Danh mục: its inner list
        tab = current_list() if current_list is not None else widget
        search = getattr(tab, "search_edit", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    # --- menu actions -----------------------------------------------------------------
    def open_other_database(self) -> None:
        chosen = messages.open_file(
            self, "Mở cơ sở dữ liệu", "Cơ sở dữ liệu TĐKT (*.sqlite *.db);;Mọi tệp (*)"
        )
        if chosen is None:
            return
        self.switch_to(chosen)

    def create_database(self) -> bool:
        """A new, empty database (another office, a fresh start): never over an existing file;
        the current one is closed only once the new file is made, then the agency's details
        are asked as on a first start."""
        chosen = messages.save_file(
            self,
            "Tạo cơ sở dữ liệu mới",
            self.current.path.with_name("tdkt-moi.sqlite"),
            "Cơ sở dữ liệu TĐKT (*.sqlite)",
        )
        if chosen is None:
            return False
        if chosen.suffix.lower() not in (".sqlite", ".db"):
            chosen = chosen.with_name(chosen.name + ".sqlite")
        if chosen.exists():
            messages.show_error(
                self,
                "Không tạo được cơ sở dữ liệu",
                f"Tệp “{chosen.name}” đã có. Hãy chọn tên khác: tạo mới không ghi đè tệp nào "
                "(muốn dùng tệp đó thì chọn Tệp → Mở cơ sở dữ liệu khác…).",
            )
            return False
        if not self.switch_to(chosen):
            return False
        from ui.application import first_run_setup  # ui.application builds this window

        first_run_setup(self)
        self._reopened(self.current.db, self.current.path)  # the agency and sample year, if any
        self.statusBar().showMessage(f"Đã tạo và mở {chosen}", 8000)
        return True

    def switch_to(self, path: Path) -> bool:
        wait_for_background()
        try:
            db, info = session.switch_database(self.current.db, self.current.path, path)
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        self._reopened(db, info.path)
        self.statusBar().showMessage(f"Đã mở {info.path}", 8000)
        return True

    def _reopened(self, db: Any, path: Path) -> None:
        """Another (or the restored) database is open: every tab reloads from it."""
        paths = self.current.paths
        if path != self.current.path:
            paths = replace(paths, db_file=path, backup_dir=path.parent / "backups")
        self.current = OpenDatabase(db, path, paths)
        self.settings.setValue("database/last", str(path))
        self._show_db_path()
        self.show_next_meeting()
        self._fill_years()
        for tab in self.all_lists():
            tab.mark_stale()
        for stack in self.findChildren(QUndoStack):  # what was done there is not undone here
            stack.clear()

    def backup_now(self) -> Path | None:
        try:
            target = backup.backup_now(
                self.current.db, self.current.paths.backup_dir, datetime.now()
            )
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        messages.show_info(self, "Sao lưu", f"Đã sao lưu cơ sở dữ liệu vào:\n{target}")
        return target

    def _on_restore_action_triggered(self) -> None:
        self.restore_from_backup()

    def restore_from_backup(self, chosen: Path | None = None) -> bool:
        backup_dir = self.current.paths.backup_dir
        if chosen is None:
            chosen = messages.open_file(
                self, "Chọn bản sao lưu", "Bản sao lưu TĐKT (*.sqlite);;Mọi tệp (*)", backup_dir
            )
        if chosen is None:
            return False
        try:
            verify_backup(chosen)
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        if not messages.confirm(
            self,
            "Khôi phục dữ liệu",
            f"Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu “{chosen.name}”?\n\n"
            "Dữ liệu hiện tại sẽ được sao lưu trước khi thay.",
            yes="Khôi phục",
            no="Không",
        ):
            return False
        wait_for_background()
        try:
            db, info, saved = session.restore_database(
                self.current.db, self.current.path, chosen, backup_dir, datetime.now()
            )
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        self._reopened(db, info.path)
        messages.show_info(
            self,
            "Khôi phục dữ liệu",
            f"Đã khôi phục từ “{chosen.name}”.\nDữ liệu cũ được giữ ở:\n{saved}",
        )
        return True

    def check_data(self) -> None:
        report = check_database(self.current.db)
        if report.ok:
            messages.show_info(
                self, "Kiểm tra dữ liệu", "Dữ liệu toàn vẹn, mọi ràng buộc đều thỏa."
            )
        else:
            messages.show_error(
                self,
                "Kiểm tra dữ liệu",
                f"Phát hiện {len(report.problems)} vấn đề. Hãy khôi phục từ bản sao lưu gần nhất "
                "hoặc liên hệ bộ phận hỗ trợ.",
                "\n".join(report.problems),
            )

    def show_trash(self) -> TrashDialog:
        from ui.dialogs.trash_dialog import TrashDialog

        dialog = TrashDialog(self)
        self.hub.data_changed.connect(dialog.items.on_data_changed)
        dialog.show()
        return dialog

    def show_audit_log(self) -> AuditLogDialog:
        from ui.dialogs.audit_dialog import AuditLogDialog

        dialog = AuditLogDialog(self.today, self)
        dialog.show()
        return dialog

    def show_year_summary(self) -> QWidget:
        from ui.dialogs.summary_dialog import YearSummaryDialog

        dialog = YearSummaryDialog(self.selected_year() or self.today.year, self)
        dialog.show()
        return dialog

    def show_usb_export(self) -> QWidget:
        from ui.dialogs.usb_export_dialog import UsbExportDialog

        dialog = UsbExportDialog(self.selected_year() or self.today.year, self)
        dialog.show()
        return dialog

    def propose_for_campaign(self, campaign_id: int) -> int | None:
        """A campaign's "Đề nghị khen thưởng theo chuyên đề…": the awards tab's dialog, prefilled."""
        self.tabs.setCurrentWidget(self.awards_tab)
        return self.awards_tab.new_proposal(campaign_id)

    def show_about(self) -> None:
        messages.show_info(
            self,
            "Giới thiệu TĐKT Desk",
            f"TĐKT Desk, phiên bản {__version__}\n"
            "Quản lý công tác thi đua, khen thưởng của Hội đồng Thi đua - Khen thưởng Sở.\n\n"
            f"Tệp dữ liệu: {self.current.path}\n"
            f"Thư mục sao lưu: {self.current.paths.backup_dir}",
        )

    def _show_db_path(self) -> None:
        self.db_label.setText(f"Dữ liệu: {self.current.path.name}")
        self.db_label.setToolTip(f"Tệp dữ liệu: {self.current.path}")

    # --- state ----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        else:  # the first start: as large as a small office screen holds
            fit_to_screen(self, 1280, 800)
        tab = self.settings.value("window/tab", 0)
        self.tabs.setCurrentIndex(int(tab) if str(tab).isdigit() else 0)
        self.tabs.current_page()  # built now (and loaded when shown), the others when shown
        year = self.settings.value("window/year")
        if year is not None and str(year).lstrip("-").isdigit():
            stored = int(year)
            self.set_year(None if stored == ALL_YEARS else stored)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.setValue("window/year", self.year_combo.currentData())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        wait_for_background()
        try:
            backup.auto_backup(self.current.db, self.current.paths.backup_dir, date.today())
        except AppError as error:
            messages.show_app_error(self, error)
        self.hub.stop()
        super().closeEvent(event)


def make_settings(paths: Paths) -> QSettings:
    """Window state lives beside the data (never in the registry), so tests can redirect it."""
    return QSettings(str(paths.data_dir / "giao-dien.ini"), QSettings.Format.IniFormat)


def window_for(widget: QWidget) -> MainWindow | None:
    top = widget.window()
    return top if isinstance(top, MainWindow) else None
