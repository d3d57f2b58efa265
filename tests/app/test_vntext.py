"""Vietnamese text: NFC, folded search keys, collation, administrative dates."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import vntext

VIETNAMESE = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
vn_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " -,.", max_size=30)


@given(vn_text)
def test_nfc_is_idempotent_and_canonical(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    assert vntext.nfc(decomposed) == vntext.nfc(text) == unicodedata.normalize("NFC", text)
    assert vntext.nfc(vntext.nfc(text)) == vntext.nfc(text)


@given(vn_text)
def test_fold_drops_every_mark_and_case(text: str) -> None:
    key = vntext.fold(text)
    assert key == vntext.fold(unicodedata.normalize("NFD", text))
    assert key == vntext.fold(text.upper())
    assert "đ" not in key
    assert all(unicodedata.category(ch) != "Mn" for ch in unicodedata.normalize("NFD", key))
    assert key.isascii()


@pytest.mark.parametrize(
    ("query", "name", "found"),
    [
        ("nguyen thi", "Nguyễn Thị Hương", True),
        ("dang", "Đặng Văn Lâm", True),
        ("ĐẶNG", "đặng văn lâm", True),
        ("thi huong", "Nguyễn Thị Hương", True),
        ("huong thi", "Nguyễn Thị Hương", True),  # every word, in any order
        ("hung", "Nguyễn Thị Hương", False),
    ],
)
def test_search_ignores_diacritics_and_case(query: str, name: str, found: bool) -> None:
    assert vntext.matches(query, vntext.fold(name)) is found


def test_letter_and_tone_order() -> None:
    letters = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "o", "ô", "ơ", "u", "ư", "v", "y"]
    assert sorted(reversed(letters), key=vntext.sort_key) == letters
    tones = ["a", "à", "ả", "ã", "á", "ạ"]  # ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted(reversed(tones), key=vntext.sort_key) == tones
    # letters decide before tones: "ác" < "ăn" although á has a tone and ă none
    assert sorted(["ăn", "ác"], key=vntext.sort_key) == ["ác", "ăn"]
    # code-point order would put Đ after Z
    assert sorted(["Zê", "Đan"], key=vntext.sort_key) == ["Đan", "Zê"]


def _ordered(names: list[str]) -> list[str]:
    return sorted(
        names, key=lambda n: vntext.name_sort_key(vntext.name_sort_value(*vntext.split_name(n)))
    )


def test_people_sort_by_given_name_then_middle_then_family() -> None:
    names = [
        "Trần Thị Bình",
        "Nguyễn Văn An",
        "Lê Văn Ánh",
        "Đỗ Đức Đạt",
        "Phạm Thị Anh Thư",
        "Lê Anh",
    ]
    assert _ordered(names) == [
        "Nguyễn Văn An",
        "Lê Anh",  # given name Anh: after An, and before Ánh (no tone before sắc)
        "Lê Văn Ánh",
        "Trần Thị Bình",
        "Đỗ Đức Đạt",
        "Phạm Thị Anh Thư",
    ]
    # same given name: the middle name decides, then the family name
    assert _ordered(["Trần Văn An", "Nguyễn Văn An", "Lê Thị An"]) == [
        "Lê Thị An",
        "Nguyễn Văn An",
        "Trần Văn An",
    ]


def test_manual_sort_key_wins() -> None:
    assert vntext.name_sort_value("Niê", "Kdăm", "Y Moan", manual="Moan Y") == "Moan Y"


@given(st.lists(st.tuples(vn_text, vn_text, vn_text), min_size=2, max_size=8))
def test_name_order_is_a_total_order_matching_the_collation(
    parts: list[tuple[str, str, str]],
) -> None:
    values = [vntext.name_sort_value(f, m, g) for f, m, g in parts]
    by_key = sorted(values, key=vntext.name_sort_key)
    for left, right in zip(by_key, by_key[1:], strict=False):
        assert vntext.collate_vi(left, right) <= 0
        assert vntext.collate_vi(right, left) >= 0


@given(vn_text, vn_text)
def test_sort_key_respects_primary_letters_first(a: str, b: str) -> None:
    # equal strings apart from tones compare by their letters only when letters differ
    if vntext.fold(a) == vntext.fold(b) and a.casefold() == b.casefold():
        return
    ka, kb = vntext.sort_key(a), vntext.sort_key(b)
    assert (ka < kb) or (ka > kb) or (a == b)


@pytest.mark.parametrize(
    ("when", "place", "expected"),
    [
        (date(2014, 4, 7), "Bình Phước", "Bình Phước, ngày 07 tháng 4 năm 2014"),
        (date(2025, 1, 15), "Quảng Trị", "Quảng Trị, ngày 15 tháng 01 năm 2025"),
        (date(2024, 2, 1), "", "ngày 01 tháng 02 năm 2024"),
        (date(2024, 12, 31), None, "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_admin_date(when: date, place: str | None, expected: str) -> None:
    assert vntext.admin_date(when, place) == expected


@given(st.dates(min_value=date(1945, 9, 2), max_value=date(2100, 12, 31)))
def test_admin_date_pads_as_decree_30_says(when: date) -> None:
    text = vntext.admin_date(when)
    match = re.fullmatch(r"ngày (\d\d) tháng (\d+) năm (\d{4})", text)
    assert match is not None
    day, month, year = match.groups()
    assert int(day) == when.day and int(month) == when.month and int(year) == when.year
    assert len(month) == (2 if when.month < 3 else len(str(when.month)))


def test_split_and_join_names() -> None:
    assert vntext.split_name("  Nguyễn  Thị Anh   Thư ") == ("Nguyễn", "Thị Anh", "Thư")
    assert vntext.split_name("Thư") == ("", "", "Thư")
    assert vntext.full_name("Nguyễn", "", "An") == "Nguyễn An"


def test_roman_and_alpha() -> None:
    assert [vntext.roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == [
        "I",
        "II",
        "III",
        "IV",
        "IX",
        "XIV",
        "XL",
    ]
    assert [vntext.alpha(n) for n in (1, 2, 26)] == ["a", "b", "z"]
