"""Small dialogs of a meeting: agenda item, absence, guest, minutes of an item, proposals."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app import meeting_votes
from app.vntext import clean, has_control_chars, matches
from ui.dialogs.form_dialog import FormDialog


def _text_problem(text: str, empty: str) -> str:
    if has_control_chars(text):
        return "Có ký tự điều khiển không hợp lệ; hãy gõ lại."
    return "" if clean(text) else empty


class AgendaItemDialog(FormDialog):
    def __init__(
        self,
        tasks: list[tuple[int, str]] | None = None,
        reports: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Thêm nội dung chương trình", parent)
        self.title_edit = QLineEdit(self)
        self.presenter_edit = QLineEdit(self)
        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setRange(1, 600)
        self.minutes_spin.setValue(15)
        self.minutes_spin.setSuffix(" phút")
        self.task_combo = QComboBox(self)
        self.report_combo = QComboBox(self)
        for combo, choices in ((self.task_combo, tasks or []), (self.report_combo, reports or [])):
            combo.addItem("—", None)
            for ident, text in choices:
                combo.addItem(text, ident)
        self.form.addRow("Nội dung:", self.title_edit)
        self.form.addRow("Người thực hiện:", self.presenter_edit)
        self.form.addRow("Thời lượng:", self.minutes_spin)
        self.form.addRow("Đánh giá nhiệm vụ:", self.task_combo)
        self.form.addRow("Xem xét báo cáo:", self.report_combo)
        self.title_edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(480)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        problem = _text_problem(self.title_edit.text(), "Chưa nhập nội dung.")
        return {"title": problem} if problem else {}


class AbsenceDialog(FormDialog):
    def __init__(self, name: str, is_member: bool, parent: QWidget | None = None) -> None:
        super().__init__(f"Vắng có lý do — {name}", parent)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText("VD: Đi công tác")
        self.written_check = QCheckBox("Có phiếu biểu quyết bằng văn bản", self)
        self.written_check.setEnabled(is_member)
        self.form.addRow("Lý do:", self.reason_edit)
        self.form.addRow("", self.written_check)
        self.reason_edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(420)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        problem = _text_problem(self.reason_edit.text(), "Chưa nhập lý do vắng.")
        return {"reason": problem} if problem else {}


class GuestDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Thêm khách mời", parent)
        self.name_edit = QLineEdit(self)
        self.position_edit = QLineEdit(self)
        self.position_edit.setPlaceholderText("VD: Đại diện Ban Thi đua, Khen thưởng tỉnh")
        self.form.addRow("Họ tên, cơ quan:", self.name_edit)
        self.form.addRow("Chức danh:", self.position_edit)
        self.name_edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(460)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        problem = _text_problem(self.name_edit.text(), "Chưa nhập tên khách mời.")
        return {"name": problem} if problem else {}


class MinutesDialog(FormDialog):
    """What was said and concluded on one agenda item, for the minutes."""

    def __init__(
        self, title: str, discussion: str, conclusion: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Biên bản — {title}", parent)
        self.discussion_edit = QPlainTextEdit(discussion, self)
        self.conclusion_edit = QPlainTextEdit(conclusion, self)
        for edit in (self.discussion_edit, self.conclusion_edit):
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(lambda: self.revalidate(True))
        self.form.addRow("Ý kiến thảo luận:", self.discussion_edit)
        self.form.addRow("Kết luận:", self.conclusion_edit)
        self.setMinimumSize(620, 380)
        self.revalidate()

    def problems(self) -> dict[str, str]:
        text = self.discussion_edit.toPlainText() + self.conclusion_edit.toPlainText()
        return (
            {"text": "Có ký tự điều khiển không hợp lệ; hãy gõ lại."}
            if has_control_chars(text)
            else {}
        )


BLOCK_COLOUR, WARN_COLOUR = "#b00020", "#8a5a00"


class ChooseProposalsDialog(FormDialog):
    """Tick the proposals to put before the meeting. One a condition of the Law holds back is
    listed greyed (not tickable), with why; one with warnings not yet overridden may be ticked,
    its warnings shown (the council sees them)."""

    def __init__(
        self, rows: Sequence[meeting_votes.AgendaCandidate], parent: QWidget | None = None
    ) -> None:
        super().__init__("Đưa đề nghị vào phiên họp", parent)
        self.rows = {r.id: r for r in rows}
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        for row in rows:
            entry = QListWidgetItem(self.list)
            entry.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.refusal:
                entry.setText(f"{row.text} — không đủ điều kiện")
                entry.setFlags(Qt.ItemFlag.NoItemFlags)
                entry.setForeground(QBrush(QColor(BLOCK_COLOUR)))
                entry.setToolTip(row.refusal)
                continue
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            if row.warnings:
                entry.setText(f"{row.text} — {len(row.warnings)} cảnh báo chưa xử lý")
                entry.setForeground(QBrush(QColor(WARN_COLOUR)))
                entry.setToolTip("\n".join(f"Cảnh báo: {w}" for w in row.warnings))
            else:
                entry.setText(row.text)
        self.warnings_label = QLabel(self)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(f"color: {WARN_COLOUR};")
        self.list.itemChanged.connect(lambda _item: self.revalidate(True))
        self.list.itemChanged.connect(self._show_warnings)
        held = sum(bool(r.refusal) for r in rows)
        note = QLabel(
            "Đề nghị có cảnh báo vẫn đưa vào được; Hội đồng xem xét cảnh báo khi biểu quyết. "
            + (
                f"{held} đề nghị không đủ điều kiện (chữ đỏ, di chuột để xem lý do) không chọn "
                "được: hãy bổ sung hoặc rút đề nghị ở thẻ Khen thưởng."
                if held
                else ""
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #4b5563;")
        # a year-end meeting takes hundreds: narrow the list, then tick what shows at once
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Lọc đề nghị (tên, danh hiệu; có dấu hoặc không dấu)…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.all_button = QPushButton("Chọn tất cả", self)
        self.all_button.setToolTip("Chọn mọi đề nghị đang hiện (trừ đề nghị không đủ điều kiện)")
        self.all_button.clicked.connect(lambda: self._tick_shown(Qt.CheckState.Checked))
        self.none_button = QPushButton("Bỏ chọn", self)
        self.none_button.setToolTip("Bỏ chọn mọi đề nghị đang hiện")
        self.none_button.clicked.connect(lambda: self._tick_shown(Qt.CheckState.Unchecked))
        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 1)
        tools.addWidget(self.all_button)
        tools.addWidget(self.none_button)
        self.form.addRow(tools)
        self.form.addRow(self.list)
        self.form.addRow(note)
        self.form.addRow(self.warnings_label)
        self.setMinimumSize(620, 460)
        self._show_warnings()
        self.revalidate()

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            row = self.rows[item.data(Qt.ItemDataRole.UserRole)]
            item.setHidden(not matches(text, row.search_key))

    def _tick_shown(self, state: Qt.CheckState) -> None:
        """Tick (or untick) every tickable proposal the filter shows, in one change."""
        self.list.blockSignals(True)
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                if not item.isHidden() and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    item.setCheckState(state)
        finally:
            self.list.blockSignals(False)
        self._show_warnings()
        self.revalidate(True)

    def chosen(self) -> list[int]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            pid = item.data(Qt.ItemDataRole.UserRole)
            if item.checkState() == Qt.CheckState.Checked and not self.rows[pid].refusal:
                out.append(pid)
        return out

    def chosen_warnings(self) -> list[str]:
        """The ticked proposals that have open warnings, one line each: who, what, what is wrong."""
        return [
            f"{self.rows[pid].text}: {'; '.join(self.rows[pid].warning_details)}"
            for pid in self.chosen()
            if self.rows[pid].warnings
        ]

    def _show_warnings(self, *_: object) -> None:
        warned = [pid for pid in self.chosen() if self.rows[pid].warnings]
        self.warnings_label.setText(
            f"{len(warned)} đề nghị đã chọn còn cảnh báo chưa xử lý." if warned else ""
        )

    def problems(self) -> dict[str, str]:
        return {} if self.chosen() else {"list": "Chưa chọn đề nghị nào."}
