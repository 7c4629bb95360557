"""Web archives: `.warc`/`.warc.gz` read as a stream with warcio, one document per archived HTML
page (its address and capture time kept), photos read back from the archive's own image records.

A first pass notes where each HTML page and image record starts (offsets only, never payloads);
the second reads the pages one at a time, so a 5 GB archive costs one page of memory at a time.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsarchive.core.ingest.web.fields import machine_date
from newsarchive.core.ingest.web.limits import MAX_INDEXED_RECORDS, MAX_RECORD_BYTES, MAX_RESOURCE_BYTES
from newsarchive.core.ingest.web.saved import PageFailure, SavedDocument

Opener = Callable[[], BinaryIO]
# What reading a damaged archive raises: warcio's own error, I/O, gzip/zlib and zip member errors.
_READ_ERRORS = (
    ArchiveLoadFailed,
    OSError,
    EOFError,
    ValueError,
    gzip.BadGzipFile,
    zipfile.BadZipFile,
    zlib.error,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_URL = 4000


@dataclass(frozen=True, slots=True)
class _Entry:
    url: str
    offset: int
    date: str | None


class WarcResources:
    """Image records of one archive, read back by address when a page's photo is wanted."""

    def __init__(self, opener: Opener, images: dict[str, int]) -> None:
        self.opener = opener
        self.images = images

    def get(self, address: str) -> bytes | None:
        offset = self.images.get(address)
        if offset is None:
            return None
        try:
            with self.opener() as stream:
                stream.seek(offset)
                for record in ArchiveIterator(stream):
                    return _payload(record, MAX_RESOURCE_BYTES)
        except _READ_ERRORS:
            return None
        return None


def read_warc(opener: Opener, source: str) -> Iterator[SavedDocument | PageFailure]:
    """Every archived HTML page of the archive `opener` opens (a fresh binary stream each call)."""
    pages: list[_Entry] = []
    images: dict[str, int] = {}
    damage: str | None = None
    opener = _seekable(opener)
    try:
        with opener() as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                if len(pages) + len(images) >= MAX_INDEXED_RECORDS:
                    damage = (
                        f"it holds more than {MAX_INDEXED_RECORDS:,} pages and images; the rest was not read"
                    )
                    break
                kind = _kind(record)
                url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()[:_MAX_URL]
                if kind == "html":
                    pages.append(
                        _Entry(url, iterator.get_record_offset(), record.rec_headers.get_header("WARC-Date"))
                    )
                elif kind == "image" and url:
                    images.setdefault(url, iterator.get_record_offset())
    except _READ_ERRORS as exc:
        damage = (
            f"the archive is damaged after {len(pages)} pages ({_short(exc)}); the pages before it were read"
        )
    resources = WarcResources(opener, images)
    for entry in pages:
        yield _document(opener, entry, source, resources)
    if damage is not None:
        yield PageFailure(source, f"Part of the web archive could not be read: {damage}.")


def _kind(record: object) -> str | None:
    rec_type = getattr(record, "rec_type", None)
    if rec_type not in ("response", "resource"):
        return None
    http = getattr(record, "http_headers", None)
    if rec_type == "response":
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = (http.get_header("Content-Type") or "").lower()
    else:
        content_type = (record.rec_headers.get_header("Content-Type") or "").lower()  # type: ignore[attr-defined]
    if content_type.startswith(_HTML_TYPES):
        return "html"
    if content_type.startswith("image/"):
        return "image"
    return None


def _document(
    opener: Opener, entry: _Entry, source: str, resources: WarcResources
) -> SavedDocument | PageFailure:
    where = f"{source} ({entry.url})"
    try:
        with opener() as stream:
            stream.seek(entry.offset)
            record = next(iter(ArchiveIterator(stream)))
            claimed = record.rec_headers.get_header("Content-Length")
            if claimed and claimed.isdigit() and int(claimed) > MAX_RECORD_BYTES + 65536:
                return PageFailure(
                    where,
                    f"The archived page claims {int(claimed) / 2**20:.0f} MB, more than "
                    "a saved article can be; it was not read.",
                    entry.url,
                )
            content = _payload(record, MAX_RECORD_BYTES)
            charset = _charset(record)
    except (*_READ_ERRORS, StopIteration) as exc:
        return PageFailure(where, f"The archived page cannot be read ({_short(exc)}).", entry.url)
    if content is None:
        return PageFailure(
            where,
            "The archived page is larger than a saved article can be, or cut short; it was not read.",
            entry.url,
        )
    return SavedDocument(
        source=where,
        kind="warc",
        content=content,
        original=content,
        original_name="original.html",
        url=entry.url or None,
        captured_at=_capture_time(entry.date),
        charset=charset,
        resources=resources,
    )


def _payload(record: object, limit: int) -> bytes | None:
    """The record's payload (HTTP chunking and gzip undone) or None when it is over `limit`."""
    stream = record.content_stream()  # type: ignore[attr-defined]
    data: bytes = stream.read(limit + 1)
    return None if len(data) > limit else data


def _charset(record: object) -> str | None:
    http = getattr(record, "http_headers", None)
    content_type = (http.get_header("Content-Type") if http is not None else None) or ""
    for piece in content_type.split(";")[1:]:
        key, _, value = piece.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _capture_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        day = machine_date(value)
        return datetime(day.year, day.month, day.day) if day else None


def _seekable(opener: Opener) -> Opener:
    """The opener itself for plain archives and record-by-record gzip (the standard); for one
    archive gzipped whole, a view of its decompressed bytes (seeking there re-reads, but works)."""
    try:
        with opener() as stream:
            head = stream.read(2)
    except OSError:
        return opener
    if head != b"\x1f\x8b":
        return opener
    try:
        with opener() as stream:
            # Reading two records is enough for warcio to tell a whole-file gzip.
            for _, _record in zip(range(2), ArchiveIterator(stream), strict=False):
                pass
    except ArchiveLoadFailed as exc:
        if "non-chunked" in str(exc).lower():
            return lambda: gzip.open(opener(), "rb")  # type: ignore[return-value]
    except (OSError, EOFError, ValueError):
        pass
    return opener


def _short(exc: BaseException) -> str:
    """The gist of a reader's error, without the raw bytes some quote."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = text.split(":")[0] if len(text) > 80 else text
    return "".join(ch for ch in text if ch.isprintable())[:80]


def bytes_opener(data: bytes) -> Opener:
    """An opener over bytes already in memory (tests, small archives)."""
    return lambda: io.BytesIO(data)
