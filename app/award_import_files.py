"""The file side of the list imports (proposals here, yearly ratings in app/rating_import): the
template units fill in, and reading the table out of an Excel workbook or a Word document (the
first sheet or table with a layout's headers)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.award_import_match import name_key
from app.errors import ValidationError
from app.vntext import clean, fold
from db.enums import CommendationKind, RecipientKind

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SCAN_ROWS = 15
_HEADING = r"(?:[IVXL]+|[A-Za-z])(?:[.)]|\s|$)"


# The template's columns: key, header, width. The reader finds them by these headers (and the
# layout's aliases), in any order, without diacritics or case.
@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header: str
    width: int
    required: bool = False


def _norm(text: str) -> str:
    """Folded, with punctuation spacing and repeated spaces tidied: the form headers are compared in."""
    folded = fold(text).replace("\n", " ")
    folded = re.sub(r"\s*([,/])\s*", r"\1 ", folded)
    folded = re.sub(r"\(.*?\)", "", folded)
    return " ".join(folded.replace(":", " ").split()).strip(" .,")


@dataclass(frozen=True)
class TableLayout:
    """One kind of list the units send: its template and how its table is found in a file."""

    title: str  # the template's heading
    sheet_title: str
    note: str  # the template's note under the heading
    columns: tuple[ColumnSpec, ...]
    aliases: dict[str, tuple[str, ...]]
    main_key: str  # with "name", the column that tells the header row; empty in a heading row
    main_header: str  # how the not-found message names that column
    example: tuple[object, ...]  # the template's example row (STT "VD": not imported)
    comments: dict[str, str] = field(default_factory=dict)  # column key → the header's comment
    long_keys: frozenset[str] = frozenset()  # multi-line texts whose lines are kept
    header_keys: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys: dict[str, str] = {}
        for spec in self.columns:
            keys[_norm(spec.header)] = spec.key
        for key, names in self.aliases.items():
            for name in names:
                keys.setdefault(_norm(name), key)
        object.__setattr__(self, "header_keys", keys)


_RECIPIENT_ALIASES = ("doi tuong", "ca nhan/tap the", "ca nhan / tap the", "loai doi tuong")
NAME_ALIASES = (
    "ho va ten",
    "ho ten",
    "ho va ten ca nhan",
    "ten tap the",
    "ten ca nhan",
    "ho va ten / ten tap the",
    "ca nhan, tap the",
    "ten ca nhan, tap the",
    "ten",
)
UNIT_ALIASES = (
    "don vi",
    "don vi cong tac",
    "chuc vu, don vi",
    "chuc vu, don vi cong tac",
    "noi cong tac",
)
COMMON_ALIASES: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "so tt", "so thu tu", "tt"),
    "recipient": _RECIPIENT_ALIASES,
    "name": NAME_ALIASES,
    "unit": UNIT_ALIASES,
}
RECIPIENT_COMMENT = "Ghi “Cá nhân” hoặc “Tập thể”."
EXAMPLE_MARKS = ("vd", "vi du")

PROPOSAL_LAYOUT = TableLayout(
    title="DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
    sheet_title="Danh sách đề nghị",
    note=(
        "Mỗi dòng là một cá nhân hoặc một tập thể được đề nghị. Ghi đúng họ tên như trong danh bạ "
        "của cơ quan (có dấu); tên danh hiệu, hình thức ghi đầy đủ hoặc viết tắt như LĐTT, "
        "CSTĐCS, TTLĐTT. Cột Năm để trống thì lấy năm do người nhập chọn. Dòng có STT “VD” là "
        "ví dụ, không được nhập; có thể xóa."
    ),
    columns=(
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
    ),
    aliases={
        **COMMON_ALIASES,
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
    },
    main_key="award",
    main_header="Danh hiệu, hình thức khen thưởng",
    example=(
        "VD",
        RecipientKind.INDIVIDUAL.label,
        "Nguyễn Văn An",
        "Văn phòng",
        "Lao động tiên tiến",
        date.today().year,
        CommendationKind.REGULAR.label,
        "Hoàn thành tốt nhiệm vụ được giao",
        "",
    ),
    comments={
        "recipient": RECIPIENT_COMMENT,
        "award": (
            "Ví dụ: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến, "
            "Giấy khen của Giám đốc Sở (hoặc viết tắt: LĐTT, CSTĐCS, TTLĐTT)."
        ),
    },
    long_keys=frozenset({"achievements", "initiative"}),
)


def template_xlsx(layout: TableLayout = PROPOSAL_LAYOUT) -> bytes:
    """The workbook units fill in: a title, a note, Vietnamese headers and one example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = layout.sheet_title
    last = get_column_letter(len(layout.columns))
    sheet["A1"] = layout.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet["A2"] = layout.note
    sheet["A2"].font = Font(italic=True, size=10)
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[2].height = 48
    header_fill = PatternFill("solid", fgColor="DDE7F3")
    for index, spec in enumerate(layout.columns, start=1):
        cell = sheet.cell(row=3, column=index, value=spec.header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = spec.width
        if spec.key in layout.comments:
            cell.comment = Comment(layout.comments[spec.key], "TĐKT Desk")
    sheet.row_dimensions[3].height = 32
    for index, value in enumerate(layout.example, start=1):
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


def _header_map(cells: Sequence[Cell], layout: TableLayout) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(cells):
        key = layout.header_keys.get(_norm(cell_text(value)))
        if key and key not in found:
            found[key] = index
    return found


def _find_table(
    rows: Iterable[RawRow], layout: TableLayout
) -> tuple[dict[str, int], list[RawRow]] | None:
    """The header row (within the first rows) and the data rows after it, or None."""
    buffered: list[RawRow] = []
    header: dict[str, int] | None = None
    data: list[RawRow] = []
    for number, cells in rows:
        if header is None:
            buffered.append((number, cells))
            candidate = _header_map(cells, layout)
            if "name" in candidate and layout.main_key in candidate:
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


def is_section_row(values: dict[str, str], texts: Sequence[str], main_key: str) -> bool:
    """ "I. CÁ NHÂN", "B. Tập thể": a heading inside the list (often merged across the row)."""
    filled = [t for t in texts if t]
    distinct = set(filled)
    if len(distinct) == 1:
        text = fold(filled[0])
        merged = len(filled) > 1
        heading = bool(re.match(_HEADING, filled[0])) or "ca nhan" in text or "tap the" in text
        return merged or (heading and not values.get(main_key))
    return not values.get(main_key) and bool(re.fullmatch(_HEADING, values.get("stt", "")))


def is_numbering_row(cells: Sequence[str]) -> bool:
    """The "(1) (2) (3)" row many Word tables carry under the header."""
    filled = [c for c in cells if c]
    return bool(filled) and all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled)


