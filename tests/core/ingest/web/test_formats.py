"""Each saved-page format read end to end: what is found in the file, the article extracted, its
photo taken from what was saved with it, the original bytes kept."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsarchive.core.ingest.photos import image_type
from newsarchive.core.ingest.web import (
    PageFailure,
    SavedPage,
    extract_document,
    extract_documents,
    is_saved_web_file,
    read_saved_file,
    resource_folder,
)
from tests.core.ingest.web.eval_build import Story, _not_articles
from tests.core.ingest.web.pdf_builder import scanned_pdf
from tests.core.ingest.web.saved_files import (
    article_html,
    article_pdf,
    jpeg,
    mhtml_bytes,
    save_page_as,
    singlefile_html,
    wacz_bytes,
    warc_bytes,
)

_ARTICLE_LAYOUTS = ("wordpress", "arc", "amp", "brightspot", "drupal")


def _read(path: Path, workers: int = 1) -> list[SavedPage | PageFailure]:
    return list(extract_documents(read_saved_file(path), workers=workers))


def _archive_records(all_stories: list[Story]) -> tuple[list[tuple[str, str, bytes, str]], dict[str, Story]]:
    """20 HTML pages (15 articles in five layouts, five that are not articles), an image record for
    each article (before its page for some, after for others), and records that are not pages."""
    records: list[tuple[str, str, bytes, str]] = []
    by_url: dict[str, Story] = {}
    for i, story in enumerate(all_stories):
        page = article_html(story, _ARTICLE_LAYOUTS[i % len(_ARTICLE_LAYOUTS)], i)
        image = (story.image_url, "image/jpeg", jpeg(i), "200 OK")
        html = (story.url, "text/html; charset=utf-8", page, "200 OK")
        records += [image, html] if i % 2 else [html, image]
        by_url[story.url] = story
    for name, (page, _) in _not_articles(all_stories).items():
        if name in ("home_en", "section_es", "search_es", "cookie_wall_pt", "empty"):
            records.append((f"https://www.example.org/{name}", "text/html", page.encode(), "200 OK"))
    records += [
        ("https://www.example.org/style.css", "text/css", b"body{}", "200 OK"),
        ("https://www.example.org/moved", "text/html", b"<html>moved</html>", "301 Moved Permanently"),
        ("https://www.example.org/missing", "text/html", b"<html>not found</html>", "404 Not Found"),
    ]
    return records, by_url


@pytest.mark.parametrize("suffix,gzip", [(".warc.gz", True), (".warc", False)])
def test_a_warc_of_twenty_pages_gives_fifteen_articles_and_five_reasons(
    tmp_path: Path, all_stories: list[Story], suffix: str, gzip: bool
) -> None:
    records, by_url = _archive_records(all_stories)
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(warc_bytes(records, gzip=gzip, date_="2025-06-01T10:00:00Z"))
    results = _read(path)
    articles = [r for r in results if isinstance(r, SavedPage)]
    failures = [r for r in results if isinstance(r, PageFailure)]
    assert len(results) == 20  # the CSS, the redirect and the 404 are not pages
    assert len(articles) == 15 and len(failures) == 5
    for saved in articles:
        story = by_url[saved.url or ""]
        assert saved.page.title == story.title
        assert saved.page.published == story.date
        assert saved.captured_at == datetime(2025, 6, 1, 10, 0, tzinfo=UTC)
        assert saved.kind == "warc" and story.url in saved.source
        assert saved.original.startswith(b"<!DOCTYPE html>") and saved.original_name == "original.html"
        # The photo comes from the archive's own image record, whichever came first.
        assert len(saved.photos) == 1 and image_type(saved.photos[0].data) == "jpeg"
        assert saved.photos[0].caption == story.raw["caption"]
    reasons = " ".join(f.reason for f in failures)
    for word in ("home page", "search results", "cookie", "no article text"):
        assert word in reasons


def test_a_wacz_is_read_through_its_warc_without_unpacking(tmp_path: Path, all_stories: list[Story]) -> None:
    records, _ = _archive_records(all_stories[:4])
    for compress in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        path = tmp_path / f"capture-{compress}.wacz"
        path.write_bytes(wacz_bytes(warc_bytes(records), compress=compress))
        results = _read(path)
        articles = [r for r in results if isinstance(r, SavedPage)]
        assert [a.page.title for a in articles] == [s.title for s in all_stories[:4]]
        assert all(len(a.photos) == 1 for a in articles)
        assert all("!archive/data.warc.gz" in a.source for a in articles)


def test_mhtml_gives_the_page_and_its_photo_part(tmp_path: Path, story: Story) -> None:
    photo = jpeg(9)
    data = mhtml_bytes(article_html(story), story.url, story.image_url, photo)
    path = tmp_path / "story.mhtml"
    path.write_bytes(data)
    [saved] = _read(path)
    assert isinstance(saved, SavedPage)
    assert saved.kind == "mhtml" and saved.original == data and saved.original_name == "original.mhtml"
    assert saved.page.title == story.title and saved.url == story.url
    assert saved.photos[0].data == photo and saved.photos[0].name.endswith(".jpg")
    assert saved.photos[0].credit == story.raw["credit"]
    assert saved.captured_at is not None and saved.captured_at.year == 2025
    # Chromium writes `-0000` (a UTC time, zone unknown): still a time a record can keep.
    assert saved.captured_at.tzinfo is not None


def test_singlefile_page_gives_its_inlined_photo(tmp_path: Path, story: Story) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(singlefile_html(story))
    [saved] = _read(path)
    assert isinstance(saved, SavedPage) and saved.kind == "singlefile"
    assert saved.page.title == story.title
    assert saved.page.body[-1] == story.paragraphs[-1]
    assert image_type(saved.photos[0].data) == "jpeg" and saved.photos[0].name == "photo.jpg"
    assert saved.captured_at is not None and saved.captured_at.year == 2025


def test_save_page_as_takes_the_photo_from_its_files_folder(tmp_path: Path, story: Story) -> None:
    page = save_page_as(tmp_path, story)
    assert resource_folder(page) == tmp_path / "savepage_0_files"
    [saved] = _read(page)
    assert isinstance(saved, SavedPage) and saved.kind == "html"
    assert saved.original == page.read_bytes()
    photo_file = next((tmp_path / "savepage_0_files").glob("*.jpg"))
    assert saved.photos[0].data == photo_file.read_bytes()
    assert saved.page.author == "; ".join(story.authors)
    assert saved.page.section_path == tuple(story.section)


def test_save_page_as_without_its_folder_still_imports_and_says_the_photo_is_missing(
    tmp_path: Path, story: Story
) -> None:
    page = save_page_as(tmp_path, story)
    for file in (tmp_path / "savepage_0_files").iterdir():
        file.unlink()
    [saved] = _read(page)
    assert isinstance(saved, SavedPage) and not saved.photos
    assert any("photo not kept" in w for w in saved.page.warnings)


def test_a_page_cannot_reach_outside_its_files_folder(tmp_path: Path, story: Story) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(jpeg(3))
    page = save_page_as(tmp_path / "saved", story)
    html = page.read_bytes().replace(b"./savepage_0_files/", b"./savepage_0_files/../../")
    page.write_bytes(html.replace(story.raw["slug"][:20].encode() + b".jpg", b"secret.jpg"))
    [saved] = _read(page)
    assert isinstance(saved, SavedPage) and not saved.photos


def test_pdf_with_a_text_layer(tmp_path: Path, all_stories: list[Story]) -> None:
    story = next(s for s in all_stories if s.lang == "es")
    path = tmp_path / "printed.pdf"
    path.write_bytes(article_pdf(story))
    [saved] = _read(path)
    assert isinstance(saved, SavedPage) and saved.kind == "pdf" and saved.original_name == "original.pdf"
    page = saved.page
    assert page.title == story.title and page.published == story.date
    assert page.author == "; ".join(story.authors) and page.language == "es"
    assert [page.lede, *page.body] == story.paragraphs
    assert page.url == story.url and page.source == story.outlet


def test_a_scanned_pdf_fails_saying_it_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(info={"Title": "Scanned clipping"}))
    [failure] = _read(path)
    assert isinstance(failure, PageFailure)
    assert "no text layer (needs OCR)" in failure.reason


def test_pool_and_single_process_give_the_same_pages_in_order(
    tmp_path: Path, all_stories: list[Story]
) -> None:
    records, _ = _archive_records(all_stories[:6])
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(records))
    alone = _read(path, workers=1)
    pooled = _read(path, workers=2)
    assert [type(r) for r in pooled] == [type(r) for r in alone]
    assert [r.page for r in pooled if isinstance(r, SavedPage)] == [
        r.page for r in alone if isinstance(r, SavedPage)
    ]


def test_saved_web_files_are_told_by_name() -> None:
    for name in ("a.html", "b.HTM", "c.mhtml", "d.mht", "e.warc", "f.warc.gz", "g.wacz", "h.pdf"):
        assert is_saved_web_file(Path(name))
    for name in ("a.txt", "b.gz", "c.yaml", "d.jpg"):
        assert not is_saved_web_file(Path(name))


def test_one_document_extracts_in_process(story: Story) -> None:
    from newsarchive.core.ingest.web import SavedDocument

    saved = extract_document(SavedDocument("x.html", "html", article_html(story), b"", "original.html"))
    assert isinstance(saved, SavedPage) and saved.page.title == story.title


def test_an_article_with_a_sidebar_of_headlines_is_not_a_listing(story: Story) -> None:
    from newsarchive.core.ingest.web import SavedDocument

    sidebar = "".join(f'<h3><a href="/n{i}">Another story number {i} in the news</a></h3>' for i in range(9))
    html = article_html(story, "print").replace(b"</body>", f"<aside>{sidebar}</aside></body>".encode())
    saved = extract_document(SavedDocument("x.html", "html", html, html, "original.html"))
    assert isinstance(saved, SavedPage) and saved.page.title == story.title


def test_an_archived_photo_is_found_by_the_captured_address_when_the_canonical_differs(
    tmp_path: Path, story: Story
) -> None:
    captured = "https://m.example-mirror.org/amp/story"
    html = article_html(story, "wordpress").replace(story.image_url.encode(), b"../img/lead.jpg")
    photo = ("https://m.example-mirror.org/img/lead.jpg", "image/jpeg", jpeg(4), "200 OK")
    path = tmp_path / "mirror.warc.gz"
    path.write_bytes(warc_bytes([(captured, "text/html", html, "200 OK"), photo]))
    [saved] = _read(path)
    assert isinstance(saved, SavedPage) and saved.url == story.url  # the canonical address
    assert saved.photos and saved.photos[0].data == jpeg(4)
