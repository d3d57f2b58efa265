"""Export to a USB stick: the whole set verified, and every failure leaves nothing half-written."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import peewee as pw
import pytest

from app import usb_export
from app.backup import verify_backup
from app.usb_export import ExportCancelled, ExportError, ExportHooks, export_year, verify_folder
from tests.summary_year import fill_year

WHEN = datetime(2025, 1, 15, 9, 30)


@pytest.fixture
def year(sample_db: pw.SqliteDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    fill_year()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "USB"
    folder.mkdir()
    return folder


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@contextmanager
def _tmpfs(path: Path, options: str) -> Iterator[Path]:
    """A small file system of our own (needs root; skipped where mounting is not allowed)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    path.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"mount refused: {done.stderr.decode(errors='replace')}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _failing_write(code: int, after_bytes: int = 0) -> Callable[[int, bytes], int]:
    written = 0

    def write(fd: int, data: bytes) -> int:
        nonlocal written
        if written + len(data) > after_bytes:
            raise OSError(code, os.strerror(code))
        written += len(data)
        return os.write(fd, data)

    return write


def test_a_full_export_writes_every_file_and_checks_each_against_the_manifest(
    year: None, stick: Path
) -> None:
    seen: list[float] = []
    result = export_year(2024, stick, when=WHEN, progress=lambda f, _t: seen.append(f))
    folder = stick / "TDKT_TongKet_2024_20250115-0930"
    assert result.folder == folder
    names = _everything(folder)
    for expected in (
        "BaoCaoTongKet_2024.pdf",
        "BaoCaoTongKet_2024.docx",
        "BaoCaoTongKet_2024.xlsx",
        "VanBan/KeHoach_2024.pdf",
        "VanBan/KeHoach_2024.docx",
        "manifest.json",
    ):
        assert expected in names
    assert any(n.startswith("VanBan/BienBan_PhienHop_2024-12-20") for n in names)
    assert any(n.startswith("VanBan/ChuongTrinh_PhienHop_2024-12-20") for n in names)
    # the decision granting the year's awards, signed early the next year
    assert "VanBan/QuyetDinh_2025-01-10_1.pdf" in names
    assert not [n for n in names if n.endswith(".tmp")]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {n for n in names if (folder / n).is_file()} - {"manifest.json"}
    assert listed == on_disk
    assert [e.path for e in verify_folder(folder)] == [e.path for e in result.entries]
    copy = next(folder.glob("CoSoDuLieu/*.sqlite"))
    verify_backup(copy)  # a sound database of this app, not a torn file copy
    with sqlite3.connect(copy) as con:
        assert con.execute("SELECT count(*) FROM proposal").fetchone()[0] > 0
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_a_second_export_the_same_minute_gets_its_own_folder(year: None, stick: Path) -> None:
    first = export_year(2024, stick, when=WHEN)
    second = export_year(2024, stick, when=WHEN)
    assert second.folder.name == first.folder.name + "-2"


def test_a_read_only_drive_is_refused_with_a_clear_message(year: None, stick: Path) -> None:
    with pytest.raises(ExportError, match="chỉ cho phép đọc") as caught:
        export_year(2024, stick, when=WHEN, hooks=ExportHooks(write=_failing_write(errno.EROFS)))
    assert "đã được xóa" in caught.value.message
    assert _everything(stick) == []


def test_a_read_only_file_system(year: None, tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "ro", "ro,size=8m") as target:
        with pytest.raises(ExportError, match="chỉ cho phép đọc"):
            export_year(2024, target, when=WHEN)
        assert _everything(target) == []


def test_a_drive_too_small_is_refused_before_anything_is_written(
    year: None, tmp_path: Path
) -> None:
    with _tmpfs(tmp_path / "small", "size=256k") as target:
        with pytest.raises(ExportError, match="không đủ chỗ trống"):
            export_year(2024, target, when=WHEN)
        assert _everything(target) == []


def test_a_drive_that_fills_up_while_writing_leaves_nothing_behind(
    year: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usb_export, "_check_space", lambda _target, _needed: None)
    with _tmpfs(tmp_path / "full", "size=400k") as target:
        with pytest.raises(ExportError, match="đã đầy"):
            export_year(2024, target, when=WHEN)
        assert _everything(target) == []


def test_an_injected_out_of_space_error_midway_leaves_nothing_behind(
    year: None, stick: Path
) -> None:
    hooks = ExportHooks(write=_failing_write(errno.ENOSPC, after_bytes=150_000))
    with pytest.raises(ExportError, match="đã đầy"):
        export_year(2024, stick, when=WHEN, hooks=hooks)
    assert _everything(stick) == []


def test_a_drive_pulled_out_is_told_as_such(year: None, stick: Path) -> None:
    hooks = ExportHooks(write=_failing_write(errno.EIO, after_bytes=50_000))
    with pytest.raises(ExportError, match="bị rút ra"):
        export_year(2024, stick, when=WHEN, hooks=hooks)
    assert _everything(stick) == []


