"""Failures nobody asked a dialog for, shown in the status bar with "Copy details", and the hook that
brings an error escaping any slot there (and to the log) instead of only to stderr."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from newsarchive.gui.errors import failure_text, log
from newsarchive.gui.qt import (
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QToolButton,
    QWidget,
)
from newsarchive.gui.tasks import Failure

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


class ProblemNotice(QWidget):
    """A warning line for the status bar: what failed and why, "Copy details", and ✕ to dismiss."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemNotice")
        self.label = QLabel(self)
        self.label.setObjectName("problemText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton("Copy details", self)
        self.copy_button.setToolTip("Copy what failed, with its traceback, to the clipboard")
        self.copy_button.clicked.connect(self.copy_details)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        layout.addWidget(close)
        self.details = ""
        self.hide()

    def show_failure(self, what: str, failure: Failure) -> None:
        """Log `failure` and say `what: <sentence>` until dismissed or replaced."""
        self.details = log(what, failure)
        text = f"⚠ {what}: {failure_text(failure)}"
        self.label.setText(text)
        self.label.setToolTip(text)
        self.show()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def install_excepthook(report: Callable[[str, Failure], None]) -> Callable[[], None]:
    """Route exceptions escaping Qt slots to `report` (as well as to the previous hook); returns
    the function that puts the previous hook back.

    PySide calls `sys.excepthook` for an exception in a slot and goes on: without this the user
    sees nothing and the only trace is on stderr.
    """
    previous: ExceptHook = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            previous(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        try:
            report("Something failed", Failure(error, details))
        finally:
            previous(kind, error, tb)

    sys.excepthook = hook

    def uninstall() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return uninstall
