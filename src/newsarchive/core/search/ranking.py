"""Matching and scoring a query over the whole index at once, with numpy, from the posting blocks.

Whoosh yields matching documents one Python call at a time and scores each the same way, which at
100k articles makes a broad word cost a few hundred milliseconds. A search needs every match
anyway (for the total and the facet counts), so here each term's postings are read a block at a
time (ids, term frequencies, positions when a phrase needs them), scored with BM25 against
per-document field lengths, and combined as arrays: OR adds scores, AND keeps documents every part
matches, NOT removes. Date ranges come from the facet arrays; proximity (`"a b"~N`) is matched by
Whoosh. Postings read, and the documents each phrase was found in, are kept in a bounded cache: a
query is typically run again and again while facets are clicked and pages turned.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.reading import TermNotFound

from newsarchive.core.index.postings import Postings, positions_of, read_lengths, read_postings

# BM25's usual constants: term frequency saturation and length normalisation.
K1 = 1.2
B = 0.75
# Postings kept in memory between searches (ids, frequencies, positions of recent terms).
CACHE_BYTES = 128 * 2**20
_POSITION_BITS = 22  # positions below 4M words per field: far beyond any article


@dataclass(frozen=True, slots=True)
class Evaluated:
    """Which documents a query matches and how well (0 where it does not)."""

    matched: np.ndarray  # bool, by document number
    scores: np.ndarray  # float32, by document number


class IndexCache:
    """Per-segment field lengths, recently read postings and recently matched phrases; safe to
    share between threads.

    Segments never change once written, so nothing here goes stale; a rebuilt index gets a new one.
    """

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self._lengths: dict[tuple[str, str], np.ndarray] = {}
        # Postings by (segment, field, term); a phrase's matching documents by (segment, field,
        # its terms), since matching positions costs more than reading them.
        self._recent: OrderedDict[tuple[Any, ...], Postings | np.ndarray] = OrderedDict()
        self._size = 0
        self._budget = budget
        self._lock = threading.Lock()

    def lengths(self, leaf: Any, field: str) -> np.ndarray:
        key = (leaf.segment().segment_id(), field)
        with self._lock:
            found = self._lengths.get(key)
            if found is None:
                found = self._lengths[key] = read_lengths(leaf, field)
            return found

    def postings(self, leaf: Any, field: str, text: bytes, positions: bool) -> Postings | None:
        key = (leaf.segment().segment_id(), field, text)
        found = self._recall(key)
        if isinstance(found, Postings) and (found.positions is not None or not positions):
            return found
        try:
            matcher = leaf.postings(field, text)
        except (TermNotFound, KeyError):
            return None
        found = read_postings(matcher, positions)
        self._keep(key, found)
        return found

    def phrase_matches(self, leaf: Any, field: str, keys: tuple[bytes, ...],
                       match: Callable[[], np.ndarray]) -> np.ndarray:
        """The segment's documents holding the phrase `keys`, from `match()` the first time."""
        key = (leaf.segment().segment_id(), field, keys)
        found = self._recall(key)
        if isinstance(found, np.ndarray):
            return found
        found = match()
        self._keep(key, found)
        return found

    def _recall(self, key: tuple[Any, ...]) -> Postings | np.ndarray | None:
        with self._lock:
            found = self._recent.get(key)
            if found is not None:
                self._recent.move_to_end(key)
            return found

    def _keep(self, key: tuple[Any, ...], value: Postings | np.ndarray) -> None:
        with self._lock:
            old = self._recent.pop(key, None)
            if old is not None:
                self._size -= _cost(old)
            self._recent[key] = value
            self._size += _cost(value)
            while self._size > self._budget and len(self._recent) > 1:
                _, dropped = self._recent.popitem(last=False)
                self._size -= _cost(dropped)


