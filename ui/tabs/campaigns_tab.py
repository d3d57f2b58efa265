"""Phong trào thi đua: the campaigns of the selected year."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app import campaigns
from ui.models.campaign_table_model import CampaignTableModel
from ui.tabs.list_tab import RecordListTab


class CampaignsTab(RecordListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            CampaignTableModel(),
            campaigns.campaign_rows,
            tables=frozenset({"campaign", "unit"}),
            noun="phong trào",
            parent=parent,
        )
