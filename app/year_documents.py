"""What goes on the USB stick besides the database: the summary and the year's documents.

One table, ``YEAR_DOCUMENTS``: a kind of document joins the export with one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.documents import AdminDocument
from db.enums import MeetingStatus
from db.models import Decision, Meeting, Plan, Proposal

SUMMARY_NAME = "BaoCaoTongKet_{year}"
DOCS_FOLDER = "VanBan"

DocumentBuild = Callable[[], AdminDocument]


def _plan_documents(year: int) -> list[tuple[str, DocumentBuild]]:
    from app.reports.plan_report import plan_document_for_year

    if Plan.get_or_none(Plan.year == year) is None:
        return []
    return [(f"KeHoach_{year}", lambda: plan_document_for_year(year))]


def _meeting_documents(year: int) -> list[tuple[str, DocumentBuild]]:
    from app.reports.meeting_report import agenda_document, minutes_document

    out: list[tuple[str, DocumentBuild]] = []
    query = Meeting.select(Meeting.id, Meeting.held_on).where(
        (Meeting.year == year) & (Meeting.status == MeetingStatus.HELD)
    )
    for meeting_id, held_on in query.order_by(Meeting.held_on, Meeting.id).tuples():
        when = held_on.isoformat() if held_on else "chua-xep-ngay"
        stem = f"PhienHop_{when}_{meeting_id}"
        out.append((f"ChuongTrinh_{stem}", lambda m=meeting_id: agenda_document(m)))
        out.append((f"BienBan_{stem}", lambda m=meeting_id: minutes_document(m)))
    return out


def _decision_documents(year: int) -> list[tuple[str, DocumentBuild]]:
    """The award decisions granting the year's proposals (often signed early the next year)."""
    from app.reports.award_report import decision_document

    query = (
        Decision.select(Decision.id, Decision.number, Decision.signed_on)
        .join(Proposal, on=(Proposal.decision == Decision.id))
        .where(Proposal.year == year)
        .distinct()
        .order_by(Decision.signed_on, Decision.id)
    )
    return [
        (
            f"QuyetDinh_{signed_on.isoformat()}_{decision_id}",
            lambda d=decision_id: decision_document(d),
        )
        for decision_id, _number, signed_on in query.tuples()
    ]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of the year's documents: (file name without suffix, build) for a year."""

    documents: Callable[[int], list[tuple[str, DocumentBuild]]]
    word: bool  # a Word copy besides the PDF (the plan is edited again; papers are archived)


# The year's documents, one entry per kind.
YEAR_DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind(_plan_documents, word=True),
    DocumentKind(_meeting_documents, word=False),
    DocumentKind(_decision_documents, word=False),
)


def document_builds(year: int) -> list[tuple[str, DocumentBuild, bool]]:
    """(path without suffix, build, with a Word copy): the summary first."""
    from app.reports.summary_report import summary_document

    builds: list[tuple[str, DocumentBuild, bool]] = [
        (SUMMARY_NAME.format(year=year), lambda: summary_document(year), True)
    ]
    for kind in YEAR_DOCUMENTS:
        builds += [(f"{DOCS_FOLDER}/{n}", build, kind.word) for n, build in kind.documents(year)]
    return builds
