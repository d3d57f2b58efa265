"""Writing a file safely: a temporary name in the same folder, flushed to disk, then renamed."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from app.errors import AppError


def _reason(exc: OSError, path: Path) -> str:
    folder = str(path.parent)
    if exc.errno == errno.ENOENT:
        return f"thư mục “{folder}” không tồn tại."
    if exc.errno == errno.ENOSPC:
        return "ổ đĩa đã đầy."
    if isinstance(exc, PermissionError):
        return (
            f"không có quyền ghi vào thư mục “{folder}”, hoặc tệp đang mở trong "
            "chương trình khác (Word, trình xem PDF). Hãy đóng tệp rồi thử lại."
        )
    return exc.strerror or str(exc)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is either the old file or the whole new one.

    The bytes go to a hidden temporary file in the same folder, are flushed to the disk, and
    the temporary file then replaces ``path``. On failure nothing is left behind and an
    AppError tells the operator why, in Vietnamese.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    created = False
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        created = True
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if created:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise AppError(
            f"Không ghi được tệp “{path.name}”: {_reason(exc, path)}", detail=str(exc)
        ) from exc
