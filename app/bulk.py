"""Building tens of thousands of row objects at once, without the garbage collector in the way.

Every 700 new container objects CPython runs a young collection, and after enough of them a
full one over every object of the process once the survivors pile up. Building the 40,000 award
rows set off a full collection in the middle of nearly every load (40-57 ms measured in the
app, on the worker thread but holding the interpreter lock, so the GUI waited too). Rows hold no
reference cycles: while they are built, collections wait; the collector runs again after.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0  # threads inside ``collector_paused``
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic garbage collection for the block (safe to nest and across threads:
    the collector is enabled again when the last one leaves, if it was enabled before)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
