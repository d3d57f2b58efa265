"""Fixtures of the documents tests: the bundled font, so that output is the same everywhere."""

from __future__ import annotations

import pytest

from app.documents.fonts import ENV_FONT


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """Liberation Serif, whatever fonts this machine has installed."""
    monkeypatch.setenv(ENV_FONT, "bundled")
