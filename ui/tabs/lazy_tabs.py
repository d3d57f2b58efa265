"""Tabs whose pages are built (and their modules imported) the first time they are shown.

Start-up builds only what the first screen shows (make bench: cold start). A page is added as
a factory; an empty placeholder holds its place until the page becomes current or is asked
for (``page``, ``page_at``); then the factory runs, ``page_built`` lets the owner give it the
year and connect it (before it is shown, so it loads once), and the page takes the
placeholder's place: afterwards the tab widget holds the real page as if added directly."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

PageFactory = Callable[[], QWidget]


class _Unbuilt(QWidget):
    """The place of a page not built yet."""

    def __init__(self, factory: PageFactory) -> None:
        super().__init__()
        self.factory = factory


class LazyTabs(QTabWidget):
    page_built = Signal(QWidget)  # a page was just made, before it is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def add_page(self, page: QWidget | PageFactory, title: str) -> int:
        """Add a page, or a factory building it the first time it is shown or asked for."""
        if isinstance(page, QWidget):
            self.page_built.emit(page)
        widget = page if isinstance(page, QWidget) else _Unbuilt(page)
        blocked = self.blockSignals(True)  # the first page added becomes current: not shown yet
        try:
            return self.addTab(widget, title)
        finally:
            self.blockSignals(blocked)

    def page_at(self, index: int) -> QWidget:
        """The page at ``index``, built now if it was not yet."""
        placeholder = self.widget(index)
        if not isinstance(placeholder, _Unbuilt):
            return placeholder
        page = placeholder.factory()
        self.page_built.emit(page)
        blocked = self.blockSignals(True)  # the same tab stays current: no change to announce
        try:
            current = self.currentIndex() == index
            self.insertTab(index, page, self.tabText(index))
            self.setTabToolTip(index, self.tabToolTip(index + 1))
            if current:
                self.setCurrentIndex(index)
            self.removeTab(index + 1)
        finally:
            self.blockSignals(blocked)
        placeholder.deleteLater()
        return page

    def page(self, title: str) -> QWidget | None:
        """The page titled ``title`` (built now if it was not yet), or None."""
        for index in range(self.count()):
            if self.tabText(index) == title:
                return self.page_at(index)
        return None

    def current_page(self) -> QWidget | None:
        index = self.currentIndex()
        return self.page_at(index) if index >= 0 else None

    def built_pages(self) -> list[QWidget]:
        pages = (self.widget(i) for i in range(self.count()))
        return [page for page in pages if not isinstance(page, _Unbuilt)]

    def _on_current_changed(self, index: int) -> None:
        if index >= 0:
            self.page_at(index)
