"""Small helpers the column specifications share."""

from __future__ import annotations

from datetime import date

from app.vntext import name_sort_key, short_date, sort_key
from db.enums import LabelledEnum


def label(value: LabelledEnum | None) -> str:
    return "" if value is None else value.label


def date_text(value: date | None) -> str:
    return short_date(value)


def date_sort(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def text_sort(value: str) -> str:
    return sort_key(value)


def name_sort(value: str) -> str:
    return name_sort_key(value)