def test_a_target_that_is_gone_before_the_start(year: None, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Không tìm thấy thư mục"):
        export_year(2024, tmp_path / "không có", when=WHEN)


def test_a_file_corrupted_on_the_drive_is_caught_by_the_read_back(year: None, stick: Path) -> None:
    def corrupt(path: Path) -> None:
        if path.name == "BaoCaoTongKet_2024.xlsx":
            data = bytearray(path.read_bytes())
            data[len(data) // 2] ^= 0xFF
            path.write_bytes(bytes(data))

    with pytest.raises(ExportError, match="BaoCaoTongKet_2024.xlsx.*không khớp") as caught:
        export_year(2024, stick, when=WHEN, hooks=ExportHooks(before_verify=corrupt))
    assert "SHA-256" in caught.value.message
    assert _everything(stick) == []


def test_a_truncated_file_is_caught_too(year: None, stick: Path) -> None:
    def truncate(path: Path) -> None:
        if path.suffix == ".pdf":
            with path.open("r+b") as fh:
                fh.truncate(100)

    with pytest.raises(ExportError, match="kích thước"):
        export_year(2024, stick, when=WHEN, hooks=ExportHooks(before_verify=truncate))
    assert _everything(stick) == []


@pytest.mark.parametrize("when_text", ["Đang tạo", "Đang ghi VanBan", "Đang kiểm tra"])
def test_a_cancelled_export_leaves_nothing_under_final_names(
    year: None, stick: Path, when_text: str
) -> None:
    state = {"cancel": False}

    def progress(_fraction: float, text: str) -> None:
        if text.startswith(when_text):
            state["cancel"] = True

    with pytest.raises(ExportCancelled):
        export_year(2024, stick, when=WHEN, progress=progress, cancelled=lambda: state["cancel"])
    assert _everything(stick) == []


def test_a_folder_already_on_the_drive_is_left_alone(year: None, stick: Path) -> None:
    keep = stick / "Tài liệu của tôi"
    keep.mkdir()
    (keep / "ghi chú.txt").write_text("giữ nguyên", encoding="utf-8")
    with pytest.raises(ExportError):
        export_year(2024, stick, when=WHEN, hooks=ExportHooks(write=_failing_write(errno.EIO)))
    assert _everything(stick) == ["Tài liệu của tôi", "Tài liệu của tôi/ghi chú.txt"]


def test_the_command_line_exports_the_year_to_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import main

    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    db = tmp_path / "dữ liệu.sqlite"
    target = tmp_path / "ổ USB"
    target.mkdir()
    assert main.main(["init", "--db", str(db), "--sample"]) == 0
    command = ["export", "summary", "--year", "2024", "--to", str(target), "--db", str(db)]
    assert main.main(command) == 0
    assert "kiểm tra lại từng tệp theo manifest.json: khớp" in capsys.readouterr().out
    (folder,) = target.iterdir()
    assert (folder / "BaoCaoTongKet_2024.pdf").read_bytes().startswith(b"%PDF")
    verify_folder(folder)
    assert main.main(["export", "summary", "--year", "2024", "--db", str(db)]) == 2
    assert "cần --to" in capsys.readouterr().err
    assert main.main(["export", "summary", "--to", str(target), "--db", str(db)]) == 2
    assert main.main(["export", "plan", "--year", "2024", "--db", str(db)]) == 2
    assert "cần --out" in capsys.readouterr().err


def test_removable_drives_are_read_from_the_mounts_and_the_removable_flag(
    tmp_path: Path,
) -> None:
    from app.drives import _linux_drives

    stick = tmp_path / "media" / "KINGSTON 8GB"
    stick.mkdir(parents=True)
    internal = tmp_path / "data"
    internal.mkdir()
    sys_block = tmp_path / "sys"
    for disk, flag in (("sdb", "1"), ("sda", "0")):
        (sys_block / disk).mkdir(parents=True)
        (sys_block / disk / "removable").write_text(flag + "\n")
    escaped = str(stick).replace(" ", "\\040")
    mounts = tmp_path / "mounts"
    mounts.write_text(
        f"/dev/sda2 {internal} ext4 rw 0 0\n"
        f"/dev/sdb1 {escaped} vfat rw,nosuid 0 0\n"
        "tmpfs /run tmpfs rw 0 0\n",
        encoding="utf-8",
    )
    (drive,) = _linux_drives(mounts, sys_block, tmp_path / "no-labels")
    assert drive.path == stick and drive.label == "KINGSTON 8GB"
    assert drive.free > 0 and "trống" in drive.text


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "đã đầy"),
        (OSError(errno.EROFS, "Read-only file system"), "chỉ cho phép đọc"),
        (OSError(errno.EACCES, "Permission denied"), "Không có quyền ghi"),
        (OSError(errno.EIO, "Input/output error"), "bị rút ra"),
        (OSError(errno.ENOENT, "No such file or directory"), "bị rút ra"),
        (OSError(errno.EINVAL, "Invalid argument"), "Không ghi được"),
    ],
)
def test_each_failure_of_the_drive_has_its_vietnamese_message(
    error: OSError, expected: str, tmp_path: Path
) -> None:
    message = usb_export.explain(error, tmp_path, 5 << 20).message
    assert expected in message and "ghi dở đã được xóa" in message


def test_a_drive_pulled_out_before_writing_is_not_recreated_on_the_computer(
    year: None, tmp_path: Path
) -> None:
    mount_point = tmp_path / "media" / "KINGSTON"
    mount_point.mkdir(parents=True)

    def pull_out(_fraction: float, text: str) -> None:
        if text.startswith("Đang sao chép") and mount_point.exists():
            mount_point.rmdir()  # the stick is gone and the system removed its mount point

    with pytest.raises(ExportError, match="bị rút ra"):
        export_year(2024, mount_point, when=WHEN, progress=pull_out)
    assert not mount_point.exists()


def test_folders_are_made_only_inside_a_target_that_still_exists(tmp_path: Path) -> None:
    target = tmp_path / "media" / "KINGSTON"
    target.mkdir(parents=True)
    run = usb_export._Run(target, lambda _f, _t: None, lambda: False, ExportHooks())
    run.mkdir(target / "TDKT" / "VanBan")
    assert run.created_dirs == [target / "TDKT", target / "TDKT" / "VanBan"]
    run.rollback()
    target.rmdir()
    with pytest.raises(FileNotFoundError):
        run.mkdir(target / "TDKT" / "VanBan")
    assert not target.exists()
