"""What reading a saved web file gives: the documents found in it, then one result per page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from newsarchive.core.model import ParsedPage

Kind = Literal["html", "singlefile", "mhtml", "warc", "wacz", "pdf"]


class Resources(Protocol):
    """The files a saved page brought with it (its `_files/` folder, MHTML parts, WARC records),
    looked up by the absolute URL or relative name the page uses for them."""

    def get(self, address: str) -> bytes | None: ...


class NoResources:
    """A page saved alone (`data:` URIs are read from the page itself)."""

    def get(self, address: str) -> bytes | None:
        return None


@dataclass(frozen=True, slots=True)
class SavedDocument:
    """One page found in a saved file, before extraction.

    `source` says where it was found (the file, and for web archives the page's address in it);
    `content` is the HTML (or PDF) to extract from; `original` is what the library keeps of it,
    under `original_name`. `resources` stays in the importing process: only the chosen photo is
    ever read from it.
    """

    source: str
    kind: Kind
    content: bytes
    original: bytes
    original_name: str
    url: str | None = None
    captured_at: datetime | None = None
    charset: str | None = None  # as declared outside the page (HTTP header, MIME part)
    resources: Resources = field(default_factory=NoResources)


@dataclass(frozen=True, slots=True)
class Photo:
    """The lead photo of a saved page: its bytes (checked to be an image), a file name for the
    library, and what the page says about it."""

    data: bytes
    name: str
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class SavedPage:
    """One article extracted from a saved web page: its record fields, its photos, and the
    original bytes the library keeps so the reader can show the page as it was saved."""

    source: str
    kind: Kind
    original: bytes
    original_name: str
    page: ParsedPage
    photos: tuple[Photo, ...] = ()
    url: str | None = None
    captured_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PageFailure:
    """A file, or one page inside a web archive, that gives no article; `reason` is a sentence."""

    source: str
    reason: str
    url: str | None = None
