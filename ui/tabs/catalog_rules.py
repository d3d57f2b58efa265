"""The rules of the selected title or form, each with its legal basis and period in force."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.catalog import RuleRow
from app.vntext import short_date


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rules_html(name: str, rules: list[RuleRow]) -> str:
    if not rules:
        return f"<p><b>{_escape(name)}</b></p><p><i>Chưa có quy định nào trong danh mục.</i></p>"
    items = []
    for rule in rules:
        since = short_date(rule.effective_from)
        if rule.agency_set:  # lasts until the agency's next setting, across legal versions
            period = f"Cơ quan đặt, áp dụng từ {since} đến khi cơ quan thay đổi"
        elif rule.effective_to:
            period = f"Áp dụng từ {since} đến {short_date(rule.effective_to)}"
        else:
            period = f"Áp dụng từ {since}"
        items.append(
            f"<li><b>{_escape(rule.title)}</b><br>"
            f"<i>{_escape(rule.legal_basis)}</i><br>"
            f"{period} — {rule.severity.label}"
            + (f" — độ tin cậy {_escape(rule.confidence)}" if rule.confidence else "")
            + "</li>"
        )
    return f"<p><b>{_escape(name)}</b></p><ul>{''.join(items)}</ul>"


class RulesView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setPlaceholderText("Chọn một danh hiệu hoặc hình thức để xem các quy định áp dụng.")

    def show_rules(self, name: str, rules: list[RuleRow]) -> None:
        self.setHtml(rules_html(name, rules))
