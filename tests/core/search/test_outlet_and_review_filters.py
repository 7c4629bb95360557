"""The outlet facet (`--source`, `source:`) and the review filter (`--needs-review`), checked
against the records themselves."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsarchive.core.model import Article
from newsarchive.core.operations.editing import ArticleEdit, edit_articles
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library

SAMPLE = Path(__file__).parents[3] / "sample_archive"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library.create(tmp_path_factory.mktemp("outlets") / "lib")
    import_paths(library, [SAMPLE])
    return library


def records(library: Library) -> list[Article]:
    return [library.load(i) for i in library.ids()]


def found(library: Library, **request: object) -> set[str]:
    with ArchiveSearcher(library.index_dir) as searcher:
        return set(searcher.iter_ids(SearchRequest(**request)))  # type: ignore[arg-type]


def test_outlet_counts_and_filters_agree_with_the_records(library: Library) -> None:
    articles = records(library)
    expected = Counter(a.source for a in articles if a.source)
    assert len(expected) >= 3
    with ArchiveSearcher(library.index_dir) as searcher:
        counts = {f.value: f.count for f in searcher.search(SearchRequest()).facets["source"]}
    assert counts == dict(expected)
    for outlet in expected:
        with_it = {a.id for a in articles if a.source == outlet}
        assert found(library, sources=(outlet,)) == with_it
        assert found(library, sources=(outlet.upper(),)) == with_it  # compared like facets
        assert found(library, exclude_sources=(outlet,)) == {a.id for a in articles} - with_it
        assert found(library, query=f'source:"{outlet}"') == with_it
    two = list(expected)[:2]
    assert found(library, sources=tuple(two)) == {a.id for a in articles if a.source in two}


def test_needs_review_lists_exactly_the_records_with_reasons(library: Library) -> None:
    flagged = {a.id for a in records(library) if a.review}
    assert flagged and found(library, needs_review=True) == flagged
    edit_articles(library, sorted(flagged)[:1], ArticleEdit(reviewed=True))
    assert found(library, needs_review=True) == flagged - set(sorted(flagged)[:1])
