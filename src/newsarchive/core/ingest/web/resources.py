"""Finding a saved page's photo among what was saved with it: `data:` URIs, the `_files/` folder,
MHTML parts, WARC records. Addresses are resolved against the page's own address first."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from newsarchive.core.ingest.photos import image_type, library_photo_name
from newsarchive.core.ingest.web.limits import MAX_RESOURCE_BYTES
from newsarchive.core.ingest.web.saved import Photo, Resources

_IMAGE_SUFFIX = {"jpeg": "jpg", "png": "png", "webp": "webp", "gif": "gif"}


class FolderResources:
    """The files a browser's "Save Page As" wrote beside the page (`story_files/`), looked up by the
    relative path the saved page uses, or by the last part of an absolute address."""

    def __init__(self, page: Path, folder: Path | None) -> None:
        self.base = page.parent.resolve()
        self.folder = folder.resolve() if folder is not None else None

    def get(self, address: str) -> bytes | None:
        if self.folder is None:
            return None
        parts = urlsplit(address)
        if parts.scheme in ("http", "https"):
            # An absolute address: browsers keep the file under its last path segment.
            candidate = self.folder / PurePosixPath(unquote(parts.path)).name
        else:
            candidate = self.base / unquote(parts.path)
        try:
            resolved = candidate.resolve()
        except (OSError, RuntimeError):
            return None
        # Never outside the page's `_files/` folder, whatever `../` the page writes.
        if self.folder not in resolved.parents or not resolved.is_file():
            return None
        try:
            if resolved.stat().st_size > MAX_RESOURCE_BYTES:
                return None
            return resolved.read_bytes()
        except OSError:
            return None


class MappedResources:
    """Resources held by address (MHTML parts: a few, each bounded when read)."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts

    def get(self, address: str) -> bytes | None:
        return self.parts.get(address)


def data_uri_bytes(address: str) -> bytes | None:
    """The bytes a `data:` URI carries (base64 or percent-encoded), None when malformed or too big."""
    head, comma, payload = address.partition(",")
    if not comma or not head.lower().startswith("data:"):
        return None
    if len(payload) > MAX_RESOURCE_BYTES * 4 // 3 + 4:
        return None
    if head.lower().endswith(";base64"):
        try:
            return base64.b64decode("".join(payload.split()), validate=False)
        except (binascii.Error, ValueError):
            return None
    return unquote(payload).encode("latin-1", errors="replace")


def candidate_addresses(address: str, page_urls: Iterable[str | None]) -> Iterator[str]:
    """The address as written, then resolved against each address of the page (pages write
    `../img/x.jpg`; an archive keys its records by the address captured, which may differ from the
    page's canonical one)."""
    yield address
    if address.startswith("data:"):
        return
    for page_url in page_urls:
        if not page_url:
            continue
        try:
            absolute = urljoin(page_url, address)
        except ValueError:
            continue
        if absolute != address:
            yield absolute
    if address.startswith("//"):
        yield "https:" + address


def find_photo(
    addresses: Iterable[str],
    resources: Resources,
    page_urls: Iterable[str | None],
    caption: str | None,
    credit: str | None,
) -> tuple[Photo | None, str | None]:
    """The first address that gives an image, as a Photo; else None and why (for a warning), or
    None and None when the page names no photo at all."""
    problem = None
    tried = False
    bases = tuple(dict.fromkeys(page_urls))
    for address in addresses:
        tried = True
        for candidate in candidate_addresses(address, bases):
            data = data_uri_bytes(candidate) if candidate.startswith("data:") else resources.get(candidate)
            if data is None:
                continue
            kind = image_type(data[:16])
            if kind is None:
                problem = "the page's photo is not a JPEG, PNG, WebP or GIF image"
                continue
            return Photo(data, _photo_name(candidate, kind), caption, credit), None
    if tried and problem is None:
        problem = "the page's photo was not saved with it (only its web address is known)"
    return None, problem


def _photo_name(address: str, kind: str) -> str:
    if address.startswith("data:"):
        return f"photo.{_IMAGE_SUFFIX[kind]}"
    name = PurePosixPath(unquote(urlsplit(address).path)).name or "photo"
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return library_photo_name(f"{stem}.{_IMAGE_SUFFIX[kind]}")
