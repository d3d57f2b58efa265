"""What every import of a list the units send shares (proposals, yearly ratings): the row
statuses, the person or unit a row names matched in the directory (or the suggestions the
operator confirms from), the year, the report with its confirmations, duplicates within the
file and the checks made before anything is written. Nothing here writes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, Protocol, Self, TypeVar

from app.award_import_files import TableEntry, TableLayout, read_table
from app.award_import_match import Directory, NameMatch, recipient_kind, unit_fits
from app.errors import ValidationError
from app.exports.tables import Cell, xlsx_bytes
from app.vntext import fold, has_control_chars
from db.enums import RecipientKind

MAX_TEXT = 4000
MIN_YEAR, MAX_YEAR = 2000, 2100


class RowStatus(StrEnum):
    ACCEPTED = "accepted"
    CONFIRM = "confirm"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {"accepted": "Hợp lệ", "confirm": "Cần xác nhận", "rejected": "Bị từ chối"}[
            self.value
        ]


@dataclass(frozen=True)
class Candidate:
    id: int
    label: str  # "Nguyễn Văn An — Văn phòng"


class ListRow(Protocol):
    """The fields every imported row has (a frozen dataclass: ``replace`` makes the changes)."""

    row_number: int  # the row in the sheet (or in the Word table), as the operator sees it
    status: RowStatus
    name_text: str
    recipient_kind: RecipientKind | None
    recipient_id: int | None
    recipient_label: str
    candidates: tuple[Candidate, ...]
    reasons: tuple[str, ...]
    confirmed: bool

    @property
    def duplicate_key(self) -> tuple[object, ...]:
        """Two rows with the same key are one too many."""
        ...

    @property
    def duplicate_text(self) -> str:
        """What two rows share when they are duplicates, e.g. "cùng đối tượng và năm"."""
        ...


R = TypeVar("R", bound=ListRow)


# --- reading one row -------------------------------------------------------------------------
def text_problems(values: dict[str, str], labels: Sequence[tuple[str, str]]) -> list[str]:
    problems = []
    for key, label in labels:
        value = values.get(key, "")
        if has_control_chars(value):
            problems.append(f"{label} có ký tự điều khiển không hợp lệ")
        elif len(value) > MAX_TEXT:
            problems.append(f"{label} quá dài (tối đa {MAX_TEXT} ký tự)")
    return problems


def read_year(text: str, default: int, problems: list[str]) -> int | None:
    """A number, "năm 2024", or a date (its year); blank: the year chosen for the import."""
    if not text:
        return default
    found = re.fullmatch(r"(?:nam\s*)?(\d{4})(?:\.0)?|\d{1,2}[/.-]\d{1,2}[/.-](\d{4})", fold(text))
    if found is None:
        problems.append(f"Năm “{text}” không phải là số")
        return None
    year = int(found.group(1) or found.group(2))
    if not MIN_YEAR <= year <= MAX_YEAR:
        problems.append(f"Năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
        return None
    return year


def declared_kind(values: dict[str, str], problems: list[str]) -> RecipientKind | None:
    """The "Đối tượng" column: Cá nhân, Tập thể or blank."""
    declared = recipient_kind(values.get("recipient", ""))
    if declared == "invalid":
        problems.append(
            f"Đối tượng “{values.get('recipient')}” không hợp lệ (ghi “Cá nhân” hoặc “Tập thể”)"
        )
        return None
    return declared  # type: ignore[return-value]


@dataclass(frozen=True)
class Recipient:
    kind: RecipientKind | None
    id: int | None = None
    label: str = ""
    candidates: tuple[Candidate, ...] = ()
    note: str = ""  # what the operator must confirm


def match_recipient(
    name_text: str,
    unit_text: str,
    kind: RecipientKind | None,
    directory: Directory,
    problems: list[str],
) -> Recipient:
    """The person or unit meant: exact (accepted), loose or close (to confirm), or none."""
    if not name_text:
        problems.append("Thiếu họ tên cá nhân hoặc tên tập thể")
        return Recipient(kind)
    kinds = [kind] if kind else [RecipientKind.INDIVIDUAL, RecipientKind.COLLECTIVE]
    found: list[tuple[RecipientKind, NameMatch]] = []
    for k in kinds:
        if k is RecipientKind.INDIVIDUAL:
            match = directory.match_person(name_text)
        else:
            match = directory.match_unit(name_text)
        if match.exact or match.loose or match.near:
            found.append((k, match))
    if not found:
        what = {RecipientKind.INDIVIDUAL: "cá nhân", RecipientKind.COLLECTIVE: "tập thể"}
        problems.append(
            f"Không tìm thấy {what.get(kind, 'cá nhân hay tập thể')} “{name_text}” "  # type: ignore[arg-type]
            "trong danh bạ"
        )
        return Recipient(kind)
    if len(found) > 1:  # a person and a unit of the same name, and the file does not say
        problems.append(
            f"“{name_text}” vừa là tên một cá nhân vừa là tên một tập thể: ghi rõ cột Đối tượng "
            "(Cá nhân hoặc Tập thể)"
        )
        return Recipient(None)
    k, match = found[0]
    pool = match.exact + match.loose or match.near
    if k is RecipientKind.INDIVIDUAL and len(pool) > 1 and unit_text:
        fitting = tuple(p for p in pool if unit_fits(unit_text, directory.people[p][2], directory))
        pool = fitting or pool
    if len(pool) == 1 and pool[0] in match.exact:
        return Recipient(k, pool[0], directory.label(k, pool[0]))
    candidates = tuple(Candidate(i, directory.label(k, i)) for i in pool)
    if len(pool) > 1:
        note = f"{len(pool)} đối tượng trùng tên: chọn đúng người, đúng tập thể"
    elif match.near:
        note = f"Không có tên đúng như vậy; gần giống: {candidates[0].label}"
    else:
        note = f"Tên khác cách viết (dấu, chữ hoa): {candidates[0].label}"
    return Recipient(k, candidates=candidates, note=note)


def row_status(problems: list[str], who: Recipient) -> tuple[RowStatus, tuple[str, ...]]:
    """Rejected with its problems, to confirm (who is meant), or accepted."""
    if problems:
        return RowStatus.REJECTED, tuple(problems)
    if who.id is None:
        return RowStatus.CONFIRM, (who.note,)
    return RowStatus.ACCEPTED, ()


def without_duplicates(rows: Sequence[R]) -> list[R]:
    """A second row for the same recipient (and award, or rating) and year is refused."""
    seen: dict[tuple[object, ...], int] = {}
    out: list[R] = []
    for row in rows:
        key = row.duplicate_key
        if row.status is RowStatus.REJECTED:
            pass
        elif row.recipient_id is not None and key in seen:
            row = replace(  # type: ignore[type-var]
                row,
                status=RowStatus.REJECTED,
                reasons=(f"Trùng với dòng {seen[key]} ({row.duplicate_text})",),
            )
        elif row.recipient_id is not None:
            seen[key] = row.row_number
        out.append(row)
    return out


# --- the report ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportReport(Generic[R]):
    source_name: str
    file_kind: str  # "Excel" or "Word"
    rows: tuple[R, ...]
    skipped_blank: int = 0

    @property
    def accepted(self) -> list[R]:
        return [r for r in self.rows if r.status is RowStatus.ACCEPTED]

    @property
    def to_confirm(self) -> list[R]:
        return [r for r in self.rows if r.status is RowStatus.CONFIRM]

    @property
    def rejected(self) -> list[R]:
        return [r for r in self.rows if r.status is RowStatus.REJECTED]

    def summary(self) -> str:
        return (
            f"{len(self.rows)} dòng: {len(self.accepted)} hợp lệ, "
            f"{len(self.to_confirm)} cần xác nhận, {len(self.rejected)} bị từ chối"
        )

    def single_suggestions(self) -> list[R]:
        """Rows to confirm that have exactly one suggestion (a name typed without diacritics)."""
        return [r for r in self.to_confirm if len(r.candidates) == 1]

    def confirm_single_suggestions(self) -> Self:
        """Every row with one suggestion confirmed with it (the operator agreed to all at once)."""
        report = self
        for row in self.single_suggestions():
            report = report.confirm(row.row_number, row.candidates[0].id)
        return report

    def with_confirmations_of(self, earlier: ImportReport[Any]) -> Self:
        """This report (the file read again) keeping what the operator confirmed in ``earlier``
        where the same row still offers the same choice."""
        chosen = {r.row_number: r.recipient_id for r in earlier.rows if r.confirmed}
        report = self
        for row in self.to_confirm:
            pick = chosen.get(row.row_number)
            if pick is not None and any(c.id == pick for c in row.candidates):
                report = report.confirm(row.row_number, pick)
        return report

    def confirm(self, row_number: int, candidate_id: int) -> Self:
        """The report with one row's match confirmed by the operator (one of its candidates)."""
        rows = []
        for row in self.rows:
            if row.row_number == row_number and row.status is RowStatus.CONFIRM:
                chosen = next((c for c in row.candidates if c.id == candidate_id), None)
                if chosen is None:
                    raise ValidationError(f"Dòng {row_number}: lựa chọn không nằm trong các gợi ý.")
                row = replace(  # type: ignore[type-var]
                    row,
                    status=RowStatus.ACCEPTED,
                    recipient_id=chosen.id,
                    recipient_label=chosen.label,
                    reasons=(f"Đã xác nhận: {chosen.label}",),
                    confirmed=True,
                )
            rows.append(row)
        # two rows confirmed as the same recipient (for the same award) and year: the later one
        return replace(self, rows=tuple(without_duplicates(rows)))

    def check_ready(self) -> None:
        """Refuse to write while a row is rejected or unconfirmed, or when there is none."""
        if self.rejected:
            numbers = ", ".join(str(r.row_number) for r in self.rejected[:10])
            raise ValidationError(
                f"Còn {len(self.rejected)} dòng bị từ chối (dòng {numbers}). Danh sách chỉ được "
                "nhập khi mọi dòng đều hợp lệ: hãy sửa tệp rồi nhập lại."
            )
        if self.to_confirm:
            numbers = ", ".join(str(r.row_number) for r in self.to_confirm[:10])
            raise ValidationError(
                f"Còn {len(self.to_confirm)} dòng chưa xác nhận tên (dòng {numbers})."
            )
        if not self.rows:
            raise ValidationError("Không có dòng nào để nhập.")


