"""The plan tab: editing round trips with undo and redo, follow-up, timeline, next year's copy."""

from __future__ import annotations

from pathlib import Path

import peewee as pw
from pytestqt.qtbot import QtBot

from db.enums import ScheduleKind, TaskStatus
from db.models import Meeting, Plan, PlanItem
from tests.conftest import FakeMessages
from tests.ui.conftest import make_window, wait_loaded
from ui.dialogs.next_year_dialog import NextYearDialog
from ui.dialogs.plan_header_dialog import PlanHeaderDialog
from ui.dialogs.plan_item_dialog import PlanItemDialog
from ui.main_window import MainWindow
from ui.tabs.plan_tab import PlanTab


def _paths(tab: PlanTab) -> list[str]:
    return [f"{r.path} {' '.join(r.title.split())[:30]}" for r in tab.visible_rows()]


def _has(tab: PlanTab, prefix: str) -> bool:
    return any(p.startswith(prefix) for p in _paths(tab))


def _select(tab: PlanTab, path: str) -> None:
    row = next(r for r in tab.visible_rows() if r.path == path)
    assert tab.select_item(row.id)


def _settle(qtbot: QtBot, tab: PlanTab) -> None:
    wait_loaded(qtbot, tab)


def _new_task(dialog: PlanItemDialog) -> bool:
    assert dialog.windowTitle() == "Thêm mục kế hoạch"
    assert not dialog.save_button.isEnabled()
    dialog.title_edit.setPlainText("Kiện toàn Hội đồng Thi đua - Khen thưởng Sở")
    dialog.task_check.setChecked(True)
    dialog.lead_edit.setText("Văn phòng Sở.")
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData(ScheduleKind.MONTHS))
    assert not dialog.save_button.isEnabled()  # months not chosen yet
    dialog.month_checks[1].setChecked(True)  # February
    dialog.timing_edit.setText("Tháng 02 năm 2024.")
    assert dialog.save_button.isEnabled(), dialog.error_label.text()
    return True


def test_add_undo_redo_move_save_and_reopen(
    qtbot: QtBot,
    window: MainWindow,
    fake_messages: FakeMessages,
    sample_db: pw.SqliteDatabase,
    db_path: Path,
) -> None:
    tab = window.plan_tab
    before = _paths(tab)
    _select(tab, "II.1")
    fake_messages.dialog_handlers.append(_new_task)
    tab.add_action.trigger()
    _settle(qtbot, tab)
    assert _has(tab, "II.2 Kiện toàn")
    assert tab.selected_row().title.startswith("Kiện toàn")
    assert any(p.startswith("II.6 Tham mưu") for p in _paths(tab))

    tab.undo_action.trigger()
    _settle(qtbot, tab)
    assert _paths(tab) == before
    tab.redo_action.trigger()
    _settle(qtbot, tab)
    assert _has(tab, "II.2 Kiện toàn")

    new_id = tab.selected_row().id
    tab.move_actions["up"].trigger()
    _settle(qtbot, tab)
    assert _paths(tab)[4].startswith("II.1 Kiện toàn")
    tab.move_actions["indent"].trigger()  # nothing before it at this level: disabled, no change
    _settle(qtbot, tab)
    assert _paths(tab)[4].startswith("II.1 Kiện toàn")
    tab.move_actions["down"].trigger()
    _settle(qtbot, tab)
    tab.move_actions["indent"].trigger()
    _settle(qtbot, tab)
    assert _has(tab, "II.1.c Kiện toàn")
    tab.undo_action.trigger()
    _settle(qtbot, tab)
    assert _has(tab, "II.2 Kiện toàn")
    assert tab.undo_stack.undoText() == "Chuyển xuống"

    window.close()
    again = make_window(qtbot, sample_db, db_path)
    wait_loaded(qtbot, again.plan_tab)
    assert _has(again.plan_tab, "II.2 Kiện toàn")
    stored = PlanItem.get_by_id(new_id)
    assert (stored.schedule_months, stored.is_task, stored.timing_text) == (
        "2",
        True,
        "Tháng 02 năm 2024.",
    )
    again.close()


def test_edit_an_item_and_undo(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.plan_tab
    _select(tab, "II.4")

    def mark_done(dialog: PlanItemDialog) -> bool:
        assert dialog.windowTitle() == "Sửa mục kế hoạch"
        assert dialog.title_edit.toPlainText() == "Chỉ đạo thực hiện tốt công tác khen thưởng:"
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(TaskStatus.DONE))
        return True

    fake_messages.dialog_handlers.append(mark_done)
    tab.edit_action.trigger()
    _settle(qtbot, tab)
    assert tab.selected_row().status is TaskStatus.DONE
    tab.undo_action.trigger()
    _settle(qtbot, tab)
    assert next(r for r in tab.visible_rows() if r.path == "II.4").status is TaskStatus.NOT_STARTED


