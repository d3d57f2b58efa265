"""One row of an imported proposal list checked: the recipient matched in the directory (or the
suggestions the operator confirms from), the award, year, kind and campaign read, and the rules
of an ordinary proposal (app/proposals) applied. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass

from app import proposals
from app.award_import_match import Directory, award_hints, match_award, match_kind
from app.list_import import (
    MAX_TEXT,
    MAX_YEAR,
    MIN_YEAR,
    Candidate,
    RowStatus,
    declared_kind,
    match_recipient,
    read_year,
    row_status,
    text_problems,
    without_duplicates,
)
from app.vntext import fold
from db.enums import CommendationKind, RecipientKind
from db.models import AwardType

__all__ = [
    "MAX_TEXT",
    "MAX_YEAR",
    "MIN_YEAR",
    "Candidate",
    "ImportRow",
    "RowStatus",
    "proposal_input",
    "validate_row",
    "without_duplicates",
]


# --- results ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportRow:
    row_number: int  # the row in the sheet (or in the Word table), as the operator sees it
    status: RowStatus
    name_text: str  # as written in the file
    unit_text: str
    award_text: str
    recipient_kind: RecipientKind | None
    recipient_id: int | None  # the person or unit matched (None until confirmed)
    recipient_label: str
    candidates: tuple[Candidate, ...]
    award_type_id: int | None
    award_name: str
    year: int | None
    kind: CommendationKind
    achievements: str
    initiative: str
    reasons: tuple[str, ...]  # why rejected, or what to confirm
    search_key: str = ""
    campaign_id: int | None = None
    campaign_name: str = ""
    confirmed: bool = False  # the operator chose the recipient among the suggestions

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)

    @property
    def duplicate_key(self) -> tuple[object, ...]:
        return (self.recipient_kind, self.recipient_id, self.award_type_id, self.year)

    duplicate_text = "cùng đối tượng, danh hiệu và năm"


# --- validating rows -------------------------------------------------------------------------
_TEXT_LABELS = (
    ("name", "Họ tên"),
    ("unit", "Đơn vị"),
    ("award", "Danh hiệu"),
    ("achievements", "Thành tích"),
    ("initiative", "Sáng kiến"),
)


def _award(text: str, directory: Directory, problems: list[str]) -> AwardType | None:
    if not text:
        problems.append("Thiếu danh hiệu, hình thức khen thưởng")
        return None
    award = match_award(text, directory.awards)
    hints = award_hints(text, directory.awards) if award is None else []
    if len(hints) > 1:
        problems.append(f"“{text}” chưa rõ là {'; '.join(hints)}: ghi đầy đủ tên")
    elif award is None:
        problems.append(f"Không có danh hiệu, hình thức “{text}” trong danh mục")
    return award


def _kind_of_recipient(
    values: dict[str, str],
    section_kind: RecipientKind | None,
    award: AwardType | None,
    problems: list[str],
) -> RecipientKind | None:
    kind = declared_kind(values, problems) or section_kind
    if kind is None and award is not None and award.recipient is not RecipientKind.BOTH:
        kind = award.recipient
    if award is not None and kind is not None and award.recipient not in (RecipientKind.BOTH, kind):
        problems.append(
            f"“{award.name}” chỉ xét cho {award.recipient.label.lower()}, "
            f"không cho {kind.label.lower()}"
        )
    return kind


def validate_row(
    number: int,
    values: dict[str, str],
    section_kind: RecipientKind | None,
    default_year: int,
    directory: Directory,
) -> ImportRow:
    problems = text_problems(values, _TEXT_LABELS)
    award = _award(values.get("award", ""), directory, problems)
    year = read_year(values.get("year", ""), default_year, problems)
    kind = match_kind(values.get("kind", ""))
    if kind is None:
        problems.append(f"Loại hình khen thưởng “{values.get('kind')}” không hợp lệ")
    recipient_kind_ = _kind_of_recipient(values, section_kind, award, problems)
    name_text, unit_text = values.get("name", ""), values.get("unit", "")
    who = match_recipient(name_text, unit_text, recipient_kind_, directory, problems)
    if (
        who.id is not None
        and award is not None
        and year is not None
        and directory.has_proposal(who.kind, who.id, award.id, year)
    ):
        problems.append(f"Đã có đề nghị “{award.name}” năm {year} cho {who.label}")
    campaign_id = _campaign(values.get("campaign", ""), year, directory, problems)
    if not problems and award is not None and year is not None and who.kind is not None:
        # the rules of an ordinary proposal (app/proposals): achievements for a form, …
        trial = who.id if who.id is not None else who.candidates[0].id
        data = proposal_input(
            who.kind, trial, award.id, year, kind or CommendationKind.REGULAR, campaign_id, values
        )
        found = proposals.validate_proposal(data)
        problems += [message for key, message in found.items() if key != "recipient"]
    status, reasons = row_status(problems, who)
    award_text = values.get("award", "")
    return ImportRow(
        row_number=number,
        status=status,
        name_text=name_text,
        unit_text=unit_text,
        award_text=award_text,
        recipient_kind=who.kind,
        recipient_id=who.id,
        recipient_label=who.label,
        candidates=who.candidates if status is RowStatus.CONFIRM else (),
        award_type_id=award.id if award else None,
        award_name=award.name if award else "",
        year=year,
        kind=kind or CommendationKind.REGULAR,
        achievements=values.get("achievements", ""),
        initiative=values.get("initiative", ""),
        reasons=reasons,
        search_key=" | ".join(fold(t) for t in (name_text, who.label, award_text, unit_text) if t),
        campaign_id=campaign_id,
        campaign_name=directory.campaigns[campaign_id][0] if campaign_id else "",
    )


def _campaign(text: str, year: int | None, directory: Directory, problems: list[str]) -> int | None:
    if not text:
        return None
    found = directory.match_campaign(text, year)
    if len(found) == 1:
        return found[0]
    if found:
        problems.append(f"Có {len(found)} phong trào thi đua tên “{text}”: ghi đầy đủ tên")
    else:
        problems.append(f"Không có phong trào thi đua “{text}”")
    return None


def proposal_input(
    recipient_kind: RecipientKind,
    recipient_id: int,
    award_type_id: int,
    year: int,
    kind: CommendationKind,
    campaign_id: int | None,
    values: dict[str, str],
) -> proposals.ProposalInput:
    individual = recipient_kind is RecipientKind.INDIVIDUAL
    return proposals.ProposalInput(
        year=year,
        award_type_id=award_type_id,
        recipient_kind=recipient_kind,
        person_id=recipient_id if individual else None,
        unit_id=None if individual else recipient_id,
        kind=kind,
        campaign_id=campaign_id,
        achievements=values.get("achievements", ""),
        initiative=values.get("initiative", ""),
    )
