"""Hostile and broken input: each bad file or page gives one clear failure, in bounded time and
memory, and whatever else the file holds is still read."""

from __future__ import annotations

import io
import socket
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from newsarchive.core.ingest.web import (
    PageFailure,
    SavedDocument,
    SavedPage,
    extract_documents,
    read_saved_file,
)
from newsarchive.core.ingest.web.limits import MAX_ELEMENTS, MAX_HTML_BYTES
from newsarchive.core.ingest.web.pages import Extracted, Job, extract_content, job_of
from tests.core.ingest.web.eval_build import Story
from tests.core.ingest.web.pdf_builder import looping_pdf
from tests.core.ingest.web.saved_files import article_html, wacz_bytes, warc_bytes


def _read(path: Path, workers: int = 1) -> list[SavedPage | PageFailure]:
    return list(extract_documents(read_saved_file(path), workers=workers))


def _one_failure(path: Path) -> str:
    results = _read(path)
    assert len(results) == 1 and isinstance(results[0], PageFailure), results
    reason = results[0].reason
    assert reason.endswith((".", ")")) and "Traceback" not in reason
    return reason


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        b"<html><body><p>Broken <b>markup <i>never closed <div><p>and <table><tr><td>cells",
        b"<<<<>>>>&&&&;;;;<!-- unterminated comment <p>text",
        "<html><body>\ud800</body></html>".encode("utf-8", "surrogatepass"),
    ],
)
def test_malformed_html_fails_with_a_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.html"
    path.write_bytes(content)
    assert _one_failure(path)


def test_malformed_markup_around_an_article_still_gives_the_article(tmp_path: Path, story: Story) -> None:
    html = article_html(story).replace(b"</p>", b"").replace(b"</div>", b"", 5)
    path = tmp_path / "sloppy.html"
    path.write_bytes(html)
    [saved] = _read(path)
    assert isinstance(saved, SavedPage) and saved.page.title == story.title
    assert saved.page.lede == story.paragraphs[0]


def test_a_huge_dom_is_refused_before_it_is_built(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body>" + b"<b>x</b>" * (MAX_ELEMENTS + 10) + b"</body></html>")
    started = time.perf_counter()
    reason = _one_failure(path)
    assert "elements" in reason and time.perf_counter() - started < 5


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    with path.open("wb") as handle:
        handle.truncate(MAX_HTML_BYTES + 1)
    assert "MB" in _one_failure(path)


def test_an_entity_bomb_is_not_expanded(tmp_path: Path, story: Story) -> None:
    entities = '<!ENTITY a "aaaaaaaaaaaaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 20}">' for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    html = article_html(story).replace(b"<!DOCTYPE html>", f"<!DOCTYPE html [{entities}]>".encode())
    html = html.replace(b"<p>", b"<p>&i;", 1)
    path = tmp_path / "bomb.html"
    path.write_bytes(html)
    started = time.perf_counter()
    [saved] = _read(path)
    assert time.perf_counter() - started < 10
    assert isinstance(saved, SavedPage)
    assert len(saved.page.lede) < 2000  # 20**9 characters had the entities been expanded


def test_deep_nesting_is_capped_not_recursed(tmp_path: Path, story: Story) -> None:
    html = article_html(story).replace(b"<main", b"<div>" * 50_000 + b"<main")
    path = tmp_path / "deep.html"
    path.write_bytes(html)
    [result] = _read(path)
    if isinstance(result, PageFailure):
        assert "nested" in result.reason or "article" in result.reason
    else:
        assert result.page.title == story.title


def test_a_zip_bomb_in_a_wacz_is_refused_and_the_rest_is_read(tmp_path: Path, story: Story) -> None:
    good = warc_bytes([(story.url, "text/html", article_html(story), "200 OK")])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("archive/bomb.warc.gz"), b"\0" * (40 * 2**20), compress_type=zipfile.ZIP_DEFLATED
        )
        archive.writestr(zipfile.ZipInfo("archive/good.warc.gz"), good)
    path = tmp_path / "bomb.wacz"
    path.write_bytes(out.getvalue())
    results = _read(path)
    assert isinstance(results[0], PageFailure) and "zip bomb" in results[0].reason
    assert isinstance(results[1], SavedPage) and results[1].page.title == story.title


def test_a_wacz_member_that_claims_a_huge_size_is_refused(tmp_path: Path, story: Story) -> None:
    data = bytearray(wacz_bytes(warc_bytes([(story.url, "text/html", article_html(story), "200 OK")])))
    # Rewrite the WARC member's uncompressed size in the central directory to 60 GB.
    at = data.rfind(b"PK\x01\x02")
    data[at + 24 : at + 28] = struct.pack("<I", 0xFFFFFFFF)
    path = tmp_path / "lying.wacz"
    path.write_bytes(bytes(data))
    results = _read(path)
    assert results and all(isinstance(r, PageFailure) for r in results)


