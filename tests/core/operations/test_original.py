"""An article's original page read back from its folder after a real import: the page's text, the
images it brought (the `_files/` photo, MHTML parts, `data:` URIs) and nothing else; scripts gone."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from newsarchive.core.errors import LibraryError
from newsarchive.core.operations.importing import import_paths
from newsarchive.core.operations.original import original_path, read_original
from newsarchive.core.storage.library import Library
from tests.core.ingest.web.saved_files import (
    article_html,
    article_pdf,
    jpeg,
    mhtml_bytes,
    save_page_as,
    singlefile_html,
    stories,
    text_dump,
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, dict[str, str], Path]:
    """A library of one article per kind of original; the id of each by kind, and the saved files."""
    root = tmp_path_factory.mktemp("originals")
    saved = root / "saved"
    saved.mkdir()
    first, second, third, fourth, fifth = stories()[:5]
    page = save_page_as(saved, first)
    html = article_html(second, "wordpress", 1).replace(
        b"</body>", b'<script>document.write("SCRIPTED")</script><style>p { color: red }</style>'
                    b'<iframe src="https://ads.example.com/"></iframe>'
                    b'<img src="https://tracker.example.com/pixel.gif"></body>')
    (saved / "second.mhtml").write_bytes(
        mhtml_bytes(html, second.url, second.image_url, jpeg(7)))
    (saved / "third.html").write_bytes(singlefile_html(third))
    (saved / "fourth.pdf").write_bytes(article_pdf(fourth))
    (saved / "fifth.txt").write_text(text_dump(fifth), encoding="utf-8")
    library = Library.create(root / "lib")
    report = import_paths(library, [saved])
    ids = {Path(item.source).name: item.id or "" for item in report.items if item.status == "imported"}
    assert len(ids) == 5, [(i.source, i.status, i.reason) for i in report.items]
    return library, {"html": ids[page.name], "mhtml": ids["second.mhtml"], "singlefile": ids["third.html"],
                     "pdf": ids["fourth.pdf"], "text": ids["fifth.txt"]}, saved


def _images(html: str) -> list[str]:
    return [img.get("src") for img in lxml.html.fromstring(html).iter("img") if img.get("src")]


def test_a_save_page_as_page_shows_its_kept_photo_and_nothing_remote(imported) -> None:
    library, ids, saved = imported
    article = library.load(ids["html"])
    page = read_original(library.article_dir(article.id), article.photos)
    assert page.kind == "html" and article.title in lxml.html.fromstring(page.html).text_content()
    local = [a for a in _images(page.html) if "_files/" in a]
    assert local, _images(page.html)
    # The oracle: the very file the browser saved beside the page.
    folder_file = saved / local[0].removeprefix("./")
    assert page.resource(local[0]) == folder_file.read_bytes()
    for address in _images(page.html):
        if address.startswith(("http:", "https:", "//")):
            assert page.resource(address) is None, address


def test_an_mhtml_page_shows_its_parts_and_blocks_what_it_did_not_save(imported) -> None:
    library, ids, _saved = imported
    second = stories()[1]
    article = library.load(ids["mhtml"])
    page = read_original(library.article_dir(article.id), article.photos)
    assert page.kind == "mhtml" and page.url
    text = lxml.html.fromstring(page.html).text_content()
    assert article.title in text and "SCRIPTED" not in text and "<script" not in page.html
    assert "<style" not in page.html and "<iframe" not in page.html
    assert page.resource(second.image_url) == jpeg(7) and second.image_url in _images(page.html)
    assert page.resource("https://tracker.example.com/pixel.gif") is None
    assert page.resource("https://img.example.org/other.jpg") is None


def test_a_singlefile_page_shows_its_data_uri_photo(imported) -> None:
    library, ids, _saved = imported
    article = library.load(ids["singlefile"])
    page = read_original(library.article_dir(article.id), article.photos)
    inline = [a for a in _images(page.html) if a.startswith("data:")]
    assert inline and page.resource(inline[0]) is not None
    assert page.resource("data:text/html,<script>alert(1)</script>") is None  # not an image


def test_a_pdf_is_named_and_a_text_dump_has_no_original(imported) -> None:
    library, ids, _saved = imported
    folder = library.article_dir(ids["pdf"])
    page = read_original(folder)
    assert page.kind == "pdf" and page.path == folder / "original.pdf" and page.html == ""
    assert original_path(library.article_dir(ids["text"])) is None
    with pytest.raises(LibraryError, match="no saved original"):
        read_original(library.article_dir(ids["text"]))


def test_a_damaged_original_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "original.mhtml").write_bytes(b"not a MIME message at all")
    with pytest.raises(LibraryError, match="cannot be shown"):
        read_original(tmp_path)
