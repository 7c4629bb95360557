"""Facet filters and facet counts over the per-document arrays of `core.index.facet_arrays`.

Within a facet the selected values combine with OR, across facets with AND, and excluded values
are always removed. Each facet is counted without its own selection (so a second person can be
added), and the year and month facets ignore the date range.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from newsarchive.core.index.facet_arrays import FacetArrays, Vocabulary
from newsarchive.core.index.schema import date_number
from newsarchive.core.model import SECTION_SEPARATOR, split_section
from newsarchive.core.search.request import FacetCount, SearchRequest


@dataclass(frozen=True, slots=True)
class FacetMasks:
    """Which documents each facet's selection keeps (None: that facet selects nothing)."""

    section: np.ndarray | None
    person: np.ndarray | None
    date: np.ndarray | None

    def combined(self, base: np.ndarray, *, without: str | None = None) -> np.ndarray:
        result = base
        for name in ("section", "person", "date"):
            mask = getattr(self, name)
            if mask is not None and name != without:
                result = result & mask
        return result


def _docs_with(arrays_docs: np.ndarray, arrays_ids: np.ndarray, wanted: list[int],
               size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    if wanted:
        mask[arrays_docs[np.isin(arrays_ids, wanted)]] = True
    return mask


def _value_mask(docs: np.ndarray, ids: np.ndarray, vocabulary: Vocabulary,
                included: tuple[str, ...], excluded: tuple[str, ...], size: int,
                normalise: Callable[[str], str] = str) -> np.ndarray | None:
    if not included and not excluded:
        return None
    mask = np.ones(size, dtype=bool)
    if included:
        wanted = [i for v in included if (i := vocabulary.find(normalise(v))) is not None]
        mask &= _docs_with(docs, ids, wanted, size)
    if excluded:
        unwanted = [i for v in excluded if (i := vocabulary.find(normalise(v))) is not None]
        mask &= ~_docs_with(docs, ids, unwanted, size)
    return mask


def _section_path(value: str) -> str:
    return SECTION_SEPARATOR.join(split_section(value))


def facet_masks(arrays: FacetArrays, request: SearchRequest) -> FacetMasks:
    size = arrays.doc_count
    section = _value_mask(arrays.section_docs, arrays.section_ids, arrays.sections,
                          request.sections, request.exclude_sections, size, _section_path)
    person = _value_mask(arrays.person_docs, arrays.person_ids, arrays.people,
                         request.people, request.exclude_people, size, str.strip)
    return FacetMasks(section, person, date_mask(arrays, request.date_from, request.date_to))


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
                  selected: np.ndarray) -> list[FacetCount]:
    counts = np.bincount(ids[selected[docs]], minlength=len(vocabulary))
    found = np.flatnonzero(counts)
    labels = vocabulary.labels
    entries = [FacetCount(labels[i], int(counts[i])) for i in found]
    entries.sort(key=lambda e: (-e.count, e.value.casefold()))
    return entries


def _period_counts(periods: np.ndarray, selected: np.ndarray, label: Callable[[int], str]) -> list[FacetCount]:
    chosen = periods[selected]
    values, counts = np.unique(chosen[chosen > 0], return_counts=True)
    return [FacetCount(label(int(v)), int(c)) for v, c in zip(values, counts)]


def count_facets(arrays: FacetArrays, matched: np.ndarray,
                 masks: FacetMasks) -> dict[str, tuple[FacetCount, ...]]:
    """Counts of every facet for the documents `matched` by the query (live ones only)."""
    base = matched & arrays.live
    for_sections = masks.combined(base, without="section")
    for_people = masks.combined(base, without="person")
    for_dates = masks.combined(base, without="date")
    return {
        "section": tuple(_value_counts(arrays.section_docs, arrays.section_ids, arrays.sections,
                                       for_sections)),
        "person": tuple(_value_counts(arrays.person_docs, arrays.person_ids, arrays.people,
                                      for_people)),
        "year": tuple(_period_counts(arrays.years, for_dates, lambda v: f"{v:04d}")),
        "month": tuple(_period_counts(arrays.months, for_dates,
                                      lambda v: f"{v // 100:04d}-{v % 100:02d}")),
    }
