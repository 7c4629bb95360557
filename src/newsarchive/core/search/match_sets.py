"""The documents a query matches, as a numpy mask, read from the posting blocks directly.

Whoosh yields matching document numbers one Python call at a time (a broad word at 100k articles:
tens of thousands of calls through nested matchers). Counting totals and facets needs every match
but no scores, so terms are read a block of ids at a time and combined with numpy; anything else
(phrases, ranges) is left to Whoosh.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound


def match_mask(searcher: Any, query: Any, doc_count: int) -> np.ndarray:
    """A boolean array over document numbers: True where `query` matches (deleted ones included)."""
    return _MaskReader(searcher, doc_count).mask(query)


class _MaskReader:
    def __init__(self, searcher: Any, doc_count: int) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = doc_count
        self.leaves = [(leaf, offset) for leaf, offset in self.reader.leaf_readers()
                       if leaf.segment() is not None]

    def mask(self, query: Any) -> np.ndarray:
        if isinstance(query, wq.Term):
            return self._term(query.fieldname, query.text)
        if isinstance(query, wq.Or):
            out = np.zeros(self.size, dtype=bool)
            for child in query.subqueries:
                out |= self.mask(child)
            return out
        if isinstance(query, wq.And):
            out = np.ones(self.size, dtype=bool)
            for child in query.subqueries:
                out &= self.mask(child)
            return out
        if isinstance(query, wq.AndNot):
            return self.mask(query.a) & ~self.mask(query.b)
        if isinstance(query, wq.Every):
            return np.ones(self.size, dtype=bool)
        if query is wq.NullQuery:
            return np.zeros(self.size, dtype=bool)
        if isinstance(query, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)):
            # Every index term the pattern covers (bytes or, for fuzzy terms, str).
            out = np.zeros(self.size, dtype=bool)
            for text in set(query._btexts(self.reader)):
                out |= self._term(query.fieldname, text)
            return out
        out = np.zeros(self.size, dtype=bool)
        out[np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)] = True
        return out

    def _term(self, field: str, text: str | bytes) -> np.ndarray:
        out = np.zeros(self.size, dtype=bool)
        for leaf, offset in self.leaves:
            try:
                matcher = leaf.postings(field, text)
            except (TermNotFound, KeyError):
                continue
            out[_ids(matcher) + offset] = True
        return out


def _ids(matcher: Any) -> np.ndarray:
    # Deleted documents are masked out by the caller, so a deletion filter is looked through.
    inner = getattr(matcher, "child", matcher)
    if not isinstance(inner, W3LeafMatcher):
        return np.fromiter(inner.all_ids(), dtype=np.int64)
    chunks = []
    while inner.is_active():
        inner._read_ids()
        chunks.append(np.asarray(inner._ids, dtype=np.int64))
        inner._next_block()
    return np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
