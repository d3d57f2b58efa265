"""What a Vietnamese administrative document holds (Decree 30/2020), independent of its format."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Header:
    parent_body: str  # "UBND TỈNH BÌNH PHƯỚC"
    issuing_body: str  # "SỞ NGOẠI VỤ"
    number_symbol: str  # "Số: 15/KH-SNgV", composed by the caller
    place_date: str  # "Bình Phước, ngày 07 tháng 4 năm 2024", composed by the caller


@dataclass(frozen=True)
class Signer:
    authority: str = ""  # "TM. HỘI ĐỒNG", "KT. GIÁM ĐỐC", or empty
    title: str = ""  # "GIÁM ĐỐC"
    name: str = ""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: "I. …", 2: "1. …", 3: "a) …"


@dataclass(frozen=True)
class Paragraph:
    text: str
    indent_first_line: bool = True
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # justify, left, center, right


@dataclass(frozen=True)
class LabelledLine:
    """Printed "- <label>: <text>"."""

    label: str
    text: str


@dataclass(frozen=True)
class Bullet:
    """Printed "- <text>"."""

    text: str


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # fractions of the text width; equal when empty
    align: tuple[str, ...] = ()  # per column: left, center, right


@dataclass(frozen=True)
class Spacer:
    height_mm: float = 4.0


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | LabelledLine | Bullet | Table | Spacer | PageBreak


@dataclass(frozen=True)
class AdminDocument:
    header: Header
    doc_type: str  # "KẾ HOẠCH", "GIẤY MỜI", "BIÊN BẢN", "QUYẾT ĐỊNH"; empty for a công văn
    subject: tuple[str, ...]
    body: tuple[Block, ...]
    recipients: tuple[str, ...] = ()
    signer: Signer = Signer()
    legal_bases: tuple[str, ...] = ()
    recipients_heading: str = "Nơi nhận:"
    landscape: bool = False
    title: str = ""
    author: str = ""


# Decree 30/2020 page layout, in millimetres.
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 20.0, 20.0, 30.0, 15.0
FIRST_LINE_INDENT_MM = 12.7
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
HEADER_SPLIT = 0.4  # the left column's share of the header
CLOSING_SPLIT = 0.45  # the recipients' share of the closing block
