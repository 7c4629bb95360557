"""Running searches for the window: off the GUI thread, newest request wins, pages on demand.

Every request gets a generation number. One search runs at a time on the search lane (a Whoosh
searcher is not shared between threads); a request made while one runs waits, and only the newest
waiting request survives. A result whose generation is not the newest is dropped, so typing fast
never shows the results of an older query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from newsarchive.core.errors import QueryError
from newsarchive.core.search.request import Hit, SearchRequest, SearchResult
from newsarchive.gui.qt import QObject, Signal
from newsarchive.gui.tasks import Failure, Op, TaskRunner


class Searcher(Protocol):
    """What the session needs of `core.search.searcher.ArchiveSearcher`."""

    def search(self, request: SearchRequest) -> SearchResult: ...

    def refresh(self) -> None: ...

    def close(self) -> None: ...


SearcherFactory = Callable[[Path], Searcher]


def open_archive_searcher(index_dir: Path) -> Searcher:
    from newsarchive.core.search.searcher import ArchiveSearcher

    return ArchiveSearcher(index_dir)


class SearchSession(QObject):
    """Owns the searcher of the open library; all its calls run on the runner's search lane."""

    result_ready = Signal(object, int)  # SearchResult, generation
    query_failed = Signal(str, object)  # message, position (int or None)
    search_failed = Signal(object)  # Failure: the index cannot be searched
    page_ready = Signal(int, int, object)  # generation, offset, tuple[Hit, ...]
    page_failed = Signal(int)  # generation
    busy_changed = Signal(bool)

    def __init__(
        self,
        runner: TaskRunner,
        factory: SearcherFactory = open_archive_searcher,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._factory = factory
        # (index folder, searcher): touched only on the search lane.
        self._held: tuple[Path, Searcher] | None = None
        self._index_dir: Path | None = None
        self._generation = 0
        self._running = False
        self._waiting: tuple[SearchRequest, int, bool] | None = None
        self._request = SearchRequest()

    @property
    def request(self) -> SearchRequest:
        """The newest request asked for (what the window shows, or is about to)."""
        return self._request

    @property
    def factory(self) -> SearcherFactory:
        """How searchers are opened (export and previews open their own, on other threads)."""
        return self._factory

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._running

    def open(self, index_dir: Path | None) -> None:
        """Search this index from now on (None: no library); pending answers become stale."""
        self._index_dir = index_dir
        self._generation += 1

    def close(self) -> None:
        """Close the searcher (on the search lane, after whatever it is doing)."""
        self.open(None)

        def work(_progress: object, _cancel: object) -> None:
            if self._held is not None:
                self._held[1].close()
                self._held = None

        Op(self._runner, work, success=_ignore, failure=_ignore, lane="search").run_in_background()

    def search(self, request: SearchRequest, *, refresh: bool = False) -> int:
        """Ask for `request`; returns its generation. `refresh` re-opens the index first."""
        self._generation += 1
        self._request = replace(request, offset=0)
        refresh = refresh or bool(self._waiting and self._waiting[2])
        self._waiting = (self._request, self._generation, refresh)
        if not self._running:
            self._start_next()
        return self._generation

    def fetch_page(self, generation: int, offset: int, limit: int) -> None:
        """Load `limit` more hits of the search `generation` from `offset` (for the results model)."""
        if generation != self._generation:
            self.page_failed.emit(generation)
            return
        request = replace(self._request, offset=offset, limit=limit)
        index_dir = self._index_dir

        def work(_progress: object, _cancel: object) -> tuple[Hit, ...]:
            return self._searcher_for(index_dir).search(request).hits

        Op(
            self._runner,
            work,
            success=lambda hits: self.page_ready.emit(generation, offset, hits),
            failure=lambda _failure: self.page_failed.emit(generation),
            lane="search",
        ).run_in_background()

    # -- internals ---------------------------------------------------------------------------

    def _searcher_for(self, index_dir: Path | None) -> Searcher:
        # Runs on the search lane only, so one thread opens, uses and closes the searcher.
        if index_dir is None:
            raise RuntimeError("no library is open")
        if self._held is None or self._held[0] != index_dir:
            if self._held is not None:
                self._held[1].close()
                self._held = None
            self._held = (index_dir, self._factory(index_dir))
        return self._held[1]

    def _start_next(self) -> None:
        if self._waiting is None:
            return
        request, generation, refresh = self._waiting
        self._waiting = None
        self._running = True
        self.busy_changed.emit(True)
        index_dir = self._index_dir

        def work(_progress: object, _cancel: object) -> SearchResult:
            searcher = self._searcher_for(index_dir)
            if refresh:
                # Cheap when nothing changed; re-reads only new segments (or a rebuilt index).
                searcher.refresh()
            return searcher.search(request)

        Op(
            self._runner,
            work,
            success=lambda result: self._done(generation, result, None),
            failure=lambda failure: self._done(generation, None, failure),
            lane="search",
        ).run_in_background()

    def _done(self, generation: int, result: SearchResult | None, failure: Failure | None) -> None:
        self._running = False
        if self._waiting is not None:
            self._start_next()  # a newer request is waiting: this answer is already stale
            return
        self.busy_changed.emit(False)
        if generation != self._generation:
            return
        if result is not None:
            self.result_ready.emit(result, generation)
        elif failure is not None and isinstance(failure.error, QueryError):
            self.query_failed.emit(failure.message, failure.error.position)
        elif failure is not None:
            self.search_failed.emit(failure)


def _ignore(_value: object) -> None:
    """Closing an old searcher needs no answer."""
