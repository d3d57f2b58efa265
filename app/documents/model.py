"""What a Vietnamese administrative document holds (Decree 30/2020), independent of its format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

ALIGNMENTS = ("justify", "left", "center", "right")


@dataclass(frozen=True)
class Signer:
    """The signature block: authority prefix, title, (room to sign), name."""

    authority: str = ""  # "TM. HỘI ĐỒNG", "KT. GIÁM ĐỐC", or empty
    title: str = ""  # "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    name: str = ""  # "Phạm Thị Anh Thư"

    @property
    def is_empty(self) -> bool:
        return not (self.authority.strip() or self.title.strip() or self.name.strip())


@dataclass(frozen=True)
class Header:
    """The two header columns; the caller composes the number and the dated line."""

    parent_body: str  # "UBND TỈNH BÌNH PHƯỚC"
    issuing_body: str  # "SỞ NGOẠI VỤ"
    number_symbol: str  # "Số: 15/KH-SNgV" or "Số:      /KH-HĐTĐKT"
    place_date: str  # "Bình Phước, ngày 07 tháng 4 năm 2024"


@dataclass(frozen=True)
class Heading:
    """A heading of the body: 1 "I. …" bold, 2 "1. …" bold, 3 "a) …" bold italic."""

    text: str
    level: int = 1

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise ValueError(f"heading level must be 1, 2 or 3, not {self.level!r}")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text (justified with a first-line indent unless told otherwise)."""

    text: str
    indent_first_line: bool = True
    bold: bool = False
    italic: bool = False
    align: str = "justify"  # justify, left, center, right

    def __post_init__(self) -> None:
        if self.align not in ALIGNMENTS:
            raise ValueError(f"align must be one of {ALIGNMENTS}, not {self.align!r}")


@dataclass(frozen=True)
class LabelledLine:
    """Printed "- <label>: <text>"."""

    label: str
    text: str


@dataclass(frozen=True)
class Bullet:
    """Printed "- <text>", wrapped lines aligned after the dash."""

    text: str


@dataclass(frozen=True)
class Table:
    """A ruled table; widths are fractions of the text width (equal when empty).

    ``columns`` is the header row (may be empty for a table without one); ``align`` gives
    left, center or right per column (left when missing). Rows shorter than the table are
    padded with empty cells.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    header_repeat: bool = True
    align: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        count = self.column_count
        if count == 0:
            raise ValueError("a table needs at least one column")
        if self.widths and (len(self.widths) != count or min(self.widths) <= 0):
            raise ValueError(f"a table of {count} columns needs {count} positive widths")
        longest = max((len(row) for row in self.rows), default=0)
        if longest > count:
            raise ValueError(f"a row has {longest} cells; the table has {count} columns")
        wrong = [a for a in self.align if a not in ALIGNMENTS[1:]]
        if wrong or len(self.align) > count:
            raise ValueError(f"column alignments must be left, center or right: {self.align!r}")

    @property
    def column_count(self) -> int:
        if self.columns:
            return len(self.columns)
        if self.widths:
            return len(self.widths)
        return max((len(row) for row in self.rows), default=0)

    def fractions(self) -> tuple[float, ...]:
        """Column widths as fractions summing to 1."""
        count = self.column_count
        widths = self.widths or (1.0,) * count
        total = sum(widths)
        return tuple(w / total for w in widths)

    def column_align(self, index: int) -> str:
        return self.align[index] if index < len(self.align) else "left"

    def padded_rows(self) -> list[Sequence[str]]:
        count = self.column_count
        return [
            row if len(row) == count else (*row, *[""] * (count - len(row))) for row in self.rows
        ]


@dataclass(frozen=True)
class Spacer:
    """Vertical space."""

    height_mm: float = 4.0


@dataclass(frozen=True)
class PageBreak:
    """The rest of the body starts on a new page."""


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart: one bar per series for each category, with a legend.

    Drawn with ReportLab graphics in the PDF and as a PNG of the same drawing in Word.
    ``caption`` is printed centred under the chart.
    """

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (legend label, one value per category)
    caption: str = ""
    height_mm: float = 0.0  # 0: sized from the number of bars

    def __post_init__(self) -> None:
        if not self.series:
            raise ValueError("a chart needs at least one series")
        wrong = [name for name, values in self.series if len(values) != len(self.categories)]
        if wrong:
            raise ValueError(f"series {wrong!r} do not have one value per category")
        if self.height_mm < 0:
            raise ValueError("a chart's height cannot be negative")


@dataclass(frozen=True)
class Display:
    """A centred line of large type (the words of a certificate), ``size`` in points."""

    text: str
    size: float = 14.0
    bold: bool = False
    italic: bool = False
    space_before_mm: float = 0.0

    def __post_init__(self) -> None:
        if not 6 <= self.size <= 72:
            raise ValueError(f"display size must be 6 to 72 points, not {self.size!r}")


@dataclass(frozen=True)
class SignatureBlock:
    """A signature inside the body, with the place and date above it on the right; on the left
    the recipients ("Nơi nhận:") or a note (a certificate's decision number and date). For a
    certificate (one per page) or a document followed by an attached list."""

    signer: Signer
    place_date: str = ""
    note: str = ""
    recipients: tuple[str, ...] = ()
    recipients_heading: str = "Nơi nhận:"


Block = (
    Heading
    | Paragraph
    | LabelledLine
    | Bullet
    | Table
    | Spacer
    | PageBreak
    | Display
    | SignatureBlock
    | BarChart
)


@dataclass(frozen=True)
class AdminDocument:
    """A whole document: header, type and subject, legal bases, body, recipients, signature.

    ``doc_type`` is "KẾ HOẠCH", "GIẤY MỜI", "BIÊN BẢN", "QUYẾT ĐỊNH"…; empty for a công văn,
    whose subject lines ("V/v …", composed by the caller) then go under the number.
    ``left_signer`` is a second signature on the left (the secretary of a biên bản); the
    recipients then follow under the signatures. A ``bare`` document (a certificate) has no
    header, type, subject or page numbers: its body is all there is.
    """

    header: Header
    doc_type: str
    subject: tuple[str, ...]
    body: tuple[Block, ...]
    recipients: tuple[str, ...] = ()
    signer: Signer = field(default_factory=Signer)
    legal_bases: tuple[str, ...] = ()
    recipients_heading: str = "Nơi nhận:"
    landscape: bool = False
    title: str = ""
    author: str = ""
    left_signer: Signer = field(default_factory=Signer)
    bare: bool = False

    @property
    def metadata_title(self) -> str:
        return self.title or " ".join(part for part in (self.doc_type, *self.subject) if part)

    @property
    def metadata_author(self) -> str:
        return self.author or self.header.issuing_body
