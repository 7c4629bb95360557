"""Import runs: find the articles under the given paths, parse, store and index each, and report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from newsarchive.core.errors import Cancelled
from newsarchive.core.ingest.sources import ArticleSource, NotAnArticle, WebSource, find_sources
from newsarchive.core.ingest.web_files import ARCHIVE_SUFFIXES
from newsarchive.core.operations.import_item import ImportRun, Incoming, Outcome
from newsarchive.core.operations.import_readers import read_dumps, read_web_pages
from newsarchive.core.operations.import_report import (
    ImportItem,
    ImportReport,
    SkippedFile,
    save_report,
)
from newsarchive.core.operations.tag_kind_correction import load_tag_kinds
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress
from newsarchive.core.storage.library import Library

# From this many articles on, the index writer takes its multi-process bulk path.
BULK_THRESHOLD = 500


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    progress: ProgressListener = no_progress,
    cancel: CancelToken | None = None,
    on_item: Callable[[ImportItem], None] | None = None,
) -> ImportReport:
    """Import every article under `paths` (files, folders walked recursively) into `library`.

    Never raises for a bad input item: each is reported with its reason and the rest goes on.
    Raises `LibraryReadOnly`/`LibraryBusy` when the library cannot be written at all. Cancelling
    (or Ctrl+C: the report then says `interrupted`) stops between items; what was stored so far
    is indexed and reported. `on_item`, if given, is called
    (from the working thread) with each item's outcome as soon as it is known, for live counts.
    """
    library.require_writable()
    absolute = tuple(Path(p).absolute() for p in paths)
    started = datetime.now(UTC)
    progress(0, None, "Looking for articles…")
    sources: list[ArticleSource | WebSource] = []
    skipped: list[SkippedFile] = []
    for found in find_sources(absolute):
        if isinstance(found, NotAnArticle):
            skipped.append(SkippedFile(str(found.path), found.reason))
        else:
            sources.append(found)
    dumps = [s for s in sources if isinstance(s, ArticleSource)]
    pages = [s for s in sources if isinstance(s, WebSource)]
    items: list[ImportItem] = []
    cancelled = interrupted = False
    # A web archive holds many pages: it takes the bulk path as a folder of many dumps would.
    bulk = len(sources) >= BULK_THRESHOLD or any(
        s.path.name.lower().endswith(ARCHIVE_SUFFIXES) for s in pages)
    with WriteTransaction(library, "import", cancel=cancel, bulk=bulk) as tx:
        run = ImportRun(library, tx, load_tag_kinds(library))
        added: set[str] = set()  # indexed in this batch: Whoosh cannot replace them in it
        again: dict[str, Outcome] = {}  # ...so a later change of one waits for the next batch

        def take(read: Incoming | ImportItem) -> None:
            outcome = run.store(read) if isinstance(read, Incoming) else Outcome(read)
            items.append(outcome.item)
            if on_item is not None:
                on_item(outcome.item)
            article = outcome.article
            if article is None:
                return
            if outcome.is_new:
                tx.index.add(article, outcome.fingerprint)
                added.add(article.id)
            elif article.id in added:
                again[article.id] = outcome
            else:
                tx.index.replace(article, outcome.fingerprint)

        try:
            with closing(read_dumps(dumps)) as reads:
                for done, read in enumerate(reads, start=1):
                    if tx.cancelled:
                        cancelled = True
                        break
                    take(read)
                    progress(done, len(sources), _file_name(read))
            if pages and not cancelled:
                for read in read_web_pages(pages, cancel):
                    take(read)
                    progress(len(dumps) + 1, len(sources), f"{len(items)} articles read")
        except KeyboardInterrupt:
            # Ctrl+C on the command line: keep what was stored and the report, like a cancel.
            cancelled = interrupted = True
        except Cancelled:
            cancelled = True  # the web pages' extraction stops between pages
        progress(len(sources), len(sources), "Updating the index…")
        if again:
            tx.flush()
            for outcome in again.values():
                assert outcome.article is not None
                tx.index.replace(outcome.article, outcome.fingerprint)
        tx.commit()
        report = ImportReport(
            started=started,
            finished=datetime.now(UTC),
            paths=tuple(str(p) for p in absolute),
            items=tuple(items),
            skipped=tuple(skipped),
            cancelled=cancelled,
            interrupted=interrupted,
        )
        saved = save_report(library.imports_dir, report)
    return replace(report, saved_to=str(saved))


def _file_name(read: Incoming | ImportItem) -> str:
    return Path(read.where if isinstance(read, Incoming) else read.source).name
