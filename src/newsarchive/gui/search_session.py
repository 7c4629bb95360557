"""Running searches for the window: off the GUI thread, newest request wins, pages on demand.

Every request gets a generation number. One search runs at a time on the search lane (a Whoosh
searcher is not shared between threads); a request made while one runs waits, and only the newest
waiting request survives. A result whose generation is not the newest is dropped, so typing fast
never shows the results of an older query.

The session also notices changes made by anyone else (the command line importing into the open
library, another window's edit): `check_for_changes()` asks the searcher whether the index moved
on (cheap when it did not) and `changed_elsewhere` says so, so the window can search again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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

    def iter_ids(self, request: SearchRequest) -> Iterable[str]: ...

    def refresh(self) -> bool | None: ...

    def close(self) -> None: ...


SearcherFactory = Callable[[Path], Searcher]


def open_archive_searcher(index_dir: Path) -> Searcher:
    """A searcher that knows the library's collections and "not a duplicate" pairs (the user's
    layer lives in the library folder, beside `index/`: see `Library.index_dir`)."""
    from newsarchive.core.search.searcher import ArchiveSearcher
    from newsarchive.core.storage.collections import Collections
    from newsarchive.core.storage.duplicate_splits import DuplicateSplits

    library_path = index_dir.parent
    return ArchiveSearcher(index_dir, Collections(library_path), DuplicateSplits(library_path))


class SearchSession(QObject):
    """Owns the searcher of the open library; all its calls run on the runner's search lane."""

    result_ready = Signal(object, int)  # SearchResult, generation
    query_failed = Signal(str, object)  # message, position (int or None)
    search_failed = Signal(object)  # Failure: the index cannot be searched
    page_ready = Signal(int, int, object)  # generation, offset, tuple[Hit, ...]
    page_failed = Signal(int, int)  # generation, offset
    busy_changed = Signal(bool)
    changed_elsewhere = Signal()  # the index moved on since the last search

    def __init__(
        self,
        runner: TaskRunner,
        factory: SearcherFactory = open_archive_searcher,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._factory = factory
        # (index folder, opening number, searcher): touched only on the search lane.
        self._held: tuple[Path, int, Searcher] | None = None
        self._index_dir: Path | None = None
        # Counts `open()` calls: opening the same library again gets a fresh searcher.
        self._opening = 0
        self._generation = 0
        self._running = False
        self._checking = False
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
        """Search this index from now on (None: no library); pending answers become stale.

        The searcher is opened anew even for the folder already open: opening a library again
        (Open recent) must show it as it is now, whatever an earlier searcher had cached.
        """
        self._index_dir = index_dir
        self._opening += 1
        self._generation += 1
        self._request = SearchRequest(sort=self._request.sort)

    def close(self) -> None:
        """Close the searcher (on the search lane, after whatever it is doing)."""
        self.open(None)

        def work(_progress: object, _cancel: object) -> None:
            if self._held is not None:
                self._held[2].close()
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
            self.page_failed.emit(generation, offset)
            return
        request = replace(self._request, offset=offset, limit=limit)
        index_dir, opening = self._index_dir, self._opening

        def work(_progress: object, _cancel: object) -> tuple[Hit, ...]:
            return self._searcher_for(index_dir, opening).search(request).hits

        Op(
            self._runner,
            work,
            success=lambda hits: self.page_ready.emit(generation, offset, hits),
            failure=lambda _failure: self.page_failed.emit(generation, offset),
            lane="search",
        ).run_in_background()

    def fetch_all(
        self, generation: int, total: int, done: Callable[[tuple[Hit, ...] | None], None]
    ) -> None:
        """Every hit of search `generation` in one answer (for sorting a column here); `done`
        gets None when that search is no longer the newest or the query failed."""
        request = replace(self._request, offset=0, limit=max(total, 1))
        index_dir, opening = self._index_dir, self._opening

        def work(_progress: object, _cancel: object) -> tuple[Hit, ...]:
            return self._searcher_for(index_dir, opening).search(request).hits

        def answered(hits: tuple[Hit, ...] | None) -> None:
            done(hits if generation == self._generation else None)

        Op(self._runner, work, success=answered, failure=lambda _f: answered(None),
           lane="search").run_in_background()

    def ids_at(
        self, generation: int, rows: Sequence[int], done: Callable[[list[str] | None], None]
    ) -> None:
        """The article ids of `rows` of search `generation` in the core's order (rows not loaded
        in the table included), or None when that search is stale."""
        request = self._request
        index_dir, opening = self._index_dir, self._opening
        wanted = sorted(set(rows))

        def work(_progress: object, _cancel: object) -> list[str]:
            out: list[str] = []
            needed = iter(wanted)
            target = next(needed, None)
            ids = self._searcher_for(index_dir, opening).iter_ids(request)
            for position, article_id in enumerate(ids):
                if target is None:
                    break
                if target == position:
                    out.append(article_id)
                    target = next(needed, None)
            return out

        def answered(ids: list[str] | None) -> None:
            done(ids if generation == self._generation else None)

        Op(self._runner, work, success=answered, failure=lambda _f: answered(None),
           lane="search").run_in_background()

    def check_for_changes(self) -> None:
        """Ask (on the search lane) whether the index changed; `changed_elsewhere` when it did.

        Skipped while a search runs or waits: that search refreshes nothing itself, but the next
        check comes soon enough.
        """
        if self._index_dir is None or self._checking or self._running or self._waiting:
            return
        self._checking = True
        index_dir, opening = self._index_dir, self._opening

        def work(_progress: object, _cancel: object) -> bool:
            return bool(self._searcher_for(index_dir, opening).refresh())

        def answered(changed: bool) -> None:
            self._checking = False
            if changed and index_dir == self._index_dir:
                self.changed_elsewhere.emit()

        def failed(_failure: Failure) -> None:
            # An index being rebuilt or swapped may not open for a moment: the next check will.
            self._checking = False

        Op(self._runner, work, success=answered, failure=failed, lane="search").run_in_background()

    # -- internals ---------------------------------------------------------------------------

    def _searcher_for(self, index_dir: Path | None, opening: int) -> Searcher:
        # Runs on the search lane only, so one thread opens, uses and closes the searcher.
        if index_dir is None:
            raise RuntimeError("no library is open")
        if self._held is None or self._held[:2] != (index_dir, opening):
            if self._held is not None:
                self._held[2].close()
                self._held = None
            self._held = (index_dir, opening, self._factory(index_dir))
        return self._held[2]

    def _start_next(self) -> None:
        if self._waiting is None:
            return
        request, generation, refresh = self._waiting
        self._waiting = None
        self._running = True
        self.busy_changed.emit(True)
        index_dir, opening = self._index_dir, self._opening

        def work(_progress: object, _cancel: object) -> SearchResult:
            searcher = self._searcher_for(index_dir, opening)
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