def section_kind(texts: Sequence[str], current: RecipientKind | None) -> RecipientKind | None:
    heading = name_key(" ".join(texts))
    if "tap the" in heading:
        return RecipientKind.COLLECTIVE
    if "ca nhan" in heading:
        return RecipientKind.INDIVIDUAL
    return current


@dataclass(frozen=True)
class ParsedTable:
    kind: str  # "Excel" or "Word"
    header: dict[str, int]  # column key → index
    rows: list[RawRow]
    layout: TableLayout = PROPOSAL_LAYOUT

    def entries(self) -> tuple[list[TableEntry], int]:
        """The rows to check, each with its values by column key and the section it stands in
        ("I. CÁ NHÂN" / "II. TẬP THỂ"), and how many blank or numbering rows were passed over;
        headings and the template's example row are not entries."""
        entries: list[TableEntry] = []
        blank = 0
        section: RecipientKind | None = None
        for number, cells in self.rows:
            texts = [cell_text(c) for c in cells]
            values = {
                key: cell_long_text(cells[i]) if key in self.layout.long_keys else texts[i]
                for key, i in self.header.items()
                if i < len(cells)
            }
            if not any(texts) or is_numbering_row(texts):
                blank += 1
            elif name_key(values.get("stt", "")) in EXAMPLE_MARKS:
                continue
            elif is_section_row(values, texts, self.layout.main_key):
                section = section_kind(texts, section)
            else:
                entries.append(TableEntry(number, values, section))
        return entries, blank


@dataclass(frozen=True)
class TableEntry:
    row_number: int  # as the operator sees it in the sheet or the Word table
    values: dict[str, str]  # column key → text
    section: RecipientKind | None


def read_table(data: bytes, source_name: str, layout: TableLayout = PROPOSAL_LAYOUT) -> ParsedTable:
    """The first sheet or Word table with the layout's headers; a clear message otherwise."""
    if not data:
        raise ValidationError(f"Tệp “{source_name}” rỗng; không có gì được nhập.")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(f"Tệp “{source_name}” quá lớn (trên 20 MB); không có gì được nhập.")
    kind = file_kind(data, source_name)
    for table in _xlsx_tables(data) if kind == "Excel" else _docx_tables(data):
        found = _find_table(table, layout)
        if found is not None:
            return ParsedTable(kind, found[0], found[1], layout)
    where = "trang tính nào" if kind == "Excel" else "bảng nào"
    raise ValidationError(
        f"Không tìm thấy {where} trong tệp “{source_name}” có cột “Họ và tên” và cột "
        f"“{layout.main_header}”. Hãy dùng tệp mẫu (Tải mẫu Excel…); "
        "không có gì được nhập."
    )
