"""Award proposals with their dossier, log and council votes; award decisions."""

from __future__ import annotations

import peewee as pw

from db.enums import CommendationKind, ProposalStatus, VoteMethod
from db.models.base import BaseModel, EnumField
from db.models.campaign import Campaign
from db.models.catalog import AwardType
from db.models.meeting import AgendaItem, Meeting
from db.models.org import Person, Unit


class Decision(BaseModel):
    number = pw.CharField()
    symbol = pw.CharField(default="")
    signed_on = pw.DateField()
    authority = pw.CharField(default="")
    signer_authority = pw.CharField(default="")
    signer_title = pw.CharField(default="")
    signer_name = pw.CharField(default="")
    legal_basis = pw.TextField(default="")
    subject = pw.TextField(default="")

    class Meta:
        table_name = "decision"
        indexes = ((("number", "symbol", "signed_on"), True),)


class Proposal(BaseModel):
    year = pw.IntegerField(index=True)
    period = pw.CharField(default="")
    person = pw.ForeignKeyField(Person, null=True, backref="proposals", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(Unit, null=True, backref="proposals", on_delete="RESTRICT")
    award_type = pw.ForeignKeyField(AwardType, backref="proposals", on_delete="RESTRICT")
    kind = EnumField(CommendationKind, default=CommendationKind.REGULAR)
    campaign = pw.ForeignKeyField(Campaign, null=True, backref="proposals", on_delete="SET NULL")
    achievements = pw.TextField(default="")
    initiative = pw.TextField(default="")
    status = EnumField(ProposalStatus, default=ProposalStatus.DRAFT)
    meeting = pw.ForeignKeyField(Meeting, null=True, backref="proposals", on_delete="SET NULL")
    decision = pw.ForeignKeyField(Decision, null=True, backref="proposals", on_delete="SET NULL")
    withdrawn_reason = pw.TextField(default="")
    search_key = pw.TextField(default="")

    class Meta:
        table_name = "proposal"
        indexes = ((("year", "award_type"), False), (("year", "status"), False))
        constraints = [pw.Check("(person_id IS NULL) <> (unit_id IS NULL)")]


class ProposalEvent(BaseModel):
    """A dated status transition or an overridden warning, with its reason."""

    proposal = pw.ForeignKeyField(Proposal, backref="events", on_delete="CASCADE")
    happened_on = pw.DateTimeField()
    from_status = EnumField(ProposalStatus, null=True)
    to_status = EnumField(ProposalStatus, null=True)
    rule_code = pw.CharField(default="")
    note = pw.TextField(default="")
    # an override: what it accepted (the warnings' details, one a line); a warning whose facts
    # differ since is open again. Empty for overrides recorded before schema version 10.
    detail = pw.TextField(default="")

    class Meta:
        table_name = "proposal_event"


class DossierItem(BaseModel):
    proposal = pw.ForeignKeyField(Proposal, backref="dossier", on_delete="CASCADE")
    code = pw.CharField()  # submission, minutes, achievement_report, proofs, foreign_summary
    title = pw.CharField()
    attached = pw.BooleanField(default=False)
    reference = pw.TextField(default="")  # file path or document number

    class Meta:
        table_name = "dossier_item"


class Vote(BaseModel):
    """The council's vote on one award proposal at one meeting."""

    meeting = pw.ForeignKeyField(Meeting, backref="votes", on_delete="CASCADE")
    proposal = pw.ForeignKeyField(Proposal, backref="votes", on_delete="CASCADE")
    agenda_item = pw.ForeignKeyField(AgendaItem, null=True, backref="votes", on_delete="SET NULL")
    method = EnumField(VoteMethod, default=VoteMethod.SHOW_OF_HANDS)
    members_total = pw.IntegerField(default=0)
    members_present = pw.IntegerField(default=0)
    written_votes = pw.IntegerField(default=0)  # absent members' written votes (schema 3)
    ballots_issued = pw.IntegerField(default=0)
    ballots_returned = pw.IntegerField(default=0)
    ballots_valid = pw.IntegerField(default=0)
    votes_for = pw.IntegerField(default=0)
    votes_against = pw.IntegerField(default=0)
    votes_abstain = pw.IntegerField(default=0)

    class Meta:
        table_name = "vote"
        indexes = ((("meeting", "proposal"), True),)
