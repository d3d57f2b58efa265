"""The export renders in a second (spawned) process: same bytes, same order, cancel, fallback."""

from __future__ import annotations

import multiprocessing
import pickle
from datetime import datetime
from pathlib import Path

import peewee as pw
import pytest

from app import usb_export
from app.errors import AppError, ValidationError
from app.usb_export import ExportCancelled, export_year
from app.year_documents import document_builds
from tests.summary_year import fill_year

WHEN = datetime(2025, 1, 15, 9, 30)


@pytest.fixture
def year(sample_db: pw.SqliteDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")  # inherited by the spawned worker
    fill_year()


def _export(target: Path, **kwargs) -> dict[str, bytes]:
    target.mkdir()
    result = export_year(2024, target, when=WHEN, **kwargs)
    return {e.path: (result.folder / e.path).read_bytes() for e in result.entries}


def test_documents_and_their_charts_pickle_for_the_worker(year: None) -> None:
    for _name, build, _word in document_builds(2024):
        document = build()
        assert pickle.loads(pickle.dumps(document)) == document


def test_pooled_rendering_gives_the_same_files_in_the_same_order(
    year: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = []
    real_start = usb_export._start_pool
    monkeypatch.setattr(usb_export, "_start_pool", lambda: started.append(1) or real_start())
    monkeypatch.setattr(usb_export, "POOL_MIN_DOCUMENTS", 10**6)
    alone = _export(tmp_path / "alone")
    assert started == []
    monkeypatch.setattr(usb_export, "POOL_MIN_DOCUMENTS", 1)
    pooled = _export(tmp_path / "pooled")
    assert started == [1]
    assert list(pooled) == list(alone)  # the manifest's order
    pdfs = [path for path in alone if path.endswith(".pdf")]
    assert len(pdfs) > 3
    for path in pdfs:
        assert pooled[path] == alone[path], path
    assert multiprocessing.active_children() == []


def test_a_cancel_while_pooled_stops_the_worker_and_writes_nothing(
    year: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usb_export, "POOL_MIN_DOCUMENTS", 1)
    state = {"calls": 0}

    def progress(_fraction: float, _text: str) -> None:
        state["calls"] += 1

    target = tmp_path / "USB"
    target.mkdir()
    with pytest.raises(ExportCancelled):
        export_year(
            2024, target, when=WHEN, progress=progress, cancelled=lambda: state["calls"] >= 3
        )
    assert multiprocessing.active_children() == []
    assert list(target.rglob("*")) == []


def test_no_process_means_rendering_here(
    year: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(usb_export, "POOL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr(usb_export, "_start_pool", refuse)
    files = _export(tmp_path / "USB")
    assert [p for p in files if p.endswith(".pdf")]
    assert [p for p in files if p.endswith(".docx")]
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_is_replaced_by_rendering_here(
    year: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usb_export, "POOL_MIN_DOCUMENTS", 10**6)
    alone = _export(tmp_path / "alone")
    monkeypatch.setattr(usb_export, "POOL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr(usb_export, "_render_in_worker", _die)
    pooled = _export(tmp_path / "pooled")
    assert list(pooled) == list(alone)
    assert all(pooled[p] == alone[p] for p in alone if p.endswith(".pdf"))
    assert multiprocessing.active_children() == []


def _die(document, word):  # pragma: no cover - runs in the worker
    import os

    os._exit(3)


def test_a_worker_error_keeps_its_vietnamese_message() -> None:
    error = pickle.loads(pickle.dumps(AppError("Không tạo được tài liệu", detail="chi tiết")))
    assert (error.message, error.detail, str(error)) == (
        "Không tạo được tài liệu",
        "chi tiết",
        "Không tạo được tài liệu",
    )
    invalid = pickle.loads(pickle.dumps(ValidationError("Sai", field="ngày")))
    assert isinstance(invalid, ValidationError) and invalid.field == "ngày"
