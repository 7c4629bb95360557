"""The search bar: the query box (search as you type, Enter, history), its inline error, the sort.

What the user types is theirs: nothing here moves the caret or changes the text while they type
(an error is said beside the box, a remembered query is offered in a popup, never written in).
"""

from __future__ import annotations

from typing import Any

from newsarchive.core.search.request import SORTS, Sort
from newsarchive.gui.qt import (
    QAction,
    QComboBox,
    QCompleter,
    QEvent,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStringListModel,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

SORT_LABELS: dict[Sort, str] = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}

# Keys a line edit keeps for text editing even when the window has a shortcut on them.
_EDITING_KEYS = (
    QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.SelectAll,
)


class QueryBox(QLineEdit):
    """A line edit that lets the window's shortcuts win over its own Emacs-style keys.

    With X11's key bindings a `QLineEdit` takes Ctrl+E (end of line), Ctrl+K (delete to the end)
    and others for itself, so the window's Ctrl+E (export) and Ctrl+K (previous result) did
    nothing, or deleted text, while the search box had the focus. Giving the key back to the
    shortcut map is not enough (the box's parents then claim it), so the box takes such a key and
    triggers the window's action itself. Text-editing keys (undo, copy, paste…) stay the box's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_shortcuts: dict[str, QAction] = {}

    def event(self, event: QEvent) -> bool:
        key = event if isinstance(event, QKeyEvent) else None
        if event.type() == QEvent.Type.ShortcutOverride and key and self._window_action(key):
            event.accept()  # the key press comes here, and `keyPressEvent` passes it on
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._window_action(event)
        if action is not None:
            event.accept()
            if action.isEnabled():
                action.trigger()
            return
        super().keyPressEvent(event)

    def _window_action(self, event: QKeyEvent) -> QAction | None:
        if any(event.matches(key) for key in _EDITING_KEYS):
            return None
        pressed = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
        return self.window_shortcuts.get(pressed)


class SearchBar(QWidget):
    """Emits `search_requested(query)` after typing pauses, or at once on Enter."""

    search_requested = Signal(str)
    sort_changed = Signal(str)

    def __init__(self, debounce_ms: int = 250, parent: Any = None) -> None:
        super().__init__(parent)
        self.box = QueryBox(self)
        self.box.setObjectName("queryBox")
        self.box.setPlaceholderText('Search: words, "phrases", person:Putin, date:2022-09, -word …')
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName("Search query")
        self._history = QStringListModel(self)
        completer = QCompleter(self._history, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # A popup, not inline completion: inline completion writes the rest of a remembered query
        # into the box as selected text, and the pause that follows would search for it.
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.box.setCompleter(completer)

        self.error = QLabel(self)
        self.error.setObjectName("queryError")
        self.error.setWordWrap(False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.error.hide()

        self.sort = QComboBox(self)
        self.sort.setAccessibleName("Sort results")
        for key in SORTS:
            self.sort.addItem(SORT_LABELS[key], key)
        self.sort.setToolTip("Order of the results")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.sort)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._fire)
        self.box.textEdited.connect(self._typed)
        self.box.returnPressed.connect(self._fire)
        self.sort.currentIndexChanged.connect(self._sort_picked)

    # -- what the window calls ---------------------------------------------------------------

    @property
    def query(self) -> str:
        return self.box.text()

    def set_query(self, query: str, *, search: bool = True) -> None:
        self.box.setText(query)
        self.clear_error()
        if search:
            self._fire()

    def set_history(self, history: list[str]) -> None:
        self._history.setStringList(history)

    def set_sort(self, sort: Sort) -> None:
        index = self.sort.findData(sort)
        if index >= 0 and index != self.sort.currentIndex():
            self.sort.blockSignals(True)
            self.sort.setCurrentIndex(index)
            self.sort.blockSignals(False)

    def current_sort(self) -> Sort:
        return self.sort.currentData()

    def show_error(self, message: str, position: int | None = None) -> None:
        """Mark the box and say what is wrong beside it (the message names the place).

        The caret stays where the user left it: the error of a paused query arrives while they
        may be typing on, and moving the caret would scatter what they type next.
        """
        self.box.setProperty("invalid", True)
        self._restyle()
        self.error.setText(message)
        self.error.setToolTip(message)
        self.error.show()
        self.box.setToolTip(message)

    def reserve_shortcuts(self, actions: list[QAction]) -> None:
        """The window's actions, whose shortcuts the box gives up even for keys it would use."""
        self.box.window_shortcuts = {
            key.toString(QKeySequence.SequenceFormat.PortableText): action
            for action in actions for key in action.shortcuts() if not key.isEmpty()
        }

    def clear_error(self) -> None:
        if self.box.property("invalid"):
            self.box.setProperty("invalid", False)
            self._restyle()
        self.error.hide()
        self.error.clear()
        self.box.setToolTip("")

    @property
    def has_error(self) -> bool:
        return bool(self.box.property("invalid"))

    def focus(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    # -- internals ---------------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        self._debounce.start()

    def _fire(self) -> None:
        self._debounce.stop()
        self.search_requested.emit(self.box.text())

    def _sort_picked(self, _index: int) -> None:
        self.sort_changed.emit(self.current_sort())

    def _restyle(self) -> None:
        # A dynamic property only takes effect in the stylesheet after a re-polish.
        self.box.style().unpolish(self.box)
        self.box.style().polish(self.box)
