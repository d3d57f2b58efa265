"""Kế hoạch: the selected year's plan, item by item in document order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app import plan
from ui.models.plan_table_model import PlanTableModel
from ui.tabs.list_tab import RecordListTab


class PlanTab(RecordListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            PlanTableModel(),
            plan.load_plan,
            tables=frozenset({"plan", "plan_item", "unit"}),
            noun="mục",
            parent=parent,
        )
        self.doc: plan.PlanDoc | None = None
        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        self.header_label.setObjectName("planHeader")
        self.layout().insertWidget(0, self.header_label)

    def take_result(self, result: Any) -> Sequence[plan.PlanItemRow]:
        self.doc = result
        if result is None:
            year = "" if self.year is None else f" năm {self.year}"
            self.header_label.setText(f"<i>Chưa có kế hoạch{year}.</i>")
            return []
        title = " ".join(result.title.split())
        number = (
            f"Số: {result.number}/{result.symbol}" if result.symbol else "Số: … (chưa ban hành)"
        )
        signer = " ".join(x for x in (result.signer_title.title(), result.signer_name) if x)
        self.header_label.setText(
            f"<b>{result.doc_type} {_escape(title)}</b><br>{_escape(number)} — "
            f"Người ký: {_escape(signer) or '—'}"
        )
        return result.items


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
