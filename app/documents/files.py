"""Writing a file safely: a temporary name in the same folder, flushed to disk, then renamed."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.errors import AppError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is either the old file or the whole new one."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise AppError(
            f"Không ghi được tệp “{path.name}” vào “{path.parent}”: thư mục không tồn tại, "
            "không có quyền ghi, ổ đĩa đầy hoặc tệp đang mở trong chương trình khác.",
            detail=str(exc),
        ) from exc
