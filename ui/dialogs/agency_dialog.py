"""First start: the agency's details, and the offer to load the sample year."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from app import agency
from app.agency import AgencyDetails
from ui.dialogs.form_dialog import FormDialog


class AgencyDialog(FormDialog):
    def __init__(
        self,
        current: AgencyDetails | None = None,
        *,
        first_run: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Thông tin cơ quan", parent)
        self.first_run = first_run
        intro = QLabel(
            "Chào mừng đến với TĐKT Desk. Hãy nhập thông tin cơ quan; chúng được in trên "
            "đầu mọi văn bản (kế hoạch, giấy mời, biên bản, quyết định)."
            if first_run
            else "Thông tin cơ quan in trên đầu mọi văn bản.",
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.parent_body_edit = QLineEdit(self)
        self.parent_body_edit.setPlaceholderText("VD: UBND TỈNH BÌNH PHƯỚC")
        self.agency_name_edit = QLineEdit(self)
        self.agency_name_edit.setPlaceholderText("VD: SỞ NGOẠI VỤ")
        self.abbreviation_edit = QLineEdit(self)
        self.abbreviation_edit.setPlaceholderText("VD: SNgV (dùng trong số, ký hiệu văn bản)")
        self.place_name_edit = QLineEdit(self)
        self.place_name_edit.setPlaceholderText("VD: Bình Phước (dùng trong dòng ngày tháng)")
        self.director_edit = QLineEdit(self)
        self.director_edit.setPlaceholderText("VD: Phạm Thị Anh Thư")
        self.form.addRow("Cơ quan chủ quản:", self.parent_body_edit)
        self.form.addRow("Tên cơ quan:", self.agency_name_edit)
        self.form.addRow("Chữ viết tắt:", self.abbreviation_edit)
        self.form.addRow("Địa danh:", self.place_name_edit)
        self.form.addRow("Giám đốc:", self.director_edit)
        self.sample_check = QCheckBox(
            "Nạp năm mẫu 2024 (kế hoạch thật của Hội đồng TĐKT Sở Ngoại vụ) để làm quen", self
        )
        self.sample_check.setVisible(first_run)
        self.form.addRow(self.sample_check)
        if current is not None:
            self.parent_body_edit.setText(current.parent_body)
            self.agency_name_edit.setText(current.agency_name)
            self.abbreviation_edit.setText(current.abbreviation)
            self.place_name_edit.setText(current.place_name)
            self.director_edit.setText(current.director_name)
        for edit in (
            self.parent_body_edit,
            self.agency_name_edit,
            self.abbreviation_edit,
            self.place_name_edit,
            self.director_edit,
        ):
            edit.textChanged.connect(self.revalidate)
        self.setMinimumWidth(560)
        self.revalidate()

    def details(self) -> AgencyDetails:
        return AgencyDetails(
            parent_body=self.parent_body_edit.text(),
            agency_name=self.agency_name_edit.text(),
            abbreviation=self.abbreviation_edit.text(),
            place_name=self.place_name_edit.text(),
            director_name=self.director_edit.text(),
        )

    def wants_sample(self) -> bool:
        return self.first_run and self.sample_check.isChecked()

    def problems(self) -> dict[str, str]:
        return agency.validate(self.details())
