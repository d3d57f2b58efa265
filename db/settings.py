"""Typed settings stored in the database: every key and its default are declared here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from db.models import Setting


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: Any
    description: str


REGISTRY: dict[str, SettingDef] = {
    d.key: d
    for d in (
        SettingDef("agency.configured", False, "Đã nhập thông tin cơ quan"),
        SettingDef("agency.director_name", "", "Họ và tên Giám đốc"),
        SettingDef("agency.director_title", "GIÁM ĐỐC", "Chức danh người ký"),
        SettingDef(
            "award.cstdcs_cap_percent", 0, "Tỷ lệ CSTĐCS tối đa trên số LĐTT (0: không áp dụng)"
        ),
        SettingDef("award.base_salary_vnd", 2340000, "Mức lương cơ sở (đồng)"),
        SettingDef("backup.last_daily", "", "Ngày sao lưu tự động gần nhất"),
    )
}


def _definition(key: str) -> SettingDef:
    try:
        return REGISTRY[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}") from None


def get(key: str) -> Any:
    definition = _definition(key)
    row = Setting.get_or_none(Setting.key == key)
    return definition.default if row is None else json.loads(row.value)


def put(key: str, value: Any) -> None:
    _definition(key)
    Setting.insert(
        key=key, value=json.dumps(value, ensure_ascii=False)
    ).on_conflict_replace().execute()


def ensure_defaults() -> None:
    """Insert every declared key that the database does not hold yet."""
    existing = {s.key for s in Setting.select(Setting.key)}
    for key, definition in REGISTRY.items():
        if key not in existing:
            put(key, definition.default)


def stray_keys() -> list[str]:
    return [s.key for s in Setting.select(Setting.key) if s.key not in REGISTRY]
