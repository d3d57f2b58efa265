"""Import award proposal lists sent by the units, as an Excel workbook or a table in a Word file.

``read_file`` parses and checks every row without writing anything and returns a report:
accepted rows, rows whose name matched only loosely (the operator confirms which person or
unit is meant) and rejected rows with their reason. ``commit`` writes the whole list in one
transaction, or nothing: any rejected row, unconfirmed match or failure refuses the import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app import proposals, records
from app.award_import_files import PROPOSAL_LAYOUT, TableEntry, template_xlsx
from app.award_import_match import Directory
from app.award_import_rows import (
    MAX_YEAR,
    MIN_YEAR,
    Candidate,
    ImportRow,
    RowStatus,
    proposal_input,
    validate_row,
)
from app.errors import ValidationError
from app.list_import import ImportReport, read_rows, read_source, report_workbook, still_listed
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


def report_xlsx(report: ImportReport[ImportRow]) -> bytes:
    """The check report as a workbook, to send back to the unit with the reasons."""
    return report_workbook(
        report,
        ("Danh hiệu, hình thức", "Năm"),
        lambda r: (r.award_name or r.award_text, r.year),
    )


def read_bytes(data: bytes, source_name: str, default_year: int) -> ImportReport[ImportRow]:
    """Parse and check a file's content; writes nothing."""

    def check(entries: list[TableEntry]) -> list[ImportRow]:
        directory = Directory.load()
        return [
            validate_row(e.row_number, e.values, e.section, default_year, directory)
            for e in entries
        ]

    kind, rows, blank = read_rows(data, source_name, PROPOSAL_LAYOUT, "đề nghị", check)
    return ImportReport(source_name, kind, tuple(rows), blank)


def read_file(path: Path, default_year: int) -> ImportReport[ImportRow]:
    return read_bytes(read_source(path), Path(path).name, default_year)


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


def commit(report: ImportReport[ImportRow], create: CreateProposal = _create_proposal) -> list[int]:
    """Write every row as a draft proposal, all in one transaction, or nothing at all."""
    report.check_ready()
    ids: list[int] = []
    with records.transaction():
        # Checked again inside the transaction: the directory may have changed since the preview.
        fresh = Directory.load()
        seen: set[tuple[str, int, int, int]] = set()
        for row in report.rows:
            individual = row.recipient_kind is RecipientKind.INDIVIDUAL
            assert row.recipient_id is not None and row.award_type_id is not None
            assert row.year is not None
            still_listed(row, fresh)
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
