"""Saving a document: all or nothing, no temporary file left, a Vietnamese message on failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.documents import write_atomically
from app.errors import AppError


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "Kế hoạch 2024.pdf"
    write_atomically(target, b"%PDF-1.4 one")
    assert target.read_bytes() == b"%PDF-1.4 one"
    write_atomically(target, b"%PDF-1.4 two")
    assert target.read_bytes() == b"%PDF-1.4 two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Kế hoạch 2024.pdf"]


def test_a_missing_folder_is_told_in_vietnamese(tmp_path: Path) -> None:
    target = tmp_path / "không có" / "ke-hoach.docx"
    with pytest.raises(AppError) as caught:
        write_atomically(target, b"PK")
    assert caught.value.message.startswith("Không ghi được tệp “ke-hoach.docx”")
    assert "không tồn tại" in caught.value.message
    assert caught.value.detail
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_keeps_the_old_file_and_removes_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ke-hoach.pdf"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(AppError) as caught:
        write_atomically(target, b"new")
    assert "đang mở trong chương trình khác" in caught.value.message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.pdf"]


def test_a_full_disk_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(AppError, match="ổ đĩa đã đầy"):
        write_atomically(tmp_path / "a.pdf", b"x")
    assert list(tmp_path.iterdir()) == []
