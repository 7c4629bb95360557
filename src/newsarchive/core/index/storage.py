"""The index folder on disk: creating it, opening it (with its version checked), and its write lock."""

from __future__ import annotations

import pickle
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.util.filelock import FileLock

from newsarchive.core.errors import LibraryBusy, LibraryError
from newsarchive.core.index.schema import SCHEMA_VERSION, build_schema
from newsarchive.core.library.files import write_atomic

MARKER_FILE = "newsarchive-index.yaml"
# How long a second writer waits for the first before giving up with `LibraryBusy`.
LOCK_TIMEOUT = 10.0

REBUILD_HINT = "run `newsarchive rebuild` to build it again from the library's articles"


def lock_path(index_dir: Path) -> Path:
    """The write lock sits beside the index folder, so it survives a rebuild swapping the folder."""
    return index_dir.with_name(index_dir.name + ".lock")


@contextmanager
def write_lock(index_dir: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the library's index write lock; wait at most `timeout` seconds, then `LibraryBusy`.

    The lock is an OS file lock, so a killed writer releases it; the lock file itself stays.
    """
    lock = FileLock(str(lock_path(index_dir)))
    try:
        deadline = time.monotonic() + timeout
        while not lock.acquire():
            if time.monotonic() >= deadline:
                raise LibraryBusy(
                    "Another newsarchive task (an import or a rebuild) is writing this library's "
                    "index; try again when it has finished."
                )
            time.sleep(0.05)
    except OSError as exc:
        raise LibraryError(f"Cannot lock the index at {index_dir}: {exc.strerror or exc}.") from exc
    try:
        yield
    finally:
        lock.release()


def index_exists(index_dir: Path) -> bool:
    """Whether the folder holds an index (readable or not): Whoosh's table of contents is there."""
    return index_dir.is_dir() and any(index_dir.glob("_MAIN_*.toc"))


def create_index(index_dir: Path) -> whoosh_index.FileIndex:
    """An empty index of the current schema in `index_dir` (created if absent)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = FileStorage(str(index_dir)).create_index(build_schema())
    write_atomic(index_dir / MARKER_FILE, yaml.safe_dump({"schema_version": SCHEMA_VERSION}))
    return ix


def open_index(index_dir: Path, *, read_only: bool = True) -> whoosh_index.FileIndex:
    """Open the index; a missing, damaged or outdated one raises `LibraryError` saying what to do."""
    if not index_exists(index_dir):
        raise LibraryError(f"This library has no search index at {index_dir}; {REBUILD_HINT}.")
    try:
        marker = yaml.safe_load((index_dir / MARKER_FILE).read_text(encoding="utf-8"))
        version = marker.get("schema_version") if isinstance(marker, dict) else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        version = None
    if version != SCHEMA_VERSION:
        raise LibraryError(
            f"The search index at {index_dir} was built by another version of newsarchive; "
            f"{REBUILD_HINT}."
        )
    with unreadable_index_errors(index_dir):
        return FileStorage(str(index_dir), readonly=read_only).open_index()


@contextmanager
def unreadable_index_errors(index_dir: Path) -> Iterator[None]:
    """Turn what Whoosh raises for a damaged index into a `LibraryError` asking for a rebuild."""
    try:
        yield
    except (OSError, EOFError, ValueError, KeyError, AttributeError, ImportError, TypeError,
            pickle.UnpicklingError, whoosh_index.IndexError) as exc:
        raise LibraryError(
            f"The search index at {index_dir} cannot be read ({exc}); {REBUILD_HINT}."
        ) from exc


def open_searcher(index: whoosh_index.FileIndex, index_dir: Path) -> Any:
    """A Whoosh searcher on the index's latest commit, each segment read afresh.

    Whoosh's own `Searcher.refresh()` reuses the readers of segments it saw before, deletions and
    all, so deleted articles would still be found: a new searcher is always opened instead.
    """
    with unreadable_index_errors(index_dir):
        return index.searcher()
