"""Issue 10 as a new user tries it: import pages from several outlets, open "Needs review", fix one
article, then a selection, rename a section, undo, re-import the folder, rebuild: every correction
is still there (read back from the library on disk, not from the window)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from newsarchive.core.storage.library import Library
from newsarchive.gui.edit_dialog import RenameDialog, SelectionEditDialog
from newsarchive.gui.qt import QDialogButtonBox, QUrl
from tests.gui.conftest import wait_for_result

SAMPLE = Path(__file__).resolve().parents[2] / "sample_archive"
UNDATED = """Opinion

Why Small Harbours Still Matter

Small harbours keep coastal towns supplied when the roads close, a fishermen's union argues.

The union asked the province to keep dredging three of them this winter.
"""

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="the sample archive is not in this checkout")


def _wait(qtbot, window, actions) -> None:
    qtbot.waitUntil(lambda: not actions.articles.corrections.busy, timeout=60_000)
    wait_for_result(qtbot, window)


def _import(qtbot, window, actions, folder: Path):
    dialog = actions.import_paths([folder])
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)
    assert dialog.failure is None, dialog.failure and dialog.failure.details
    wait_for_result(qtbot, window)
    return dialog.result_value


def test_a_day_of_corrections_survives_reimport_and_rebuild(
    qtbot, window_and_actions, tmp_path: Path
) -> None:
    window, actions = window_and_actions
    folder = tmp_path / "saved pages"
    for outlet in ("agency-wires", "reposts", "mercopress"):
        shutil.copytree(SAMPLE / outlet, folder / outlet)
    (folder / "harbours.txt").write_text(UNDATED, encoding="utf-8")
    actions.create_library_at(tmp_path / "My archive")
    path = window.library.path
    report = _import(qtbot, window, actions, folder)
    assert report.imported >= 20 and report.failed == 0

    # Open "Needs review".
    window.facets.needs_review.click()
    result = wait_for_result(qtbot, window)
    library = Library.open(path)
    to_review = {i for i in library.ids() if library.load(i).review}
    assert {h.id for h in result.hits} == to_review and len(to_review) >= 3
    outlets = {library.load(i).source for i in library.ids()}
    assert len(outlets) >= 3

    # Fix one article: its date, from the review note.
    harbours = next(i for i in to_review if library.load(i).title == "Why Small Harbours Still Matter")
    window.select_row(window.results.row_of(harbours))
    window.reader.browser.anchorClicked.emit(QUrl("review:edit:published"))
    dialog = actions.articles.dialogs[-1]
    dialog.inputs["published"].setText("2023-11-20")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _wait(qtbot, window, actions)
    assert harbours not in {h.id for h in window.result.hits}

    # Then a selection: every article still listed gets a section and is marked reviewed.
    rest = [h.id for h in window.result.hits]
    assert rest
    window.table.selectAll()
    actions.articles.edit_selection.trigger()
    qtbot.waitUntil(lambda: isinstance(actions.articles.dialogs[-1], SelectionEditDialog), timeout=5000)
    bulk = actions.articles.dialogs[-1]
    bulk.section.setCurrentText("Checked > Wires")
    bulk.reviewed.setChecked(True)
    bulk.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    _wait(qtbot, window, actions)
    assert window.result.total == 0

    # Rename a section, then undo it.
    window.facets.needs_review.click()
    wait_for_result(qtbot, window)
    actions.articles.ask_rename("section", "News")
    rename = actions.articles.dialogs[-1]
    assert isinstance(rename, RenameDialog)
    rename.new.setText("World news")
    rename.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    _wait(qtbot, window, actions)
    sections = window.facets.sections.paths()
    assert "World news" in sections and "News" not in sections
    actions.articles.undo.trigger()
    _wait(qtbot, window, actions)
    assert "News" in window.facets.sections.paths()

    # Re-import the same folder, then rebuild the index.
    again = _import(qtbot, window, actions, folder)
    assert again.imported == 0 and again.duplicates == report.imported
    actions.rebuild.trigger()
    rebuild = actions.dialogs[-1]
    qtbot.waitUntil(lambda: not rebuild.running, timeout=120_000)
    assert rebuild.failure is None

    # Every correction is still there.
    library = Library.open(path)
    fixed = library.load(harbours)
    assert fixed.published == date(2023, 11, 20) and fixed.review == ()
    for article_id in rest:
        record = library.load(article_id)
        assert record.section_path == ("Checked", "Wires") and record.review == ()
    assert not any(library.load(i).section_path[:1] == ("World news",) for i in library.ids())
    window.search_bar.set_query("")
    window.facets.needs_review.setChecked(True)
    assert wait_for_result(qtbot, window).total == 0
    # The selection's edit is what Undo would take back now; the rename was taken back.
    qtbot.waitUntil(lambda: "edit of" in actions.articles.undo.text(), timeout=5000)
