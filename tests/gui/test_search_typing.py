"""Issue 12.2: the search box never moves the caret or changes what the user is typing."""

from __future__ import annotations

import pytest

from newsarchive.core.storage.library import Library
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import Qt
from tests.gui.conftest import wait_for_result


def _pause(qtbot, window: MainWindow) -> None:
    """Longer than the debounce: the query typed so far is searched."""
    qtbot.wait(window.search_bar._debounce.interval() + 150)


def test_typing_on_after_an_error_keeps_the_text_and_the_caret(
    qtbot, window: MainWindow, library: Library
) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    box = window.search_bar.box
    box.setFocus()
    qtbot.keyClicks(box, '"black')
    _pause(qtbot, window)
    qtbot.waitUntil(lambda: window.search_bar.has_error, timeout=10_000)
    assert box.text() == '"black' and box.cursorPosition() == len('"black')
    qtbot.keyClicks(box, ' sea" wheat')
    assert box.text() == '"black sea" wheat'
    assert box.cursorPosition() == len(box.text())
    _pause(qtbot, window)
    result = wait_for_result(qtbot, window)
    assert result.request.query == '"black sea" wheat'
    assert not window.search_bar.has_error
    assert box.text() == '"black sea" wheat'


def test_an_error_arriving_mid_word_leaves_the_caret_where_the_user_is(
    qtbot, window: MainWindow, library: Library
) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    box = window.search_bar.box
    box.setFocus()
    qtbot.keyClicks(box, "talks AND")
    _pause(qtbot, window)
    qtbot.waitUntil(lambda: window.search_bar.has_error, timeout=10_000)
    # The user had moved back into the text to fix it; the error must not pull the caret away.
    box.setCursorPosition(2)
    window.search_bar.show_error("AND at character 7 needs a search term after it.", 6)
    assert box.cursorPosition() == 2
    assert "character 7" in window.search_bar.error.text()


# The completer's popup asks the offscreen platform for what only a real screen does.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing the keyboard|propagateSizeHints)")
def test_a_remembered_query_is_offered_not_written_into_the_box(
    qtbot, window: MainWindow, library: Library
) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    window.search_bar.set_history(["talks with armed groups"])
    box = window.search_bar.box
    box.setFocus()
    qtbot.keyClicks(box, "talks")
    assert box.text() == "talks" and not box.hasSelectedText()
    assert box.completer().popup().isVisible()  # offered beside the box
    _pause(qtbot, window)
    assert wait_for_result(qtbot, window).request.query == "talks"


def test_window_shortcuts_do_not_edit_the_query(qtbot, window_and_actions, library: Library) -> None:
    window, _actions = window_and_actions
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    box = window.search_bar.box
    box.setFocus()
    qtbot.keyClicks(box, "peace talks")
    box.setCursorPosition(5)
    window.select_row(3)
    # Ctrl+K is "previous result", not "delete to the end of the line".
    qtbot.keyClick(box, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == "peace talks" and box.cursorPosition() == 5
    assert window.table.currentIndex().row() == 2
    # Text editing keys stay the box's own.
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert box.selectedText() == "peace talks"
