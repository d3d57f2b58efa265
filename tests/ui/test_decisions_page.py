"""The decisions page: add a decision choosing its proposals, edit, papers, delete and undo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import peewee as pw
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import decisions, records
from db.enums import ProposalStatus
from db.models import Decision, Proposal
from tests.award_data import AwardWorld, build_world, director_decision_input
from tests.conftest import FakeMessages
from tests.ui.conftest import wait_loaded
from ui.dialogs.decision_dialog import DecisionDialog
from ui.models.record_table_model import ROW_ROLE
from ui.tabs.decisions_page import DecisionsPage


@pytest.fixture
def world(sample_db: pw.SqliteDatabase) -> AwardWorld:
    return build_world()


@pytest.fixture
def page(qtbot: QtBot, world: AwardWorld) -> Iterator[DecisionsPage]:
    widget = DecisionsPage(today=date(2024, 12, 20))
    qtbot.addWidget(widget)
    stop = records.subscribe(widget.on_data_changed)
    widget.set_year(2024)
    widget.resize(1100, 600)
    widget.show()
    wait_loaded(qtbot, widget)
    yield widget
    stop()


def tick(dialog: DecisionDialog, name: str, award: str, state: Qt.CheckState) -> None:
    """Tick a proposal's box as a click does (through the view's model)."""
    proxy = dialog.proxy
    for i in range(proxy.rowCount()):
        row = proxy.index(i, 0).data(ROW_ROLE)
        if row.recipient_name == name and row.award_name == award:
            assert proxy.setData(proxy.index(i, 0), state.value, Qt.ItemDataRole.CheckStateRole)
            return
    raise AssertionError(f"{name} / {award} not listed")


def test_add_a_decision_choosing_its_proposals(
    qtbot: QtBot, page: DecisionsPage, world: AwardWorld, fake_messages: FakeMessages
) -> None:
    def fill(dialog: DecisionDialog) -> bool:
        assert dialog.symbol_edit.text() == "QĐ-SNgV"
        assert dialog.signer_name_edit.text() == "Phạm Thị Anh Thư"
        assert not dialog.save_button.isEnabled()  # no number yet
        dialog.number_edit.setText("12")
        assert dialog.save_button.isEnabled()
        # the province's Bằng khen cannot be granted by the director: shown greyed
        model = dialog.candidate_model
        bk = model.find_row(lambda r: r.award_name.startswith("Bằng khen"))
        assert not model.flags(model.index(bk, 0)) & Qt.ItemFlag.ItemIsEnabled
        assert "Chủ tịch UBND tỉnh" in model.index(bk, 1).data(Qt.ItemDataRole.ToolTipRole)
        dialog.filter_edit.setText("nguyen van an")
        assert len(dialog.visible_ids()) == 2
        assert "Đã chọn 0 / 6" in dialog.count_label.text()  # all usable, not just those shown
        dialog.all_button.click()
        dialog.filter_edit.setText("")
        tick(
            dialog,
            "Phòng Hành chính - Tổng hợp",
            "Tập thể lao động tiên tiến",
            Qt.CheckState.Checked,
        )
        assert len(dialog.proposal_ids()) == 3
        assert "Đã chọn 3" in dialog.count_label.text()
        dialog.grab().save("/tmp/decision-dialog.png")
        return True

    fake_messages.dialog_handlers.append(fill)
    page.add_button.click()
    qtbot.waitUntil(lambda: page.is_current() and page.model.total_count() == 1)
    decision = Decision.get(Decision.number == "12")
    granted = Proposal.select().where(Proposal.decision == decision)
    assert {p.status for p in granted} == {ProposalStatus.GRANTED}
    assert granted.count() == 3
    assert page.model.row_at(0).proposal_count == 3
    page.select_where(lambda r: r.id == decision.id)
    assert page.covered_model.total_count() == 3
    assert page.covered_model.row_at(0).recipient_name == "Nguyễn Văn An"
    assert "khen thưởng 3 cá nhân, tập thể" in page.covered_label.text()
    page.grab().save("/tmp/decisions-page.png")


def test_edit_releases_unticked_proposals(
    qtbot: QtBot, page: DecisionsPage, world: AwardWorld, fake_messages: FakeMessages
) -> None:
    p = world.proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"], p["binh_ldtt"]])
    qtbot.waitUntil(lambda: page.is_current() and page.model.total_count() == 1)
    page.select_where(lambda r: r.id == d.id)

    def untick(dialog: DecisionDialog) -> bool:
        assert dialog.number_edit.text() == "12"
        assert len(dialog.proposal_ids()) == 2
        tick(dialog, "Trần Thị Bình", "Lao động tiên tiến", Qt.CheckState.Unchecked)
        return True

    fake_messages.dialog_handlers.append(untick)
    page.edit_button.click()
    qtbot.waitUntil(lambda: Proposal.get_by_id(p["binh_ldtt"]).status is ProposalStatus.PASSED)
    assert Proposal.get_by_id(p["an_ldtt"]).status is ProposalStatus.GRANTED


def test_delete_asks_then_undo(
    qtbot: QtBot, page: DecisionsPage, world: AwardWorld, fake_messages: FakeMessages
) -> None:
    p = world.proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"]])
    qtbot.waitUntil(lambda: page.is_current() and page.model.total_count() == 1)
    page.select_where(lambda r: r.id == d.id)
    fake_messages.confirm_answers.append(False)
    page.delete_button.click()
    assert "đang công nhận 1 đề nghị" in fake_messages.texts()
    assert Decision.get_or_none(Decision.id == d.id) is not None
    fake_messages.confirm_answers.append(True)
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.is_current() and page.model.total_count() == 0)
    assert Proposal.get_by_id(p["an_ldtt"]).status is ProposalStatus.PASSED
    page.undo_delete()
    qtbot.waitUntil(lambda: page.is_current() and page.model.total_count() == 1)


def test_papers_open_in_the_preview(
    qtbot: QtBot,
    page: DecisionsPage,
    world: AwardWorld,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    p = world.proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"], p["duc_gk"]])
    qtbot.waitUntil(lambda: page.is_current() and page.model.total_count() == 1)
    page.select_where(lambda r: r.id == d.id)
    assert page.paper_actions["certificates"].isEnabled()
    for kind, pages in (("decision", 2), ("certificates", 2)):
        dialog = page.make_paper_preview(kind)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.rendered, timeout=20000):
            pass
        assert dialog.page_count() == pages
        assert "12/QĐ-SNgV" in dialog.windowTitle() or "12-QĐ-SNgV" in dialog.job.suggested_name
    assert not page.reprint_button.isEnabled()  # no recipient chosen yet
    page.covered_view.selectRow(1)
    assert page.reprint_button.isEnabled()
    dialog = page.make_reprint_preview()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=20000):
        pass
    assert dialog.page_count() == 1
    dialog = page.make_submission_preview()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=20000):
        pass
    assert dialog.page_count() >= 2
    from db.enums import AwardLevel

    upward = page.make_submission_preview(AwardLevel.PROVINCE)
    qtbot.addWidget(upward)
    with qtbot.waitSignal(upward.rendered, timeout=20000):
        pass
    assert "Cấp tỉnh" in upward.windowTitle() or "tỉnh" in upward.windowTitle()
    saved = tmp_path / "to-trinh.docx"
    from ui import messages

    monkeypatch.setattr(messages, "save_file", lambda *_a: saved)
    dialog.save_word()
    assert saved.read_bytes().startswith(b"PK")


def test_the_models_pass_the_model_tester(qtmodeltester: Any, world: AwardWorld) -> None:
    from app.award_stats import award_statistics, statistic_tables
    from ui.models.covered_table_model import CoveredTableModel
    from ui.models.decision_table_model import DecisionTableModel
    from ui.models.stat_table_model import StatTableModel

    p = world.proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"], p["vp_ttldtt"]])
    model = DecisionTableModel()
    model.set_rows(decisions.decision_rows(2024))
    qtmodeltester.check(model, force_py=True)
    covered = CoveredTableModel()
    covered.set_rows(decisions.covered_rows(d.id))
    qtmodeltester.check(covered, force_py=True)
    for table in statistic_tables(award_statistics(2024)):
        stats = StatTableModel()
        stats.set_table(table)
        qtmodeltester.check(stats, force_py=True)


def test_certificates_print_on_landscape_paper(
    qtbot: QtBot,
    page: DecisionsPage,
    world: AwardWorld,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from ui import messages

    monkeypatch.setenv("TDKT_DOC_FONT", "bundled")
    p = world.proposals
    d = decisions.create_decision(director_decision_input(), [p["an_ldtt"], p["duc_gk"]])
    qtbot.waitUntil(lambda: page.is_current() and page.model.total_count() == 1)
    page.select_where(lambda r: r.id == d.id)
    dialog = page.make_paper_preview("certificates")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=20000):
        pass
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "in.pdf"
    printer.setOutputFileName(str(out))
    monkeypatch.setattr(messages, "ask_printer", lambda _parent: printer)
    dialog.print_button.click()
    pages = PdfReader(str(out)).pages
    assert len(pages) == 2
    assert all(float(pg.mediabox.width) > float(pg.mediabox.height) for pg in pages)


def test_another_authority_greys_and_unticks_what_it_cannot_grant(
    qtbot: QtBot, world: AwardWorld, qtmodeltester: Any
) -> None:
    p = world.proposals
    dialog = DecisionDialog(
        director_decision_input(),
        decisions.authorities(),
        decisions.candidate_rows(None, 2024),
    )
    qtbot.addWidget(dialog)
    dialog.candidate_model.set_checked([p["an_ldtt"], p["hoa_bk"]])
    assert dialog.proposal_ids() == [p["an_ldtt"]]  # the province's award cannot be ticked
    dialog.authority_combo.setCurrentIndex(dialog.authority_combo.findData("Chủ tịch UBND tỉnh"))
    assert dialog.proposal_ids() == []
    tick(dialog, "Phạm Thị Ngọc Hòa", "Bằng khen của Chủ tịch UBND tỉnh", Qt.CheckState.Checked)
    assert dialog.proposal_ids() == [p["hoa_bk"]]
    assert "Đã chọn 1 / 1" in dialog.count_label.text()
    qtmodeltester.check(dialog.candidate_model, force_py=True)


def test_thousands_of_candidates(qtbot: QtBot, world: AwardWorld) -> None:
    """Thousands of rows (a QListWidget of that many items crashed PySide6 6.12)."""
    from app.decisions import CandidateRow

    base = decisions.candidate_rows(None, 2024)[0]
    rows = [
        CandidateRow(**{**{f: getattr(base, f) for f in base.__slots__}, "id": 10_000 + i})
        for i in range(6000)
    ]
    dialog = DecisionDialog(director_decision_input(), decisions.authorities(), rows)
    qtbot.addWidget(dialog)
    dialog.all_button.click()
    assert len(dialog.proposal_ids()) == 6000


def test_the_awards_tab_holds_the_decisions_and_statistics_pages(
    qtbot: QtBot, sample_db: pw.SqliteDatabase, db_path: Path
) -> None:
    from tests.ui.conftest import make_window
    from ui.tabs.award_stats_page import AwardStatsPage

    window = make_window(qtbot, sample_db, db_path)
    tab = window.awards_tab
    decisions_page = tab.page("Quyết định")
    stats_page = tab.page("Thống kê")
    assert isinstance(decisions_page, DecisionsPage) and isinstance(stats_page, AwardStatsPage)
    window.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentWidget(decisions_page)
    wait_loaded(qtbot, decisions_page)
    assert decisions_page.year == tab.year
    world = build_world()
    decisions.create_decision(director_decision_input(), [world.proposals["an_ldtt"]])
    qtbot.waitUntil(lambda: decisions_page.is_current() and decisions_page.model.total_count() == 1)
    tab.pages.setCurrentWidget(stats_page)
    qtbot.waitUntil(lambda: stats_page.is_current() and stats_page.stats is not None)
    window.resize(1200, 700)
    window.grab().save("/tmp/awards-tab-stats.png")
    window.close()
