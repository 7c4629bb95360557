"""What the reader asks about an article's story, answered off the GUI thread: its near-duplicate
copies (read lane), "not a duplicate" (write lane) and more like this (read lane).

The questions go to the read lane's searcher of the open library (`read_lane_searcher`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsarchive.core.errors import ArticleNotFound, LibraryError
from newsarchive.core.operations.duplicates import mark_not_duplicate
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library
from newsarchive.gui.qt import QObject
from newsarchive.gui.read_lane_searcher import ReadLaneSearcher
from newsarchive.gui.tasks import Failure, Op, TaskRunner

# More like this lists this many: a reading list, not a search.
SIMILAR_LIMIT = 30


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One line of a list of articles: a copy of a story or an article like it."""

    id: str
    title: str
    source: str | None
    published: date | None
    score: float = 0.0


class StoryLinks(QObject):
    """Answers the reader's questions about the open library's stories."""

    def __init__(self, runner: TaskRunner, library: Callable[[], Library | None],
                 searchers: ReadLaneSearcher, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._library = library
        self._searchers = searchers

    def _searcher(self, library: Library) -> ArchiveSearcher:
        return self._searchers.get(library)

    def close(self) -> None:
        """Close the read lane's searcher (after whatever that lane is doing)."""
        self._searchers.close()

    def copies(self, article_id: str, done: Callable[[str, list[StoryArticle]], Any]) -> None:
        """`done(article_id, copies)` on the GUI thread: the other articles of its story, oldest
        first (an empty list when it has none). Not called when the index cannot be read now
        (being rebuilt): what the reader shows stays until the next look."""
        library = self._library()
        if library is None:
            return

        def work(_progress: object, _cancel: object) -> list[StoryArticle]:
            ids = self._searcher(library).copies_of(article_id)
            found = _lines(library, ids)
            found.sort(key=lambda a: (a.published or date.max, a.source or "", a.id))
            return found

        Op(self._runner, work, success=lambda found: self._answer(library, done, article_id, found),
           failure=lambda _f: None, lane="read").run_in_background()

    def similar(self, article_id: str, done: Callable[[str, list[StoryArticle]], Any],
                failed: Callable[[Failure], Any]) -> None:
        """`done(article_id, articles)`: articles like it, best first, its copies left out."""
        library = self._library()
        if library is None:
            return

        def work(_progress: object, _cancel: object) -> list[StoryArticle]:
            searcher = self._searcher(library)
            article = library.load(article_id)
            result = searcher.search_similar(article, SearchRequest(limit=SIMILAR_LIMIT),
                                             searcher.copies_of(article_id))
            return [StoryArticle(h.id, h.title, h.source, h.published, h.score) for h in result.hits]

        Op(self._runner, work, success=lambda found: self._answer(library, done, article_id, found),
           failure=failed, lane="read").run_in_background()

    def split(self, first: str, second: str, done: Callable[[bool], Any],
              failed: Callable[[Failure], Any]) -> None:
        """Say `second` is not a copy of `first` (write lane); `done(they_were_together)`."""
        library = self._library()
        if library is None or library.read_only:
            return
        Op(self._runner, lambda _p, _c: mark_not_duplicate(library, first, second), success=done,
           failure=failed, lane="write").run_in_background()

    def _answer(self, library: Library, done: Callable[[str, list[StoryArticle]], Any], article_id: str,
                found: list[StoryArticle]) -> None:
        if library is self._library():
            done(article_id, found)


def _lines(library: Library, ids: tuple[str, ...]) -> list[StoryArticle]:
    out: list[StoryArticle] = []
    for article_id in ids:
        try:
            article = library.load(article_id)
        except (ArticleNotFound, LibraryError):
            continue  # gone since the index was read
        out.append(StoryArticle(article.id, article.title, article.source, article.published))
    return out
