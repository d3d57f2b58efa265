"""The selected meeting's agenda and attendance, under the meetings list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QTabWidget, QWidget

from app import meeting_edit
from app.errors import AppError
from db.enums import AttendanceStatus
from ui import messages
from ui.dialogs.meeting_parts import AbsenceDialog, AgendaItemDialog, GuestDialog, MinutesDialog
from ui.models.agenda_table_model import AgendaTableModel, AttendanceTableModel
from ui.tabs.list_tab import RecordListTab
from ui.tabs.meeting_votes_page import VotesPage, rows_of_meeting


class MeetingDetail(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.agenda = RecordListTab(
            AgendaTableModel(self._guard_move),
            self._load_agenda,
            tables=frozenset({"agenda_item", "meeting"}),
            year_scoped=False,
            noun="nội dung",
            parent=self,
        )
        self.agenda.table.setSortingEnabled(False)
        self.agenda.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda.table.setDragEnabled(True)
        self.agenda.table.setDropIndicatorShown(True)
        self.add_item_button = self._button(self.agenda, "Thêm nội dung…", self.add_agenda_item)
        self.remove_item_button = self._button(self.agenda, "Xóa", self.remove_agenda_item)
        self.up_button = self._button(self.agenda, "Lên", lambda: self.move_selected(-1))
        self.down_button = self._button(self.agenda, "Xuống", lambda: self.move_selected(1))
        self.minutes_button = self._button(self.agenda, "Biên bản nội dung…", self.edit_minutes)
        self.attendance = RecordListTab(
            AttendanceTableModel(),
            self._load_attendance,
            tables=frozenset({"attendance", "council_member", "person"}),
            year_scoped=False,
            noun="người",
            parent=self,
        )
        self.quorum_label = QLabel(self)
        self.attendance.layout().insertWidget(0, self.quorum_label)
        self.present_button = self._button(
            self.attendance, "Có mặt", lambda: self.set_status(AttendanceStatus.PRESENT)
        )
        self.excused_button = self._button(self.attendance, "Vắng có lý do…", self.mark_excused)
        self.absent_button = self._button(
            self.attendance, "Vắng không lý do", lambda: self.set_status(AttendanceStatus.ABSENT)
        )
        self.guest_button = self._button(self.attendance, "Thêm khách mời…", self.add_guest)
        self.invite_button = self._button(
            self.attendance, "Giấy mời người này…", self.preview_invitation
        )
        self.attendance.rows_loaded.connect(self._show_quorum)
        self.agenda.empty_hint = "Bấm Thêm nội dung… để thêm."
        self.agenda.enable_with_selection(
            self.remove_item_button, self.up_button, self.down_button, self.minutes_button
        )
        self.attendance.enable_with_selection(
            self.present_button, self.excused_button, self.absent_button, self.invite_button
        )
        self.votes = VotesPage(self)
        self.addTab(self.agenda, "Chương trình")
        self.addTab(self.attendance, "Điểm danh")
        self.addTab(self.votes, "Biểu quyết")
        self.set_meeting(None)

    @staticmethod
    def _button(tab: RecordListTab, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, tab)
        button.clicked.connect(slot)
        tab.actions_layout.addWidget(button)
        return button

    def lists(self) -> list[RecordListTab]:
        return [self.agenda, self.attendance, self.votes]

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.setEnabled(meeting_id is not None)
        self.votes.meeting_id = meeting_id
        for lst in self.lists():
            lst.idle_text = "" if meeting_id is not None else "Chọn một phiên họp ở danh sách trên."
            lst.mark_stale()

    def _load_agenda(self, _year: int | None) -> list[meeting_edit.AgendaRow]:
        return rows_of_meeting(self.meeting_id, meeting_edit.agenda_rows)

    def _load_attendance(self, _year: int | None) -> list[meeting_edit.AttendanceRow]:
        return rows_of_meeting(self.meeting_id, meeting_edit.attendance_rows)

    def _show_quorum(self, _count: int = 0) -> None:
        if self.meeting_id is None:
            self.quorum_label.setText("")
            return
        q = meeting_edit.meeting_quorum(self.meeting_id)
        verdict = "đủ điều kiện họp" if q.met else "chưa đủ số thành viên"
        self.quorum_label.setText(
            f"Có mặt {q.present}/{q.members_total} thành viên — {verdict} "
            f"(quy chế: {q.rule}, cần ít nhất {q.required})."
        )

    def _run(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except AppError as error:
            messages.show_app_error(self, error)
            return None

    # --- agenda -------------------------------------------------------------------
    def add_agenda_item(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        tasks, reports = meeting_edit.link_choices(meeting_id)
        dialog = AgendaItemDialog(tasks, reports, self)
        if messages.run_dialog(dialog):
            self._run(
                lambda: meeting_edit.add_agenda_item(
                    meeting_id,
                    dialog.title_edit.text(),
                    dialog.presenter_edit.text(),
                    dialog.minutes_spin.value(),
                    dialog.task_combo.currentData(),
                    dialog.report_combo.currentData(),
                )
            )

    def remove_agenda_item(self) -> None:
        row = self.agenda.selected_row()
        if row is not None and messages.confirm(
            self, "Xóa nội dung", f"Xóa “{row.title}” khỏi chương trình?", yes="Xóa", no="Không"
        ):
            self._run(lambda: meeting_edit.delete_agenda_item(row.id))

    def move_selected(self, step: int) -> None:
        row = self.agenda.selected_row()
        if row is None:
            return
        target = row.position + step
        if 0 <= target < self.agenda.model.total_count():
            self.agenda.select_after_load(lambda r: r.id == row.id)
            self._guard_move(row.id, target)

    def edit_minutes(self) -> None:
        row = self.agenda.selected_row()
        if row is None:
            return
        discussion, conclusion = meeting_edit.minutes_of(row.id)
        dialog = MinutesDialog(row.title, discussion, conclusion, self)
        if messages.run_dialog(dialog):
            text = (dialog.discussion_edit.toPlainText(), dialog.conclusion_edit.toPlainText())
            self._run(lambda: meeting_edit.record_minutes(row.id, *text))

    def _guard_move(self, item_id: int, position: int) -> None:
        self._run(lambda: meeting_edit.move_agenda_item(item_id, position))

    # --- attendance -----------------------------------------------------------------
    def set_status(self, status: AttendanceStatus, reason: str = "", written: bool = False) -> None:
        row = self.attendance.selected_row()
        if row is not None:
            self.attendance.select_after_load(lambda r: r.id == row.id)
            self._run(lambda: meeting_edit.set_attendance(row.id, status, reason, written))

    def mark_excused(self) -> None:
        row = self.attendance.selected_row()
        if row is None:
            return
        dialog = AbsenceDialog(row.name, row.is_member, self)
        if messages.run_dialog(dialog):
            self.set_status(
                AttendanceStatus.ABSENT_EXCUSED,
                dialog.reason_edit.text(),
                dialog.written_check.isChecked(),
            )

    def make_invitation_preview(self) -> Any:
        """The invitation addressed to the selected invitee alone."""
        from app.reports import meeting_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        row = self.attendance.selected_row()
        if row is None or self.meeting_id is None:
            return None
        meeting_id = self.meeting_id
        job = DocumentJob(
            f"Giấy mời — {row.name}",
            f"giay-moi-{meeting_id}-{row.id}",
            lambda: meeting_report.invitation_document(meeting_id, row.id),
        )
        return DocumentPreview(job, Path.home(), self)

    def preview_invitation(self) -> None:
        dialog = self.make_invitation_preview()
        if dialog is not None:
            messages.run_dialog(dialog)

    def add_guest(self) -> None:
        if self.meeting_id is None:
            return
        dialog = GuestDialog(self)
        if messages.run_dialog(dialog):
            meeting_id = self.meeting_id
            self._run(
                lambda: meeting_edit.add_guest(
                    meeting_id, dialog.name_edit.text(), dialog.position_edit.text()
                )
            )
