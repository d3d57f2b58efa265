"""Sorting in the record table model: on the GUI thread (sort) and on a worker (presorted) alike,
missing values last, equal keys in their loaded order, Vietnamese names given name first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from app.vntext import name_sort_value
from ui.models.columns import name_sort
from ui.models.record_table_model import Column, RecordTableModel

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    sort_name: str
    rank: int | None


class Model(RecordTableModel[Row]):
    columns = (
        Column("Tên", lambda r: r.name, sort=lambda r: name_sort(r.sort_name)),
        Column("Hạng", lambda r: str(r.rank or ""), sort=lambda r: r.rank),
    )


def person(i: int, family: str, middle: str, given: str, rank: int | None = None) -> Row:
    return Row(i, f"{family} {middle} {given}", name_sort_value(family, middle, given), rank)


ROWS = [
    person(1, "Nguyễn", "Văn", "Bảy", 2),
    person(2, "Trần", "Thị", "An", None),
    person(3, "Đặng", "Văn", "Chín", 1),
    person(4, "Lê", "Thị", "Ánh", None),
    person(5, "Bùi", "Văn", "Bảy", 2),
]


def ids_sorted(column: int, order: Qt.SortOrder) -> tuple[list[int], list[int]]:
    """The order ``sort`` gives and the order ``presorted`` gives."""
    model = Model()
    model.set_rows(ROWS)
    model.sort(column, order)
    on_gui = [r.id for r in model.rows()]
    presorted = Model().presorted(ROWS, column, order)
    return on_gui, [r.id for r in presorted.rows]


def test_names_sort_by_given_name_first_then_middle_then_family(qapp: Any) -> None:
    # An < Ánh (tone after letter), Bảy (Bùi) < Bảy (Nguyễn) by family name, Chín after
    assert ids_sorted(0, ASC) == ([2, 4, 5, 1, 3], [2, 4, 5, 1, 3])
    assert ids_sorted(0, DESC) == ([3, 1, 5, 4, 2], [3, 1, 5, 4, 2])


def test_missing_values_sort_last_and_equal_keys_keep_their_order(qapp: Any) -> None:
    assert ids_sorted(1, ASC) == ([3, 1, 5, 2, 4], [3, 1, 5, 2, 4])
    # descending reverses the keys, equal keys keep their loaded order, missing ones first
    assert ids_sorted(1, DESC) == ([2, 4, 1, 5, 3], [2, 4, 1, 5, 3])


def test_presorted_rows_are_shown_in_their_order_and_resorted_by_the_cache(qapp: Any) -> None:
    model = Model()
    model.set_rows(Model().presorted(ROWS, 1, ASC))
    assert model.sorted_by() == (1, ASC)
    assert [r.id for r in model.rows()] == [3, 1, 5, 2, 4]
    model.sort(0, ASC)
    assert [r.id for r in model.rows()] == [2, 4, 5, 1, 3]
    model.sort(1, ASC)  # the keys cached for column 1 followed the rows' new order
    assert [r.id for r in model.rows()] == [3, 5, 1, 2, 4]  # ties: Bảy (Bùi) still first
