"""Kế hoạch: the selected year's plan as a tree to edit (with undo), follow up and copy on."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import people, plan, plan_copy, plan_edit
from app.errors import AppError
from app.plan import PlanDoc, PlanItemRow
from app.plan_edit import ItemInput
from db.enums import ItemKind
from ui import messages
from ui.models.plan_tree_model import PlanFilterProxy, PlanTreeModel
from ui.models.timeline_model import TimelineModel
from ui.plan_commands import (
    MOVE_TEXTS,
    AddItemCommand,
    DeleteItemCommand,
    EditItemCommand,
    HeaderCommand,
    MoveItemCommand,
)
from ui.tabs.loading import LoadingTab
from ui.tabs.plan_detail import PlanItemDetail

if TYPE_CHECKING:  # the dialogs open on a click: imported then (make bench: cold start)
    from ui.dialogs.audit_dialog import HistoryDialog
    from ui.dialogs.document_preview import DocumentPreview


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class PlanTab(LoadingTab):
    year_requested = Signal(int)

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        self.today = today or date.today()
        super().__init__(
            self._load,
            tables=frozenset({"plan", "plan_item", "plan_item_unit", "progress_note", "unit"}),
            parent=parent,
        )
        self.doc: PlanDoc | None = None
        self.units: list[people.UnitRow] = []
        self._select_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self.model = PlanTreeModel(self)
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.timeline_model = TimelineModel(self)
        self._build_ui()
        self._connect_signals()
        self._update_actions()

    def _load(self, year: int | None) -> tuple[PlanDoc | None, list[people.UnitRow]]:
        doc = None if year is None else plan.load_plan(year, self.today)
        return doc, people.unit_rows()

    # --- construction -------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        self.header_button = QPushButton("Thông tin văn bản…", self)
        self.create_button = QPushButton(self)
        self.next_year_button = QPushButton("Tạo kế hoạch năm sau…", self)
        self.preview_button = QPushButton("Xem trước, in…", self)
        self.preview_button.setToolTip("Xem văn bản kế hoạch, in, lưu PDF hoặc Word (Ctrl+P)")
        self.preview_button.setShortcut(QKeySequence("Ctrl+P"))
        header_row = QHBoxLayout()
        header_row.addWidget(self.header_label, 1)
        for button in (
            self.create_button,
            self.header_button,
            self.preview_button,
            self.next_year_button,
        ):
            header_row.addWidget(button)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("Tìm trong kế hoạch (gõ có dấu hoặc không dấu)…")
        self.search_edit.setClearButtonEnabled(True)
        self.due_check = QCheckBox("Chỉ việc đến hạn tháng này", self)
        self.count_label = QLabel(self)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.due_check)
        search_row.addWidget(self.count_label)
        self.toolbar = QToolBar(self)
        self.add_action = self._action("Thêm mục", "Ctrl+N", self.add_sibling)
        self.add_child_action = self._action("Thêm mục con", "Ctrl+Shift+N", self.add_child)
        self.edit_action = self._action("Sửa", "F2", self.edit_selected)
        self.delete_action = self._action(
            "Xóa", QKeySequence.StandardKey.Delete, self.delete_selected
        )
        self.toolbar.addSeparator()
        self.move_actions = {
            "up": self._action("Lên", "Alt+Up", lambda: self.move_selected("up")),
            "down": self._action("Xuống", "Alt+Down", lambda: self.move_selected("down")),
            "indent": self._action("Lùi vào", "Alt+Right", lambda: self.move_selected("indent")),
            "outdent": self._action("Lùi ra", "Alt+Left", lambda: self.move_selected("outdent")),
        }
        self.toolbar.addSeparator()
        self.undo_action = self.undo_stack.createUndoAction(self, "Hoàn tác")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "Làm lại")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            self.toolbar.addAction(action)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for column, width in enumerate(PlanTreeModel.WIDTHS):
            self.tree.setColumnWidth(column, width)
        self.detail = PlanItemDetail(self.today, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.timeline = QTableView(self)
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setColumnWidth(0, 420)
        for month in range(1, 13):
            self.timeline.setColumnWidth(month, 40)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.views = QTabWidget(self)
        self.views.addTab(splitter, "Cây kế hoạch")
        self.views.addTab(self.timeline, "Tiến độ 12 tháng")
        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addLayout(search_row)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.views, 1)

    def _action(self, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._apply_filter)
        self.due_check.toggled.connect(self._apply_filter)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection_changed)
        self.tree.doubleClicked.connect(self._on_tree_double_clicked)
        self.header_button.clicked.connect(self.edit_header)
        self.create_button.clicked.connect(self.create_plan)
        self.next_year_button.clicked.connect(self.copy_to_next_year)
        self.preview_button.clicked.connect(self.preview)
        self.detail.note_added.connect(self._remember)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)

    # --- loading ----------------------------------------------------------------------------
    def loading_started(self) -> None:
        self.count_label.setText("Đang tải…")

    def show_result(self, result: tuple[PlanDoc | None, list[people.UnitRow]]) -> int:
        doc, self.units = result
        if doc is None or self.doc is None or doc.id != self.doc.id:
            self.undo_stack.clear()
        keep = self._select_id if self._select_id is not None else self._selected_id()
        self._select_id = None
        self.doc = doc
        rows = list(doc.items) if doc else []
        self.model.set_rows(rows)
        month = self.today.month if doc and doc.year == self.today.year else 0
        self.timeline_model.set_rows(rows, month)
        self.tree.expandAll()
        self._show_header()
        if keep is not None:
            self.select_item(keep)
        self._update_count()
        self._update_actions()
        return len(rows)

    def _show_header(self) -> None:
        doc = self.doc
        self.header_button.setEnabled(doc is not None)
        self.preview_button.setEnabled(doc is not None)
        self.next_year_button.setEnabled(doc is not None)
        year = self.year
        self.create_button.setVisible(doc is None and year is not None)
        self.create_button.setText(f"Tạo kế hoạch năm {year}" if year else "")
        if doc is None:
            self.header_label.setText(
                "<i>Chọn một năm để xem kế hoạch.</i>"
                if year is None
                else f"<i>Chưa có kế hoạch năm {year}.</i>"
            )
            return
        title = " ".join(doc.title.split())
        if doc.symbol:
            number = f"Số: {doc.number or '…'}/{doc.symbol}"
        else:
            number = f"Số: {doc.number}" if doc.number else "Chưa có số, ký hiệu"
        signer = " ".join(x for x in (doc.signer_authority, doc.signer_title, doc.signer_name) if x)
        self.header_label.setText(
            f"<b>{_escape(doc.doc_type)} {_escape(title)}</b><br>"
            f"{_escape(number)} — Người ký: {_escape(signer) or '—'}"
        )

    def _update_count(self) -> None:
        tasks = [r for r in self.model.rows() if r.is_task]
        overdue = sum(r.overdue for r in tasks)
        due = sum(r.due_this_month for r in tasks)
        text = f"{len(tasks)} nhiệm vụ, {due} đến hạn tháng này"
        self.count_label.setText(text + (f", {overdue} quá hạn" if overdue else ""))

    def _apply_filter(self, *_: object) -> None:
        self.proxy.set_filter(self.search_edit.text(), self.due_check.isChecked())
        self.tree.expandAll()

    # --- selection ----------------------------------------------------------------------------
    def selected_row(self) -> PlanItemRow | None:
        indexes = self.tree.selectionModel().selectedRows()
        return self.model.row_for(self.proxy.mapToSource(indexes[0])) if indexes else None

    def _selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def select_item(self, item_id: int) -> bool:
        index = self.proxy.mapFromSource(self.model.index_of(item_id))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def visible_rows(self) -> list[PlanItemRow]:
        out: list[PlanItemRow] = []

        def walk(parent: QModelIndex) -> None:
            for i in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(i, 0, parent)
                row = self.model.row_for(self.proxy.mapToSource(index))
                if row is not None:
                    out.append(row)
                walk(index)

        walk(QModelIndex())
        return out

    def _on_tree_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self.detail.show_row(self.selected_row(), self.today)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.selected_row()
        for action in (
            self.add_action,
            self.add_child_action,
            self.edit_action,
            self.delete_action,
        ):
            action.setEnabled(row is not None)
        for name, action in self.move_actions.items():
            action.setEnabled(row is not None and plan_edit.target_for(row.id, name) is not None)

    # --- editing ------------------------------------------------------------------------------
    def _on_error(self, error: AppError) -> None:
        messages.show_app_error(self, error)
        self.mark_stale()

    def _remember(self, item_id: int | None) -> None:
        self._select_id = item_id

    def _on_tree_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        """After an undo or redo, select the item the command touched once the tree reloads."""
        command = self.undo_stack.command(self.undo_stack.index() - 1)
        item_id = getattr(command, "item_id", None) if command is not None else None
        self._remember(item_id)

    def _push(self, make: Any) -> None:
        try:
            command = make()
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self._remember(command.item_id)
        self.undo_stack.push(command)

    def _ask_item(self, data: ItemInput | None, kind: ItemKind = ItemKind.ITEM) -> ItemInput | None:
        from ui.dialogs.plan_item_dialog import PlanItemDialog

        year = self.doc.year if self.doc else self.today.year
        dialog = PlanItemDialog(self.units, year, data, self)
        dialog.kind = kind
        return dialog.input() if messages.run_dialog(dialog) else None

    def add_sibling(self) -> None:
        row = self.selected_row()
        if self.doc is None or row is None:
            return
        data = self._ask_item(None, row.kind)
        if data is not None:
            place = plan_edit.place_of(row.id)
            self._push(
                lambda: AddItemCommand(
                    self.doc.id, place.parent_id, place.position + 1, data, self._on_error
                )
            )  # type: ignore[union-attr]

    def add_child(self) -> None:
        row = self.selected_row()
        if self.doc is None or row is None:
            return
        data = self._ask_item(None)
        if data is not None:
            self._push(lambda: AddItemCommand(self.doc.id, row.id, None, data, self._on_error))  # type: ignore[union-attr]

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        data = self._ask_item(plan_edit.item_input(row.id), row.kind)
        if data is not None:
            self._push(lambda: EditItemCommand(row.id, data, self._on_error))

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        links = plan_edit.links(row.id)
        text = f"Xóa mục “{row.label} {' '.join(row.title.split())[:80]}” và các mục con?"
        if links.total:
            text += f"\n\nMục này đang được liên kết với {links.describe()}; các liên kết sẽ bị gỡ."
        text += "\n\nCó thể hoàn tác bằng Ctrl+Z."
        if messages.confirm(self, "Xác nhận xóa", text, yes="Xóa", no="Không xóa"):
            self._push(lambda: DeleteItemCommand(row.id, self._on_error))

    def show_history(self) -> HistoryDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        from ui.dialogs.audit_dialog import HistoryDialog

        dialog = HistoryDialog(
            "plan_item", row.id, f"mục {row.label} {' '.join(row.title.split())[:60]}", self
        )
        dialog.show()
        return dialog

    def move_selected(self, direction: str) -> None:
        row = self.selected_row()
        if row is None:
            return
        target = plan_edit.target_for(row.id, direction)
        if target is not None:
            self._push(
                lambda: MoveItemCommand(row.id, target, MOVE_TEXTS[direction], self._on_error)
            )

    def edit_header(self) -> None:
        if self.doc is None:
            return
        from ui.dialogs.plan_header_dialog import PlanHeaderDialog

        dialog = PlanHeaderDialog(plan_edit.header_of(self.doc.id), self.doc.year, self)
        if messages.run_dialog(dialog):
            header = dialog.header()
            self._push(lambda: HeaderCommand(self.doc.id, header, self._on_error))  # type: ignore[union-attr]

    def create_plan(self) -> None:
        if self.year is None:
            return
        try:
            plan_edit.create_plan(self.year)
        except AppError as error:
            messages.show_app_error(self, error)

    def make_preview(self) -> DocumentPreview | None:
        # imported here: ReportLab and python-docx are not needed to start the app
        from app.reports import plan_report
        from ui.dialogs.document_preview import DocumentJob, DocumentPreview

        if self.doc is None:
            return None
        year = self.doc.year
        job = DocumentJob(
            title=f"Kế hoạch năm {year}",
            suggested_name=f"ke-hoach-tdkt-{year}",
            build=lambda: plan_report.plan_document_for_year(year),
        )
        return DocumentPreview(job, Path.home(), self)

    def preview(self) -> None:
        dialog = self.make_preview()
        if dialog is not None:
            messages.run_dialog(dialog)

    def copy_to_next_year(self) -> None:
        from ui.dialogs.next_year_dialog import NextYearDialog

        if self.doc is None:
            return
        try:
            draft = plan_copy.next_year_draft(self.doc.id)
            if not messages.run_dialog(NextYearDialog(draft, self)):
                return
            plan_copy.save_draft(draft)
        except AppError as error:
            messages.show_app_error(self, error)
            return
        self.year_requested.emit(draft.year)
