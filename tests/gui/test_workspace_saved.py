"""Issue 15 in the app, saved searches and read-only libraries: Save search… keeps the query,
filters and sort; the list shows "N new" after an import and opening one shows its results and
clears it; a read-only library shows its collections, notes and saved searches and changes none."""

from __future__ import annotations

from pathlib import Path

from newsarchive.core.operations.collections import add_to_collection
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.notes import set_note
from newsarchive.core.operations.saved_searches import list_saved, save_search
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.collections import STARRED
from newsarchive.core.storage.library import Library
from newsarchive.gui import filters
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import QKeySequence, Qt
from newsarchive.gui.saved_searches_panel import NewRole
from newsarchive.gui.workspace import READ_ONLY_REASON, Workspace
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES, by_title

PAGES = {
    "talks-1.txt": """News > Latin America

Petro and Maduro Hold Talks on Border Trade

Published 14 March 2023

The two presidents held talks on trade across the reopened border.

Customs officers on both sides were told to speed up the crossing of cargo.
""",
    "talks-2.txt": """News > Latin America

Talks With the ELN Resume in Caracas

Published 20 March 2023

Government negotiators and the guerrilla resumed talks in Caracas on Monday.

The talks had stalled in January over a ceasefire.
""",
    "other.txt": """News > World

Heavy Rain Floods Northern Italy

Published 17 May 2023

Rivers burst their banks across Emilia-Romagna after days of rain.

Thousands of people left their homes.
""",
}


def _open(qtbot, window: MainWindow, library: Library, *, read_only: bool = False) -> None:
    window.open_library(library.path, read_only=read_only)
    wait_for_result(qtbot, window)
    workspace = window.findChild(Workspace)
    qtbot.waitUntil(lambda: workspace.pending == 0, timeout=10_000)  # the collections are read


def _settled(qtbot, window: MainWindow, actions) -> None:
    workspace = actions.workspace
    wait_for_result(qtbot, window)  # a refresh counts the saved searches again once searched
    qtbot.waitUntil(lambda: workspace.workspace.pending == 0 and not workspace.counting, timeout=30_000)
    wait_for_result(qtbot, window)


def test_a_saved_search_shows_what_is_new_after_an_import_and_opening_it_clears_that(
    qtbot, window_and_actions, library: Library, tmp_path: Path
) -> None:
    window, actions = window_and_actions
    workspace = actions.workspace
    panel = workspace.saved_panel
    _open(qtbot, window, library)
    assert panel.labels() == [] and panel.empty.isVisibleTo(panel)
    assert workspace.save_search_action.shortcut() == QKeySequence("Ctrl+Shift+S")

    window.search_bar.set_query("talks")
    wait_for_result(qtbot, window)
    window.search(filters.with_value(window.request, "section", "News > Latin America", "include"))
    window.set_sort("newest")
    wanted = wait_for_result(qtbot, window)
    latin_talks = {h.id for h in wanted.hits}
    assert latin_talks and wanted.total == len(latin_talks)
    workspace.save_search_action.trigger()
    dialog = workspace.dialogs[-1]
    assert dialog.textValue() == "talks"
    dialog.setTextValue("Latin talks")
    dialog.accept()
    _settled(qtbot, window, actions)
    kept = Library.open(library.path).saved_searches.find("Latin talks")
    assert kept is not None
    assert (kept.request.query, kept.request.sections, kept.request.sort) == (
        "talks", ("News > Latin America",), "newest")
    assert panel.labels() == [f"Latin talks ({len(latin_talks)} articles)"]

    # An import (the core's, as the command line would run it) brings two new matches and one other.
    folder = tmp_path / "more"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = import_paths(Library.open(library.path), [folder])
    assert report.imported == 3
    window.refresh()
    _settled(qtbot, window, actions)
    assert panel.labels() == ["Latin talks — 2 new"]
    item = panel.item_named("Latin talks")
    assert item.data(NewRole) == 2 and item.font().bold()
    oracle = list_saved(Library.open(library.path))  # the core's own count agrees
    assert [(s.total, s.new) for s in oracle] == [(len(latin_talks) + 2, 2)]

    # Opening it from another search: its query, filters and sort come back; it counts as seen.
    window.search_bar.set_query("rain")
    wait_for_result(qtbot, window)
    panel.list.itemClicked.emit(item)
    result = wait_for_result(qtbot, window)
    _settled(qtbot, window, actions)
    assert window.search_bar.query == "talks"
    assert result.request.sections == ("News > Latin America",) and result.request.sort == "newest"
    assert result.total == len(latin_talks) + 2
    assert {h.title for h in result.hits[:2]} == {"Talks With the ELN Resume in Caracas",
                                                  "Petro and Maduro Hold Talks on Border Trade"}
    assert panel.labels() == [f"Latin talks ({len(latin_talks) + 2} articles)"]
    assert [s.new for s in list_saved(Library.open(library.path))] == [0]

    box = workspace.ask_delete_saved("Latin talks")
    next(b for b in box.buttons() if b.text() == "Delete").click()
    _settled(qtbot, window, actions)
    assert panel.labels() == [] and Library.open(library.path).saved_searches.all() == ()


