"""A researcher's workspace: collections, notes and saved searches, kept in the user's layer
(surviving re-import, rebuild and copying), searchable, and in every export."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import rispy

from newsarchive.core.errors import ArticleNotFound, LibraryReadOnly
from newsarchive.core.export.run import export_results
from newsarchive.core.operations.collections import (
    CollectionError,
    add_to_collection,
    create_collection,
    delete_collection,
    list_collections,
    remove_from_collection,
    rename_collection,
)
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.notes import set_note
from newsarchive.core.operations.rebuild import rebuild_index
from newsarchive.core.operations.saved_searches import (
    list_saved,
    mark_seen,
    run_saved,
    save_search,
)
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.library import Library

SAMPLE = Path(__file__).parents[3] / "sample_archive"
SEED = Path(__file__).parents[2] / "data" / "pages" / "seed_telesur.txt"


def found(library: Library, **request: object) -> set[str]:
    with open_searcher(library) as searcher:
        return set(searcher.iter_ids(SearchRequest(**request)))  # type: ignore[arg-type]


def facet(library: Library, name: str, **request: object) -> dict[str, int]:
    with open_searcher(library) as searcher:
        result = searcher.search(SearchRequest(**request))  # type: ignore[arg-type]
    return {f.value: f.count for f in result.facets[name]}


def test_collections_filter_and_count_like_facets(library: Library) -> None:
    ids = sorted(library.ids())
    chapter, exhibits = set(ids[:10]), set(ids[5:20])
    assert add_to_collection(library, "Chapter 1", sorted(chapter)) == 10
    assert add_to_collection(library, "Exhibits", sorted(exhibits)) == 15
    assert add_to_collection(library, "chapter 1", ids[:3]) == 0  # already there; name any case
    assert list_collections(library) == [("Starred", 0), ("Chapter 1", 10), ("Exhibits", 15)]
    assert found(library, collections=("Chapter 1",)) == chapter
    assert found(library, collections=("Chapter 1", "Exhibits")) == chapter | exhibits  # OR
    assert found(library, exclude_collections=("Exhibits",)) == set(ids) - exhibits
    news = found(library, sections=("News",))
    assert found(library, collections=("Exhibits",), sections=("News",)) == exhibits & news  # AND
    # Each collection counted within the rest of the selection, ignoring its own.
    assert facet(library, "collection", sections=("News",), collections=("Chapter 1",)) == {
        "Starred": 0, "Chapter 1": len(chapter & news), "Exhibits": len(exhibits & news)}


def test_collection_changes_say_what_is_wrong(library: Library) -> None:
    with pytest.raises(ArticleNotFound):
        add_to_collection(library, "X", ["0000000000000000"])
    assert list_collections(library) == [("Starred", 0)]  # nothing made
    create_collection(library, "Reading")
    with pytest.raises(CollectionError, match="already a collection"):
        create_collection(library, "reading")
    with pytest.raises(CollectionError, match="cannot be deleted"):
        delete_collection(library, "starred")
    with pytest.raises(CollectionError, match="no collection named 'Nope'"):
        remove_from_collection(library, "Nope", ["x"])
    rename_collection(library, "Reading", "To read")
    assert [n for n, _ in list_collections(library)] == ["Starred", "To read"]
    assert delete_collection(library, "To read") == 0


def test_the_workspace_survives_reimport_rebuild_and_copying(library: Library,
                                                             tmp_path: Path) -> None:
    article_id = sorted(library.ids())[0]
    add_to_collection(library, "Starred", [article_id])
    set_note(library, article_id, "Compare with the ministry's own figures.")
    save_search(library, "Lithium", SearchRequest(query="lithium", sort="newest"))
    import_paths(library, [SAMPLE])
    rebuild_index(library)
    copy = tmp_path / "usb" / "lib"
    shutil.copytree(library.path, copy)
    for where in (library, Library.open(copy, read_only=True)):
        assert found(where, collections=("Starred",)) == {article_id}
        assert where.load(article_id).note == "Compare with the ministry's own figures.\n"
        assert found(where, query="note:ministry") == {article_id}
        assert [s.search.name for s in list_saved(where)] == ["Lithium"]
    read_only = Library.open(copy, read_only=True)
    with pytest.raises(LibraryReadOnly):
        add_to_collection(read_only, "Starred", [article_id])
    with pytest.raises(LibraryReadOnly):
        set_note(read_only, article_id, "no")


def test_notes_are_searched_on_request_and_flag_the_hit(library: Library) -> None:
    article_id = sorted(library.ids())[3]
    set_note(library, article_id, "Zygomorphic is my private keyword.")
    assert found(library, query="zygomorphic") == set()
    assert found(library, query="zygomorphic", include_notes=True) == {article_id}
    assert found(library, query="note:zygomorphic") == {article_id}
    with open_searcher(library) as searcher:
        [hit] = searcher.search(SearchRequest(query="note:zygomorphic")).hits
    assert hit.has_note
    set_note(library, article_id, "A second thought.", append=True)
    assert library.load(article_id).note == "Zygomorphic is my private keyword.\n\nA second thought.\n"
    set_note(library, article_id, None)
    assert library.load(article_id).note is None
    assert found(library, query="note:zygomorphic") == set()


def test_notes_go_into_every_export(library: Library, tmp_path: Path) -> None:
    article_id = sorted(library.ids())[2]
    set_note(library, article_id, "First point.\n\nSecond point, with \"quotes\" & <tags>.")
    request = SearchRequest(query=f"id:{article_id}")
    outputs = {}
    for fmt in ("json", "jsonl", "csv", "markdown", "html", "ris", "bibtex"):
        target = tmp_path / f"out.{fmt}"
        with open_searcher(library) as searcher:
            export_results(library, searcher, request, fmt, target)
        outputs[fmt] = target.read_text(encoding="utf-8-sig")
    record = json.loads(outputs["json"])["articles"][0]
    assert record["note"].startswith("First point.")
    assert json.loads(outputs["jsonl"].splitlines()[1])["note"].startswith("First point.")
    assert "Second point" in outputs["csv"]
    assert "**My note:**" in outputs["markdown"] and "Second point" in outputs["markdown"]
    assert "&lt;tags&gt;" in outputs["html"] and "My note" in outputs["html"]
    [entry] = rispy.load(io.StringIO(outputs["ris"]))
    assert any("My note: First point." in n for n in entry["notes"])
    assert "note = {First point." in outputs["bibtex"]


def test_saved_searches_count_what_is_new_since_last_seen(library: Library, tmp_path: Path) -> None:
    save_search(library, "Peskov", SearchRequest(query="Peskov"))
    [status] = list_saved(library)
    assert (status.total, status.new) == (0, 0)
    page = tmp_path / "new" / "seed.txt"
    page.parent.mkdir()
    shutil.copyfile(SEED, page)
    [item] = import_paths(library, [page.parent]).items
    [status] = list_saved(library)
    assert (status.total, status.new) == (1, 1)
    result = run_saved(library, "peskov", new_only=True)
    assert [h.id for h in result.hits] == [item.id]
    mark_seen(library, "Peskov")
    [status] = list_saved(library)
    assert (status.total, status.new) == (1, 0)
    assert run_saved(library, "Peskov", new_only=True).total == 0
    # Saving again under the same name replaces it and keeps when it was made.
    first = library.saved_searches.find("Peskov")
    assert first is not None
    again = save_search(library, "PESKOV", SearchRequest(query="Peskov OR Putin"))
    assert again.name == "Peskov" and again.created == first.created
    assert replace(again.request, limit=20).query == "Peskov OR Putin"


def test_a_damaged_workspace_file_is_reported_never_overwritten_and_search_goes_on(
        library: Library) -> None:
    from newsarchive.core.operations.check import check_library

    add_to_collection(library, "Chapter 1", sorted(library.ids())[:2])
    damaged = "collections: [this is: not, closed\n"
    library.collections.path.write_text(damaged, encoding="utf-8")
    assert found(library, sections=("News",))  # searching still works
    with pytest.raises(Exception, match="It was not changed"):
        add_to_collection(library, "Starred", sorted(library.ids())[:1])
    assert library.collections.path.read_text(encoding="utf-8") == damaged
    report = check_library(library)
    assert [p.kind for p in report.problems] == ["user"]
    assert "collections cannot be read" in report.problems[0].message
