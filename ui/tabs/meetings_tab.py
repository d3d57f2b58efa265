"""Phiên họp: the council's meetings of the selected year."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app import meetings
from ui.models.meeting_table_model import MeetingTableModel
from ui.tabs.list_tab import RecordListTab


class MeetingsTab(RecordListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            MeetingTableModel(),
            meetings.meeting_rows,
            tables=frozenset({"meeting", "person"}),
            noun="phiên họp",
            parent=parent,
        )
