"""Stories from near-duplicate pairs (`near_duplicates.group`), against brute-force oracles: plain
connected components by graph search, and with "not a duplicate" splits a naive merge of Python
sets that tries the pairs in the same order."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.core.near_duplicates import group


def components_by_search(n: int, pairs: list[tuple[int, int]]) -> list[frozenset[int]]:
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen: set[int] = set()
    out = []
    for start in range(n):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            doc = stack.pop()
            if doc in component:
                continue
            component.add(doc)
            stack.extend(neighbours[doc] - component)
        seen |= component
        out.append(frozenset(component))
    return out


def merges_by_sets(n: int, pairs: list[tuple[int, int]],
                   splits: list[tuple[int, int]]) -> list[frozenset[int]]:
    """The rule said plainly: take the pairs in order; join two groups unless that would put both
    documents of a split in one group."""
    groups = {doc: frozenset({doc}) for doc in range(n)}
    for a, b in pairs:
        ga, gb = groups[a], groups[b]
        if ga == gb:
            continue
        joined = ga | gb
        if any(x in joined and y in joined for x, y in splits):
            continue
        for doc in joined:
            groups[doc] = joined
    return list(dict.fromkeys(groups.values()))


def partition(labels: np.ndarray) -> set[frozenset[int]]:
    members: dict[int, set[int]] = defaultdict(set)
    for doc, label in enumerate(labels.tolist()):
        members[label].add(doc)
    return {frozenset(m) for m in members.values()}


graphs = st.integers(min_value=1, max_value=40).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                 .filter(lambda pair: pair[0] != pair[1]), max_size=4),
    )
)


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_without_splits_the_stories_are_the_connected_components(graph) -> None:
    n, pairs, _ = graph
    labels = group(n, pairs)
    assert partition(labels) == set(components_by_search(n, pairs))


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_splits_are_kept_apart_exactly_as_a_naive_merge_keeps_them(graph) -> None:
    n, pairs, splits = graph
    labels = group(n, pairs, splits)
    assert partition(labels) == set(merges_by_sets(n, pairs, splits))
    for a, b in splits:
        assert labels[a] != labels[b]


@settings(max_examples=200, deadline=None)
@given(graphs)
def test_every_story_is_held_together_by_its_own_pairs_and_every_pair_left_out_was_refused(graph) -> None:
    n, pairs, splits = graph
    labels = group(n, pairs, splits)
    for story in partition(labels):
        inside = [(a, b) for a, b in pairs if a in story and b in story]
        assert set(components_by_search(n, inside)) >= {story}
    for a, b in pairs:
        if labels[a] != labels[b]:
            joined = {d for d in range(n) if labels[d] in (labels[a], labels[b])}
            assert any(x in joined and y in joined for x, y in splits)


@settings(max_examples=100, deadline=None)
@given(graphs)
def test_a_story_is_named_by_its_smallest_document_and_arrays_work_like_lists(graph) -> None:
    n, pairs, splits = graph
    labels = group(n, pairs, splits)
    assert labels.dtype == np.int64 and labels.shape == (n,)
    for story in partition(labels):
        assert {int(labels[d]) for d in story} == {min(story)}
    as_arrays = group(n, np.array(pairs, dtype=np.int64).reshape(-1, 2),
                      np.array(splits, dtype=np.int64).reshape(-1, 2))
    assert np.array_equal(as_arrays, labels)


def test_the_strongest_links_win_where_a_split_forces_a_choice() -> None:
    # 0-1 and 1-2 are copies, but the user said 0 and 2 are not: 1 stays with whichever comes first.
    assert group(3, [(0, 1), (1, 2)], [(0, 2)]).tolist() == [0, 0, 2]
    assert group(3, [(1, 2), (0, 1)], [(0, 2)]).tolist() == [0, 1, 1]


def test_a_split_stays_split_through_later_merges_of_either_side() -> None:
    pairs = [(0, 1), (2, 3), (1, 4), (3, 4), (4, 5)]
    labels = group(6, pairs, [(0, 3)])
    assert labels[0] != labels[3]
    assert labels.tolist() == [0, 0, 2, 2, 0, 0]


def test_no_documents_and_no_pairs() -> None:
    assert group(0, []).tolist() == []
    assert group(3, []).tolist() == [0, 1, 2]


@pytest.mark.parametrize(
    ("n", "pairs", "splits", "message"),
    [
        (3, [(0, 3)], [], "outside 0..2"),
        (3, [(-1, 0)], [], "outside 0..2"),
        (3, [], [(1, 1)], "split from itself"),
        (-1, [], [], "must not be negative"),
        (3, [(0, 1, 2)], [], "two document numbers"),
    ],
)
def test_bad_pairs_are_refused_with_a_reason(n, pairs, splits, message) -> None:
    with pytest.raises(ValueError, match=message):
        group(n, pairs, splits)
