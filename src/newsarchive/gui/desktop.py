"""Handing a file or folder to the desktop (file manager, default app), and saying so when nothing
can take it: the path is shown and can be copied, never a silent no-op."""

from __future__ import annotations

from pathlib import Path

from newsarchive.gui.qt import QDesktopServices, QGuiApplication, QMessageBox, QUrl, QWidget


def open_path(parent: QWidget | None, path: Path, what: str = "the folder") -> bool:
    """Open `path` with the desktop's program for it; on failure a box names the path and offers
    "Copy path". True when the desktop took it."""
    if path.exists() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Cannot open " + what)
    if path.exists():
        box.setText(f"No program on this computer opened {what} (is a file manager installed?).")
    else:
        box.setText(f"{what[0].upper()}{what[1:]} no longer exists.")
    box.setInformativeText(str(path))
    copy = box.addButton("Copy path", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # copying is not an answer: the box stays until closed
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(path)))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setObjectName("cannotOpen")
    box.open()
    return False
