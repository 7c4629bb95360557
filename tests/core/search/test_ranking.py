"""The numpy readers of Whoosh's postings agree with Whoosh's own decoding."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.formats import Positions

from newsarchive.core.search.ranking import positions_of

POSITION_LISTS = st.lists(
    st.lists(st.integers(min_value=0, max_value=200_000), min_size=1, max_size=1200, unique=True)
    .map(sorted),
    min_size=0, max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(POSITION_LISTS)
def test_positions_of_decodes_what_whoosh_encodes(lists: list[list[int]]) -> None:
    encoded = [Positions().encode(positions) for positions in lists]
    docs = np.arange(len(lists), dtype=np.int64) * 7
    found_docs, found_positions = positions_of(encoded, docs)
    expected = [(doc * 7, position) for doc, positions in enumerate(lists) for position in positions]
    assert list(zip(found_docs.tolist(), found_positions.tolist(), strict=True)) == expected


def test_positions_of_reads_the_stop_opcode_whoosh_sometimes_leaves_off() -> None:
    encoded = [Positions().encode([3, 9])[:-1], Positions().encode([300])]
    docs, positions = positions_of(encoded, np.array([1, 2]))
    assert (docs.tolist(), positions.tolist()) == ([1, 1, 2], [3, 9, 300])


def test_a_phrase_matched_once_is_not_matched_again(searcher, monkeypatch) -> None:
    from newsarchive.core.search import ranking
    from newsarchive.core.search.request import SearchRequest

    searcher.clear_cache()
    calls = []
    original = ranking._Evaluation.phrase_in
    monkeypatch.setattr(ranking._Evaluation, "phrase_in",
                        lambda self, *args: calls.append(args) or original(self, *args))
    request = SearchRequest(query='"peace talks"')
    first = searcher.search(request)
    matched = len(calls)
    assert matched and [hit.id for hit in first.hits] == ["a1"]
    again = searcher.search(request)
    narrowed = searcher.search(SearchRequest(query='"peace talks"', sections=("Opinion",)))
    assert len(calls) == matched  # every field and segment came from the cache
    assert [(h.id, h.score) for h in again.hits] == [(h.id, h.score) for h in first.hits]
    assert again.facets == first.facets and narrowed.total == 0
    searcher.clear_cache()
    searcher.search(request)
    assert len(calls) == 2 * matched
