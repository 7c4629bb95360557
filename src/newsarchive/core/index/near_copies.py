"""Finding a new article's near-duplicate copies among those the library holds: their fingerprints
read from the index once per import, candidates by LSH band, verified by signature."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsarchive.core.errors import LibraryError
from newsarchive.core.index.storage import index_exists, open_index, unreadable_index_errors
from newsarchive.core.near_duplicates import (
    BANDS,
    NUM_PERM,
    Fingerprint,
    FingerprintError,
    similarity,
)
from newsarchive.core.near_duplicates import THRESHOLD as COPY_THRESHOLD


class CopyFinder:
    """The articles a fingerprint is a copy of: those indexed when the import began (read on the
    first question: ~0.8 KB per article in memory) and those this import added since."""

    def __init__(self, index_dir: Path) -> None:
        self._index_dir = index_dir
        self._ids: list[str] = []
        self._fingerprints: list[Fingerprint] = []
        self._signatures = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self._sorted: list[npt.NDArray[np.uint64]] = []  # each band's hashes, sorted
        self._rows: list[npt.NDArray[np.int64]] = []  # ...and the row each came from
        self._loaded = False
        self._added: dict[tuple[int, int], list[int]] = {}  # (band, hash) -> rows added this run
        self._last: tuple[Fingerprint, list[int]] | None = None  # band hashes cost ~30 µs: once

    def copies_of(self, print_: Fingerprint, own_id: str) -> tuple[str, ...]:
        """Ids of the articles `print_` is a near-duplicate copy of, most similar first."""
        self._load()
        hashes = self._hashes(print_)
        rows: set[int] = set()
        for band, value in enumerate(hashes):
            if band < len(self._sorted):
                column = self._sorted[band]
                low, high = np.searchsorted(column, value, "left"), np.searchsorted(column, value, "right")
                rows.update(self._rows[band][low:high].tolist())
            rows.update(self._added.get((band, value), ()))
        found: list[tuple[float, str]] = []
        for row in rows:
            other = self._ids[row]
            if other == own_id:
                continue
            score = similarity(print_, self._fingerprints[row])
            if score >= COPY_THRESHOLD:
                found.append((-score, other))
        return tuple(other for _, other in sorted(found))

    def add(self, article_id: str, print_: Fingerprint) -> None:
        """An article this import added: later ones may be its copies."""
        self._load()
        row = len(self._ids)
        self._ids.append(article_id)
        self._fingerprints.append(print_)
        for band, value in enumerate(self._hashes(print_)):
            self._added.setdefault((band, value), []).append(row)

    def _hashes(self, print_: Fingerprint) -> list[int]:
        if self._last is None or self._last[0] is not print_:
            self._last = (print_, print_.band_hashes.tolist())
        return self._last[1]

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        ids, prints = _indexed_fingerprints(self._index_dir)
        if not prints:
            return
        self._ids, self._fingerprints = ids, prints
        bands = np.stack([p.band_hashes for p in prints])
        for band in range(BANDS):
            order = np.argsort(bands[:, band], kind="stable")
            self._sorted.append(bands[order, band])
            self._rows.append(order.astype(np.int64))


def _indexed_fingerprints(index_dir: Path) -> tuple[list[str], list[Fingerprint]]:
    """The id and fingerprint of every live indexed article that has one. An index that cannot be
    read answers nothing (the import then finds copies only among what it adds itself)."""
    ids: list[str] = []
    prints: list[Fingerprint] = []
    if not index_exists(index_dir):
        return ids, prints
    try:
        with unreadable_index_errors(index_dir), open_index(index_dir).reader() as reader:
            for leaf, _offset in reader.leaf_readers():
                if leaf.segment() is None or not leaf.has_column("fingerprint"):
                    continue
                leaf_ids = leaf.column_reader("id")
                data = leaf.column_reader("fingerprint")
                deleted = set(leaf.segment().deleted_docs()) if leaf.has_deletions() else set()
                for doc in range(leaf.doc_count_all()):
                    raw = data[doc]
                    if doc in deleted or not raw:
                        continue
                    try:
                        prints.append(Fingerprint.from_bytes(raw))
                    except FingerprintError:
                        continue  # written by another version: that article finds no copies
                    ids.append(str(leaf_ids[doc]))
    except LibraryError:
        return [], []
    return ids, prints
