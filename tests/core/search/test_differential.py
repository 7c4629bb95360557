"""Generated queries over generated libraries, each answered by the search and by a brute-force
oracle (`oracle.py`) reading the records: the hit sets must be equal, or both must say the query
has nothing to search for.

Libraries are English, Spanish and Portuguese (and a few articles of other languages, analysed as
English) with inflected, accented and unaccented words, stop words and words that are stop words
in one language only; queries combine words, phrases, proximity, prefixes, fields, sections,
languages, ids and dates with AND, OR, NOT, `-`, `+` and parentheses, typed with and without
accents. `make test` checks 30 libraries x 25 queries; the long run (`pytest -m slow
tests/core/search`) 300 x 40. The number checked is printed at the end of the run.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.core.errors import QueryError
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from tests.core.search import differential_counts
from tests.core.search.fixture_library import make_library
from tests.core.search.generated import libraries, queries, rendered
from tests.core.search.oracle import Oracle

_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow,
                                                          HealthCheck.data_too_large]}


def _check_library(data: st.DataObject, count: int) -> None:
    articles = data.draw(libraries(), label="library")
    oracle = Oracle(articles)
    with tempfile.TemporaryDirectory() as folder:
        library = make_library(Path(folder) / "library", articles)
        with ArchiveSearcher(library.index_dir) as searcher:
            for _ in range(count):
                tree = data.draw(queries(articles), label="tree")
                text = data.draw(rendered(tree), label="query")
                _compare(searcher, oracle, tree, text)
    differential_counts["libraries"] += 1


def _compare(searcher: ArchiveSearcher, oracle: Oracle, tree: object, text: str) -> None:
    differential_counts["queries"] += 1
    if oracle.nothing_to_search(tree):  # type: ignore[arg-type]
        with pytest.raises(QueryError, match="Nothing to search for"):
            searcher.search(SearchRequest(query=text, limit=0))
        differential_counts["nothing"] += 1
        return
    result = searcher.search(SearchRequest(query=text, limit=1000))
    found = {hit.id for hit in result.hits}
    expected = oracle.matches(tree)  # type: ignore[arg-type]
    assert found == expected, (text, tree)
    assert result.total == len(expected)
    differential_counts["hits"] += len(expected)


@settings(max_examples=30, **_SETTINGS)
@given(st.data())
def test_generated_queries_find_what_the_oracle_finds(data: st.DataObject) -> None:
    _check_library(data, 25)


@pytest.mark.slow
@settings(max_examples=300, **_SETTINGS)
@given(st.data())
def test_generated_queries_find_what_the_oracle_finds_at_length(data: st.DataObject) -> None:
    _check_library(data, 40)
