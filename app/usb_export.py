"""Export the year to a USB stick (or any folder), verified.

A dated folder receives the year-end summary (PDF, DOCX, XLSX), the year's documents (plan,
meeting agendas and minutes, …), a consistent copy of the database (SQLite's online backup)
and ``manifest.json`` with each file's size and SHA-256. Every file is written under a
temporary name, flushed to the device (fsync) and only then renamed; the manifest comes last.
Everything is then read back from the device and checked against the manifest.

A failure (drive full, read-only, pulled out) or a cancel removes what this export wrote, so
no half-written file is ever left under a final name; the error says why, in Vietnamese.
Runs on any thread: progress goes to a callback, and a cancel flag is checked between
documents, files and chunks.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import errno
import hashlib
import json
import multiprocessing
import os
import secrets
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.documents import render_docx, render_pdf
from app.errors import AppError
from app.year_documents import document_builds
from db.models import database_proxy

CHUNK = 1 << 20  # 1 MiB between two looks at the cancel flag
MANIFEST = "manifest.json"
SPACE_MARGIN = 1 << 20  # what the file system needs besides the bytes themselves
DB_FOLDER = "CoSoDuLieu"


class ExportError(AppError):
    title = "Không xuất được dữ liệu"


class ExportCancelled(ExportError):
    title = "Đã hủy xuất dữ liệu"


@dataclass(frozen=True)
class ManifestEntry:
    path: str  # relative to the export folder, with "/"
    size: int
    sha256: str


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    entries: tuple[ManifestEntry, ...]
    seconds: float

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.entries)


Progress = Callable[[float, str], None]


@dataclass
class ExportHooks:
    """Seams for tests: the low-level write, and a look at each file before its read-back."""

    write: Callable[[int, bytes], int] = os.write
    before_verify: Callable[[Path], None] | None = None


@dataclass
class _Source:
    path: str  # relative
    data: bytes | None = None
    file: Path | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.file.stat().st_size  # type: ignore[union-attr]

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            view = memoryview(self.data)
            for start in range(0, len(view), CHUNK):
                yield bytes(view[start : start + CHUNK])
            return
        assert self.file is not None
        with self.file.open("rb") as fh:
            while block := fh.read(CHUNK):
                yield block


def export_folder_name(year: int, when: datetime) -> str:
    return f"TDKT_TongKet_{year}_{when:%Y%m%d-%H%M}"


# ---------------------------------------------------------------- errors in Vietnamese


def _codes(*names: str) -> set[int]:
    return {getattr(errno, n) for n in names if hasattr(errno, n)}  # not all exist on Windows


FULL = _codes("ENOSPC", "EDQUOT", "EFBIG")
GONE = _codes("ENOENT", "EIO", "ENODEV", "ENXIO", "ESTALE")
# Windows error codes: disk full; write-protected; not ready, device gone, path vanished.
WIN_FULL, WIN_READ_ONLY, WIN_GONE = {39, 112}, {19}, {3, 21, 55, 1167}


def _kind(exc: OSError) -> str:
    winerror = getattr(exc, "winerror", None)
    if exc.errno in FULL or winerror in WIN_FULL:
        return "full"
    if exc.errno == errno.EROFS or winerror in WIN_READ_ONLY:
        return "read-only"
    if winerror in WIN_GONE or exc.errno in GONE:
        return "gone"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "denied"
    return "other"


def explain(exc: OSError, target: Path, needed: int = 0) -> ExportError:
    """A Vietnamese message for what went wrong on the target."""
    kind = _kind(exc)
    if kind == "full":
        more = f" (cần khoảng {_mb(needed)})" if needed else ""
        message = (
            f"Ổ đĩa “{target}” đã đầy, không đủ chỗ cho dữ liệu xuất{more}. Hãy xóa bớt tệp "
            "trên ổ hoặc chọn ổ khác rồi xuất lại."
        )
    elif kind == "read-only":
        message = (
            f"Ổ đĩa “{target}” chỉ cho phép đọc, không ghi được (có thể khóa chống ghi trên "
            "USB đang bật). Hãy mở khóa hoặc chọn ổ khác."
        )
    elif kind == "denied":
        message = (
            f"Không có quyền ghi vào “{target}”. Hãy chọn thư mục khác hoặc kiểm tra quyền "
            "truy cập của ổ đĩa."
        )
    elif kind == "gone":
        message = (
            f"Không còn truy cập được “{target}”: ổ đĩa có thể đã bị rút ra hoặc bị lỗi. Hãy "
            "cắm lại ổ và xuất lại."
        )
    else:
        message = f"Không ghi được vào “{target}”: {exc.strerror or exc}."
    message += " Các tệp đang ghi dở đã được xóa."
    return ExportError(message, detail=f"{type(exc).__name__}: {exc}")


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB".replace(".", ",")


# ---------------------------------------------------------------- the export


@dataclass
class _Run:
    target: Path
    progress: Progress
    cancelled: Callable[[], bool]
    hooks: ExportHooks
    folder: Path | None = None
    written: list[Path] = field(default_factory=list)  # final names, in order
    created_dirs: list[Path] = field(default_factory=list)
    temps: set[Path] = field(default_factory=set)

    def check(self) -> None:
        if self.cancelled():
            raise ExportCancelled(
                "Đã hủy xuất dữ liệu; các tệp đã ghi đã được xóa, không để lại gì."
            )

    def rollback(self) -> None:
        """Remove every temporary and final file of this export, then its empty folders."""
        for path in [*self.temps, *reversed(self.written)]:
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in reversed(self.created_dirs):
            with contextlib.suppress(OSError):
                folder.rmdir()

    def mkdir(self, folder: Path) -> None:
        """Create ``folder`` inside the target; a target gone (drive pulled out, its mount
        point removed) is an error, never re-created on the computer's own disk."""
        if not self.target.is_dir():
            raise FileNotFoundError(errno.ENOENT, "target gone", str(self.target))
        missing = []
        probe = folder
        while probe != self.target and not probe.exists():
            missing.append(probe)
            probe = probe.parent
        for path in reversed(missing):
            path.mkdir()
            self.created_dirs.append(path)

    def write_file(self, source: _Source, done: int, total: int) -> ManifestEntry:
        assert self.folder is not None
        final = self.folder / source.path
        self.mkdir(final.parent)
        tmp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
        digest = hashlib.sha256()
        size = 0
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        self.temps.add(tmp)
        self.progress(_phase(WRITE, done, total), f"Đang ghi {source.path}…")
        try:
            for chunk in source.chunks():
                self.check()
                view = memoryview(chunk)
                while view:
                    count = self.hooks.write(fd, bytes(view))
                    view = view[count:]
                digest.update(chunk)
                size += len(chunk)
                self.progress(_phase(WRITE, done + size, total), f"Đang ghi {source.path}…")
            os.fsync(fd)
        finally:
            os.close(fd)
        self.check()
        os.replace(tmp, final)
        self.temps.discard(tmp)
        self.written.append(final)
        _sync_dir(final.parent)
        return ManifestEntry(source.path, size, digest.hexdigest())


