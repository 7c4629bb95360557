"""Rebuilding the index from the library's articles, swapped in only when complete."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass

from newsarchive.core.index.storage import (
    create_index,
    rebuild_folder,
    remove_rebuild_leftovers,
    swap_in,
)
from newsarchive.core.operations.transaction import WriteTransaction
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress
from newsarchive.core.storage.library import DamagedRecord, Library

# From this many articles on, the index is written by worker processes.
BULK_THRESHOLD = 500


@dataclass(frozen=True, slots=True)
class RebuildReport:
    """What a rebuild did: articles indexed, damaged records skipped (id and reason), seconds."""

    indexed: int
    damaged: tuple[DamagedRecord, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.damaged


def rebuild_index(
    library: Library,
    progress: ProgressListener = no_progress,
    cancel: CancelToken | None = None,
) -> RebuildReport:
    """Index every readable record of `library` into a fresh index and swap it in.

    The new index is built in a folder beside the old one, which stays searchable; it replaces the
    old one only once complete, so a cancelled, failed or killed rebuild leaves the old index as
    it was. The write transaction holds the library's lock throughout (an import meanwhile waits,
    then reports the library busy); articles an interrupted import left waiting for the index are
    in the new index, so its journal is done with.
    """
    library.require_writable()
    started = time.monotonic()
    staging = rebuild_folder(library.index_dir)
    remove_rebuild_leftovers(library.path)
    ids = library.ids()
    total = len(ids)
    indexed = 0
    damaged: list[DamagedRecord] = []
    create_index(staging)
    try:
        with WriteTransaction(library, "rebuild", cancel=cancel, bulk=total >= BULK_THRESHOLD,
                              index_dir=staging, keep_on_cancel=False) as tx:
            progress(0, total, "Indexing articles")
            for done, item in enumerate(library.iter_articles(), start=1):
                tx.raise_if_cancelled()
                if isinstance(item, DamagedRecord):
                    damaged.append(item)
                else:
                    tx.index.add(item)
                    indexed += 1
                if done % 100 == 0 or done == total:
                    progress(done, total, "Indexing articles")
            progress(total, total, "Saving the index")
            tx.commit()
            swap_in(staging, library.index_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RebuildReport(indexed, tuple(damaged), time.monotonic() - started)
