"""Issue 15 in the app, notes: typed in the pane under the reader, saved 800 ms after the last
keystroke, on leaving the article and on closing the window, never lost when the article changes
while a save waits; shown in the results and found by the search when asked; checked on disk."""

from __future__ import annotations

import threading
import time

from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.library import Library
from newsarchive.gui import note_pane
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import Qt
from newsarchive.gui.workspace import Workspace
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import by_title


def _open(qtbot, window: MainWindow, library: Library) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    workspace = window.findChild(Workspace)
    qtbot.waitUntil(lambda: workspace.pending == 0, timeout=10_000)  # the collections are read


def _show(qtbot, window: MainWindow, title: str) -> str:
    article_id = by_title(title).id
    window.select_row(window.results.row_of(article_id))
    qtbot.waitUntil(lambda: window.reader.article is not None and window.reader.article.id == article_id,
                    timeout=5000)
    return article_id


def _note_on_disk(library: Library, article_id: str) -> str | None:
    return Library.open(library.path).notes.note_of(article_id)


def _idle(qtbot, window: MainWindow, actions) -> None:
    qtbot.waitUntil(lambda: actions.workspace.workspace.pending == 0
                    and not actions.workspace.note_pane.timer.isActive(), timeout=30_000)
    wait_for_result(qtbot, window)


def test_a_note_typed_with_pauses_is_saved_and_survives_reopening(
    qtbot, window_and_actions, library: Library
) -> None:
    window, actions = window_and_actions
    pane = actions.workspace.note_pane
    _open(qtbot, window, library)
    article_id = _show(qtbot, window, "Grain Deal")
    assert pane.editor.isEnabled() and not pane.editor.isReadOnly()
    assert pane.timer.interval() == note_pane.SAVE_DELAY_MS == 800
    qtbot.keyClicks(pane.editor, "Istanbul talks: ")
    assert pane.hint.text() == "Editing…" and pane.timer.isActive()
    qtbot.waitUntil(lambda: _note_on_disk(library, article_id) == "Istanbul talks: \n", timeout=10_000)
    qtbot.waitUntil(lambda: pane.hint.text() == "Saved", timeout=10_000)
    qtbot.keyClicks(pane.editor, "check the UN statement")
    typed = time.monotonic()
    # Nothing is written while the typing goes on (less than 800 ms since the last key).
    assert _note_on_disk(library, article_id) == "Istanbul talks: \n"
    qtbot.waitUntil(lambda: _note_on_disk(library, article_id) is not None
                    and "UN statement" in _note_on_disk(library, article_id), timeout=10_000)
    # Qt's coarse timers may fire up to 5 % early.
    assert time.monotonic() - typed >= 0.8 * 0.95 - 0.01
    _idle(qtbot, window, actions)

    # The results show the note, and the note is searchable (note: always; plain words when asked).
    row = window.results.row_of(article_id)
    assert window.results.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    other = window.results.row_of(by_title("Heat Wave").id)
    assert window.results.index(other, 0).data(Qt.ItemDataRole.DecorationRole) is None
    window.search(SearchRequest(query="note:statement"))
    assert [h.id for h in wait_for_result(qtbot, window).hits] == [article_id]
    window.search(SearchRequest(query="statement"))
    assert wait_for_result(qtbot, window).total == 0
    actions.workspace.search_notes.trigger()
    result = wait_for_result(qtbot, window)
    assert result.request.include_notes and [h.id for h in result.hits] == [article_id]
    assert result.hits[0].has_note

    window.open_library(library.path)  # opened again: the note is read back from the library
    wait_for_result(qtbot, window)
    _show(qtbot, window, "Grain Deal")
    assert pane.editor.toPlainText() == "Istanbul talks: check the UN statement"
    assert pane.hint.text() == "Saved"


def test_switching_article_while_a_save_waits_keeps_both_notes(
    qtbot, window_and_actions, library: Library
) -> None:
    window, actions = window_and_actions
    pane = actions.workspace.note_pane
    _open(qtbot, window, library)
    first = _show(qtbot, window, "Referendums Held")
    qtbot.keyClicks(pane.editor, "Four regions")
    # The write lane is busy (an import, say): the saves queue behind it.
    gate = threading.Event()
    window.runner.submit(lambda: gate.wait(30), lane="write")
    second = _show(qtbot, window, "Lula Wins")  # leaving the first article hands its note to a save
    assert pane.editor.toPlainText() == ""
    qtbot.keyClicks(pane.editor, "Runoff margin")
    _show(qtbot, window, "Referendums Held")  # back before anything was written
    assert _note_on_disk(library, first) is None and _note_on_disk(library, second) is None
    assert pane.editor.toPlainText() == "Four regions" and pane.hint.text() == "Saving…"
    qtbot.keyClicks(pane.editor, ", one vote")
    _show(qtbot, window, "Lula Wins")
    assert pane.editor.toPlainText() == "Runoff margin"
    gate.set()
    _idle(qtbot, window, actions)
    assert _note_on_disk(library, first) == "Four regions, one vote\n"
    assert _note_on_disk(library, second) == "Runoff margin\n"
    assert pane.editor.toPlainText() == "Runoff margin"


def test_closing_the_window_saves_the_note_being_typed(
    qtbot, window_and_actions, library: Library
) -> None:
    window, actions = window_and_actions
    pane = actions.workspace.note_pane
    _open(qtbot, window, library)
    article_id = _show(qtbot, window, "Heat Wave")
    qtbot.keyClicks(pane.editor, "Typed just before closing")
    assert pane.timer.isActive()
    window.close()
    assert _note_on_disk(library, article_id) == "Typed just before closing\n"


def test_clearing_a_note_removes_it_and_its_icon(qtbot, window_and_actions, library: Library) -> None:
    window, actions = window_and_actions
    pane = actions.workspace.note_pane
    _open(qtbot, window, library)
    article_id = _show(qtbot, window, "Elections Without")
    qtbot.keyClicks(pane.editor, "Turnout")
    qtbot.waitUntil(lambda: _note_on_disk(library, article_id) == "Turnout\n", timeout=10_000)
    _idle(qtbot, window, actions)
    pane.editor.selectAll()
    qtbot.keyClick(pane.editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _note_on_disk(library, article_id) is None, timeout=10_000)
    _idle(qtbot, window, actions)
    row = window.results.row_of(article_id)
    assert window.results.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_a_note_that_cannot_be_saved_says_why_and_keeps_the_text(
    qtbot, window_and_actions, library: Library
) -> None:
    from newsarchive.core.storage.notes import MAX_NOTE_CHARACTERS

    window, actions = window_and_actions
    pane = actions.workspace.note_pane
    _open(qtbot, window, library)
    article_id = _show(qtbot, window, "Heat Wave")
    too_long = "x" * (MAX_NOTE_CHARACTERS + 1)
    pane.editor.setPlainText(too_long)
    pane.save_now()
    qtbot.waitUntil(lambda: pane.hint.text().startswith("Not saved:"), timeout=10_000)
    assert f"at most {MAX_NOTE_CHARACTERS:,} characters" in pane.hint.text()
    assert pane.editor.toPlainText() == too_long and pane.dirty  # kept, and still to be saved
    assert _note_on_disk(library, article_id) is None
    pane.editor.setPlainText("Short enough")
    pane.save_now()
    qtbot.waitUntil(lambda: _note_on_disk(library, article_id) == "Short enough\n", timeout=10_000)
    _idle(qtbot, window, actions)