def test_deleting_a_linked_task_asks_first_and_undo_restores_the_links(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.plan_tab
    _select(tab, "II.1.a")
    fake_messages.confirm_answers.append(False)
    tab.delete_action.trigger()
    assert "3 phiên họp" in fake_messages.texts()
    assert PlanItem.select().count() == 17
    fake_messages.confirm_answers.append(True)
    tab.delete_action.trigger()
    _settle(qtbot, tab)
    assert len(tab.visible_rows()) == 16
    assert Meeting.select().where(Meeting.plan_item.is_null()).count() == 3
    tab.undo_action.trigger()
    _settle(qtbot, tab)
    assert len(tab.visible_rows()) == 17
    assert Meeting.select().where(Meeting.plan_item.is_null()).count() == 0


def test_header_is_edited_in_the_tab(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.plan_tab

    def number_it(dialog: PlanHeaderDialog) -> bool:
        assert dialog.recipients_edit.toPlainText().startswith("Ban Thi đua, Khen thưởng tỉnh;")
        dialog.number_edit.setText("12/KH")
        assert not dialog.save_button.isEnabled()
        dialog.number_edit.setText("12")
        dialog.symbol_edit.setText("KH-HĐTĐKT")
        dialog.authority_edit.setText("KT. GIÁM ĐỐC")
        dialog.signer_title_edit.setText("Phó Giám đốc")
        return True

    fake_messages.dialog_handlers.append(number_it)
    tab.header_button.click()
    _settle(qtbot, tab)
    assert "Số: 12/KH-HĐTĐKT" in tab.header_label.text()
    assert (Plan.get().signer_authority, Plan.get().signer_title) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )
    tab.undo_action.trigger()
    _settle(qtbot, tab)
    assert Plan.get().number == ""


def test_progress_notes_and_due_this_month(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.plan_tab
    _select(tab, "II.5.2")
    tab.detail.note_edit.setText("Đã báo cáo quý I.")
    tab.detail.add_note_button.click()
    _settle(qtbot, tab)
    assert tab.detail.notes_list.count() == 1
    assert "Đã báo cáo quý I." in tab.detail.notes_list.item(0).text()
    tab.today = tab.today.replace(month=6)
    tab.mark_stale()
    _settle(qtbot, tab)
    tab.due_check.setChecked(True)
    due = [r.path for r in tab.visible_rows() if r.is_task]
    assert due == ["II.1.a", "II.5.2"]
    tab.due_check.setChecked(False)
    tab.search_edit.setText("khen thuong")
    assert "II.4" in [r.path for r in tab.visible_rows()]


def test_timeline_marks_months_and_overdue(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.plan_tab
    model = tab.timeline_model
    tasks = {r.path: r for r in model.rows()}
    assert set(tasks) == {"II.1.a", "II.1.b", "II.2", "II.3", "II.4", "II.5.1", "II.5.2"}
    row = [r.path for r in model.rows()].index("II.1.a")
    marks = [model.index(row, m).data() for m in range(1, 13)]
    assert [m for m, mark in enumerate(marks, start=1) if mark] == [3, 6, 12]
    assert model.current_month == 5  # the window's today is 20/05/2024
    assert not any(r.overdue for r in model.rows())
    tab.today = tab.today.replace(year=2025)
    tab.mark_stale()
    wait_loaded(qtbot, tab)
    overdue = [r.path for r in tab.timeline_model.rows() if r.overdue]
    assert overdue == ["II.1.a", "II.5.2"]
    row = [r.path for r in tab.timeline_model.rows()].index("II.1.a")
    assert "quá hạn" in tab.timeline_model.index(row, 13).data()


def test_next_year_is_reviewed_then_saved_and_shown(
    qtbot: QtBot, window: MainWindow, fake_messages: FakeMessages
) -> None:
    tab = window.plan_tab

    def review(dialog: NextYearDialog) -> bool:
        text = dialog.preview.toPlainText()
        assert "Sở Ngoại vụ năm 2025" in text and "[Tháng 03, 06 và tháng 12 năm 2025.]" in text
        assert Plan.select().count() == 1
        return True

    fake_messages.dialog_handlers.append(review)
    tab.next_year_button.click()
    qtbot.waitUntil(lambda: window.selected_year() == 2025)
    wait_loaded(qtbot, tab)
    assert tab.doc is not None and tab.doc.year == 2025
    assert len(tab.visible_rows()) == 17


def test_a_year_without_a_plan_offers_to_create_one(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.plan_tab
    window.set_year(2025)  # next year is offered even before it holds data
    wait_loaded(qtbot, tab)
    assert tab.create_button.isVisibleTo(tab)
    assert tab.create_button.text() == "Tạo kế hoạch năm 2025"
    tab.create_button.click()
    qtbot.waitUntil(lambda: tab.doc is not None and tab.doc.year == 2025)
    assert [r.title for r in tab.visible_rows()] == [
        "MỤC ĐÍCH, YÊU CẦU",
        "NỘI DUNG",
        "TỔ CHỨC THỰC HIỆN",
    ]
