"""A form dialog with inline validation: Save stays disabled until the input is valid."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"  # the form's problems once the user began editing
HINT_STYLE = "color: #4b5563;"  # the same, before: what is still to fill in, not a reproach


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet(HINT_STYLE)
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def problems(self) -> dict[str, str]:
        """Field → message; subclasses ask app/'s validation functions."""
        return {}

    def revalidate(self, *changed: Any) -> None:
        """Called with the new value by the fields' signals. What is missing or wrong is said from
        the start, so a disabled Lưu never goes unexplained: in grey while the form is untouched
        (nothing was done wrong yet), in red once editing began."""
        if changed:
            self._edited = True
        problems = self.problems()
        edited = getattr(self, "_edited", False)
        self.error_label.setText("\n".join(problems.values()))
        self.error_label.setStyleSheet(ERROR_STYLE if edited else HINT_STYLE)
        self.save_button.setEnabled(not problems)

    def accept(self) -> None:
        if self.problems():
            self.revalidate()
            return
        super().accept()


def fill_enum_combo(combo: QComboBox, enum: type[Enum], *, allow_empty: bool = False) -> None:
    """Items carry the member's value: Qt hands a StrEnum back as a plain str."""
    if allow_empty:
        combo.addItem("—", None)
    for member in enum:
        combo.addItem(getattr(member, "label", member.value), member.value)


E = TypeVar("E", bound=Enum)


def current_enum(combo: QComboBox, enum: type[E]) -> E | None:
    value = combo.currentData()
    return None if value is None else enum(value)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value.value if isinstance(value, Enum) else value)
    combo.setCurrentIndex(max(index, 0))
