"""Hostile input through app/: each value is stored faithfully or refused with a clear message."""

from __future__ import annotations

import unicodedata
from datetime import date

import peewee as pw
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import people, plan_edit, records
from app.errors import AppError, ValidationError
from app.vntext import has_control_chars
from db.models import AuditLog, Decision, Person, Plan, ProgressNote

HOSTILE = [
    "x" * 10_000,
    "Nguyễn\x00Văn",
    "tab\tand\nnew line",
    "\u200b\u2028",
    unicodedata.normalize("NFD", "Đặng Thị Hương"),
    "😀 Lao động tiên tiến 🎉",
    '=HYPERLINK("http://x")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "<b>&amp; Tom & Jerry</b>",
    "'; DROP TABLE person; --",
    "\x1b[31mred",
]

any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


def _note(item_id: int, text: str) -> None:
    plan_edit.add_note(item_id, date(2024, 5, 1), text)


@pytest.mark.parametrize("text", HOSTILE)
def test_progress_notes_store_faithfully_or_refuse(sample_db: pw.SqliteDatabase, text: str) -> None:
    item = Plan.get().items.first().id
    before = ProgressNote.select().count()
    try:
        _note(item, text)
    except ValidationError as error:
        assert error.message  # a clear message, in Vietnamese
        assert has_control_chars(text) or not text.strip()
        assert ProgressNote.select().count() == before
        return
    stored = ProgressNote.select().order_by(ProgressNote.id.desc()).first().text
    assert stored == unicodedata.normalize("NFC", text).strip()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(family=any_text, given_name=any_text)
def test_people_never_crash_and_never_half_save(
    db: pw.SqliteDatabase, family: str, given_name: str
) -> None:
    count, audit = Person.select().count(), AuditLog.select().count()
    data = people.PersonInput(family, "", given_name)
    try:
        person = people.create_person(data)
    except AppError:
        assert Person.select().count() == count and AuditLog.select().count() == audit
        return
    stored = Person.get_by_id(person.id)
    assert stored.given_name == unicodedata.normalize("NFC", given_name).strip()
    assert not has_control_chars(stored.full_name)


def test_impossible_dates_are_refused(sample_db: pw.SqliteDatabase) -> None:
    item = Plan.get().items.first().id
    with pytest.raises(ValidationError) as refused:
        plan_edit.add_note(item, date(1800, 1, 1), "ghi chú")
    assert "1900–2100" in refused.value.message
    assert ProgressNote.select().count() == 0


def test_duplicate_decision_numbers_are_refused(db: pw.SqliteDatabase) -> None:
    records.create(Decision, number="15", symbol="QĐ-SNgV", signed_on=date(2024, 12, 20))
    with pytest.raises(ValidationError) as refused:
        records.create(Decision, number="15", symbol="QĐ-SNgV", signed_on=date(2024, 12, 20))
    assert "trùng" in refused.value.message
    assert Decision.select().count() == 1


def test_a_refused_write_inside_a_transaction_rolls_it_all_back(db: pw.SqliteDatabase) -> None:
    with pytest.raises(ValidationError), records.transaction():
        people.create_person(people.PersonInput("Lê", "", "An"))
        records.create(Decision, number="1", symbol="QĐ", signed_on=date(2024, 1, 1))
        records.create(Decision, number="1", symbol="QĐ", signed_on=date(2024, 1, 1))
    assert Person.select().count() == 0 and Decision.select().count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("family_name", "Lê" * 40), ("given_name", "An\x07"), ("position", "x\x00")],
)
def test_person_form_rules_catch_hostile_values(
    db: pw.SqliteDatabase, field: str, value: str
) -> None:
    data = people.PersonInput(
        **{"family_name": "Lê", "middle_name": "", "given_name": "An", field: value}
    )  # type: ignore[arg-type]
    assert field in people.validate_person(data)


@settings(max_examples=40, deadline=None)
@given(text=any_text)
def test_any_text_renders_to_pdf_and_word(text: str) -> None:
    import io

    import docx
    from pypdf import PdfReader

    from app.documents import AdminDocument, Header, Paragraph, Signer, render_docx, render_pdf

    document = AdminDocument(
        header=Header("UBND TỈNH", "SỞ NGOẠI VỤ", "Số: 1/KH", "ngày 01 tháng 01 năm 2024"),
        doc_type="KẾ HOẠCH",
        subject=(text[:80] or "x",),
        body=(Paragraph(text), Paragraph(f"<{text}> & {text}")),
        recipients=(text[:40] or "Lưu: VT.",),
        signer=Signer("", "GIÁM ĐỐC", text[:30]),
    )
    pdf = render_pdf(document)
    assert PdfReader(io.BytesIO(pdf)).pages
    assert docx.Document(io.BytesIO(render_docx(document))).paragraphs


def test_markup_in_user_text_is_printed_as_typed() -> None:
    import io

    from pypdf import PdfReader

    from app.documents import AdminDocument, Header, Paragraph, render_pdf

    document = AdminDocument(
        header=Header("A", "B", "Số: 1", "ngày"),
        doc_type="KẾ HOẠCH",
        subject=("x",),
        body=(Paragraph("<b>Tom</b> & Jerry <br/> &amp;"),),
    )
    text = " ".join(PdfReader(io.BytesIO(render_pdf(document))).pages[0].extract_text().split())
    assert "<b>Tom</b> & Jerry <br/> &amp;" in text
