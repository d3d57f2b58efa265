"""Khen thưởng: award proposals of the selected year (or of all years)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app import awards
from ui.models.proposal_table_model import ProposalTableModel
from ui.tabs.list_tab import RecordListTab


class AwardsTab(RecordListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            ProposalTableModel(),
            awards.proposal_rows,
            tables=frozenset({"proposal", "person", "unit", "award_type"}),
            noun="đề nghị",
            parent=parent,
        )
