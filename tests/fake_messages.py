"""The fake of ui/messages.py that tests use: it records what was shown and answers what was
asked, and it is no more lenient than the window (fixture ``fake_messages`` in conftest.py).

A dialog handler stands for the user: it fills the dialog and returns True to press its accepting
button (Lưu, OK…) or False to cancel; it may also click buttons or call dialog.accept()/reject()
itself, and then the dialog's own result is the answer. A dialog accepted while its accepting
button is disabled, hidden or missing fails the test, naming the dialog and the button; so does a
form whose Lưu disagrees with its problems(), a file a file dialog would not offer, a dialog or a
question nobody answered, and (at teardown) an answer queued for a question never asked or an
error message shown after the test last looked at ``shown``.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# The button roles that accept a dialog: Ok/Save/Open (AcceptRole), Yes, Apply.
_ACCEPTING_ROLES = ("AcceptRole", "YesRole", "ApplyRole")


def accepting_buttons(dialog: Any) -> list[Any]:
    """The buttons a user accepts DIALOG with: its button boxes' Ok/Save/Yes/Apply-role buttons,
    else its default push button (a dialog laid out by hand, e.g. "Nhập danh sách")."""
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    roles = [getattr(QDialogButtonBox.ButtonRole, name) for name in _ACCEPTING_ROLES]
    own = [  # not those of a dialog that DIALOG owns
        b for b in dialog.findChildren(QPushButton) if b.window() is dialog
    ]
    found = []
    for box in dialog.findChildren(QDialogButtonBox):
        found += [b for b in box.buttons() if b in own and box.buttonRole(b) in roles]
    return found or [b for b in own if b.isDefault()]


def refused_acceptance(dialog: Any) -> str | None:
    """Why a user could not accept DIALOG as it is now (None: they could)."""
    buttons = accepting_buttons(dialog)
    if any(b.isEnabled() and b.isVisibleTo(dialog) for b in buttons):
        return None
    title = f"{type(dialog).__name__} “{dialog.windowTitle()}”"
    if not buttons:
        return f"{title} has no button that accepts it: a user cannot accept it"
    names = ", ".join(
        f"“{b.text()}” ({'disabled' if not b.isEnabled() else 'hidden'})" for b in buttons
    )
    error = getattr(dialog, "error_label", None)
    said = f"; the form says: {error.text()!r}" if error is not None and error.text() else ""
    return f"{title} was accepted but a user could not: its button {names}{said}"


def stale_save_button(dialog: Any) -> str | None:
    """A form's Lưu must say what its accept() would do: enabled exactly when problems() is
    empty. Otherwise a field changes without revalidating (None: they agree, or no such form)."""
    button = getattr(dialog, "save_button", None)
    problems_of = getattr(dialog, "problems", None)
    if button is None or not callable(problems_of):
        return None
    problems = problems_of()
    if button.isEnabled() == (not problems):
        return None
    title = f"{type(dialog).__name__} “{dialog.windowTitle()}”"
    if problems:
        return f"{title}: “{button.text()}” is enabled but the form refuses: {problems}"
    return f"{title}: “{button.text()}” is disabled but the form has no problem"


def refused_open(path: Path, name_filter: str) -> str | None:
    """Why an open-file dialog with NAME_FILTER would not let a user pick PATH (None: it would)."""
    if not path.is_file():
        return f"{path.name} is not an existing file, and only one can be chosen"
    patterns = [p for group in re.findall(r"\(([^)]*)\)", name_filter) for p in group.split()]
    if patterns and not any(fnmatch.fnmatch(path.name.lower(), p.lower()) for p in patterns):
        return f"{path.name} is not offered by the filter {name_filter!r}"
    return None


@dataclass
class FakeMessages:
    """Replaces ui.messages: records what was shown, answers what was asked (see above)."""

    recorded: list[tuple[str, str, str]] = field(default_factory=list)  # what shown returns
    confirm_answers: list[bool] = field(default_factory=list)
    dialog_handlers: list[Callable[[Any], bool]] = field(default_factory=list)
    open_paths: list[Path | None] = field(default_factory=list)
    dialogs: list[Any] = field(default_factory=list)

    every: list[tuple[str, str, str]] = field(default_factory=list)  # never popped
    read_upto: int = 0  # how much of ``every`` the test had in hand when it last looked

    @property
    def shown(self) -> list[tuple[str, str, str]]:
        """What was shown, oldest first (kind, title, text); the test may pop from it."""
        self.read_upto = len(self.every)
        return self.recorded

    def texts(self) -> str:
        return "\n".join(f"{t}: {m}" for _kind, t, m in self.shown)

    def record(self, kind: str, title: str, text: str) -> None:
        self.recorded.append((kind, title, text))
        self.every.append((kind, title, text))

    def unread_errors(self) -> list[str]:
        """Error messages shown after the test last looked at ``shown``: a user saw them."""
        return [f"{t}: {m}" for kind, t, m in self.every[self.read_upto :] if kind == "error"]

    def run_dialog(self, dialog: Any) -> bool:
        """What ui.messages.run_dialog (dialog.exec()) would return, or fail the test."""
        from PySide6.QtWidgets import QDialog

        self.dialogs.append(dialog)
        if not self.dialog_handlers:
            raise AssertionError(
                f"unexpected dialog: {type(dialog).__name__} “{dialog.windowTitle()}”"
            )
        refusals: list[str] = []
        finished: list[int] = []

        def on_accepted() -> None:  # the moment it is accepted, however that came about
            refusal = refused_acceptance(dialog)
            if refusal:
                refusals.append(refusal)

        def on_finished(code: int) -> None:
            finished.append(code)

        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(on_finished)
        try:
            answer = self.dialog_handlers.pop(0)(dialog)
        finally:
            dialog.accepted.disconnect(on_accepted)
            dialog.finished.disconnect(on_finished)
        if refusals:
            raise AssertionError(refusals[0])
        stale = stale_save_button(dialog)
        if stale:
            raise AssertionError(stale)
        if finished:  # the handler closed it (a button, accept(), reject()): that is the answer
            accepted = finished[-1] == QDialog.DialogCode.Accepted
            if answer is not None and bool(answer) != accepted:
                raise AssertionError(
                    f"{type(dialog).__name__} “{dialog.windowTitle()}” was "
                    f"{'accepted' if accepted else 'closed'}, but its handler returned {answer!r}"
                )
            return accepted
        if answer:  # the user presses the accepting button: it must be there and enabled
            refusal = refused_acceptance(dialog)
            if refusal:
                raise AssertionError(refusal)
            return True
        return False

    def show(self, kind: str) -> Callable[..., None]:
        def record(_parent: Any, title: str, text: str, *_: Any) -> None:
            self.record(kind, title, text)

        return record

    def show_app_error(self, _parent: Any, error: Any) -> None:
        self.record("error", error.title, error.message)

    def confirm(self, _parent: Any, title: str, text: str, **_: Any) -> bool:
        self.record("confirm", title, text)
        if not self.confirm_answers:
            raise AssertionError(f"unexpected confirmation: {text}")
        return self.confirm_answers.pop(0)

    def open_file(self, _parent: Any, title: str, name_filter: str, *_: Any) -> Path | None:
        if not self.open_paths:
            raise AssertionError(f"unexpected file dialog: {title}")
        path = self.open_paths.pop(0)
        if path is not None:  # the real one (ExistingFile, its filter) picks nothing else
            refusal = refused_open(path, name_filter)
            if refusal:
                raise AssertionError(f"file dialog “{title}”: {refusal}")
        return path

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Stand in for ui.messages; the dialogs this fake does not answer (save file, folder,
        printer) fail instead of blocking, unless the test has already answered them."""
        from ui import messages

        monkeypatch.setattr(messages, "show_info", self.show("info"))
        monkeypatch.setattr(messages, "show_error", self.show("error"))
        monkeypatch.setattr(messages, "show_app_error", self.show_app_error)
        monkeypatch.setattr(messages, "confirm", self.confirm)
        monkeypatch.setattr(messages, "run_dialog", self.run_dialog)
        monkeypatch.setattr(messages, "open_file", self.open_file)
        for name, what in (
            ("save_file", "save-file dialog"),
            ("choose_folder", "folder dialog"),
            ("ask_printer", "print dialog"),
        ):
            if getattr(messages, name).__module__ == messages.__name__:
                monkeypatch.setattr(messages, name, _unexpected(what))

    def unused(self) -> str:
        """The answers queued for questions never asked ("" when none)."""
        return ", ".join(
            f"{len(queue)} {what}"
            for queue, what in (
                (self.confirm_answers, "confirmation answer(s)"),
                (self.dialog_handlers, "dialog handler(s)"),
                (self.open_paths, "file dialog answer(s)"),
            )
            if queue
        )


def _unexpected(what: str) -> Callable[..., Any]:
    def refuse(*_: Any, **__: Any) -> Any:  # the real one would block the test for ever
        raise AssertionError(f"unexpected {what} (monkeypatch ui.messages to answer it)")

    return refuse
