"""Per-document facet values as compact numpy arrays, read once per index segment and cached.

Facet counts and facet filters are array operations over these: counting the sections of 100k hits
is one `bincount`, where Whoosh's `groupedby` walks every document in Python (and miscounts fields
with several values per document).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsarchive.core.index.analysis import fold
from newsarchive.core.index.postings import iter_term_ids, read_int_column
from newsarchive.core.index.schema import NEEDS_REVIEW, VOCABULARY
from newsarchive.core.model import SECTION_SEPARATOR

_EMPTY = np.zeros(0, dtype=np.int32)


class Vocabulary:
    """Facet values met so far, each with a small integer id; values equal after folding share one.

    Grows as new segments appear and never shrinks, so ids in cached segment arrays stay valid.
    """

    def __init__(self, separator: str | None = None) -> None:
        self._ids: dict[str, int] = {}
        self.labels: list[str] = []
        self.keys: list[str] = []
        self._separator = separator

    def id_of(self, value: str) -> int:
        key = fold(value)
        found = self._ids.get(key)
        if found is None:
            label = self._label(value)
            found = self._ids[key] = len(self.labels)
            self.labels.append(label)
            self.keys.append(key)
        return found

    def _label(self, value: str) -> str:
        # A path's label begins with its parent's label, so `Notícias > Brasil` is shown under
        # the `Noticias` it was folded together with, not as a child of a parent never shown.
        if self._separator and self._separator in value:
            parent, _, last = value.rpartition(self._separator)
            parent_id = self._ids.get(fold(parent))
            if parent_id is not None:
                return self.labels[parent_id] + self._separator + last
        return value

    def find(self, value: str) -> int | None:
        return self._ids.get(fold(value))

    def __len__(self) -> int:
        return len(self.labels)


@dataclass(frozen=True, slots=True)
class SegmentValues:
    """The facet values of one segment's documents (segment-local document numbers)."""

    dates: np.ndarray  # int32 YYYYMMDD, 0 when undated
    imported: np.ndarray  # int64 seconds since 1970 the article came into the library, 0 unknown
    section_docs: np.ndarray  # (doc, value) pairs, one per section level of each document
    section_ids: np.ndarray
    person_docs: np.ndarray  # (doc, value) pairs, one per person of each document
    person_ids: np.ndarray
    source_docs: np.ndarray  # (doc, value) pairs: each document's outlet
    source_ids: np.ndarray
    review: np.ndarray  # bool: the record has something for the user to review
    copy_docs: np.ndarray  # (doc, article) pairs: the articles each document is a copy of
    copy_ids: np.ndarray
    vocabulary: np.ndarray  # bool: a vocabulary document, no article


def _pairs(leaf: Any, field: str, vocabulary: Vocabulary) -> tuple[np.ndarray, np.ndarray]:
    docs: list[np.ndarray] = []
    ids: list[np.ndarray] = []
    for value, found in iter_term_ids(leaf, field):
        docs.append(found.astype(np.int32))
        ids.append(np.full(len(found), vocabulary.id_of(value), dtype=np.int32))
    if not docs:
        return _EMPTY, _EMPTY
    return np.concatenate(docs), np.concatenate(ids)


def read_segment(leaf: Any, sections: Vocabulary, people: Vocabulary,
                 sources: Vocabulary, copied: Vocabulary) -> SegmentValues:
    """Read the facet values of one segment from its postings and its date column."""
    dates = read_int_column(leaf, "date_value")
    imported = read_int_column(leaf, "imported_value", wide=True)
    section_docs, section_ids = _pairs(leaf, "section_value", sections)
    person_docs, person_ids = _pairs(leaf, "person_value", people)
    source_docs, source_ids = _pairs(leaf, "source_value", sources)
    review = np.zeros(len(dates), dtype=bool)
    vocabulary = np.zeros(len(dates), dtype=bool)
    for flag, found in iter_term_ids(leaf, "flags"):
        if flag == NEEDS_REVIEW:
            review[found] = True
        elif flag == VOCABULARY:
            vocabulary[found] = True
    copy_docs, copy_ids = _pairs(leaf, "copy_of", copied)
    return SegmentValues(dates, imported, section_docs, section_ids, person_docs, person_ids,
                         source_docs, source_ids, review, copy_docs, copy_ids, vocabulary)


