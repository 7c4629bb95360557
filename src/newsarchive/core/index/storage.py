"""The index folder on disk: creating it, opening it (with its version checked), swapping in a rebuilt one."""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from newsarchive.core.errors import LibraryError
from newsarchive.core.files import write_atomic
from newsarchive.core.index.schema import SCHEMA_VERSION, build_schema

MARKER_FILE = "newsarchive-index.yaml"
REBUILD_HINT = "run `newsarchive rebuild` to build it again from the library's articles"


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


# Names of the folders a rebuild works in; they look like staging files (`.<name>.tmp`), so a
# killed rebuild leaves nothing that passes for an article or an index.
_NEW_PREFIX = ".index-rebuild-"
_OLD_PREFIX = ".index-old-"


def rebuild_folder(index_dir: Path) -> Path:
    """Where a new index for `index_dir` is built before `swap_in` puts it in place."""
    return index_dir.with_name(f"{_NEW_PREFIX}{os.getpid()}.tmp")


def swap_in(staging: Path, index_dir: Path) -> None:
    """Put the index built in `staging` in place of `index_dir` (two renames; see
    `restore_interrupted_swap` for a kill between them)."""
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


def remove_rebuild_leftovers(folder: Path) -> None:
    """Delete the folders of killed rebuilds in `folder` (never those of a live process)."""
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
