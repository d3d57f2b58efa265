"""Errors a user can read (Vietnamese messages); the UI shows them, anything else is a bug."""

from __future__ import annotations

from pathlib import Path

from db import errors as dberr


class AppError(Exception):
    """An error with a message for the operator."""

    title = "Không thực hiện được"

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __reduce__(self):  # survive pickling (an error raised in the render worker)
        return _restore, (type(self), self.args, dict(self.__dict__))


def _restore(cls: type[AppError], args: tuple, state: dict) -> AppError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class DatabaseRefused(AppError):
    title = "Không mở được cơ sở dữ liệu"


class DatabaseDamagedError(DatabaseRefused):
    """The file is this app's but SQLite reports damage: a backup can replace it."""


class ValidationError(AppError):
    title = "Dữ liệu chưa hợp lệ"

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def raise_first(problems: dict[str, str]) -> None:
    """Raise the first of a validator's problems (field → message) as a ValidationError."""
    if problems:
        field = next(iter(problems))
        raise ValidationError(problems[field], field=field)


class NotFound(AppError):
    title = "Không tìm thấy"


class InUse(AppError):
    title = "Không xóa được"


class CommandError(AppError):
    title = "Lệnh không hợp lệ"


def from_database_error(exc: dberr.DatabaseFileError) -> DatabaseRefused:
    """A refused database file, told in Vietnamese."""
    name = Path(exc.path).name
    if isinstance(exc, dberr.NotSqliteFile):
        msg = f"Tệp “{name}” không phải là cơ sở dữ liệu SQLite."
    elif isinstance(exc, dberr.ForeignDatabase):
        msg = f"Tệp “{name}” là cơ sở dữ liệu của một chương trình khác, không phải của TĐKT Desk."
    elif isinstance(exc, dberr.DatabaseTooNew):
        msg = (
            f"Tệp “{name}” được tạo bởi phiên bản mới hơn của TĐKT Desk "
            f"(lược đồ {exc.found}, phiên bản này hỗ trợ đến {exc.supported}). "
            "Hãy cập nhật chương trình."
        )
    elif isinstance(exc, dberr.DatabaseDamaged):
        msg = f"Tệp “{name}” bị hỏng. Hãy khôi phục từ một bản sao lưu."
        return DatabaseDamagedError(msg, detail=str(exc))
    else:
        msg = f"Không mở được tệp “{name}”: thư mục không tồn tại, không có quyền ghi hoặc tệp đang bị khóa."
    return DatabaseRefused(msg, detail=str(exc))
