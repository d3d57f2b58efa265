"""All Peewee models of the domain, and the list the schema is created from."""

from db.models.award import Decision, DossierItem, Proposal, ProposalEvent, Vote
from db.models.base import BaseModel, EnumField, database_proxy
from db.models.campaign import Campaign, CampaignReport, Registration, TypicalExample
from db.models.catalog import AwardRule, AwardType
from db.models.meeting import AgendaItem, Attendance, Meeting
from db.models.org import (
    AgencyName,
    Council,
    CouncilMember,
    Evaluation,
    Person,
    PersonUnitHistory,
    Unit,
)
from db.models.plan import Plan, PlanItem, PlanItemUnit, ProgressNote
from db.models.summary import YearSummary
from db.models.system import AuditLog, Setting, Trash

ALL_MODELS: tuple[type[BaseModel], ...] = (
    Setting,
    AuditLog,
    AgencyName,
    Unit,
    Person,
    PersonUnitHistory,
    Evaluation,
    Council,
    CouncilMember,
    Plan,
    PlanItem,
    PlanItemUnit,
    ProgressNote,
    Meeting,
    AgendaItem,
    Attendance,
    Campaign,
    Registration,
    CampaignReport,
    TypicalExample,
    AwardType,
    AwardRule,
    Decision,
    Proposal,
    ProposalEvent,
    DossierItem,
    Vote,
    Trash,
    YearSummary,
)

__all__ = [
    "ALL_MODELS",
    "AgencyName",
    "AgendaItem",
    "Attendance",
    "AuditLog",
    "AwardRule",
    "AwardType",
    "BaseModel",
    "Campaign",
    "CampaignReport",
    "Council",
    "CouncilMember",
    "Decision",
    "DossierItem",
    "EnumField",
    "Evaluation",
    "Meeting",
    "Person",
    "PersonUnitHistory",
    "Plan",
    "PlanItem",
    "PlanItemUnit",
    "ProgressNote",
    "Proposal",
    "ProposalEvent",
    "Registration",
    "Setting",
    "Trash",
    "TypicalExample",
    "Unit",
    "Vote",
    "YearSummary",
    "database_proxy",
]