@dataclass(frozen=True, slots=True)
class FacetArrays:
    """Facet values of every document of one index generation, by global document number.

    `live` is False for deleted documents. `years`/`months` are 0 for undated documents,
    months as YYYYMM.
    """

    live: np.ndarray
    dates: np.ndarray
    imported: np.ndarray
    years: np.ndarray
    months: np.ndarray
    section_docs: np.ndarray
    section_ids: np.ndarray
    person_docs: np.ndarray
    person_ids: np.ndarray
    source_docs: np.ndarray
    source_ids: np.ndarray
    review: np.ndarray
    copy_docs: np.ndarray
    copy_ids: np.ndarray
    sections: Vocabulary
    people: Vocabulary
    sources: Vocabulary
    copied: Vocabulary  # the ids of articles others are copies of

    @property
    def doc_count(self) -> int:
        return len(self.live)


class FacetArrayCache:
    """Builds `FacetArrays` for a Whoosh reader, reusing what it read of segments seen before.

    Segments never change once written (only their deletions grow), so a refresh after a commit
    reads only the new segments. Safe to share between threads.
    """

    def __init__(self) -> None:
        self.sections = Vocabulary(SECTION_SEPARATOR)
        self.people = Vocabulary()
        self.sources = Vocabulary()
        self.copied = Vocabulary()
        self._segments: dict[str, SegmentValues] = {}
        self._lock = threading.Lock()

    def arrays_for(self, reader: Any) -> FacetArrays:
        with self._lock:
            parts: list[tuple[Any, int, SegmentValues]] = []
            seen: dict[str, SegmentValues] = {}
            for leaf, offset in reader.leaf_readers():
                if leaf.segment() is None:  # the reader of an empty index
                    continue
                segment_id = leaf.segment().segment_id()
                values = self._segments.get(segment_id)
                if values is None:
                    values = read_segment(leaf, self.sections, self.people, self.sources,
                                          self.copied)
                seen[segment_id] = values
                parts.append((leaf, offset, values))
            self._segments = seen
            return self._assemble(parts)

    def _assemble(self, parts: list[tuple[Any, int, SegmentValues]]) -> FacetArrays:
        lives, dates, reviews, imported = [], [], [], []
        section_docs, section_ids, person_docs, person_ids = [], [], [], []
        source_docs, source_ids, copy_docs, copy_ids = [], [], [], []
        for leaf, offset, values in parts:
            live = ~values.vocabulary  # a vocabulary document is never a result
            if leaf.has_deletions():
                deleted = np.fromiter(leaf.segment().deleted_docs(), dtype=np.int64)
                live[deleted] = False
            lives.append(live)
            dates.append(values.dates)
            imported.append(values.imported)
            section_docs.append(values.section_docs + offset)
            section_ids.append(values.section_ids)
            person_docs.append(values.person_docs + offset)
            person_ids.append(values.person_ids)
            source_docs.append(values.source_docs + offset)
            source_ids.append(values.source_ids)
            copy_docs.append(values.copy_docs + offset)
            copy_ids.append(values.copy_ids)
            reviews.append(values.review)

        def join(chunks: list[np.ndarray], dtype: Any) -> np.ndarray:
            return np.concatenate(chunks).astype(dtype, copy=False) if chunks else np.zeros(0, dtype)

        all_dates = join(dates, np.int32)
        return FacetArrays(
            live=join(lives, bool),
            dates=all_dates,
            imported=join(imported, np.int64),
            years=all_dates // 10000,
            months=all_dates // 100,
            section_docs=join(section_docs, np.int32),
            section_ids=join(section_ids, np.int32),
            person_docs=join(person_docs, np.int32),
            person_ids=join(person_ids, np.int32),
            source_docs=join(source_docs, np.int32),
            source_ids=join(source_ids, np.int32),
            review=join(reviews, bool),
            copy_docs=join(copy_docs, np.int32),
            copy_ids=join(copy_ids, np.int32),
            sections=self.sections,
            people=self.people,
            sources=self.sources,
            copied=self.copied,
        )