def read_rows(
    data: bytes,
    source_name: str,
    layout: TableLayout,
    what: str,
    check: Callable[[list[TableEntry]], list[R]],
) -> tuple[str, list[R], int]:
    """The file's table read with ``layout`` and its entries checked by ``check``: the kind of
    file ("Excel" or "Word"), the rows (a second one for the same recipient refused) and how
    many blank rows were passed over. ``what`` names the rows in the message of an empty table."""
    table = read_table(data, source_name, layout)
    entries, blank = table.entries()
    if not entries:
        raise ValidationError(
            f"Bảng trong tệp “{source_name}” không có dòng {what} nào; không có gì được nhập."
        )
    return table.kind, without_duplicates(check(entries)), blank


REPORT_HEADERS = ("Dòng", "Trạng thái", "Họ tên / tên tập thể (trong tệp)", "Khớp với")


def report_workbook(
    report: ImportReport[R], headers: Sequence[str], cells: Callable[[R], Sequence[Cell]]
) -> bytes:
    """The check report as a workbook, to send back to the unit with the reasons: each row's
    number, status and recipient, then ``cells`` under ``headers``, then the reason."""
    rows = [
        (r.row_number, r.status.label, r.name_text, r.recipient_label, *cells(r), r.reason_text)
        for r in report.rows
    ]
    return xlsx_bytes("Kết quả kiểm tra", (*REPORT_HEADERS, *headers, "Lý do, ghi chú"), rows)


def still_listed(row: ListRow, directory: Directory) -> None:
    """Inside the writing transaction: the person or unit is still in the directory."""
    individual = row.recipient_kind is RecipientKind.INDIVIDUAL
    pool = directory.people if individual else directory.units
    if row.recipient_id not in pool:
        raise ValidationError(
            f"Dòng {row.row_number}: “{row.recipient_label}” không còn trong danh bạ; "
            "không có gì được nhập."
        )


def read_source(path: Path) -> bytes:
    """The file's bytes, or a message saying why it could not be opened."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"Không mở được tệp “{Path(path).name}”: {exc.strerror}.") from exc
