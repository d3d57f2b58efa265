"""Import the yearly ratings the units send (kết quả đánh giá, xếp loại), as an Excel workbook or
a table in a Word file, with the proposal import's reading, matching and report (app/list_import).

``read_file`` checks every row and says which rows would replace a result already recorded;
``commit`` writes them all through app/evaluations in one transaction, or nothing, replacing
recorded results only when the operator agreed to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Self

from app import evaluations, records
from app.award_import_files import (
    COMMON_ALIASES,
    RECIPIENT_COMMENT,
    ColumnSpec,
    TableEntry,
    TableLayout,
)
from app.award_import_files import template_xlsx as layout_template
from app.award_import_match import Directory, name_key
from app.errors import AppError, ValidationError
from app.evaluations import EvaluationInput, Key
from app.list_import import (
    Candidate,
    ImportReport,
    RowStatus,
    declared_kind,
    match_recipient,
    read_rows,
    read_source,
    read_year,
    report_workbook,
    row_status,
    still_listed,
    text_problems,
)
from app.vntext import fold
from db.enums import Discipline, Rating, RecipientKind

__all__ = [
    "RATING_LAYOUT",
    "RatingReport",
    "RatingRow",
    "commit",
    "match_discipline",
    "match_rating",
    "read_bytes",
    "read_file",
    "report_xlsx",
    "template_xlsx",
]

RATING_LAYOUT = TableLayout(
    title="DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI",
    sheet_title="Kết quả đánh giá",
    note=(
        "Mỗi dòng là kết quả đánh giá, xếp loại một năm của một cá nhân hoặc một tập thể. Ghi "
        "đúng họ tên như trong danh bạ của cơ quan (có dấu). Xếp loại ghi một trong bốn mức: "
        "Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn "
        "thành nhiệm vụ (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV). Cột Năm để trống thì lấy năm "
        "do người nhập chọn. Kết quả đã ghi của năm đó chỉ được thay khi người nhập đồng ý. Dòng "
        "có STT “VD” là ví dụ, không được nhập; có thể xóa."
    ),
    columns=(
        ColumnSpec("stt", "STT", 6),
        ColumnSpec("recipient", "Đối tượng (Cá nhân/Tập thể)", 16),
        ColumnSpec("name", "Họ và tên cá nhân / Tên tập thể", 32, required=True),
        ColumnSpec("unit", "Đơn vị công tác", 28),
        ColumnSpec("year", "Năm", 8),
        ColumnSpec("rating", "Xếp loại", 30, required=True),
        ColumnSpec("discipline", "Kỷ luật", 18),
        ColumnSpec("initiative", "Sáng kiến, đề tài được công nhận", 40),
        ColumnSpec("member_count", "Số thành viên (tập thể)", 14),
        ColumnSpec("note", "Ghi chú", 24),
    ),
    aliases={
        **COMMON_ALIASES,
        "year": ("nam", "nam danh gia", "nam xep loai"),
        "rating": (
            "xep loai",
            "muc xep loai",
            "xep loai chat luong",
            "ket qua xep loai",
            "ket qua danh gia",
            "danh gia, xep loai",
            "ket qua danh gia, xep loai",
            "muc do hoan thanh nhiem vu",
        ),
        "discipline": ("ky luat", "hinh thuc ky luat"),
        "initiative": ("sang kien", "sang kien, de tai", "de tai", "sang kien/de tai"),
        "member_count": ("so thanh vien", "tong so thanh vien", "so nguoi", "so can bo"),
        "note": ("ghi chu",),
    },
    main_key="rating",
    main_header="Xếp loại",
    example=(
        "VD",
        RecipientKind.INDIVIDUAL.label,
        "Nguyễn Văn An",
        "Văn phòng",
        date.today().year,
        Rating.GOOD.label,
        Discipline.NONE.label,
        "",
        "",
        "",
    ),
    comments={
        "recipient": RECIPIENT_COMMENT,
        "rating": (
            "Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ hoặc "
            "Không hoàn thành nhiệm vụ (viết tắt: HTXSNV, HTTNV, HTNV, KHTNV); “Chưa xếp loại” "
            "khi chưa đủ thời gian để xếp loại."
        ),
        "discipline": (
            "Để trống hoặc “Không” nếu không bị kỷ luật; Khiển trách, Cảnh cáo, hoặc hình thức "
            "cao hơn (Hạ bậc lương, Giáng chức, Cách chức, Buộc thôi việc)."
        ),
        "member_count": (
            "Chỉ ghi cho tập thể: tổng số cán bộ của đơn vị trong năm (để tính tỷ lệ Lao động "
            "tiên tiến)."
        ),
    },
    long_keys=frozenset({"initiative", "note"}),
)

NOT_RATED = "Chưa xếp loại"
_NOT_RATED_KEYS = ("chua xep loai", "khong xep loai", "cxl")
_RATING_NAMES: dict[Rating, tuple[str, ...]] = {
    Rating.EXCELLENT: ("htxsnv", "htxs", "xuat sac", "hoan thanh xuat sac"),
    Rating.GOOD: ("httnv", "htt", "tot", "hoan thanh tot"),
    Rating.COMPLETED: ("htnv", "ht", "hoan thanh"),
    Rating.NOT_COMPLETED: ("khtnv", "kht", "khong hoan thanh"),
}
_HIGHER = ("ha bac luong", "giang chuc", "cach chuc", "buoc thoi viec", "cao hon canh cao")


def _plain(text: str) -> str:
    key = name_key(text).strip(" .;:")
    return " ".join(re.sub(r"\bnv\b", "nhiem vu", key).split())


def match_rating(text: str) -> Rating | None | str:
    """The rating a text names, without diacritics or case (name or abbreviation); None for
    "Chưa xếp loại"; "" when blank and "invalid" when it names none."""
    key = _plain(text)
    if not key:
        return ""
    if key in _NOT_RATED_KEYS:
        return None
    for rating in Rating:
        names = (_plain(rating.label), rating.value, *_RATING_NAMES[rating])
        if key in names or key.removesuffix(" nhiem vu") in names:
            return rating
    return "invalid"


def match_discipline(text: str) -> Discipline | None:
    """The discipline a text names ("Khiển trách (QĐ 12/QĐ-SNV)" too); blank or "Không": none;
    None when it names none."""
    key = _plain(text)
    if key in ("", "khong", "khong co", "khong bi ky luat", "none"):
        return Discipline.NONE
    for discipline in (Discipline.HIGHER, Discipline.REPRIMAND, Discipline.WARNING):
        if key.startswith(_plain(discipline.label)):
            return discipline
    if any(key.startswith(h) for h in _HIGHER):
        return Discipline.HIGHER
    return None


# --- rows --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RatingRow:
    row_number: int
    status: RowStatus
    name_text: str
    unit_text: str
    rating_text: str
    recipient_kind: RecipientKind | None
    recipient_id: int | None
    recipient_label: str
    candidates: tuple[Candidate, ...]
    year: int | None
    rating: Rating | None
    # None: the file has no such column, and a result already recorded keeps its own
    discipline: Discipline | None
    initiative: str | None
    note: str | None
    member_count: int | None
    reasons: tuple[str, ...]
    search_key: str = ""
    confirmed: bool = False
    previous: EvaluationInput | None = None  # the result recorded for that year, if any

    duplicate_text = "cùng đối tượng và năm"

    @property
    def duplicate_key(self) -> tuple[object, ...]:
        return (self.recipient_kind, self.recipient_id, self.year)

    @property
    def key(self) -> Key | None:
        if self.recipient_kind is None or self.recipient_id is None or self.year is None:
            return None
        return (self.recipient_kind, self.recipient_id, self.year)

    @property
    def rating_label(self) -> str:
        return self.rating.label if self.rating else NOT_RATED

    def merged(self, previous: EvaluationInput | None) -> EvaluationInput:
        """The result to record: this row's, with what the file leaves out kept as recorded."""
        before = previous or EvaluationInput()
        return EvaluationInput(
            rating=self.rating,
            discipline=before.discipline if self.discipline is None else self.discipline,
            initiative=before.initiative if self.initiative is None else self.initiative,
            note=before.note if self.note is None else self.note,
            member_count=before.member_count if self.member_count is None else self.member_count,
        )

    @property
    def replaces(self) -> bool:
        """The row changes a result already recorded."""
        return self.previous is not None and self.merged(self.previous) != self.previous

    @property
    def unchanged(self) -> bool:
        return self.previous is not None and self.merged(self.previous) == self.previous

    @property
    def change_text(self) -> str:
        if self.status is RowStatus.REJECTED or self.previous is None:
            return ""
        if self.unchanged:
            return "Đã ghi đúng như vậy; không thay đổi"
        before = self.previous.rating.label if self.previous.rating else NOT_RATED
        if before == self.rating_label:
            return f"Thay kết quả đã ghi năm {self.year} (kỷ luật, sáng kiến hoặc ghi chú)"
        return f"Thay kết quả đã ghi năm {self.year}: {before} → {self.rating_label}"

    @property
    def reason_text(self) -> str:
        return "; ".join(t for t in (*self.reasons, self.change_text) if t)


