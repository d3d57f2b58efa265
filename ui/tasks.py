"""Slow work off the GUI thread: run a function in the thread pool, hear back in the GUI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.session import in_worker_thread


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = in_worker_thread(self.fn)
        except Exception as exc:  # reported to the GUI thread, which decides what to show
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        # the receiver went away (the app is closing): there is nobody to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_running: set[_Signals] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    signals = _Signals()
    _running.add(signals)

    def done(result: Any) -> None:
        _running.discard(signals)
        on_done(result)

    def failed(exc: BaseException) -> None:
        _running.discard(signals)
        on_error(exc)

    signals.finished.connect(done)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(_Job(fn, signals))


def jobs_pending() -> bool:
    """True while a job's result (or failure) has not yet been handed to its callback."""
    return bool(_running)


def wait_for_background(msecs: int = 10000) -> bool:
    """Wait for running jobs (before the database closes)."""
    return bool(QThreadPool.globalInstance().waitForDone(msecs))
