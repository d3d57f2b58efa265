"""The PySide6 interface: main window, tabs, table models and dialogs (no queries here).

PySide6 6.12.0 on Python 3.11 returns ``None`` from every void Qt method without taking a
reference to it, so each call such as ``QLabel.setText`` lowers ``None``'s reference count
by one; after a few thousand calls Python frees ``None`` and aborts ("none_dealloc"). From
Python 3.12 on, ``None`` is immortal and the bug is harmless. Here, before any Qt call, we
make ``None`` immortal on older Pythons the same way: a reference count no session can use
up. (PySide6 6.11 does not have the bug, but QtPdf, which the preview needs, ships as the
small PySide6-Pdf package only from 6.12.)
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 12):  # pragma: no cover - depends on the interpreter
    import ctypes

    # ob_refcnt is the first field of every PyObject
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
