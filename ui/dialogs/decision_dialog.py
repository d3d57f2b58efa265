"""Add or edit an award decision: number, symbol, date, authority, signer, legal bases, subject,
and the proposals it grants (only those the chosen authority may decide)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from app import decisions
from app.decisions import Authority, CandidateRow, DecisionInput
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.sizing import fit_to_screen
from ui.models.candidate_table_model import CandidateTableModel
from ui.models.record_table_model import ROW_ROLE
from ui.models.sort_proxy import RecordFilterProxy


@dataclass(frozen=True)
class DecisionChoice:
    """What the dialog returns: the decision and the proposals it covers."""

    data: DecisionInput
    proposal_ids: tuple[int, ...]


class DecisionDialog(FormDialog):
    def __init__(
        self,
        data: DecisionInput,
        authorities: Sequence[Authority],
        candidates: Sequence[CandidateRow],
        decision_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Sửa quyết định khen thưởng" if decision_id else "Thêm quyết định khen thưởng", parent
        )
        self.decision_id = decision_id
        self.authorities = list(authorities)
        self.candidates = list(candidates)
        self.number_edit = QLineEdit(data.number, self)
        self.number_edit.setPlaceholderText("VD: 125")
        self.symbol_edit = QLineEdit(data.symbol, self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        when = data.signed_on
        self.date_edit.setDate(QDate(when.year, when.month, when.day))
        self.authority_combo = QComboBox(self)
        for authority in self.authorities:
            self.authority_combo.addItem(
                f"{authority.name} ({authority.level.label})", authority.name
            )
        index = self.authority_combo.findData(data.authority)
        self.authority_combo.setCurrentIndex(max(index, 0))
        self.signer_authority_edit = QLineEdit(data.signer_authority, self)
        self.signer_authority_edit.setPlaceholderText("Để trống, hoặc KT. GIÁM ĐỐC")
        self.signer_title_edit = QLineEdit(data.signer_title, self)
        self.signer_name_edit = QLineEdit(data.signer_name, self)
        self.subject_edit = QLineEdit(data.subject, self)
        self.basis_edit = QPlainTextEdit(data.legal_basis, self)
        self.basis_edit.setTabChangesFocus(True)
        self.basis_edit.setFixedHeight(70)
        self.basis_edit.setToolTip("Mỗi căn cứ một dòng; dấu “;” và “.” cuối dòng được thêm khi in")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Lọc đề nghị (tên, đơn vị, danh hiệu)…")
        self.filter_edit.setClearButtonEnabled(True)
        self.candidate_model = CandidateTableModel(self)
        self.candidate_model.set_rows(self.candidates)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.candidate_model)
        self.proposal_view = QTableView(self)
        self.proposal_view.setModel(self.proxy)
        self.proposal_view.setSortingEnabled(True)
        self.proposal_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proposal_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.proposal_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposal_view.setAlternatingRowColors(True)
        self.proposal_view.setWordWrap(False)
        self.proposal_view.verticalHeader().setVisible(False)
        self.proposal_view.verticalHeader().setDefaultSectionSize(24)
        self.proposal_view.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.candidate_model.columns):
            self.proposal_view.setColumnWidth(i, column.width)
        self.proposal_view.setMinimumHeight(220)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)  # long: unwrapped it widened the dialog past 1000 px
        self.all_button = QPushButton("Chọn tất cả", self)
        self.none_button = QPushButton("Bỏ chọn", self)
        self._build_ui()
        self.candidate_model.level = self._level()
        self.candidate_model.set_checked(c.id for c in self.candidates if c.attached)
        self._connect_signals()
        self._update_count()
        fit_to_screen(self, 900, 680)
        self.revalidate()

    def _build_ui(self) -> None:
        number_row = QHBoxLayout()
        number_row.addWidget(self.number_edit, 1)
        number_row.addWidget(QLabel("/", self))
        number_row.addWidget(self.symbol_edit, 2)
        self.form.addRow("Số, ký hiệu:", number_row)
        self.form.addRow("Ngày ký:", self.date_edit)
        self.form.addRow("Cấp quyết định:", self.authority_combo)
        self.form.addRow("Trích yếu:", self.subject_edit)
        self.form.addRow("Căn cứ:", self.basis_edit)
        self.form.addRow("Quyền hạn ký:", self.signer_authority_edit)
        self.form.addRow("Chức vụ người ký:", self.signer_title_edit)
        self.form.addRow("Người ký:", self.signer_name_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter_edit, 1)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        self.form.addRow("Đề nghị được khen:", buttons)
        self.form.addRow(self.proposal_view)
        self.form.addRow(self.count_label)

    def _connect_signals(self) -> None:
        for edit in (self.number_edit, self.symbol_edit, self.signer_name_edit, self.subject_edit):
            edit.textChanged.connect(self.revalidate)
        self.date_edit.dateChanged.connect(self.revalidate)
        self.authority_combo.currentIndexChanged.connect(self._on_authority_changed)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.candidate_model.checked_changed.connect(self._update_count)
        self.all_button.clicked.connect(lambda: self._check_visible(True))
        self.none_button.clicked.connect(lambda: self._check_visible(False))

    def _level(self) -> object:
        name = self.authority_combo.currentData()
        return next((a.level for a in self.authorities if a.name == name), None)

    def _on_authority_changed(self) -> None:
        self.candidate_model.set_level(self._level())  # type: ignore[arg-type]
        self.revalidate(True)

    def _apply_filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def visible_ids(self) -> list[int]:
        return [self.proxy.index(i, 0).data(ROW_ROLE).id for i in range(self.proxy.rowCount())]

    def _check_visible(self, checked: bool) -> None:
        self.candidate_model.set_checked(self.visible_ids(), checked)

    def _update_count(self) -> None:
        self.count_label.setText(
            f"Đã chọn {len(self.proposal_ids())} / {self.candidate_model.usable_count()} đề nghị "
            "thuộc thẩm quyền của cấp này (đề nghị đã được Hội đồng thông qua hoặc đã trình, "
            "chưa có quyết định); đề nghị của cấp khác hiện màu xám."
        )

    def proposal_ids(self) -> list[int]:
        order = {c.id: i for i, c in enumerate(self.candidates)}
        return sorted(self.candidate_model.checked, key=lambda pid: order.get(pid, 0))

    def input(self) -> DecisionInput:
        qd = self.date_edit.date()
        return DecisionInput(
            number=self.number_edit.text(),
            symbol=self.symbol_edit.text(),
            signed_on=date(qd.year(), qd.month(), qd.day()),
            authority=self.authority_combo.currentData() or "",
            signer_authority=self.signer_authority_edit.text(),
            signer_title=self.signer_title_edit.text(),
            signer_name=self.signer_name_edit.text(),
            legal_basis=self.basis_edit.toPlainText(),
            subject=self.subject_edit.text(),
        )

    def choice(self) -> DecisionChoice:
        return DecisionChoice(self.input(), tuple(self.proposal_ids()))

    def problems(self) -> dict[str, str]:
        return decisions.validate_decision(self.input(), self.decision_id)
