"""File ▸ Export results: the preview and the export of every match of the current search."""

from __future__ import annotations

import csv
from pathlib import Path

from newsarchive.core.storage.library import Library
from newsarchive.gui import filters
from newsarchive.gui.export_dialog import ExportDialog
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES


def test_export_previews_then_writes_every_match(qtbot, window_and_actions, library: Library, tmp_path: Path) -> None:
    window, actions = window_and_actions
    window.page_size = 2  # the export must not be limited to what the table has loaded
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    window.search(filters.with_value(window.request, "section", "News", "include"))
    result = wait_for_result(qtbot, window)
    news = [a for a in ARTICLES if a.section_path[:1] == ("News",)]
    assert result.total == len(news) and len(result.hits) == 2

    dialog = actions.export_results()
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    qtbot.waitUntil(lambda: result.hits[0].title in dialog.preview.toPlainText(), timeout=10_000)
    assert dialog.preview.toPlainText().startswith("id,title,")
    assert dialog.destination.text().endswith(".csv")

    target = tmp_path / "news.csv"
    dialog.destination.setText(str(target))
    work = dialog.start_export()
    qtbot.waitUntil(lambda: not work.running, timeout=30_000)
    assert work.failure is None, work.failure and work.failure.details
    assert work.result_value.written == len(news)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["title"] for r in rows} == {a.title for a in news}
    assert f"Exported {len(news)} articles" in work.message.text()
    work.accept()


def test_a_bad_destination_is_a_sentence(qtbot, window_and_actions, library: Library, tmp_path: Path) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    dialog = actions.export_results()
    dialog.destination.setText(str(tmp_path / "missing-folder" / "x.json"))
    work = dialog.start_export()
    qtbot.waitUntil(lambda: not work.running, timeout=30_000)
    assert work.failure is not None and not work.failure.cancelled
    assert "missing-folder" in work.message.text()
    assert "Traceback" not in work.message.text()
    assert not work.details.isVisible()