def _cost(entry: Postings | np.ndarray) -> int:
    if isinstance(entry, np.ndarray):
        return entry.nbytes + 64
    extra = 0 if entry.positions is None else 48 * len(entry.positions)
    return entry.ids.nbytes + entry.frequencies.nbytes + extra


def _total(arrays: Iterable[np.ndarray]) -> np.ndarray:
    out: np.ndarray | None = None
    for array in arrays:
        out = array.copy() if out is None else out + array
    assert out is not None, "a sum of no scores"
    return out


def evaluate(searcher: Any, query: Any, dates: np.ndarray, cache: IndexCache) -> Evaluated:
    """Match and score `query` over every document (deleted ones too: the caller masks them).

    `dates` are the documents' YYYYMMDD dates (0: undated), for date ranges.
    """
    return _Evaluation(searcher, dates, cache).run(query)


class _Evaluation:
    def __init__(self, searcher: Any, dates: np.ndarray, cache: IndexCache) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.dates = dates
        self.size = len(dates)
        self.cache = cache
        self.leaves = [(leaf, offset) for leaf, offset in self.reader.leaf_readers()
                       if leaf.segment() is not None]
        self.documents = max(1, self.reader.doc_count())

    def nothing(self) -> Evaluated:
        return Evaluated(np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float32))

    def run(self, query: Any) -> Evaluated:
        if isinstance(query, wq.Term):
            return self.term(query.fieldname, query.text, query.boost)
        if isinstance(query, wq.Or):
            return self.union(query)
        if isinstance(query, wq.And):
            parts: list[Evaluated] = []
            for part in query.subqueries:
                parts.append(self.run(part))
                if not parts[-1].matched.any():
                    return self.nothing()  # the rest cannot bring anything back
            matched = np.logical_and.reduce([p.matched for p in parts])
            return Evaluated(matched, _total(p.scores for p in parts) * matched)
        if isinstance(query, wq.AndNot):
            kept = self.run(query.a)
            if not kept.matched.any():
                return kept
            matched = kept.matched & ~self.run(query.b).matched
            return Evaluated(matched, kept.scores * matched)
        if isinstance(query, wq.ConstantScoreQuery):
            # A filter: its matches, each scored the same (0 adds nothing to an AND).
            found = self.run(query.child).matched
            return Evaluated(found, (found * np.float32(query.score)).astype(np.float32))
        if isinstance(query, wq.Every):
            return Evaluated(np.ones(self.size, dtype=bool), np.zeros(self.size, dtype=np.float32))
        if query is wq.NullQuery:
            return self.nothing()
        if isinstance(query, wq.NumericRange) and query.fieldname == "date":
            matched = (self.dates >= query.start) & (self.dates <= query.end) & (self.dates > 0)
            return Evaluated(matched, np.zeros(self.size, dtype=np.float32))
        if isinstance(query, wq.Prefix | wq.Wildcard | wq.FuzzyTerm):
            # Every index term the pattern covers (bytes or, for fuzzy terms, str).
            texts = sorted(set(query._btexts(self.reader)))
            return self.union(wq.Or([wq.Term(query.fieldname, t, boost=query.boost)
                                     for t in texts]))
        if isinstance(query, wq.Phrase) and query.slop == 1:
            return self.phrase(query.fieldname, query.words, query.boost)
        return self.through_whoosh(query)

    def through_whoosh(self, query: Any) -> Evaluated:
        """The slow path, for what the blocks are not read for here (proximity): Whoosh's own
        matching, one document per call; scored by the query's words."""
        words: list[Any] = []
        if isinstance(query, wq.SpanNear2):
            words = [wq.Term(q.fieldname, q.text, boost=query.boost) for q in query.qs]
        matched = np.zeros(self.size, dtype=bool)
        matched[np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)] = True
        scores = _total(self.run(w).scores for w in words) if words else self.nothing().scores
        return Evaluated(matched, scores * matched)

    def union(self, query: Any) -> Evaluated:
        """OR: matched by any part, scores added. Terms (a wildcard can expand to thousands) are
        added straight into one pair of arrays instead of each making its own."""
        out = self.nothing()
        stack = list(reversed(query.subqueries))  # popped in the query's order
        while stack:
            part = stack.pop()
            if isinstance(part, wq.Or):
                stack.extend(reversed(part.subqueries))
            elif isinstance(part, wq.Term):
                for docs, scores in self.term_postings(part.fieldname, part.text, part.boost):
                    out.matched[docs] = True
                    out.scores[docs] += scores
            elif part is not wq.NullQuery:
                found = self.run(part)
                np.logical_or(out.matched, found.matched, out=out.matched)
                np.add(out.scores, found.scores, out=out.scores)
        return out

    def term(self, field: str, text: str | bytes, boost: float) -> Evaluated:
        out = self.nothing()
        for docs, scores in self.term_postings(field, text, boost):
            out.matched[docs] = True
            out.scores[docs] = scores
        return out

    def term_postings(self, field: str, text: str | bytes, boost: float
                      ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Per segment, the documents holding the term and their BM25 scores."""
        key = text.encode("utf-8") if isinstance(text, str) else text
        frequency = self.reader.doc_frequency(field, key)
        if not frequency:
            return
        idf = math.log(1 + (self.documents - frequency + 0.5) / (frequency + 0.5))
        # Whoosh's BM25F: the mean length over live documents, 1 for a field nobody has.
        average = self.reader.field_length(field) / self.documents or 1.0
        for leaf, offset in self.leaves:
            postings = self.cache.postings(leaf, field, key, positions=False)
            if postings is None or not len(postings.ids):
                continue
            lengths = self.cache.lengths(leaf, field)[postings.ids]
            norm = K1 * (1 - B + B * lengths / average)
            tf = postings.frequencies
            yield postings.ids + offset, (boost * idf * tf * (K1 + 1) / (tf + norm)).astype(np.float32)

    def phrase(self, field: str, words: list[str], boost: float) -> Evaluated:
        """Documents where `words` stand next to each other in order, scored by their words."""
        matched = np.zeros(self.size, dtype=bool)
        keys = tuple(w.encode("utf-8") for w in words)
        for leaf, offset in self.leaves:
            found = self.cache.phrase_matches(
                leaf, field, keys, partial(self.phrase_in, leaf, field, keys))
            matched[found + offset] = True
        if not matched.any():
            return Evaluated(matched, np.zeros(self.size, dtype=np.float32))
        scores = np.zeros(self.size, dtype=np.float32)
        for word in words:
            for docs, part in self.term_postings(field, word, boost):
                scores[docs] += part
        return Evaluated(matched, scores * matched)

    def phrase_in(self, leaf: Any, field: str, keys: tuple[bytes, ...]) -> np.ndarray:
        """The segment's documents (local numbers) where the terms `keys` stand in order."""
        none = np.zeros(0, dtype=np.int64)
        found = [self.cache.postings(leaf, field, k, positions=True) for k in keys]
        lists = [p for p in found if p is not None and len(p.ids)]
        if len(lists) < len(found):
            return none
        candidates = lists[0].ids
        for postings in lists[1:]:
            candidates = np.intersect1d(candidates, postings.ids, assume_unique=True)
        if not len(candidates):
            return none
        # Each word's positions as (document, position - its place in the phrase) keys: a
        # document matches where the keys of every word meet.
        common: np.ndarray | None = None
        for place, postings in enumerate(lists):
            rows = np.searchsorted(postings.ids, candidates)
            assert postings.positions is not None
            values = [postings.positions[r] for r in rows.tolist()]
            docs, positions = positions_of(values, candidates)
            key = (docs << _POSITION_BITS) + (positions - place)
            common = key if common is None else np.intersect1d(common, key)
            if not len(common):
                return none
        assert common is not None
        return np.unique(common >> _POSITION_BITS)
