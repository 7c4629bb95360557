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


def test_import_shows_counts_then_the_report_and_refreshes(
    qtbot, window_and_actions, library: Library, to_import: Path
) -> None:
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


def test_dropping_folders_on_the_window_imports_them(
    qtbot, window_and_actions, library: Library, to_import: Path
) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(to_import))])
    event = QDropEvent(
        QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_requested, timeout=2000) as signal:
        window.dropEvent(event)
    assert signal.args == [[to_import]]
    dialog = actions.dialogs[-1]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.result_value.imported >= 10


UNDATED = """News > Oceania

Quokkas Return to Rottnest Island After the Fires

Rangers counted more quokkas on Rottnest Island this summer than in any year since the fires.

The marsupials were seen near the lighthouse and the salt lakes, a ranger said on Friday.
"""


def test_the_report_shows_every_reason_whole_and_the_articles_to_review(
    qtbot, window_and_actions, library: Library, tmp_path: Path
) -> None:
    from newsarchive.gui.qt import QFontMetrics, QRect

    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "quokkas-without-a-date.txt").write_text(UNDATED, encoding="utf-8")
    (folder / ("a-scan-saved-with-a-very-long-name-" * 3 + ".txt")).write_bytes(bytes(range(256)) * 40)
    (folder / "listing.txt").write_text("Home\nNews\nSport\nContact us\n", encoding="utf-8")
    dialog = actions.import_paths([folder])
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.message.text() == "Import finished: 3 articles looked at."
    table = dialog.problems
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["failed", "failed", "warning"]
    for row in range(table.rowCount()):
        reason = table.item(row, 2).text()
        width = table.columnWidth(2) - 8  # the cell's own margins
        needed = QFontMetrics(table.font()).boundingRect(
            QRect(0, 0, width, 0), int(Qt.TextFlag.TextWordWrap), reason).height()
        assert table.rowHeight(row) >= needed, (reason, table.rowHeight(row), needed)
    # The whole path and reason of the selected problem, to read and copy.
    table.setCurrentCell(1, 0)
    assert dialog.selected_problem.toPlainText().endswith(table.item(1, 2).text())
    # One new record has no date: the report says so and links to the articles to review.
    qtbot.waitUntil(lambda: dialog.review.isVisible(), timeout=10_000)
    assert dialog.review.text().startswith("1 article of this import needs review")
    dialog.review.linkActivated.emit("review")
    result = wait_for_result(qtbot, window)
    assert result.request.needs_review
    assert "Quokkas Return to Rottnest Island After the Fires" in {h.title for h in result.hits}
    assert window.chips.labels()[0] == "Needs review  ✕"


def test_one_article_is_one_article(qtbot, window_and_actions, library: Library, tmp_path: Path) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    page = tmp_path / "one.txt"
    page.write_text(UNDATED, encoding="utf-8")
    dialog = actions.import_paths([page])
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.message.text() == "Import finished: 1 article looked at."


def test_a_drag_of_folders_is_welcome_only_in_a_writable_library(
    qtbot, window_and_actions, library: Library, to_import: Path, tmp_path: Path
) -> None:
    from newsarchive.gui.qt import QDragEnterEvent, QPoint

    window, _actions = window_and_actions
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(to_import)), QUrl.fromLocalFile(str(tmp_path))])

    def welcome() -> bool:
        event = QDragEnterEvent(QPoint(100, 100), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        event.ignore()
        window.dragEnterEvent(event)
        return event.isAccepted()

    assert not welcome()  # no library open
    window.open_library(library.path, read_only=True)
    wait_for_result(qtbot, window)
    assert not welcome()
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    assert welcome()
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/page.html")])
    event = QDragEnterEvent(QPoint(100, 100), Qt.DropAction.CopyAction, web,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.ignore()
    window.dragEnterEvent(event)
    assert not event.isAccepted()  # nothing is fetched from the network
