"""First-run setup, the crash dialog and the models under Qt's model tester."""

from __future__ import annotations

from typing import Any

import peewee as pw
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app import agency, awards, campaigns, catalog, meetings, people, plan, records
from db.enums import CommendationKind
from db.models import AwardType, Person, Plan, Proposal
from tests.conftest import FakeMessages
from ui.application import crash_details, first_run_setup
from ui.dialogs.agency_dialog import AgencyDialog
from ui.dialogs.crash_dialog import CrashDialog
from ui.models.campaign_table_model import CampaignTableModel
from ui.models.directory_table_models import (
    AwardTypeTableModel,
    CouncilMemberTableModel,
    PersonTableModel,
    UnitTableModel,
)
from ui.models.meeting_table_model import MeetingTableModel
from ui.models.plan_table_model import PlanTableModel
from ui.models.proposal_table_model import ProposalTableModel
from ui.models.record_table_model import SORT_ROLE
from ui.models.sort_proxy import RecordFilterProxy


def _fill_agency(sample: bool) -> Any:
    def fill(dialog: AgencyDialog) -> bool:
        assert not dialog.save_button.isEnabled()
        dialog.parent_body_edit.setText("UBND tỉnh Đồng Nai")
        dialog.agency_name_edit.setText("Sở Ngoại vụ")
        dialog.abbreviation_edit.setText("SNgV")
        dialog.place_name_edit.setText("Đồng Nai")
        assert not dialog.save_button.isEnabled()  # the director is still missing
        dialog.director_edit.setText("Nguyễn Văn Minh")
        assert dialog.save_button.isEnabled()
        dialog.sample_check.setChecked(sample)
        return True

    return fill


def test_first_run_asks_the_agency_and_loads_the_sample(
    qapp: Any, db: pw.SqliteDatabase, fake_messages: FakeMessages
) -> None:
    fake_messages.dialog_handlers.append(_fill_agency(sample=True))
    first_run_setup()
    details = agency.details_on()
    assert details is not None
    assert (details.parent_body, details.agency_name, details.place_name) == (
        "UBND TỈNH ĐỒNG NAI",
        "SỞ NGOẠI VỤ",
        "Đồng Nai",
    )
    assert details.director_name == "Nguyễn Văn Minh"
    assert Plan.select().count() == 1
    first_run_setup()  # configured now: no second question


def test_first_run_without_the_sample(
    qapp: Any, db: pw.SqliteDatabase, fake_messages: FakeMessages
) -> None:
    fake_messages.dialog_handlers.append(_fill_agency(sample=False))
    first_run_setup()
    assert agency.is_configured() and Plan.select().count() == 0


def test_first_run_cancelled_leaves_the_database_unconfigured(
    qapp: Any, db: pw.SqliteDatabase, fake_messages: FakeMessages
) -> None:
    fake_messages.dialog_handlers.append(lambda dialog: False)
    first_run_setup()
    assert not agency.is_configured()


def test_agency_abbreviation_is_checked_inline(qtbot: QtBot) -> None:
    dialog = AgencyDialog()
    qtbot.addWidget(dialog)
    for edit in (
        dialog.parent_body_edit,
        dialog.agency_name_edit,
        dialog.place_name_edit,
        dialog.director_edit,
    ):
        edit.setText("x")
    dialog.abbreviation_edit.setText("S NgV")
    assert not dialog.save_button.isEnabled()
    assert "dấu cách" in dialog.error_label.text()


def test_crash_dialog_shows_and_copies_the_details(qtbot: QtBot) -> None:
    try:
        raise RuntimeError("hỏng rồi")
    except RuntimeError as exc:
        details = crash_details(type(exc), exc, exc.__traceback__)
    dialog = CrashDialog(details)
    qtbot.addWidget(dialog)
    assert "RuntimeError: hỏng rồi" in dialog.details_edit.toPlainText()
    assert "TĐKT Desk 0.1.0" in details
    dialog.copy_button.click()
    assert "hỏng rồi" in QGuiApplication.clipboard().text()


def _proposals() -> list[Any]:
    from app.vntext import split_name

    ldtt = AwardType.get(AwardType.code == "LDTT")
    for name in ("Nguyễn Văn Bảy", "Trần Thị An"):
        person = people.create_person(people.PersonInput(*split_name(name)))
        records.create(
            Proposal, year=2024, person=person, award_type=ldtt, kind=CommendationKind.REGULAR
        )
    return awards.proposal_rows(2024)


@pytest.mark.parametrize(
    ("model_class", "rows"),
    [
        (PlanTableModel, lambda: plan.load_plan(2024).items),  # type: ignore[union-attr]
        (MeetingTableModel, lambda: meetings.meeting_rows(2024)),
        (CampaignTableModel, lambda: campaigns.campaign_rows(2024)),
        (ProposalTableModel, _proposals),
        (UnitTableModel, people.unit_rows),
        (PersonTableModel, people.person_rows),
        (CouncilMemberTableModel, people.council_member_rows),
        (AwardTypeTableModel, catalog.award_type_rows),
    ],
)
def test_models_pass_the_qt_model_tester(
    qapp: Any, sample_db: pw.SqliteDatabase, qtmodeltester: Any, model_class: Any, rows: Any
) -> None:
    model = model_class()
    data = list(rows())
    assert data
    model.set_rows(data)
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == model.columns[0].header
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert sorted(model.rows(), key=id) == sorted(data, key=id)


def test_the_proxy_passes_the_qt_model_tester(
    qapp: Any, sample_db: pw.SqliteDatabase, qtmodeltester: Any
) -> None:
    model = PersonTableModel()
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    _proposals()
    model.set_rows(people.person_rows())
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_query("tran")
    assert proxy.rowCount() == 1
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "Trần Thị An"
    proxy.set_query("")
    assert [proxy.index(i, 0).data() for i in range(proxy.rowCount())] == [
        "Phạm Thị Anh Thư",
        "Nguyễn Văn Bảy",
        "Trần Thị An",
    ]


def test_sort_role_gives_raw_values(qapp: Any, sample_db: pw.SqliteDatabase) -> None:
    model = CampaignTableModel()
    model.set_rows(campaigns.campaign_rows(2024))
    assert model.index(0, model.COL_YEAR).data(SORT_ROLE) == 2024
    assert model.index(0, model.COL_YEAR).data() == "2024"
    assert Person.select().count() == 1
