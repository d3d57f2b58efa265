"""A searchable, sortable list of records, loaded off the GUI thread for the selected year."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.vntext import number_text
from ui import messages
from ui.models.record_table_model import Presorted, RecordTableModel
from ui.models.sort_proxy import RecordFilterProxy
from ui.tabs.loading import Loader, LoadingTab


class RecordListTab(LoadingTab):
    """Search box, count and table; subclasses add buttons to ``actions_layout``."""

    row_activated = Signal(object)

    def __init__(
        self,
        model: RecordTableModel[Any],
        loader: Loader,
        *,
        tables: frozenset[str],
        year_scoped: bool = True,
        noun: str = "bản ghi",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(loader, tables=tables, year_scoped=year_scoped, parent=parent)
        self.model = model
        self.noun = noun
        self._select_after_load: Callable[[Any], bool] | None = None
        self._row_buttons: list[QWidget] = []  # they act on the selected row
        self.idle_text = ""  # when set, why the list is empty (e.g. nothing chosen above it)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(model)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText("Tìm kiếm (gõ có dấu hoặc không dấu)…")
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.export_button = QPushButton("Xuất Excel…", self)
        self.export_button.setToolTip("Lưu danh sách đang hiển thị ra tệp Excel (.xlsx) hoặc CSV")
        self.actions_layout = QHBoxLayout()
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        top = self.search_layout = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        # the buttons get a row of their own, so that a list with many stays narrow
        buttons = QHBoxLayout()
        buttons.addLayout(self.actions_layout)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        # over the empty table: why it is empty and what to do (hidden while rows show)
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("emptyListLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #666; font-style: italic;")
        self.empty_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty_label.hide()
        QVBoxLayout(self.table.viewport()).addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.export_button.clicked.connect(self.export_rows)
        # a reset or a filter drops the selection without selectionChanged
        self.table.selectionModel().selectionChanged.connect(self._update_row_buttons)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsRemoved):
            signal.connect(self._update_row_buttons)

    def enable_with_selection(self, *buttons: QWidget) -> None:
        """Buttons that act on the selected row: enabled only while a row is selected."""
        self._row_buttons.extend(buttons)
        self._update_row_buttons()

    def _update_row_buttons(self, *_: object) -> None:
        selected = self.selected_row() is not None
        for button in self._row_buttons:
            button.setEnabled(selected)

    # --- loading -------------------------------------------------------------------
    def loading_started(self) -> None:
        self.count_label.setText("Đang tải…")

    def loading_failed(self) -> None:
        self.count_label.setText("Lỗi khi tải")

    def prepare_in_background(self) -> Callable[[Any], Any]:
        """Sort the new rows on the worker thread as the list is sorted now (no GUI freeze)."""
        column, order = self.proxy.sort_state()
        if column < 0:
            return lambda result: result
        model = self.model
        return lambda result: model.presorted(self.take_result(result), column, order)

    def show_result(self, result: Any) -> int:
        selected = self.selected_row()
        rows = result if isinstance(result, Presorted) else self.take_result(result)
        self.model.set_rows(rows)
        self.proxy.refresh()
        predicate = self._select_after_load
        self._select_after_load = None
        if predicate is None and selected is not None:
            ident = getattr(selected, "id", None)
            predicate = (lambda r: getattr(r, "id", None) == ident) if ident is not None else None
        if predicate is not None:
            self.select_where(predicate)
        self._update_count()
        return self.model.total_count()

    def take_result(self, result: Any) -> Sequence[Any]:
        """The rows out of what the loader returned (subclasses keep the rest)."""
        return result  # type: ignore[no-any-return]

    # --- search and selection ------------------------------------------------------
    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total_count()
        count, of = number_text(shown), number_text(total)
        text = f"{of} {self.noun}" if shown == total else f"{count} / {of} {self.noun}"
        self.count_label.setText(text)
        self.empty_label.setText(self.empty_text() if shown == 0 else "")
        self.empty_label.setVisible(shown == 0)

    empty_hint = ""  # what to do about an empty list, e.g. "Bấm Thêm (Ctrl+N) để thêm."

    def empty_text(self) -> str:
        """Shown over the table when no row shows."""
        if self.idle_text and not self.model.total_count():
            return self.idle_text
        query = self.search_edit.text().strip()
        if self.model.total_count():
            return f"Không có {self.noun} nào khớp với “{query}”." if query else ""
        return f"Chưa có {self.noun} nào. {self.empty_hint}".strip()

    def visible_rows(self) -> list[Any]:
        return [
            self.proxy.index(i, 0).data(Qt.ItemDataRole.UserRole + 1)
            for i in range(self.proxy.rowCount())
        ]

    def selected_row(self) -> Any | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        source_row = self.model.find_row(predicate)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def select_after_load(self, predicate: Callable[[Any], bool]) -> None:
        self._select_after_load = predicate

    def export_rows(self) -> Path | None:
        """Save the rows shown (searched and sorted as on screen) as XLSX or CSV."""
        name = self.noun.replace(",", "").replace(" ", "-")
        path = messages.save_file(
            self,
            "Xuất danh sách",
            Path.home() / f"danh-sach-{name}.xlsx",
            "Bảng tính Excel (*.xlsx);;CSV UTF-8 (*.csv)",
        )
        if path is None:
            return None
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        # imported here: openpyxl and the documents stack are not needed to start the app
        from app.exports.tables import export_table

        headers, rows = self.model.export_table()
        try:
            export_table(path, self.noun, headers, rows)
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        return path

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.row_activated.emit(self.model.row_at(self.proxy.mapToSource(index).row()))
