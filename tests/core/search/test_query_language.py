"""Every form of the query language against the fixture library: exact sets of matching ids."""

from __future__ import annotations

import pytest

from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher


def ids(searcher: ArchiveSearcher, query: str) -> set[str]:
    result = searcher.search(SearchRequest(query=query, limit=100))
    assert result.total == len(result.hits)
    return {hit.id for hit in result.hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"}),
        ("   ", {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"}),
        # English stemming: negotiate ~ negotiating ~ negotiation.
        ("negotiate", {"a1", "a4", "a5"}),
        ("NEGOTIATIONS", {"a1", "a4", "a5"}),
        # Spanish articles are stemmed as Spanish.
        ("negociaciones", {"a3"}),
        ("negociación", {"a3"}),
        # Accents folded both ways.
        ("Nicolas", {"a3", "a8"}),
        ("Nicolás", {"a3", "a8"}),
        ("drought harvest", {"a6"}),
        ("drought AND harvest", {"a6"}),
        ("+drought +farmers", {"a6"}),
        ("strike OR drought", {"a4", "a6"}),
        ("(strike OR drought) AND farmers", {"a6"}),
        ("putin -peskov", {"a2"}),
        ("putin NOT peskov", {"a2"}),
        ("NOT putin", {"a3", "a4", "a6", "a7", "a8"}),
        ('"peace talks"', {"a1"}),
        ('"talks peace"', set()),
        ('"talks peace"~2', {"a1"}),
        # Stop words do not count as words between phrase words ("left the negotiating").
        ('"left negotiating"', {"a1"}),
        ('"left table"', set()),
        ('"left table"~1', {"a1"}),
        ("peace*", {"a1", "a5"}),
        ("negotia*", {"a1", "a4", "a5"}),
        ("negotiaton~", {"a1", "a4", "a5"}),
        ("drougth~2", {"a6"}),
        ("title:peace", {"a5"}),
        ("title:(strike OR drought)", {"a4", "a6"}),
        ("body:farmers", {"a6"}),
        ("lede:kremlin", {"a1"}),
        ("caption:kremlin", {"a1"}),
        ("credit:twitter", {"a1"}),
        ("tag:ukraine", {"a1"}),
        ("person:peskov", {"a1", "a5"}),
        ("person:PESKOV", {"a1", "a5"}),
        ('person:"Dmitry Peskov"', {"a1", "a5"}),
        ("person:Dmitry Peskov", {"a1", "a5"}),
        ('person:"Peskov Dmitry"', set()),
        ("person:nicolas", {"a3", "a8"}),
        ("section:News", {"a1", "a2", "a3", "a4", "a6", "a8"}),
        ("section:news", {"a1", "a2", "a3", "a4", "a6", "a8"}),
        ('section:"News > Latin America"', {"a3", "a4", "a8"}),
        ("section:News > Latin America", {"a3", "a4", "a8"}),
        ("section:News>Russia", {"a1", "a2"}),
        ('section:"News/Russia"', {"a1", "a2"}),
        ("section:Opinion", {"a5"}),
        ("language:es", {"a3"}),
        ("language:Spanish", {"a3"}),
        ("id:a6", {"a6"}),
        ("date:2022", {"a1", "a2", "a8"}),
        ("date:2022-09", {"a1", "a2", "a8"}),
        ("date:2022-09-23", {"a1"}),
        ("date:[2021-05-01 to 2021-06-30]", {"a3", "a4"}),
        ("date:[2021-05-01 TO 2021-06]", {"a3", "a4"}),
        ("date:[2022 to *]", {"a1", "a2", "a8"}),
        ("date:>2021-06-01", {"a1", "a2", "a4", "a8"}),
        ("date:>2021", {"a1", "a2", "a8"}),
        ("date:>=2022-09-23", {"a1", "a2"}),
        ("date:<2020", {"a7"}),
        ("date:<=2020", {"a6", "a7"}),
        ("putin date:2022", {"a1", "a2"}),
        ("section:News -section:Russia date:<2022", {"a3", "a4", "a6"}),
        ("zzzqqq", set()),
    ],
)
def test_query_matches_exactly(searcher: ArchiveSearcher, query: str, expected: set[str]) -> None:
    assert ids(searcher, query) == expected


def test_title_matches_rank_before_body_matches(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(query="peace"))
    assert [h.id for h in result.hits] == ["a5", "a1"]
    assert result.hits[0].score > result.hits[1].score > 0


def test_terms_are_the_words_as_typed_without_excluded_ones(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(query='Negotiations "peace talks" -war person:peskov'))
    assert result.terms == ("Negotiations", "peace talks", "peskov")
