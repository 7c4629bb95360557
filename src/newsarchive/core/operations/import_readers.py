"""Reading what the user imports into `Incoming` articles: text dumps, and saved web pages through
the extractors (each in a process pool when there are many)."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.compose import ID_LENGTH, article_id
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.photos import check_photo, library_photo_name
from newsarchive.core.ingest.process_pool import WorkerLost, in_a_worker
from newsarchive.core.ingest.reading import MAX_ARTICLE_BYTES, decode_text
from newsarchive.core.ingest.sidecar import Sidecar, read_sidecar
from newsarchive.core.ingest.sources import ArticleSource, WebSource
from newsarchive.core.operations.import_item import Incoming
from newsarchive.core.operations.import_report import ImportItem
from newsarchive.core.progress import CancelToken

# Below this many saved web files, extraction runs in the importing process (a pool costs ~1.5 s
# to start per worker).
POOL_THRESHOLD = 8
# From this many text dumps on, they are read and parsed in a process of their own while the
# importing process stores and indexes them: it was the busiest of the import's processes, and
# parsing was a fifth of its work (docs/benchmarks.md, "Whole import"). The reading process takes
# ~0.3 s to start, which an import of a few files would notice.
DUMP_PROCESS_THRESHOLD = 500
# Dumps sent to the reading process at a time, and how many such batches may be ahead.
DUMP_BATCH = 32
_BATCHES_AHEAD = 4
# A batch of dumps (each at most MAX_ARTICLE_BYTES) not read after this long: the reading process
# is stuck, and the rest is read in the importing process (as it is when the process ends).
_BATCH_LIMIT = 300.0


def read_dumps(sources: Sequence[ArticleSource]) -> Generator[Incoming | ImportItem, None, None]:
    """Each text dump read by `read_dump`, in order; with many, in a reading process (close the
    iterator when leaving it early: that ends the process)."""
    if len(sources) < DUMP_PROCESS_THRESHOLD:
        for source in sources:
            yield read_dump(source)
        return
    batches = [sources[start:start + DUMP_BATCH] for start in range(0, len(sources), DUMP_BATCH)]
    read = 0
    with closing(in_a_worker(read_dump_batch, batches, ahead=_BATCHES_AHEAD,
                             limit=_BATCH_LIMIT)) as results:
        try:
            for batch in results:
                for item in batch:
                    yield item
                    read += 1
        except WorkerLost:
            pass
    for source in sources[read:]:
        yield read_dump(source)


def read_dump_batch(sources: Sequence[ArticleSource]) -> list[Incoming | ImportItem]:
    """`read_dump` of each (the reading process's task)."""
    return [read_dump(source) for source in sources]


def read_dump(source: ArticleSource) -> Incoming | ImportItem:
    """A text dump and what comes with it, or the failed item saying why it is no article."""
    where = str(source.text)
    try:
        raw = _read_bounded(source.text)
        decoded = decode_text(raw, where)
        page = parse_page(decoded.text)
    except ImportFailure as exc:
        return ImportItem(where, "failed", reason=str(exc))
    except Exception as exc:
        reason = f"could not be parsed (internal error {type(exc).__name__}: {exc}); please report it"
        return ImportItem(where, "failed", reason=reason)
    sidecar = read_sidecar(source.sidecar) if source.sidecar is not None else None
    warnings = [*decoded.warnings, *_page_warnings(page.warnings, sidecar)]
    photos: dict[str, Path | bytes] = {}
    chosen = sidecar.photo if sidecar is not None else None
    # The photo the sidecar names comes first: it is the one the reader shows.
    for path in sorted(source.photos, key=lambda p: p.name != chosen):
        problem = check_photo(path)
        if problem:
            warnings.append(f"photo not kept: {problem}")
        else:
            photos.setdefault(library_photo_name(path.name), path)
    return Incoming(where, article_id(decoded.text), page, raw, photos, warnings, sidecar)


def read_web_pages(
    sources: Sequence[WebSource], cancel: CancelToken | None
) -> Iterator[Incoming | ImportItem]:
    """Every article the saved web files hold; a page that is no article (a listing, a scan, a
    damaged archive) comes as its failed item."""
    # Imported here: the extractors take ~0.5 s to load, which an import of text dumps never pays.
    from newsarchive.core.ingest.web import (
        PageFailure,
        SavedDocument,
        extract_documents,
        read_saved_file,
    )

    owners: deque[WebSource] = deque()  # the file each document came from, in order

    def documents() -> Iterator[SavedDocument | PageFailure]:
        for source in sources:
            for found in read_saved_file(source.path):
                owners.append(source)
                yield found

    workers = 1 if len(sources) < POOL_THRESHOLD else None
    for result in extract_documents(documents(), workers=workers, cancel=cancel):
        source = owners.popleft()  # results come in the order the documents went in
        if isinstance(result, PageFailure):
            yield ImportItem(result.source, "failed", reason=result.reason)
            continue
        sidecar = read_sidecar(source.sidecar) if source.sidecar is not None else None
        warnings = list(_page_warnings(result.page.warnings, sidecar))
        photos: dict[str, Path | bytes] = {library_photo_name(p.name): p.data for p in result.photos}
        page = result.page
        if page.url is None and result.url is not None:
            page = replace(page, url=result.url)
        # Like a dump's, the id comes from what was saved: one page saved twice (another capture,
        # another outlet's run) is found as the same article by its text and outlet.
        saved_id = hashlib.sha256(result.original).hexdigest()[:ID_LENGTH]
        yield Incoming(result.source, saved_id, page, result.original, photos,
                       warnings, sidecar, result.original_name, result.captured_at)


def _page_warnings(warnings: Sequence[object], sidecar: Sidecar | None) -> Iterator[str]:
    # A guess about a field the sidecar sets is moot: the sidecar's value is what is kept.
    overridden = sidecar.overrides if sidecar is not None else {}
    for warning in warnings:
        field = getattr(warning, "field", None)
        if field is None or field not in overridden:
            yield str(warning)
    if sidecar is not None:
        yield from sidecar.warnings


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, reading at most one byte past the size limit (a huge file costs nothing)."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise ImportFailure(f"cannot read the file: {exc.strerror or exc}") from exc
