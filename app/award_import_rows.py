"""One row of an imported proposal list checked: the recipient matched in the directory (or the
suggestions the operator confirms from), the award, year, kind and campaign read, and the rules
of an ordinary proposal (app/proposals) applied. Nothing here writes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from app import proposals
from app.award_import_match import (
    Directory,
    NameMatch,
    award_hints,
    match_award,
    match_kind,
    name_key,
    recipient_kind,
    unit_fits,
)
from app.vntext import fold, has_control_chars
from db.enums import CommendationKind, RecipientKind
from db.models import AwardType

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


# --- results ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    id: int
    label: str  # "Nguyễn Văn An — Văn phòng"


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


# --- validating rows -------------------------------------------------------------------------
_TEXT_LABELS = (
    ("name", "Họ tên"),
    ("unit", "Đơn vị"),
    ("award", "Danh hiệu"),
    ("achievements", "Thành tích"),
    ("initiative", "Sáng kiến"),
)


def _text_problems(values: dict[str, str]) -> list[str]:
    problems = []
    for key, label in _TEXT_LABELS:
        value = values.get(key, "")
        if has_control_chars(value):
            problems.append(f"{label} có ký tự điều khiển không hợp lệ")
        elif len(value) > MAX_TEXT:
            problems.append(f"{label} quá dài (tối đa {MAX_TEXT} ký tự)")
    return problems


def _year(text: str, default: int, problems: list[str]) -> int | None:
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
    declared = recipient_kind(values.get("recipient", ""))
    if declared == "invalid":
        problems.append(
            f"Đối tượng “{values.get('recipient')}” không hợp lệ (ghi “Cá nhân” hoặc “Tập thể”)"
        )
        declared = None
    kind = declared or section_kind
    if kind is None and award is not None and award.recipient is not RecipientKind.BOTH:
        kind = award.recipient
    if award is not None and kind is not None and award.recipient not in (RecipientKind.BOTH, kind):
        problems.append(
            f"“{award.name}” chỉ xét cho {award.recipient.label.lower()}, "
            f"không cho {kind.label.lower()}"
        )
    return kind  # type: ignore[return-value]


@dataclass(frozen=True)
class _Recipient:
    kind: RecipientKind | None
    id: int | None = None
    label: str = ""
    candidates: tuple[Candidate, ...] = ()
    note: str = ""  # what the operator must confirm


def _recipient(
    name_text: str,
    unit_text: str,
    kind: RecipientKind | None,
    directory: Directory,
    problems: list[str],
) -> _Recipient:
    """The person or unit meant: exact (accepted), loose or close (to confirm), or none."""
    if not name_text:
        problems.append("Thiếu họ tên cá nhân hoặc tên tập thể")
        return _Recipient(kind)
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
        return _Recipient(kind)
    if len(found) > 1:  # a person and a unit of the same name, and the file does not say
        problems.append(
            f"“{name_text}” vừa là tên một cá nhân vừa là tên một tập thể: ghi rõ cột Đối tượng "
            "(Cá nhân hoặc Tập thể)"
        )
        return _Recipient(None)
    k, match = found[0]
    pool = match.exact + match.loose or match.near
    if k is RecipientKind.INDIVIDUAL and len(pool) > 1 and unit_text:
        fitting = tuple(p for p in pool if unit_fits(unit_text, directory.people[p][2], directory))
        pool = fitting or pool
    if len(pool) == 1 and pool[0] in match.exact:
        return _Recipient(k, pool[0], directory.label(k, pool[0]))
    candidates = tuple(Candidate(i, directory.label(k, i)) for i in pool)
    if len(pool) > 1:
        note = f"{len(pool)} đối tượng trùng tên: chọn đúng người, đúng tập thể"
    elif match.near:
        note = f"Không có tên đúng như vậy; gần giống: {candidates[0].label}"
    else:
        note = f"Tên khác cách viết (dấu, chữ hoa): {candidates[0].label}"
    return _Recipient(k, candidates=candidates, note=note)


def validate_row(
    number: int,
    values: dict[str, str],
    section_kind: RecipientKind | None,
    default_year: int,
    directory: Directory,
) -> ImportRow:
    problems = _text_problems(values)
    award = _award(values.get("award", ""), directory, problems)
    year = _year(values.get("year", ""), default_year, problems)
    kind = match_kind(values.get("kind", ""))
    if kind is None:
        problems.append(f"Loại hình khen thưởng “{values.get('kind')}” không hợp lệ")
    recipient_kind_ = _kind_of_recipient(values, section_kind, award, problems)
    name_text, unit_text = values.get("name", ""), values.get("unit", "")
    who = _recipient(name_text, unit_text, recipient_kind_, directory, problems)
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
    if problems:
        status, reasons = RowStatus.REJECTED, tuple(problems)
    elif who.id is None:
        status, reasons = RowStatus.CONFIRM, (who.note,)
    else:
        status, reasons = RowStatus.ACCEPTED, ()
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


def without_duplicates(rows: list[ImportRow]) -> list[ImportRow]:
    """A second row for the same recipient, award and year is refused."""
    seen: dict[tuple[object, ...], int] = {}
    out: list[ImportRow] = []
    for row in rows:
        key = (row.recipient_kind, row.recipient_id, row.award_type_id, row.year)
        if row.status is RowStatus.REJECTED:
            pass
        elif row.recipient_id is not None and key in seen:
            row = replace(
                row,
                status=RowStatus.REJECTED,
                reasons=(f"Trùng với dòng {seen[key]} (cùng đối tượng, danh hiệu và năm)",),
            )
        elif row.recipient_id is not None:
            seen[key] = row.row_number
        out.append(row)
    return out


def section_kind(texts: list[str], current: RecipientKind | None) -> RecipientKind | None:
    heading = name_key(" ".join(texts))
    if "tap the" in heading:
        return RecipientKind.COLLECTIVE
    if "ca nhan" in heading:
        return RecipientKind.INDIVIDUAL
    return current
