"""First launch with no library: open the sample archive, create a library, or open one."""

from __future__ import annotations

from typing import Literal

from newsarchive.gui.qt import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

Choice = Literal["sample", "create", "open"]


class WelcomeDialog(QDialog):
    """Three ways to start; `choice` holds the one picked (None when the dialog was closed)."""

    def __init__(self, sample_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to newsarchive")
        self.choice: Choice | None = None
        heading = QLabel("<h2>Welcome to newsarchive</h2>"
                         "<p>An archive is a folder holding your saved articles and their index. "
                         "How would you like to start?</p>", self)
        heading.setWordWrap(True)
        self.sample = QCommandLinkButton(
            "Explore the sample archive",
            "A small archive of example articles with photos, ready to search.", self
        )
        self.sample.setEnabled(sample_available)
        self.create = QCommandLinkButton(
            "Create a new library…", "Choose an empty folder, then import your saved articles.", self
        )
        self.open_existing = QCommandLinkButton(
            "Open an existing library…", "A library folder made earlier, here or on another computer.", self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        choices = ((self.sample, "sample"), (self.create, "create"), (self.open_existing, "open"))
        for button, choice in choices:
            layout.addWidget(button)
            button.clicked.connect(lambda _c=False, ch=choice: self._pick(ch))  # type: ignore[misc]
        self.setMinimumWidth(480)

    def _pick(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()
