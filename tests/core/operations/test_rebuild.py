"""rebuild_index: a fresh index from the records, swapped in only when complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.core.errors import Cancelled, LibraryReadOnly
from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.progress import CancelToken
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import RECORD_FILE, Library
from tests.core.search.fixture_library import ARTICLES, make_library, write_record


def test_rebuild_indexes_every_record_and_reports_damaged_ones(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", index=False)
    (library.article_dir("a3") / RECORD_FILE).write_text("title: [unclosed\n", encoding="utf-8")
    seen: list[tuple[int, int | None]] = []
    report = rebuild_index(library, progress=lambda done, total, message: seen.append((done, total)))
    assert report.indexed == 7
    assert [d.id for d in report.damaged] == ["a3"]
    assert "a3" in report.damaged[0].reason and not report.ok
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)
    with ArchiveSearcher(library.index_dir) as searcher:
        assert sorted(searcher.indexed_ids()) == ["a1", "a2", "a4", "a5", "a6", "a7", "a8"]
    assert sorted(p.name for p in library.path.iterdir()) == sorted(
        ["articles", "imports", "index", "library.yaml", "library.lock"])


def test_rebuild_replaces_an_index_that_disagrees_with_the_records(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:3])
    write_record(library, ARTICLES[3])
    (library.article_dir("a1") / RECORD_FILE).unlink()
    library.article_dir("a1").rmdir()
    with ArchiveSearcher(library.index_dir) as searcher:
        assert sorted(searcher.indexed_ids()) == ["a1", "a2", "a3"]
        rebuild_index(library)
        searcher.refresh()
        assert sorted(searcher.indexed_ids()) == ["a2", "a3", "a4"]


def test_a_cancelled_rebuild_keeps_the_old_index(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:2])
    for article in ARTICLES[2:]:
        write_record(library, article)
    token = CancelToken()

    def progress(done: int, total: int | None, message: str) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        rebuild_index(library, progress=progress, cancel=token)
    with ArchiveSearcher(library.index_dir) as searcher:
        assert searcher.search(SearchRequest()).total == 2
    assert not [p for p in library.path.iterdir() if p.name.startswith(".")]


def test_a_killed_rebuild_leaves_staging_that_the_next_rebuild_removes(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:2])
    leftover = library.path / ".index-rebuild-999999999.tmp"
    leftover.mkdir()
    (leftover / "_MAIN_1.toc").write_bytes(b"half")
    with ArchiveSearcher(library.index_dir) as searcher:
        assert searcher.doc_count == 2
    rebuild_index(library)
    assert not leftover.exists()


def test_rebuild_of_a_read_only_library_is_refused(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:1])
    with pytest.raises(LibraryReadOnly):
        rebuild_index(Library.open(library.path, read_only=True))


def test_rebuild_of_an_empty_library_gives_an_empty_index(tmp_path: Path) -> None:
    library = Library.create(tmp_path / "lib")
    assert rebuild_index(library).indexed == 0
    with ArchiveSearcher(library.index_dir) as searcher:
        result = searcher.search(SearchRequest(query="anything"))
        assert (result.total, result.facets["person"]) == (0, ())
