"""The note pane under the reader: the researcher's note on the article shown (plain text or
Markdown), saved as they type — 800 ms after the last keystroke, on leaving the article, on
closing the window — and never lost when the article changes while a save is on its way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsarchive.core.model import Article
from newsarchive.core.storage.library import Library
from newsarchive.gui.errors import failure_text, log
from newsarchive.gui.qt import (
    QFont,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextCursor,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from newsarchive.gui.tasks import Failure

if TYPE_CHECKING:
    from newsarchive.gui.workspace import Workspace

SAVE_DELAY_MS = 800
PLACEHOLDER = "Your note on this article (plain text or Markdown). It is saved as you type."



def _shown(note: str | None) -> str:
    """The note as the editor shows it: without the line end the library adds when it keeps one."""
    text = note or ""
    return text[:-1] if text.endswith("\n") else text


class NotePane(QWidget):
    """Edits the note of the reader's article; writes go through the window's `Workspace`."""

    def __init__(self, workspace: Workspace, parent: Any = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.title = QLabel("Note", self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(self)
        self.hint.setObjectName("noteHint")
        self.hint.setStyleSheet("color: #5f6368;")
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("note")
        self.editor.setAccessibleName("Note on this article")
        self.editor.setPlaceholderText(PLACEHOLDER)
        self.editor.setTabChangesFocus(True)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 0)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)

        self.library: Library | None = None
        self.article_id: str | None = None
        self._saved: str | None = ""  # the text on disk, or on its way there (None: unknown)
        self._on_its_way: dict[tuple[int, str], str] = {}  # (library, id) -> text not yet written
        self._refused: dict[tuple[int, str], str] = {}  # texts whose save failed, shown again
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.editor.textChanged.connect(self._typed)
        self.show_nothing()

    # -- what is shown -----------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Typed text not yet handed to a save."""
        return self.article_id is not None and self.editor.toPlainText() != self._saved

    @property
    def saving(self) -> bool:
        return bool(self._on_its_way)

    def show_article(self, library: Library, article: Article) -> None:
        """Show `article`'s note; the note being typed for another article is saved first. The
        same article shown again (the window searched again) keeps what is typed."""
        if library is self.library and article.id == self.article_id:
            if not self.dirty and not self._waiting(library, article.id):
                self._load(_shown(article.note))  # changed elsewhere, or the same text
            self._show_state()
            return
        self.save_now()
        self.library, self.article_id = library, article.id
        key = (id(library), article.id)
        # A save of this article may still be on its way: its text is newer than the file's.
        self._load(self._on_its_way.get(key, _shown(article.note)))
        if key in self._refused:
            # A save that failed: the text comes back as typed and not saved, to be saved again.
            self._loading = True
            self.editor.setPlainText(self._refused.pop(key))
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
            self._loading = False
        read_only = self.workspace.read_only_reason() if library is self.workspace.library else None
        self.editor.setReadOnly(bool(library.read_only))
        self.editor.setEnabled(True)
        self.editor.setToolTip(read_only or "")
        self._show_state()

    def show_nothing(self) -> None:
        """No article: what is typed is saved, the editor is emptied and disabled."""
        self.save_now()
        self.library, self.article_id = None, None
        self._load("")
        self.editor.setEnabled(False)
        self.hint.setText("")

    def _load(self, text: str) -> None:
        self._loading = True
        try:
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)
                # Typing goes on where the note ends, not before its first word.
                self.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._loading = False
        self._saved = text

    def _waiting(self, library: Library, article_id: str) -> bool:
        return (id(library), article_id) in self._on_its_way

    def _show_state(self) -> None:
        self.hint.setToolTip("")
        if self.library is None or self.article_id is None:
            self.hint.setText("")
        elif self.library.read_only:
            self.hint.setText("Read-only library: the note cannot be changed")
        elif self.dirty:
            self.hint.setText("Editing…")
        elif self._waiting(self.library, self.article_id):
            self.hint.setText("Saving…")
        elif self._saved:
            self.hint.setText("Saved")
        else:
            self.hint.setText("")

    # -- saving ------------------------------------------------------------------------------

    def _typed(self) -> None:
        if self._loading or self.article_id is None:
            return
        self._show_state()
        self.timer.start()

    def save_now(self) -> None:
        """Hand what is typed to the write lane now (leaving the article, closing the window)."""
        self.timer.stop()
        library, article_id = self.library, self.article_id
        if library is None or article_id is None or library.read_only or not self.dirty:
            return
        text = self.editor.toPlainText()
        key = (id(library), article_id)
        self._saved = text
        self._on_its_way[key] = text
        self._show_state()

        def done(_flipped: bool) -> None:
            if self._on_its_way.get(key) == text:
                del self._on_its_way[key]
            if library is self.workspace.library:
                # The note icon in the results and the matches of `note:` follow the note (the
                # window's watch would see the index change anyway; this shows it at once).
                self.workspace.window.refresh()
            self._show_state()

        def failed(failure: Failure) -> None:
            if self._on_its_way.get(key) == text:
                del self._on_its_way[key]
            log("Cannot save the note", failure)
            if library is self.library and article_id == self.article_id:
                self._saved = None  # what is typed counts as unsaved again
                self.hint.setText(f"Not saved: {failure_text(failure)}")
                self.hint.setToolTip(failure_text(failure))
            else:
                self._refused[key] = text
                self.workspace.window.statusBar().showMessage(
                    f"A note could not be saved (it is kept: open the article again to retry): "
                    f"{failure_text(failure)}", 15_000)

        self.workspace.save_note(library, article_id, text, done, failed)
