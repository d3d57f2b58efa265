"""A year's result of a person or a unit: recorded once, corrected after, checked."""

from __future__ import annotations

import peewee as pw
import pytest

from app import evaluations as ev
from app import people
from app.errors import NotFound, ValidationError
from app.vntext import split_name
from db.enums import Discipline, Rating, RecipientKind
from db.models import AuditLog, Evaluation


def test_a_result_is_recorded_then_corrected(db: pw.SqliteDatabase) -> None:
    unit = people.create_unit(people.UnitInput("Văn phòng"))
    an = people.create_person(people.PersonInput(*split_name("Nguyễn Văn An"), unit_id=unit.id))
    ind = RecipientKind.INDIVIDUAL
    assert ev.evaluation_input(ind, an.id, 2024) is None
    ev.save_evaluation(ind, an.id, 2024, ev.EvaluationInput(Rating.GOOD))
    ev.save_evaluation(
        ind, an.id, 2024, ev.EvaluationInput(Rating.EXCELLENT, initiative=" Số hóa hồ sơ ")
    )
    assert Evaluation.select().count() == 1
    assert ev.evaluation_input(ind, an.id, 2024) == ev.EvaluationInput(
        Rating.EXCELLENT, Discipline.NONE, "Số hóa hồ sơ", ""
    )
    changes = AuditLog.select().where(AuditLog.table == "evaluation", AuditLog.field == "rating")
    assert [(c.old_value, c.new_value) for c in changes] == [("htt", "htxs")]
    col = RecipientKind.COLLECTIVE
    ev.save_evaluation(col, unit.id, 2024, ev.EvaluationInput(Rating.EXCELLENT))
    assert Evaluation.get(Evaluation.unit == unit).person_id is None


def test_bad_input_and_missing_recipients_change_nothing(db: pw.SqliteDatabase) -> None:
    with pytest.raises(ValidationError, match="Năm phải từ 2000 đến 2100"):
        ev.save_evaluation(RecipientKind.INDIVIDUAL, 1, 1999, ev.EvaluationInput())
    with pytest.raises(ValidationError, match="ký tự điều khiển"):
        ev.save_evaluation(RecipientKind.INDIVIDUAL, 1, 2024, ev.EvaluationInput(note="a\x07"))
    with pytest.raises(NotFound):
        ev.save_evaluation(RecipientKind.INDIVIDUAL, 999, 2024, ev.EvaluationInput(Rating.GOOD))
    assert Evaluation.select().count() == 0
