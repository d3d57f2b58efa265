"""Import award proposal lists sent by the units, as an Excel workbook or a table in a Word file.

``read_file`` parses and checks every row without writing anything and returns a report:
accepted rows, rows whose name matched only loosely (the operator confirms which person or
unit is meant) and rejected rows with their reason. ``commit`` writes the whole list in one
transaction, or nothing: any rejected row, unconfirmed match or failure refuses the import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app import proposals, records
from app.award_import_files import (
    EXAMPLE_MARKS,
    cell_long_text,
    cell_text,
    is_numbering_row,
    is_section_row,
    read_table,
    template_xlsx,
)
from app.award_import_match import Directory, name_key
from app.award_import_rows import (
    MAX_YEAR,
    MIN_YEAR,
    Candidate,
    ImportRow,
    RowStatus,
    proposal_input,
    section_kind,
    validate_row,
    without_duplicates,
)
from app.errors import ValidationError
from app.exports.tables import xlsx_bytes
from db.enums import CommendationKind, RecipientKind
from db.models import Proposal

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Candidate",
    "ImportReport",
    "ImportRow",
    "RowStatus",
    "commit",
    "create_draft",
    "read_bytes",
    "read_file",
    "report_xlsx",
    "template_xlsx",
]


@dataclass(frozen=True)
class ImportReport:
    source_name: str
    file_kind: str  # "Excel" or "Word"
    rows: tuple[ImportRow, ...]
    skipped_blank: int = 0

    @property
    def accepted(self) -> list[ImportRow]:
        return [r for r in self.rows if r.status is RowStatus.ACCEPTED]

    @property
    def to_confirm(self) -> list[ImportRow]:
        return [r for r in self.rows if r.status is RowStatus.CONFIRM]

    @property
    def rejected(self) -> list[ImportRow]:
        return [r for r in self.rows if r.status is RowStatus.REJECTED]

    def summary(self) -> str:
        return (
            f"{len(self.rows)} dòng: {len(self.accepted)} hợp lệ, "
            f"{len(self.to_confirm)} cần xác nhận, {len(self.rejected)} bị từ chối"
        )

    def single_suggestions(self) -> list[ImportRow]:
        """Rows to confirm that have exactly one suggestion (a name typed without diacritics)."""
        return [r for r in self.to_confirm if len(r.candidates) == 1]

    def confirm_single_suggestions(self) -> ImportReport:
        """Every row with one suggestion confirmed with it (the operator agreed to all at once)."""
        report = self
        for row in self.single_suggestions():
            report = report.confirm(row.row_number, row.candidates[0].id)
        return report

    def with_confirmations_of(self, earlier: ImportReport) -> ImportReport:
        """This report (the file read again) keeping what the operator confirmed in ``earlier``
        where the same row still offers the same choice."""
        chosen = {r.row_number: r.recipient_id for r in earlier.rows if r.confirmed}
        report = self
        for row in self.to_confirm:
            pick = chosen.get(row.row_number)
            if pick is not None and any(c.id == pick for c in row.candidates):
                report = report.confirm(row.row_number, pick)
        return report

    def confirm(self, row_number: int, candidate_id: int) -> ImportReport:
        """The report with one row's match confirmed by the operator (one of its candidates)."""
        rows = []
        for row in self.rows:
            if row.row_number == row_number and row.status is RowStatus.CONFIRM:
                chosen = next((c for c in row.candidates if c.id == candidate_id), None)
                if chosen is None:
                    raise ValidationError(f"Dòng {row_number}: lựa chọn không nằm trong các gợi ý.")
                row = replace(
                    row,
                    status=RowStatus.ACCEPTED,
                    recipient_id=chosen.id,
                    recipient_label=chosen.label,
                    reasons=(f"Đã xác nhận: {chosen.label}",),
                    confirmed=True,
                )
            rows.append(row)
        # two rows confirmed as the same recipient for the same award and year: the later one
        return replace(self, rows=tuple(without_duplicates(rows)))


REPORT_HEADERS = (
    "Dòng",
    "Trạng thái",
    "Họ tên / tên tập thể (trong tệp)",
    "Khớp với",
    "Danh hiệu, hình thức",
    "Năm",
    "Lý do, ghi chú",
)


def report_xlsx(report: ImportReport) -> bytes:
    """The check report as a workbook, to send back to the unit with the reasons."""
    rows = [
        (
            r.row_number,
            r.status.label,
            r.name_text,
            r.recipient_label,
            r.award_name or r.award_text,
            r.year,
            r.reason_text,
        )
        for r in report.rows
    ]
    return xlsx_bytes("Kết quả kiểm tra", REPORT_HEADERS, rows)


