"""The campaign tab's table models pass Qt's model tester and sort on raw values."""

from __future__ import annotations

from datetime import date
from typing import Any

import peewee as pw
import pytest
from PySide6.QtCore import Qt

from app import campaign_reports, campaigns, people, records, registrations, typical_examples
from db.enums import CommendationKind
from db.models import AwardType, Proposal
from tests.reports.test_campaign_report import fill_year
from ui.models.campaign_period_table_model import CampaignPeriodTableModel
from ui.models.campaign_proposal_table_model import CampaignProposalTableModel
from ui.models.campaign_table_model import OVERDUE, CampaignTableModel
from ui.models.registration_table_model import RegistrationTableModel
from ui.models.typical_example_table_model import TypicalExampleTableModel


def _proposals(campaign_id: int) -> list[Any]:
    ldtt = AwardType.get(AwardType.code == "LDTT")
    for person in people.person_rows():
        records.create(
            Proposal,
            year=2024,
            person=person.id,
            award_type=ldtt,
            kind=CommendationKind.THEMATIC,
            campaign=campaign_id,
        )
    return campaigns.proposal_rows(campaign_id)


@pytest.mark.parametrize(
    ("model_class", "rows"),
    [
        (CampaignTableModel, lambda _c: campaigns.campaign_rows(2024, date(2024, 10, 1))),
        (RegistrationTableModel, lambda _c: registrations.registration_rows(2024)),
        (CampaignPeriodTableModel, lambda c: campaign_reports.period_rows(c, date(2024, 10, 1))),
        (TypicalExampleTableModel, lambda _c: typical_examples.example_rows()),
        (CampaignProposalTableModel, _proposals),
    ],
)
def test_campaign_models_pass_the_qt_model_tester(
    qapp: Any, sample_db: pw.SqliteDatabase, qtmodeltester: Any, model_class: Any, rows: Any
) -> None:
    campaign_id = fill_year()
    model = model_class()
    data = list(rows(campaign_id))
    assert data
    model.set_rows(data)
    qtmodeltester.check(model, force_py=True)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert sorted(model.rows(), key=id) == sorted(data, key=id)


def test_overdue_campaigns_and_periods_are_red(qapp: Any, sample_db: pw.SqliteDatabase) -> None:
    campaign_id = fill_year()
    model = CampaignTableModel()
    model.set_rows(campaigns.campaign_rows(2024, date(2024, 10, 15)))
    row = model.find_row(lambda r: r.id == campaign_id)
    assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE
    pm = model.find_row(lambda r: r.cadence is None)
    assert model.index(pm, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    periods = CampaignPeriodTableModel()
    periods.set_rows(campaign_reports.period_rows(campaign_id, date(2024, 10, 15)))
    assert [periods.index(i, 1).data() for i in range(4)] == [
        "Đã báo cáo",
        "Đã báo cáo",
        "Quá hạn",
        "Đến kỳ báo cáo",
    ]
    assert periods.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE
