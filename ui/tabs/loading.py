"""A tab whose content is loaded off the GUI thread for the selected year, and reloaded when stale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.errors import AppError
from ui import messages
from ui.tasks import run_in_background

Loader = Callable[[int | None], Any]


class LoadingTab(QWidget):
    """Loads with ``loader(year)`` in the thread pool when shown and stale; subclasses show it."""

    rows_loaded = Signal(int)

    def __init__(
        self,
        loader: Loader,
        *,
        tables: frozenset[str],
        year_scoped: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.loader = loader
        self.tables = tables  # the database tables whose changes make this tab stale
        self.year_scoped = year_scoped
        self.year: int | None = None
        self._stale = True
        self._loading = False
        self._generation = 0
        self._loaded: tuple[int, int | None] | None = None  # (generation, year) last shown

    def set_year(self, year: int | None) -> None:
        if self.year_scoped and year != self.year:
            self.year = year
            self.mark_stale()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def on_data_changed(self, tables: frozenset[str]) -> None:
        if tables & self.tables:
            self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def is_loading(self) -> bool:
        return self._loading

    def is_current(self) -> bool:
        """True once the latest load, for the year now selected, is on screen."""
        return (
            not self._loading and not self._stale and self._loaded == (self._generation, self.year)
        )

    def reload(self) -> None:
        self._stale = False
        self._loading = True
        self._generation += 1
        generation = self._generation
        year = self._loaded_year = self.year
        self.loading_started()
        prepare = self.prepare_in_background()
        run_in_background(
            lambda: prepare(self.loader(year)),
            lambda result: self._on_loaded(generation, result),
            lambda error: self._on_load_failed(generation, error),
        )

    def _on_loaded(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        count = self.show_result(result)
        self._loading = False
        self._loaded = (generation, self._loaded_year)
        self.rows_loaded.emit(count)

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return  # a newer load replaced this one: its result, or its failure, is what counts
        self._loading = False
        self.loading_failed()
        if isinstance(error, AppError):
            messages.show_app_error(self, error)
        else:
            raise error

    # Hooks for subclasses.
    def prepare_in_background(self) -> Callable[[Any], Any]:
        """A step run on the worker thread after the loader (e.g. sorting); pure Python only."""
        return lambda result: result

    def loading_started(self) -> None:
        """Called when a load begins (e.g. to say "Đang tải…")."""

    def loading_failed(self) -> None:
        """Called when a load failed."""

    def show_result(self, result: Any) -> int:
        """Show what the loader returned; returns the number of rows shown."""
        return 0