# Progress: preparing documents 0-35 %, writing 35-80 %, reading back 80-100 %.
PREPARE, WRITE, VERIFY = (0.0, 0.35), (0.35, 0.80), (0.80, 1.0)


def _phase(phase: tuple[float, float], done: float, total: float) -> float:
    start, end = phase
    return start + (end - start) * (min(done, total) / total if total else 1.0)


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# Rendering runs partly in one worker process (spawned: safe beside Qt's threads, and what
# Windows does anyway), so that both cores work. Starting it costs about 0.3 s (a fresh
# interpreter importing ReportLab and the documents engine), a few documents' worth.
POOL_MIN_DOCUMENTS = 12
POOL_BACKLOG = 2  # documents queued in the worker before the exporting thread renders itself


def _render(document, word: bool) -> tuple[bytes, bytes | None]:
    """Render one document (in the worker or in-process): the same code, the same bytes."""
    return render_pdf(document), (render_docx(document) if word else None)


_render_in_worker = _render  # what the worker runs (a seam for tests)


def _start_pool() -> cf.ProcessPoolExecutor:
    """One spawned worker that only renders (no database, no Qt). A seam for tests."""
    return cf.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))


@dataclass
class _Slot:
    name: str
    word: bool
    document: object
    rendered: tuple[bytes, bytes | None] | None = None
    future: cf.Future | None = None


