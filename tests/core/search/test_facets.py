"""Facet filters and counts: exact values on the fixture, and a property test against brute force."""

from __future__ import annotations

from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.core.model import Article
from newsarchive.core.search.request import FacetCount, SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from tests.core.search.fixture_library import ARTICLES, BY_ID


def as_dict(counts: tuple[FacetCount, ...]) -> dict[str, int]:
    return {c.value: c.count for c in counts}


def test_match_all_counts_every_level_of_the_section_tree(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest())
    assert result.facets["section"] == (
        FacetCount("News", 6),
        FacetCount("News > Latin America", 3),
        FacetCount("News > Latin America > Venezuela", 2),
        FacetCount("News > Russia", 2),
        FacetCount("News > Africa", 1),
        FacetCount("Opinion", 1),
        FacetCount("Sport", 1),
        FacetCount("Sport > Football", 1),
    )
    assert result.facets["person"] == (
        FacetCount("Vladimir Putin", 3),
        FacetCount("Dmitry Peskov", 2),
        FacetCount("Gustavo Petro", 2),
        FacetCount("Nicolás Maduro", 2),
        FacetCount("Lionel Messi", 1),
    )
    assert result.facets["year"] == (
        FacetCount("2019", 1), FacetCount("2020", 1), FacetCount("2021", 2), FacetCount("2022", 3),
    )
    assert as_dict(result.facets["month"]) == {
        "2019-07": 1, "2020-01": 1, "2021-05": 1, "2021-06": 1, "2022-09": 3,
    }


def test_a_facet_is_counted_without_its_own_selection(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(people=("Vladimir Putin",)))
    assert {h.id for h in result.hits} == {"a1", "a2", "a5"}
    # People: every article (the person selection is ignored), so a second one can be added.
    assert as_dict(result.facets["person"]) == {
        "Vladimir Putin": 3, "Dmitry Peskov": 2, "Gustavo Petro": 2, "Nicolás Maduro": 2,
        "Lionel Messi": 1,
    }
    assert as_dict(result.facets["section"]) == {"News": 2, "News > Russia": 2, "Opinion": 1}
    assert as_dict(result.facets["year"]) == {"2022": 2}


def test_values_within_a_facet_or_and_facets_and(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(
        people=("Gustavo Petro", "Lionel Messi"), sections=("News > Latin America",)))
    assert {h.id for h in result.hits} == {"a4", "a8"}
    assert as_dict(result.facets["person"]) == {"Nicolás Maduro": 2, "Gustavo Petro": 2}
    assert as_dict(result.facets["section"]) == {
        "News": 2, "News > Latin America": 2, "News > Latin America > Venezuela": 1,
        "Sport": 1, "Sport > Football": 1,
    }


def test_excluded_values_are_removed_everywhere(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(exclude_people=("vladimir putin",),
                                           exclude_sections=("News/Latin America",)))
    assert {h.id for h in result.hits} == {"a6", "a7"}
    assert as_dict(result.facets["person"]) == {"Lionel Messi": 1}


def test_the_date_facets_ignore_the_date_range(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31)))
    assert {h.id for h in result.hits} == {"a1", "a2", "a8"}
    assert as_dict(result.facets["year"]) == {"2019": 1, "2020": 1, "2021": 2, "2022": 3}
    assert as_dict(result.facets["section"]) == {
        "News": 3, "News > Russia": 2, "News > Latin America": 1,
        "News > Latin America > Venezuela": 1,
    }


def test_facets_count_the_query_result(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(query="negotiate"))
    assert as_dict(result.facets["person"]) == {
        "Dmitry Peskov": 2, "Vladimir Putin": 2, "Gustavo Petro": 1,
    }
    assert as_dict(result.facets["year"]) == {"2021": 1, "2022": 1}


def test_unknown_facet_values_select_nothing(searcher: ArchiveSearcher) -> None:
    assert searcher.search(SearchRequest(people=("Nobody Known",))).total == 0
    assert searcher.search(SearchRequest(exclude_people=("Nobody Known",))).total == 8


# -- property: facet counts equal a brute-force count over the records --------------------------

SECTIONS = sorted({" > ".join(a.section_path[:i + 1]) for a in ARTICLES
                   for i in range(len(a.section_path))})
PEOPLE = sorted({p for a in ARTICLES for p in a.people})
QUERIES = {"": set(BY_ID), "negotiate": {"a1", "a4", "a5"}, "putin OR maduro": {"a1", "a2", "a3", "a5", "a8"}}
DAYS = st.one_of(st.none(), st.dates(min_value=date(2019, 1, 1), max_value=date(2023, 1, 1)))


def _levels(article: Article) -> set[str]:
    return {" > ".join(article.section_path[:i + 1]) for i in range(len(article.section_path))}


def _keeps(article: Article, request: SearchRequest, skip: str | None) -> bool:
    levels = _levels(article)
    people = {p.casefold() for p in article.people}
    if skip != "section" and request.sections and not levels & set(request.sections):
        return False
    if levels & set(request.exclude_sections):
        return False
    if skip != "person" and request.people and not people & {p.casefold() for p in request.people}:
        return False
    if people & {p.casefold() for p in request.exclude_people}:
        return False
    if skip != "date" and (request.date_from or request.date_to):
        day = article.published
        if day is None or (request.date_from and day < request.date_from) or (
                request.date_to and day > request.date_to):
            return False
    return True


def brute_force(request: SearchRequest) -> tuple[set[str], dict[str, Counter[str]]]:
    base = [BY_ID[i] for i in QUERIES[request.query]]
    hits = {a.id for a in base if _keeps(a, request, None)}
    counts: dict[str, Counter[str]] = {"section": Counter(), "person": Counter(),
                                       "year": Counter(), "month": Counter()}
    for article in base:
        if _keeps(article, request, "section"):
            counts["section"].update(_levels(article))
        if _keeps(article, request, "person"):
            counts["person"].update(article.people)
        if _keeps(article, request, "date") and article.published:
            counts["year"][f"{article.published:%Y}"] += 1
            counts["month"][f"{article.published:%Y-%m}"] += 1
    return hits, counts


@settings(max_examples=150, deadline=None)
@given(
    query=st.sampled_from(sorted(QUERIES)),
    sections=st.lists(st.sampled_from(SECTIONS), max_size=2, unique=True),
    exclude_sections=st.lists(st.sampled_from(SECTIONS), max_size=1),
    people=st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True),
    exclude_people=st.lists(st.sampled_from(PEOPLE), max_size=1),
    start=DAYS,
    end=DAYS,
)
def test_facet_counts_equal_a_brute_force_count(
    searcher: ArchiveSearcher, query: str, sections: list[str], exclude_sections: list[str],
    people: list[str], exclude_people: list[str], start: date | None, end: date | None,
) -> None:
    request = SearchRequest(query=query, sections=tuple(sections),
                            exclude_sections=tuple(exclude_sections), people=tuple(people),
                            exclude_people=tuple(exclude_people), date_from=start, date_to=end,
                            limit=100)
    result = searcher.search(request)
    hits, counts = brute_force(request)
    assert {h.id for h in result.hits} == hits
    assert result.total == len(hits)
    for name, expected in counts.items():
        assert as_dict(result.facets[name]) == dict(expected), name
