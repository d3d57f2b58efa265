"""The selected proposal: what it is, its eligibility findings, its dossier, its log; the steps
of its lifecycle (submit, status changes, withdraw) and overriding a warning with a reason."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import eligibility, proposals
from app.eligibility import Finding
from app.errors import AppError
from app.proposals import ProposalDetail
from db.enums import ProposalStatus
from ui import messages
from ui.dialogs.proposal_dialog import finding_item
from ui.dialogs.proposal_parts import ReferenceDialog, StepDialog

S = ProposalStatus
STEP_NAMES = {
    S.DRAFT: "Trả về dự thảo",
    S.BEFORE_COUNCIL: "Trình Hội đồng",
    S.PASSED: "Hội đồng thông qua",
    S.FAILED: "Không được thông qua",
    S.SENT_UP: "Trình cấp trên",
    S.GRANTED: "Được khen thưởng",
    S.NOT_GRANTED: "Không được khen thưởng",
}


class ProposalDetailPane(QWidget):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.proposal_id: int | None = None
        self.review_on = today
        self.detail: ProposalDetail | None = None
        self.findings: list[Finding] = []
        self._build_ui()
        self._connect_signals()
        self.set_proposal(None)

    def _build_ui(self) -> None:
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.submit_button = QPushButton("Trình Hội đồng…", self)
        self.submit_button.setToolTip(
            "Kiểm tra điều kiện rồi đưa đề nghị vào danh sách trình Hội đồng"
        )
        self.step_button = QToolButton(self)
        self.step_button.setText("Chuyển trạng thái")
        self.step_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.step_menu = QMenu(self.step_button)
        self.step_menu.setToolTipsVisible(True)  # a greyed step says why
        self.step_button.setMenu(self.step_menu)
        self.withdraw_button = QPushButton("Rút đề nghị…", self)
        actions = QHBoxLayout()
        for w in (self.submit_button, self.step_button, self.withdraw_button):
            actions.addWidget(w)
        actions.addStretch(1)
        self.pages = QTabWidget(self)
        self.findings_list = QListWidget(self)
        self.findings_list.setWordWrap(True)
        self.findings_list.setSpacing(3)
        self.override_button = QPushButton("Bỏ qua cảnh báo…", self)
        self.recheck_button = QPushButton("Kiểm tra lại", self)
        self.review_label = QLabel(self)
        self.review_label.setStyleSheet("color: #4b5563;")
        self.pages.addTab(
            self._page(
                self.findings_list, self.override_button, self.recheck_button, self.review_label
            ),
            "Điều kiện",
        )
        self.dossier_list = QListWidget(self)
        self.reference_button = QPushButton("Số văn bản / tệp…", self)
        self.reference_button.setToolTip("Ghi số, ngày văn bản hoặc đường dẫn tệp của mục hồ sơ")
        self.pages.addTab(self._page(self.dossier_list, self.reference_button), "Hồ sơ")
        self.events_list = QListWidget(self)
        self.events_list.setWordWrap(True)
        self.events_list.setSpacing(1)
        self.pages.addTab(self._page(self.events_list), "Nhật ký")
        left = QVBoxLayout()
        left.addLayout(actions)
        left.addWidget(self.summary, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(self.pages, 3)

    def _page(self, main: QWidget, *buttons: QWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(main, 1)
        if buttons:
            row = QHBoxLayout()
            for b in buttons:
                row.addWidget(b)
            row.addStretch(1)
            layout.addLayout(row)
        return page

    def _connect_signals(self) -> None:
        self.submit_button.clicked.connect(self.submit)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.override_button.clicked.connect(self.override_selected)
        self.recheck_button.clicked.connect(self.refresh)
        self.reference_button.clicked.connect(self.edit_reference)
        self.dossier_list.itemChanged.connect(self._on_dossier_item_changed)
        self.findings_list.currentRowChanged.connect(self._update_buttons)
        self.findings_list.itemDoubleClicked.connect(self._on_finding_double_clicked)

    # --- showing ------------------------------------------------------------------------------
    def set_proposal(self, proposal_id: int | None) -> None:
        self.proposal_id = proposal_id
        self.refresh()

    def refresh(self) -> None:
        self.findings_list.clear()
        self.events_list.clear()
        self.dossier_list.blockSignals(True)
        self.dossier_list.clear()
        self.dossier_list.blockSignals(False)
        self.detail, self.findings = None, []
        if self.proposal_id is not None:
            try:
                self.detail = proposals.proposal_detail(self.proposal_id)
            except AppError:
                self.proposal_id = None
        if self.detail is None:
            self.summary.setText("<i>Chọn một đề nghị trong danh sách để xem chi tiết.</i>")
            self._update_buttons()
            return
        self.summary.setText(_summary_html(self.detail))
        self.review_on = eligibility.review_date(self.detail.id, self.today)
        self.review_label.setText(f"Quy định áp dụng ngày {self.review_on:%d/%m/%Y}")
        self.findings = eligibility.check_proposal(self.detail.id, self.review_on)
        for finding in self.findings:
            self.findings_list.addItem(finding_item(finding))
        if not self.findings:
            self.findings_list.addItem("Không phát hiện vấn đề theo các quy định đang áp dụng.")
        self.pages.setTabText(0, f"Điều kiện ({len(eligibility.open_findings(self.findings))})")
        self.dossier_list.blockSignals(True)
        dossier = proposals.dossier_rows(self.detail.id)
        self.pages.setTabText(1, f"Hồ sơ ({sum(r.attached for r in dossier)}/{len(dossier)})")
        for row in dossier:
            text = row.title + (f" — {row.reference}" if row.reference else "")
            item = QListWidgetItem(text, self.dossier_list)
            item.setData(Qt.ItemDataRole.UserRole, row)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.attached else Qt.CheckState.Unchecked)
        self.dossier_list.blockSignals(False)
        for event in proposals.event_rows(self.detail.id):
            self.events_list.addItem(f"{event.happened_on:%d/%m/%Y}  {event.text}")
        self._fill_steps()
        self._update_buttons()

    def _fill_steps(self) -> None:
        self.step_menu.clear()
        if self.detail is None:
            return
        held = dict(self.detail.by_decision)
        for status in ProposalStatus:
            if status in held:  # a decision takes this step: shown greyed, with where to go
                text = (
                    "Được khen thưởng (qua Quyết định)"
                    if status is S.GRANTED
                    else f"{STEP_NAMES[status]} (gỡ khỏi Quyết định trước)"
                )
                action = self.step_menu.addAction(text)
                action.setEnabled(False)
                action.setToolTip(held[status])
            elif status in self.detail.allowed and status is not S.BEFORE_COUNCIL:
                # (before the council: the submit button, which checks eligibility first)
                action = self.step_menu.addAction(f"{STEP_NAMES[status]}…")
                action.triggered.connect(lambda _c=False, s=status: self.step(s))

    def _update_buttons(self, *_: object) -> None:
        d = self.detail
        self.submit_button.setEnabled(d is not None and S.BEFORE_COUNCIL in d.allowed)
        steps = any(a.isEnabled() for a in self.step_menu.actions())
        self.step_button.setEnabled(steps)
        self.step_button.setToolTip(_steps_tip(d, steps))
        self.withdraw_button.setEnabled(d is not None and d.status not in (S.WITHDRAWN, S.GRANTED))
        self.withdraw_button.setToolTip(_withdraw_tip(d))
        chosen = self.selected_finding()
        self.override_button.setEnabled(
            chosen is not None and not chosen.blocking and not chosen.overridden
        )
        self.reference_button.setEnabled(d is not None and self.dossier_list.count() > 0)
        self.recheck_button.setEnabled(d is not None)

    def _on_finding_double_clicked(self, _item: QListWidgetItem) -> None:
        if self.override_button.isEnabled():
            self.override_selected()

    def selected_finding(self) -> Finding | None:
        item = self.findings_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, Finding) else None

    # --- actions ------------------------------------------------------------------------------
    def _run(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except AppError as error:
            messages.show_app_error(self, error)
            return False
        self.refresh()
        return True

    def submit(self) -> None:
        if self.detail is None:
            return
        d = self.detail
        dialog = StepDialog(
            "Trình Hội đồng",
            f"Trình Hội đồng đề nghị “{d.award_name}” cho {d.recipient_name}.",
            self.today,
            parent=self,
        )
        if not messages.run_dialog(dialog):
            return
        opened: list[Finding] = []

        def go() -> None:
            opened.extend(eligibility.submit_to_council(d.id, dialog.on(), dialog.note()))

        if self._run(go) and opened:
            messages.show_info(
                self,
                "Trình Hội đồng",
                "Đã trình Hội đồng. Còn cảnh báo chưa xử lý:\n"
                + "\n".join(f"- {f.message}" for f in opened),
            )

    def step(self, status: ProposalStatus) -> None:
        if self.detail is None:
            return
        d = self.detail
        dialog = StepDialog(
            STEP_NAMES[status],
            f"Đề nghị “{d.award_name}” cho {d.recipient_name}: "
            f"“{d.status.label}” → “{status.label}”.",
            self.today,
            note_label="Căn cứ, ghi chú:",
            parent=self,
        )
        if messages.run_dialog(dialog):
            self._run(
                lambda: proposals.transition(d.id, status, on=dialog.on(), note=dialog.note())
            )

    def withdraw(self) -> None:
        if self.detail is None:
            return
        d = self.detail
        dialog = StepDialog(
            "Rút đề nghị",
            f"Rút đề nghị “{d.award_name}” cho {d.recipient_name}. Đề nghị được giữ lại "
            "với lý do rút; không xóa.",
            self.today,
            note_label="Lý do rút:",
            required=True,
            parent=self,
        )
        if messages.run_dialog(dialog):
            self._run(lambda: proposals.withdraw(d.id, dialog.note(), dialog.on()))

    def override_selected(self) -> None:
        finding = self.selected_finding()
        if finding is None or self.detail is None:
            return
        pid = self.detail.id
        dialog = StepDialog(
            "Bỏ qua cảnh báo",
            f"{finding.message}\nGhi lý do chấp nhận cảnh báo này; lý do được lưu vào nhật ký.",
            self.review_on,
            note_label="Lý do:",
            required=True,
            parent=self,
        )
        if messages.run_dialog(dialog):
            self._run(
                lambda: eligibility.override(pid, finding.rule_code, dialog.note(), dialog.on())
            )

    def _on_dossier_item_changed(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        attached = item.checkState() == Qt.CheckState.Checked
        self._run(lambda: proposals.set_dossier_item(row.id, attached, row.reference))

    def edit_reference(self) -> None:
        item = self.dossier_list.currentItem() or self.dossier_list.item(0)
        if item is None:
            return
        row = item.data(Qt.ItemDataRole.UserRole)
        dialog = ReferenceDialog(row.title, row.reference, self)
        if messages.run_dialog(dialog):
            reference = dialog.reference()
            self._run(lambda: proposals.set_dossier_item(row.id, True, reference))


def _steps_tip(d: ProposalDetail | None, any_step: bool) -> str:
    if any_step or d is None:
        return "Chuyển đề nghị sang trạng thái khác (ghi ngày, căn cứ)"
    if d.by_decision:
        return d.by_decision[0][1]
    if d.status is S.DRAFT:
        return "Đề nghị dự thảo: dùng “Trình Hội đồng…” (kiểm tra điều kiện trước)"
    return f"Không có bước chuyển trạng thái nào từ “{d.status.label}”"


def _withdraw_tip(d: ProposalDetail | None) -> str:
    if d is not None and d.status is S.GRANTED:
        where = d.decision_text or "quyết định khen thưởng"
        return (
            f"Đề nghị đã được khen thưởng ({where}); không rút được. Nếu quyết định thay đổi, "
            "hãy gỡ đề nghị khỏi quyết định ở trang Quyết định"
        )
    if d is not None and d.status is S.WITHDRAWN:
        return "Đề nghị đã rút"
    return "Rút đề nghị (giữ lại, ghi lý do)"


def _summary_html(d: ProposalDetail) -> str:
    lines = [
        f"<b style='font-size:13pt'>{escape(d.recipient_name)}</b>"
        + (f" — {escape(d.unit_name)}" if d.unit_name and d.unit_name != d.recipient_name else ""),
        f"<b>{escape(d.award_name)}</b> năm {d.year} ({escape(d.award_level.label)}, "
        f"{escape(d.granting_authority)} quyết định)",
        f"Loại hình: {escape(d.kind.label)}"
        + (f"; thời kỳ: {escape(d.period)}" if d.period else ""),
        f"Trạng thái: <b>{escape(d.status.label)}</b>",
    ]
    if d.campaign_name:
        lines.append(f"Phong trào: {escape(d.campaign_name)}")
    if d.meeting_title:
        lines.append(f"Phiên họp: {escape(d.meeting_title)}")
    if d.decision_text:
        lines.append(escape(d.decision_text))
        if d.status is S.GRANTED and d.by_decision:
            lines.append(
                "<span style='color:#4b5563'>Trạng thái theo quyết định: muốn thay đổi, hãy gỡ "
                "đề nghị khỏi quyết định ở trang Quyết định.</span>"
            )
    if d.withdrawn_reason:
        lines.append(f"Lý do rút: {escape(d.withdrawn_reason)}")
    if d.achievements:
        lines.append(f"Thành tích: {escape(d.achievements)}")
    if d.initiative:
        lines.append(f"Sáng kiến, đề tài: {escape(d.initiative)}")
    return "<br>".join(lines)