def _prepare(run: _Run, year: int, when: datetime, scratch: Path) -> list[_Source]:
    from app.reports.summary_workbook import summary_workbook

    builds = document_builds(year)
    steps = len(builds) + 2
    pool: cf.ProcessPoolExecutor | None = None
    pool_wanted = len(builds) >= POOL_MIN_DOCUMENTS
    slots: list[_Slot] = []
    workbook = b""
    try:
        for index, (name, build, word) in enumerate(builds):
            run.check()
            run.progress(_phase(PREPARE, index, steps), f"Đang tạo {name}…")
            slot = _Slot(name, word, build())
            slots.append(slot)
            if pool is None and pool_wanted:
                pool_wanted = False
                with contextlib.suppress(Exception):  # no process: render everything here
                    pool = _start_pool()
            queued = sum(1 for s in slots if s.future is not None and not s.future.done())
            if pool is not None and queued < POOL_BACKLOG:
                try:
                    slot.future = pool.submit(_render_in_worker, slot.document, word)
                except Exception:  # the worker could not start or died: carry on here
                    pool = _shut(pool)
            if slot.future is None:
                slot.rendered = _render(slot.document, word)
            if index == 0:
                workbook = summary_workbook(year)
        sources: list[_Source] = []
        for index, slot in enumerate(slots):
            rendered = _collect(run, slot)
            sources.append(_Source(f"{slot.name}.pdf", rendered[0]))
            if rendered[1] is not None:
                sources.append(_Source(f"{slot.name}.docx", rendered[1]))
            if index == 0:
                sources.append(_Source(f"{slot.name}.xlsx", workbook))
    finally:
        _shut(pool)
    run.check()
    run.progress(_phase(PREPARE, steps - 1, steps), "Đang sao chép cơ sở dữ liệu…")
    snapshot = scratch / f"tdkt_{when:%Y%m%d-%H%M%S}.sqlite"
    database_copy(snapshot)
    sources.append(_Source(f"{DB_FOLDER}/{snapshot.name}", file=snapshot))
    return sources


def _collect(run: _Run, slot: _Slot) -> tuple[bytes, bytes | None]:
    """The slot's bytes, waiting for the worker while looking at the cancel flag."""
    if slot.rendered is not None:
        return slot.rendered
    assert slot.future is not None
    while True:
        run.check()
        try:
            return slot.future.result(timeout=0.05)
        except cf.TimeoutError:
            continue
        except BrokenProcessPool:  # the worker died: render it here instead
            return _render(slot.document, slot.word)


def _shut(pool: cf.ProcessPoolExecutor | None) -> None:
    """Stop the worker, dropping queued documents; returns when its process has ended."""
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def database_copy(dest: Path) -> Path:
    """A consistent copy of the open database through SQLite's online backup API."""
    db = database_proxy.obj
    if db is None:
        raise ExportError("Chưa mở cơ sở dữ liệu.")
    target = sqlite3.connect(str(dest))
    try:
        db.connection().backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
        target.commit()
    finally:
        target.close()
    return dest


