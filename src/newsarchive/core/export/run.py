"""The export run: every match of a search, loaded one at a time, streamed into one format.

Memory stays flat whatever the number of matches: ids come from the searcher as a stream, each
article is loaded, written and dropped. The file appears only when complete (see `PendingFile`).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TextIO

from newsarchive.core.errors import ArticleNotFound, ExportError, LibraryError
from newsarchive.core.export.destination import PendingFile, default_file_name, resolve_destination
from newsarchive.core.export.fields import FieldChoice, check_fields
from newsarchive.core.export.provenance import Provenance
from newsarchive.core.export.registry import get_format
from newsarchive.core.model import Article
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress
from newsarchive.core.search.request import SearchRequest, SearchResult
from newsarchive.core.storage.library import Library

# Progress is reported about this many times per export (the GUI need not be flooded at 100k).
_PROGRESS_STEPS = 200


class ResultSource(Protocol):
    """What the export needs of `core.search.searcher.ArchiveSearcher`."""

    def search(self, request: SearchRequest) -> SearchResult: ...

    def iter_ids(self, request: SearchRequest) -> Iterable[str]: ...


@dataclass(frozen=True, slots=True)
class SkippedArticle:
    """A match that could not be exported (its record vanished or is damaged since the search)."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class ExportReport:
    format: str
    fields: FieldChoice
    destination: Path | None  # None when written to a stream (standard output)
    provenance_file: Path | None  # the CSV sidecar, when one was written
    total: int  # matches when the export began
    written: int
    skipped: tuple[SkippedArticle, ...]
    seconds: float


def write_articles(
    fmt: str, out: TextIO, articles: Iterable[Article], provenance: Provenance
) -> None:
    """Write `articles` in format `fmt` to `out` (opened with `newline=""`), streaming."""
    get_format(fmt).writer(out, articles, provenance)


def export_results(
    library: Library,
    searcher: ResultSource,
    request: SearchRequest,
    fmt: str,
    destination: str | os.PathLike[str] | TextIO,
    fields: str = "metadata",
    progress: ProgressListener = no_progress,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Export every match of `request` (not one page) in its sort order.

    `destination` is a file path, a folder (the file gets `default_file_name` inside it) or an
    open text stream (opened with `newline=""`; written as it goes). A bad format, field choice,
    query (`QueryError`) or folder raises before anything is written; a cancel (`Cancelled`) or
    a failure while writing leaves no file behind. Articles whose record cannot be read are
    skipped and listed in the report.
    """
    started = time.monotonic()
    export_format = get_format(fmt)
    field_choice = check_fields(fields)
    total = searcher.search(replace(request, limit=0, offset=0)).total
    provenance = Provenance.for_request(
        request,
        library_name=library.name,
        library_path=str(library.path),
        count=total,
        fields=field_choice,
    )
    skipped: list[SkippedArticle] = []
    written = 0

    def articles() -> Iterator[Article]:
        nonlocal written
        step = max(1, total // _PROGRESS_STEPS)
        progress(0, total, "")
        for done, article_id in enumerate(searcher.iter_ids(request), start=1):
            if cancel is not None:
                cancel.raise_if_cancelled()
            try:
                article = library.load(article_id)
            except (ArticleNotFound, LibraryError) as exc:
                skipped.append(SkippedArticle(article_id, str(exc)))
            else:
                written += 1
                yield article
            if done % step == 0:
                progress(done, total, "")
        progress(written + len(skipped), total, "")

    if not isinstance(destination, (str, os.PathLike)):
        export_format.writer(destination, articles(), provenance)
        destination.flush()
        return ExportReport(
            export_format.name, field_choice, None, None, total, written, tuple(skipped),
            time.monotonic() - started,
        )

    target = resolve_destination(
        destination,
        default_file_name(request.query, export_format.extension, provenance.created),
    )
    sidecar_path = (
        target.with_name(target.name + ".provenance.json")
        if export_format.provenance_sidecar
        else None
    )
    pending = [PendingFile(target)]
    try:
        export_format.writer(pending[0].stream, articles(), provenance)
        if cancel is not None:
            cancel.raise_if_cancelled()
        pending[0].close()
        if sidecar_path is not None:
            pending.append(PendingFile(sidecar_path))
            sidecar = {
                "provenance": provenance.to_dict(),
                "file": target.name,
                "format": export_format.name,
                "written": written,
            }
            pending[1].stream.write(json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n")
        for item in pending:
            item.commit()
    except OSError as exc:
        for item in pending:
            item.discard()
        raise ExportError(f"The export to {target} failed: {exc.strerror or exc}.") from exc
    except BaseException:
        for item in pending:
            item.discard()
        raise
    return ExportReport(
        export_format.name, field_choice, target, sidecar_path, total, written, tuple(skipped),
        time.monotonic() - started,
    )
