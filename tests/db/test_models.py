"""The schema: tables, enums stored by value, constraints SQLite enforces."""

from __future__ import annotations

import peewee as pw
import pytest

from db.enums import CommendationKind, Launcher, ProposalStatus, RecipientKind
from db.models import ALL_MODELS, AwardType, Campaign, Person, Proposal, Unit


def test_every_model_has_a_table(db: pw.SqliteDatabase) -> None:
    tables = set(db.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} <= tables


def test_pragmas(db: pw.SqliteDatabase) -> None:
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_enum_stored_by_value_and_read_back_as_enum(db: pw.SqliteDatabase) -> None:
    campaign = Campaign.create(year=2024, name="X", launcher=Launcher.PRIME_MINISTER)
    raw = db.execute_sql("SELECT launcher FROM campaign WHERE id = ?", (campaign.id,)).fetchone()[0]
    assert raw == "prime_minister"
    assert Campaign.get_by_id(campaign.id).launcher is Launcher.PRIME_MINISTER


def test_proposal_names_a_person_or_a_unit_not_both(db: pw.SqliteDatabase) -> None:
    unit = Unit.create(name="Văn phòng Sở")
    person = Person.create(given_name="An", full_name="An", sort_name="An")
    award = AwardType.get(AwardType.code == "LDTT")
    common = {"year": 2024, "award_type": award, "kind": CommendationKind.REGULAR}
    Proposal.create(person=person, **common)
    with pytest.raises(pw.IntegrityError):
        Proposal.create(person=person, unit=unit, **common)
    with pytest.raises(pw.IntegrityError):
        Proposal.create(**common)


def test_foreign_keys_are_enforced(db: pw.SqliteDatabase) -> None:
    award = AwardType.get(AwardType.code == "LDTT")
    with pytest.raises(pw.IntegrityError):
        Proposal.create(year=2024, person=9999, award_type=award, status=ProposalStatus.DRAFT)


def test_award_used_by_a_proposal_cannot_be_deleted(db: pw.SqliteDatabase) -> None:
    award = AwardType.get(AwardType.code == "LDTT")
    person = Person.create(given_name="An", full_name="An", sort_name="An")
    Proposal.create(year=2024, person=person, award_type=award)
    with pytest.raises(pw.IntegrityError):
        award.delete_instance()


def test_catalog_covers_individual_and_collective(db: pw.SqliteDatabase) -> None:
    kinds = {t.recipient for t in AwardType.select()}
    assert {RecipientKind.INDIVIDUAL, RecipientKind.COLLECTIVE, RecipientKind.BOTH} <= kinds
