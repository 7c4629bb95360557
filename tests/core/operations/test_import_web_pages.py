"""Importing saved web pages beside text dumps: every format in one folder tree, with the same
report, statuses, duplicates and updates; the original kept; one article however it was saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.core.ingest.photos import image_type
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.searching import open_searcher
from newsarchive.core.search.request import SearchRequest
from newsarchive.core.storage.library import Library
from tests.core.ingest.web.saved_files import (
    Story,
    article_html,
    article_pdf,
    jpeg,
    mhtml_bytes,
    save_page_as,
    singlefile_html,
    stories,
    text_dump,
    wacz_bytes,
    warc_bytes,
)
from tests.core.ingest.web.test_formats import _archive_records


@pytest.fixture(scope="module")
def all_stories() -> list[Story]:
    return stories()


def test_a_folder_mixing_every_format_imports_each_article_once(tmp_path: Path,
                                                                all_stories: list[Story]) -> None:
    first, second, third, fourth, fifth = all_stories[:5]
    folder = tmp_path / "saved"
    (folder / "web").mkdir(parents=True)
    (folder / "dumps").mkdir()
    (folder / "dumps" / "first.txt").write_text(text_dump(first), encoding="utf-8")
    (folder / "web" / "first-again.html").write_bytes(article_html(first, "arc", 3))
    save_page_as(folder / "web", second)
    (folder / "web" / "third.mhtml").write_bytes(mhtml_bytes(
        article_html(third, "wordpress", 1), third.url, "https://img.example.org/p.jpg", jpeg(3)))
    (folder / "web" / "fourth.html").write_bytes(singlefile_html(fourth))
    (folder / "web" / "fifth.pdf").write_bytes(article_pdf(fifth))
    # A crawl of the same outlet: 20 pages, 15 of them articles (the five above among them).
    records, _ = _archive_records(all_stories)
    (folder / "web" / "crawl.warc.gz").write_bytes(warc_bytes(records))
    (folder / "web" / "crawl2.wacz").write_bytes(wacz_bytes(warc_bytes(records[:4])))

    library = Library.create(tmp_path / "lib")
    report = import_paths(library, [folder])
    by_status: dict[str, list[str]] = {}
    for item in report.items:
        by_status.setdefault(item.status, []).append(item.source)
    failed = [i for i in report.items if i.status == "failed"]
    # Fifteen stories, each one article however many ways it was saved.
    assert len(library.ids()) == 15, by_status
    # The WARC's 5 pages that are not articles. (This said 5 + 1 while an MHTML dated `-0000`, as
    # Chromium writes, failed on its naive capture time: that was the sixth.)
    assert len(failed) == 5, [i.reason for i in failed]
    assert all("crawl.warc.gz" in i.source for i in failed)
    assert report.skipped == ()  # the `_files/` folder belongs to its page
    copy = next(i for i in report.items if i.source.endswith("first-again.html"))
    assert copy.status in ("updated", "duplicate") and any("same article as" in w for w in copy.warnings)
    # Each web article keeps its original and its photo; the dump keeps its text.
    for article_id in library.ids():
        article = library.load(article_id)
        files = {p.name for p in library.article_dir(article_id).iterdir()}
        assert files & {"article.txt", "original.html", "original.mhtml", "original.pdf"}, files
        for photo in article.photos:
            assert image_type((library.article_dir(article_id) / photo).read_bytes()) is not None
    archived = [library.load(i) for i in library.ids() if library.load(i).captured_at is not None]
    assert len(archived) >= 10 and all(a.url for a in archived)  # first in, first kept
    with open_searcher(library) as searcher:
        assert searcher.search(SearchRequest(query=f'"{third.title}"')).total == 1

    again = import_paths(library, [folder])
    assert {i.status for i in again.items} <= {"duplicate", "failed"}
    assert len(library.ids()) == 15


def test_a_web_page_and_its_sidecar_update_like_a_dump(tmp_path: Path, all_stories: list[Story]) -> None:
    story = all_stories[0]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.html").write_bytes(article_html(story, "drupal", 2))
    library = Library.create(tmp_path / "lib")
    [item] = import_paths(library, [folder]).items
    assert item.status == "imported"
    (folder / "story.yaml").write_text("section: Opinion > Letters\n", encoding="utf-8")
    [again] = import_paths(library, [folder]).items
    assert (again.status, again.id) == ("updated", item.id)
    assert library.load(item.id or "").section_path == ("Opinion", "Letters")
