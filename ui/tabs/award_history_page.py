"""Lịch sử khen thưởng: pick a person or a unit, see its titles and awards year by year and what
it may be proposed for next year; and "Đủ điều kiện đề nghị năm N+1" for the whole agency."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import award_history, evaluations
from app.award_history import EligibleRow, History, RecipientRow
from app.errors import AppError
from db.enums import RecipientKind
from ui import messages
from ui.dialogs.evaluation_dialog import EvaluationDialog
from ui.models.award_history_table_models import (
    EligibleTableModel,
    RecipientTableModel,
    SuggestionTableModel,
    YearTableModel,
)
from ui.models.record_table_model import RecordTableModel
from ui.tabs.fit_columns import fit_columns
from ui.tabs.list_tab import RecordListTab

TABLES = frozenset({"proposal", "person", "unit", "evaluation", "decision", "award_rule"})


def _through(year: int | None, today: date) -> int:
    """The last year of history looked at: the selected year, or the window's current one for all
    years."""
    return year if year is not None else today.year


def _fit(table: QTableView, model: RecordTableModel[Any], fixed: Collection[int]) -> None:
    """Columns fill the table's width: those in ``fixed`` keep theirs, the text ones share the
    rest and elide, the whole text in a tooltip (a small screen showed half the columns)."""
    widths = [column.width for column in model.columns]
    fit_columns(table, widths, [i for i in range(len(widths)) if i not in fixed])


def _table(model: RecordTableModel[Any], parent: QWidget, fixed: Collection[int]) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    _fit(table, model, fixed)
    return table


class HistoryDetail(QWidget):
    """One recipient's years and next year's suggestions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: History | None = None
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.title_label.setWordWrap(True)
        self.evaluation_button = QPushButton(self)
        self.evaluation_button.setToolTip(
            "Ghi xếp loại, kỷ luật và sáng kiến của năm cho cá nhân, tập thể đang chọn"
        )
        self.years = YearTableModel(self)
        self.suggestions = SuggestionTableModel(self)
        self.years_table = _table(
            self.years, self, (YearTableModel.COL_YEAR, YearTableModel.COL_DISC)
        )
        self.suggestions_label = QLabel(self)
        self.suggestions_label.setStyleSheet("font-weight: bold;")
        self.suggestions_table = _table(self.suggestions, self, ())
        self.note_label = QLabel(
            "Gợi ý tính từ lịch sử đã ghi nhận và các quy định đang áp dụng trong Danh mục; "
            "Hội đồng vẫn xét từng trường hợp.",
            self,
        )
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #555;")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.evaluation_button)
        top_layout.addLayout(title_row)
        top_layout.addWidget(self.years_table, 1)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.suggestions_label)
        bottom_layout.addWidget(self.suggestions_table, 1)
        bottom_layout.addWidget(self.note_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.show_history(None)

    def show_history(self, history: History | None) -> None:
        self.history = history
        self.evaluation_button.setEnabled(history is not None)
        if history is not None:
            self.evaluation_button.setText(f"Ghi kết quả năm {history.through_year}…")
        if history is None:
            self.evaluation_button.setText("Ghi kết quả năm…")
            self.title_label.setText("Chọn một cá nhân hoặc tập thể ở danh sách bên trái.")
            self.years.set_rows([])
            self.suggestions.set_rows([])
            self.suggestions_label.setText("")
            return
        where = f" — {history.unit_name}" if history.unit_name else ""
        count = len(history.years)
        self.title_label.setText(
            f"{history.name}{where}: "
            + (
                f"{count} năm có kết quả đến năm {history.through_year}"
                if count
                else f"chưa có danh hiệu, khen thưởng hay xếp loại nào đến năm {history.through_year}"
            )
        )
        self.years.set_rows(list(history.years))
        self.suggestions.set_rows(list(history.suggestions))
        self.suggestions_label.setText(
            f"Đủ điều kiện đề nghị năm {history.next_year}"
            + ("" if history.suggestions else ": chưa có gợi ý nào từ lịch sử")
        )


class AwardHistoryPage(RecordListTab):
    """People and units on the left, the selected one's history on the right."""

    status_message = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        self.today = today
        super().__init__(
            RecipientTableModel(),
            lambda _year: award_history.recipients(),
            tables=TABLES,
            year_scoped=False,
            noun="cá nhân, tập thể",
            parent=parent,
        )
        self.export_button.hide()  # the list of names is the directory's; nothing to export here
        self.import_button = QPushButton("Nhập kết quả đánh giá…", self)
        self.import_button.setToolTip(
            "Nhập kết quả đánh giá, xếp loại cuối năm của cả đơn vị từ tệp Excel hoặc Word (có "
            "tệp mẫu để gửi đơn vị)"
        )
        self.actions_layout.addWidget(self.import_button)
        self.import_button.clicked.connect(self.import_ratings)
        self.detail = HistoryDetail(self)
        layout = self.layout()
        layout.removeWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([400, 880])  # the list's share: a name and a unit read whole at 1280 px
        _fit(self.table, self.model, (RecipientTableModel.COL_KIND,))
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.rows_loaded.connect(self._on_selection_changed)
        self.detail.evaluation_button.clicked.connect(self.edit_evaluation)

    def edit_evaluation(self) -> None:
        """The selected one's result of the year shown: rating, discipline, initiative."""
        history = self.detail.history
        if history is None:
            return
        kind, rid, year = history.recipient_kind, history.recipient_id, history.through_year
        dialog = EvaluationDialog(
            history.name, year, evaluations.evaluation_input(kind, rid, year), self
        )
        if not messages.run_dialog(dialog):
            return
        try:
            evaluations.save_evaluation(kind, rid, year, dialog.input())
        except AppError as error:
            messages.show_app_error(self, error)
        self.refresh_detail()

    def import_ratings(self) -> None:
        # reads Excel and Word (openpyxl, python-docx): imported on the first click
        from ui.dialogs.rating_import_dialog import open_rating_import_dialog

        result = open_rating_import_dialog(self, _through(self.year, self.today))
        if result is not None:  # the lists reload on the change itself; this says so
            self.status_message.emit(f"Đã nhập kết quả đánh giá của {result.written} đối tượng.")

    def set_year(self, year: int | None) -> None:
        if year != self.year:
            self.year = year
            self.refresh_detail()

    def on_data_changed(self, tables: frozenset[str]) -> None:
        super().on_data_changed(tables)
        if tables & TABLES:
            self.refresh_detail()

    def _on_selection_changed(self, *_: QItemSelection | int) -> None:
        self.refresh_detail()

    def show_recipient(self, kind: RecipientKind, recipient_id: int) -> None:
        """Select one person or unit (now, or once the list has loaded)."""
        self.search_edit.clear()

        def wanted(r: RecipientRow) -> bool:
            return r.recipient_kind is kind and r.id == recipient_id

        if not self.select_where(wanted):
            self.select_after_load(wanted)

    def refresh_detail(self) -> None:
        row: RecipientRow | None = self.selected_row()
        if row is None:
            self.detail.show_history(None)
            return
        try:
            history = award_history.history(
                row.recipient_kind, row.id, _through(self.year, self.today)
            )
        except AppError:  # removed meanwhile: the list reloads and the selection goes
            history = None
        self.detail.show_history(history)


class EligiblePage(RecordListTab):
    """Đủ điều kiện đề nghị năm N+1: the whole agency, from each one's history."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        self.today = today
        super().__init__(
            EligibleTableModel(),
            lambda year: award_history.eligible_rows(_through(year, today)),
            tables=TABLES,
            noun="gợi ý đề nghị",
            parent=parent,
        )
        _fit(self.table, self.model, (EligibleTableModel.COL_KIND,))
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.layout().insertWidget(0, self.heading)
        self.export_button.setToolTip(
            "Lưu danh sách “Đủ điều kiện đề nghị” đang hiển thị ra Excel để chuẩn bị danh sách "
            "cuối năm"
        )
        self.propose_button = QPushButton(self)
        self.propose_button.setToolTip(
            "Lập đề nghị (Dự thảo) cho các dòng đang chọn; chọn nhiều dòng bằng Ctrl hoặc Shift"
        )
        self.actions_layout.addWidget(self.propose_button)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.propose_button.clicked.connect(self.propose_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.rows_loaded.connect(self._update_buttons)
        self._update_heading()
        self._update_buttons()

    def loading_started(self) -> None:
        super().loading_started()
        self._update_heading()

    def _update_heading(self) -> None:
        through = _through(self.year, self.today)
        self.heading.setText(
            f"Đủ điều kiện đề nghị năm {through + 1} (theo kết quả đến năm {through})"
        )
        self.propose_button.setText(f"Lập đề nghị năm {through + 1}…")

    def selected_rows(self) -> list[EligibleRow]:
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.model.row_at(self.proxy.mapToSource(i).row()) for i in indexes]

    def _update_buttons(self, *_: object) -> None:
        self.propose_button.setEnabled(bool(self.selected_rows()))

    def propose_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        year = _through(self.year, self.today) + 1
        if not messages.confirm(
            self,
            "Lập đề nghị",
            f"Lập {len(rows)} đề nghị năm {year} (trạng thái Dự thảo) cho các dòng đã chọn? "
            "Hội đồng sẽ xét như mọi đề nghị khác.",
            yes="Lập đề nghị",
        ):
            return
        try:
            result = award_history.propose_from(rows, year - 1)
        except AppError as error:
            messages.show_app_error(self, error)
            return
        text = f"Đã lập {len(result.created)} đề nghị năm {year} (Dự thảo)."
        if result.skipped:
            text += " Đã có đề nghị, không lập lại: " + "; ".join(result.skipped) + "."
        if result.need_achievements:
            text += (
                " Hình thức khen thưởng cần ghi thành tích, hãy lập ở trang Đề nghị: "
                + "; ".join(result.need_achievements)
                + "."
            )
        messages.show_info(self, "Lập đề nghị", text)

    def export_rows(self) -> Path | None:
        through = _through(self.year, self.today)
        path = messages.save_file(
            self,
            "Xuất danh sách đủ điều kiện đề nghị",
            Path.home() / f"du-dieu-kien-de-nghi-{through + 1}.xlsx",
            "Bảng tính Excel (*.xlsx)",
        )
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            from app.documents.files import write_atomically  # not needed to start

            write_atomically(path, award_history.eligible_xlsx(through, self.visible_rows()))
        except AppError as error:
            messages.show_app_error(self, error)
            return None
        return path