def test_a_corrupt_wacz_fails_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "broken.wacz"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert "zip" in _one_failure(path)


def _records(stories: list[Story]) -> list[tuple[str, str, bytes, str]]:
    return [(s.url, "text/html", article_html(s, "arc"), "200 OK") for s in stories]


def test_a_warc_record_shorter_than_it_claims_stops_the_archive_with_the_pages_before_kept(
    tmp_path: Path, all_stories: list[Story]
) -> None:
    data = warc_bytes(_records(all_stories[:3]), gzip=False)
    # The second response record claims 40 bytes fewer than it holds: what follows it is garbage.
    marker = data.find(b"WARC-Type: response", data.find(b"WARC-Type: response") + 1)
    length_at = data.find(b"Content-Length: ", marker) + len(b"Content-Length: ")
    end = data.find(b"\r\n", length_at)
    claimed = int(data[length_at:end])
    data = data[:length_at] + str(claimed - 40).encode() + data[end:]
    path = tmp_path / "lying.warc"
    path.write_bytes(data)
    results = _read(path)
    assert isinstance(results[0], SavedPage) and results[0].page.title == all_stories[0].title
    assert isinstance(results[-1], PageFailure) and "damaged" in results[-1].reason


def test_a_warc_record_longer_than_the_file_is_a_failure_not_a_hang(
    tmp_path: Path, all_stories: list[Story]
) -> None:
    data = warc_bytes(_records(all_stories[:2]), gzip=False)
    last = data.rfind(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.find(b"\r\n", last)
    data = data[:last] + b"999999999999" + data[end:]
    path = tmp_path / "truncated.warc"
    path.write_bytes(data)
    started = time.perf_counter()
    results = _read(path)
    assert time.perf_counter() - started < 10
    assert isinstance(results[0], SavedPage)
    assert all(isinstance(r, (SavedPage, PageFailure)) for r in results)
    assert any(isinstance(r, PageFailure) for r in results)


def test_a_file_that_is_not_a_warc_fails(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(zlib.compress(b"hello") + b"garbage")
    assert _one_failure(path)


def test_a_pdf_whose_page_tree_loops_fails_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "loop.pdf"
    path.write_bytes(looping_pdf())
    started = time.perf_counter()
    reason = _one_failure(path)
    assert time.perf_counter() - started < 10
    assert "PDF" in reason


@pytest.mark.parametrize(
    "content", [b"%PDF-1.4\n garbage", b"", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >>"]
)
def test_a_damaged_pdf_fails_with_a_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(content)
    assert _one_failure(path)


def test_mhtml_without_a_page_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.mhtml"
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/css\r\n\r\nbody{}\r\n--b--\r\n"
    )
    assert "no HTML page" in _one_failure(path)
    path.write_bytes(b"Subject: plain\r\n\r\nnot mime at all")
    assert "MIME" in _one_failure(path)


def test_a_page_over_the_time_limit_is_given_up(story: Story) -> None:
    big = article_html(story).replace(b"<p>", b"<p>" + b"word " * 3000, 1)
    document = SavedDocument("slow.html", "html", big, big, "original.html")
    reason = extract_content(job_of(document), seconds=0.001)
    assert isinstance(reason, str) and "took more than" in reason


def sleepy_extract(job: Job) -> Extracted:
    """An extraction stuck where no alarm reaches it (as C code can be): the pool must kill it."""
    if job[1] == b"stuck":
        time.sleep(60)
    return extract_content(job)


def test_the_pool_kills_a_stuck_worker_and_goes_on(story: Story) -> None:
    good = article_html(story)
    documents = [SavedDocument(f"page{i}.html", "html", good, good, "original.html") for i in range(3)]
    documents.insert(1, SavedDocument("stuck.html", "html", b"stuck", b"stuck", "original.html"))
    started = time.perf_counter()
    results = list(extract_documents(documents, workers=2, hard_limit=8, extract=sleepy_extract))
    assert time.perf_counter() - started < 45
    assert [type(r).__name__ for r in results] == ["SavedPage", "PageFailure", "SavedPage", "SavedPage"]
    assert "took more than" in results[1].reason  # type: ignore[union-attr]


def test_nothing_is_fetched_from_the_network(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, all_stories: list[Story]
) -> None:
    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for i, story in enumerate(all_stories[:5]):
        path = tmp_path / f"page{i}.html"
        path.write_bytes(article_html(story, ("wordpress", "arc", "amp", "print", "drupal")[i]))
        [saved] = _read(path)
        assert isinstance(saved, SavedPage)
        assert not saved.photos  # the photo is only on the web: not fetched
    assert calls == []
