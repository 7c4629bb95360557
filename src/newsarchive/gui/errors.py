"""Errors as the user sees them: the core's sentence, the traceback only under "Show Details" (with
"Copy details"), and every failure written to the log file (`error_log`)."""

from __future__ import annotations

from typing import Any

from newsarchive.core.errors import NewsarchiveError
from newsarchive.gui.error_log import details_text, log_failure
from newsarchive.gui.qt import QGuiApplication, QMessageBox, QWidget
from newsarchive.gui.tasks import Failure


def failure_text(failure: Failure) -> str:
    """The sentence to show: the core's own message, or a plain one for an unexpected error."""
    error = failure.error
    if isinstance(error, NewsarchiveError):
        return failure.message
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"A file could not be read or written{where}: {error.strerror or error}."
    return f"Something went wrong: {type(error).__name__}: {error}."


def log(title: str, failure: Failure) -> str:
    """Write `failure` to the log file; the text "Copy details" offers for it."""
    message = failure_text(failure)
    log_failure(title, message, failure.details)
    return details_text(title, message, failure.details)


def error_box(parent: QWidget | None, title: str, failure: Failure) -> QMessageBox:
    """A message box for `failure`; an unexpected error keeps its traceback under "Show Details"
    and a "Copy details" button. The failure is logged."""
    details = log(title, failure)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(failure_text(failure))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if not isinstance(failure.error, NewsarchiveError):
        box.setDetailedText(failure.details)
        copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
        # An action button closes the box unless told not to: copying is not an answer.
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    return box


def show_failure(parent: QWidget | None, title: str, failure: Failure) -> QMessageBox:
    box = error_box(parent, title, failure)
    box.setModal(True)
    box.open()
    return box


def show_error(parent: QWidget | None, title: str, error: Exception, details: str = "") -> QMessageBox:
    return show_failure(parent, title, Failure(error, details))


def notice(parent: Any, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.open()
    return box