_TEXT_LABELS = (
    ("name", "Họ tên"),
    ("unit", "Đơn vị"),
    ("rating", "Xếp loại"),
    ("discipline", "Kỷ luật"),
)


def _rating(text: str, problems: list[str]) -> Rating | None:
    found = match_rating(text)
    if found == "":
        problems.append(f"Thiếu xếp loại (ghi “{NOT_RATED}” nếu chưa xếp loại)")
    elif found == "invalid":
        problems.append(
            f"Xếp loại “{text}” không hợp lệ (ghi Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt "
            "nhiệm vụ, Hoàn thành nhiệm vụ hoặc Không hoàn thành nhiệm vụ)"
        )
    return found if isinstance(found, Rating) else None


def _member_count(text: str, kind: RecipientKind | None, problems: list[str]) -> int | None:
    if not text:
        return None
    if kind is RecipientKind.INDIVIDUAL:
        problems.append("Số thành viên chỉ ghi cho tập thể")
        return None
    if not re.fullmatch(r"\d{1,6}", text) or not 1 <= int(text) <= evaluations.MAX_MEMBERS:
        problems.append(f"Số thành viên “{text}” không phải là số người hợp lệ")
        return None
    return int(text)


def validate_row(
    number: int,
    values: dict[str, str],
    section: RecipientKind | None,
    default_year: int,
    directory: Directory,
) -> RatingRow:
    problems = text_problems(values, _TEXT_LABELS)
    year = read_year(values.get("year", ""), default_year, problems)
    rating = _rating(values.get("rating", ""), problems)
    discipline_text = values.get("discipline")
    discipline = match_discipline(discipline_text or "")
    if discipline is None:
        problems.append(
            f"Kỷ luật “{discipline_text}” không hợp lệ (để trống, hoặc ghi Khiển trách, Cảnh "
            "cáo, Cách chức…)"
        )
    kind = declared_kind(values, problems) or section
    name_text, unit_text = values.get("name", ""), values.get("unit", "")
    who = match_recipient(name_text, unit_text, kind, directory, problems)
    member_count = _member_count(values.get("member_count", ""), who.kind, problems)
    trial = EvaluationInput(
        rating, initiative=values.get("initiative", ""), note=values.get("note", "")
    )
    problems += [
        m.rstrip(".") for m in evaluations.validate_evaluation(year or default_year, trial).values()
    ]
    status, reasons = row_status(problems, who)
    return RatingRow(
        row_number=number,
        status=status,
        name_text=name_text,
        unit_text=unit_text,
        rating_text=values.get("rating", ""),
        recipient_kind=who.kind,
        recipient_id=who.id,
        recipient_label=who.label,
        candidates=who.candidates if status is RowStatus.CONFIRM else (),
        year=year,
        rating=rating,
        discipline=None if discipline_text is None else discipline,
        initiative=values.get("initiative"),
        note=values.get("note"),
        member_count=member_count,
        reasons=reasons,
        search_key=" | ".join(fold(t) for t in (name_text, who.label, unit_text) if t),
    )


