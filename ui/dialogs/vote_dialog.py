"""Record the council's vote on a proposal; the result (base, percentage, threshold) shows live."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from app import meeting_votes
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


class VoteDialog(FormDialog):
    def __init__(
        self,
        meeting_id: int,
        row: meeting_votes.BallotRow,
        start: VoteCount,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Kết quả biểu quyết — {row.recipient}", parent)
        self.meeting_id = meeting_id
        self.proposal_id = row.id
        self.form.addRow(QLabel(f"<b>{row.recipient}</b> — đề nghị {row.award}", self))
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
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.form.addRow(self.result_label)
        self.method_combo.currentIndexChanged.connect(self._on_method_changed)
        self._on_method_changed()
        self.setMinimumWidth(480)

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
        return problems
