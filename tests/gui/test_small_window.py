"""Issue 12.6: at 1024×700 titles stay readable (the reader yields), and at 1280×800 the reader sits
beside the results again."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.storage.library import Library
from newsarchive.core.storage.store import store_new
from newsarchive.gui.main_window import MainWindow
from newsarchive.gui.qt import QFontMetrics, Qt
from newsarchive.gui.results_model import ResultsModel
from newsarchive.gui.results_view import TITLE_MIN_WIDTH
from newsarchive.gui.window_layout import READER_MIN_WIDTH
from tests.gui.conftest import wait_for_result
from tests.gui.fixture_library import ARTICLES

LONG = ("Regional Governments Agree on a Common Plan for Water, Roads and Schools After "
        "Months of Talks Between Mayors")


@pytest.fixture
def long_titles(library: Library) -> Library:
    article = replace(ARTICLES[0], id="0000aaaa0000aaaa", title=LONG)
    store_new(library, article, LONG.encode(), {})
    with IndexWriter(library.index_dir) as writer:
        writer.add(article)
    return library


def _settle(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width, timeout=5000)
    qtbot.wait(50)


def test_at_1024_by_700_titles_keep_their_room(qtbot, window: MainWindow, long_titles: Library) -> None:
    window.open_library(long_titles.path)
    wait_for_result(qtbot, window)
    _settle(qtbot, window, 1024, 700)
    header = window.table.horizontalHeader()
    title_width = header.sectionSize(ResultsModel.TITLE)
    assert title_width >= TITLE_MIN_WIDTH, title_width
    # The reader went below the results rather than squeeze the titles, and is as wide as they are.
    assert window.layout_rule.stacked
    assert window.reader.width() >= READER_MIN_WIDTH
    # Half the long title and more fits, both its ends shown (elided in the middle).
    row = window.results.row_of("0000aaaa0000aaaa")
    assert row is not None
    metrics = QFontMetrics(window.table.font())
    assert metrics.horizontalAdvance(LONG) > title_width  # it needs eliding at all
    assert metrics.horizontalAdvance(LONG[: len(LONG) // 2]) < title_width
    index = window.results.index(row, ResultsModel.TITLE)
    option_mode = window.table.itemDelegateForColumn(ResultsModel.TITLE)
    assert option_mode is not None
    from newsarchive.gui.qt import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option_mode.initStyleOption(option, index)
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(f"<b>{LONG}</b>")


def test_at_1280_by_800_the_reader_is_beside_the_results(qtbot, window: MainWindow, library: Library) -> None:
    window.open_library(library.path)
    wait_for_result(qtbot, window)
    _settle(qtbot, window, 1024, 700)
    assert window.layout_rule.stacked
    _settle(qtbot, window, 1280, 800)
    assert not window.layout_rule.stacked
    assert window.table.horizontalHeader().sectionSize(ResultsModel.TITLE) >= TITLE_MIN_WIDTH
    assert window.reader.width() >= READER_MIN_WIDTH
    # Showing more columns makes the reader yield again, never the title.
    for column in (ResultsModel.PEOPLE, ResultsModel.AUTHOR):
        window.table.set_column_shown(column, True)
    qtbot.wait(50)
    assert window.table.horizontalHeader().sectionSize(ResultsModel.TITLE) >= TITLE_MIN_WIDTH
