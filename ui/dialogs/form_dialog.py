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


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet("color: #b00020;")
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
        """Called with the new value by the fields' signals; messages appear once editing began."""
        if changed:
            self._edited = True
        problems = self.problems()
        shown = problems if getattr(self, "_edited", False) else {}
        self.error_label.setText("\n".join(shown.values()))
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
