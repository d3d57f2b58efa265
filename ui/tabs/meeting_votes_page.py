"""Biểu quyết: the proposals before the selected meeting and the council's vote on each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from app import meeting_votes
from app.errors import AppError, NotFound
from app.vntext import admin_date
from db.enums import ProposalStatus
from ui import messages
from ui.dialogs.meeting_parts import ChooseProposalsDialog
from ui.dialogs.proposal_parts import StepDialog
from ui.dialogs.vote_dialog import VoteDialog
from ui.models.columns import label
from ui.models.record_table_model import Column, Index, RecordTableModel
from ui.tabs.list_tab import RecordListTab

BLOCK_COLOR = QColor("#b00020")  # red: a condition not met
WARN_COLOR = QColor("#8a5a00")  # amber, as the proposal findings list: a warning still open
BLOCK_BACKGROUND = QColor("#fde7e9")
WARN_BACKGROUND = QColor("#fff4ce")


class BallotTableModel(RecordTableModel[meeting_votes.BallotRow]):
    COL_FINDINGS = 5
    columns = (
        Column("Cá nhân, tập thể", lambda r: r.recipient, width=240),
        Column("Danh hiệu, hình thức", lambda r: r.award, width=240),
        Column("Đồng ý", lambda r: r.votes, width=80),
        Column("Tỷ lệ", lambda r: r.percent, width=80),
        Column("Kết quả", lambda r: label(r.status), width=160),
        Column(
            "Điều kiện (xét lại)",
            lambda r: r.findings_text,
            sort=lambda r: -(1000 * len(r.blocking) + len(r.warnings)),
            width=200,
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.COL_FINDINGS:
            row = self.row_at(index.row())
            if row is not None and (row.blocking or row.warnings):
                if role == Qt.ItemDataRole.ToolTipRole:
                    return row.findings_tip
                if role == Qt.ItemDataRole.ForegroundRole:
                    return BLOCK_COLOR if row.blocking else WARN_COLOR
                if role == Qt.ItemDataRole.BackgroundRole:
                    return BLOCK_BACKGROUND if row.blocking else WARN_BACKGROUND
        return super().data(index, role)


R = TypeVar("R")


def rows_of_meeting(meeting_id: int | None, rows: Callable[[int], list[R]]) -> list[R]:
    """The detail's rows for the meeting selected; none once it is gone: deleting the selected
    meeting reloads the detail before the list selects another, and that is no error."""
    if meeting_id is None:
        return []
    try:
        return rows(meeting_id)
    except NotFound:
        return []


class VotesPage(RecordListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.meeting_id: int | None = None
        super().__init__(
            BallotTableModel(),
            self._load,
            # what the findings column reads too: ratings, rules, registrations, overrides
            tables=frozenset(
                {
                    "proposal",
                    "vote",
                    "attendance",
                    "meeting",
                    "evaluation",
                    "award_rule",
                    "registration",
                    "proposal_event",
                    "person",
                    "unit",
                }
            ),
            year_scoped=False,
            noun="đề nghị",
            parent=parent,
        )
        self.add_button = QPushButton("Đưa đề nghị vào…", self)
        self.add_button.setToolTip(
            "Chọn đề nghị của năm đưa vào phiên họp; đề nghị không đủ điều kiện không chọn được, "
            "đề nghị có cảnh báo được liệt kê trước khi đưa vào"
        )
        self.remove_button = QPushButton("Đưa ra khỏi phiên họp", self)
        self.vote_button = QPushButton("Ghi kết quả biểu quyết…", self)
        for button in (self.add_button, self.remove_button, self.vote_button):
            self.actions_layout.addWidget(button)
        self.add_button.clicked.connect(self.choose_proposals)
        self.remove_button.clicked.connect(self.take_off)
        self.vote_button.clicked.connect(self.record_vote)
        self.enable_with_selection(self.remove_button, self.vote_button)
        self.empty_hint = "Bấm Đưa đề nghị vào… để chọn đề nghị của năm."
        self.row_activated.connect(self._on_row_activated)

    def _load(self, _year: int | None) -> list[meeting_votes.BallotRow]:
        return rows_of_meeting(self.meeting_id, meeting_votes.ballot_rows)

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.mark_stale()

    def _run(self, action: Any) -> Any:
        try:
            return action()
        except AppError as error:
            messages.show_app_error(self, error)
            return None

    def choose_proposals(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        rows = meeting_votes.candidates(meeting_id)
        if not rows:
            messages.show_info(
                self, "Đưa đề nghị vào phiên họp", "Không còn đề nghị nào của năm chờ Hội đồng xét."
            )
            return
        dialog = ChooseProposalsDialog(rows, self)
        if not messages.run_dialog(dialog):
            return
        chosen, warnings = dialog.chosen(), dialog.chosen_warnings()
        if warnings and not messages.confirm(
            self,
            "Đưa đề nghị vào phiên họp",
            f"{len(warnings)} đề nghị đã chọn còn cảnh báo chưa xử lý (Hội đồng sẽ xem xét khi "
            "biểu quyết; có thể bỏ qua cảnh báo kèm lý do ở thẻ Khen thưởng):\n"
            + "\n".join(f"- {w}" for w in warnings[:8])
            + (f"\n… và {len(warnings) - 8} đề nghị khác" if len(warnings) > 8 else "")
            + "\n\nVẫn đưa vào phiên họp?",
            yes="Đưa vào",
        ):
            return
        self._run(lambda: meeting_votes.put_before_meeting(meeting_id, chosen))

    def take_off(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._run(lambda: meeting_votes.take_off_meeting(row.id))

    def _on_row_activated(self, _row: object) -> None:
        self.record_vote()

    def record_vote(self) -> None:
        row = self.selected_row()
        if row is None or self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        checked = self._run(lambda: meeting_votes.vote_check(meeting_id, row.id))
        if checked is None:
            return
        dialog = VoteDialog(
            meeting_id,
            row,
            meeting_votes.vote_start(meeting_id, row.id),
            self,
            findings=checked.findings,
            review_text=admin_date(checked.on),
        )
        if not messages.run_dialog(dialog):
            return
        count, reason = dialog.count(), dialog.override_reason()
        self.select_after_load(lambda r: r.id == row.id)
        outcome = self._run(lambda: meeting_votes.record_vote(meeting_id, row.id, count, reason))
        if outcome is not None and outcome.warnings and outcome.status is ProposalStatus.PASSED:
            self._ask_override(row, outcome)

    def _ask_override(
        self, row: meeting_votes.BallotRow, outcome: meeting_votes.VoteOutcome
    ) -> None:
        """Warnings that appeared while the dialog was open: recorded, now asked a reason for."""
        listed = "\n".join(f"- {f.open_message}" for f in outcome.warnings)
        dialog = StepDialog(
            "Bỏ qua cảnh báo",
            f"Đã ghi kết quả đạt cho {row.recipient} — {row.award}. Xét lại điều kiện còn cảnh "
            f"báo chưa xử lý:\n{listed}\nGhi lý do chấp nhận; lý do được lưu vào nhật ký đề "
            "nghị (Hủy: cảnh báo vẫn hiện ở danh sách).",
            outcome.checked_on or date.today(),
            note_label="Lý do:",
            required=True,
            parent=self,
        )
        if not messages.run_dialog(dialog):
            return
        self._run(
            lambda: meeting_votes.accept_warnings(
                row.id, outcome.warnings, dialog.note(), dialog.on()
            )
        )
