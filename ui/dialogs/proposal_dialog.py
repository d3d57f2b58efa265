"""Add or edit an award proposal; the eligibility findings follow the fields as they change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app import proposals
from app.campaigns import CampaignRow
from app.catalog import AwardTypeRow
from app.eligibility import Finding
from app.people import PersonRow, UnitRow
from app.proposals import ProposalInput
from db.enums import CommendationKind, RecipientKind
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data

Checker = Callable[[ProposalInput], list[Finding]]
BLOCK_COLOUR, WARN_COLOUR, DONE_COLOUR = "#b00020", "#8a5a00", "#6b7280"


def finding_item(finding: Finding) -> QListWidgetItem:
    """One finding as a list line: red when it blocks, amber when it warns, grey once accepted."""
    if finding.overridden:
        text = f"Đã bỏ qua — {finding.message} Lý do: {finding.override_note}"
        colour = DONE_COLOUR
    else:
        head = "Không đủ điều kiện" if finding.blocking else "Cảnh báo"
        text, colour = (
            f"{head}: {finding.open_message}",
            (BLOCK_COLOUR if finding.blocking else WARN_COLOUR),
        )
    item = QListWidgetItem(text)
    item.setForeground(QBrush(QColor(colour)))
    item.setToolTip(text)
    item.setData(Qt.ItemDataRole.UserRole, finding)
    return item


class ProposalDialog(FormDialog):
    def __init__(
        self,
        year: int,
        people: Sequence[PersonRow],
        units: Sequence[UnitRow],
        awards: Sequence[AwardTypeRow],
        campaigns: Sequence[CampaignRow],
        data: ProposalInput | None = None,
        *,
        checker: Checker | None = None,
        review_on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sửa đề nghị khen thưởng" if data else "Thêm đề nghị khen thưởng", parent)
        self.people, self.units, self.awards = list(people), list(units), list(awards)
        self.checker = checker
        self.findings: list[Finding] = []
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(data.year if data else year)
        self.recipient_kind_combo = QComboBox(self)
        self.recipient_kind_combo.addItem(RecipientKind.INDIVIDUAL.label, "individual")
        self.recipient_kind_combo.addItem(RecipientKind.COLLECTIVE.label, "collective")
        self.recipient_combo = QComboBox(self)
        self.recipient_combo.setEditable(True)
        self.recipient_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.recipient_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.recipient_combo.completer().setCompletionMode(
            QCompleter.CompletionMode.PopupCompletion
        )
        self.recipient_combo.lineEdit().setPlaceholderText("Gõ tên để tìm…")
        self.award_combo = QComboBox(self)
        self.kind_combo = QComboBox(self)
        fill_enum_combo(self.kind_combo, CommendationKind)
        self.period_edit = QLineEdit(self)
        self.period_edit.setPlaceholderText("VD: năm 2024; giai đoạn 2020–2024")
        self.campaign_combo = QComboBox(self)
        self.campaign_combo.addItem("— Không thuộc phong trào nào —", None)
        for c in campaigns:
            self.campaign_combo.addItem(f"{c.name} ({c.year})", c.id)
        self.achievements_edit = QPlainTextEdit(self)
        self.achievements_edit.setTabChangesFocus(True)
        self.achievements_edit.setFixedHeight(80)
        self.initiative_edit = QPlainTextEdit(self)
        self.initiative_edit.setTabChangesFocus(True)
        self.initiative_edit.setFixedHeight(50)
        self.initiative_edit.setPlaceholderText(
            "Sáng kiến được công nhận, đề tài được nghiệm thu (khi tiêu chuẩn yêu cầu)"
        )
        when = review_on or date.today()
        self.findings_label = QLabel(
            f"Kiểm tra điều kiện (quy định áp dụng ngày {when:%d/%m/%Y}):", self
        )
        self.findings_list = QListWidget(self)
        self.findings_list.setWordWrap(True)
        self.findings_list.setSpacing(3)
        self.findings_list.setMinimumHeight(110)
        self.form.addRow("Năm:", self.year_spin)
        self.form.addRow("Đối tượng:", self.recipient_kind_combo)
        self.form.addRow("Cá nhân / tập thể:", self.recipient_combo)
        self.form.addRow("Danh hiệu / hình thức:", self.award_combo)
        self.form.addRow("Loại hình khen thưởng:", self.kind_combo)
        self.form.addRow("Thời kỳ, giai đoạn:", self.period_edit)
        self.form.addRow("Phong trào thi đua:", self.campaign_combo)
        self.form.addRow("Thành tích:", self.achievements_edit)
        self.form.addRow("Sáng kiến, đề tài:", self.initiative_edit)
        self.form.addRow(self.findings_label)
        self.form.addRow(self.findings_list)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_findings)
        self._fill_recipients()
        if data is not None:
            self._show(data)
        self._connect_signals()
        self.setMinimumWidth(640)
        self.revalidate()
        self.refresh_findings()

    def _connect_signals(self) -> None:
        self.recipient_kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        for combo in (self.recipient_combo, self.award_combo, self.kind_combo, self.campaign_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.recipient_combo.editTextChanged.connect(self._changed)
        self.year_spin.valueChanged.connect(self._changed)
        self.period_edit.textChanged.connect(self._changed)
        self.achievements_edit.textChanged.connect(self._changed)
        self.initiative_edit.textChanged.connect(self._changed)

    def _on_kind_changed(self, *_: object) -> None:
        self._fill_recipients()
        self._changed()

    def _changed(self, *args: object) -> None:
        self.revalidate(True)
        self._timer.start()

    def _individual(self) -> bool:
        return self.recipient_kind_combo.currentData() == "individual"

    def _fill_recipients(self) -> None:
        individual = self._individual()
        for combo in (self.recipient_combo, self.award_combo):
            combo.blockSignals(True)
            combo.clear()
        self.recipient_combo.addItem("", None)
        if individual:
            for p in self.people:
                self.recipient_combo.addItem(f"{p.full_name} — {p.unit_name}", p.id)
        else:
            for u in self.units:
                self.recipient_combo.addItem(u.name, u.id)
        self.recipient_combo.setCurrentIndex(0)
        wanted = RecipientKind.INDIVIDUAL if individual else RecipientKind.COLLECTIVE
        self.award_combo.addItem("—", None)
        for a in self.awards:
            if a.active and a.recipient in (wanted, RecipientKind.BOTH):
                self.award_combo.addItem(f"{a.name} ({a.level.label})", a.id)
        for combo in (self.recipient_combo, self.award_combo):
            combo.blockSignals(False)

    def _show(self, data: ProposalInput) -> None:
        select_data(self.recipient_kind_combo, data.recipient_kind.value)
        self._fill_recipients()
        individual = data.recipient_kind is RecipientKind.INDIVIDUAL
        select_data(self.recipient_combo, data.person_id if individual else data.unit_id)
        select_data(self.award_combo, data.award_type_id)
        select_data(self.kind_combo, data.kind)
        select_data(self.campaign_combo, data.campaign_id)
        self.year_spin.setValue(data.year)
        self.period_edit.setText(data.period)
        self.achievements_edit.setPlainText(data.achievements)
        self.initiative_edit.setPlainText(data.initiative)

    # --- reading ------------------------------------------------------------------------------
    def set_recipient(self, recipient_id: int) -> None:
        select_data(self.recipient_combo, recipient_id)

    def set_award(self, award_type_id: int) -> None:
        select_data(self.award_combo, award_type_id)

    def input(self) -> ProposalInput:
        individual = self._individual()
        chosen = self._recipient_id()
        return ProposalInput(
            year=self.year_spin.value(),
            award_type_id=self.award_combo.currentData(),
            recipient_kind=RecipientKind.INDIVIDUAL if individual else RecipientKind.COLLECTIVE,
            person_id=chosen if individual else None,
            unit_id=None if individual else chosen,
            kind=current_enum(self.kind_combo, CommendationKind) or CommendationKind.REGULAR,
            period=self.period_edit.text(),
            campaign_id=self.campaign_combo.currentData(),
            achievements=self.achievements_edit.toPlainText(),
            initiative=self.initiative_edit.toPlainText(),
        )

    def _recipient_id(self) -> int | None:
        """The recipient whose line the box shows (typed text that names none: nobody)."""
        index = self.recipient_combo.findText(self.recipient_combo.currentText())
        return self.recipient_combo.itemData(index) if index > 0 else None

    def problems(self) -> dict[str, str]:
        return proposals.validate_proposal(self.input())

    def refresh_findings(self) -> list[Finding]:
        """Check the input as it stands against the rules in force; show what they find."""
        self._timer.stop()
        data = self.input()
        ready = not self.problems() or (
            data.award_type_id is not None and (data.person_id or data.unit_id)
        )
        self.findings = self.checker(data) if self.checker and ready else []
        self.findings_list.clear()
        for finding in self.findings:
            self.findings_list.addItem(finding_item(finding))
        if not self.findings:
            empty = QListWidgetItem(
                "Không phát hiện vấn đề theo các quy định đang áp dụng."
                if ready
                else "Chọn cá nhân, tập thể và danh hiệu để kiểm tra điều kiện."
            )
            empty.setForeground(QBrush(QColor("#166534" if ready else DONE_COLOUR)))
            self.findings_list.addItem(empty)
        return self.findings

    def finding_texts(self) -> list[str]:
        return [f.message for f in self.findings]
