"""The record editors of a campaign's detail lists: registrations and typical examples."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from app import campaigns, people, registrations, trash, typical_examples
from app.registrations import RegistrationRow
from app.typical_examples import ExampleRow
from ui import messages
from ui.dialogs.campaign_parts import RegistrationDialog, TypicalExampleDialog

if TYPE_CHECKING:
    from ui.tabs.campaign_detail import CampaignDetail


class RegistrationEditor:
    table = "registration"

    def __init__(self, detail: CampaignDetail) -> None:
        self.detail = detail

    def open_dialog(
        self, parent: QWidget, row: RegistrationRow | None
    ) -> registrations.RegistrationInput | None:
        d = self.detail
        if d.campaign_id is None:
            return None
        data = registrations.registration_input(row.id) if row else None
        dialog = RegistrationDialog(
            d.year,
            d.campaign_id,
            people.person_rows(active_only=True),
            registrations.registering_units(d.year),
            registrations.title_choices(),
            data,
            row.id if row else None,
            parent,
        )
        return dialog.input() if messages.run_dialog(dialog) else None

    def save(self, row: RegistrationRow | None, data: registrations.RegistrationInput) -> Any:
        if row is None:
            return registrations.create_registration(data)
        return registrations.update_registration(row.id, data)

    def remove(self, row: RegistrationRow) -> Callable[[], int]:
        trash_id = registrations.delete_registration(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: RegistrationRow) -> str:
        return f"đăng ký “{row.award_name}” của {row.name}"


class ExampleEditor:
    table = "typical_example"

    def __init__(self, detail: CampaignDetail) -> None:
        self.detail = detail

    def open_dialog(
        self, parent: QWidget, row: ExampleRow | None
    ) -> typical_examples.ExampleInput | None:
        d = self.detail
        if d.campaign_id is None and row is None:
            return None
        data = typical_examples.example_input(row.id) if row else None
        year = data.year if data else d.year
        choices = [(r.id, r.name) for r in campaigns.campaign_rows(year)]
        dialog = TypicalExampleDialog(
            year,
            choices,
            people.person_rows(active_only=True),
            registrations.registering_units(year),
            data,
            parent,
        )
        if data is None:
            dialog.set_campaign(d.campaign_id)
        return dialog.input() if messages.run_dialog(dialog) else None

    def save(self, row: ExampleRow | None, data: typical_examples.ExampleInput) -> Any:
        if row is None:
            return typical_examples.create_example(data)
        return typical_examples.update_example(row.id, data)

    def remove(self, row: ExampleRow) -> Callable[[], int]:
        trash_id = typical_examples.delete_example(row.id)
        return lambda: trash.restore(trash_id)

    def describe(self, row: ExampleRow) -> str:
        return f"{row.kind.label.lower()} “{row.name}”"
