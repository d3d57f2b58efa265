"""Turns app/'s change announcements into one Qt signal the tabs reload from."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app import records


class ChangeHub(QObject):
    data_changed = Signal(object)  # frozenset of table names

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = records.subscribe(self._on_records_changed)
        self.destroyed.connect(self._unsubscribe)

    def stop(self) -> None:
        self._unsubscribe()

    def _on_records_changed(self, tables: frozenset[str]) -> None:
        self.data_changed.emit(tables)
