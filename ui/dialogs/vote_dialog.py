"""Record the council's vote on a proposal; the result (base, percentage, threshold) shows live,
and so do the proposal's open findings on the meeting's review date: a blocking one leaves
only a failing result to record, warnings need a reason when the result passes."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import meeting_votes
from app.eligibility import Finding
from app.voting import VoteCount
from db.enums import VoteMethod
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data

FIELDS = (
    ("members_total", "Tổng số thành viên Hội đồng:"),
    ("members_present", "Số thành viên có mặt:"),
    ("written_votes", "Phiếu bằng văn bản (vắng mặt):"),
    ("ballots_issued", "Số phiếu phát ra:"),
    ("ballots_returned", "Số phiếu thu vào:"),
    ("ballots_valid", "Số phiếu hợp lệ:"),
    ("votes_for", "Đồng ý:"),
    ("votes_against", "Không đồng ý:"),
    ("votes_abstain", "Không ý kiến:"),
)
BALLOT_ONLY = {"ballots_issued", "ballots_returned", "ballots_valid"}
WIDTH = 560
FINDINGS_MAX_HEIGHT = 200  # more findings scroll: the form below keeps its height


def findings_html(findings: list[Finding], on_text: str) -> str:
    """The open findings as the dialog lists them: blocking in red, warnings in amber."""
    items = []
    for f in findings:
        color, what = ("#b00020", "Không đủ điều kiện") if f.blocking else ("#8a5a00", "Cảnh báo")
        items.append(f'<li style="color:{color}"><b>{what}:</b> {escape(f.open_message)}</li>')
    return (
        f"<b>Xét lại điều kiện {escape(on_text)}:</b>"
        f"<ul style='margin-left:12px; -qt-list-indent:0'>{''.join(items)}</ul>"
    )


class VoteDialog(FormDialog):
    def __init__(
        self,
        meeting_id: int,
        row: meeting_votes.BallotRow,
        start: VoteCount,
        parent: QWidget | None = None,
        findings: Sequence[Finding] = (),
        review_text: str = "",
    ) -> None:
        super().__init__(f"Kết quả biểu quyết — {row.recipient}", parent)
        self.meeting_id = meeting_id
        self.proposal_id = row.id
        self.findings = list(findings)
        self.blocking = [f for f in self.findings if f.blocking]
        self.warnings = [f for f in self.findings if not f.blocking]
        header = QLabel(f"<b>{row.recipient}</b> — đề nghị {row.award}", self)
        self.findings_label = QLabel(self)
        self.findings_label.setWordWrap(True)
        self.findings_label.setObjectName("voteFindings")
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        # above the form, not in it, in a scroll area as tall as they need up to a limit: a
        # wrapped label given less height than it needs crushed the form (bench data: 3 warnings)
        self.findings_area = QScrollArea(self)
        self.findings_area.setWidgetResizable(True)
        self.findings_area.setFrameShape(QFrame.Shape.NoFrame)
        self.findings_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings_area.setWidget(self.findings_label)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, header)
        layout.insertWidget(1, self.findings_area)
        if self.findings:
            self.findings_label.setText(findings_html(self.findings, review_text))
            scrollbar = self.findings_area.verticalScrollBar().sizeHint().width()
            margins = layout.contentsMargins()
            inner = WIDTH - margins.left() - margins.right() - scrollbar
            needed = self.findings_label.heightForWidth(inner)
            self.findings_area.setFixedHeight(min(needed + 2, FINDINGS_MAX_HEIGHT))
        else:
            self.findings_label.hide()
            self.findings_area.hide()
        self.method_combo = QComboBox(self)
        fill_enum_combo(self.method_combo, VoteMethod)
        select_data(self.method_combo, start.method)
        self.form.addRow("Hình thức:", self.method_combo)
        self.spins: dict[str, QSpinBox] = {}
        for name, text in FIELDS:
            spin = QSpinBox(self)
            spin.setRange(0, 999)
            spin.setValue(getattr(start, name))
            spin.valueChanged.connect(self.revalidate)
            self.spins[name] = spin
            self.form.addRow(text, spin)
        # below the form, in the dialog's own column: wrapped labels get the height they need
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout.insertWidget(layout.indexOf(self.form) + 1, self.result_label)
        reason_form = QFormLayout()
        layout.insertLayout(layout.indexOf(self.result_label) + 1, reason_form)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText("Bắt buộc khi kết quả đạt")
        self.reason_edit.setToolTip(
            "Hội đồng biểu quyết đạt dù còn cảnh báo: ghi lý do chấp nhận cảnh báo "
            "(như “Bỏ qua cảnh báo…” ở thẻ Khen thưởng)"
        )
        self.reason_edit.textChanged.connect(self.revalidate)
        if self.warnings:
            reason_form.addRow("Lý do bỏ qua cảnh báo:", self.reason_edit)
        else:
            self.reason_edit.hide()
        self.method_combo.currentIndexChanged.connect(self._on_method_changed)
        self._on_method_changed()
        self.setMinimumWidth(WIDTH)

    def _on_method_changed(self, *_: object) -> None:
        secret = self.count().method is VoteMethod.SECRET_BALLOT
        for name in BALLOT_ONLY:
            self.spins[name].setEnabled(secret)
        self.revalidate()

    def count(self) -> VoteCount:
        values = {name: spin.value() for name, spin in self.spins.items()}
        method = current_enum(self.method_combo, VoteMethod) or VoteMethod.SHOW_OF_HANDS
        if method is VoteMethod.SHOW_OF_HANDS:
            values.update(ballots_issued=0, ballots_returned=0, ballots_valid=0)
        return VoteCount(method, **values)

    def override_reason(self) -> str:
        """The reason the warnings are accepted with (empty when there are none)."""
        return self.reason_edit.text().strip() if self.warnings else ""

    def problems(self) -> dict[str, str]:
        problems, result, threshold = meeting_votes.preview_vote(
            self.meeting_id, self.proposal_id, self.count()
        )
        if result is None:
            self.result_label.setText("")
        else:
            verdict = "ĐẠT" if result.passed else "KHÔNG ĐẠT"
            self.result_label.setText(
                f"<b>{verdict}</b>: {self.count().votes_for}/{result.base} đồng ý = {result.percent_text} "
                f"(cần {result.required}, ngưỡng {threshold.percent}% trên {result.base_label}; "
                f"theo {threshold.source})."
            )
            if result.passed and self.blocking:
                problems = {
                    "votes_for": "Đề nghị không đủ điều kiện (xem trên): không ghi được kết quả "
                    "đạt; chỉ ghi được kết quả không đạt."
                }
            elif result.passed and self.warnings and not self.override_reason():
                problems = {
                    "reason": "Kết quả đạt khi còn cảnh báo: hãy ghi lý do bỏ qua cảnh báo "
                    "(lưu vào nhật ký đề nghị)."
                }
        return problems
