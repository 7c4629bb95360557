"""IndexWriter: add, replace, remove, commit or cancel, one writer at a time, the bulk path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive.core.errors import LibraryBusy
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.model import Article
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.search.searcher import ArchiveSearcher
from tests.core.search.fixture_library import ARTICLES


def search_ids(index_dir: Path, query: str = "") -> list[str]:
    with ArchiveSearcher(index_dir) as searcher:
        return sorted(searcher.iter_ids(SearchRequest(query=query)))


def test_add_replace_remove(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    with IndexWriter(index_dir) as writer:
        for article in ARTICLES[:3]:
            writer.add(article)
    assert search_ids(index_dir) == ["a1", "a2", "a3"]
    with IndexWriter(index_dir) as writer:
        writer.replace(replace(ARTICLES[1], title="Treaties about glaciers"))
        writer.remove("a3")
        writer.remove("not-there")
    assert search_ids(index_dir) == ["a1", "a2"]
    assert search_ids(index_dir, "glaciers") == ["a2"]
    assert search_ids(index_dir, "accession") == ["a2"]
    assert search_ids(index_dir, "title:accession") == []


def test_an_exception_cancels_the_whole_batch(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    with IndexWriter(index_dir) as writer:
        writer.add(ARTICLES[0])
    with pytest.raises(RuntimeError), IndexWriter(index_dir) as writer:
        writer.add(ARTICLES[1])
        writer.remove("a1")
        raise RuntimeError("the importer failed")
    assert search_ids(index_dir) == ["a1"]


def test_a_second_writer_waits_then_reports_the_library_busy(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    with IndexWriter(index_dir) as writer:
        writer.add(ARTICLES[0])
        with (pytest.raises(LibraryBusy, match="try again when it has finished"),
              IndexWriter(index_dir, timeout=0.2)):
            pass
    with IndexWriter(index_dir, timeout=0.2) as writer:  # free again
        writer.add(ARTICLES[1])
    assert search_ids(index_dir) == ["a1", "a2"]


def test_a_killed_writer_leaves_a_usable_index_and_no_lock(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    with IndexWriter(index_dir) as writer:
        writer.add(ARTICLES[0])
    code = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from newsarchive.core.index.writer import IndexWriter
        from tests.core.search.fixture_library import ARTICLES
        with IndexWriter(Path({str(index_dir)!r})) as writer:
            writer.add(ARTICLES[1])
            print("writing", flush=True)
            time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).parents[3])
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    with IndexWriter(index_dir, timeout=1.0) as writer:
        writer.add(ARTICLES[2])
    assert search_ids(index_dir) == ["a1", "a3"]


def test_bulk_writer_indexes_in_worker_processes(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    articles = [Article(id=f"b{i:04d}", title=f"Bulk article {i}", body=(f"harvest number {i}",))
                for i in range(700)]
    with IndexWriter(index_dir, bulk=True) as writer:
        for article in articles:
            writer.add(article)
    with ArchiveSearcher(index_dir) as searcher:
        assert searcher.doc_count == 700
        assert sorted(searcher.indexed_ids()) == [a.id for a in articles]
        assert searcher.search(SearchRequest(query="harvest 123")).total == 1


def test_a_failed_bulk_write_stops_its_workers_and_keeps_the_old_index(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    with IndexWriter(index_dir) as writer:
        writer.add(ARTICLES[0])
    with pytest.raises(KeyError), IndexWriter(index_dir, bulk=True) as writer:
        for i in range(600):
            writer.add(Article(id=f"b{i}", title="Bulk"))
        workers = list(writer._writer.tasks)
        assert workers
        raise KeyError("stop")
    assert all(not worker.is_alive() for worker in workers)
    assert search_ids(index_dir) == ["a1"]


def test_a_bulk_write_merges_the_smallest_segments_down_to_the_limit(tmp_path: Path) -> None:
    from newsarchive.core.index.codec import index_codec
    from newsarchive.core.index.schema import document_for
    from newsarchive.core.index.storage import open_index
    from newsarchive.core.index.writer import MAX_SEGMENTS

    index_dir = tmp_path / "index"
    with IndexWriter(index_dir):
        pass
    # Many segments, as repeated bulk imports leave them (Whoosh's own policy would keep them all).
    for n in range(MAX_SEGMENTS + 4):
        article = replace(ARTICLES[n % len(ARTICLES)], id=f"s{n:02d}")
        raw = open_index(index_dir, read_only=False).writer(codec=index_codec())
        raw.add_document(**document_for(article))
        raw.commit(merge=False)
    assert len(open_index(index_dir)._segments()) == MAX_SEGMENTS + 4
    with IndexWriter(index_dir, bulk=True) as writer:
        writer.add(replace(ARTICLES[0], id="bulk"))
    assert len(open_index(index_dir)._segments()) <= MAX_SEGMENTS
    assert search_ids(index_dir) == sorted([f"s{n:02d}" for n in range(MAX_SEGMENTS + 4)] + ["bulk"])


def test_the_vocabulary_is_kept_apart_from_the_articles(tmp_path: Path) -> None:
    from newsarchive.core.index.storage import open_index
    from newsarchive.core.search.request import SearchRequest
    from newsarchive.core.search.searcher import ArchiveSearcher

    index_dir = tmp_path / "index"
    with IndexWriter(index_dir) as writer:
        for article in ARTICLES:
            writer.add(article)
    with IndexWriter(index_dir) as writer:  # a correction brings no word the index lacks
        writer.replace(ARTICLES[0])
    with open_index(index_dir).reader() as reader:
        documents = reader.doc_count()
        assert documents == len(ARTICLES) + 1  # the articles and one vocabulary document
    with ArchiveSearcher(index_dir) as searcher:
        assert searcher.doc_count == len(ARTICLES)
        assert sorted(searcher.indexed_ids()) == sorted(a.id for a in ARTICLES)
        assert searcher.search(SearchRequest()).total == len(ARTICLES)
