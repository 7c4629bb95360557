"""Rebuilding the index from the library's articles, swapped in only when complete."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from newsarchive.core.errors import LibraryError
from newsarchive.core.index.storage import create_index, lock_path, write_lock
from newsarchive.core.index.writer import IndexWriter
from newsarchive.core.library.library import DamagedRecord, Library
from newsarchive.core.library.lock import WriteLock
from newsarchive.core.library.pending import PendingJournal
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress

# Names of the folders a rebuild works in; they look like staging files (`.<name>.tmp`), so a
# killed rebuild leaves nothing that passes for an article or an index.
_NEW_PREFIX = ".index-rebuild-"
_OLD_PREFIX = ".index-old-"


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

    The new index is built in a temporary folder while the old one stays searchable; it replaces
    the old one only once complete, so a cancelled, failed or killed rebuild leaves the old index
    as it was. The library's write lock is held throughout, so no import writes meanwhile (it
    would wait, then report the library busy). Articles an interrupted import left waiting for the
    index (its pending journal) are in the new index, so the journal is done with.
    """
    library.require_writable()
    started = time.monotonic()
    index_dir = library.index_dir
    staging = index_dir.with_name(f"{_NEW_PREFIX}{os.getpid()}.tmp")
    _remove_leftovers(index_dir.parent)
    ids = library.ids()
    total = len(ids)
    indexed = 0
    damaged: list[DamagedRecord] = []
    with WriteLock(library.path, "rebuild"), write_lock(index_dir):
        try:
            create_index(staging)
            progress(0, total, "Indexing articles")
            with IndexWriter(staging, bulk=total >= 500) as writer:
                for done, item in enumerate(library.iter_articles(), start=1):
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    if isinstance(item, DamagedRecord):
                        damaged.append(item)
                    else:
                        writer.add(item)
                        indexed += 1
                    if done % 100 == 0 or done == total:
                        progress(done, total, "Indexing articles")
                progress(total, total, "Saving the index")
            _swap(staging, index_dir)
            PendingJournal(library).committed()
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            lock_path(staging).unlink(missing_ok=True)
    return RebuildReport(indexed, tuple(damaged), time.monotonic() - started)


def _swap(staging: Path, index_dir: Path) -> None:
    old = index_dir.with_name(f"{_OLD_PREFIX}{os.getpid()}.tmp")
    try:
        if index_dir.exists():
            os.replace(index_dir, old)
        os.replace(staging, index_dir)
    except OSError as exc:
        raise LibraryError(f"Cannot put the rebuilt index in place at {index_dir}: {exc}.") from exc
    # Searchers still open on the old index keep their open files; the folder can go now.
    shutil.rmtree(old, ignore_errors=True)


def restore_interrupted_swap(index_dir: Path) -> bool:
    """Put the old index back if a rebuild died between its two renames (no index, an old one
    set aside). Call with the write lock held; True when an index was restored."""
    if index_dir.exists():
        return False
    set_aside = sorted(
        index_dir.parent.glob(f"{_OLD_PREFIX}*.tmp"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in set_aside:
        if old.is_dir():
            os.replace(old, index_dir)
            return True
    return False


def _remove_leftovers(folder: Path) -> None:
    # Only our own staging names, and only those of processes that are gone: a killed rebuild.
    for entry in folder.iterdir():
        name = entry.name
        if not (name.startswith((_NEW_PREFIX, _OLD_PREFIX)) and name.endswith(".tmp")):
            continue
        pid = name.removesuffix(".tmp").rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