def _manifest_source(year: int, when: datetime, entries: list[ManifestEntry]) -> _Source:
    data = {
        "application": "TĐKT Desk",
        "year": year,
        "created": when.isoformat(timespec="seconds"),
        "algorithm": "sha256",
        "files": [{"path": e.path, "size": e.size, "sha256": e.sha256} for e in entries],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _Source(MANIFEST, text.encode("utf-8"))


def read_manifest(folder: Path) -> list[ManifestEntry]:
    with (folder / MANIFEST).open("rb") as fh:
        data = json.loads(fh.read().decode("utf-8"))
    return [ManifestEntry(f["path"], int(f["size"]), f["sha256"]) for f in data["files"]]


def _drop_cache(fd: int) -> None:
    """Ask the OS to forget its cached pages, so the read-back comes from the device."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def file_digest(path: Path, on_chunk: Callable[[int], None] | None = None) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        _drop_cache(fd)
        while block := os.read(fd, CHUNK):
            digest.update(block)
            size += len(block)
            if on_chunk is not None:
                on_chunk(len(block))
    finally:
        os.close(fd)
    return size, digest.hexdigest()


def verify_folder(
    folder: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    before_verify: Callable[[Path], None] | None = None,
) -> list[ManifestEntry]:
    """Read every file back and compare it with the manifest; raises ExportError on a mismatch."""
    entries = read_manifest(folder)
    total = sum(e.size for e in entries) or 1
    done = 0
    for entry in entries:
        if cancelled():
            raise ExportCancelled(
                "Đã hủy xuất dữ liệu; các tệp đã ghi đã được xóa, không để lại gì."
            )
        path = folder / entry.path
        if before_verify is not None:
            before_verify(path)
        if progress is not None:
            progress(_phase(VERIFY, done, total), f"Đang kiểm tra {entry.path}…")
        size, sha = file_digest(path)
        done += entry.size
        if size != entry.size or sha != entry.sha256:
            raise ExportError(
                f"Kiểm tra lại thấy tệp “{entry.path}” trên ổ đĩa không khớp với bản vừa ghi "
                f"({'kích thước' if size != entry.size else 'mã SHA-256'} khác). Ổ đĩa có thể bị "
                "lỗi; dữ liệu xuất đã được xóa, hãy thử lại hoặc dùng ổ khác.",
                detail=f"{entry.path}: {size} byte, {sha}; manifest: {entry.size} byte, {entry.sha256}",
            )
    return entries


def export_year(
    year: int,
    target: Path,
    *,
    when: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    hooks: ExportHooks | None = None,
) -> ExportResult:
    """Export ``year`` into a new dated folder under ``target``; see the module docstring."""
    started = time.perf_counter()
    when = when or datetime.now()
    target = Path(target)
    run = _Run(target, progress or (lambda _f, _t: None), cancelled, hooks or ExportHooks())
    if not target.is_dir():
        raise ExportError(
            f"Không tìm thấy thư mục “{target}”: ổ đĩa có thể đã bị rút ra hoặc đường dẫn sai."
        )
    scratch = Path(tempfile.mkdtemp(prefix="tdkt-export-"))
    try:
        sources = _prepare(run, year, when, scratch)
        total = sum(s.size for s in sources)
        _check_space(target, total)
        run.folder = _new_folder(target, export_folder_name(year, when))
        try:
            run.mkdir(run.folder)
            entries = _write_all(run, sources, total)
            manifest = _manifest_source(year, when, entries)
            run.write_file(manifest, total, total)  # the last step of writing
            verify_folder(run.folder, run.progress, cancelled, run.hooks.before_verify)
        except OSError as exc:
            run.rollback()
            raise explain(exc, target, total) from exc
        except BaseException:
            run.rollback()
            raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    run.progress(1.0, "Đã xuất và kiểm tra xong.")
    return ExportResult(run.folder, tuple(entries), time.perf_counter() - started)


def _write_all(run: _Run, sources: Iterable[_Source], total: int) -> list[ManifestEntry]:
    entries = []
    done = 0
    for source in sources:
        run.check()
        entries.append(run.write_file(source, done, total))
        done += entries[-1].size
    return entries


def _check_space(target: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(target).free
    except OSError as exc:
        raise explain(exc, target, needed) from exc
    if free < needed + SPACE_MARGIN:
        raise ExportError(
            f"Ổ đĩa “{target}” không đủ chỗ trống: cần khoảng {_mb(needed + SPACE_MARGIN)}, "
            f"còn {_mb(free)}. Hãy xóa bớt tệp trên ổ hoặc chọn ổ khác. Chưa có tệp nào được ghi."
        )


def _new_folder(target: Path, name: str) -> Path:
    folder = target / name
    number = 2
    while folder.exists():
        folder = target / f"{name}-{number}"
        number += 1
    return folder
