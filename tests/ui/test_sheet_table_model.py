"""A unit's registration sheet: the people's titles in a model, edited through a combo delegate."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.registrations import SheetPerson, TitleChoice
from ui.dialogs.campaign_parts import UnitSheetDialog
from ui.models.sheet_table_model import NONE_TEXT, SheetTableModel

TITLES = [
    TitleChoice(1, "LDTT", "Lao động tiên tiến", True, False),
    TitleChoice(2, "CSTDCS", "Chiến sĩ thi đua cơ sở", True, False),
    TitleChoice(3, "TTLDTT", "Tập thể lao động tiên tiến", False, True),
]
STAFF = [
    SheetPerson(11, "Nguyễn Văn An", "Chuyên viên", None),
    SheetPerson(12, "Trần Thị Lan", "Trưởng phòng", 1),
]


def test_the_model_holds_each_persons_title(qtmodeltester: Any) -> None:
    model = SheetTableModel(TITLES[:2])
    model.set_people(STAFF)
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == NONE_TEXT
    assert model.index(1, 2).data() == "Lao động tiên tiến"
    assert not model.setData(model.index(0, 2), 99)  # not a title of the sheet
    assert model.setData(model.index(0, 2), 2)
    assert model.awards() == {11: 2, 12: 1}
    model.set_all(1)
    assert model.awards() == {11: 1, 12: 1}


def test_the_sheet_dialog_edits_a_title_in_place(qtbot: QtBot) -> None:
    dialog = UnitSheetDialog(2024, None, [(5, "Văn phòng")], TITLES, lambda _y, _u: (None, STAFF))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sheet().person_awards == {11: None, 12: 1}  # Lan's title kept
    view = dialog.people_table
    index = dialog.people_model.index(0, SheetTableModel.COL_TITLE)
    view.setCurrentIndex(index)  # moving onto the cell opens its combo box
    combos = [c for c in view.findChildren(QComboBox) if c.isVisible()]
    assert len(combos) == 1, "the title column opens one combo box"
    combo = combos[0]
    assert combo.currentText() == NONE_TEXT
    combo.setCurrentIndex(combo.findText("Chiến sĩ thi đua cơ sở"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.sheet().person_awards[11] == 2)
    assert dialog.people_model.index(0, 2).data() == "Chiến sĩ thi đua cơ sở"
    assert dialog.save_button.isEnabled()
