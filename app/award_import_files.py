"""The file side of the proposal import: the template units fill in, and reading the table out of
an Excel workbook or a Word document (the first sheet or table with the expected headers)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.errors import ValidationError
from app.vntext import clean, fold
from db.enums import CommendationKind, RecipientKind

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SCAN_ROWS = 15
_HEADING = r"(?:[IVXL]+|[A-Za-z])(?:[.)]|\s|$)"


# The template's columns: key, header, width, note. The reader finds them by these headers
# (and the aliases below), in any order, without diacritics or case.
@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header: str
    width: int
    required: bool = False


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("stt", "STT", 6),
    ColumnSpec("recipient", "Đối tượng (Cá nhân/Tập thể)", 16),
    ColumnSpec("name", "Họ và tên cá nhân / Tên tập thể", 32, required=True),
    ColumnSpec("unit", "Đơn vị công tác", 28),
    ColumnSpec("award", "Danh hiệu, hình thức khen thưởng", 34, required=True),
    ColumnSpec("year", "Năm", 8),
    ColumnSpec("kind", "Loại hình khen thưởng", 22),
    ColumnSpec("achievements", "Thành tích tóm tắt", 50),
    ColumnSpec("initiative", "Sáng kiến, đề tài", 36),
    ColumnSpec("campaign", "Phong trào thi đua (khen theo đợt, chuyên đề)", 30),
)

_ALIASES: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "so tt", "so thu tu", "tt"),
    "recipient": ("doi tuong", "ca nhan/tap the", "ca nhan / tap the", "loai doi tuong"),
    "name": (
        "ho va ten",
        "ho ten",
        "ho va ten ca nhan",
        "ten tap the",
        "ten ca nhan",
        "ho va ten / ten tap the",
        "ca nhan, tap the",
        "ten ca nhan, tap the",
        "ten",
    ),
    "unit": (
        "don vi",
        "don vi cong tac",
        "chuc vu, don vi",
        "chuc vu, don vi cong tac",
        "noi cong tac",
    ),
    "award": (
        "danh hieu",
        "hinh thuc",
        "danh hieu, hinh thuc",
        "hinh thuc khen thuong",
        "danh hieu thi dua",
        "hinh thuc de nghi",
        "danh hieu de nghi",
        "de nghi",
    ),
    "year": ("nam", "nam de nghi", "nam xet"),
    "kind": ("loai hinh", "loai hinh khen thuong", "loai khen thuong"),
    "campaign": ("phong trao", "phong trao thi dua", "dot thi dua", "chuyen de"),
    "achievements": (
        "thanh tich",
        "thanh tich tom tat",
        "tom tat thanh tich",
        "noi dung thanh tich",
    ),
    "initiative": ("sang kien", "sang kien, de tai", "de tai", "sang kien/de tai"),
}

TEMPLATE_NOTE = (
    "Mỗi dòng là một cá nhân hoặc một tập thể được đề nghị. Ghi đúng họ tên như trong danh bạ "
    "của cơ quan (có dấu); tên danh hiệu, hình thức ghi đầy đủ hoặc viết tắt như LĐTT, "
    "CSTĐCS, TTLĐTT. Cột Năm để trống thì lấy năm do người nhập chọn. Dòng có STT “VD” là ví dụ, "
    "không được nhập; có thể xóa."
)
EXAMPLE_MARKS = ("vd", "vi du")


def _norm(text: str) -> str:
    """Folded, with punctuation spacing and repeated spaces tidied: the form headers are compared in."""
    folded = fold(text).replace("\n", " ")
    folded = re.sub(r"\s*([,/])\s*", r"\1 ", folded)
    folded = re.sub(r"\(.*?\)", "", folded)
    return " ".join(folded.replace(":", " ").split()).strip(" .,")


_HEADER_KEYS: dict[str, str] = {}
for _spec in COLUMNS:
    _HEADER_KEYS[_norm(_spec.header)] = _spec.key
for _key, _names in _ALIASES.items():
    for _name in _names:
        _HEADER_KEYS.setdefault(_norm(_name), _key)


def template_xlsx() -> bytes:
    """The workbook units fill in: a title, a note, Vietnamese headers and one example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách đề nghị"
    last = get_column_letter(len(COLUMNS))
    sheet["A1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet["A2"] = TEMPLATE_NOTE
    sheet["A2"].font = Font(italic=True, size=10)
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[2].height = 48
    header_fill = PatternFill("solid", fgColor="DDE7F3")
    for index, spec in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=3, column=index, value=spec.header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = spec.width
    sheet.row_dimensions[3].height = 32
    sheet.cell(row=3, column=2).comment = Comment("Ghi “Cá nhân” hoặc “Tập thể”.", "TĐKT Desk")
    sheet.cell(row=3, column=5).comment = Comment(
        "Ví dụ: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến, "
        "Giấy khen của Giám đốc Sở (hoặc viết tắt: LĐTT, CSTĐCS, TTLĐTT).",
        "TĐKT Desk",
    )
    example = (
        "VD",
        RecipientKind.INDIVIDUAL.label,
        "Nguyễn Văn An",
        "Văn phòng",
        "Lao động tiên tiến",
        date.today().year,
        CommendationKind.REGULAR.label,
        "Hoàn thành tốt nhiệm vụ được giao",
        "",
    )
    for index, value in enumerate(example, start=1):
        cell = sheet.cell(row=4, column=index, value=value)
        cell.font = Font(italic=True, color="7F7F7F")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- reading files ---------------------------------------------------------------------------
Cell = object
RawRow = tuple[int, list[Cell]]  # (row number as shown, cells)


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    return " ".join(clean(str(value)).split())


def cell_long_text(value: Cell) -> str:
    """Multi-line text keeps its lines (achievements written as several points)."""
    if value is None:
        return ""
    lines = [" ".join(line.split()) for line in clean(str(value)).splitlines()]
    return "\n".join(line for line in lines if line)


def _header_map(cells: Sequence[Cell]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(cells):
        key = _HEADER_KEYS.get(_norm(cell_text(value)))
        if key and key not in found:
            found[key] = index
    return found


def _find_table(rows: Iterable[RawRow]) -> tuple[dict[str, int], list[RawRow]] | None:
    """The header row (within the first rows) and the data rows after it, or None."""
    buffered: list[RawRow] = []
    header: dict[str, int] | None = None
    data: list[RawRow] = []
    for number, cells in rows:
        if header is None:
            buffered.append((number, cells))
            candidate = _header_map(cells)
            if "name" in candidate and "award" in candidate:
                header = candidate
            elif len(buffered) >= HEADER_SCAN_ROWS:
                return None
            continue
        data.append((number, cells))
        if len(data) > MAX_ROWS:
            raise ValidationError(
                f"Danh sách có hơn {MAX_ROWS} dòng; hãy chia thành nhiều tệp để nhập."
            )
    return None if header is None else (header, data)


def _xlsx_tables(data: bytes) -> Iterable[Iterable[RawRow]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(
            "Không đọc được bảng tính: tệp Excel bị hỏng hoặc không đúng định dạng .xlsx."
        ) from exc
    for sheet in book.worksheets:
        yield (
            (number, list(values))
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )


def _docx_tables(data: bytes) -> Iterable[Iterable[RawRow]]:
    import docx  # python-docx; imported here so that reading Excel does not load it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ValidationError(
            "Không đọc được văn bản Word: tệp bị hỏng hoặc không đúng định dạng .docx."
        ) from exc
    for table in document.tables:
        yield (
            (number, [cell.text for cell in row.cells])
            for number, row in enumerate(table.rows, start=1)
        )


def file_kind(data: bytes, name: str) -> str:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ValidationError(
            f"Tệp “{name}” ở định dạng Office cũ (.xls hoặc .doc). Hãy mở tệp và lưu lại "
            "thành Excel (.xlsx) hoặc Word (.docx) rồi nhập lại."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValidationError(
            f"Tệp “{name}” không phải là bảng tính Excel (.xlsx) hay văn bản Word (.docx); "
            "không có gì được nhập."
        )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "Excel"
    if "word/document.xml" in names:
        return "Word"
    raise ValidationError(
        f"Tệp “{name}” là tệp nén nhưng không phải bảng tính Excel hay văn bản Word; "
        "không có gì được nhập."
    )


def is_section_row(values: dict[str, str], texts: Sequence[str]) -> bool:
    """ "I. CÁ NHÂN", "B. Tập thể": a heading inside the list (often merged across the row)."""
    filled = [t for t in texts if t]
    distinct = set(filled)
    if len(distinct) == 1:
        text = fold(filled[0])
        merged = len(filled) > 1
        heading = bool(re.match(_HEADING, filled[0])) or "ca nhan" in text or "tap the" in text
        return merged or (heading and not values.get("award"))
    return not values.get("award") and bool(re.fullmatch(_HEADING, values.get("stt", "")))


def is_numbering_row(cells: Sequence[str]) -> bool:
    """The "(1) (2) (3)" row many Word tables carry under the header."""
    filled = [c for c in cells if c]
    return bool(filled) and all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled)


@dataclass(frozen=True)
class ParsedTable:
    kind: str  # "Excel" or "Word"
    header: dict[str, int]  # column key → index
    rows: list[RawRow]


def read_table(data: bytes, source_name: str) -> ParsedTable:
    """The first sheet or Word table with the expected headers; a clear message otherwise."""
    if not data:
        raise ValidationError(f"Tệp “{source_name}” rỗng; không có gì được nhập.")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(f"Tệp “{source_name}” quá lớn (trên 20 MB); không có gì được nhập.")
    kind = file_kind(data, source_name)
    for table in _xlsx_tables(data) if kind == "Excel" else _docx_tables(data):
        found = _find_table(table)
        if found is not None:
            return ParsedTable(kind, found[0], found[1])
    where = "trang tính nào" if kind == "Excel" else "bảng nào"
    raise ValidationError(
        f"Không tìm thấy {where} trong tệp “{source_name}” có cột “Họ và tên” và cột "
        "“Danh hiệu, hình thức khen thưởng”. Hãy dùng tệp mẫu (Tải mẫu Excel…); "
        "không có gì được nhập."
    )
