"""A person's or a unit's yearly result: rating (xếp loại), discipline and recognised initiative.

The eligibility checks and the award history read these; the history page writes them, one
year of one recipient at a time (created the first time, updated after)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app import records
from app.errors import NotFound, ValidationError
from app.vntext import clean, has_control_chars
from db.enums import Discipline, Rating, RecipientKind
from db.models import Evaluation, Person, Unit

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_TEXT = 2000
MAX_MEMBERS = 100_000


@dataclass(frozen=True)
class EvaluationInput:
    rating: Rating | None = None
    discipline: Discipline = Discipline.NONE
    initiative: str = ""
    note: str = ""
    member_count: int | None = None  # a unit's headcount that year (the collective shares)


def validate_evaluation(year: int, data: EvaluationInput) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not MIN_YEAR <= year <= MAX_YEAR:
        problems["year"] = f"Năm phải từ {MIN_YEAR} đến {MAX_YEAR}."
    for name, label in (("initiative", "Sáng kiến, đề tài"), ("note", "Ghi chú")):
        value = getattr(data, name)
        if has_control_chars(value):
            problems[name] = f"{label} có ký tự điều khiển không hợp lệ; hãy gõ lại."
        elif len(clean(value)) > MAX_TEXT:
            problems[name] = f"{label} dài quá {MAX_TEXT} ký tự."
    if data.member_count is not None and not 1 <= data.member_count <= MAX_MEMBERS:
        problems["member_count"] = f"Số thành viên phải từ 1 đến {MAX_MEMBERS}."
    return problems


def _existing(kind: RecipientKind, recipient_id: int, year: int) -> Evaluation | None:
    field = Evaluation.person if kind is RecipientKind.INDIVIDUAL else Evaluation.unit
    return (
        Evaluation.select()
        .where(field == recipient_id, Evaluation.year == year)
        .order_by(Evaluation.id)
        .first()
    )


def evaluation_input(kind: RecipientKind, recipient_id: int, year: int) -> EvaluationInput | None:
    """The recorded result of that year, or None when nothing is recorded."""
    found = _existing(kind, recipient_id, year)
    if found is None:
        return None
    return _as_input(found)


def _as_input(found: Evaluation) -> EvaluationInput:
    return EvaluationInput(
        found.rating, found.discipline, found.initiative, found.note, found.member_count
    )


Key = tuple[RecipientKind, int, int]  # individual or collective, person or unit id, year


def _recorded_rows(years: Iterable[int]) -> dict[Key, Evaluation]:
    """The results recorded for those years, by recipient and year (the first one recorded
    where there are two, as ``evaluation_input`` reads)."""
    found: dict[Key, Evaluation] = {}
    query = Evaluation.select().where(Evaluation.year.in_(sorted(set(years))))
    for evaluation in query.order_by(Evaluation.id):
        if evaluation.person_id is not None:
            key = (RecipientKind.INDIVIDUAL, evaluation.person_id, evaluation.year)
        else:
            key = (RecipientKind.COLLECTIVE, evaluation.unit_id, evaluation.year)
        found.setdefault(key, evaluation)
    return found


def recorded(years: Iterable[int]) -> dict[Key, EvaluationInput]:
    """Every result recorded for those years, by recipient and year."""
    return {key: _as_input(e) for key, e in _recorded_rows(years).items()}


def save_evaluation(
    kind: RecipientKind, recipient_id: int, year: int, data: EvaluationInput
) -> Evaluation:
    """Record the year's result (create, or update the one recorded)."""
    return save_evaluations([((kind, recipient_id, year), data)])[0]


def save_evaluations(
    items: Sequence[tuple[Key, EvaluationInput]], labels: Sequence[str] = ()
) -> list[Evaluation]:
    """Record several results in one transaction (each created, or the one recorded updated);
    a message about item i starts with ``labels[i]`` when given ("Dòng 7: ")."""

    def label(i: int) -> str:
        return labels[i] if i < len(labels) else ""

    for i, ((_kind, _rid, year), data) in enumerate(items):
        problems = validate_evaluation(year, data)
        if problems:
            field, message = next(iter(problems.items()))
            raise ValidationError(label(i) + message, field=field)
    with records.transaction():
        for kind, model in ((RecipientKind.INDIVIDUAL, Person), (RecipientKind.COLLECTIVE, Unit)):
            wanted = {rid for (k, rid, _y), _d in items if k is kind}
            found = {i for (i,) in model.select(model.id).where(model.id.in_(wanted)).tuples()}
            for i, ((k, rid, _y), _d) in enumerate(items):
                if k is kind and rid not in found:
                    raise NotFound(
                        label(i) + "Không tìm thấy cá nhân, tập thể này; có thể đã bị xóa."
                    )
        existing = _recorded_rows(year for (_k, _r, year), _d in items)
        saved = []
        for key, data in items:
            fields = {
                "rating": data.rating,
                "discipline": data.discipline,
                "initiative": data.initiative,
                "note": data.note,
                "member_count": data.member_count,
            }
            found = existing.get(key)
            if found is not None:
                saved.append(records.update(found, **fields))
                continue
            kind, rid, year = key
            owner = {"person": rid} if kind is RecipientKind.INDIVIDUAL else {"unit": rid}
            existing[key] = records.create(Evaluation, year=year, **owner, **fields)
            saved.append(existing[key])
    return saved
