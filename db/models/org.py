"""The agency, its units, its people, their yearly evaluations, and the council."""

from __future__ import annotations

import peewee as pw

from db.enums import CouncilRole, Discipline, Gender, RankGroup, Rating, UnitKind, VoteBase
from db.models.base import BaseModel, EnumField


class AgencyName(BaseModel):
    """The agency's name as it was from a date on (agencies were merged and renamed in 2025)."""

    valid_from = pw.DateField()
    parent_body = pw.CharField()
    agency_name = pw.CharField()
    abbreviation = pw.CharField()
    place_name = pw.CharField()

    class Meta:
        table_name = "agency_name"
        indexes = ((("valid_from",), True),)


class Unit(BaseModel):
    name = pw.CharField()
    short_name = pw.CharField(default="")
    kind = EnumField(UnitKind, default=UnitKind.DIVISION)
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    position = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)
    # the day it stopped working (Ngừng hoạt động từ ngày), set with active False; None while
    # active, and for a unit closed before version 11 recorded the day
    closed_on = pw.DateField(null=True)
    note = pw.TextField(default="")
    search_key = pw.CharField(default="", index=True)

    class Meta:
        table_name = "unit"


class Person(BaseModel):
    family_name = pw.CharField(default="")
    middle_name = pw.CharField(default="")
    given_name = pw.CharField()
    full_name = pw.CharField()
    manual_sort_key = pw.CharField(null=True)
    sort_name = pw.CharField(index=True)  # collated with VI; given, middle, family (or manual)
    search_key = pw.CharField(default="", index=True)
    gender = EnumField(Gender, null=True)
    birth_year = pw.IntegerField(null=True)
    position = pw.CharField(default="")  # chức vụ
    rank_group = EnumField(RankGroup, null=True)
    unit = pw.ForeignKeyField(Unit, null=True, backref="people", on_delete="SET NULL")
    hired_on = pw.DateField(null=True)
    active = pw.BooleanField(default=True)
    note = pw.TextField(default="")

    class Meta:
        table_name = "person"


class PersonUnitHistory(BaseModel):
    """Where a person worked and when: eligibility reads results across units."""

    person = pw.ForeignKeyField(Person, backref="unit_history", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, backref="staff_history", on_delete="CASCADE")
    position = pw.CharField(default="")
    date_from = pw.DateField(null=True)
    date_to = pw.DateField(null=True)
    rank_group = EnumField(RankGroup, null=True)  # Nhóm đối tượng during the period

    class Meta:
        table_name = "person_unit_history"


class Evaluation(BaseModel):
    """A person's or a unit's yearly rating, discipline and recognised initiatives."""

    year = pw.IntegerField()
    person = pw.ForeignKeyField(Person, null=True, backref="evaluations", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, null=True, backref="evaluations", on_delete="CASCADE")
    rating = EnumField(Rating, null=True)
    discipline = EnumField(Discipline, default=Discipline.NONE)
    initiative = pw.TextField(default="")  # sáng kiến / đề tài được công nhận
    member_count = pw.IntegerField(null=True)  # for units
    note = pw.TextField(default="")

    class Meta:
        table_name = "evaluation"
        indexes = ((("year", "person"), False), (("year", "unit"), False))
        constraints = [pw.Check("(person_id IS NULL) <> (unit_id IS NULL)")]


class Council(BaseModel):
    """The council and its rules of procedure (quorum and vote base are settings, not code)."""

    name = pw.CharField()
    standing_unit = pw.ForeignKeyField(Unit, null=True, on_delete="SET NULL")
    quorum_numerator = pw.IntegerField(default=2)
    quorum_denominator = pw.IntegerField(default=3)
    default_threshold_percent = pw.IntegerField(default=51)  # strictly more than half by default
    default_vote_base = EnumField(VoteBase, default=VoteBase.PRESENT)
    written_votes_count = pw.BooleanField(default=False)
    rules_basis = pw.TextField(default="")  # the Quy chế these settings come from
    note = pw.TextField(default="")

    class Meta:
        table_name = "council"


class CouncilMember(BaseModel):
    council = pw.ForeignKeyField(Council, backref="members", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, backref="council_roles", on_delete="CASCADE")
    role = EnumField(CouncilRole, default=CouncilRole.MEMBER)
    term_from = pw.DateField(null=True)
    term_to = pw.DateField(null=True)
    position = pw.IntegerField(default=0)

    class Meta:
        table_name = "council_member"
