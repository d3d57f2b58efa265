"""argparse in Vietnamese: its own words (usage, help, errors) are English and it has no
Vietnamese catalog, so they are translated here while the command line is built and parsed.

argparse looks its strings up through the module globals ``_`` and ``ngettext`` when it uses
them; ``vietnamese_argparse()`` replaces both for the duration and puts them back after, so
nothing else in the process (pytest's own options, for one) is affected.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

WORDS = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "không có lựa chọn %(value)r (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (cần kiểu %(type)s)",
    "unrecognized arguments: %s": "đối số không nhận ra: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s không rõ: có thể là %(matches)s"
    ),
    "not allowed with argument %s": "không dùng được cùng đối số %s",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}
# argparse names the type by its function: say it in Vietnamese where the type is ours too.
TYPES = {"int": "số nguyên", "float": "số", "date": "ngày"}


def translate(text: str) -> str:
    return WORDS.get(text, text)


def translate_plural(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":  # nargs=N
        return "cần %s giá trị"
    return translate(singular if n == 1 else plural)


class VietnameseParser(argparse.ArgumentParser):
    """Names argparse's value types in Vietnamese in its 'invalid value' message."""

    def _get_value(self, action: argparse.Action, arg_string: str) -> object:
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as error:
            name = getattr(action.type, "__name__", "")
            if name in TYPES:
                message = f"giá trị {arg_string!r} không hợp lệ (cần {TYPES[name]})"
                raise argparse.ArgumentError(action, message) from error
            raise


@contextmanager
def vietnamese_argparse() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


__all__ = ["VietnameseParser", "translate", "vietnamese_argparse"]
