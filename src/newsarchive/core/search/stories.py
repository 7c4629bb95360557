"""Stories: the articles of one index generation grouped with their near-duplicate copies (the
pairs recorded at import, kept apart where a user said "not a duplicate"), for folding results,
counting stories beside articles, and listing an article's copies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import numpy.typing as npt

from newsarchive.core.index.facet_arrays import FacetArrays
from newsarchive.core.near_duplicates import group


class Stories:
    """`story[doc]` is the smallest document number of the doc's story (itself when it has no
    copies). Built once per index generation (~0.1 s for 100k articles and 50k copy pairs)."""

    def __init__(self, arrays: FacetArrays, docnum_of: Mapping[str, int],
                 splits: Iterable[tuple[str, str]] = ()) -> None:
        targets = np.array([docnum_of.get(key, -1) for key in arrays.copied.keys], dtype=np.int64)
        pairs = np.zeros((0, 2), dtype=np.int64)
        if len(arrays.copy_docs):
            ends = targets[arrays.copy_ids]
            docs = arrays.copy_docs.astype(np.int64)
            keep = (ends >= 0) & arrays.live[docs]
            pairs = np.column_stack((docs[keep], ends[keep]))
        apart = [(docnum_of[a], docnum_of[b]) for a, b in splits
                 if a in docnum_of and b in docnum_of and a != b]
        self.story: npt.NDArray[np.int64] = group(arrays.doc_count, pairs, apart)
        self.has_copies = bool(len(pairs))

    def count(self, selected: npt.NDArray[np.bool_]) -> int:
        """How many stories the selected documents tell."""
        if not self.has_copies:
            return int(np.count_nonzero(selected))
        return int(np.unique(self.story[selected]).size)

    def first_of_each(self, order: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """`order` (document numbers, best first) with only the first document of each story."""
        if not self.has_copies or not len(order):
            return order
        _, first = np.unique(self.story[order], return_index=True)
        kept: npt.NDArray[np.int64] = order[np.sort(first)]
        return kept

    def copies_of(self, doc: int, live: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        """The other live documents of `doc`'s story."""
        if not self.has_copies:
            return np.zeros(0, dtype=np.int64)
        members: npt.NDArray[np.int64] = np.flatnonzero((self.story == self.story[doc]) & live)
        others: npt.NDArray[np.int64] = members[members != doc]
        return others

    def per_value(self, docs: npt.NDArray[np.int32], ids: npt.NDArray[np.int32],
                  selected: npt.NDArray[np.bool_], values: int) -> npt.NDArray[np.int64]:
        """For each facet value (of `values`), how many stories among the selected documents
        carry it, from the facet's (doc, value) pairs."""
        chosen = selected[docs]
        keys = ids[chosen].astype(np.int64) * (len(self.story) + 1) + self.story[docs[chosen]]
        distinct = np.unique(keys) // (len(self.story) + 1)
        counts: npt.NDArray[np.int64] = np.bincount(distinct, minlength=values)
        return counts
