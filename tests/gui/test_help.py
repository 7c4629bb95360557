"""Help ▸ Query syntax: every example it gives is a query the real search accepts."""

from __future__ import annotations

import pytest

from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library
from newsarchive.gui.help_pages import QUERY_SYNTAX, QuerySyntaxDialog, query_syntax_html
from newsarchive.gui.qt import QTextBrowser


@pytest.mark.parametrize("query", [q for q, _ in QUERY_SYNTAX])
def test_every_example_is_a_valid_query(library: Library, query: str) -> None:
    with ArchiveSearcher(library.index_dir) as searcher:
        result = searcher.search(SearchRequest(query=query))
    assert result.total >= 0


def test_examples_find_what_they_say(library: Library) -> None:
    with ArchiveSearcher(library.index_dir) as searcher:
        def titles(query: str) -> set[str]:
            return {h.title for h in searcher.search(SearchRequest(query=query, limit=50)).hits}

        assert titles('person:"Dmitry Peskov"') == titles("person:peskov")
        assert titles('section:"News > Russia"') == {
            "Open to Talks With Ukraine, Russia Sees No Prospect Near Future",
            "Kremlin Announces Partial Mobilization of Reservists",
            "Referendums Held in Four Regions",
        }
        assert "Grain Deal Extended" in titles("date:2022-11")


def test_the_page_shows_every_example_as_text(qtbot) -> None:
    assert "&quot;partial mobilization&quot;" in query_syntax_html()
    dialog = QuerySyntaxDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser).toPlainText()
    for query, _ in QUERY_SYNTAX:
        assert query in text
