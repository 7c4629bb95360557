"""Issue 15 in the app, collections: made in a dialog, filled from the results' context menu and by
dragging rows onto them, ticked as a facet (OR with each other, AND with the rest), renamed,
deleted, exported with notes, Starred with Ctrl+D; each checked against the files on disk."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import rispy
from markdown_it import MarkdownIt

from newsarchive.core.model import SECTION_SEPARATOR
from newsarchive.core.operations.notes import set_note
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.collections import STARRED
from newsarchive.core.storage.library import Library
from newsarchive.gui.collection_drag import article_mime
from newsarchive.gui.facet_models import CountRole, ModeRole, ValueRole
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import (
    QApplication,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QItemSelection,
    QItemSelectionModel,
    QMenu,
    QPointF,
    Qt,
)
from newsarchive.gui.workspace import Workspace
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES, by_title


def _open(qtbot, window: MainWindow, library: Library) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    workspace = window.findChild(Workspace)
    qtbot.waitUntil(lambda: workspace.pending == 0, timeout=10_000)  # the collections are read


def _settled(qtbot, window: MainWindow, actions) -> None:
    qtbot.waitUntil(lambda: actions.workspace.workspace.pending == 0, timeout=30_000)
    wait_for_result(qtbot, window)


def _on_disk(library: Library) -> dict[str, tuple[str, ...]]:
    return Library.open(library.path).collections.all()


def _select(window: MainWindow, ids: list[str]) -> None:
    selection = QItemSelection()
    for article_id in ids:
        row = window.results.row_of(article_id)
        assert row is not None
        index = window.results.index(row, 0)
        selection.select(index, index)
    model = window.table.selectionModel()
    model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)


def _action(menu: QMenu, *path: str):
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions()
                    if a.menu() and a.menu().title().replace("&", "") == text)
    return next(a for a in menu.actions() if a.text().replace("&", "") == path[-1])


def _facet(actions) -> dict[str, int]:
    model = actions.workspace.collections_panel.model
    return {model.index(r).data(ValueRole): model.index(r).data(CountRole) for r in range(model.rowCount())}


def _new_collection(qtbot, window, actions, name: str) -> None:
    dialog = actions.workspace.ask_new_collection()
    dialog.setTextValue(name)
    dialog.accept()
    _settled(qtbot, window, actions)


def _tick(qtbot, window, actions, name: str, mode: str | None = "include"):
    panel = actions.workspace.collections_panel
    index = panel.row_of(name)
    if mode == "exclude":
        panel.menu_for(index).actions()[1].trigger()
    else:
        value = Qt.CheckState.Checked if mode else Qt.CheckState.Unchecked
        panel.model.setData(index, value.value, Qt.ItemDataRole.CheckStateRole)
    return wait_for_result(qtbot, window)


def test_collections_made_filled_by_menu_and_drag_and_ticked_as_a_facet(
    qtbot, window_and_actions, library: Library
) -> None:
    window, actions = window_and_actions
    _open(qtbot, window, library)
    assert _facet(actions) == {STARRED: 0}
    _new_collection(qtbot, window, actions, "  Russia   chapter ")  # tidied as the core keeps it
    _new_collection(qtbot, window, actions, "Border exhibits")
    assert list(_on_disk(library)) == [STARRED, "Russia chapter", "Border exhibits"]
    assert actions.workspace.collections_panel.names() == [STARRED, "Russia chapter", "Border exhibits"]

    # The results' context menu adds the selection.
    russia = [a.id for a in ARTICLES if a.section_path == ("News", "Russia")]
    _select(window, russia)
    menu = actions.articles.row_menu()
    _action(menu, "Collections", "Add to", "Russia chapter").trigger()
    _settled(qtbot, window, actions)
    assert set(_on_disk(library)["Russia chapter"]) == set(russia)

    # Dragging selected rows onto a collection: the press keeps the selection, the move drags it.
    latin = [a.id for a in ARTICLES if a.section_path == ("News", "Latin America")][:3]
    grain = by_title("Grain Deal").id
    _select(window, [*latin, grain])
    table = window.table
    first = table.visualRect(window.results.index(window.results.row_of(latin[0]), 0)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert len(window.results_pane.selected_rows()) == 4
    qtbot.mouseMove(table.viewport(), first + type(first)(0, 40))
    dragged = actions.workspace.drag.last_ids
    assert set(dragged) == {*latin, grain}
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=first + type(first)(0, 40))
    view = actions.workspace.collections_panel.view
    target = view.visualRect(actions.workspace.collections_panel.row_of("Border exhibits")).center()
    data = article_mime(dragged)  # what the drag carried, as the collection list receives it
    drop = None
    for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        drop = kind(QPointF(target) if kind is QDropEvent else target, Qt.DropAction.CopyAction, data,
                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), drop)
        assert drop.isAccepted()
    _settled(qtbot, window, actions)
    border = _on_disk(library)["Border exhibits"]
    assert set(border) == {*latin, grain}
    assert _facet(actions) == {STARRED: 0, "Russia chapter": len(russia), "Border exhibits": 4}

    # The facet: collections OR together, AND with the other facets; checked against the records.
    sections = {a.id: SECTION_SEPARATOR.join(a.section_path) for a in ARTICLES}
    result = _tick(qtbot, window, actions, "Russia chapter")
    assert {h.id for h in result.hits} == set(russia)
    result = _tick(qtbot, window, actions, "Border exhibits")
    assert {h.id for h in result.hits} == set(russia) | set(border)
    assert "Russia chapter  ✕" in window.chips.labels()
    window.search(replace(window.request, sections=("News > Latin America",)))
    result = wait_for_result(qtbot, window)
    expected = {i for i in set(russia) | set(border) if sections[i].startswith("News > Latin America")}
    assert {h.id for h in result.hits} == expected == set(latin)
    # Excluding a collection removes its members whatever else matches.
    window.search(SearchRequest(sort="newest"))
    wait_for_result(qtbot, window)
    result = _tick(qtbot, window, actions, "Border exhibits", "exclude")
    assert {h.id for h in result.hits} == {a.id for a in ARTICLES} - set(border)
    assert actions.workspace.collections_panel.row_of("Border exhibits").data(ModeRole) == "exclude"


def test_rename_remove_and_delete_follow_the_filter(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    _open(qtbot, window, library)
    workspace = actions.workspace
    ids = [a.id for a in ARTICLES[:5]]
    _select(window, ids)
    menu = actions.articles.row_menu()
    _action(menu, "Collections", "Add to", "New collection…").trigger()
    dialog = workspace.dialogs[-1]
    assert "5 articles" in dialog.labelText()
    dialog.setTextValue("Chapter 1")
    dialog.accept()
    _settled(qtbot, window, actions)
    assert set(_on_disk(library)["Chapter 1"]) == set(ids)
    _tick(qtbot, window, actions, "Chapter 1")

    dialog = workspace.ask_rename_collection("Chapter 1")
    dialog.setTextValue("Chapter One")
    dialog.accept()
    _settled(qtbot, window, actions)
    assert "Chapter One" in _on_disk(library) and "Chapter 1" not in _on_disk(library)
    assert window.request.collections == ("Chapter One",)  # the filter follows the new name
    assert wait_for_result(qtbot, window).total == 5

    # Remove two from the reader's Collections button (the article shown) and the selection.
    window.select_row(0)
    shown = window.reader.article.id
    reader_menu = workspace.reader_menu
    reader_menu.aboutToShow.emit()
    _action(reader_menu, "Remove from", "Chapter One").trigger()
    _settled(qtbot, window, actions)
    assert shown not in _on_disk(library)["Chapter One"]
    assert wait_for_result(qtbot, window).total == 4

    assert workspace.ask_rename_collection(STARRED) is None  # built in: no rename, no delete
    starred_menu = workspace.collections_panel.menu_for(workspace.collections_panel.row_of(STARRED))
    assert not _action(starred_menu, "Rename…").isEnabled()
    box = workspace.ask_delete_collection("Chapter One")
    assert "4 articles stay in the library" in box.informativeText()
    next(b for b in box.buttons() if b.text() == "Delete").click()
    _settled(qtbot, window, actions)
    assert list(_on_disk(library)) == [STARRED]
    assert window.request.collections == ()  # a deleted collection no longer filters
    assert wait_for_result(qtbot, window).total == len(ARTICLES)


def test_starred_with_ctrl_d_and_the_star_in_the_reader(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    _open(qtbot, window, library)
    workspace = actions.workspace
    article_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Article")
    assert workspace.star in article_menu.actions()
    assert workspace.star.shortcut().toString() == "Ctrl+D"
    window.select_row(2)
    article = window.reader.article
    assert workspace.star_button.text() == "☆ Star"
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, window, actions)
    assert _on_disk(library)[STARRED] == (article.id,)
    qtbot.waitUntil(lambda: workspace.star_button.text() == "★ Starred", timeout=5000)
    assert workspace.star.isChecked()
    assert _facet(actions)[STARRED] == 1
    qtbot.mouseClick(workspace.star_button, Qt.MouseButton.LeftButton)  # the reader's star unstars
    _settled(qtbot, window, actions)
    assert _on_disk(library)[STARRED] == ()
    qtbot.waitUntil(lambda: workspace.star_button.text() == "☆ Star", timeout=5000)


def test_a_collection_exports_with_its_notes_to_ris_and_markdown(
    qtbot, window_and_actions, library: Library, tmp_path: Path
) -> None:
    window, actions = window_and_actions
    members = [by_title("Venezuela and Colombia").id, by_title("Petro Proposes").id]
    note = "Compare with the 2015 closure.\n\nAsk the archive for the *bridge* photos."
    set_note(library, members[0], note)
    _open(qtbot, window, library)
    _select(window, members)
    _action(actions.articles.row_menu(), "Collections", "Add to", "New collection…").trigger()
    dialog = actions.workspace.dialogs[-1]
    dialog.setTextValue("Border")
    dialog.accept()
    _settled(qtbot, window, actions)

    for fmt, suffix in (("ris", ".ris"), ("markdown", ".md")):
        dialog = actions.workspace.export_collection("Border")
        assert "All 2 articles in the collection “Border”" in dialog.every.text()
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        target = tmp_path / f"border{suffix}"
        dialog.destination.setText(str(target))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda d=dialog: d.running is None, timeout=30_000)
        assert dialog.failure is None, dialog.failure and dialog.failure.details
        assert dialog.report.written == 2
        dialog.close()
    records = rispy.loads((tmp_path / "border.ris").read_text(encoding="utf-8"))
    titles = {r["title"] if "title" in r else r["primary_title"] for r in records}
    assert titles == {by_title("Venezuela and Colombia").title, by_title("Petro Proposes").title}
    notes = [n for r in records for n in r.get("notes", [])]
    assert any("Compare with the 2015 closure." in n and "bridge" in n for n in notes)
    tokens = MarkdownIt().parse((tmp_path / "border.md").read_text(encoding="utf-8"))
    inline = [t.content for t in tokens if t.type == "inline"]
    assert by_title("Petro Proposes").title in " ".join(inline)
    assert any("Compare with the 2015 closure." in text for text in inline)
    assert any("bridge" in text for text in inline)

