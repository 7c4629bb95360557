"""Errors as the user sees them: the core's sentence, and a traceback only under "Show Details"."""

from __future__ import annotations

from typing import Any

from newsarchive.core.errors import NewsarchiveError
from newsarchive.gui.qt import QMessageBox, QWidget
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


def error_box(parent: QWidget | None, title: str, failure: Failure) -> QMessageBox:
    """A message box for `failure`; an unexpected error keeps its traceback under "Show Details"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(failure_text(failure))
    if not isinstance(failure.error, NewsarchiveError):
        box.setDetailedText(failure.details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_failure(parent: QWidget | None, title: str, failure: Failure) -> None:
    box = error_box(parent, title, failure)
    box.setModal(True)
    box.open()


def show_error(parent: QWidget | None, title: str, error: Exception, details: str = "") -> None:
    show_failure(parent, title, Failure(error, details))


def notice(parent: Any, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.open()
