"""An article's original saved page, for showing it offline: the page's HTML and the files saved with
it (MHTML parts, the photo kept from its `_files/` folder, `data:` URIs), read from the article folder
only. Nothing here fetches anything: an address the article did not bring is simply not found."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal
from urllib.parse import unquote, urlsplit

from newsarchive.core.errors import ImportFailure, LibraryError
from newsarchive.core.ingest.photos import image_type, library_photo_name

# The saved-web-page package (`core.ingest.web`) is imported where a page is read, not here: it
# brings trafilatura and lxml (~0.4 s), and the app imports this module at start-up to know which
# articles have an original.

OriginalKind = Literal["html", "mhtml", "pdf"]
# The names `storage.store.store_new` gives a saved web page's original, by kind.
ORIGINAL_NAMES: tuple[tuple[str, OriginalKind], ...] = (
    ("original.html", "html"), ("original.mhtml", "mhtml"), ("original.pdf", "pdf"))


@dataclass(frozen=True, slots=True)
class OriginalPage:
    """The page as saved: `html` (empty for a PDF, which is shown by the system's viewer) and the
    images the article brought, by the address the page writes for them."""

    kind: OriginalKind
    path: Path
    html: str = ""
    url: str | None = None
    resources: Mapping[str, bytes] = field(default_factory=dict)

    def resource(self, address: str) -> bytes | None:
        """The saved bytes for an address the page uses (as written, or percent-decoded, as Qt
        hands it over), a `data:` URI's own bytes, or None: never anything from elsewhere."""
        from newsarchive.core.ingest.web.resources import data_uri_bytes
        if address.startswith("data:"):
            data = data_uri_bytes(address)
            return data if data is not None and image_type(data[:16]) else None
        found = self.resources.get(address)
        if found is None:
            found = self.resources.get(unquote(address))
        return found


def original_path(folder: Path) -> Path | None:
    """The article folder's saved original (HTML, MHTML or PDF), or None for a text dump."""
    for name, _kind in ORIGINAL_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def read_original(folder: Path, photos: Sequence[str] = ()) -> OriginalPage:
    """The article's original page; `LibraryError` (a sentence) when it has none or it cannot be
    read. `photos` are the article's photo files, the ones an HTML page's `_files/` gave."""
    from newsarchive.core.ingest.web.viewing import page_for_viewing
    path = original_path(folder)
    if path is None:
        raise LibraryError("This article was imported from a text dump: it has no saved original page.")
    kind = next(k for name, k in ORIGINAL_NAMES if name == path.name)
    if kind == "pdf":
        return OriginalPage("pdf", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LibraryError(f"Cannot read the saved page {path}: {exc.strerror or exc}.") from exc
    if kind == "mhtml":
        content, charset, url, parts = _mhtml_parts(data, path)
    else:
        content, charset, url, parts = data, None, None, {}
    try:
        shown, addresses = page_for_viewing(content, charset)
    except ImportFailure as exc:
        raise LibraryError(f"The saved page {path} cannot be shown: {exc}") from exc
    if kind == "mhtml":
        resources = _from_parts(addresses, parts, url)
    else:
        resources = _from_photos(addresses, folder, photos)
    return OriginalPage(kind, path, shown, url, resources)


def _mhtml_parts(data: bytes, path: Path) -> tuple[bytes, str | None, str | None, dict[str, bytes]]:
    """The page part's bytes and charset, the page's address, and every image part by address
    (read as the importer reads them)."""
    from newsarchive.core.ingest.web.limits import MAX_MHTML_BYTES
    from newsarchive.core.ingest.web.mhtml import read_mhtml
    from newsarchive.core.ingest.web.resources import MappedResources
    if len(data) > MAX_MHTML_BYTES:
        raise LibraryError(f"The saved page {path} is over {MAX_MHTML_BYTES // 2**20} MB; it is not shown.")
    try:
        document = read_mhtml(data, str(path))
    except ImportFailure as exc:
        raise LibraryError(f"The saved page {path} cannot be shown: {exc}") from exc
    parts = document.resources.parts if isinstance(document.resources, MappedResources) else {}
    return document.content, document.charset, document.url, parts


def _from_parts(addresses: list[str], parts: Mapping[str, bytes], url: str | None) -> dict[str, bytes]:
    """Each address the page writes whose image is among the MHTML's parts (resolved against the
    page's address as a browser would)."""
    from newsarchive.core.ingest.web.resources import candidate_addresses
    out: dict[str, bytes] = {}
    for address in addresses:
        for candidate in candidate_addresses(address, (url,)):
            if candidate in parts:
                out[address] = parts[candidate]
                break
    return out


def _from_photos(addresses: list[str], folder: Path, photos: Sequence[str]) -> dict[str, bytes]:
    """Each address whose file the import kept as the article's photo: a browser keeps an image
    under its address's last name, and the import kept it under that name made safe."""
    stems = {Path(name).stem: name for name in photos}
    out: dict[str, bytes] = {}
    for address in addresses:
        if address.startswith("data:"):
            continue
        last = PurePosixPath(unquote(urlsplit(address).path)).name
        if not last:
            continue
        name = stems.get(Path(library_photo_name(last)).stem)
        if name is None:
            continue
        try:
            data = (folder / name).read_bytes()
        except OSError:
            continue
        if image_type(data[:16]):
            out[address] = data
    return out
