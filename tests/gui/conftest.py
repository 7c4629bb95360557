"""GUI test set-up: a fixture library copied per test, isolated settings, and every thread joined."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.core.storage.library import Library
from newsarchive.gui.app import build_window, make_application
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.menus import WindowActions
from newsarchive.gui.qt import QStandardPaths
from newsarchive.gui.settings import AppSettings
from newsarchive.gui.tasks import TaskRunner
from tests.gui.fixture_library import build_library

# The offscreen platform says these of shown top-level windows and popup lists (it can neither
# raise a window nor let a popup grab the keyboard); they are not our warnings.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["newsarchive-tests"]


@pytest.fixture(scope="session", autouse=True)
def _isolated_standard_paths() -> None:
    # Settings and the demo library go to Qt's test folders, never the user's own.
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(scope="session")
def _built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("built") / "library"
    build_library(folder)
    return folder


@pytest.fixture
def library(_built_library: Path, tmp_path: Path) -> Library:
    """A fresh copy of the fixture library for each test (tests may import into it)."""
    target = tmp_path / "library"
    shutil.copytree(_built_library, target)
    return Library.open(target)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "config")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    before = set(threading.enumerate())
    runner = TaskRunner()
    yield runner
    runner.shutdown()
    left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert not left, f"threads left running: {left}"


@pytest.fixture
def window_and_actions(
    qapp, qtbot, settings: AppSettings, runner: TaskRunner
) -> Iterator[tuple[MainWindow, WindowActions]]:
    make_application()
    window, actions = build_window(settings, runner=runner)
    qtbot.addWidget(window)
    window.show()
    yield window, actions
    window.close()
    for dialog in [*actions.dialogs, *actions.articles.dialogs, *actions.articles.corrections.dialogs]:
        close = getattr(dialog, "close", None)
        if close is not None:
            close()


@pytest.fixture
def window(window_and_actions: tuple[MainWindow, WindowActions]) -> MainWindow:
    return window_and_actions[0]


def wait_for_result(qtbot, window: MainWindow, timeout: int = 10_000):
    """Block until the window shows a result for its newest request, and return it."""
    try:
        qtbot.waitUntil(
            lambda: window.result is not None
            and window.result.request == window.request
            and not window.session.busy,
            timeout=timeout,
        )
    except Exception as exc:
        raise AssertionError(
            f"no result: status {window.count_label.text()!r}, busy {window.session.busy}, "
            f"shown {window.result and window.result.request}, asked {window.request}"
        ) from exc
    return window.result