# --- the report --------------------------------------------------------------------------------
@dataclass(frozen=True)
class RatingReport(ImportReport[RatingRow]):
    recorded: dict[Key, EvaluationInput] = field(default_factory=dict)

    def marked(self) -> Self:
        """Each row with the result recorded for its recipient and year (once it is known)."""
        rows = tuple(
            replace(r, previous=self.recorded.get(r.key) if r.key else None) for r in self.rows
        )
        return replace(self, rows=rows)

    def confirm(self, row_number: int, candidate_id: int) -> Self:
        return super().confirm(row_number, candidate_id).marked()

    @property
    def replacing(self) -> list[RatingRow]:
        """Rows that change a result already recorded (the operator agrees before import)."""
        return [r for r in self.rows if r.status is not RowStatus.REJECTED and r.replaces]

    @property
    def unchanged(self) -> list[RatingRow]:
        return [r for r in self.rows if r.status is not RowStatus.REJECTED and r.unchanged]

    def summary(self) -> str:
        text = super().summary()
        if self.replacing:
            text += f"; {len(self.replacing)} dòng thay kết quả đã ghi"
        if self.unchanged:
            text += f"; {len(self.unchanged)} dòng giống kết quả đã ghi"
        return text


def read_bytes(data: bytes, source_name: str, default_year: int) -> RatingReport:
    """Parse and check a file's content; writes nothing."""

    def check(entries: list[TableEntry]) -> list[RatingRow]:
        directory = Directory.load_names()
        return [
            validate_row(e.row_number, e.values, e.section, default_year, directory)
            for e in entries
        ]

    kind, rows, blank = read_rows(data, source_name, RATING_LAYOUT, "kết quả đánh giá", check)
    recorded = evaluations.recorded({r.year for r in rows if r.year is not None})
    return RatingReport(source_name, kind, tuple(rows), blank, recorded).marked()


