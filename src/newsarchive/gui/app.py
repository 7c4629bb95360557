"""Starting the desktop app: the QApplication, its look, the window, and which library to open."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from newsarchive.core.operations.demo import sample_archive_path
from newsarchive.core.storage.library import LIBRARY_FILE
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.menus import WindowActions
from newsarchive.gui.problem_notice import install_excepthook
from newsarchive.gui.qt import QApplication, QIcon, QSize, QTimer
from newsarchive.gui.settings import AppSettings
from newsarchive.gui.welcome import WelcomeDialog

APP_NAME = "newsarchive"


def resources_dir() -> Path | None:
    """The `resources/` folder of a source checkout (icon, stylesheet), if present."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "resources"
        if (candidate / "newsarchive.svg").is_file():
            return candidate
    return None


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources_dir()
    if folder is None:
        return icon
    for png in sorted((folder / "icons").glob("newsarchive-*.png")):
        size = int(png.stem.rsplit("-", 1)[-1])
        icon.addFile(str(png), QSize(size, size))
    icon.addFile(str(folder / "newsarchive.svg"))
    return icon


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication, named so settings and data land in `newsarchive` folders."""
    app = QApplication.instance()
    if app is None:
        QApplication.setApplicationName(APP_NAME)
        QApplication.setOrganizationName("")
        QApplication.setApplicationDisplayName(APP_NAME)
        QApplication.setDesktopFileName(APP_NAME)
        app = QApplication(list(argv or [APP_NAME]))
    app.setWindowIcon(app_icon())
    folder = resources_dir()
    if folder is not None and (folder / "newsarchive.qss").is_file():
        app.setStyleSheet((folder / "newsarchive.qss").read_text(encoding="utf-8"))
    return app  # type: ignore[return-value]


def build_window(settings: AppSettings | None = None, **kwargs: object) -> tuple[MainWindow, WindowActions]:
    window = MainWindow(settings or AppSettings(), **kwargs)  # type: ignore[arg-type]
    actions = WindowActions(window)
    window.restore_state()
    return window, actions


def choose_start(
    window: MainWindow, actions: WindowActions, library: Path | None, *, explicit: bool, demo: bool
) -> None:
    """Open what the user asked for; else the last library; else offer the welcome choices."""
    if demo:
        actions.open_sample()
        return
    wanted = library is not None and (explicit or (library / LIBRARY_FILE).is_file())
    if wanted and library is not None and window.open_library(library):
        return
    last = window.settings.last_library()
    if last is not None and window.open_library(last):
        return
    welcome(window, actions)


def welcome(window: MainWindow, actions: WindowActions) -> None:
    dialog = WelcomeDialog(sample_archive_path() is not None, window)

    def picked() -> None:
        if dialog.choice == "sample":
            actions.open_sample()
        elif dialog.choice == "create":
            actions.create_library()
        elif dialog.choice == "open":
            actions.choose_library()

    dialog.accepted.connect(picked)
    dialog.open()


def run(library: Path | None = None, *, explicit: bool = False, demo: bool = False) -> int:
    """The app's main loop; returns the exit status."""
    app = make_application(sys.argv[:1])
    window, actions = build_window()
    # An error escaping any slot is shown in the status bar and logged, not only printed.
    uninstall_hook = install_excepthook(window.report)
    window.show()
    # Open after the window is on screen, so a slow first search or a dialog has a parent to show on.
    QTimer.singleShot(0, lambda: choose_start(window, actions, library, explicit=explicit, demo=demo))
    try:
        return app.exec()
    finally:
        uninstall_hook()
        window.runner.shutdown()
