"""Phiên họp: the council's meetings of the selected year; add, edit, schedule, copy, print."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QWidget,
)

from app import meeting_edit, meetings, people, plan, trash
from app.errors import AppError
from app.meetings import MeetingRow
from ui import messages
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.models.meeting_table_model import MeetingTableModel
from ui.tabs.editable_list import EditableList
from ui.tabs.meeting_detail import MeetingDetail

PAPERS = (
    ("agenda", "Chương trình phiên họp", "chuong-trinh"),
    ("invitation", "Giấy mời", "giay-moi"),
    ("minutes", "Biên bản", "bien-ban"),
    ("ballot", "Phiếu bầu", "phieu-bau"),
)


class MeetingEditor:
    table = "meeting"

    def __init__(self, today: date) -> None:
        self.today = today

    def open_dialog(
        self, parent: QWidget, row: MeetingRow | None
    ) -> meeting_edit.MeetingInput | None:
        year = row.year if row else (getattr(parent, "year", None) or self.today.year)
        doc = plan.load_plan(year)
        tasks = [r for r in doc.items if r.is_task] if doc else []
        data = meeting_edit.meeting_input(row.id) if row else None
        dialog = MeetingDialog(year, people.person_rows(active_only=True), tasks, data, parent)
        return dialog.input() if messages.run_dialog(dialog) else None

    def save(self, row: MeetingRow | None, data: meeting_edit.MeetingInput) -> object:
        if row is None:
            return meeting_edit.create_meeting(data)
        return meeting_edit.update_meeting(row.id, data)

    def remove(self, row: MeetingRow) -> Callable[[], int]:
        trash_id = meeting_edit.delete_meeting(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: MeetingRow) -> str:
        return f"phiên họp “{row.title}”"


class MeetingsTab(EditableList):
    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        self.today = today or date.today()
        super().__init__(
            MeetingEditor(self.today),
            MeetingTableModel(),
            meetings.meeting_rows,
            tables=frozenset({"meeting", "person", "agenda_item", "attendance"}),
            noun="phiên họp",
            parent=parent,
        )
        self.schedule_button = QPushButton("Lập lịch họp định kỳ", self)
        self.schedule_button.setToolTip(
            "Tạo các phiên họp định kỳ của năm theo lịch trong kế hoạch"
        )
        self.copy_button = QPushButton("Nhân bản", self)
        self.copy_button.setToolTip("Sao phiên họp đang chọn làm điểm khởi đầu cho phiên họp sau")
        self.papers_button = QToolButton(self)
        self.papers_button.setText("Văn bản")
        self.papers_button.setToolTip(
            "Giấy mời, biên bản… của phiên họp đang chọn: xem trước, in, lưu PDF hoặc Word (Ctrl+P)"
        )
        self.papers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Ctrl+P opens the menu, as on the plan tab it opens the plan's preview: a meeting has
        # several papers and none is the obvious one. A button's shortcut is live only while the
        # button is shown and enabled, so only on the tab in front, with a meeting selected.
        self.papers_button.setShortcut(QKeySequence("Ctrl+P"))
        menu = QMenu(self.papers_button)
        self.paper_actions: dict[str, QAction] = {}
        for kind, label, _slug in PAPERS:
            action = menu.addAction(f"{label}…")
            action.triggered.connect(lambda _checked=False, k=kind: self.preview_paper(k))
            self.paper_actions[kind] = action
        self.papers_button.setMenu(menu)
        for widget in (self.schedule_button, self.copy_button, self.papers_button):
            self.actions_layout.addWidget(widget)
        self.schedule_button.clicked.connect(self.schedule_periodic)
        self.copy_button.clicked.connect(self.duplicate_selected)
        self.enable_with_selection(self.copy_button, self.papers_button)
        self.detail = MeetingDetail(self)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        # the window's today, not the computer's, shown and selected until a day is clicked
        self.calendar.setSelectedDate(QDate(self.today.year, self.today.month, self.today.day))
        self.calendar.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMaximumWidth(360)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        layout = self.layout()
        layout.removeWidget(self.table)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.table)
        top.addWidget(self.calendar)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.rows_loaded.connect(self._on_selection_changed)
        self.rows_loaded.connect(self._mark_calendar)

    def _on_selection_changed(self, *_: object) -> None:
        row = self.selected_row()
        meeting_id = row.id if row else None
        if meeting_id != self.detail.meeting_id:
            self.detail.set_meeting(meeting_id)

    def _mark_calendar(self, *_: object) -> None:
        """Days with a meeting are bold on a tinted background; the month shown follows the year."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear the old marks
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QColor("#fde68a"))
        dated = [r for r in self.model.rows() if r.held_on is not None]
        for row in dated:
            self.calendar.setDateTextFormat(
                QDate(row.held_on.year, row.held_on.month, row.held_on.day), marked
            )
        shown = self.calendar.selectedDate()
        if self.year is not None and shown.year() != self.year:
            first = dated[0].held_on if dated else date(self.year, min(self.today.month, 12), 1)
            self.calendar.setCurrentPage(first.year, first.month)

    def meeting_days(self) -> list[date]:
        marks = self.calendar.dateTextFormat()
        return sorted(date(d.year(), d.month(), d.day()) for d in marks)

    def _on_calendar_clicked(self, day: QDate) -> None:
        picked = date(day.year(), day.month(), day.day())
        self.select_where(lambda r: r.held_on == picked)

    def on_data_changed(self, tables: frozenset[str]) -> None:
        super().on_data_changed(tables)
        for lst in self.detail.lists():
            lst.on_data_changed(tables)

    def schedule_periodic(self) -> list[int]:
        year = self.year or self.today.year
        try:
            created = meeting_edit.schedule_periodic(year)
        except AppError as error:
            messages.show_app_error(self, error)
            return []
        if created:
            self.status_message.emit(f"Đã lập lịch {len(created)} phiên họp định kỳ năm {year}.")
        else:
            messages.show_info(
                self,
                "Lập lịch họp định kỳ",
                f"Năm {year} đã có đủ các phiên họp định kỳ theo kế hoạch.",
            )
        return created

    def duplicate_selected(self) -> int | None:
        row = self.selected_row()
        if row is None:
            return None
        try:
            copy = meeting_edit.duplicate_meeting(row.id)
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        self.select_after_load(lambda r: r.id == copy.id)
        self.status_message.emit(f"Đã nhân bản “{row.title}”.")
        return int(copy.id)

    def make_paper_preview(self, kind: str) -> object | None:
        # imported here: ReportLab and python-docx are not needed to start the app
        from app.reports import meeting_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        row = self.selected_row()
        if row is None:
            return None
        label, slug = next((lab, s) for k, lab, s in PAPERS if k == kind)
        build = meeting_report.DOCUMENTS[kind]
        job = DocumentJob(f"{label} — {row.title}", f"{slug}-{row.id}", lambda: build(row.id))
        return DocumentPreview(job, Path.home(), self)

    def preview_paper(self, kind: str) -> None:
        dialog = self.make_paper_preview(kind)
        if dialog is not None:
            messages.run_dialog(dialog)  # type: ignore[arg-type]
