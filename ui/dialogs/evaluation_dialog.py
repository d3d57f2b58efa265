"""Kết quả năm: a person's or a unit's rating, discipline and recognised initiative of one year."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app import evaluations
from app.evaluations import EvaluationInput
from db.enums import Discipline, Rating
from ui.dialogs.form_dialog import FormDialog, current_enum, fill_enum_combo, select_data


class EvaluationDialog(FormDialog):
    def __init__(
        self,
        name: str,
        year: int,
        data: EvaluationInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"Kết quả năm {year} — {name}", parent)
        self.year = year
        self.member_count = data.member_count if data is not None else None  # kept as recorded
        self.rating_combo = QComboBox(self)
        fill_enum_combo(self.rating_combo, Rating, allow_empty=True)
        self.discipline_combo = QComboBox(self)
        fill_enum_combo(self.discipline_combo, Discipline)
        self.initiative_edit = QPlainTextEdit(self)
        self.initiative_edit.setPlaceholderText(
            "Sáng kiến, đề tài được công nhận trong năm (tên, cấp công nhận, phạm vi ảnh hưởng)"
        )
        self.initiative_edit.setFixedHeight(80)
        self.note_edit = QLineEdit(self)
        self.form.addRow("Xếp loại:", self.rating_combo)
        self.form.addRow("Kỷ luật:", self.discipline_combo)
        self.form.addRow("Sáng kiến, đề tài:", self.initiative_edit)
        self.form.addRow("Ghi chú:", self.note_edit)
        if data is not None:
            select_data(self.rating_combo, data.rating)
            select_data(self.discipline_combo, data.discipline)
            self.initiative_edit.setPlainText(data.initiative)
            self.note_edit.setText(data.note)
        self.initiative_edit.textChanged.connect(self.revalidate)
        self.note_edit.textChanged.connect(self.revalidate)
        self.resize(520, self.sizeHint().height())
        self.revalidate()

    def input(self) -> EvaluationInput:
        return EvaluationInput(
            rating=current_enum(self.rating_combo, Rating),
            discipline=current_enum(self.discipline_combo, Discipline) or Discipline.NONE,
            initiative=self.initiative_edit.toPlainText(),
            note=self.note_edit.text(),
            member_count=self.member_count,
        )

    def problems(self) -> dict[str, str]:
        return evaluations.validate_evaluation(self.year, self.input())
