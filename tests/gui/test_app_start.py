"""Starting the app: which library opens, the welcome choices, the demo library, the gui command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.core.operations.demo import demo_is_ready, sample_archive_path
from newsarchive.core.storage.library import Library
from newsarchive.gui import menus
from newsarchive.gui.app import app_icon, choose_start
from newsarchive.gui.qt import QApplication
from newsarchive.gui.welcome import WelcomeDialog
from tests.gui.conftest import wait_for_result


def _welcome_shown() -> WelcomeDialog | None:
    shown = (w for w in QApplication.topLevelWidgets() if isinstance(w, WelcomeDialog) and w.isVisible())
    return next(shown, None)


def test_an_explicit_library_opens(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    choose_start(window, actions, library.path, explicit=True, demo=False)
    assert window.library is not None and window.library.path == library.path
    wait_for_result(qtbot, window)


def test_the_last_library_opens_when_none_is_given(
    qtbot, window_and_actions, library: Library, settings, tmp_path: Path
) -> None:
    window, actions = window_and_actions
    settings.remember_library(library.path)
    choose_start(window, actions, tmp_path / "not-a-library", explicit=False, demo=False)
    assert window.library is not None and window.library.path == library.path
    wait_for_result(qtbot, window)


def test_first_launch_offers_the_welcome_choices(qtbot, window_and_actions, tmp_path: Path) -> None:
    window, actions = window_and_actions
    choose_start(window, actions, tmp_path / "nothing-here", explicit=False, demo=False)
    dialog = _welcome_shown()
    assert dialog is not None
    assert dialog.sample.isEnabled() == (sample_archive_path() is not None)
    assert window.library is None
    dialog.reject()


@pytest.mark.skipif(sample_archive_path() is None, reason="the sample archive is not in this checkout")
def test_the_demo_library_is_built_from_the_sample_archive_once(
    qtbot, window_and_actions, tmp_path: Path, monkeypatch
) -> None:
    window, actions = window_and_actions
    target = tmp_path / "demo-library"
    monkeypatch.setattr(menus, "demo_library_path", lambda: target)
    choose_start(window, actions, None, explicit=False, demo=True)
    qtbot.waitUntil(lambda: window.library is not None, timeout=60_000)
    assert window.library.path == target
    assert demo_is_ready(target)
    result = wait_for_result(qtbot, window)
    assert result.total > 50
    # The second time it is opened as it is.
    window.set_library(None)
    actions.open_sample()
    assert window.library is not None and window.library.path == target


def test_the_app_has_an_icon(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert 256 in [s.width() for s in icon.availableSizes()]


def test_other_commands_never_load_qt() -> None:
    code = (
        "import sys\n"
        "from newsarchive.cli.main import build_parser\n"
        "parser = build_parser()\n"
        "args = parser.parse_args(['gui', '--demo'])\n"
        "assert args.demo is True\n"
        "print(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_app_starts_without_the_saved_web_page_extractor() -> None:
    """trafilatura and lxml (~0.4 s to import) load when a saved page is read, not at start-up."""
    import subprocess
    import sys

    code = ("import sys, newsarchive.gui.app, newsarchive.gui.main_window; "
            "print(sorted(m for m in ('trafilatura', 'lxml', 'pypdf', 'warcio') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
