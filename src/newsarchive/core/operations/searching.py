"""Searching a library: its index, with its collections and the user's splits of stories."""

from __future__ import annotations

from newsarchive.core.search.searcher import ArchiveSearcher
from newsarchive.core.storage.library import Library


def open_searcher(library: Library) -> ArchiveSearcher:
    """A searcher on `library`'s index that knows its collections and the user's "not a
    duplicate" pairs (close it when done)."""
    return ArchiveSearcher(library.index_dir, library.collections, library.duplicate_splits)
