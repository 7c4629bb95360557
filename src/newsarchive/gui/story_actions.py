"""The reader's research links wired to the window: the story's copies listed under the article,
"Not a duplicate", More like this and Open original."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsarchive.gui.errors import show_failure
from newsarchive.gui.original_view import Originals, OriginalWindow
from newsarchive.gui.qt import QObject
from newsarchive.gui.similar_panel import SimilarWindow
from newsarchive.gui.story_links import StoryArticle, StoryLinks
from newsarchive.gui.tasks import Failure

if TYPE_CHECKING:
    from newsarchive.gui.main_window import MainWindow


class StoryActions(QObject):
    """Owned by the window; every read runs on the read lane, a split on the write lane."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.links = StoryLinks(window.runner, lambda: window.library, window.read_searcher, self)
        self.originals = Originals(window.runner, window,
                                   lambda text: window.statusBar().showMessage(text, 10_000))
        self.similar_window: SimilarWindow | None = None
        reader = window.reader
        reader.original_wanted.connect(self.open_original)
        reader.similar_wanted.connect(self.show_similar)
        reader.copy_clicked.connect(window.show_article_id)
        reader.split_wanted.connect(self.split)
        window.article_shown.connect(self.load_copies)
        # Another library: what was listed or opened belongs to the last one.
        window.library_changed.connect(lambda _library: self.close())

    def close(self) -> None:
        self.originals.close_all()
        if self.similar_window is not None:
            self.similar_window.close()
        self.links.close()

    # -- copies ------------------------------------------------------------------------------

    def load_copies(self, article_id: str) -> None:
        library = self.window.library
        can_split = library is not None and not library.read_only

        def loaded(shown: str, copies: list[StoryArticle]) -> None:
            self.window.reader.set_copies(shown, copies, can_split)

        self.links.copies(article_id, loaded)

    def split(self, copy_id: str) -> None:
        """The copy is not the same story as the article read: keep them apart, then show the
        results and the copies as they now are."""
        article = self.window.reader.article
        if article is None:
            return
        title = next((c.title for c in self.window.reader.copies if c.id == copy_id), copy_id)

        def done(_were_together: bool) -> None:
            self.window.statusBar().showMessage(
                f"“{title}” is kept apart from this story from now on (rebuilds and re-imports "
                "keep it so).", 10_000)
            self.window.refresh()
            self.load_copies(article.id)

        self.links.split(article.id, copy_id, done,
                         lambda failure: show_failure(self.window, "Cannot split the story", failure))

    # -- more like this ----------------------------------------------------------------------

    def show_similar(self) -> SimilarWindow | None:
        article = self.window.reader.article
        if article is None or self.window.library is None:
            return None
        if self.similar_window is None:
            self.similar_window = SimilarWindow(self.window)
            self.similar_window.chosen.connect(self.window.show_article_id)
        panel = self.similar_window
        panel.waiting(article.id, article.title)
        panel.show()
        panel.raise_()

        def failed(failure: Failure) -> None:
            panel.heading.setText("Articles like this one cannot be found now.")
            show_failure(self.window, "More like this failed", failure)

        self.links.similar(
            article.id, lambda shown, found: panel.show_articles(shown, article.title, found), failed)
        return panel

    # -- the original ------------------------------------------------------------------------

    def open_original(self, done: object = None) -> None:
        article, folder = self.window.reader.article, self.window.reader.folder
        if article is None or folder is None or not self.window.reader.has_original:
            return
        self.originals.open(article, folder, done if callable(done) else None)

    def original_windows(self) -> list[OriginalWindow]:
        return list(self.originals.windows)
