"""Issue 12.5: every column that shows an arrow sorts the rows that way (checked against Python's
own sort of the fixture records); one that cannot sort shows no arrow and says why."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsarchive.core.model import Article
from newsarchive.core.storage.library import Library
from newsarchive.gui import results_pane
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import QPoint, Qt
from newsarchive.gui.results_model import ResultsModel
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES

M = ResultsModel


def _core_order() -> list[Article]:
    dated = sorted((a for a in ARTICLES if a.published), key=lambda a: a.published, reverse=True)
    return dated + [a for a in ARTICLES if not a.published]


def _expected(key: Callable[[Article], object], descending: bool) -> list[str]:
    """The oracle: a stable sort of the core's order, empty values last either way."""
    order = _core_order()
    filled = [a for a in order if key(a) not in ("", (), None)]
    empty = [a for a in order if key(a) in ("", (), None)]
    return [a.id for a in sorted(filled, key=key, reverse=descending) + empty]  # type: ignore[arg-type]


KEYS: dict[int, Callable[[Article], object]] = {
    M.TITLE: lambda a: a.title.casefold(),
    M.SECTION: lambda a: tuple(p.casefold() for p in a.section_path),
    M.SOURCE: lambda a: (a.source or "").casefold(),
    M.PEOPLE: lambda a: tuple(p.casefold() for p in a.people),
    M.AUTHOR: lambda a: (a.author or "").casefold(),
    M.LANGUAGE: lambda a: a.language.casefold(),
    M.IMPORTED: lambda a: a.imported_at,
}


def _ids(window: MainWindow) -> list[str]:
    return [window.results.index(r, 0).data(M.IdRole) for r in range(window.results.rowCount())]


def _click_header(qtbot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _arrow(window: MainWindow) -> tuple[int, Qt.SortOrder] | None:
    header = window.table.horizontalHeader()
    if not header.isSortIndicatorShown():
        return None
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


@pytest.fixture
def sorted_window(qtbot, window: MainWindow, library: Library) -> MainWindow:
    window.resize(2200, 900)  # every column shown, each wide enough to click
    for column in range(M.SNIPPET + 1):
        window.table.set_column_shown(column, True)
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    return window


@pytest.mark.parametrize("column", sorted(KEYS), ids=lambda c: M.HEADERS[c])
def test_each_column_sorts_both_ways(qtbot, sorted_window: MainWindow, column: int) -> None:
    window = sorted_window
    for descending in (False, True):
        _click_header(qtbot, window, column)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        qtbot.waitUntil(lambda o=order: window.results.local_sort == (column, o), timeout=10_000)
        assert _ids(window) == _expected(KEYS[column], descending)
        assert _arrow(window) == (column, order)
    # The reader still shows a row of the table, and a new search is in the core's order again.
    assert window.reader.article is not None
    window.search_bar.set_query("talks")
    result = wait_for_result(qtbot, window)
    assert window.results.local_sort is None
    assert _ids(window) == [h.id for h in result.hits]


def test_the_date_column_asks_the_core(qtbot, sorted_window: MainWindow) -> None:
    window = sorted_window
    assert _arrow(window) == (M.DATE, Qt.SortOrder.DescendingOrder)  # an empty query: newest first
    _click_header(qtbot, window, M.DATE)
    result = wait_for_result(qtbot, window)
    assert result.request.sort == "oldest"
    oldest = sorted((a for a in ARTICLES if a.published), key=lambda a: a.published)
    assert _ids(window) == [a.id for a in oldest] + [a.id for a in ARTICLES if not a.published]
    assert _arrow(window) == (M.DATE, Qt.SortOrder.AscendingOrder)
    # From a column sorted here, the date header goes back to the core's order.
    _click_header(qtbot, window, M.TITLE)
    qtbot.waitUntil(lambda: window.results.local_sort is not None, timeout=10_000)
    _click_header(qtbot, window, M.DATE)
    result = wait_for_result(qtbot, window)
    assert window.results.local_sort is None and _arrow(window)[0] == M.DATE


def test_the_snippet_column_sorts_by_relevance_or_shows_no_arrow(qtbot, sorted_window: MainWindow) -> None:
    window = sorted_window
    before = (_ids(window), _arrow(window))
    _click_header(qtbot, window, M.SNIPPET)
    # No query, no relevance: nothing moves, not even the arrow, and the status bar says why.
    assert (_ids(window), _arrow(window)) == before
    assert "Relevance needs a query" in window.statusBar().currentMessage()
    window.search_bar.set_query("talks")
    wait_for_result(qtbot, window)
    _click_header(qtbot, window, M.DATE)
    assert wait_for_result(qtbot, window).request.sort == "newest"
    _click_header(qtbot, window, M.SNIPPET)
    result = wait_for_result(qtbot, window)
    assert result.request.sort == "relevance"
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert _arrow(window) == (M.SNIPPET, Qt.SortOrder.DescendingOrder)


def test_too_many_results_to_sort_here_leave_the_order_and_the_arrow(
    qtbot, sorted_window: MainWindow, monkeypatch
) -> None:
    window = sorted_window
    monkeypatch.setattr(results_pane, "LOCAL_SORT_LIMIT", 5)
    before = (_ids(window), _arrow(window))
    _click_header(qtbot, window, M.TITLE)
    assert (_ids(window), _arrow(window)) == before
    assert "up to 5 results" in window.statusBar().currentMessage()
