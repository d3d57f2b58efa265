"""Quyết định khen thưởng: the decisions of the year, each granting the proposals it covers;
their papers (the decision with its list, the certificates) and the year's submission
(tờ trình) previewed, printed and saved through the documents engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import decisions, trash
from app.decisions import DecisionRow
from app.errors import AppError, InUse
from db.enums import AwardLevel
from ui import messages
from ui.dialogs.decision_dialog import DecisionChoice, DecisionDialog
from ui.models.covered_table_model import CoveredTableModel
from ui.models.decision_table_model import DecisionTableModel
from ui.tabs.editable_list import EditableList

PAPERS = (
    ("decision", "Quyết định kèm danh sách", "quyet-dinh"),
    ("certificates", "Giấy khen (mỗi người một trang)", "giay-khen"),
)


class DecisionEditor:
    table = "decision"

    def __init__(self, today: date) -> None:
        self.today = today

    def open_dialog(self, parent: QWidget, row: DecisionRow | None) -> DecisionChoice | None:
        year = getattr(parent, "year", None) or self.today.year
        if row is None:
            data = decisions.default_input(year, self.today)
        else:
            data = decisions.decision_input(row.id)
        dialog = DecisionDialog(
            data,
            decisions.authorities(),
            decisions.candidate_rows(row.id if row else None, year, previous_year=True),
            row.id if row else None,
            parent,
        )
        return dialog.choice() if messages.run_dialog(dialog) else None

    def save(self, row: DecisionRow | None, choice: DecisionChoice) -> object:
        if row is None:
            return decisions.create_decision(choice.data, choice.proposal_ids)
        return decisions.update_decision(row.id, choice.data, choice.proposal_ids)

    def remove(self, row: DecisionRow) -> Callable[[], int]:
        trash_id = decisions.delete_decision(row.id, release=True)
        return lambda: trash.restore(trash_id)

    def describe(self, row: DecisionRow) -> str:
        return f"Quyết định số {row.number_symbol}"


class DecisionsPage(EditableList):
    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        self.today = today or date.today()
        super().__init__(
            DecisionEditor(self.today),
            DecisionTableModel(),
            decisions.decision_rows,
            tables=frozenset({"decision", "proposal", "person", "unit", "award_type"}),
            noun="quyết định",
            parent=parent,
        )
        self.papers_button = QToolButton(self)
        self.papers_button.setText("Văn bản")
        self.papers_button.setToolTip("Xem trước, in, lưu PDF hoặc Word (Ctrl+P)")
        self.papers_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Ctrl+P opens the menu (several papers, none the obvious one); live only while the page
        # is in front, as a button's shortcut is only while the button is shown.
        self.papers_button.setShortcut(QKeySequence("Ctrl+P"))
        menu = QMenu(self.papers_button)
        self.paper_actions: dict[str, QAction] = {}
        for kind, label, _slug in PAPERS:
            action = menu.addAction(f"{label}…")
            action.triggered.connect(lambda _checked=False, k=kind: self.preview_paper(k))
            self.paper_actions[kind] = action
        menu.addSeparator()
        self.submission_action = menu.addAction("Tờ trình của Hội đồng lên Giám đốc Sở…")
        self.submission_action.triggered.connect(lambda: self.preview_submission(None))
        self.upward_action = menu.addAction("Tờ trình của Sở lên Chủ tịch UBND tỉnh…")
        self.upward_action.triggered.connect(lambda: self.preview_submission(AwardLevel.PROVINCE))
        self.papers_button.setMenu(menu)
        self.actions_layout.addWidget(self.papers_button)
        self._build_detail()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    def _build_detail(self) -> None:
        """Under the list: the proposals the selected decision grants."""
        self.covered_label = QLabel(self)
        self.covered_model = CoveredTableModel(self)
        self.covered_view = QTableView(self)
        self.covered_view.setModel(self.covered_model)
        self.covered_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.covered_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.covered_view.setAlternatingRowColors(True)
        self.covered_view.verticalHeader().setVisible(False)
        self.covered_view.verticalHeader().setDefaultSectionSize(24)
        self.covered_view.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.covered_model.columns):
            self.covered_view.setColumnWidth(i, column.width)
        self.reprint_button = QPushButton("In lại giấy khen cho người đang chọn…", self)
        self.reprint_button.setToolTip(
            "Giấy khen của những dòng đang chọn bên dưới (chọn nhiều dòng bằng Ctrl hoặc Shift)"
        )
        self.reprint_button.clicked.connect(self.preview_reprint)
        self.covered_view.selectionModel().selectionChanged.connect(self._update_reprint)
        detail = QWidget(self)
        box = QVBoxLayout(detail)
        box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.covered_label, 1)
        head.addWidget(self.reprint_button)
        box.addLayout(head)
        box.addWidget(self.covered_view, 1)
        layout = self.layout()
        layout.removeWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def _update_actions(self, *_: object) -> None:
        row = self.selected_row()
        for action in self.paper_actions.values():
            action.setEnabled(row is not None)
        self.paper_actions["certificates"].setEnabled(bool(row and row.proposal_count))
        self._show_covered(row)

    def _show_covered(self, row: DecisionRow | None) -> None:
        if row is None:
            self.covered_model.set_rows([])
            self._update_reprint()
            self.covered_label.setText("Chọn một quyết định để xem các cá nhân, tập thể được khen.")
            return
        try:
            covered = decisions.covered_rows(row.id)
        except AppError:
            covered = []  # deleted meanwhile: the list reloads
        self.covered_model.set_rows(covered)
        self._update_reprint()
        self.covered_label.setText(
            f"Quyết định số {row.number_symbol} khen thưởng {len(covered)} cá nhân, tập thể:"
        )

    def show_result(self, result: object) -> int:
        count = super().show_result(result)
        self._update_actions()
        return count

    def delete_selected(self) -> None:
        """A decision that grants proposals is deleted only once the operator agrees that they
        go back to passed or sent up (EditableList asks the plain question otherwise)."""
        row = self.selected_row()
        if row is None or not row.proposal_count:
            super().delete_selected()
            return
        text = (
            f"Quyết định số {row.number_symbol} đang công nhận {row.proposal_count} đề nghị. "
            "Xóa quyết định thì các đề nghị này trở về trạng thái trước khi được khen thưởng "
            "(đã thông qua hoặc đã trình). Quyết định vào Thùng rác; khôi phục sẽ không tự gắn "
            "lại các đề nghị. Vẫn xóa?"
        )
        if not messages.confirm(self, "Xác nhận xóa", text, yes="Xóa", no="Không xóa"):
            return
        try:
            restore = self.editor.remove(row)
        except (AppError, InUse) as error:
            messages.show_app_error(self, error)
            return
        self.deleted(row, self.editor.describe(row), restore)

    # --- papers ---------------------------------------------------------------------
    def make_paper_preview(self, kind: str) -> object | None:
        # imported here: ReportLab and python-docx are not needed to start the app
        from app.reports import award_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        row = self.selected_row()
        if row is None:
            return None
        label, slug = next((lab, s) for k, lab, s in PAPERS if k == kind)
        build = award_report.DOCUMENTS[kind]
        name = f"{slug}-{row.number_symbol.replace('/', '-')}"
        job = DocumentJob(
            f"{label} — Quyết định số {row.number_symbol}", name, lambda: build(row.id)
        )
        return DocumentPreview(job, Path.home(), self)

    def _update_reprint(self, *_: object) -> None:
        self.reprint_button.setEnabled(bool(self.chosen_recipients()))

    def chosen_recipients(self) -> list[int]:
        """The ids of the proposals selected in the list under the decisions."""
        rows = self.covered_view.selectionModel().selectedRows()
        return [self.covered_model.row_at(index.row()).id for index in rows]

    def make_reprint_preview(self) -> object | None:
        from app.reports import award_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        row, chosen = self.selected_row(), self.chosen_recipients()
        if row is None or not chosen:
            return None
        name = f"giay-khen-{row.number_symbol.replace('/', '-')}-in-lai"
        job = DocumentJob(
            f"Giấy khen in lại ({len(chosen)}) — Quyết định số {row.number_symbol}",
            name,
            lambda: award_report.certificates_document(row.id, chosen),
        )
        return DocumentPreview(job, Path.home(), self)

    def preview_reprint(self) -> None:
        dialog = self.make_reprint_preview()
        if dialog is not None:
            messages.run_dialog(dialog)  # type: ignore[arg-type]

    def make_submission_preview(self, level: AwardLevel | None = None) -> object:
        """The council's submission to the Director, or the agency's to a higher level."""
        from app.reports import award_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        year = self.year or self.today.year
        to = f" ({level.label})" if level else ""
        job = DocumentJob(
            f"Tờ trình đề nghị khen thưởng năm {year}{to}",
            f"to-trinh-khen-thuong-{year}" + (f"-{level.value}" if level else ""),
            lambda: award_report.proposal_list_document(year, level=level),
        )
        return DocumentPreview(job, Path.home(), self)

    def preview_paper(self, kind: str) -> None:
        dialog = self.make_paper_preview(kind)
        if dialog is not None:
            messages.run_dialog(dialog)  # type: ignore[arg-type]

    def preview_submission(self, level: AwardLevel | None = None) -> None:
        messages.run_dialog(self.make_submission_preview(level))  # type: ignore[arg-type]