def read_file(path: Path, default_year: int) -> RatingReport:
    return read_bytes(read_source(path), Path(path).name, default_year)


def template_xlsx() -> bytes:
    return layout_template(RATING_LAYOUT)


def report_xlsx(report: RatingReport) -> bytes:
    """The check report as a workbook, to send back to the unit with the reasons."""
    return report_workbook(
        report,
        ("Năm", "Xếp loại"),
        lambda r: (
            r.year,
            r.rating_label if r.status is not RowStatus.REJECTED else r.rating_text,
        ),
    )


# --- writing -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportResult:
    created: int
    replaced: int
    unchanged: int

    @property
    def written(self) -> int:
        return self.created + self.replaced


def commit(report: RatingReport, replace_existing: bool = False) -> ImportResult:
    """Record every row's result through app/evaluations, all in one transaction or nothing;
    a result already recorded is replaced only with ``replace_existing``."""
    report.check_ready()
    if report.replacing and not replace_existing:
        raise ValidationError(
            f"{len(report.replacing)} dòng thay kết quả đã ghi; hãy đồng ý thay thế rồi nhập. "
            "Không có gì được nhập."
        )
    created = replaced = unchanged = 0
    items: list[tuple[Key, EvaluationInput]] = []
    labels: list[str] = []
    with records.transaction():
        # Checked again inside the transaction: the data may have changed since the preview.
        fresh = Directory.load_names()
        recorded = evaluations.recorded({r.year for r in report.rows if r.year is not None})
        for row in report.rows:
            assert row.key is not None
            still_listed(row, fresh)
            previous = recorded.get(row.key)
            result = row.merged(previous)
            if previous == result:
                unchanged += 1
                continue
            if previous is not None and not replace_existing:
                raise ValidationError(
                    f"Dòng {row.row_number}: {row.recipient_label} đã có kết quả năm {row.year}; "
                    "không có gì được nhập."
                )
            items.append((row.key, result))
            labels.append(f"Dòng {row.row_number}: ")
            if previous is None:
                created += 1
            else:
                replaced += 1
        try:
            evaluations.save_evaluations(items, labels)
        except AppError as exc:
            raise ValidationError(f"{exc.message} Không có gì được nhập.") from exc
    return ImportResult(created, replaced, unchanged)
