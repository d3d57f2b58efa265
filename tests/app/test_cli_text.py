"""The command line speaks Vietnamese: argparse's own usage, help and error words too."""

from __future__ import annotations

import argparse

import pytest

import main

ENGLISH = ("usage:", "show this help", "options:", "error:", "invalid", "required", "argument")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main.main(argv)
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(["--help"], capsys)
    assert code == 0
    assert out.startswith("Cách dùng: tdkt ")
    assert "tùy chọn:" in out and "hiện hướng dẫn này rồi thoát" in out
    assert "hiện số phiên bản rồi thoát" in out
    assert not [word for word in ENGLISH if word in out]
    code, out, _err = _run(["export", "--help"], capsys)
    assert code == 0 and "--year NĂM" in out and "VĂN_BẢN" in out
    assert not [word for word in ENGLISH if word in out]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export"], "tdkt export: lỗi: thiếu đối số bắt buộc: VĂN_BẢN"),
        (
            ["export", "plan", "--year", "x"],
            "tdkt export: lỗi: đối số --year: giá trị 'x' không hợp lệ (cần số nguyên)",
        ),
        (["export", "plan", "--year"], "tdkt export: lỗi: đối số --year: cần một giá trị"),
        (["export", "plan", "--zzz"], "tdkt: lỗi: đối số không nhận ra: --zzz"),
        (["bogus"], "tdkt: lỗi: đối số LỆNH: không có lựa chọn 'bogus' (chọn một trong: 'init'"),
    ],
)
def test_mistakes_are_told_in_vietnamese(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(argv, capsys)
    assert code == 2
    assert message in err and err.startswith("Cách dùng: tdkt")
    assert not [word for word in ENGLISH if word in err]


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    """Only the app's own command line is translated: argparse serves others in the process."""
    _run(["--help"], capsys)
    parser = argparse.ArgumentParser(prog="other")
    assert parser.format_usage().startswith("usage: other")
    assert "show this help message and exit" in parser.format_help()