def test_a_read_only_library_shows_the_workspace_and_changes_nothing(
    qtbot, window_and_actions, library: Library
) -> None:
    window, actions = window_and_actions
    workspace = actions.workspace
    noted = by_title("Grain Deal")
    add_to_collection(library, "Exhibits", [ARTICLES[0].id, noted.id])
    add_to_collection(library, STARRED, [noted.id])
    set_note(library, noted.id, "Kept on a read-only disk")
    save_search(library, "Grain", SearchRequest(query="grain"))
    before = {p: p.read_bytes() for p in (library.path / "user").rglob("*") if p.is_file()}
    # Opened read-only, as from a read-only disk (`Library.open` finds an unwritable folder so).
    _open(qtbot, window, library, read_only=True)
    assert window.library.read_only
    _settled(qtbot, window, actions)
    panel = workspace.collections_panel
    assert panel.names() == [STARRED, "Exhibits"]
    assert not panel.new_button.isEnabled() and panel.new_button.toolTip() == READ_ONLY_REASON
    assert panel.reason.isVisibleTo(panel)
    assert workspace.saved_panel.labels() == ["Grain (1 article)"]
    assert not workspace.saved_panel.save_button.isEnabled()
    assert not workspace.save_search_action.isEnabled() and not workspace.star.isEnabled()

    window.select_row(window.results.row_of(noted.id))
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == noted.id,
                    timeout=5000)
    pane = workspace.note_pane
    assert pane.editor.toPlainText() == "Kept on a read-only disk" and pane.editor.isReadOnly()
    assert "Read-only" in pane.hint.text()
    assert workspace.star_button.text() == "★ Starred" and not workspace.star_button.isEnabled()
    row = window.results.row_of(noted.id)
    assert window.results.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None

    # The facet still filters; nothing that would write does anything but say why.
    panel.model.setData(panel.row_of("Exhibits"), Qt.CheckState.Checked.value,
                        Qt.ItemDataRole.CheckStateRole)
    assert {h.id for h in wait_for_result(qtbot, window).hits} == {ARTICLES[0].id, noted.id}
    assert workspace.ask_new_collection() is None and workspace.ask_save_search() is None
    assert not workspace.workspace.toggle_star([noted.id])
    assert window.statusBar().currentMessage() == READ_ONLY_REASON
    assert not workspace.workspace.add_to_collection("Exhibits", [ARTICLES[1].id])
    menu = actions.articles.row_menu()
    sub = next(a.menu() for a in menu.actions()
               if a.menu() and a.menu().title().replace("&", "") == "Collections")
    assert not any(a.isEnabled() for a in sub.actions() if a.menu())
    panel.view.setCurrentIndex(panel.row_of("Exhibits"))
    workspace.saved_panel.list.itemClicked.emit(workspace.saved_panel.item_named("Grain"))
    assert wait_for_result(qtbot, window).request.query == "grain"
    _settled(qtbot, window, actions)
    after = {p: p.read_bytes() for p in (library.path / "user").rglob("*") if p.is_file()}
    assert after == before