def read_bytes(data: bytes, source_name: str, default_year: int) -> ImportReport:
    """Parse and check a file's content; writes nothing."""
    table = read_table(data, source_name)
    directory = Directory.load()
    rows: list[ImportRow] = []
    blank = 0
    section: RecipientKind | None = None
    for number, cells in table.rows:
        texts = [cell_text(c) for c in cells]
        values = {
            key: cell_long_text(cells[i]) if key in ("achievements", "initiative") else texts[i]
            for key, i in table.header.items()
            if i < len(cells)
        }
        if not any(texts) or is_numbering_row(texts):
            blank += 1
        elif name_key(values.get("stt", "")) in EXAMPLE_MARKS:
            continue
        elif is_section_row(values, texts):
            section = section_kind(texts, section)
        else:
            rows.append(validate_row(number, values, section, default_year, directory))
    if not rows:
        raise ValidationError(
            f"Bảng trong tệp “{source_name}” không có dòng đề nghị nào; không có gì được nhập."
        )
    return ImportReport(source_name, table.kind, tuple(without_duplicates(rows)), blank)


def read_file(path: Path, default_year: int) -> ImportReport:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"Không mở được tệp “{Path(path).name}”: {exc.strerror}.") from exc
    return read_bytes(data, Path(path).name, default_year)


# --- writing ---------------------------------------------------------------------------------
CreateProposal = Callable[[ImportRow, str], Proposal]


def create_draft(
    recipient_kind: RecipientKind,
    recipient_id: int,
    award_type_id: int,
    year: int,
    note: str,
    kind: CommendationKind = CommendationKind.REGULAR,
    achievements: str = "",
    initiative: str = "",
    campaign_id: int | None = None,
) -> Proposal:
    """One draft proposal through app/proposals (validated, its dossier checklist and its first
    log line with ``note``), inside the caller's transaction."""
    values = {"achievements": achievements, "initiative": initiative}
    data = proposal_input(
        recipient_kind, recipient_id, award_type_id, year, kind, campaign_id, values
    )
    return proposals.create_proposal(data, note=note)


def _create_proposal(row: ImportRow, note: str) -> Proposal:
    assert row.recipient_kind is not None and row.recipient_id is not None
    assert row.award_type_id is not None and row.year is not None
    return create_draft(
        row.recipient_kind,
        row.recipient_id,
        row.award_type_id,
        row.year,
        note,
        row.kind,
        row.achievements,
        row.initiative,
        row.campaign_id,
    )


def commit(report: ImportReport, create: CreateProposal = _create_proposal) -> list[int]:
    """Write every row as a draft proposal, all in one transaction, or nothing at all."""
    if report.rejected:
        numbers = ", ".join(str(r.row_number) for r in report.rejected[:10])
        raise ValidationError(
            f"Còn {len(report.rejected)} dòng bị từ chối (dòng {numbers}). Danh sách chỉ được "
            "nhập khi mọi dòng đều hợp lệ: hãy sửa tệp rồi nhập lại."
        )
    if report.to_confirm:
        numbers = ", ".join(str(r.row_number) for r in report.to_confirm[:10])
        raise ValidationError(
            f"Còn {len(report.to_confirm)} dòng chưa xác nhận tên (dòng {numbers})."
        )
    if not report.rows:
        raise ValidationError("Không có dòng nào để nhập.")
    ids: list[int] = []
    with records.transaction():
        # Checked again inside the transaction: the directory may have changed since the preview.
        fresh = Directory.load()
        seen: set[tuple[str, int, int, int]] = set()
        for row in report.rows:
            individual = row.recipient_kind is RecipientKind.INDIVIDUAL
            assert row.recipient_id is not None and row.award_type_id is not None
            assert row.year is not None
            if (individual and row.recipient_id not in fresh.people) or (
                not individual and row.recipient_id not in fresh.units
            ):
                raise ValidationError(
                    f"Dòng {row.row_number}: “{row.recipient_label}” không còn trong danh bạ; "
                    "không có gì được nhập."
                )
            if row.award_type_id not in fresh.awards:
                raise ValidationError(
                    f"Dòng {row.row_number}: danh hiệu “{row.award_name}” không còn dùng; "
                    "không có gì được nhập."
                )
            key = ("p" if individual else "u", row.recipient_id, row.award_type_id, row.year)
            if (
                fresh.has_proposal(
                    row.recipient_kind, row.recipient_id, row.award_type_id, row.year
                )
                or key in seen
            ):
                raise ValidationError(
                    f"Dòng {row.row_number}: đã có đề nghị “{row.award_name}” năm {row.year} "
                    f"cho {row.recipient_label}; không có gì được nhập."
                )
            seen.add(key)
            note = f"Nhập từ tệp {report.source_name}, dòng {row.row_number}"
            try:
                ids.append(int(create(row, note).id))
            except ValidationError as exc:
                raise ValidationError(
                    f"Dòng {row.row_number}: {exc.message} Không có gì được nhập."
                ) from exc
    return ids
