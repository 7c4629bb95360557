"""The search session: newest request wins, stale answers are dropped, query errors are reported."""

from __future__ import annotations

import threading
from pathlib import Path

from newsarchive.core.errors import QueryError
from newsarchive.core.search.request import Hit, SearchRequest, SearchResult
from newsarchive.gui.search_session import SearchSession
from newsarchive.gui.tasks import TaskRunner


class SlowSearcher:
    """Answers after the test releases it, so the test decides the order things finish in."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.asked: list[str] = []
        self.closed = False

    def search(self, request: SearchRequest) -> SearchResult:
        self.asked.append(request.query)
        if request.query == "slow":
            assert self.gate.wait(5)
        if request.query.startswith('"'):
            raise QueryError("A phrase is missing its closing quote.", position=0)
        hits = tuple(
            Hit(f"{request.query}-{n}", f"{request.query} {n}", (), None, (), "", 1.0)
            for n in range(request.offset, min(request.offset + request.limit, 50))
        )
        return SearchResult(request, 50, 1.0, hits)

    def refresh(self) -> None: ...

    def close(self) -> None:
        self.closed = True


def test_only_the_newest_request_is_shown(qtbot, runner: TaskRunner) -> None:
    searcher = SlowSearcher()
    session = SearchSession(runner, lambda _path: searcher)
    session.open(Path("/index"))
    shown: list[str] = []
    session.result_ready.connect(lambda result, _gen: shown.append(result.request.query))
    session.search(SearchRequest(query="slow"))
    for query in ("a", "ab", "abc"):
        session.search(SearchRequest(query=query))
    searcher.gate.set()
    qtbot.waitUntil(lambda: shown == ["abc"], timeout=5000)
    qtbot.waitUntil(lambda: not session.busy, timeout=5000)
    # The requests typed while "slow" ran were replaced by the newest: only it was searched.
    assert searcher.asked == ["slow", "abc"]
    assert shown == ["abc"]
    session.close()
    qtbot.waitUntil(lambda: searcher.closed, timeout=5000)


def test_a_query_error_is_reported_with_its_position(qtbot, runner: TaskRunner) -> None:
    session = SearchSession(runner, lambda _path: SlowSearcher())
    session.open(Path("/index"))
    errors: list[tuple[str, object]] = []
    session.query_failed.connect(lambda message, position: errors.append((message, position)))
    session.search(SearchRequest(query='"open'))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == [("A phrase is missing its closing quote.", 0)]


def test_pages_of_a_superseded_search_are_dropped(qtbot, runner: TaskRunner) -> None:
    session = SearchSession(runner, lambda _path: SlowSearcher())
    session.open(Path("/index"))
    pages: list[tuple[int, int, int]] = []
    failed: list[int] = []
    session.page_ready.connect(lambda gen, offset, hits: pages.append((gen, offset, len(hits))))
    session.page_failed.connect(lambda gen, _offset: failed.append(gen))
    first = session.search(SearchRequest(query="x", limit=20))
    session.fetch_page(first, 20, 20)
    qtbot.waitUntil(lambda: bool(pages), timeout=5000)
    assert pages == [(first, 20, 20)]
    second = session.search(SearchRequest(query="y"))
    session.fetch_page(first, 40, 20)  # the view of the old search asks late
    assert failed == [first]
    assert second == first + 1
