"""File ▸ Export results: the preview, every match or the selected rows, a folder that exists, the
dialog that stays open on an error, and "Open file" / "Show in folder" afterwards."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from newsarchive.core.storage.library import Library
from newsarchive.gui import filters
from newsarchive.gui.export_dialog import ExportDialog
from newsarchive.gui.qt import QDesktopServices, QItemSelectionModel, QStandardPaths, Qt
from newsarchive.gui.settings import export_folder
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES


def _export(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.running is None, timeout=30_000)


def test_export_previews_then_writes_every_match(
    qtbot, window_and_actions, library: Library, tmp_path: Path
) -> None:
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
    assert dialog.every.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    qtbot.waitUntil(lambda: result.hits[0].title in dialog.preview.toPlainText(), timeout=10_000)
    assert dialog.preview.toPlainText().startswith("id,title,")
    assert dialog.destination.text().endswith(".csv")

    target = tmp_path / "news.csv"
    dialog.destination.setText(str(target))
    _export(qtbot, dialog)
    assert dialog.failure is None, dialog.failure and dialog.failure.details
    assert dialog.report.written == len(news)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["title"] for r in rows} == {a.title for a in news}
    assert f"Exported {len(news)} articles to {target}" in dialog.message.toPlainText()
    assert dialog.isVisible()  # the outcome is read in the dialog, which closes when told to


def test_the_proposed_folder_exists_even_without_a_documents_folder(
    qtbot, window_and_actions, library: Library, tmp_path: Path, monkeypatch
) -> None:
    window, actions = window_and_actions
    missing = tmp_path / "no-such-Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(missing))
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    dialog = actions.export_results()
    proposed = Path(dialog.destination.text())
    assert proposed.parent.is_dir(), proposed
    # The first try works as proposed: no folder to fix first.
    _export(qtbot, dialog)
    assert dialog.failure is None, dialog.failure and dialog.message.toPlainText()
    assert proposed.is_file()
    proposed.unlink()
    # The next export proposes the folder of this one.
    assert export_folder(window.settings) == proposed.parent


def test_an_export_to_a_missing_folder_keeps_the_dialog_and_every_choice(
    qtbot, window_and_actions, library: Library, tmp_path: Path
) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    dialog = actions.export_results()
    dialog.format.setCurrentIndex(dialog.format.findData("bibtex"))
    dialog.fields.setCurrentIndex(dialog.fields.findData("metadata"))
    deep = tmp_path / ("a-folder-with-a-long-name-that-does-not-exist-yet-" * 3) / "more" / "refs.bib"
    dialog.destination.setText(str(deep))
    _export(qtbot, dialog)
    assert dialog.failure is not None and not dialog.failure.cancelled
    assert dialog.isVisible()
    message = dialog.message.toPlainText()
    # The whole message, with the whole path, is there to read (and to copy).
    assert str(deep.parent) in message and "Traceback" not in message
    layout = dialog.message.document().documentLayout()
    assert layout.documentSize().width() <= dialog.message.viewport().width() + 1
    chosen = (dialog.format_name, dialog.field_choice, dialog.destination.text())
    assert chosen == ("bibtex", "metadata", str(deep))
    assert dialog.create_button.isVisible()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.running is None and dialog.report is not None, timeout=30_000)
    assert deep.is_file() and deep.read_text(encoding="utf-8").count("@article{") == len(ARTICLES)


def test_after_an_export_the_file_and_its_folder_open(
    qtbot, window_and_actions, library: Library, tmp_path: Path, monkeypatch
) -> None:
    window, actions = window_and_actions
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    dialog = actions.export_results()
    target = tmp_path / "out.json"
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.destination.setText(str(target))
    assert not dialog.open_button.isVisible()
    _export(qtbot, dialog)
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target), str(tmp_path)]


def test_ctrl_e_exports_from_the_search_box(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    box = window.search_bar.box
    box.setFocus()
    qtbot.keyClicks(box, "talks")
    qtbot.keyClick(box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(d, ExportDialog) for d in actions.dialogs), timeout=5000)
    assert box.text() == "talks"  # the key did not edit the query


def test_only_the_selected_rows_are_exported(
    qtbot, window_and_actions, library: Library, tmp_path: Path
) -> None:
    window, actions = window_and_actions
    window.page_size = 4
    # A hidden table paints no rows, so it asks for no page but the first: row 10 stays unloaded
    # (a shown one may load every page of this small library before the selection is made).
    window.table.hide()
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    model = window.results
    # Rows 1 and 10: the second is on a page the table has not loaded.
    selection = window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(1, 0), QItemSelectionModel.SelectionFlag.Clear | flags)
    selection.select(model.index(10, 0), flags)
    assert model.hit(10) is None
    actions.export_results()
    qtbot.waitUntil(lambda: any(isinstance(d, ExportDialog) for d in actions.dialogs), timeout=10_000)
    dialog = next(d for d in actions.dialogs if isinstance(d, ExportDialog))
    assert dialog.only_selected.isChecked() and "2 selected articles" in dialog.only_selected.text()
    target = tmp_path / "two.jsonl"
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    dialog.destination.setText(str(target))
    _export(qtbot, dialog)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    dated = sorted((a for a in ARTICLES if a.published), key=lambda a: a.published, reverse=True)
    expected = [dated[1].title, dated[10].title]
    assert [line["title"] for line in lines[1:]] == expected
    assert lines[0]["provenance"]["count"] == 2
