"""Near-duplicate pairs among many documents at once, from per-document columns of band hashes
and signatures: what the index can keep instead of one term per band (docs/benchmarks.md,
"Near-duplicates", has what each costs)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from newsarchive.core.near_duplicates.fingerprints import NUM_PERM, THRESHOLD


def candidate_pairs(bands: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """Every pair `(a, b)`, `a < b`, of rows of `bands` (documents by bands, from
    `Fingerprint.band_hashes`) that hold the same value in some column, once, sorted.

    Sorting each column finds them in O(n log n) per band. A value shared by k documents gives
    k(k-1)/2 pairs: k identical texts are that many copies to check.
    """
    if bands.ndim != 2:
        raise ValueError(f"bands is a documents x bands matrix, not of shape {bands.shape}")
    found = [np.zeros((0, 2), dtype=np.int64)]
    for column in bands.T:
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        edges = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1], True])
        starts, lengths = edges[:-1], np.diff(edges)
        twos = starts[lengths == 2]  # nearly every shared value: one pair, without a Python loop
        found.append(np.column_stack((order[twos], order[twos + 1])))
        for start, length in zip(starts[lengths > 2].tolist(), lengths[lengths > 2].tolist(), strict=True):
            members = order[start:start + length]
            left, right = np.triu_indices(length, k=1)
            found.append(np.column_stack((members[left], members[right])))
    pairs = np.sort(np.concatenate(found), axis=1)
    return np.unique(pairs, axis=0).astype(np.int64)


def similarities(signatures: npt.NDArray[np.uint32],
                 pairs: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """The estimated Jaccard similarity of each pair of rows of `signatures` (documents by
    `NUM_PERM` values, from `Fingerprint.values`)."""
    if signatures.ndim != 2 or signatures.shape[1] != NUM_PERM:
        raise ValueError(
            f"signatures is a documents x {NUM_PERM} matrix, not of shape {signatures.shape}"
        )
    if pairs.size == 0:
        return np.zeros(0, dtype=np.float64)
    equal = signatures[pairs[:, 0]] == signatures[pairs[:, 1]]
    result: npt.NDArray[np.float64] = equal.mean(axis=1)
    return result


def copy_pairs(bands: npt.NDArray[np.uint64], signatures: npt.NDArray[np.uint32],
               ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """The near-duplicate pairs among the documents, most similar first, with their similarity:
    what `grouping.group` takes. Band hashes carry the language, so pairs are of one language."""
    pairs = candidate_pairs(bands)
    scores = similarities(signatures, pairs)
    keep = scores >= THRESHOLD
    pairs, scores = pairs[keep], scores[keep]
    order = np.argsort(-scores, kind="stable")
    return pairs[order], scores[order]
