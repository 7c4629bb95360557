"""The reproductions of "Search you can trust" (issue 11), on a library made from `sample_archive/`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.core.errors import QueryError
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library

SAMPLE = Path(__file__).parents[3] / "sample_archive"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    library = Library.create(tmp_path_factory.mktemp("demo") / "library")
    import_paths(library, [SAMPLE])
    with ArchiveSearcher(library.index_dir) as searcher:
        yield searcher


def ids(searcher: ArchiveSearcher, query: str) -> set[str]:
    result = searcher.search(SearchRequest(query=query, limit=500))
    assert result.total == len(result.hits)
    return {hit.id for hit in result.hits}


@pytest.mark.parametrize(("typed", "meant"), [
    # 1. A stop word in an AND query is left out, fielded or not.
    ("the war", "war"),
    ("drought and grain", "drought AND grain"),
    ("body:the drought", "drought"),
    ("drought of the grain", "drought grain"),
    ("war OR the", "war"),
    # 2. A sign keeps its field, range or phrase.
    ("drought -section:News", "drought NOT section:News"),
    ("drought +section:News", "drought section:News"),
    ("drought -date:>2022-06-01", "drought NOT date:>2022-06-01"),
    ('grain -"grain exports"', 'grain NOT "grain exports"'),
    # 3. Proximity before a closing bracket.
    ('(wheat OR "grain exports"~3)', 'wheat OR "grain exports"~3'),
    # 5. Accents folded where the stemmer strips them.
    ("vacunacion", "vacunación"),
    ("exportacion", "exportación"),
    ("informacao", "informação"),
    ("mineria", "minería"),
    # id: is case-insensitive; AND binds tighter than juxtaposition's OR.
    ("drought grain OR wheat", "(drought grain) OR wheat"),
    ("wheat OR drought grain", "wheat OR (drought grain)"),
])
def test_query_finds_what_it_means(demo: ArchiveSearcher, typed: str, meant: str) -> None:
    expected = ids(demo, meant)
    assert expected, meant
    assert ids(demo, typed) == expected


def test_the_issues_counts(demo: ArchiveSearcher) -> None:
    assert len(ids(demo, "drought AND grain")) == 3
    assert len(ids(demo, "war")) == 2
    assert ids(demo, "drought -section:News") != ids(demo, "drought")
    assert ids(demo, "drought +section:News") < ids(demo, "drought")


def test_a_minus_before_a_person_leaves_the_person_out(demo: ArchiveSearcher) -> None:
    person = demo.search(SearchRequest(limit=0)).facets["person"][0].value
    theirs = ids(demo, f'person:"{person}"')
    assert theirs
    assert ids(demo, f'-person:"{person}"') == ids(demo, "") - theirs


@pytest.mark.parametrize(("prefix", "word"), [
    ("negotia*", "negotiation"), ("negotiat*", "negotiation"), ("negotiati*", "negotiation"),
    ("governmen*", "government"), ("governm*", "government"), ("vacunaci*", "vacunación"),
    ("exportaci*", "exportación"), ("informaca*", "informação"),
])
def test_a_prefix_finds_every_word_beginning_so(demo: ArchiveSearcher, prefix: str, word: str
                                                ) -> None:
    found = ids(demo, word)
    assert found
    assert found <= ids(demo, prefix)


def test_the_prefix_of_a_name_finds_it(demo: ArchiveSearcher) -> None:
    person = demo.search(SearchRequest(limit=0)).facets["person"][0].value
    last = person.split()[-1]
    assert ids(demo, f"person:{last}") <= ids(demo, f"person:{last[:-1]}*")
    assert ids(demo, f"person:{last}") <= ids(demo, f"{last[:-1].lower()}*")


@pytest.mark.parametrize("query", ["(" * 250 + "war" + ")" * 250, "NOT (" * 300 + "war" + ")" * 300])
def test_deep_nesting_is_refused_with_a_reason(demo: ArchiveSearcher, query: str) -> None:
    with pytest.raises(QueryError, match="nests groups more than 64 deep"):
        demo.search(SearchRequest(query=query))


def test_a_thousand_nots_are_read_without_recursion(demo: ArchiveSearcher) -> None:
    assert ids(demo, "NOT " * 1000 + "war") == ids(demo, "war")
    assert ids(demo, "NOT " * 1001 + "war") == ids(demo, "") - ids(demo, "war")
    assert ids(demo, "(" * 64 + "war" + ")" * 64) == ids(demo, "war")


@pytest.mark.parametrize(("query", "reason"), [
    ("the", 'Nothing to search for: "the" is left out'),
    ("the and of", "Nothing to search for"),
    ("title:the", "Nothing to search for"),
    ('"of the"', "Nothing to search for"),
    ('"grain exp*"', "holds a wildcard"),
    ('"gr?in exports"', "holds a wildcard"),
    ("a~", "needs at least 3 letters"),
    ("a*", "matches too much"),
    ("section:new*", "matches whole values"),
])
def test_a_query_that_can_only_find_nothing_says_why(demo: ArchiveSearcher, query: str,
                                                     reason: str) -> None:
    with pytest.raises(QueryError, match=reason):
        demo.search(SearchRequest(query=query))


def test_id_is_case_insensitive(demo: ArchiveSearcher) -> None:
    some = demo.search(SearchRequest(limit=1)).hits[0].id
    assert ids(demo, f"id:{some.upper()}") == {some} == ids(demo, f"id:{some}")


@pytest.mark.parametrize("query", ["palm groves", "war", "wheet", "drougt", "grain exprts",
                                   "vacunasion", "negotiatons"])
def test_did_you_mean_offers_only_queries_that_find_more(demo: ArchiveSearcher, query: str
                                                         ) -> None:
    result = demo.search(SearchRequest(query=query))
    if result.suggestion is not None:
        assert demo.search(SearchRequest(query=result.suggestion)).total > result.total
        assert "was" not in result.suggestion.split()


def test_did_you_mean_still_corrects_a_typo(demo: ArchiveSearcher) -> None:
    result = demo.search(SearchRequest(query="drougt"))
    assert result.total == 0 and result.suggestion == "drought"
    assert demo.search(SearchRequest(query="palm groves")).suggestion != "palm growes"
    assert demo.search(SearchRequest(query="war")).suggestion is None
