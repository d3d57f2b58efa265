"""The import dialog (file, preview, confirmation, import) and the award history pages, by qtbot."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import Any

import peewee as pw
import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from app import award_import, records
from app.award_import import RowStatus
from db.enums import ProposalStatus, Rating, RecipientKind
from db.models import AwardType, Evaluation, Person, Proposal, Unit
from tests.conftest import FakeMessages
from tests.import_files import small_staff
from ui import messages
from ui.dialogs.award_import_dialog import AwardImportDialog
from ui.models.award_history_table_models import (
    EligibleTableModel,
    RecipientTableModel,
    SuggestionTableModel,
    YearTableModel,
)
from ui.models.award_import_table_model import ImportPreviewTableModel
from ui.tabs.award_history_page import AwardHistoryPage, EligiblePage
from ui.tabs.loading import LoadingTab

SHOTS = os.environ.get("TDKT_SCREENSHOTS")  # a folder: save screenshots there to look at


def shot(widget: Any, name: str) -> None:
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # pending layout after the last change of text
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def staff(db: pw.SqliteDatabase) -> dict[str, int]:
    return small_staff()


def proposal_file(tmp_path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = load_workbook(io.BytesIO(award_import.template_xlsx()))
    for row in rows:
        book.active.append(list(row))
    path = tmp_path / "de-nghi-van-phong.xlsx"
    book.save(path)
    return path


ROWS = [
    (1, "Cá nhân", "Nguyễn Văn An", "Văn phòng", "LĐTT", 2024, "", "Hoàn thành tốt nhiệm vụ", ""),
    (2, "Cá nhân", "dang thu ha", "", "Lao động tiên tiến", 2024, "", "", ""),
    (3, "Tập thể", "Văn phòng", "", "Tập thể lao động tiên tiến", 2024, "", "", ""),
]


def test_choose_preview_confirm_and_import(
    qtbot: QtBot, staff: dict[str, int], tmp_path: Path, fake_messages: FakeMessages
) -> None:
    dialog = AwardImportDialog(2024)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    fake_messages.open_paths.append(proposal_file(tmp_path, ROWS))
    qtbot.mouseClick(dialog.choose_button, _left())
    _read(qtbot, dialog)
    assert dialog.model.rowCount() == 3
    assert dialog.summary_label.text().startswith("3 dòng: 2 hợp lệ, 1 cần xác nhận, 0 bị từ chối")
    assert not dialog.import_button.isEnabled()  # one name still to confirm
    dialog.table.selectRow(1)
    assert dialog.confirm_button.isEnabled()
    assert dialog.candidate_combo.currentText() == "Đặng Thu Hà — Phòng Lãnh sự"
    shot(dialog, "import-confirm")
    qtbot.mouseClick(dialog.confirm_button, _left())
    assert dialog.model.row_at(1).status is RowStatus.ACCEPTED
    assert dialog.import_button.isEnabled()
    dialog.year_spin.setValue(2025)  # the file is read again; the confirmation is kept
    _read(qtbot, dialog)
    assert dialog.model.row_at(1).status is RowStatus.ACCEPTED
    assert dialog.model.row_at(1).year == 2024  # the file gives its year
    dialog.year_spin.setValue(2024)
    _read(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, _left())
    # written on a worker thread: a busy bar, nothing to click, Escape does not close
    assert dialog.is_writing() and not dialog.close_button.isEnabled()
    assert not dialog.import_button.isEnabled() and not dialog.progress.isHidden()
    shot(dialog, "import-writing")
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.is_writing())
    assert fake_messages.shown[-1][2] == (
        "Đã nhập 3 đề nghị từ tệp “de-nghi-van-phong.xlsx” (trạng thái Dự thảo)."
    )
    assert dialog.result() == dialog.DialogCode.Accepted
    assert sorted(p.person_id or 0 for p in Proposal.select()) == sorted(
        [staff["Nguyễn Văn An"], staff["Đặng Thu Hà"], 0]
    )


def test_rejected_rows_keep_the_import_closed_and_the_report_can_be_saved(
    qtbot: QtBot,
    staff: dict[str, int],
    tmp_path: Path,
    fake_messages: FakeMessages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = AwardImportDialog(2024)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [*ROWS, (4, "Cá nhân", "Người Lạ", "", "LĐTT", 2024, "", "", "")]
    dialog.load(proposal_file(tmp_path, rows))
    _read(qtbot, dialog)
    assert "1 bị từ chối" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.model.row_at(3).reason_text == "Không tìm thấy cá nhân “Người Lạ” trong danh bạ"
    dialog.table.selectRow(3)  # the reason, cut in the table, shows whole under it
    assert dialog.confirm_label.text() == (
        "Dòng 8: Không tìm thấy cá nhân “Người Lạ” trong danh bạ."
    )
    shot(dialog, "import-rejected")
    saved = tmp_path / "ket-qua"
    monkeypatch.setattr(messages, "save_file", lambda *_: saved)
    assert dialog.save_report() == tmp_path / "ket-qua.xlsx"
    sheet = load_workbook(tmp_path / "ket-qua.xlsx").active
    assert sheet["B5"].value == "Bị từ chối"
    assert Proposal.select().count() == 0


def test_a_file_that_is_not_a_spreadsheet_is_told_and_nothing_changes(
    qtbot: QtBot, staff: dict[str, int], tmp_path: Path, fake_messages: FakeMessages
) -> None:
    dialog = AwardImportDialog(2024)
    qtbot.addWidget(dialog)
    path = tmp_path / "thu.txt"
    path.write_text("Kính gửi", encoding="utf-8")
    dialog.load(path)
    _read(qtbot, dialog)
    kind, title, text = fake_messages.shown[-1]
    assert (kind, title) == ("error", "Dữ liệu chưa hợp lệ")
    assert "không phải là bảng tính Excel (.xlsx) hay văn bản Word (.docx)" in text
    assert dialog.report is None and dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()


def test_the_template_is_saved_from_the_dialog(
    qtbot: QtBot, db: pw.SqliteDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = AwardImportDialog(2024)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(messages, "save_file", lambda *_: tmp_path / "mau.xlsx")
    qtbot.mouseClick(dialog.template_button, _left())
    sheet = load_workbook(tmp_path / "mau.xlsx").active
    assert sheet["C3"].value == "Họ và tên cá nhân / Tên tập thể"


def _history_data(staff: dict[str, int]) -> None:
    an = Person.get_by_id(staff["Nguyễn Văn An"])
    for year, code in ((2023, "LDTT"), (2023, "CSTDCS"), (2024, "LDTT"), (2024, "CSTDCS")):
        records.create(
            Proposal,
            year=year,
            person=an,
            award_type=AwardType.get(AwardType.code == code),
            status=ProposalStatus.GRANTED,
        )
    records.create(Evaluation, year=2024, person=an, rating=Rating.EXCELLENT)
    records.create(
        Proposal,
        year=2024,
        unit=Unit.get_by_id(staff["Văn phòng"]),
        award_type=AwardType.get(AwardType.code == "TTLDTT"),
        status=ProposalStatus.GRANTED,
    )


def test_the_history_page_shows_a_persons_years_and_next_years_suggestions(
    qtbot: QtBot, staff: dict[str, int]
) -> None:
    _history_data(staff)
    page = AwardHistoryPage(date(2024, 5, 20))
    qtbot.addWidget(page)
    page.resize(1200, 650)
    page.set_year(2024)
    page.show()
    _loaded(qtbot, page)
    page.search_edit.setText("nguyen van an")
    assert page.proxy.rowCount() == 1
    page.table.selectRow(0)
    detail = page.detail
    assert detail.title_label.text() == ("Nguyễn Văn An — Văn phòng: 2 năm có kết quả đến năm 2024")
    assert [r.year for r in detail.years.rows()] == [2024, 2023]
    assert detail.years.rows()[0].titles_text == "Lao động tiên tiến; Chiến sĩ thi đua cơ sở"
    assert detail.years.index(0, YearTableModel.COL_RATING).data() == (
        "Hoàn thành xuất sắc nhiệm vụ"
    )
    assert detail.years.index(0, YearTableModel.COL_DISC).data() == ""
    assert detail.suggestions_label.text() == "Đủ điều kiện đề nghị năm 2025"
    # rated HTXS in 2024 with CSTĐCS: point d of the provincial Bằng khen within reach in 2025
    assert [s.award_code for s in detail.suggestions.rows()] == ["CSTDCS", "CSTD_TINH", "BK_TINH"]
    bk = detail.suggestions.rows()[2]
    assert bk.basis == "Hoàn thành xuất sắc nhiệm vụ 2024; Chiến sĩ thi đua cơ sở: 2024 (điểm d)"
    assert bk.condition.startswith("Năm 2025 hoàn thành xuất sắc nhiệm vụ (2 năm liên tục)")
    shot(page, "history-page")
    page.set_year(2023)  # the year selected in the window moves the history
    assert detail.suggestions_label.text() == "Đủ điều kiện đề nghị năm 2024"
    assert [s.award_code for s in detail.suggestions.rows()] == ["CSTDCS"]
    page.search_edit.setText("van phong")
    page.table.selectRow(
        page.model.find_row(lambda r: r.recipient_kind is RecipientKind.COLLECTIVE)
    )
    assert detail.history is not None and detail.history.name == "Văn phòng"


def test_the_agency_wide_list_loads_for_the_year_and_exports(
    qtbot: QtBot, staff: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history_data(staff)
    page = EligiblePage(date(2024, 5, 20))
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.set_year(2024)
    page.show()
    _loaded(qtbot, page)
    assert page.heading.text() == "Đủ điều kiện đề nghị năm 2025 (theo kết quả đến năm 2024)"
    assert [(r.name, r.award_code) for r in page.visible_rows()] == [
        ("Nguyễn Văn An", "CSTDCS"),
        ("Nguyễn Văn An", "CSTD_TINH"),
        ("Văn phòng", "TTLDXS"),
        ("Nguyễn Văn An", "BK_TINH"),  # titles first, then forms (catalog order)
    ]
    assert not page.propose_button.isEnabled()
    assert page.propose_button.text() == "Lập đề nghị năm 2025…"
    shot(page, "eligible-page")
    page.search_edit.setText("tap the")
    assert [r.name for r in page.visible_rows()] == ["Văn phòng"]
    monkeypatch.setattr(messages, "save_file", lambda *_: tmp_path / "du-dieu-kien")
    assert page.export_rows() == tmp_path / "du-dieu-kien.xlsx"
    sheet = load_workbook(tmp_path / "du-dieu-kien.xlsx").active
    assert sheet.title == "Đủ điều kiện đề nghị 2025"
    assert [sheet.cell(row=r, column=3).value for r in (2, 3)] == ["Văn phòng", None]


@pytest.mark.parametrize(
    "model_class",
    [
        ImportPreviewTableModel,
        RecipientTableModel,
        YearTableModel,
        SuggestionTableModel,
        EligibleTableModel,
    ],
)
def test_the_models_pass_the_model_tester(
    qtmodeltester: Any, staff: dict[str, int], tmp_path: Path, model_class: Any
) -> None:
    from app import award_history

    _history_data(staff)
    history = award_history.person_history(staff["Nguyễn Văn An"], 2024)
    rows = {
        ImportPreviewTableModel: award_import.read_file(proposal_file(tmp_path, ROWS), 2024).rows,
        RecipientTableModel: award_history.recipients(),
        YearTableModel: history.years,
        SuggestionTableModel: history.suggestions,
        EligibleTableModel: award_history.eligible_rows(2024),
    }[model_class]
    model = model_class()
    model.set_rows(list(rows))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def _read(qtbot: QtBot, dialog: AwardImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=10000)


def _loaded(qtbot: QtBot, page: LoadingTab) -> None:
    qtbot.waitUntil(page.is_current, timeout=10000)


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_drafts_for_next_year_from_the_selected_suggestions(
    qtbot: QtBot, staff: dict[str, int], fake_messages: FakeMessages
) -> None:
    _history_data(staff)
    page = EligiblePage(date(2024, 5, 20))
    qtbot.addWidget(page)
    page.set_year(2024)
    page.show()
    _loaded(qtbot, page)
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.proxy.index(2, 0),
        page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows,
    )
    assert [r.award_code for r in page.selected_rows()] == ["CSTDCS", "TTLDXS"]
    fake_messages.confirm_answers.append(True)
    qtbot.mouseClick(page.propose_button, _left())
    assert fake_messages.shown[0][2].startswith("Lập 2 đề nghị năm 2025 (trạng thái Dự thảo)")
    assert fake_messages.shown[-1][2] == "Đã lập 2 đề nghị năm 2025 (Dự thảo)."
    drafts = Proposal.select().where(Proposal.year == 2025)
    assert sorted(p.award_type.code for p in drafts) == ["CSTDCS", "TTLDXS"]


def test_all_single_suggestions_confirmed_at_once(
    qtbot: QtBot, staff: dict[str, int], tmp_path: Path, fake_messages: FakeMessages
) -> None:
    dialog = AwardImportDialog(2024)
    qtbot.addWidget(dialog)
    rows = [
        (1, "Cá nhân", "nguyen van an", "", "LĐTT", 2024, "", "", ""),
        (2, "Cá nhân", "dang thu ha", "", "LĐTT", 2024, "", "", ""),
    ]
    dialog.load(proposal_file(tmp_path, rows))
    _read(qtbot, dialog)
    assert not dialog.import_button.isEnabled() and dialog.confirm_all_button.isEnabled()
    fake_messages.confirm_answers.append(True)
    qtbot.mouseClick(dialog.confirm_all_button, _left())
    assert "Dòng 6: “dang thu ha” → Đặng Thu Hà — Phòng Lãnh sự" in fake_messages.shown[-1][2]
    assert dialog.report is not None and not dialog.report.to_confirm
    assert dialog.import_button.isEnabled() and not dialog.confirm_all_button.isEnabled()


def test_the_awards_tab_has_the_import_button_and_the_history_pages(
    qtbot: QtBot, window: Any, fake_messages: FakeMessages
) -> None:
    from tests.ui.conftest import show

    tab = window.awards_tab
    show(qtbot, window, tab)
    titles = [tab.pages.tabText(i) for i in range(tab.pages.count())]
    assert "Lịch sử khen thưởng" in titles and "Đủ điều kiện đề nghị" in titles
    assert tab.page("Lịch sử khen thưởng") is tab.history_page

    def cancel(dialog: AwardImportDialog) -> bool:
        assert dialog.windowTitle() == "Nhập danh sách đề nghị khen thưởng"
        assert dialog.year_spin.value() == 2024  # the year chosen in the window
        return False

    fake_messages.dialog_handlers.append(cancel)
    assert tab.import_button.isVisible()  # on the proposals list, beside its other buttons
    shot(window, "awards-tab-proposals")
    qtbot.mouseClick(tab.import_button, _left())
    assert len(fake_messages.dialogs) == 1
    director = Person.get()  # the sample's one person
    records.create(
        Proposal,
        year=2024,
        person=director,
        award_type=AwardType.get(AwardType.code == "LDTT"),
        status=ProposalStatus.GRANTED,
    )
    tab.pages.setCurrentWidget(tab.eligible_page)
    _loaded(qtbot, tab.eligible_page)
    assert tab.eligible_page.heading.text().startswith("Đủ điều kiện đề nghị năm 2025")
    assert [r.name for r in tab.eligible_page.visible_rows()] == [director.full_name]
    tab.eligible_page.table.doubleClicked.emit(tab.eligible_page.proxy.index(0, 0))
    assert tab.pages.currentWidget() is tab.history_page
    _loaded(qtbot, tab.history_page)
    assert tab.history_page.model.total_count() > 1  # the sample's people and units
    qtbot.waitUntil(lambda: tab.history_page.detail.history is not None)
    assert tab.history_page.detail.history.name == director.full_name
    assert tab.history_page.detail.years.rows()[0].titles_text == "Lao động tiên tiến"
    shot(window, "awards-tab-history")


def test_the_years_result_is_recorded_from_the_history_page(
    qtbot: QtBot, staff: dict[str, int], fake_messages: FakeMessages
) -> None:
    from db.enums import Discipline
    from ui.dialogs.evaluation_dialog import EvaluationDialog
    from ui.dialogs.form_dialog import select_data

    _history_data(staff)
    page = AwardHistoryPage(date(2024, 5, 20))
    qtbot.addWidget(page)
    page.resize(1200, 650)
    page.set_year(2024)
    page.show()
    _loaded(qtbot, page)
    assert not page.detail.evaluation_button.isEnabled()
    page.table.selectRow(page.model.find_row(lambda r: r.name == "Trần Thị Bích Ngọc"))
    assert page.detail.evaluation_button.text() == "Ghi kết quả năm 2024…"

    def fill(dialog: EvaluationDialog) -> bool:
        assert dialog.windowTitle() == "Kết quả năm 2024 — Trần Thị Bích Ngọc"
        select_data(dialog.rating_combo, Rating.GOOD)
        select_data(dialog.discipline_combo, Discipline.REPRIMAND)
        dialog.initiative_edit.setPlainText("Quy trình tiếp khách quốc tế")
        assert dialog.save_button.isEnabled()
        shot(dialog, "evaluation-dialog")
        return True

    fake_messages.dialog_handlers.append(fill)
    qtbot.mouseClick(page.detail.evaluation_button, _left())
    (year,) = page.detail.years.rows()
    assert (year.year, year.rating, year.discipline) == (2024, Rating.GOOD, Discipline.REPRIMAND)
    assert year.initiative == "Quy trình tiếp khách quốc tế"


def test_a_write_that_fails_on_the_worker_says_why_and_keeps_the_dialog(
    qtbot: QtBot,
    staff: dict[str, int],
    tmp_path: Path,
    fake_messages: FakeMessages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The list is written off the GUI thread; a refusal there comes back as the message, the
    dialog stays open with its buttons usable again, and nothing was written."""
    from app.errors import AppError

    def refuse(_report: Any) -> list[int]:
        raise AppError("Ổ đĩa đầy: không ghi được danh sách.")

    monkeypatch.setattr(award_import, "commit", refuse)
    dialog = AwardImportDialog(2024)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(proposal_file(tmp_path, [ROWS[0], ROWS[2]]))
    _read(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, _left())
    qtbot.waitUntil(lambda: not dialog.is_writing())
    assert fake_messages.shown[-1] == (
        "error",
        AppError.title,
        "Ổ đĩa đầy: không ghi được danh sách.",
    )
    assert (
        dialog.isVisible() and dialog.import_button.isEnabled() and dialog.close_button.isEnabled()
    )
    assert dialog.progress.isHidden() and Proposal.select().count() == 0
