"""Mounted removable drives (USB sticks, memory cards), with their label and free space.

Qt cannot tell removable volumes apart, so each system is asked its own way: Windows through
GetLogicalDrives/GetDriveTypeW/GetVolumeInformationW; Linux from /proc/mounts and the
``removable`` flag in /sys/block (or a mount under /media, /run/media); macOS lists /Volumes.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free: int
    total: int

    @property
    def text(self) -> str:
        free = f"{self.free / (1 << 30):.1f}".replace(".", ",")
        total = f"{self.total / (1 << 30):.1f}".replace(".", ",")
        return f"{self.label} ({self.path}) — trống {free} GB / {total} GB"


def removable_drives() -> list[Drive]:
    """The removable drives mounted now, by path; an empty list when none or on failure."""
    try:
        if sys.platform == "win32":
            drives = _windows_drives()
        elif sys.platform == "darwin":
            drives = _mac_drives()
        else:
            drives = _linux_drives()
    except OSError:
        return []
    return sorted(drives, key=lambda d: str(d.path))


def _usage(path: Path, label: str) -> Drive | None:
    try:
        usage = shutil.disk_usage(path)
    except OSError:
        return None
    return Drive(path, label or path.name or str(path), usage.free, usage.total)


# ---------------------------------------------------------------- Linux

MEDIA_ROOTS = ("/media/", "/run/media/", "/mnt/")
PSEUDO = {"proc", "sysfs", "tmpfs", "devtmpfs", "cgroup", "cgroup2", "overlay", "squashfs"}


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces and tabs in paths as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _block_device(device: str) -> str | None:
    """sdb1 → sdb, mmcblk0p1 → mmcblk0, nvme0n1p2 → nvme0n1 (the disk in /sys/block)."""
    name = Path(device).name
    for pattern in (r"^(mmcblk\d+)p\d+$", r"^(nvme\d+n\d+)p\d+$", r"^(sd[a-z]+)\d*$"):
        match = re.match(pattern, name)
        if match:
            return match.group(1)
    return name or None


def _is_removable(device: str, sys_block: Path) -> bool:
    disk = _block_device(device)
    if disk is None:
        return False
    with contextlib.suppress(OSError):
        if (sys_block / disk / "removable").read_text().strip() == "1":
            return True
    with contextlib.suppress(OSError):  # USB hard disks say removable=0 but sit on a USB bus
        return "/usb" in os.path.realpath(sys_block / disk)
    return False


def _labels(by_label: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    with contextlib.suppress(OSError):
        for link in by_label.iterdir():
            out[os.path.realpath(link)] = _unescape(link.name.replace("\\x20", " "))
    return out


def _linux_drives(
    mounts: Path = Path("/proc/mounts"),
    sys_block: Path = Path("/sys/block"),
    by_label: Path = Path("/dev/disk/by-label"),
) -> list[Drive]:
    labels = _labels(by_label)
    drives: list[Drive] = []
    seen: set[str] = set()
    for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[2] in PSEUDO:
            continue
        device, mountpoint = parts[0], _unescape(parts[1])
        if not device.startswith("/dev/") or mountpoint in seen:
            continue
        if not (_is_removable(device, sys_block) or mountpoint.startswith(MEDIA_ROOTS)):
            continue
        seen.add(mountpoint)
        label = labels.get(os.path.realpath(device), "") or Path(mountpoint).name
        drive = _usage(Path(mountpoint), label)
        if drive is not None:
            drives.append(drive)
    return drives


# ---------------------------------------------------------------- macOS


def _mac_drives() -> list[Drive]:
    volumes = Path("/Volumes")
    drives = []
    for path in volumes.iterdir() if volumes.is_dir() else []:
        if path.is_dir() and not path.is_symlink():  # the start-up disk is a symlink to /
            drive = _usage(path, path.name)
            if drive is not None:
                drives.append(drive)
    return drives


# ---------------------------------------------------------------- Windows

DRIVE_REMOVABLE = 2


def _windows_drives() -> list[Drive]:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    drives = []
    for index in range(26):
        if not mask & (1 << index):
            continue
        root = f"{chr(ord('A') + index)}:\\"
        if kernel.GetDriveTypeW(ctypes.c_wchar_p(root)) != DRIVE_REMOVABLE:
            continue
        name = ctypes.create_unicode_buffer(261)
        ok = kernel.GetVolumeInformationW(
            ctypes.c_wchar_p(root), name, 261, None, None, None, None, 0
        )
        if not ok:  # a card reader without a card
            continue
        drive = _usage(Path(root), name.value or "Ổ di động")
        if drive is not None:
            drives.append(drive)
    return drives
