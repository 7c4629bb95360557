"""Matching and scoring a query over the whole index at once, with numpy, from the posting blocks.

Whoosh yields matching documents one Python call at a time and scores each the same way, which at
100k articles makes a broad word cost a few hundred milliseconds. A search needs every match
anyway (for the total and the facet counts), so here each term's postings are read a block at a
time (ids, term frequencies), scored with BM25 against cached per-document field lengths, and
combined as arrays: OR adds scores, AND keeps documents every part matches, NOT removes. Phrases
and proximity are matched by Whoosh (positions), then scored by their words.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import _length_byte_cache

# BM25's usual constants: term frequency saturation and length normalisation.
K1 = 1.2
B = 0.75
_BYTE_TO_LENGTH = np.asarray(_length_byte_cache, dtype=np.float32)


@dataclass(frozen=True, slots=True)
class Evaluated:
    """Which documents a query matches and how well (0 where it does not)."""

    matched: np.ndarray  # bool, by document number
    scores: np.ndarray  # float32, by document number


class FieldLengths:
    """Per-document field lengths, read once per segment and field; safe to share between threads."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], np.ndarray] = {}
        self._lock = threading.Lock()

    def of(self, leaf: Any, field: str) -> np.ndarray:
        key = (leaf.segment().segment_id(), field)
        with self._lock:
            found = self._cache.get(key)
            if found is None:
                found = self._cache[key] = _read_lengths(leaf, field)
            return found


def _read_lengths(leaf: Any, field: str) -> np.ndarray:
    count = leaf.doc_count_all()
    codes = np.zeros(count, dtype=np.uint8)
    try:
        # Whoosh's codec keeps each field's lengths as a one-byte-per-document column.
        column = leaf._perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
        if column is None:
            return codes.astype(np.float32)
        raw = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
        codes[: len(raw)] = raw[:count]
    except AttributeError:  # another codec layout: the slow, public way
        return np.fromiter((leaf.doc_field_length(d, field) for d in range(count)),
                           dtype=np.float32, count=count)
    return _BYTE_TO_LENGTH[codes]


def evaluate(searcher: Any, query: Any, doc_count: int, lengths: FieldLengths) -> Evaluated:
    """Match and score `query` over every document (deleted ones too: the caller masks them)."""
    return _Evaluation(searcher, doc_count, lengths).run(query)


class _Evaluation:
    def __init__(self, searcher: Any, size: int, lengths: FieldLengths) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = size
        self.lengths = lengths
        self.leaves = [(leaf, offset) for leaf, offset in self.reader.leaf_readers()
                       if leaf.segment() is not None]
        self.documents = max(1, self.reader.doc_count())

    def nothing(self) -> Evaluated:
        return Evaluated(np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float32))

    def run(self, query: Any) -> Evaluated:
        if isinstance(query, wq.Term):
            return self.term(query.fieldname, query.text, query.boost)
        if isinstance(query, wq.Or):
            return self.union([self.run(q) for q in query.subqueries])
        if isinstance(query, wq.And):
            parts = [self.run(q) for q in query.subqueries]
            matched = np.logical_and.reduce([p.matched for p in parts])
            return Evaluated(matched, sum(p.scores for p in parts) * matched)
        if isinstance(query, wq.AndNot):
            kept = self.run(query.a)
            matched = kept.matched & ~self.run(query.b).matched
            return Evaluated(matched, kept.scores * matched)
        if isinstance(query, wq.Every):
            return Evaluated(np.ones(self.size, dtype=bool), np.zeros(self.size, dtype=np.float32))
        if query is wq.NullQuery:
            return self.nothing()
        if isinstance(query, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)):
            # Every index term the pattern covers (bytes or, for fuzzy terms, str).
            texts = sorted(set(query._btexts(self.reader)))
            return self.union([self.term(query.fieldname, t, query.boost) for t in texts])
        words: list[Any] = []
        if isinstance(query, wq.Phrase):
            words = [wq.Term(query.fieldname, w, boost=query.boost) for w in query.words]
        elif isinstance(query, wq.SpanNear2):
            words = [wq.Term(q.fieldname, q.text, boost=query.boost) for q in query.qs]
        matched = np.zeros(self.size, dtype=bool)
        matched[np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)] = True
        scores = sum((self.run(w).scores for w in words), np.zeros(self.size, dtype=np.float32))
        return Evaluated(matched, scores * matched)

    def union(self, parts: list[Evaluated]) -> Evaluated:
        if not parts:
            return self.nothing()
        matched = np.logical_or.reduce([p.matched for p in parts])
        return Evaluated(matched, sum(p.scores for p in parts))

    def term(self, field: str, text: str | bytes, boost: float) -> Evaluated:
        out = self.nothing()
        frequency = self.reader.doc_frequency(field, text)
        if not frequency:
            return out
        idf = math.log(1 + (self.documents - frequency + 0.5) / (frequency + 0.5))
        average = max(1.0, self.reader.field_length(field) / self.documents)
        for leaf, offset in self.leaves:
            try:
                matcher = leaf.postings(field, text)
            except (TermNotFound, KeyError):
                continue
            ids, frequencies = _postings(matcher)
            if not len(ids):
                continue
            lengths = self.lengths.of(leaf, field)[ids]
            norm = K1 * (1 - B + B * lengths / average)
            docs = ids + offset
            out.matched[docs] = True
            out.scores[docs] = boost * idf * frequencies * (K1 + 1) / (frequencies + norm)
        return out


def _postings(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers and term frequencies of one term in one segment."""
    # Deleted documents are masked by the caller, so a deletion filter is looked through.
    inner = getattr(matcher, "child", matcher)
    if not isinstance(inner, W3LeafMatcher) or inner._byteids:
        found: list[int] = []
        weights: list[float] = []
        while inner.is_active():
            found.append(inner.id())
            weights.append(inner.weight())
            inner.next()
        return np.asarray(found, dtype=np.int64), np.asarray(weights, dtype=np.float32)
    ids, blocks = [], []
    while inner.is_active():
        inner._read_data()
        # Ids are stored as deltas within a block; weights as an array, one float, or None (1.0).
        ids.append(np.cumsum(np.asarray(inner._data[0], dtype=np.int64)))
        raw = inner._data[1]
        if raw is None or isinstance(raw, float):
            blocks.append(np.full(inner._blocklength, 1.0 if raw is None else raw, np.float32))
        else:
            blocks.append(np.asarray(raw, dtype=np.float32))
        inner._next_block()
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(ids), np.concatenate(blocks)

