"""Importing from the window: progress and live counts, the report, cancel, drag and drop."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsarchive.core.operations.check import check_library
from newsarchive.core.storage.library import Library
from newsarchive.gui.import_dialog import ImportDialog, report_text
from newsarchive.gui.qt import QDropEvent, QMimeData, QPointF, Qt, QUrl
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES

SAMPLE = Path(__file__).resolve().parents[2] / "sample_archive"

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="the sample archive is not in this checkout")


@pytest.fixture
def to_import(tmp_path: Path) -> Path:
    folder = tmp_path / "to-import"
    shutil.copytree(SAMPLE / "telesur-2022", folder)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_import_shows_counts_then_the_report_and_refreshes(qtbot, window_and_actions, library: Library, to_import: Path) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    dialog = actions.import_paths([to_import])
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    report = dialog.result_value
    assert report is not None and not report.cancelled
    assert report.failed == 1 and report.imported >= 10
    counts = dialog.counts()
    assert counts["imported"] == report.imported and counts["failed"] == 1
    assert dialog.count_labels["failed"].text() == "1 failed"
    assert dialog.problems.isVisible()
    assert dialog.problems.item(0, 0).text() == "failed"
    assert dialog.problems.item(0, 1).text().endswith("empty.txt")
    text = report_text(report)
    assert "empty.txt" in text and f"{report.imported} imported" in text
    dialog.copy_report()
    from newsarchive.gui.qt import QGuiApplication

    assert QGuiApplication.clipboard().text() == text
    # The window searched again and lists the new articles.
    qtbot.waitUntil(
        lambda: window.result is not None and window.result.total == len(ARTICLES) + report.imported,
        timeout=10_000,
    )


def test_cancelled_import_leaves_a_consistent_library(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    dialog = actions.import_paths([SAMPLE])
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=30_000)
    dialog.cancel()
    assert dialog.message.text() == "Stopping…"
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    report = dialog.result_value
    assert report is not None and report.cancelled
    assert 0 < len(report.items) < 69
    assert "Import cancelled after" in dialog.message.text()
    # Everything stored is readable and indexed exactly once.
    check = check_library(Library.open(library.path))
    assert check.ok, check.problems
    assert check.articles == len(ARTICLES) + report.imported
    qtbot.waitUntil(
        lambda: window.result is not None and window.result.total == check.articles, timeout=10_000
    )


def test_dropping_folders_on_the_window_imports_them(qtbot, window_and_actions, library: Library, to_import: Path) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(to_import))])
    event = QDropEvent(
        QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.import_requested, timeout=2000) as signal:
        window.dropEvent(event)
    assert signal.args == [[to_import]]
    dialog = actions.dialogs[-1]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.result_value.imported >= 10
