"""check_library: damaged records, unindexed articles, duplicates, orphans, leftovers."""

from __future__ import annotations

from pathlib import Path

from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.model import Article
from newsarchive.core.operations.check import check_library
from newsarchive.core.storage.library import RECORD_FILE
from tests.core.search.fixture_library import ARTICLES, make_library, write_record


def test_a_consistent_library_is_ok(tmp_path: Path) -> None:
    report = check_library(make_library(tmp_path / "lib"))
    assert report.ok
    assert (report.articles, report.indexed, report.problems, report.notes) == (8, 8, (), ())


def test_check_finds_damaged_unindexed_duplicate_and_orphan(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:4])
    (library.article_dir("a2") / RECORD_FILE).write_text("- not a record\n", encoding="utf-8")
    write_record(library, ARTICLES[4])  # stored, never indexed
    with IndexWriter(library.index_dir) as writer:
        writer.add(ARTICLES[0])  # a second index entry for a1
        writer.add(Article(id="ghost", title="Gone from the library"))
    report = check_library(library)
    assert not report.ok
    assert [(p.kind, p.id) for p in report.problems] == [
        ("damaged", "a2"), ("duplicate", "a1"), ("unindexed", "a5"), ("orphan", "ghost"),
    ]
    messages = {p.id: p.message for p in report.problems}
    assert messages["a5"] == ("Article a5 is not in the search index; run `newsarchive rebuild` to "
                              "fix the index.")
    assert messages["ghost"].startswith("The search index lists article ghost, which is not in")
    assert "a1 is in the search index 2 times" in messages["a1"]
    assert report.articles == 5 and report.indexed == 6


def test_check_reports_a_missing_index_and_notes_leftovers(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:1], index=False)
    (library.articles_dir / ".a9.tmp").mkdir()
    (library.article_dir("a1") / ".record.yaml.x1.tmp").write_text("half", encoding="utf-8")
    report = check_library(library)
    assert [p.kind for p in report.problems] == ["index"]
    assert "run `newsarchive rebuild`" in report.problems[0].message
    assert len(report.notes) == 2
    assert all("Leftover staging file" in note for note in report.notes)


def test_a_record_in_the_wrong_folder_is_a_problem(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib", ARTICLES[:1])
    library.article_dir("a1").rename(library.article_dir("b1"))
    report = check_library(library)
    assert [(p.kind, p.id) for p in report.problems] == [("mismatch", "b1"), ("orphan", "a1")]
