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
    Fingerprint,
    FingerprintError,
    similarity,
)
from newsarchive.core.near_duplicates import THRESHOLD as COPY_THRESHOLD

# Band hashes of the articles an import adds are looked through as a block until this many are
# waiting, then merged into the sorted keys (a dict entry per band and article would cost ~200
# bytes each: ~600 MB at 100k articles).
MERGE_EVERY = 2048
# Each band's hashes are told apart by a salt of its own, so that all bands share one sorted array
# and a fingerprint's 31 look-ups are one vectorised search (two bands' keys meet by chance about
# once in 2**64, and a chance meeting only adds a candidate that the signature check refuses).
_BAND_SALTS = (np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))


class CopyFinder:
    """The articles a fingerprint is a copy of: those indexed when the import began (read on the
    first question: ~0.8 KB per article in memory) and those this import added since."""

    def __init__(self, index_dir: Path) -> None:
        self._index_dir = index_dir
        self._ids: list[str] = []
        self._fingerprints: list[Fingerprint] = []
        # Every article's salted band hashes, sorted, and the row each came from.
        self._keys = np.zeros(0, np.uint64)
        self._rows = np.zeros(0, np.int64)
        # The salted band hashes of the last rows added, not merged yet: rows `_waiting_from` on.
        self._waiting = np.zeros((MERGE_EVERY, BANDS), np.uint64)
        self._waiting_count = 0
        self._waiting_from = 0
        self._loaded = False
        self._last: tuple[Fingerprint, npt.NDArray[np.uint64]] | None = None  # hashes: ~30 µs

    def copies_of(self, print_: Fingerprint, own_id: str) -> tuple[str, ...]:
        """Ids of the articles `print_` is a near-duplicate copy of, most similar first."""
        self._load()
        keys = self._salted(print_)
        rows: set[int] = set()
        low = np.searchsorted(self._keys, keys, "left")
        high = np.searchsorted(self._keys, keys, "right")
        for band in np.flatnonzero(high > low).tolist():
            rows.update(self._rows[low[band]:high[band]].tolist())
        if self._waiting_count:
            waiting = self._waiting[: self._waiting_count]
            found_at = np.flatnonzero((waiting == keys).any(axis=1))
            rows.update((found_at + self._waiting_from).tolist())
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
        self._ids.append(article_id)
        self._fingerprints.append(print_)
        self._waiting[self._waiting_count] = self._salted(print_)
        self._waiting_count += 1
        if self._waiting_count == MERGE_EVERY:
            self._merge_waiting()

    def _merge_waiting(self) -> None:
        """The waiting rows into the sorted keys: one insertion, linear in their number."""
        count, first = self._waiting_count, self._waiting_from
        new = self._waiting[:count].ravel()
        order = np.argsort(new, kind="stable")
        at = np.searchsorted(self._keys, new[order], "right")
        self._keys = np.insert(self._keys, at, new[order])
        self._rows = np.insert(self._rows, at, order.astype(np.int64) // BANDS + first)
        self._waiting_from += count
        self._waiting_count = 0

    def _salted(self, print_: Fingerprint) -> npt.NDArray[np.uint64]:
        if self._last is None or self._last[0] is not print_:
            self._last = (print_, print_.band_hashes ^ _BAND_SALTS)
        return self._last[1]

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        ids, prints = _indexed_fingerprints(self._index_dir)
        if not prints:
            return
        self._ids, self._fingerprints = ids, prints
        self._waiting_from = len(ids)
        keys = (np.stack([p.band_hashes for p in prints]) ^ _BAND_SALTS).ravel()
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._rows = order.astype(np.int64) // BANDS


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
