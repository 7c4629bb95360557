"""Facet filters and facet counts over the per-document arrays of `core.index.facet_arrays`.

Within a facet the selected values combine with OR, across facets with AND, and excluded values
are always removed. Each facet is counted without its own selection (so a second person can be
added), and the year and month facets ignore the date range.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsarchive.core.index.facet_arrays import FacetArrays, Vocabulary
from newsarchive.core.index.schema import date_number, milliseconds
from newsarchive.core.model import SECTION_SEPARATOR, split_section
from newsarchive.core.search.request import FacetCount, SearchRequest
from newsarchive.core.search.stories import Stories


@dataclass(frozen=True, slots=True)
class FacetMasks:
    """Which documents each facet's selection keeps (None: that facet selects nothing), and
    `keep`: the documents carrying no excluded value (None: nothing excluded)."""

    section: np.ndarray | None
    person: np.ndarray | None
    source: np.ndarray | None
    collection: np.ndarray | None
    date: np.ndarray | None
    keep: np.ndarray | None

    @property
    def filtering(self) -> bool:
        return any(m is not None for m in (self.section, self.person, self.source,
                                           self.collection, self.date, self.keep))

    def combined(self, base: np.ndarray, *, without: str | None = None) -> np.ndarray:
        """`base` narrowed by every selection but `without`'s; exclusions always apply."""
        result = base if self.keep is None else base & self.keep
        for name in ("section", "person", "source", "collection", "date"):
            mask = getattr(self, name)
            if mask is not None and name != without:
                result = result & mask
        return result


def _docs_with(docs: np.ndarray, ids: np.ndarray, values: tuple[str, ...],
               vocabulary: Vocabulary, normalise: Callable[[str], str], size: int) -> np.ndarray:
    wanted = [i for v in values if (i := vocabulary.find(normalise(v))) is not None]
    mask = np.zeros(size, dtype=bool)
    if wanted:
        mask[docs[np.isin(ids, wanted)]] = True
    return mask


def _section_path(value: str) -> str:
    return SECTION_SEPARATOR.join(split_section(value))


def facet_masks(arrays: FacetArrays, request: SearchRequest,
                collections: Mapping[str, np.ndarray] | None = None) -> FacetMasks:
    """The masks of every selection of `request`; `collections` are the documents of each
    collection (name -> mask), compared without case."""
    size = arrays.doc_count
    sections = (arrays.section_docs, arrays.section_ids)
    people = (arrays.person_docs, arrays.person_ids)
    sources = (arrays.source_docs, arrays.source_ids)
    section = person = source = keep = None
    if request.sections:
        section = _docs_with(*sections, request.sections, arrays.sections, _section_path, size)
    if request.people:
        person = _docs_with(*people, request.people, arrays.people, str.strip, size)
    if request.sources:
        source = _docs_with(*sources, request.sources, arrays.sources, str.strip, size)
    if request.exclude_sections or request.exclude_people or request.exclude_sources:
        excluded = _docs_with(*sections, request.exclude_sections, arrays.sections, _section_path,
                              size)
        excluded |= _docs_with(*people, request.exclude_people, arrays.people, str.strip, size)
        excluded |= _docs_with(*sources, request.exclude_sources, arrays.sources, str.strip, size)
        keep = ~excluded
    if request.needs_review:
        keep = arrays.review if keep is None else keep & arrays.review
    if request.added_since is not None:
        recent = arrays.imported > milliseconds(request.added_since)
        keep = recent if keep is None else keep & recent
    collection = None
    by_name = {name.casefold(): mask for name, mask in (collections or {}).items()}
    none = np.zeros(size, dtype=bool)
    if request.collections:
        collection = np.logical_or.reduce(
            [by_name.get(n.strip().casefold(), none) for n in request.collections])
    if request.exclude_collections:
        left_out = np.logical_or.reduce(
            [by_name.get(n.strip().casefold(), none) for n in request.exclude_collections])
        keep = ~left_out if keep is None else keep & ~left_out
    return FacetMasks(section, person, source, collection,
                      date_mask(arrays, request.date_from, request.date_to), keep)


def date_mask(arrays: FacetArrays, start: date | None, end: date | None) -> np.ndarray | None:
    """Documents dated within [start, end] (undated ones never are); None without a range."""
    if start is None and end is None:
        return None
    mask = arrays.dates > 0
    if start is not None:
        mask &= arrays.dates >= date_number(start)
    if end is not None:
        mask &= arrays.dates <= date_number(end)
    return mask


def _value_counts(docs: np.ndarray, ids: np.ndarray, vocabulary: Vocabulary,
                  selected: np.ndarray, stories: Stories | None = None) -> list[FacetCount]:
    counts = np.bincount(ids[selected[docs]], minlength=len(vocabulary))
    found = np.flatnonzero(counts)
    labels = vocabulary.labels
    told = stories.per_value(docs, ids, selected, len(vocabulary)) if stories else None
    entries = [FacetCount(labels[i], int(counts[i]), int(told[i]) if told is not None else None)
               for i in found]
    entries.sort(key=lambda e: (-e.count, e.value.casefold()))
    return entries


def _period_counts(periods: np.ndarray, selected: np.ndarray,
                   label: Callable[[int], str]) -> list[FacetCount]:
    chosen = periods[selected]
    chosen = chosen[chosen > 0]
    if not len(chosen):
        return []
    low = int(chosen.min())
    counts = np.bincount(chosen - low)
    return [FacetCount(label(low + int(i)), int(counts[i])) for i in np.flatnonzero(counts)]


def count_facets(arrays: FacetArrays, matched: np.ndarray, masks: FacetMasks,
                 collections: Mapping[str, np.ndarray] | None = None,
                 stories: Stories | None = None) -> dict[str, tuple[FacetCount, ...]]:
    """Counts of every facet for the documents `matched` by the query (live ones only); every
    collection is listed, in its own order, even when none of its articles match. With `stories`
    (a library with near-duplicate copies) each value also counts the stories it holds."""
    told = stories if stories is not None and stories.has_copies else None
    base = matched & arrays.live
    for_collections = masks.combined(base, without="collection")
    for_sections = masks.combined(base, without="section")
    for_people = masks.combined(base, without="person")
    for_sources = masks.combined(base, without="source")
    for_dates = masks.combined(base, without="date")
    return {
        "section": tuple(_value_counts(arrays.section_docs, arrays.section_ids, arrays.sections,
                                       for_sections, told)),
        "person": tuple(_value_counts(arrays.person_docs, arrays.person_ids, arrays.people,
                                      for_people, told)),
        "source": tuple(_value_counts(arrays.source_docs, arrays.source_ids, arrays.sources,
                                      for_sources, told)),
        "collection": tuple(
            FacetCount(name, int(np.count_nonzero(for_collections & mask)),
                       told.count(for_collections & mask) if told else None)
            for name, mask in (collections or {}).items()),
        "year": tuple(_period_counts(arrays.years, for_dates, lambda v: f"{v:04d}")),
        "month": tuple(_period_counts(arrays.months, for_dates,
                                      lambda v: f"{v // 100:04d}-{v % 100:02d}")),
    }
