"""Vietnamese text: NFC normalisation, folded search keys, name collation, administrative dates."""

from __future__ import annotations

import unicodedata
from datetime import date

# Letter order of the Vietnamese alphabet; f, j, w, z (foreign words) take their Latin places.
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_LETTER_RANK = {letter: i + 1 for i, letter in enumerate(_ALPHABET)}

# Combining marks that make a letter of its own (ă â ê ô ơ ư) versus tone marks.
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_TONE_RANK = {
    "\u0300": 1,
    "\u0309": 2,
    "\u0303": 3,
    "\u0301": 4,
    "\u0323": 5,
}  # huyền hỏi ngã sắc nặng
_COMPOSE = {
    ("a", "breve"): "ă",
    ("a", "circumflex"): "â",
    ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô",
    ("o", "horn"): "ơ",
    ("u", "horn"): "ư",
}
NAME_PART_SEPARATOR = "\t"


def nfc(text: str | None) -> str:
    """The text in Unicode NFC (precomposed), as everything is stored."""
    return unicodedata.normalize("NFC", text or "")


def clean(text: str | None) -> str:
    """NFC with surrounding whitespace removed: what a form field stores."""
    return nfc(text).strip()


_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def has_control_chars(text: str | None) -> bool:
    """True when the text holds control characters other than tab and line breaks (or NUL)."""
    return any(
        (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS) or 0x7F <= ord(ch) < 0xA0
        for ch in text or ""
    )


def fold(text: str | None) -> str:
    """A search key: no diacritics, đ → d, case-folded. "Đặng Thị" → "dang thi"."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d").replace("Đ", "D").casefold()


def fold_many(*parts: str | None) -> str:
    """One search key for several fields, separated so that words never join."""
    return " | ".join(fold(p) for p in parts if p)


def matches(query: str, haystack_key: str) -> bool:
    """True when every word of the folded query occurs in the folded haystack."""
    return all(word in haystack_key for word in fold(query).split())


def _letters(text: str) -> list[tuple[int, int, int, int]]:
    """Per character: (letter rank, tone rank, case, code point) under Vietnamese rules."""
    out: list[tuple[int, int, int, int]] = []
    for ch in nfc(text):
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        lower = base.lower()
        is_upper = 1 if base != lower else 0
        tone = 0
        letter = lower
        for mark in marks:
            if mark in _LETTER_MARKS:
                letter = _COMPOSE.get((letter, _LETTER_MARKS[mark]), letter)
            elif mark in _TONE_RANK:
                tone = _TONE_RANK[mark]
        if letter == "đ" or ch in "đĐ":
            letter = "đ"
            is_upper = 1 if ch == "Đ" else 0
        rank = _LETTER_RANK.get(letter)
        if rank is None:
            # Spaces and punctuation before letters, digits after them, others by code point.
            if letter.isspace():
                rank = -2
            elif letter.isdigit():
                rank = 100 + ord(letter)
            else:
                rank = -1 if not letter.isalnum() else 1000 + ord(letter)
        out.append((rank, tone, is_upper, ord(ch)))
    return out


def _build_tables() -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """str.translate tables giving, per character, its letter, tone and case level."""
    letters = "".join(chr(c) for c in range(0x20, 0x250)) + "".join(
        chr(c) for c in range(0x1EA0, 0x1EFA)
    )
    primary: dict[int, str] = {}
    tones: dict[int, str] = {}
    cases: dict[int, str] = {}
    for ch in letters:
        rank, tone, upper, _ = _letters(ch)[0]
        if rank < 0:
            primary[ord(ch)] = chr(0x20 + rank + 2)  # space → 0x20, punctuation → 0x21
        elif rank < 100:
            primary[ord(ch)] = chr(0x100 + rank)
        elif rank < 1000:  # digits, before letters
            primary[ord(ch)] = chr(0x80 + rank - 100 - ord("0"))
        else:
            primary[ord(ch)] = chr(0x200 + (rank % 0x1000))
        tones[ord(ch)] = chr(0x30 + tone)
        cases[ord(ch)] = chr(0x30 + upper)
    return primary, tones, cases


_PRIMARY, _TONES, _CASES = _build_tables()
_LEVEL_SEP, _PART_SEP = "\x02", "\x01"


def sort_key(text: str | None) -> str:
    """Vietnamese collation key as a plain string: letters, then tones, then case (ICU "vi").

    Characters outside Latin and Vietnamese keep their code points, after the letters.
    """
    value = nfc(text)
    return _LEVEL_SEP.join(
        (value.translate(_PRIMARY), value.translate(_TONES), value.translate(_CASES))
    )


def name_sort_value(family: str, middle: str, given: str, manual: str | None = None) -> str:
    """The stored sort value of a person: the manual key when set, else given, middle, family."""
    if manual and manual.strip():
        return clean(manual)
    return NAME_PART_SEPARATOR.join((clean(given), clean(middle), clean(family)))


def name_sort_key(value: str | None) -> str:
    """Compare a stored sort value part by part (given name first), each in Vietnamese order."""
    return _PART_SEP.join(sort_key(part) for part in (value or "").split(NAME_PART_SEPARATOR))


def collate_vi(left: str | None, right: str | None) -> int:
    """SQLite collation "VI" for ORDER BY on person.sort_name and other Vietnamese text."""
    a, b = name_sort_key(left), name_sort_key(right)
    return (a > b) - (a < b)


def full_name(family: str, middle: str, given: str) -> str:
    return " ".join(p for p in (clean(family), clean(middle), clean(given)) if p)


def split_name(name: str) -> tuple[str, str, str]:
    """Split "Nguyễn Thị Anh Thư" into (family, middle, given) = ("Nguyễn", "Thị Anh", "Thư")."""
    words = clean(name).split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def two_digits_day(day: int) -> str:
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Months 1 and 2 take a leading zero in documents (Decree 30/2020); the others do not."""
    return f"{month:02d}" if month < 3 else str(month)


def admin_date(when: date, place: str | None = None) -> str:
    """ "Bình Phước, ngày 07 tháng 4 năm 2024" (or without the place)."""
    text = f"ngày {two_digits_day(when.day)} tháng {month_text(when.month)} năm {when.year}"
    place = clean(place)
    return f"{place}, {text}" if place else text


def number_text(value: int, signed: bool = False) -> str:
    """A count as Vietnamese writes it: "3.538", "-2.605"; with ``signed``, "+12" too."""
    text = f"{value:,}".replace(",", ".")
    return f"+{text}" if signed and value > 0 else text


def short_date(when: date | None) -> str:
    """dd/mm/yyyy for tables."""
    return "" if when is None else f"{when.day:02d}/{when.month:02d}/{when.year}"


_ROMAN = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def alpha(number: int) -> str:
    """1 → a, 2 → b … (Vietnamese documents skip no letters for the first 26 items)."""
    return "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26]
