"""Stories: the groups of articles joined by near-duplicate pairs, kept apart where a user said so."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

Pairs = Iterable[tuple[int, int]] | npt.NDArray[np.integer]


def group(n_docs: int, pairs: Pairs, splits: Pairs = ()) -> npt.NDArray[np.int64]:
    """The story of each of `n_docs` documents, as the smallest document number in its group.

    Groups are the connected components of `pairs` (document numbers), except that a pair is
    refused when joining would put the two documents of a `splits` pair ("not a duplicate") in one
    group. Pairs are tried in the order given: pass the most similar first, so that where a split
    forces a choice the strongest links are the ones kept. Without splits the order does not
    matter. Linear in documents plus pairs; only the groups holding a split do any extra work.
    """
    if n_docs < 0:
        raise ValueError(f"n_docs must not be negative, not {n_docs}")
    parent = list(range(n_docs))
    size = [1] * n_docs

    def find(doc: int) -> int:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    # For each group (by its root) holding one side of a split, the roots it must never join.
    apart: dict[int, set[int]] = {}
    for a, b in _checked(splits, n_docs):
        if a == b:
            raise ValueError(f"a document cannot be split from itself (document {a})")
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)

    for a, b in _checked(pairs, n_docs):
        root_a, root_b = find(a), find(b)
        if root_a == root_b or root_b in apart.get(root_a, ()):
            continue
        if size[root_a] < size[root_b]:
            root_a, root_b = root_b, root_a
        parent[root_b] = root_a
        size[root_a] += size[root_b]
        absorbed = apart.pop(root_b, None)
        if absorbed:
            for other in absorbed:
                kept_apart = apart[other]
                kept_apart.discard(root_b)
                kept_apart.add(root_a)
            apart.setdefault(root_a, set()).update(absorbed)
    return _smallest_members(np.asarray(parent, dtype=np.int64))


def _checked(pairs: Pairs, n_docs: int) -> list[tuple[int, int]]:
    items = pairs.tolist() if isinstance(pairs, np.ndarray) else [tuple(pair) for pair in pairs]
    checked: list[tuple[int, int]] = []
    for pair in items:
        if len(pair) != 2:
            raise ValueError(f"a pair has two document numbers, not {pair!r}")
        a, b = int(pair[0]), int(pair[1])
        if not (0 <= a < n_docs and 0 <= b < n_docs):
            raise ValueError(f"the pair ({a}, {b}) names a document outside 0..{n_docs - 1}")
        checked.append((a, b))
    return checked


def _smallest_members(parent: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    # Pointer jumping: every document reaches its root in a logarithmic number of array steps.
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            break
        parent = grand
    roots, first = np.unique(parent, return_index=True)
    return first[np.searchsorted(roots, parent)].astype(np.int64)
