"""ArchiveSearcher: sorting, paging, hits, snippets, suggestions, iter_ids, refresh, errors."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsarchive.core.errors import LibraryError
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.search.snippets import (
    MARK_END,
    MARK_START,
    MarkTerms,
    highlight_spans,
    make_snippet,
)
from newsarchive.core.storage.library import Library
from tests.core.search.fixture_library import ARTICLES, BY_ID, make_library

NEWEST = ["a2", "a1", "a8", "a4", "a3", "a6", "a7", "a5"]


def test_empty_query_lists_everything_newest_first_undated_last(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(limit=100))
    assert result.total == 8
    assert [h.id for h in result.hits] == NEWEST
    assert all(h.score == 0 for h in result.hits)


def test_oldest_first_keeps_undated_last(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(sort="oldest", limit=100))
    assert [h.id for h in result.hits] == ["a7", "a6", "a3", "a4", "a8", "a1", "a2", "a5"]


def test_a_text_query_can_be_sorted_by_date(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(query="negotiate", sort="newest"))
    assert [h.id for h in result.hits] == ["a1", "a4", "a5"]


def test_paging_gives_the_total_and_one_page(searcher: ArchiveSearcher) -> None:
    pages = [searcher.search(SearchRequest(limit=3, offset=offset)) for offset in (0, 3, 6, 9)]
    assert [p.total for p in pages] == [8, 8, 8, 8]
    assert [h.id for p in pages for h in p.hits] == NEWEST
    assert pages[-1].hits == ()
    ranked = [searcher.search(SearchRequest(query="putin", limit=1, offset=i)) for i in range(3)]
    assert sorted(h.id for p in ranked for h in p.hits) == ["a1", "a2", "a5"]


def test_hit_carries_the_record_fields(searcher: ArchiveSearcher) -> None:
    hit = searcher.search(SearchRequest(query="id:a1")).hits[0]
    article = BY_ID["a1"]
    assert (hit.id, hit.title, hit.section_path, hit.published, hit.people) == (
        "a1", article.title, ("News", "Russia"), date(2022, 9, 23), ("Dmitry Peskov", "Vladimir Putin"))


def test_snippet_marks_the_matched_words(searcher: ArchiveSearcher) -> None:
    hit = searcher.search(SearchRequest(query="negotiate id:a1")).hits[0]
    assert hit.snippet == (
        "The Kremlin press secretary said dialogue is necessary. Spokesman Dmitry Peskov told "
        "reporters that Ukraine left the [[negotiating]] table months ago. At the end of March, "
        "peace talks came to a close."
    )
    spanish = searcher.search(SearchRequest(query="negociaciones paz")).hits[0]
    assert "[[negociaciones]] de [[paz]]" in spanish.snippet
    wildcard = searcher.search(SearchRequest(query="peace* id:a5")).hits[0]
    assert "A [[peaceful]] settlement" in wildcard.snippet


def test_snippet_without_a_text_match_starts_the_article(searcher: ArchiveSearcher) -> None:
    hit = searcher.search(SearchRequest(query="person:messi")).hits[0]
    assert hit.snippet == "The national team celebrated its victory in Rio de Janeiro."
    assert MARK_START not in hit.snippet


def test_long_snippet_is_cut_around_the_matches() -> None:
    text = " ".join(["filler"] * 100 + ["the", "drought", "spreads"] + ["filler"] * 100)
    snippet = make_snippet(text, "en", MarkTerms.from_words(["drought"]), length=80)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert f"{MARK_START}drought{MARK_END}" in snippet
    assert len(snippet) < 100


def test_highlight_spans_finds_typed_words_in_any_form() -> None:
    text = "Negotiations resumed; the negotiators met Nicolás."
    spans = highlight_spans(text, "en", MarkTerms.from_words(["negotiate", "Nicolas", "resum*"]))
    assert [text[a:b] for a, b in spans] == ["Negotiations", "resumed", "negotiators", "Nicolás"]
    accented = "Élite ÉLITE élite elites U.S.élite"
    spans = highlight_spans(accented, "en", MarkTerms.from_words(["elite"]))
    assert [accented[a:b] for a, b in spans] == ["Élite", "ÉLITE", "élite", "elites"]


def test_a_typo_gets_a_suggestion_from_the_index(searcher: ArchiveSearcher) -> None:
    result = searcher.search(SearchRequest(query="negotiaton"))
    assert result.total == 0
    assert result.suggestion == "negotiation"
    result = searcher.search(SearchRequest(query="Drougt date:2020"))
    assert result.suggestion == "Drought date:2020"


def test_no_suggestion_when_the_query_finds_enough(searcher: ArchiveSearcher) -> None:
    assert searcher.search(SearchRequest(query="putin")).suggestion is None
    assert searcher.search(SearchRequest(query="zzzqqq")).suggestion is None


def test_iter_ids_streams_every_match_in_order_ignoring_paging(searcher: ArchiveSearcher) -> None:
    assert list(searcher.iter_ids(SearchRequest(limit=2, offset=5))) == NEWEST
    ranked = list(searcher.iter_ids(SearchRequest(query="peace", limit=1)))
    assert ranked == ["a5", "a1"]
    filtered = SearchRequest(query="putin", people=("Dmitry Peskov",), sort="oldest")
    assert list(searcher.iter_ids(filtered)) == ["a1", "a5"]


def test_indexed_ids_lists_every_article(searcher: ArchiveSearcher) -> None:
    assert sorted(searcher.indexed_ids()) == sorted(BY_ID)
    assert searcher.doc_count == 8


def test_searches_from_several_threads_agree(searcher: ArchiveSearcher) -> None:
    results: list[int] = []

    def work() -> None:
        for _ in range(20):
            results.append(searcher.search(SearchRequest(query="putin OR maduro")).total)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [5] * 80


def test_refresh_sees_commits_and_a_rebuild(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:2])
    with ArchiveSearcher(library.index_dir) as searcher:
        assert searcher.refresh() is False
        with IndexWriter(library.index_dir) as writer:
            writer.add(ARTICLES[2])
        assert searcher.search(SearchRequest()).total == 2
        assert searcher.refresh() is True
        assert searcher.search(SearchRequest()).total == 3
        assert {f.value for f in searcher.search(SearchRequest()).facets["person"]} == {
            "Dmitry Peskov", "Vladimir Putin", "Nicolás Maduro"}
        with IndexWriter(library.index_dir) as writer:
            writer.remove("a1")
        assert searcher.refresh() is True
        assert sorted(searcher.indexed_ids()) == ["a2", "a3"]
        rebuild_index(library)  # the records: a1 and a2 only
        assert searcher.refresh() is True
        assert sorted(searcher.indexed_ids()) == ["a1", "a2"]


def test_missing_or_damaged_index_asks_for_a_rebuild(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:1], index=False)
    with pytest.raises(LibraryError, match=r"run `newsarchive rebuild`"):
        ArchiveSearcher(library.index_dir)
    rebuild_index(library)
    for toc in library.index_dir.glob("*.toc"):
        toc.write_bytes(b"garbage")
    with pytest.raises(LibraryError, match=r"cannot be read .*run `newsarchive rebuild`"):
        ArchiveSearcher(library.index_dir)
    shutil.rmtree(library.index_dir)
    with pytest.raises(LibraryError, match=r"has no search index"):
        ArchiveSearcher(library.index_dir)


def test_an_index_of_another_version_asks_for_a_rebuild(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:1])
    (library.index_dir / "newsarchive-index.yaml").write_text("schema_version: 0\n")
    with pytest.raises(LibraryError, match="another version of newsarchive"):
        ArchiveSearcher(library.index_dir)


def test_a_read_only_library_can_be_searched(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:3])
    paths = [library.path, *library.path.rglob("*")]
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        opened = Library.open(library.path)
        with ArchiveSearcher(opened.index_dir) as searcher:
            assert searcher.search(SearchRequest(query="putin")).total == 2
    finally:
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_changed_record_is_found_by_its_new_text(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:2])
    with IndexWriter(library.index_dir) as writer:
        writer.replace(replace(ARTICLES[0], title="Renamed headline about volcanoes"))
    with ArchiveSearcher(library.index_dir) as searcher:
        assert [h.id for h in searcher.search(SearchRequest(query="volcanoes")).hits] == ["a1"]
        assert searcher.search(SearchRequest(query="title:prospect")).total == 0
        assert searcher.doc_count == 2
