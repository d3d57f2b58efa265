"""Typed settings: declared defaults, inserted at start-up, no stray keys."""

from __future__ import annotations

import peewee as pw
import pytest

from db import settings
from db.models import Setting


def test_every_declared_key_is_stored_with_its_default(db: pw.SqliteDatabase) -> None:
    stored = {s.key for s in Setting.select()}
    assert stored == set(settings.REGISTRY)
    assert settings.get("agency.configured") is False
    assert settings.stray_keys() == []


def test_put_and_get_round_trip_vietnamese(db: pw.SqliteDatabase) -> None:
    settings.put("agency.director_name", "Phạm Thị Anh Thư")
    assert settings.get("agency.director_name") == "Phạm Thị Anh Thư"


def test_unknown_keys_are_refused(db: pw.SqliteDatabase) -> None:
    with pytest.raises(KeyError):
        settings.put("no.such.key", 1)
    with pytest.raises(KeyError):
        settings.get("no.such.key")


def test_stray_keys_are_reported(db: pw.SqliteDatabase) -> None:
    Setting.create(key="old.removed", value="1")
    assert settings.stray_keys() == ["old.removed"]
